DROP TABLE goal_pauses;
DROP TABLE goal_steps;
DROP TABLE goals;
