DELETE FROM notifications WHERE kind IN ('message', 'shown', 'thread');
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
INSERT INTO notifications_next SELECT id, user_id, kind, actor_id, group_id, thread_id, post_id, created_at, read_at, message, until_at
    FROM notifications;
DROP TABLE notifications;
ALTER TABLE notifications_next RENAME TO notifications;
CREATE INDEX notifications_user ON notifications (user_id, id);
DROP TABLE message_reports;
DROP TABLE messages;
DROP TABLE conversations;
ALTER TABLE users DROP COLUMN messages_barred;
ALTER TABLE users DROP COLUMN messages_open;
DROP TABLE group_follows;
DROP TABLE profiles;
