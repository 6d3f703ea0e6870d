-- Full-text search over posts; see the SQLite migration. 'simple': no stemming, so both
-- backends match the same words.
ALTER TABLE posts ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED;
CREATE INDEX posts_search ON posts USING GIN (search);
