//! Bayesian linear regression with AR(1) errors.
//!
//! Model: `y = Xβ + e`, `e_t = ρ·e_{t−1} + ε_t`, `ε ~ N(0, σ²)`, on the days of the diary
//! (which may have gaps). For a given ρ the errors are whitened exactly, gaps included:
//! between rows `k` days apart the transformed row is
//! `(x_t − ρᵏ·x_{t−k}) · √((1−ρ²)/(1−ρ²ᵏ))`. With the conjugate prior
//! `β | σ² ~ N(0, σ²·Λ₀⁻¹)`, `σ² ~ InvGamma(a₀, b₀)` the posterior of each coefficient is a
//! Student t. ρ and the scale of the noise are estimated from a first fit without
//! autocorrelation (empirical Bayes), so that the prior on each effect can be stated in
//! points of the outcome's scale whatever the member's day-to-day noise.

use super::design::Row;
use super::linalg::{sparse_dot, sparse_sub, Cholesky, Matrix, Sparse};

/// Weak prior on σ²: the data decide the noise level.
pub(crate) const A0: f64 = 1.0;
pub(crate) const B0: f64 = 0.5;
/// Folds of the cross-validation ("how much do my actions matter").
const FOLDS: usize = 5;
/// ρ is kept inside a range where the whitening is well behaved.
const RHO_RANGE: (f64, f64) = (-0.5, 0.9);

/// The posterior: each coefficient is `mean + scale · t(df)`.
pub struct Posterior {
    pub mean: Vec<f64>,
    pub scale: Vec<f64>,
    pub df: f64,
    /// Point estimate of the noise variance σ².
    pub sigma2: f64,
}

/// A fitted model with what the cross-validation needs to refit it.
pub struct Fitted<'a> {
    pub posterior: Posterior,
    /// The rows and the autocorrelation they are whitened with.
    pub rows: &'a [Row],
    pub rho: f64,
    pub columns: usize,
    /// Sufficient statistics of the whitened rows, and of each cross-validation fold of them.
    pub normal: Normal,
    pub folds: Vec<Normal>,
    /// Prior precisions in units of σ⁻².
    pub prior: Vec<f64>,
}

/// Row `i` whitened for `rho` (see the module comment), as `(φ, w)`: the row becomes
/// `w · (x_i − φ · x_{i−1})`. The first row has no predecessor (`φ = 0`).
fn whitening(rows: &[Row], i: usize, rho: f64) -> (f64, f64) {
    match i.checked_sub(1).and_then(|p| Some((rows.get(p)?, rows.get(i)?))) {
        _ if rho == 0.0 => (0.0, 1.0),
        Some((prev, row)) => {
            let k = i32::try_from(row.day - prev.day).unwrap_or(i32::MAX).max(1);
            let phi = rho.powi(k);
            (phi, ((1.0 - rho * rho) / (1.0 - phi * phi)).sqrt())
        }
        None => (0.0, (1.0 - rho * rho).sqrt()),
    }
}

/// The whitened row `i` as a sparse vector and its outcome.
fn whitened(rows: &[Row], i: usize, rho: f64) -> Option<(Sparse, f64)> {
    let row = rows.get(i)?;
    let (phi, w) = whitening(rows, i, rho);
    match i.checked_sub(1).and_then(|p| rows.get(p)).filter(|_| phi != 0.0) {
        Some(prev) => Some((
            sparse_sub(&row.x, &prev.x, phi).into_iter().map(|(c, v)| (c, v * w)).collect(),
            (row.y - phi * prev.y) * w,
        )),
        None => Some((row.x.iter().map(|&(c, v)| (c, v * w)).collect(), row.y * w)),
    }
}

/// The whitened statistics of all rows for `rho`, built row by row (for a single fit).
pub fn whitened_normal(rows: &[Row], columns: usize, rho: f64) -> Normal {
    let mut normal = Normal::zeros(columns);
    for i in 0..rows.len() {
        if let Some((x, y)) = whitened(rows, i, rho) {
            normal.add(&x, y);
        }
    }
    normal.xtx.mirror();
    normal
}

/// The whitened row `i` times `beta`, and its outcome, without building the row.
fn whitened_dot(rows: &[Row], i: usize, rho: f64, beta: &[f64]) -> Option<(f64, f64)> {
    let row = rows.get(i)?;
    let (phi, w) = whitening(rows, i, rho);
    let (px, py) = match i.checked_sub(1).and_then(|p| rows.get(p)).filter(|_| phi != 0.0) {
        Some(prev) => (sparse_dot(&prev.x, beta), prev.y),
        None => (0.0, 0.0),
    };
    Some((w * (sparse_dot(&row.x, beta) - phi * px), w * (row.y - phi * py)))
}

/// Whitening does not change which rows follow the day before (gap 1), and for those the
/// weight is 1: their part of the whitened `XᵀX` is `S − ρ·C + ρ²·P` with `S = Σ x xᵀ`,
/// `C = Σ (x x₋ᵀ + x₋ xᵀ)` and `P = Σ x₋ x₋ᵀ` (`x₋` the day before). These do not depend on
/// ρ or on the outcome, so they are summed once per diary (per cross-validation fold) and
/// every outcome's fit combines them; only rows after a gap are whitened one by one.
pub struct Lagged {
    /// Per fold: `[S, C, P]` (upper triangles).
    folds: Vec<[Matrix; 3]>,
}

impl Lagged {
    fn of(rows: &[Row], columns: usize) -> Self {
        let mut folds: Vec<[Matrix; 3]> = (0..FOLDS)
            .map(|_| [Matrix::zeros(columns), Matrix::zeros(columns), Matrix::zeros(columns)])
            .collect();
        for (i, pair) in rows.windows(2).enumerate() {
            let ([prev, row], Some([s, c, p])) = (pair, folds.get_mut((i + 1) % FOLDS)) else { continue };
            if row.day - prev.day == 1 {
                s.add_outer(&row.x, 1.0);
                c.add_cross(&row.x, &prev.x);
                p.add_outer(&prev.x, 1.0);
            }
        }
        folds.iter_mut().flatten().for_each(Matrix::mirror);
        Self { folds }
    }
}

/// Sufficient statistics `XᵀX`, `Xᵀy`, `yᵀy` of some whitened rows.
pub struct Normal {
    pub xtx: Matrix,
    pub xty: Vec<f64>,
    pub yty: f64,
    pub n: usize,
}

impl Normal {
    fn zeros(columns: usize) -> Self {
        Self { xtx: Matrix::zeros(columns), xty: vec![0.0; columns], yty: 0.0, n: 0 }
    }

    fn add(&mut self, x: &[(usize, f64)], y: f64) {
        self.xtx.add_outer(x, 1.0);
        for &(c, v) in x {
            if let Some(t) = self.xty.get_mut(c) {
                *t += v * y;
            }
        }
        self.yty += y * y;
        self.n += 1;
    }

    /// The whitened statistics of each fold (row `i` goes to fold `i mod FOLDS`) and their
    /// sum: rows after a gap whitened one by one, the others from `lagged`.
    fn of_folds(rows: &[Row], columns: usize, rho: f64, lagged: &Lagged) -> (Vec<Self>, Self) {
        let mut parts: Vec<Self> = (0..FOLDS).map(|_| Self::zeros(columns)).collect();
        for i in 0..rows.len() {
            let Some(part) = parts.get_mut(i % FOLDS) else { continue };
            let follows = i > 0 && rows.get(i).zip(rows.get(i - 1)).is_some_and(|(r, p)| r.day - p.day == 1);
            if follows {
                // XᵀX comes from `lagged`; Xᵀy and yᵀy from the row.
                let (Some(row), Some(prev)) = (rows.get(i), rows.get(i - 1)) else { continue };
                let y = row.y - rho * prev.y;
                for (&(c, v), f) in row.x.iter().map(|e| (e, 1.0)).chain(prev.x.iter().map(|e| (e, -rho))) {
                    if let Some(t) = part.xty.get_mut(c) {
                        *t += f * v * y;
                    }
                }
                part.yty += y * y;
                part.n += 1;
            } else if let Some((x, y)) = whitened(rows, i, rho) {
                part.add(&x, y);
            }
        }
        let mut total = Self::zeros(columns);
        for (part, [s, c, p]) in parts.iter_mut().zip(&lagged.folds) {
            part.xtx.mirror();
            part.xtx.add_all(s, 1.0);
            part.xtx.add_all(c, -rho);
            part.xtx.add_all(p, rho * rho);
            total.xtx.add_all(&part.xtx, 1.0);
            total.xty.iter_mut().zip(&part.xty).for_each(|(t, p)| *t += p);
            total.yty += part.yty;
            total.n += part.n;
        }
        (parts, total)
    }

    /// Adds the prior precision to the diagonal: `XᵀX + Λ₀`.
    pub fn with_prior(&self, prior: &[f64]) -> Matrix {
        let mut m = self.xtx.clone();
        for (j, p) in prior.iter().enumerate() {
            m.add(j, j, *p);
        }
        m
    }
}

pub fn posterior(normal: &Normal, prior: &[f64]) -> Option<Posterior> {
    let chol = Cholesky::new(&normal.with_prior(prior))?;
    let mean = chol.solve(&normal.xty);
    let inverse = chol.inverse_diagonal();
    let fit: f64 = mean.iter().zip(&normal.xty).map(|(m, t)| m * t).sum();
    // Degrees of freedom the fit uses: a coefficient with a vague prior uses a whole one, a
    // shrunk one less (the trace of the ridge hat matrix). Leaving them out would make σ²
    // too small and the intervals too narrow in short diaries with many strategies.
    let used: f64 = prior.iter().zip(&inverse).map(|(p, d)| (1.0 - p * d).clamp(0.0, 1.0)).sum();
    let a = A0 + (normal.n as f64 - used).max(1.0) / 2.0;
    let b = B0 + (0.5 * (normal.yty - fit)).max(0.0);
    let scale = inverse.into_iter().map(|d| (b / a * d).sqrt()).collect();
    Some(Posterior { mean, scale, df: 2.0 * a, sigma2: b / a })
}

/// The lag-1 autocorrelation of the residuals on consecutive days.
fn residual_rho(rows: &[Row], beta: &[f64]) -> f64 {
    let (mut num, mut den, mut pairs) = (0.0, 0.0, 0usize);
    let mut prev: Option<(i64, f64)> = None;
    for row in rows {
        let r = row.y - sparse_dot(&row.x, beta);
        if let Some((day, pr)) = prev {
            if row.day - day == 1 {
                num += r * pr;
                den += pr * pr;
                pairs += 1;
            }
        }
        prev = Some((row.day, r));
    }
    if pairs < 10 || den <= 0.0 {
        return 0.0;
    }
    (num / den).clamp(RHO_RANGE.0, RHO_RANGE.1)
}

/// `XᵀX` of the unwhitened rows and the [`Lagged`] sums depend only on which days are used,
/// and the outcomes of a diary usually share their days: they are computed once.
#[derive(Default)]
pub struct PlainCache {
    days: Vec<usize>,
    xtx: Option<Matrix>,
    lagged: Option<Lagged>,
}

impl PlainCache {
    /// Makes the cache hold the statistics of `rows`.
    fn fill(&mut self, rows: &[Row], columns: usize) {
        let days: Vec<usize> = rows.iter().map(|r| r.checkin).collect();
        if self.days == days && self.xtx.as_ref().is_some_and(|m| m.n() == columns) {
            return;
        }
        let mut xtx = Matrix::zeros(columns);
        for row in rows {
            xtx.add_outer(&row.x, 1.0);
        }
        xtx.mirror();
        *self = Self { days, xtx: Some(xtx), lagged: Some(Lagged::of(rows, columns)) };
    }
}

fn plain_normal(rows: &[Row], columns: usize, xtx: &Matrix) -> Normal {
    let mut normal = Normal::zeros(columns);
    for row in rows {
        for &(c, v) in &row.x {
            if let Some(t) = normal.xty.get_mut(c) {
                *t += v * row.y;
            }
        }
        normal.yty += row.y * row.y;
    }
    normal.n = rows.len();
    normal.xtx = xtx.clone();
    normal
}

/// Fits the model: first without autocorrelation, then with the ρ and noise level its
/// residuals show. `prior_sd` is each coefficient's prior standard deviation in points.
pub fn fit<'a>(
    rows: &'a [Row],
    columns: usize,
    prior_sd: &[f64],
    cache: &mut PlainCache,
) -> Option<Fitted<'a>> {
    cache.fill(rows, columns);
    let (Some(xtx), Some(lagged)) = (&cache.xtx, &cache.lagged) else { return None };
    let n = rows.len().max(1) as f64;
    let mean_y = rows.iter().map(|r| r.y).sum::<f64>() / n;
    // A rough noise level for the first pass: the outcome's own spread (at least ½ point).
    let var_y = (rows.iter().map(|r| (r.y - mean_y).powi(2)).sum::<f64>() / n).max(0.25);
    let precision = |sigma2: f64| -> Vec<f64> { prior_sd.iter().map(|sd| sigma2 / (sd * sd)).collect() };
    let first = posterior(&plain_normal(rows, columns, xtx), &precision(var_y))?;
    let rho = residual_rho(rows, &first.mean);
    let prior = precision((first.sigma2 * (1.0 - rho * rho)).max(1e-4));
    let (folds, normal) = Normal::of_folds(rows, columns, rho, lagged);
    let posterior = posterior(&normal, &prior)?;
    Some(Fitted { posterior, rows, rho, columns, normal, folds, prior })
}

/// Out-of-sample check of how much the strategies add to the prediction of each day, beyond
/// trend and weekday: 5-fold cross-validation on the whitened rows. Returns the share of the
/// squared prediction error that the strategies remove, with its standard error.
pub fn cross_validated_share(fitted: &Fitted, nuisance: &[usize]) -> Option<(f64, f64)> {
    let (rows, full, prior) = (fitted.rows, &fitted.normal, &fitted.prior);
    let mut gains = Vec::with_capacity(rows.len());
    for (fold, out) in fitted.folds.iter().enumerate() {
        if fold >= rows.len() {
            continue;
        }
        let mut a = full.with_prior(prior);
        a.add_all(&out.xtx, -1.0);
        let mut b = full.xty.clone();
        for (bi, oi) in b.iter_mut().zip(&out.xty) {
            *bi -= oi;
        }
        let beta = Cholesky::new(&a)?.solve(&b);
        let b_reduced: Vec<f64> = nuisance.iter().map(|&j| b.get(j).copied().unwrap_or(0.0)).collect();
        let beta_reduced = Cholesky::new(&a.select(nuisance))?.solve(&b_reduced);
        let mut reduced = vec![0.0; fitted.columns];
        for (&j, v) in nuisance.iter().zip(beta_reduced) {
            if let Some(r) = reduced.get_mut(j) {
                *r = v;
            }
        }
        for i in (fold..rows.len()).step_by(FOLDS) {
            let (Some((fit, y)), Some((fit_reduced, _))) =
                (whitened_dot(rows, i, fitted.rho, &beta), whitened_dot(rows, i, fitted.rho, &reduced))
            else {
                continue;
            };
            let (e_full, e_reduced) = (y - fit, y - fit_reduced);
            gains.push((e_reduced * e_reduced, e_reduced * e_reduced - e_full * e_full));
        }
    }
    let total: f64 = gains.iter().map(|g| g.0).sum();
    if gains.len() < 10 || total <= 0.0 {
        return None;
    }
    let share = gains.iter().map(|g| g.1).sum::<f64>() / total;
    // Standard error of a ratio of sums (delta method), rows treated as independent after whitening.
    let var: f64 = gains.iter().map(|(e, d)| (d - share * e).powi(2)).sum::<f64>() / (total * total);
    Some((share, var.sqrt()))
}
