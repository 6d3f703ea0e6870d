-- What a member wants to ask at their next visit; see the SQLite migration.
CREATE TABLE visit_questions (
    id         BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    nonce      TEXT        NOT NULL,
    question   TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, nonce)
);
CREATE INDEX visit_questions_user ON visit_questions (user_id, id);
