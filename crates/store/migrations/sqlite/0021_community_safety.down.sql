DELETE FROM notifications WHERE kind IN ('warning', 'suspended');
CREATE TABLE notifications_prev (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('reply', 'mention', 'approved')),
    actor_id   INTEGER REFERENCES users (id) ON DELETE CASCADE,
    group_id   INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    thread_id  INTEGER REFERENCES threads (id) ON DELETE CASCADE,
    post_id    INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    created_at TEXT    NOT NULL,
    read_at    TEXT,
    UNIQUE (user_id, kind, post_id)
);
INSERT INTO notifications_prev SELECT id, user_id, kind, actor_id, group_id, thread_id, post_id, created_at, read_at
    FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_prev RENAME TO notifications;
CREATE INDEX notifications_user ON notifications (user_id, id);
ALTER TABLE posts DROP COLUMN moderator_edited;
DROP TABLE post_edits;
DROP TABLE group_suspensions;
DROP TABLE blocks;
