-- Direct messages between two members who both allow them; following a whole group; a
-- member's profile, each field shown to whom they chose.

-- What a member tells others about themselves. Each field has its audience: 'everyone'
-- signed in, 'members' who share a group with them, or 'nobody' (the default).
CREATE TABLE profiles (
    user_id          INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    about            TEXT NOT NULL DEFAULT '',
    about_to         TEXT NOT NULL DEFAULT 'nobody' CHECK (about_to IN ('everyone', 'members', 'nobody')),
    living_with      TEXT NOT NULL DEFAULT '',
    living_with_to   TEXT NOT NULL DEFAULT 'nobody' CHECK (living_with_to IN ('everyone', 'members', 'nobody')),
    groups_to        TEXT NOT NULL DEFAULT 'nobody' CHECK (groups_to IN ('everyone', 'members', 'nobody')),
    since_to         TEXT NOT NULL DEFAULT 'nobody' CHECK (since_to IN ('everyone', 'members', 'nobody'))
);

-- A member hears of every new conversation in a group they follow.
CREATE TABLE group_follows (
    group_id   INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_follows_user ON group_follows (user_id);

-- Whether the member lets other members write to them (off until they turn it on), and
-- whether a site moderator turned their messages off after a report (they cannot undo that).
ALTER TABLE users ADD COLUMN messages_open INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN messages_barred INTEGER NOT NULL DEFAULT 0;

-- One conversation per pair of members, the lower id first, so a pair has exactly one.
CREATE TABLE conversations (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    low_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    high_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    last_at TEXT    NOT NULL,
    UNIQUE (low_id, high_id),
    CHECK (low_id < high_id)
);
CREATE INDEX conversations_high ON conversations (high_id, last_at);

-- A message carries the form's one-time nonce, so the same form sent twice is one message.
CREATE TABLE messages (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    sender_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    recipient_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    nonce           TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    read_at         TEXT,
    UNIQUE (sender_id, nonce)
);
CREATE INDEX messages_conversation ON messages (conversation_id, id);
CREATE INDEX messages_unread ON messages (recipient_id, conversation_id) WHERE read_at IS NULL;

-- A member reported a message they received; the site's moderators read it (only it).
CREATE TABLE message_reports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id  INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    reporter_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    reason      TEXT    NOT NULL CHECK (reason IN ('at_risk', 'harassment', 'spam', 'misinformation', 'personal_details', 'other')),
    note        TEXT,
    created_at  TEXT    NOT NULL,
    closed_at   TEXT,
    UNIQUE (message_id, reporter_id)
);
CREATE INDEX message_reports_open ON message_reports (closed_at, id);

-- Notifications gain "a member wrote to you", "your held post is shown" and "a new
-- conversation in a group you follow". SQLite cannot
-- change a CHECK, so the table is rebuilt.
CREATE TABLE notifications_next (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('reply', 'mention', 'approved', 'warning', 'suspended', 'message', 'shown', 'thread')),
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
