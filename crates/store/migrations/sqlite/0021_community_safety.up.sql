-- Safety in the community: blocking, edits with their history, suspension and moderators'
-- notes to a member.

-- A member blocked another: the two stop seeing each other's posts and hearing of each other.
CREATE TABLE blocks (
    blocker_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    blocked_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);
CREATE INDEX blocks_blocked ON blocks (blocked_id, blocker_id);

-- A moderator may pause a member's posting in one group until a time; reading goes on. Kept
-- apart from the membership, so leaving and joining again does not end the pause.
CREATE TABLE group_suspensions (
    group_id INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    until_at TEXT    NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_suspensions_user ON group_suspensions (user_id);

-- The text a post had before each edit, read by moderators only. A moderator's edit (taking
-- out personal details) is marked, and the post then says a moderator edited it.
CREATE TABLE post_edits (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    post_id      INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    editor_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    body         TEXT    NOT NULL,
    by_moderator INTEGER NOT NULL DEFAULT 0,
    edited_at    TEXT    NOT NULL
);
CREATE INDEX post_edits_post ON post_edits (post_id, id);
ALTER TABLE posts ADD COLUMN moderator_edited INTEGER NOT NULL DEFAULT 0;

-- Notifications gain the moderators' notes to a member (a warning, a pause in posting), with
-- their words and, for a pause, its end. SQLite cannot change a CHECK, so the table is rebuilt.
CREATE TABLE notifications_next (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('reply', 'mention', 'approved', 'warning', 'suspended')),
    actor_id   INTEGER REFERENCES users (id) ON DELETE CASCADE,
    group_id   INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    thread_id  INTEGER REFERENCES threads (id) ON DELETE CASCADE,
    post_id    INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    created_at TEXT    NOT NULL,
    read_at    TEXT,
    message    TEXT,
    until_at   TEXT,
    UNIQUE (user_id, kind, post_id)
);
INSERT INTO notifications_next (id, user_id, kind, actor_id, group_id, thread_id, post_id, created_at, read_at)
    SELECT id, user_id, kind, actor_id, group_id, thread_id, post_id, created_at, read_at FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_next RENAME TO notifications;
CREATE INDEX notifications_user ON notifications (user_id, id);
