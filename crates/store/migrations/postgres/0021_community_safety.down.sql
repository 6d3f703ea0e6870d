DELETE FROM notifications WHERE kind IN ('warning', 'suspended');
ALTER TABLE notifications DROP COLUMN message, DROP COLUMN until_at;
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('reply', 'mention', 'approved'));
ALTER TABLE posts DROP COLUMN moderator_edited;
DROP TABLE post_edits;
DROP TABLE group_suspensions;
DROP TABLE blocks;
