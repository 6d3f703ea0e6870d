-- Bumped with every change to a member's diary, so cached analyses know when they are stale.
ALTER TABLE users ADD COLUMN diary_revision BIGINT NOT NULL DEFAULT 0;
