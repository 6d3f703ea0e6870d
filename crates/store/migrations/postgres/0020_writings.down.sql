DROP TABLE writings;
