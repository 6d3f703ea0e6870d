DROP TABLE email_tokens;
ALTER TABLE users DROP COLUMN email_verified_at;
ALTER TABLE users DROP COLUMN quiet_until;
ALTER TABLE users DROP COLUMN quiet_from;
DROP TABLE reminder_jobs;
DROP TABLE reminders;
