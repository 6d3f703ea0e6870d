-- Hacks. A hack is a thread in the 'hacks' group (its opening post says how to do it, and
-- the replies are its discussion), so posting, reports, moderation, search and deletion work
-- for hacks as for any thread. These tables add what a hack needs and whom it is for, who
-- tried it, and the results members chose to share. Names are foothold-core `hacks`.
INSERT INTO groups (slug, name, kind, visibility, about, rules, created_at)
VALUES (
    'hacks',
    'Pain hacks',
    'support',
    'public',
    'Practical things members do for their pain. Each hack has its own discussion here.',
    'Hacks are ideas that helped someone, not medical advice. Never start, stop or change a medicine because of a hack: ask your clinician first. Say what you did, not what others must do. Nothing that promises a cure or sells something.',
    strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
);

CREATE TABLE hacks (
    thread_id   INTEGER PRIMARY KEY REFERENCES threads (id) ON DELETE CASCADE,
    cost        TEXT    NOT NULL CHECK (cost IN ('free', 'low', 'some')),
    effort      TEXT    NOT NULL CHECK (effort IN ('low', 'medium', 'high')),
    minutes     INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 600),
    -- The pooled shared results per outcome (foothold-core `hacks::pooling::Evidence` as
    -- JSON), rewritten in the same transaction as every share and withdrawal, so a hack's
    -- page reads one row however many results there are. `pooled_pain` orders by evidence.
    pooled      TEXT    NOT NULL DEFAULT '[]',
    pooled_pain REAL,
    -- The same for results of members' personal experiments, the stronger evidence, apart.
    pooled_experiments TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE hack_tags (
    hack_id INTEGER NOT NULL REFERENCES hacks (thread_id) ON DELETE CASCADE,
    tag     TEXT    NOT NULL,
    PRIMARY KEY (hack_id, tag)
);
CREATE INDEX hack_tags_tag ON hack_tags (tag, hack_id);

-- The pains a member chose on the hacks page, to order the list by fit. Seen only by them.
CREATE TABLE member_tags (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tag     TEXT    NOT NULL,
    PRIMARY KEY (user_id, tag)
);

-- "I'll try it": the strategy it added to the member's diary and the member's day it began.
-- `asked`: the member was asked once whether to share their result (never again).
CREATE TABLE hack_tries (
    hack_id     INTEGER NOT NULL REFERENCES hacks (thread_id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    strategy_id INTEGER REFERENCES strategies (id) ON DELETE SET NULL,
    tried_on    TEXT    NOT NULL,
    asked       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (hack_id, user_id)
);
CREATE INDEX hack_tries_user ON hack_tries (user_id, asked, tried_on);

-- A member's shared result per outcome and source: what the agency engine found in their
-- own diary for the hack's strategy ('diary'), or what a kept personal experiment of it
-- showed ('experiment'). Never shown one by one: only pooled, from five members up.
CREATE TABLE hack_results (
    hack_id   INTEGER NOT NULL REFERENCES hacks (thread_id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    source    TEXT    NOT NULL CHECK (source IN ('diary', 'experiment')),
    outcome   TEXT    NOT NULL CHECK (outcome IN ('pain', 'peg', 'mood', 'sleep')),
    estimate  REAL    NOT NULL,
    low       REAL    NOT NULL,
    high      REAL    NOT NULL,
    helps     INTEGER NOT NULL,
    shared_at TEXT    NOT NULL,
    PRIMARY KEY (hack_id, user_id, source, outcome)
);
CREATE INDEX hack_results_user ON hack_results (user_id);
