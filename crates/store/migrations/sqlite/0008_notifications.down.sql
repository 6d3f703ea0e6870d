ALTER TABLE users DROP COLUMN unread;
DROP TABLE notifications;
DROP TABLE jobs;
