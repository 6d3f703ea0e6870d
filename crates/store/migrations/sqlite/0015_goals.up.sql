-- Graded goals (pacing). A goal's activity is also one of the member's strategies, found by
-- its name_key 'goal:<id>', so the agency engine weighs it like any other; a step recorded
-- tags that day's check-in. `baseline` and `started_on` are set when the plan starts and
-- never change after: the plan is time-contingent, so its targets must stay reproducible.
CREATE TABLE goals (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    nonce         TEXT    NOT NULL,
    activity      TEXT    NOT NULL,
    unit          TEXT    NOT NULL,
    start_percent INTEGER NOT NULL CHECK (start_percent BETWEEN 1 AND 100),
    rise_percent  INTEGER NOT NULL CHECK (rise_percent BETWEEN 1 AND 100),
    ceiling       INTEGER,
    flare_plan    TEXT    NOT NULL,
    baseline      REAL,
    started_on    TEXT,
    steps_back    INTEGER NOT NULL DEFAULT 0,
    reached_on    TEXT,
    ended_on      TEXT,
    created_at    TEXT    NOT NULL,
    UNIQUE (user_id, nonce)
);
CREATE INDEX goals_user ON goals (user_id, id);

-- What the member did of a goal's activity on a day (before the plan starts: its baseline).
CREATE TABLE goal_steps (
    goal_id     INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    day         TEXT    NOT NULL,
    amount      INTEGER NOT NULL CHECK (amount >= 0),
    recorded_at TEXT    NOT NULL,
    PRIMARY KEY (goal_id, day)
);

-- Flares: the plan holds from `from_day` up to, not including, `until_day` (NULL while paused).
CREATE TABLE goal_pauses (
    goal_id   INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    from_day  TEXT    NOT NULL,
    until_day TEXT,
    PRIMARY KEY (goal_id, from_day)
);
