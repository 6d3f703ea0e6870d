-- Personal experiments; see the SQLite migration for the meaning of each column.
CREATE TABLE experiments (
    id            BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    strategy_a    BIGINT      NOT NULL REFERENCES strategies (id),
    strategy_b    BIGINT      REFERENCES strategies (id),
    outcome       TEXT        NOT NULL,
    period_days   INTEGER     NOT NULL,
    pairs         INTEGER     NOT NULL,
    washout_days  INTEGER     NOT NULL,
    seed          BIGINT      NOT NULL,
    start_day     DATE        NOT NULL,
    end_day       DATE        NOT NULL,
    kept          BOOLEAN     NOT NULL DEFAULT FALSE,
    version       BIGINT      NOT NULL DEFAULT 1,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX experiments_user ON experiments (user_id, outcome, end_day);

CREATE TABLE experiment_events (
    id            BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    experiment_id BIGINT      NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    action        TEXT        NOT NULL,
    day           DATE        NOT NULL,
    at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX experiment_events_experiment ON experiment_events (experiment_id, id);

CREATE TABLE experiment_days (
    experiment_id BIGINT  NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    day           DATE    NOT NULL,
    followed      BOOLEAN NOT NULL,
    PRIMARY KEY (experiment_id, day)
);
