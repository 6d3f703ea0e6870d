-- The community; see the SQLite migration for the meaning of each column.
CREATE TABLE groups (
    id          BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug        TEXT        NOT NULL UNIQUE,
    name        TEXT        NOT NULL,
    kind        TEXT        NOT NULL CHECK (kind IN ('support', 'advocacy', 'exercise')),
    visibility  TEXT        NOT NULL CHECK (visibility IN ('public', 'members', 'private')),
    about       TEXT        NOT NULL DEFAULT '',
    rules       TEXT        NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    members     BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE group_members (
    group_id  BIGINT      NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id   BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role      TEXT        NOT NULL CHECK (role IN ('member', 'moderator', 'host')),
    standing  TEXT        NOT NULL CHECK (standing IN ('active', 'pending', 'banned')),
    joined_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members (user_id);

CREATE TABLE threads (
    id           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id     BIGINT      NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    author_id    BIGINT      REFERENCES users (id) ON DELETE SET NULL,
    nonce        TEXT        NOT NULL,
    title        TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    last_post_at TIMESTAMPTZ NOT NULL,
    posts        BIGINT      NOT NULL DEFAULT 0,
    locked       BOOLEAN     NOT NULL DEFAULT FALSE,
    hidden       BOOLEAN     NOT NULL DEFAULT FALSE,
    UNIQUE (author_id, nonce)
);
CREATE INDEX threads_newest ON threads (group_id, hidden, last_post_at DESC, id DESC);

CREATE TABLE posts (
    id              BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    thread_id       BIGINT      NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
    author_id       BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    nonce           TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    content_warning BOOLEAN     NOT NULL DEFAULT FALSE,
    hidden          BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ NOT NULL,
    edited_at       TIMESTAMPTZ,
    UNIQUE (author_id, nonce)
);
CREATE INDEX posts_thread ON posts (thread_id, id);
CREATE INDEX posts_author ON posts (author_id, created_at);

CREATE TABLE reactions (
    post_id    BIGINT      NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT        NOT NULL CHECK (kind IN ('me_too', 'thank_you')),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (post_id, kind, user_id)
);
CREATE INDEX reactions_user ON reactions (user_id);

CREATE TABLE reports (
    id          BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id    BIGINT      NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    post_id     BIGINT      NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    reporter_id BIGINT      REFERENCES users (id) ON DELETE SET NULL,
    reason      TEXT        NOT NULL CHECK (reason IN ('at_risk', 'harassment', 'spam', 'misinformation', 'personal_details', 'other')),
    note        TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    closed_at   TIMESTAMPTZ,
    UNIQUE (post_id, reporter_id)
);
CREATE INDEX reports_open ON reports (group_id, closed_at, id);

CREATE TABLE moderation_log (
    id           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id     BIGINT      NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    moderator_id BIGINT      REFERENCES users (id) ON DELETE SET NULL,
    action       TEXT        NOT NULL,
    thread_id    BIGINT,
    post_id      BIGINT,
    reason       TEXT,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX moderation_log_group ON moderation_log (group_id, id);
