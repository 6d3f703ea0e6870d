-- Graded goals; see the SQLite migration for the meaning of each table and column.
CREATE TABLE goals (
    id            BIGINT           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       BIGINT           NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    nonce         TEXT             NOT NULL,
    activity      TEXT             NOT NULL,
    unit          TEXT             NOT NULL,
    start_percent INTEGER          NOT NULL CHECK (start_percent BETWEEN 1 AND 100),
    rise_percent  INTEGER          NOT NULL CHECK (rise_percent BETWEEN 1 AND 100),
    ceiling       INTEGER,
    flare_plan    TEXT             NOT NULL,
    baseline      DOUBLE PRECISION,
    started_on    DATE,
    steps_back    INTEGER          NOT NULL DEFAULT 0,
    reached_on    DATE,
    ended_on      DATE,
    created_at    TIMESTAMPTZ      NOT NULL,
    UNIQUE (user_id, nonce)
);
CREATE INDEX goals_user ON goals (user_id, id);

CREATE TABLE goal_steps (
    goal_id     BIGINT      NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    day         DATE        NOT NULL,
    amount      INTEGER     NOT NULL CHECK (amount >= 0),
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (goal_id, day)
);

CREATE TABLE goal_pauses (
    goal_id   BIGINT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    from_day  DATE   NOT NULL,
    until_day DATE,
    PRIMARY KEY (goal_id, from_day)
);
