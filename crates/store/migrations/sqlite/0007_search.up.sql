-- Full-text search over posts and thread titles. The tokenizer keeps diacritics, like
-- PostgreSQL's 'simple' configuration, so both backends find the same posts.
CREATE VIRTUAL TABLE posts_fts USING fts5 (
    body,
    content = 'posts',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
INSERT INTO posts_fts (rowid, body) SELECT id, body FROM posts;
CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN
    INSERT INTO posts_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER posts_fts_update AFTER UPDATE OF body ON posts BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO posts_fts (rowid, body) VALUES (new.id, new.body);
END;
