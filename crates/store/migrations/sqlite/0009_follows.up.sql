-- Members who follow a thread hear of every reply in it.
CREATE TABLE thread_follows (
    thread_id  INTEGER NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT    NOT NULL,
    PRIMARY KEY (thread_id, user_id)
);
CREATE INDEX thread_follows_user ON thread_follows (user_id);
