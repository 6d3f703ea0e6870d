-- Questionnaires answered (PHQ-9, GAD-7, PEG, …). The instrument itself is a FHIR file in
-- content/questionnaires; a response names it and its version, keeps the answers as the
-- JSON foothold-core reads again ([{"linkId": "q1", "code": "LA6568-5"}, …]), and the score
-- worked out when it was given.
CREATE TABLE questionnaire_responses (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    nonce         TEXT    NOT NULL,
    questionnaire TEXT    NOT NULL,
    version       TEXT    NOT NULL,
    answers       TEXT    NOT NULL,
    score         REAL,
    authored      TEXT    NOT NULL,
    UNIQUE (user_id, nonce)
);
CREATE INDEX questionnaire_responses_user ON questionnaire_responses (user_id, questionnaire, authored);

-- The questionnaires a member chose to be offered regularly, and when "not now" was said.
CREATE TABLE questionnaire_schedules (
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    questionnaire TEXT    NOT NULL,
    every_days    INTEGER NOT NULL CHECK (every_days BETWEEN 1 AND 366),
    snoozed_until TEXT,
    PRIMARY KEY (user_id, questionnaire)
);
