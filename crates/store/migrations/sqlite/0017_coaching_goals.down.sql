DELETE FROM coaching WHERE kind = 'goal';
CREATE TABLE coaching_before (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    share_id     INTEGER NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
    member_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    clinician_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    clinician    TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('note', 'skill', 'experiment')),
    body         TEXT    NOT NULL,
    skill        TEXT,
    strategy     TEXT,
    outcome      TEXT,
    status       TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'declined')),
    created_at   TEXT    NOT NULL,
    answered_at  TEXT
);
INSERT INTO coaching_before (id, share_id, member_id, clinician_id, clinician, kind, body, skill, strategy, outcome, status, created_at, answered_at) SELECT id, share_id, member_id, clinician_id, clinician, kind, body, skill, strategy, outcome, status, created_at, answered_at FROM coaching;
DROP TABLE coaching;
ALTER TABLE coaching_before RENAME TO coaching;
CREATE INDEX coaching_member ON coaching (member_id, id);
CREATE INDEX coaching_share ON coaching (share_id, id);
