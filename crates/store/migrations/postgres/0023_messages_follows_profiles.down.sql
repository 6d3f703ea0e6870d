DELETE FROM notifications WHERE kind IN ('message', 'shown', 'thread');
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('reply', 'mention', 'approved', 'warning', 'suspended'));
DROP TABLE message_reports;
DROP TABLE messages;
DROP TABLE conversations;
ALTER TABLE users DROP COLUMN messages_barred, DROP COLUMN messages_open;
DROP TABLE group_follows;
DROP TABLE profiles;
