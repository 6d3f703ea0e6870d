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
