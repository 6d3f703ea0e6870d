//! The one error type of the use-cases. It says what went wrong in the member's terms; the
//! HTTP layer (`foothold-web`'s `AppError`) and the command line decide how to show it.

use foothold_core::questionnaire::AnswerProblem;
use foothold_core::{Invalid, Problem};
use foothold_store::{Conflict, StoreError};

#[derive(Debug, Clone, thiserror::Error)]
pub enum ServiceError {
    /// Input failed validation, field by field.
    #[error("invalid input")]
    Invalid(Invalid),
    /// Answers to a questionnaire failed their checks, question by question.
    #[error("invalid answers")]
    Answers(Vec<AnswerProblem>),
    /// A unique value is taken, or the stored data changed meanwhile, reported against the
    /// field that holds it.
    #[error("conflict")]
    Conflict(Problem),
    /// Wrong handle or password. Deliberately does not say which.
    #[error("bad credentials")]
    BadCredentials,
    /// This needs a signed-in member.
    #[error("login required")]
    LoginRequired,
    /// Signed in, but this member may not do this here (e.g. post in a group they have not
    /// joined). Things they may not even see are `NotFound` instead.
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// Input that no form or client of ours sends (an unknown step, a version that is not a
    /// number).
    #[error("bad request")]
    BadRequest,
    /// Too many attempts; try again after this many seconds.
    #[error("rate limited")]
    RateLimited { retry_after: i64 },
    /// The database cannot be reached.
    #[error("unavailable")]
    Unavailable,
    /// Anything else. Details were logged where the error arose.
    #[error("internal")]
    Internal,
}

pub type ServiceResult<T> = Result<T, ServiceError>;

impl From<Invalid> for ServiceError {
    fn from(invalid: Invalid) -> Self {
        Self::Invalid(invalid)
    }
}

/// Every kind of stored conflict as the member sees it; the match is exhaustive, so a new
/// kind cannot be forgotten.
fn conflict(c: Conflict) -> ServiceError {
    let (field, code) = match c {
        Conflict::Handle => ("handle", "handle-taken"),
        Conflict::StrategyName => ("name", "strategy-taken"),
        Conflict::MergeSame => return ServiceError::Invalid(Invalid::one("into", "merge-same")),
        Conflict::StrategyInExperiment => ("strategy", "strategy-in-experiment"),
        Conflict::StrategyInUse => ("strategy", "strategy-in-use"),
        Conflict::StrategyBuiltin => ("strategy", "strategy-builtin"),
        Conflict::ExperimentOverlap => ("start", "experiment-overlap"),
        Conflict::BackupExists => ("path", "backup-exists"),
        Conflict::ThreadLocked => ("body", "thread-locked"),
    };
    ServiceError::Conflict(Problem { field, code })
}

impl From<StoreError> for ServiceError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound => Self::NotFound,
            StoreError::Stale => Self::Conflict(Problem { field: "version", code: "changed-elsewhere" }),
            StoreError::UnknownReference(_) => Self::Invalid(Invalid::one("strategies", "strategy-unknown")),
            StoreError::Conflict(c) => conflict(c),
            StoreError::Unavailable(e) => {
                tracing::error!(error = %e, "database unavailable");
                Self::Unavailable
            }
            other => {
                tracing::error!(error = ?other, "store error");
                Self::Internal
            }
        }
    }
}
