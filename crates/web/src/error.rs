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
use foothold_services::ServiceError;
use foothold_store::StoreError;

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

impl From<ServiceError> for AppError {
    fn from(err: ServiceError) -> Self {
        match err {
            ServiceError::Invalid(invalid) => Self::Invalid(invalid),
            ServiceError::Answers(answers) => Self::Answers(answers),
            ServiceError::Conflict(problem) => Self::Conflict(problem),
            ServiceError::BadCredentials => Self::BadCredentials,
            ServiceError::LoginRequired => Self::LoginRequired,
            ServiceError::Forbidden => Self::Forbidden,
            ServiceError::NotFound => Self::NotFound,
            ServiceError::BadRequest => Self::BadRequest,
            ServiceError::RateLimited { retry_after } => Self::RateLimited { retry_after },
            ServiceError::Unavailable => Self::Unavailable,
            ServiceError::Internal => Self::Internal,
        }
    }
}

/// A store error as the services see it (one mapping, in `foothold_services::error`).
impl From<StoreError> for AppError {
    fn from(err: StoreError) -> Self {
        ServiceError::from(err).into()
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use foothold_services::i18n::Catalog;

    /// Every message id written literally in the code (`tr.t("…")`, `tr.ta("…", …)`) exists
    /// in English, so no member sees a raw id.
    #[test]
    fn every_literal_message_id_exists() {
        let tr = Catalog::load().unwrap().negotiate(None, None);
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut ids = Vec::new();
        for dir in ["web/src", "web/src/pages", "web/src/api", "services/src"].map(|d| root.join(d)) {
            for file in std::fs::read_dir(dir).unwrap() {
                let path = file.unwrap().path();
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for marker in [".t(\"", ".ta(\""] {
                    for piece in text.split(marker).skip(1) {
                        if let Some(id) = piece.split('"').next().filter(|id| {
                            !id.is_empty()
                                && id
                                    .bytes()
                                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                        }) {
                            ids.push(id.to_owned());
                        }
                    }
                }
            }
        }
        assert!(ids.len() > 60, "the scan found the ids: {ids:?}");
        let missing: Vec<_> = ids.iter().filter(|id| !tr.has(id)).collect();
        assert!(missing.is_empty(), "message ids without English text: {missing:?}");
    }

    /// Every error code in the source — validation codes in core, the services and web, and every
    /// `AppError` — has an `err-<code>` message, so no member ever sees a bare code.
    #[test]
    fn every_error_code_has_a_message() {
        let tr = Catalog::load().unwrap().negotiate(None, None);
        let mut codes: Vec<String> = [
            AppError::BadCredentials,
            AppError::LoginRequired,
            AppError::Csrf,
            AppError::Forbidden,
            AppError::NotFound,
            AppError::RateLimited { retry_after: 1 },
            AppError::TooLarge,
            AppError::MethodNotAllowed,
            AppError::Timeout,
            AppError::BadRequest,
            AppError::Unavailable,
            AppError::Internal,
            AppError::Invalid(foothold_core::Invalid::one("x", "y")),
        ]
        .iter()
        .map(|e| e.code().to_owned())
        .collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        for dir in ["core/src", "services/src", "web/src"] {
            for file in std::fs::read_dir(root.join(dir))
                .unwrap()
                .chain(std::fs::read_dir(root.join(dir).join("pages")).into_iter().flatten())
            {
                let path = file.unwrap().path();
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for marker in ["Invalid::one(\"", "code: \"", "problem(\""] {
                    for piece in text.split(marker).skip(1) {
                        let literal = if marker.starts_with("Invalid") {
                            piece.split('"').nth(2)
                        } else {
                            piece.split('"').next()
                        };
                        if let Some(code) = literal.filter(|c| c.contains('-') && !c.contains(' ')) {
                            codes.push(code.to_owned());
                        }
                    }
                }
            }
        }
        codes.retain(|c| c != "y");
        assert!(codes.len() > 25, "the scan found the codes: {codes:?}");
        let missing: Vec<_> = codes.iter().filter(|c| !tr.has(&format!("err-{c}"))).collect();
        assert!(missing.is_empty(), "codes without an err- message: {missing:?}");
    }
}
