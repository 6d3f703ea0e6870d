-- Group sessions (exercise groups, but any group may plan them): when and where, who is
-- coming, and pain before and after as each attendee rated it. Times are local wall time
-- plus an IANA zone, as members plan them ("Mondays 10:00, Europe/London"); foothold-core
-- `group_sessions` turns them into instants and into iCalendar.
CREATE TABLE group_sessions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id    INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    host_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
    nonce       TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    about       TEXT    NOT NULL DEFAULT '',
    seated      TEXT    NOT NULL DEFAULT '',
    standing    TEXT    NOT NULL DEFAULT '',
    starts_at   TEXT    NOT NULL,               -- local 'YYYY-MM-DDTHH:MM:SS'
    time_zone   TEXT    NOT NULL,
    minutes     INTEGER NOT NULL,
    weekdays    TEXT    NOT NULL DEFAULT '',    -- 'mo,th'; empty: a one-off
    until       TEXT,
    count       INTEGER,
    except_days TEXT    NOT NULL DEFAULT '',    -- 'YYYY-MM-DD,…'
    capacity    INTEGER,
    place       TEXT    NOT NULL DEFAULT '',
    -- iCalendar SEQUENCE: raised with every change a calendar app must pick up.
    sequence    INTEGER NOT NULL DEFAULT 0,
    cancelled   INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    UNIQUE (group_id, nonce)
);
CREATE INDEX group_sessions_group ON group_sessions (group_id, id);

-- 'going', or 'waiting' (in order of asking) when the session was full.
CREATE TABLE session_rsvps (
    session_id INTEGER NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status     TEXT    NOT NULL CHECK (status IN ('going', 'waiting')),
    created_at TEXT    NOT NULL,
    PRIMARY KEY (session_id, user_id)
);
CREATE INDEX session_rsvps_user ON session_rsvps (user_id);

-- Pain before and after one occurrence (its local day), 0–10. Hosts see these only pooled.
CREATE TABLE session_ratings (
    session_id INTEGER NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day        TEXT    NOT NULL,
    pain_before INTEGER NOT NULL CHECK (pain_before BETWEEN 0 AND 10),
    pain_after  INTEGER NOT NULL CHECK (pain_after BETWEEN 0 AND 10),
    created_at TEXT    NOT NULL,
    PRIMARY KEY (session_id, user_id, day)
);
CREATE INDEX session_ratings_user ON session_ratings (user_id);

-- A member's personal calendar feed: the address holds a secret, kept here only as its
-- SHA-256, so a database copy cannot subscribe. A new secret revokes the old.
CREATE TABLE calendar_feeds (
    user_id     INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_hash TEXT    NOT NULL UNIQUE,
    created_at  TEXT    NOT NULL
);
