ALTER TABLE users DROP COLUMN checkin_items;
