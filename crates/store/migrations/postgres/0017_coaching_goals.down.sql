DELETE FROM coaching WHERE kind = 'goal';
ALTER TABLE coaching DROP COLUMN unit;
ALTER TABLE coaching DROP CONSTRAINT coaching_kind_check;
ALTER TABLE coaching ADD CONSTRAINT coaching_kind_check CHECK (kind IN ('note', 'skill', 'experiment'));
