-- What a member wrote for an exercise (a flare plan, their values, a letter to their
-- younger self), kept privately: one text per member and exercise.
CREATE TABLE writings (
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    skill      TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (user_id, skill)
);
