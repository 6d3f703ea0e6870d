//! Small dense linear algebra for the regressions: symmetric positive-definite systems of a
//! few hundred unknowns at most, solved by Cholesky factorisation.
// Index arithmetic here is bounded by `n` in every loop and checked by the tests; plain
// indexing keeps the kernels readable and fast.
#![allow(clippy::indexing_slicing)]

/// A sparse vector: (index, value) pairs with ascending, distinct indices.
pub type Sparse = Vec<(usize, f64)>;

/// `a - f·b` for sparse vectors.
pub fn sparse_sub(a: &[(usize, f64)], b: &[(usize, f64)], f: f64) -> Sparse {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(&(ia, va)), Some(&(ib, vb))) if ia == ib => {
                out.push((ia, va - f * vb));
                i += 1;
                j += 1;
            }
            (Some(&(ia, va)), Some(&(ib, _))) if ia < ib => {
                out.push((ia, va));
                i += 1;
            }
            (Some(&(ia, va)), None) => {
                out.push((ia, va));
                i += 1;
            }
            (_, Some(&(ib, vb))) => {
                out.push((ib, -f * vb));
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// `a · b` over the shorter length. Four running sums let the compiler use vector
/// instructions (a single sum must add in order, which is several times slower).
pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut acc = [0.0f64; 4];
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let tail: f64 = ca.remainder().iter().zip(cb.remainder()).map(|(x, y)| x * y).sum();
    for (x, y) in ca.zip(cb) {
        for k in 0..4 {
            acc[k] += x[k] * y[k];
        }
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

pub fn sparse_dot(x: &[(usize, f64)], dense: &[f64]) -> f64 {
    x.iter().map(|&(i, v)| v * dense.get(i).copied().unwrap_or(0.0)).sum()
}

/// A square matrix, row-major. Used for symmetric matrices built from the upper triangle.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    n: usize,
    a: Vec<f64>,
}

impl Matrix {
    pub fn zeros(n: usize) -> Self {
        Self { n, a: vec![0.0; n * n] }
    }

    pub fn n(&self) -> usize {
        self.n
    }

    pub fn get(&self, i: usize, j: usize) -> f64 {
        self.a[i * self.n + j]
    }

    pub fn add(&mut self, i: usize, j: usize, v: f64) {
        self.a[i * self.n + j] += v;
    }

    /// Adds `w · x xᵀ` to the upper triangle (call [`Matrix::mirror`] when done).
    pub fn add_outer(&mut self, x: &[(usize, f64)], w: f64) {
        for (k, &(i, vi)) in x.iter().enumerate() {
            let wi = w * vi;
            let row = &mut self.a[i * self.n..(i + 1) * self.n];
            for &(j, vj) in &x[k..] {
                row[j] += wi * vj;
            }
        }
    }

    /// Adds `x yᵀ + y xᵀ` to the upper triangle (call [`Matrix::mirror`] when done).
    pub fn add_cross(&mut self, x: &[(usize, f64)], y: &[(usize, f64)]) {
        for &(i, vi) in x {
            for &(j, vj) in y {
                let v = vi * vj;
                let (lo, hi) = (i.min(j), i.max(j));
                // On the diagonal both terms land in one cell.
                self.a[lo * self.n + hi] += if i == j { 2.0 * v } else { v };
            }
        }
    }

    /// `self += f · other`.
    pub fn add_all(&mut self, other: &Matrix, f: f64) {
        self.a.iter_mut().zip(&other.a).for_each(|(a, b)| *a += f * b);
    }

    /// Copies the upper triangle into the lower one.
    pub fn mirror(&mut self) {
        for i in 0..self.n {
            for j in 0..i {
                self.a[i * self.n + j] = self.a[j * self.n + i];
            }
        }
    }

    /// The sub-matrix of the given rows and columns.
    pub fn select(&self, idx: &[usize]) -> Self {
        let mut m = Self::zeros(idx.len());
        for (r, &i) in idx.iter().enumerate() {
            for (c, &j) in idx.iter().enumerate() {
                m.a[r * m.n + c] = self.get(i, j);
            }
        }
        m
    }
}

/// The Cholesky factor `L` (lower triangular) of a positive-definite matrix: `A = L Lᵀ`.
pub struct Cholesky {
    n: usize,
    l: Vec<f64>,
}

impl Cholesky {
    /// `None` if the matrix is not (numerically) positive definite.
    pub fn new(m: &Matrix) -> Option<Self> {
        let n = m.n;
        let mut l = vec![0.0; n * n];
        // Dot products of row prefixes.
        let prefix = |l: &[f64], a: usize, b: usize, len: usize| dot(&l[a..a + len], &l[b..b + len]);
        for j in 0..n {
            let d = m.get(j, j) - prefix(&l, j * n, j * n, j);
            if !(d > 0.0 && d.is_finite()) {
                return None;
            }
            let d = d.sqrt();
            l[j * n + j] = d;
            for i in (j + 1)..n {
                let s = m.get(i, j) - prefix(&l, i * n, j * n, j);
                l[i * n + j] = s / d;
            }
        }
        Some(Self { n, l })
    }

    /// Solves `L y = b`.
    fn forward(&self, b: &[f64]) -> Vec<f64> {
        let n = self.n;
        let mut y = vec![0.0; n];
        for i in 0..n {
            let s = dot(&self.l[i * n..i * n + i], &y[..i]);
            y[i] = (b[i] - s) / self.l[i * n + i];
        }
        y
    }

    /// Solves `Lᵀ x = y`.
    fn backward(&self, y: &[f64]) -> Vec<f64> {
        let n = self.n;
        let mut x = vec![0.0; n];
        for i in (0..n).rev() {
            // Column i of L below the diagonal, i.e. row i of Lᵀ.
            let s: f64 = x.iter().enumerate().skip(i + 1).map(|(k, xk)| self.l[k * n + i] * xk).sum();
            x[i] = (y[i] - s) / self.l[i * n + i];
        }
        x
    }

    /// ln |A|: twice the sum of the logs of `L`'s diagonal.
    pub fn log_det(&self) -> f64 {
        (0..self.n).map(|j| 2.0 * self.l[j * self.n + j].ln()).sum()
    }

    /// Solves `A x = b`.
    pub fn solve(&self, b: &[f64]) -> Vec<f64> {
        self.backward(&self.forward(b))
    }

    /// The diagonal of `A⁻¹`: with `M = L⁻¹`, `(A⁻¹)_jj = Σ_i M_ij²`.
    pub fn inverse_diagonal(&self) -> Vec<f64> {
        let n = self.n;
        let mut diag = vec![0.0; n];
        let mut col = vec![0.0; n];
        for j in 0..n {
            // Column j of L⁻¹ by forward substitution on the unit vector e_j.
            col.iter_mut().for_each(|c| *c = 0.0);
            col[j] = 1.0 / self.l[j * n + j];
            for i in (j + 1)..n {
                let s = dot(&self.l[i * n + j..i * n + i], &col[j..i]);
                col[i] = -s / self.l[i * n + i];
            }
            diag[j] = dot(&col[j..], &col[j..]);
        }
        diag
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::needless_range_loop)]
    use super::*;

    fn spd() -> Matrix {
        // A = B Bᵀ + I for a fixed B: positive definite.
        let b = [[1.0, 2.0, 0.5], [0.0, 1.0, -1.0], [3.0, 0.0, 1.0]];
        let mut m = Matrix::zeros(3);
        for i in 0..3 {
            for j in 0..3 {
                let v: f64 = (0..3).map(|k| b[i][k] * b[j][k]).sum();
                m.add(i, j, v + if i == j { 1.0 } else { 0.0 });
            }
        }
        m
    }

    #[test]
    fn cholesky_solves_and_inverts() {
        let m = spd();
        let c = Cholesky::new(&m).unwrap_or_else(|| unreachable!());
        let b = [1.0, -2.0, 0.5];
        let x = c.solve(&b);
        for i in 0..3 {
            let ax: f64 = (0..3).map(|j| m.get(i, j) * x[j]).sum();
            assert!((ax - b[i]).abs() < 1e-12);
        }
        let diag = c.inverse_diagonal();
        for j in 0..3 {
            let mut e = [0.0; 3];
            e[j] = 1.0;
            assert!((c.solve(&e)[j] - diag[j]).abs() < 1e-12);
        }
    }

    #[test]
    fn log_determinant() {
        let mut m = Matrix::zeros(2);
        m.add(0, 0, 4.0);
        m.add(0, 1, 2.0);
        m.add(1, 0, 2.0);
        m.add(1, 1, 3.0);
        let c = Cholesky::new(&m).unwrap_or_else(|| unreachable!());
        assert!((c.log_det() - 8.0f64.ln()).abs() < 1e-12);
    }

    #[test]
    fn not_positive_definite_is_refused() {
        let mut m = Matrix::zeros(2);
        m.add(0, 0, 1.0);
        m.add(0, 1, 2.0);
        m.add(1, 0, 2.0);
        m.add(1, 1, 1.0);
        assert!(Cholesky::new(&m).is_none());
    }

    #[test]
    fn outer_products_accumulate_symmetrically() {
        let mut m = Matrix::zeros(3);
        m.add_outer(&[(0, 1.0), (2, 2.0)], 0.5);
        m.mirror();
        assert_eq!(m.get(2, 0), 1.0);
        assert_eq!(m.get(0, 2), 1.0);
        assert_eq!(m.get(2, 2), 2.0);
        assert_eq!(
            sparse_sub(&[(0, 1.0), (2, 2.0)], &[(1, 1.0), (2, 1.0)], 2.0),
            vec![(0, 1.0), (1, -2.0), (2, 0.0)]
        );
    }
}
