//! The binary's integration tests, one test binary so the full stack links once: the real
//! `foothold` process (`process`), the browser tests against it (`browser`) and the API
//! against its OpenAPI document (`contract`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod browser;
mod contract;
mod process;
