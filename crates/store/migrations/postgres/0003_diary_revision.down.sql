ALTER TABLE users DROP COLUMN diary_revision;
