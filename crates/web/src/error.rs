//! The one error type of the HTTP layer.
//!
//! Handlers return `AppError`; turning it into a response only sets the status and attaches
//! the error. The `render_errors` middleware (see `respond.rs`) then writes the body in the
//! request's language and format — JSON under `/api`, an HTML page elsewhere — so every
//! error, including those raised by axum and tower-http themselves, looks the same.
//! Internal details are logged here and never sent.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use foothold_core::questionnaire::AnswerProblem;
use foothold_core::{Invalid, Problem};
use foothold_store::{Conflict, StoreError};

#[derive(Debug, Clone, thiserror::Error)]
pub enum AppError {
    /// Input failed validation (422), field by field.
    #[error("invalid input")]
    Invalid(Invalid),
    /// Answers to a questionnaire failed their checks (422), question by question.
    #[error("invalid answers")]
    Answers(Vec<AnswerProblem>),
    /// A unique value is taken (409), reported against the field that holds it.
    #[error("conflict")]
    Conflict(Problem),
    /// Wrong handle or password (401). Deliberately does not say which.
    #[error("bad credentials")]
    BadCredentials,
    /// The request needs a logged-in member (401).
    #[error("login required")]
    LoginRequired,
    /// A state-changing request without a valid CSRF token or from another site (403).
    #[error("csrf")]
    Csrf,
    /// Signed in, but this member may not do this here (403), e.g. post in a group they
    /// have not joined. Things they may not even see are `NotFound` instead.
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// Too many attempts (429); try again after this many seconds.
    #[error("rate limited")]
    RateLimited { retry_after: i64 },
    /// The body is larger than this endpoint accepts (413).
    #[error("too large")]
    TooLarge,
    /// The route exists but not with this method (405).
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The request took too long (408).
    #[error("timeout")]
    Timeout,
    /// The body was not what this endpoint takes (400), e.g. malformed JSON.
    #[error("bad request")]
    BadRequest,
    /// The database cannot be reached (503).
    #[error("unavailable")]
    Unavailable,
    /// Anything else (500). Details were logged where the error arose.
    #[error("internal")]
    Internal,
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Invalid(_) | Self::Answers(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::BadCredentials | Self::LoginRequired => StatusCode::UNAUTHORIZED,
            Self::Csrf | Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::Timeout => StatusCode::REQUEST_TIMEOUT,
            Self::BadRequest => StatusCode::BAD_REQUEST,
            Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable code clients match on; also names the Fluent message `err-<code>`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Invalid(_) | Self::Answers(_) => "invalid-input",
            Self::Conflict(p) => p.code,
            Self::BadCredentials => "bad-credentials",
            Self::LoginRequired => "login-required",
            Self::Csrf => "csrf",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not-found",
            Self::RateLimited { .. } => "rate-limited",
            Self::TooLarge => "too-large",
            Self::MethodNotAllowed => "method-not-allowed",
            Self::Timeout => "timeout",
            Self::BadRequest => "bad-request",
            Self::Unavailable => "unavailable",
            Self::Internal => "internal",
        }
    }

    /// Problems to show beside form fields.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Self::Invalid(invalid) => invalid.problems(),
            Self::Conflict(p) => std::slice::from_ref(p),
            _ => &[],
        }
    }

    /// Each problem as (field, code): a form field, or a question's link id.
    pub fn fields(&self) -> Vec<(&str, &'static str)> {
        match self {
            Self::Answers(answers) => answers.iter().map(|a| (a.link_id.as_str(), a.code)).collect(),
            _ => self.problems().iter().map(|p| (p.field, p.code)).collect(),
        }
    }

    /// The error that stands for a plain HTTP status raised outside our handlers.
    pub fn from_status(status: StatusCode) -> Option<Self> {
        Some(match status {
            StatusCode::NOT_FOUND => Self::NotFound,
            StatusCode::UNAUTHORIZED => Self::LoginRequired,
            StatusCode::FORBIDDEN => Self::Csrf,
            StatusCode::PAYLOAD_TOO_LARGE => Self::TooLarge,
            StatusCode::METHOD_NOT_ALLOWED => Self::MethodNotAllowed,
            StatusCode::REQUEST_TIMEOUT => Self::Timeout,
            StatusCode::TOO_MANY_REQUESTS => Self::RateLimited { retry_after: 60 },
            StatusCode::SERVICE_UNAVAILABLE => Self::Unavailable,
            s if s.is_server_error() => Self::Internal,
            s if s.is_client_error() => Self::BadRequest,
            _ => return None,
        })
    }
}

impl From<Invalid> for AppError {
    fn from(invalid: Invalid) -> Self {
        Self::Invalid(invalid)
    }
}

/// Every kind of stored conflict as the member sees it; the match is exhaustive, so a new
/// kind cannot be forgotten.
fn conflict(c: Conflict) -> AppError {
    let (field, code) = match c {
        Conflict::Handle => ("handle", "handle-taken"),
        Conflict::StrategyName => ("name", "strategy-taken"),
        Conflict::MergeSame => return AppError::Invalid(Invalid::one("into", "merge-same")),
        Conflict::StrategyInExperiment => ("strategy", "strategy-in-experiment"),
        Conflict::StrategyInUse => ("strategy", "strategy-in-use"),
        Conflict::StrategyBuiltin => ("strategy", "strategy-builtin"),
        Conflict::ExperimentOverlap => ("start", "experiment-overlap"),
        Conflict::BackupExists => ("path", "backup-exists"),
        Conflict::ThreadLocked => ("body", "thread-locked"),
    };
    AppError::Conflict(Problem { field, code })
}

impl From<StoreError> for AppError {
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

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = self.status().into_response();
        if let Self::RateLimited { retry_after } = &self {
            if let Ok(v) = HeaderValue::from_str(&retry_after.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        response.extensions_mut().insert(self);
        response
    }
}

pub type AppResult<T> = Result<T, AppError>;
