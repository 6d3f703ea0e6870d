-- Personal experiments (randomised n-of-1 trials). The plan is stored as the numbers it is
-- rebuilt from (foothold-core `Design::new`), so it can be reproduced and audited.
CREATE TABLE experiments (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- Condition A's strategy; B's, or NULL for "without A". No cascade: a strategy in an
    -- experiment cannot be merged away.
    strategy_a    INTEGER NOT NULL REFERENCES strategies (id),
    strategy_b    INTEGER REFERENCES strategies (id),
    outcome       TEXT    NOT NULL,
    period_days   INTEGER NOT NULL,
    pairs         INTEGER NOT NULL,
    washout_days  INTEGER NOT NULL,
    -- The randomisation seed (a u64 stored by its bits).
    seed          INTEGER NOT NULL,
    start_day     TEXT    NOT NULL,
    -- The last day: the plan's end, or the day it was stopped. Kept for the overlap check.
    end_day       TEXT    NOT NULL,
    -- "Proven for me": the member chose to keep the result on the insights page.
    kept          INTEGER NOT NULL DEFAULT 0,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX experiments_user ON experiments (user_id, outcome, end_day);

-- Pauses, resumptions, extensions and early stops, in order: the audit trail.
CREATE TABLE experiment_events (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    experiment_id INTEGER NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    action        TEXT    NOT NULL,
    day           TEXT    NOT NULL,
    at            TEXT    NOT NULL
);
CREATE INDEX experiment_events_experiment ON experiment_events (experiment_id, id);

-- Whether the member followed the plan on a day (absent: not recorded).
CREATE TABLE experiment_days (
    experiment_id INTEGER NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    day           TEXT    NOT NULL,
    followed      INTEGER NOT NULL,
    PRIMARY KEY (experiment_id, day)
);
