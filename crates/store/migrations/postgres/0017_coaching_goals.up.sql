-- Coaching may also propose a graded goal: its activity in `strategy`, its `unit` here.
ALTER TABLE coaching DROP CONSTRAINT coaching_kind_check;
ALTER TABLE coaching ADD CONSTRAINT coaching_kind_check CHECK (kind IN ('note', 'skill', 'experiment', 'goal'));
ALTER TABLE coaching ADD COLUMN unit TEXT;
