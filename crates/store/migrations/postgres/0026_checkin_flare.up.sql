-- "Today is a flare": the member's own word for a bad spell, kept with the day's check-in so
-- history, exports and the clinician's summary can show flares beside the ratings.
ALTER TABLE checkins ADD COLUMN flare BOOLEAN NOT NULL DEFAULT FALSE;
