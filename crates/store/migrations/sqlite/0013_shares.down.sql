DROP TABLE coaching;
DROP TABLE share_views;
DROP TABLE shares;
DROP TABLE clinicians;
