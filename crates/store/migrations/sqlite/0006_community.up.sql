-- The community: groups, their members, threads of posts, reactions, reports and the public
-- moderation log. Names of kinds, roles and reasons are foothold-core `community::names`.
CREATE TABLE groups (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    slug        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('support', 'advocacy', 'exercise')),
    visibility  TEXT    NOT NULL CHECK (visibility IN ('public', 'members', 'private')),
    about       TEXT    NOT NULL DEFAULT '',
    rules       TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    -- Active members, kept by the store with every join and leave (the directory shows it).
    members     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE group_members (
    group_id  INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role      TEXT    NOT NULL CHECK (role IN ('member', 'moderator', 'host')),
    standing  TEXT    NOT NULL CHECK (standing IN ('active', 'pending', 'banned')),
    joined_at TEXT    NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members (user_id);

-- A thread's first post is its opening; `posts` counts all of them. The list of a group is
-- read newest-activity first by keyset (last_post_at, id) on `threads_newest`, so a page deep
-- in a group of 100,000 threads costs what the first page costs.
CREATE TABLE threads (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id     INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    author_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    nonce        TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    last_post_at TEXT    NOT NULL,
    posts        INTEGER NOT NULL DEFAULT 0,
    locked       INTEGER NOT NULL DEFAULT 0,
    hidden       INTEGER NOT NULL DEFAULT 0,
    UNIQUE (author_id, nonce)
);
CREATE INDEX threads_newest ON threads (group_id, hidden, last_post_at DESC, id DESC);

-- A member's posts go with their account when it is deleted.
CREATE TABLE posts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    thread_id       INTEGER NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    author_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    nonce           TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    content_warning INTEGER NOT NULL DEFAULT 0,
    hidden          INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL,
    edited_at       TEXT,
    UNIQUE (author_id, nonce)
);
CREATE INDEX posts_thread ON posts (thread_id, id);
CREATE INDEX posts_author ON posts (author_id, created_at);

CREATE TABLE reactions (
    post_id    INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('me_too', 'thank_you')),
    created_at TEXT    NOT NULL,
    PRIMARY KEY (post_id, kind, user_id)
);
CREATE INDEX reactions_user ON reactions (user_id);

-- `reporter_id` NULL: filed by Foothold itself (a post that reads like a crisis).
CREATE TABLE reports (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id    INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    post_id     INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    reporter_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    reason      TEXT    NOT NULL CHECK (reason IN ('at_risk', 'harassment', 'spam', 'misinformation', 'personal_details', 'other')),
    note        TEXT,
    created_at  TEXT    NOT NULL,
    closed_at   TEXT,
    UNIQUE (post_id, reporter_id)
);
CREATE INDEX reports_open ON reports (group_id, closed_at, id);

-- What moderators did, readable by the group's members without anyone's name or details.
CREATE TABLE moderation_log (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id     INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    moderator_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action       TEXT    NOT NULL,
    thread_id    INTEGER,
    post_id      INTEGER,
    reason       TEXT,
    created_at   TEXT    NOT NULL
);
CREATE INDEX moderation_log_group ON moderation_log (group_id, id);
