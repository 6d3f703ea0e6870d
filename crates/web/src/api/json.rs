//! The API's JSON body: axum's, except that a number with no fractional part is read as an
//! integer wherever one is expected.
//!
//! JSON does not tell `3` from `3.0`, and neither does JSON Schema (`3.0` is an `integer`),
//! so a client that writes an id as `3.0` is within the OpenAPI document and must be
//! understood; serde alone would refuse it.

use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Number, Value};

/// Extracts a request body like `axum::Json` and writes a response body exactly like it.
pub struct Json<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Json<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let axum::Json(mut value) =
            axum::Json::<Value>::from_request(req, state).await.map_err(IntoResponse::into_response)?;
        integral_numbers_as_integers(&mut value);
        // The same answer axum gives for JSON of the wrong shape; `render_errors` writes its body.
        serde_json::from_value(value)
            .map(Json)
            .map_err(|e| (StatusCode::UNPROCESSABLE_ENTITY, e.to_string()).into_response())
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// Rewrites `3.0` as `3`, in place, at any depth. Floats outside the `i64` range stay floats.
fn integral_numbers_as_integers(value: &mut Value) {
    match value {
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|f| n.is_f64() && f.fract() == 0.0) {
                // `i64::MAX as f64` rounds up to 2^63, which is out of range, hence `<`.
                if f >= i64::MIN as f64 && f < i64::MAX as f64 {
                    let whole = f as i64;
                    *n = Number::from(whole);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral_numbers_as_integers),
        Value::Object(fields) => fields.values_mut().for_each(integral_numbers_as_integers),
        Value::Null | Value::Bool(_) | Value::String(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn whole_numbers_written_as_floats_read_as_integers_and_fractions_stay() {
        let mut value = json!({"into": 2340.0, "ids": [1.0, -3.0, 2.5], "deep": {"n": 1e300, "m": 7}});
        integral_numbers_as_integers(&mut value);
        assert_eq!(value, json!({"into": 2340, "ids": [1, -3, 2.5], "deep": {"n": 1e300, "m": 7}}));
        assert!(value.pointer("/into").is_some_and(Value::is_i64));
        assert!(value.pointer("/deep/n").is_some_and(Value::is_f64));
    }
}
