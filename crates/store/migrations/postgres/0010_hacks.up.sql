-- Hacks; see the SQLite migration for the meaning of each table and column.
INSERT INTO groups (slug, name, kind, visibility, about, rules, created_at)
VALUES (
    'hacks',
    'Pain hacks',
    'support',
    'public',
    'Practical things members do for their pain. Each hack has its own discussion here.',
    'Hacks are ideas that helped someone, not medical advice. Never start, stop or change a medicine because of a hack: ask your clinician first. Say what you did, not what others must do. Nothing that promises a cure or sells something.',
    now()
);

CREATE TABLE hacks (
    thread_id   BIGINT           PRIMARY KEY REFERENCES threads (id) ON DELETE CASCADE,
    cost        TEXT             NOT NULL CHECK (cost IN ('free', 'low', 'some')),
    effort      TEXT             NOT NULL CHECK (effort IN ('low', 'medium', 'high')),
    minutes     INTEGER          NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    pooled      TEXT             NOT NULL DEFAULT '[]',
    pooled_pain DOUBLE PRECISION,
    pooled_experiments TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE hack_tags (
    hack_id BIGINT NOT NULL REFERENCES hacks (thread_id) ON DELETE CASCADE,
    tag     TEXT   NOT NULL,
    PRIMARY KEY (hack_id, tag)
);
CREATE INDEX hack_tags_tag ON hack_tags (tag, hack_id);

CREATE TABLE member_tags (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tag     TEXT   NOT NULL,
    PRIMARY KEY (user_id, tag)
);

CREATE TABLE hack_tries (
    hack_id     BIGINT  NOT NULL REFERENCES hacks (thread_id) ON DELETE CASCADE,
    user_id     BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    strategy_id BIGINT  REFERENCES strategies (id) ON DELETE SET NULL,
    tried_on    DATE    NOT NULL,
    asked       BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (hack_id, user_id)
);
CREATE INDEX hack_tries_user ON hack_tries (user_id, asked, tried_on);

CREATE TABLE hack_results (
    hack_id   BIGINT           NOT NULL REFERENCES hacks (thread_id) ON DELETE CASCADE,
    user_id   BIGINT           NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    source    TEXT             NOT NULL CHECK (source IN ('diary', 'experiment')),
    outcome   TEXT             NOT NULL CHECK (outcome IN ('pain', 'peg', 'mood', 'sleep')),
    estimate  DOUBLE PRECISION NOT NULL,
    low       DOUBLE PRECISION NOT NULL,
    high      DOUBLE PRECISION NOT NULL,
    helps     BOOLEAN          NOT NULL,
    shared_at TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (hack_id, user_id, source, outcome)
);
CREATE INDEX hack_results_user ON hack_results (user_id);
