-- Notifications and the jobs that make them. A post and its fan-out job are written in one
-- transaction (nothing is lost if the process dies), and any app server may run the job.
CREATE TABLE jobs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT    NOT NULL,
    subject      INTEGER NOT NULL,
    run_after    TEXT    NOT NULL,
    created_at   TEXT    NOT NULL
);
CREATE INDEX jobs_due ON jobs (run_after, id);

CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- reply (in a thread one started), mention, approved (a request to join).
    kind       TEXT    NOT NULL CHECK (kind IN ('reply', 'mention', 'approved')),
    actor_id   INTEGER REFERENCES users (id) ON DELETE CASCADE,
    group_id   INTEGER REFERENCES groups (id) ON DELETE CASCADE,
    thread_id  INTEGER REFERENCES threads (id) ON DELETE CASCADE,
    post_id    INTEGER REFERENCES posts (id) ON DELETE CASCADE,
    created_at TEXT    NOT NULL,
    read_at    TEXT,
    UNIQUE (user_id, kind, post_id)
);
CREATE INDEX notifications_user ON notifications (user_id, id);

-- Unread notifications, kept beside the account so every page shows the count without
-- another query (it comes with the session's user row).
ALTER TABLE users ADD COLUMN unread INTEGER NOT NULL DEFAULT 0;
