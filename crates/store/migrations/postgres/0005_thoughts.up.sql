-- Thought records and predictions; see the SQLite migration for the meaning of each column.
CREATE TABLE thought_records (
    id               BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id          BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    nonce            TEXT        NOT NULL,
    day              DATE        NOT NULL,
    step             TEXT        NOT NULL,
    situation        TEXT,
    thought          TEXT,
    traps            TEXT        NOT NULL DEFAULT '',
    evidence_for     TEXT,
    evidence_against TEXT,
    alternative      TEXT,
    version          BIGINT      NOT NULL DEFAULT 1,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, nonce)
);
CREATE INDEX thought_records_user ON thought_records (user_id, day);

CREATE TABLE thought_feelings (
    record_id        BIGINT   NOT NULL REFERENCES thought_records (id) ON DELETE CASCADE,
    position         INTEGER  NOT NULL,
    name             TEXT     NOT NULL,
    intensity_before SMALLINT NOT NULL CHECK (intensity_before BETWEEN 0 AND 100),
    intensity_after  SMALLINT CHECK (intensity_after BETWEEN 0 AND 100),
    PRIMARY KEY (record_id, position)
);

CREATE TABLE predictions (
    id          BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    nonce       TEXT        NOT NULL,
    day         DATE        NOT NULL,
    activity    TEXT,
    expected    TEXT        NOT NULL,
    confidence  SMALLINT    NOT NULL CHECK (confidence BETWEEN 0 AND 100),
    happened    TEXT,
    compared    TEXT,
    version     BIGINT      NOT NULL DEFAULT 1,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, nonce)
);
CREATE INDEX predictions_user ON predictions (user_id, day);
