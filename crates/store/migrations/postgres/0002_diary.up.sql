ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';

CREATE TABLE strategies (
    id           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    builtin_key  TEXT,
    name         TEXT,
    name_key     TEXT        NOT NULL,
    category     TEXT        NOT NULL,
    archived     BOOLEAN     NOT NULL DEFAULT FALSE,
    tracked_from DATE        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, name_key)
);

CREATE TABLE checkins (
    id            BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id       BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day           DATE        NOT NULL,
    pain          SMALLINT CHECK (pain BETWEEN 0 AND 10),
    peg_pain      SMALLINT CHECK (peg_pain BETWEEN 0 AND 10),
    peg_enjoyment SMALLINT CHECK (peg_enjoyment BETWEEN 0 AND 10),
    peg_activity  SMALLINT CHECK (peg_activity BETWEEN 0 AND 10),
    mood          SMALLINT CHECK (mood BETWEEN 0 AND 10),
    sleep         SMALLINT CHECK (sleep BETWEEN 0 AND 10),
    control       SMALLINT CHECK (control BETWEEN 0 AND 10),
    note          TEXT,
    version       BIGINT      NOT NULL DEFAULT 1,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, day)
);

CREATE TABLE checkin_strategies (
    checkin_id  BIGINT NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
    strategy_id BIGINT NOT NULL REFERENCES strategies (id) ON DELETE CASCADE,
    PRIMARY KEY (checkin_id, strategy_id)
);
CREATE INDEX checkin_strategies_strategy ON checkin_strategies (strategy_id);
