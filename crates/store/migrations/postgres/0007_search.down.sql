DROP INDEX posts_search;
ALTER TABLE posts DROP COLUMN search;
