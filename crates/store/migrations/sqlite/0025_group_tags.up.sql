-- What a group is about, in the same words as hacks and a member's own pains (conditions and
-- body areas), space-separated: at most five, read with the group's row, so neither the
-- directory nor the group's page needs another query for them.
ALTER TABLE groups ADD COLUMN tags TEXT NOT NULL DEFAULT '';
