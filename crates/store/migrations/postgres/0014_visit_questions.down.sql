DROP TABLE visit_questions;
