-- What a member wants to ask at their next visit; printed on the visit summary.
CREATE TABLE visit_questions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    nonce      TEXT    NOT NULL,
    question   TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    UNIQUE (user_id, nonce)
);
CREATE INDEX visit_questions_user ON visit_questions (user_id, id);
