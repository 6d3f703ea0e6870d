DROP TABLE calendar_feeds;
DROP TABLE session_ratings;
DROP TABLE session_rsvps;
DROP TABLE group_sessions;
