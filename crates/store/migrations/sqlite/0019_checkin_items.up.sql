-- What the check-in asks, in the member's order ("pain,peg,mood"); NULL asks everything.
ALTER TABLE users ADD COLUMN checkin_items TEXT;
