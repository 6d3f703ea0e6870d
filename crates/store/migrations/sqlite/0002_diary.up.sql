ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';

CREATE TABLE strategies (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Built-in strategies have a key (their name is translated); the member's own have a name.
    builtin_key TEXT,
    name        TEXT,
    -- Unique per member: 'builtin:<key>' or the lower-cased name.
    name_key    TEXT    NOT NULL,
    category    TEXT    NOT NULL,
    archived    INTEGER NOT NULL DEFAULT 0,
    -- The first day the member could have tagged it: earlier days are "not tracked", not "not done".
    tracked_from TEXT   NOT NULL,
    created_at  TEXT    NOT NULL,
    UNIQUE (user_id, name_key)
);

CREATE TABLE checkins (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day           TEXT    NOT NULL,
    pain          INTEGER CHECK (pain BETWEEN 0 AND 10),
    peg_pain      INTEGER CHECK (peg_pain BETWEEN 0 AND 10),
    peg_enjoyment INTEGER CHECK (peg_enjoyment BETWEEN 0 AND 10),
    peg_activity  INTEGER CHECK (peg_activity BETWEEN 0 AND 10),
    mood          INTEGER CHECK (mood BETWEEN 0 AND 10),
    sleep         INTEGER CHECK (sleep BETWEEN 0 AND 10),
    control       INTEGER CHECK (control BETWEEN 0 AND 10),
    note          TEXT,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    UNIQUE (user_id, day)
);

CREATE TABLE checkin_strategies (
    checkin_id  INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
    strategy_id INTEGER NOT NULL REFERENCES strategies (id) ON DELETE CASCADE,
    PRIMARY KEY (checkin_id, strategy_id)
);
CREATE INDEX checkin_strategies_strategy ON checkin_strategies (strategy_id);
