DROP TABLE questionnaire_schedules;
DROP TABLE questionnaire_responses;
