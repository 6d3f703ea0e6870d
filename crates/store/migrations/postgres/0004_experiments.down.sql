DROP TABLE experiment_days;
DROP TABLE experiment_events;
DROP TABLE experiments;
