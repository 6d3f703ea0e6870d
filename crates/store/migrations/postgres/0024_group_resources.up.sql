-- An advocacy group's pinned resources: links and short documents (Markdown), kept in the
-- order its hosts and moderators chose, read by whoever may read the group.
CREATE TABLE group_resources (
    id         BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    group_id   BIGINT      NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    author_id  BIGINT      REFERENCES users (id) ON DELETE SET NULL,
    title      TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    position   BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX group_resources_group ON group_resources (group_id, position, id);
