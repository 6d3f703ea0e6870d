-- Safety in the community: blocking, edits with their history, suspension and moderators'
-- notes to a member; see the SQLite migration.
CREATE TABLE blocks (
    blocker_id BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    blocked_id BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX blocks_blocked ON blocks (blocked_id, blocker_id);

CREATE TABLE group_suspensions (
    group_id BIGINT      NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id  BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    until_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_suspensions_user ON group_suspensions (user_id);

CREATE TABLE post_edits (
    id           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    post_id      BIGINT      NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    editor_id    BIGINT      REFERENCES users (id) ON DELETE SET NULL,
    body         TEXT        NOT NULL,
    by_moderator BOOLEAN     NOT NULL DEFAULT FALSE,
    edited_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX post_edits_post ON post_edits (post_id, id);
ALTER TABLE posts ADD COLUMN moderator_edited BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('reply', 'mention', 'approved', 'warning', 'suspended'));
ALTER TABLE notifications ADD COLUMN message TEXT, ADD COLUMN until_at TIMESTAMPTZ;
