-- Sharing with clinicians; see the SQLite migration for the meaning of each table and column.
CREATE TABLE clinicians (
    user_id     BIGINT      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    verified_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE shares (
    id           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    clinician_id BIGINT      REFERENCES users (id) ON DELETE SET NULL,
    code_hash    TEXT        NOT NULL UNIQUE,
    scopes       TEXT        NOT NULL,
    period_from  DATE        NOT NULL,
    period_to    DATE        NOT NULL,
    until        DATE        NOT NULL,
    coaching     BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMPTZ NOT NULL,
    redeemed_at  TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX shares_member ON shares (member_id);
CREATE INDEX shares_clinician ON shares (clinician_id);

CREATE TABLE share_views (
    id           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    share_id     BIGINT      NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
    clinician_id BIGINT      REFERENCES users (id) ON DELETE SET NULL,
    clinician    TEXT        NOT NULL,
    what         TEXT        NOT NULL,
    viewed_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX share_views_member ON share_views (member_id, viewed_at);

CREATE TABLE coaching (
    id           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    share_id     BIGINT      NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
    member_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    clinician_id BIGINT      REFERENCES users (id) ON DELETE SET NULL,
    clinician    TEXT        NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('note', 'skill', 'experiment')),
    body         TEXT        NOT NULL,
    skill        TEXT,
    strategy     TEXT,
    outcome      TEXT,
    status       TEXT        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'declined')),
    created_at   TIMESTAMPTZ NOT NULL,
    answered_at  TIMESTAMPTZ
);
CREATE INDEX coaching_member ON coaching (member_id, id);
CREATE INDEX coaching_share ON coaching (share_id, id);
