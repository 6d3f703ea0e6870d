DROP TABLE thread_follows;
