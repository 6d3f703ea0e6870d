-- Reminders; see the SQLite migration for the meaning of each table and column.
CREATE TABLE reminders (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind    TEXT   NOT NULL,
    at      TEXT   NOT NULL,
    token   TEXT   NOT NULL UNIQUE,
    PRIMARY KEY (user_id, kind)
);

CREATE TABLE reminder_jobs (
    id            BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind          TEXT        NOT NULL,
    due_at        TIMESTAMPTZ NOT NULL,
    claimed_by    TEXT,
    claimed_until TIMESTAMPTZ,
    sent          BIGINT      NOT NULL DEFAULT 0,
    UNIQUE (user_id, kind)
);
CREATE INDEX reminder_jobs_due ON reminder_jobs (due_at);

ALTER TABLE users ADD COLUMN quiet_from TEXT;
ALTER TABLE users ADD COLUMN quiet_until TEXT;
ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMPTZ;

CREATE TABLE email_tokens (
    token_hash TEXT        PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT        NOT NULL CHECK (purpose IN ('verify', 'reset')),
    email      TEXT        NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX email_tokens_user ON email_tokens (user_id);
