-- What a member wrote for an exercise; see the SQLite migration.
CREATE TABLE writings (
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    skill      TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, skill)
);
