-- Reminders. `reminders` is what the member asked for: a kind and a local time of day.
-- `token` names it in the e-mail's one-click "turn this off" link.
-- `reminder_jobs` is the queue: the one next occurrence of each reminder, as a UTC instant.
-- An app server claims due rows for a lease (claimed_by, claimed_until), sends, and moves
-- each row on to its next occurrence in one transaction, so several servers send each
-- reminder once, and a server that dies mid-batch leaves its claims to expire and be retried.
CREATE TABLE reminders (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind    TEXT    NOT NULL,
    at      TEXT    NOT NULL,
    token   TEXT    NOT NULL UNIQUE,
    PRIMARY KEY (user_id, kind)
);

CREATE TABLE reminder_jobs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL,
    due_at        TEXT    NOT NULL,
    claimed_by    TEXT,
    claimed_until TEXT,
    sent          INTEGER NOT NULL DEFAULT 0,
    UNIQUE (user_id, kind)
);
CREATE INDEX reminder_jobs_due ON reminder_jobs (due_at);

-- Quiet hours (local times; both or neither) and when the e-mail address was confirmed.
ALTER TABLE users ADD COLUMN quiet_from TEXT;
ALTER TABLE users ADD COLUMN quiet_until TEXT;
ALTER TABLE users ADD COLUMN email_verified_at TEXT;

-- One-time links sent by e-mail (confirm the address, reset the password): only a hash is
-- kept, with what it may do and until when.
CREATE TABLE email_tokens (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT    NOT NULL CHECK (purpose IN ('verify', 'reset')),
    email      TEXT    NOT NULL,
    expires_at TEXT    NOT NULL
);
CREATE INDEX email_tokens_user ON email_tokens (user_id);
