DROP TABLE moderation_log;
DROP TABLE reports;
DROP TABLE reactions;
DROP TABLE posts;
DROP TABLE threads;
DROP TABLE group_members;
DROP TABLE groups;
