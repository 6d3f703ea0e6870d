-- A post held for the group's moderators to read first (the operator's choice for posts that
-- read like a crisis): hidden, and nobody told of it, until a moderator shows it.
ALTER TABLE posts ADD COLUMN held BOOLEAN NOT NULL DEFAULT FALSE;
