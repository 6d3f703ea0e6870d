//! The web crate's integration tests, one binary so the full stack links once: each module
//! drives the real server over HTTP (`common::spawn_app`) on SQLite and, when configured,
//! PostgreSQL.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod api;
mod checkin;
mod common;
mod community;
mod exchange;
mod experiments;
mod goals;
mod group_sessions;
mod hacks;
mod insights;
mod library;
mod messages;
mod pages;
mod profiles;
mod questionnaires;
mod reminders;
mod safety;
mod shares;
mod support;
mod thoughts;
mod topics;
mod visit;
