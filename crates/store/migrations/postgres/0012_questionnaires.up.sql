-- Questionnaires; see the SQLite migration for the meaning of each table and column.
CREATE TABLE questionnaire_responses (
    id            BIGINT           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       BIGINT           NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    nonce         TEXT             NOT NULL,
    questionnaire TEXT             NOT NULL,
    version       TEXT             NOT NULL,
    answers       TEXT             NOT NULL,
    score         DOUBLE PRECISION,
    authored      TIMESTAMPTZ      NOT NULL,
    UNIQUE (user_id, nonce)
);
CREATE INDEX questionnaire_responses_user ON questionnaire_responses (user_id, questionnaire, authored);

CREATE TABLE questionnaire_schedules (
    user_id       BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    questionnaire TEXT    NOT NULL,
    every_days    INTEGER NOT NULL CHECK (every_days BETWEEN 1 AND 366),
    snoozed_until DATE,
    PRIMARY KEY (user_id, questionnaire)
);
