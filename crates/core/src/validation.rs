//! A validation failure that names the field and a stable code.
//!
//! The code is what the web layer translates (Fluent message `invalid-<code>`) and what API
//! clients match on; it never changes once released. The value that failed is deliberately not
//! kept: it may be a password or health data, and errors end up in logs.

use std::fmt;

/// One problem with one input field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The form field or JSON property, e.g. `handle`.
    pub field: &'static str,
    /// Stable machine-readable code, e.g. `handle-too-short`.
    pub code: &'static str,
}

/// One or more problems found while parsing input. Never empty.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Invalid(Vec<Problem>);

impl Invalid {
    pub fn one(field: &'static str, code: &'static str) -> Self {
        Self(vec![Problem { field, code }])
    }

    /// `None` when there are no problems.
    pub fn from_problems(problems: Vec<Problem>) -> Option<Self> {
        (!problems.is_empty()).then_some(Self(problems))
    }

    /// Adds the problems of `result`, if it failed, to `problems`.
    pub fn gather<T>(problems: &mut Vec<Problem>, result: &Result<T, Invalid>) {
        if let Err(e) = result {
            problems.extend_from_slice(&e.0);
        }
    }

    pub fn problems(&self) -> &[Problem] {
        &self.0
    }

    /// Both values, or every problem of either (so a form shows them all at once).
    pub fn both<A, B>(a: Result<A, Invalid>, b: Result<B, Invalid>) -> Result<(A, B), Invalid> {
        match (a, b) {
            (Ok(a), Ok(b)) => Ok((a, b)),
            (Err(Invalid(mut x)), Err(Invalid(y))) => {
                x.extend(y);
                Err(Invalid(x))
            }
            (Err(e), _) | (_, Err(e)) => Err(e),
        }
    }

    /// Joins the problems of several independent checks, so a form shows every problem at
    /// once instead of one per submit.
    pub fn collect<const N: usize>(results: [Result<(), Invalid>; N]) -> Result<(), Invalid> {
        let problems: Vec<Problem> = results.into_iter().filter_map(Result::err).flat_map(|e| e.0).collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Self(problems))
        }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let codes: Vec<String> = self.0.iter().map(|p| format!("{}: {}", p.field, p.code)).collect();
        write!(f, "invalid input ({})", codes.join(", "))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn both_keeps_the_values_or_every_problem() {
        assert_eq!(Invalid::both::<_, u8>(Ok(1), Ok(2)), Ok((1, 2)));
        let err =
            Invalid::both::<u8, u8>(Err(Invalid::one("a", "x")), Err(Invalid::one("b", "y"))).unwrap_err();
        assert_eq!(err.problems().len(), 2);
        assert_eq!(
            Invalid::both::<u8, u8>(Ok(1), Err(Invalid::one("b", "y"))).unwrap_err().problems().len(),
            1
        );
    }

    #[test]
    fn collect_keeps_every_problem_and_passes_when_none() {
        assert_eq!(Invalid::collect([Ok(()), Ok(())]), Ok(()));
        let err = Invalid::collect([Err(Invalid::one("a", "x")), Ok(()), Err(Invalid::one("b", "y"))])
            .err()
            .map(|e| e.problems().to_vec());
        assert_eq!(err, Some(vec![Problem { field: "a", code: "x" }, Problem { field: "b", code: "y" }]));
    }
}
