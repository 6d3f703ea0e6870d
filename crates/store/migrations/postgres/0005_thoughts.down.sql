DROP TABLE predictions;
DROP TABLE thought_feelings;
DROP TABLE thought_records;
