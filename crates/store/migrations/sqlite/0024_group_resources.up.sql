-- An advocacy group's pinned resources: links and short documents (Markdown), kept in the
-- order its hosts and moderators chose, read by whoever may read the group.
CREATE TABLE group_resources (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id   INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    author_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    title      TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    position   INTEGER NOT NULL,
    updated_at TEXT    NOT NULL
);
CREATE INDEX group_resources_group ON group_resources (group_id, position, id);
