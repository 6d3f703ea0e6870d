//! Foothold's use-cases: what a member can do with their account, diary, experiments,
//! insights, thought records, goals, questionnaires, direct messages, profiles, and the
//! support service that reads every text a member writes for crisis language. The pages, the JSON API, the command line and
//! background jobs all call these, so each rule is checked in one place. They take the store
//! and what else they need (a clock, a translator for names in the member's language) and
//! return a [`ServiceError`], never an HTTP answer.

pub mod accounts;
pub mod clock;
pub mod diary;
pub mod error;
pub mod experiments;
pub mod goals;
pub mod i18n;
pub mod insights;
pub mod kept;
pub mod messages;
pub mod onboarding;
pub mod profiles;
pub mod questionnaires;
pub mod secret;
pub mod support;
pub mod thoughts;

pub use error::{ServiceError, ServiceResult};
