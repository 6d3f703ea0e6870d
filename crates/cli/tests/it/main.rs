//! The binary's integration tests, one test binary so the full stack links once: the real
//! `foothold` process (`process`) and the browser tests against it (`browser`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod browser;
mod process;
