-- Group sessions; see the SQLite migration for the meaning of each table and column.
CREATE TABLE group_sessions (
    id          BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id    BIGINT      NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    host_id     BIGINT      REFERENCES users (id) ON DELETE SET NULL,
    nonce       TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    about       TEXT        NOT NULL DEFAULT '',
    seated      TEXT        NOT NULL DEFAULT '',
    standing    TEXT        NOT NULL DEFAULT '',
    starts_at   TIMESTAMP   NOT NULL,
    time_zone   TEXT        NOT NULL,
    minutes     INTEGER     NOT NULL,
    weekdays    TEXT        NOT NULL DEFAULT '',
    until       DATE,
    count       INTEGER,
    except_days TEXT        NOT NULL DEFAULT '',
    capacity    INTEGER,
    place       TEXT        NOT NULL DEFAULT '',
    sequence    INTEGER     NOT NULL DEFAULT 0,
    cancelled   BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (group_id, nonce)
);
CREATE INDEX group_sessions_group ON group_sessions (group_id, id);

CREATE TABLE session_rsvps (
    session_id BIGINT      NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status     TEXT        NOT NULL CHECK (status IN ('going', 'waiting')),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, user_id)
);
CREATE INDEX session_rsvps_user ON session_rsvps (user_id);

CREATE TABLE session_ratings (
    session_id BIGINT      NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    day        DATE        NOT NULL,
    pain_before INTEGER    NOT NULL CHECK (pain_before BETWEEN 0 AND 10),
    pain_after  INTEGER    NOT NULL CHECK (pain_after BETWEEN 0 AND 10),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, user_id, day)
);
CREATE INDEX session_ratings_user ON session_ratings (user_id);

CREATE TABLE calendar_feeds (
    user_id     BIGINT      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_hash TEXT        NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL
);
