-- Sharing with clinicians. An admin marks an account as a clinician (or coach) after checking
-- the person; a member makes a share (what, which period, until when) whose one-time code,
-- stored only as its SHA-256, hands it to one clinician. Every view is written to
-- share_views, which the member reads.
CREATE TABLE clinicians (
    user_id     INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    verified_at TEXT    NOT NULL
);

CREATE TABLE shares (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    clinician_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    code_hash    TEXT    NOT NULL UNIQUE,
    scopes       TEXT    NOT NULL,              -- 'diary,questionnaires'
    period_from  TEXT    NOT NULL,
    period_to    TEXT    NOT NULL,
    until        TEXT    NOT NULL,              -- the last day it can be seen
    -- The member lets the clinician leave notes and suggest a skill or an experiment.
    coaching     INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT    NOT NULL,
    redeemed_at  TEXT,
    revoked_at   TEXT
);
CREATE INDEX shares_member ON shares (member_id);
CREATE INDEX shares_clinician ON shares (clinician_id);

-- Who saw what of the member's, and when. The clinician's handle is kept as it was, so the
-- member's log still says who after that account is gone.
CREATE TABLE share_views (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    share_id     INTEGER NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
    clinician_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    clinician    TEXT    NOT NULL,
    what         TEXT    NOT NULL,
    viewed_at    TEXT    NOT NULL
);
CREATE INDEX share_views_member ON share_views (member_id, viewed_at);

-- A clinician's note or suggestion on a share that allows coaching. Nothing starts without
-- the member: a suggestion waits ('open') until they take it up or say no.
CREATE TABLE coaching (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    share_id     INTEGER NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    clinician_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    clinician    TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('note', 'skill', 'experiment')),
    body         TEXT    NOT NULL,               -- the note, or why this suggestion
    skill        TEXT,                           -- a skill's slug
    strategy     TEXT,                           -- what to test
    outcome      TEXT,                           -- pain, peg, mood or sleep
    status       TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'declined')),
    created_at   TEXT    NOT NULL,
    answered_at  TEXT
);
CREATE INDEX coaching_member ON coaching (member_id, id);
CREATE INDEX coaching_share ON coaching (share_id, id);
