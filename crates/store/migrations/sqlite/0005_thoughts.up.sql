-- Thought records and predictions (CBT). `nonce` is the form's one-time token: a double
-- submission of "start a record" finds the first one instead of making a second.
CREATE TABLE thought_records (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id          INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    nonce            TEXT    NOT NULL,
    day              TEXT    NOT NULL,
    -- How far the member got: situation, feelings, reading, evidence, alternative, rerate, done.
    step             TEXT    NOT NULL,
    situation        TEXT,
    thought          TEXT,
    -- Thinking-trap keys, comma-separated (foothold-core `thought::TRAPS`).
    traps            TEXT    NOT NULL DEFAULT '',
    evidence_for     TEXT,
    evidence_against TEXT,
    alternative      TEXT,
    version          INTEGER NOT NULL DEFAULT 1,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    UNIQUE (user_id, nonce)
);
CREATE INDEX thought_records_user ON thought_records (user_id, day);

CREATE TABLE thought_feelings (
    record_id        INTEGER NOT NULL REFERENCES thought_records (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    name             TEXT    NOT NULL,
    intensity_before INTEGER NOT NULL CHECK (intensity_before BETWEEN 0 AND 100),
    intensity_after  INTEGER CHECK (intensity_after BETWEEN 0 AND 100),
    PRIMARY KEY (record_id, position)
);

CREATE TABLE predictions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    nonce       TEXT    NOT NULL,
    day         TEXT    NOT NULL,
    activity    TEXT,
    expected    TEXT    NOT NULL,
    confidence  INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 100),
    happened    TEXT,
    -- better, as_expected or worse, once the member wrote what happened.
    compared    TEXT,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    UNIQUE (user_id, nonce)
);
CREATE INDEX predictions_user ON predictions (user_id, day);
