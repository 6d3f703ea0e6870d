ALTER TABLE checkins DROP COLUMN flare;
