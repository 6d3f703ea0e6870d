-- Notifications and their jobs; see the SQLite migration. Jobs are claimed with
-- FOR UPDATE SKIP LOCKED, so several app servers never run one twice.
CREATE TABLE jobs (
    id           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         TEXT        NOT NULL,
    subject      BIGINT      NOT NULL,
    run_after    TIMESTAMPTZ NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX jobs_due ON jobs (run_after, id);

CREATE TABLE notifications (
    id         BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT        NOT NULL CHECK (kind IN ('reply', 'mention', 'approved')),
    actor_id   BIGINT      REFERENCES users (id) ON DELETE CASCADE,
    group_id   BIGINT      REFERENCES groups (id) ON DELETE CASCADE,
    thread_id  BIGINT      REFERENCES threads (id) ON DELETE CASCADE,
    post_id    BIGINT      REFERENCES posts (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    read_at    TIMESTAMPTZ,
    UNIQUE (user_id, kind, post_id)
);
CREATE INDEX notifications_user ON notifications (user_id, id);

ALTER TABLE users ADD COLUMN unread BIGINT NOT NULL DEFAULT 0;
