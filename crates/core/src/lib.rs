//! Foothold's domain: types that validate themselves and the analysis that runs on them.
//!
//! Everything here is pure — no I/O, no async, no database — so it is cheap to test and to
//! benchmark, and both the server and the command line share one definition of "valid".

pub mod account;
pub mod agency;
pub mod calibration;
pub mod checkin;
pub mod community;
pub mod diary_csv;
pub mod experiment;
pub mod fhir;
pub mod goal;
pub mod group_sessions;
pub mod hacks;
pub mod hex;
mod id;
pub mod library;
pub mod named;
pub mod questionnaire;
pub mod reminder;
pub mod share;
pub mod simulate;
pub mod strategy;
pub mod thought;
pub mod validation;

pub use validation::{Invalid, Problem};
