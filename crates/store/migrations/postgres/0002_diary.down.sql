DROP TABLE checkin_strategies;
DROP TABLE checkins;
DROP TABLE strategies;
ALTER TABLE users DROP COLUMN time_zone;
