//! The encoder: a six-layer transformer (MiniLM-L6-H384, BERT architecture) with a one-number
//! head, run in plain Rust on the CPU. Its weights (written by `scripts/crisis-reader/train.py`)
//! keep the original model's tensor names; the large matrices are 8-bit, each `name` beside a
//! `name_scale` with one `f32` per row (value = scale × byte), everything else is `f32`.

// A numeric kernel: the shapes are fixed at load, so a wrong index or shape is a bug that must
// fail loudly in the tests, never read as a silent zero or an empty slice.
#![allow(clippy::indexing_slicing, clippy::expect_used)]

use super::weights::{Tensors, WeightsError};
use ndarray::linalg::general_mat_mul;
use ndarray::{Array2, ArrayView2, ArrayViewMut2, Axis, Slice};

const HIDDEN: usize = 384;
const HEADS: usize = 12;
const HEAD_DIM: usize = HIDDEN / HEADS;
const INTERMEDIATE: usize = 1536;
const LAYERS: usize = 6;
const VOCAB_SIZE: usize = 30_522;
/// Longest window the encoder reads, with `[CLS]` and `[SEP]`.
pub const MAX_TOKENS: usize = 128;

/// A dense layer: `weights` is inputs × outputs (the file holds its transpose).
struct Linear {
    weights: Array2<f32>,
    bias: Vec<f32>,
}

struct Norm {
    gain: Vec<f32>,
    bias: Vec<f32>,
}

struct Layer {
    query: Linear,
    key: Linear,
    value: Linear,
    attention_out: Linear,
    attention_norm: Norm,
    up: Linear,
    down: Linear,
    out_norm: Norm,
}

/// The word-piece embeddings stay 8-bit (30,522 rows; only a text's own rows are expanded).
struct Table {
    scales: Vec<f32>,
    values: Vec<i8>,
}

pub struct Encoder {
    words: Table,
    positions: Vec<f32>,
    token_type: Vec<f32>,
    embedding_norm: Norm,
    layers: Vec<Layer>,
    head: Vec<f32>,
    head_bias: f32,
}

impl Encoder {
    /// Reads the weights, checking every tensor's name, type and shape.
    pub fn parse(bytes: &[u8]) -> Result<Encoder, WeightsError> {
        let mut t = Tensors::parse(bytes)?;
        let words = Table::read(&mut t, "embeddings.word_embeddings.weight", VOCAB_SIZE, HIDDEN)?;
        let positions = t.f32("embeddings.position_embeddings.weight", &[MAX_TOKENS, HIDDEN])?;
        let token_type = t.f32("embeddings.token_type_embeddings.weight", &[1, HIDDEN])?;
        let embedding_norm = Norm::read(&mut t, "embeddings.LayerNorm")?;
        let mut layers = Vec::with_capacity(LAYERS);
        for i in 0..LAYERS {
            let p = format!("encoder.layer.{i}");
            let mut linear =
                |name: &str, outputs, inputs| Linear::read(&mut t, &format!("{p}.{name}"), outputs, inputs);
            let (query, key) = (
                linear("attention.self.query", HIDDEN, HIDDEN)?,
                linear("attention.self.key", HIDDEN, HIDDEN)?,
            );
            let value = linear("attention.self.value", HIDDEN, HIDDEN)?;
            let attention_out = linear("attention.output.dense", HIDDEN, HIDDEN)?;
            let (up, down) = (
                linear("intermediate.dense", INTERMEDIATE, HIDDEN)?,
                linear("output.dense", HIDDEN, INTERMEDIATE)?,
            );
            layers.push(Layer {
                query,
                key,
                value,
                attention_out,
                attention_norm: Norm::read(&mut t, &format!("{p}.attention.output.LayerNorm"))?,
                up,
                down,
                out_norm: Norm::read(&mut t, &format!("{p}.output.LayerNorm"))?,
            });
        }
        let head = t.f32("head.weight", &[HIDDEN])?;
        let head_bias = t.f32("head.bias", &[1])?[0];
        t.finish()?;
        Ok(Encoder { words, positions, token_type, embedding_norm, layers, head, head_bias })
    }

    /// The head's log-odds for one window of piece ids (with `[CLS]` and `[SEP]`, at most
    /// [`MAX_TOKENS`]): the mean of the last layer over every token, times the head.
    pub fn logit(&self, ids: &[u32]) -> f32 {
        let mut x = self.embed(ids);
        for layer in &self.layers {
            x = layer.forward(&x);
        }
        let tokens = x.len() / HIDDEN;
        let mut mean = vec![0.0f32; HIDDEN];
        for row in x.chunks_exact(HIDDEN) {
            add_into(&mut mean, row);
        }
        dot(&mean, &self.head) / tokens.max(1) as f32 + self.head_bias
    }

    fn embed(&self, ids: &[u32]) -> Vec<f32> {
        let mut x = Vec::with_capacity(ids.len() * HIDDEN);
        for (&id, position) in ids.iter().zip(self.positions.chunks_exact(HIDDEN)) {
            let start = x.len();
            let word = self.words.row(id as usize);
            x.extend(word.zip(position).zip(&self.token_type).map(|((w, p), t)| w + p + t));
            self.embedding_norm.apply(&mut x[start..]);
        }
        x
    }
}

impl Layer {
    fn forward(&self, x: &[f32]) -> Vec<f32> {
        let (q, k, v) = (self.query.apply(x), self.key.apply(x), self.value.apply(x));
        let context = attention(&q, &k, &v);
        let mut h = self.attention_out.apply(&context);
        add_into(&mut h, x);
        self.attention_norm.rows(&mut h);
        let mut up = self.up.apply(&h);
        up.iter_mut().for_each(|u| *u = gelu(*u));
        let mut out = self.down.apply(&up);
        add_into(&mut out, &h);
        self.out_norm.rows(&mut out);
        out
    }
}

/// Scaled dot-product attention, head by head, every token seeing every token. Each head's
/// columns are a strided view of the token rows, so both products go through the same matrix
/// routine as the dense layers, with no copies.
fn attention(q: &[f32], k: &[f32], v: &[f32]) -> Vec<f32> {
    let tokens = q.len() / HIDDEN;
    let scale = 1.0 / (HEAD_DIM as f32).sqrt();
    let mut out = vec![0.0f32; tokens * HIDDEN];
    let mut scores = Array2::<f32>::zeros((tokens, tokens));
    let rows = |x| ArrayView2::from_shape((tokens, HIDDEN), x).expect("whole token rows");
    let (q, k, v) = (rows(&q[..tokens * HIDDEN]), rows(&k[..tokens * HIDDEN]), rows(&v[..tokens * HIDDEN]));
    let mut out_view = ArrayViewMut2::from_shape((tokens, HIDDEN), &mut out).expect("token rows");
    for h in 0..HEADS {
        // (`ndarray::s!` cannot be used: it allows unsafe code, which the workspace forbids.)
        let columns = Slice::from(h * HEAD_DIM..(h + 1) * HEAD_DIM);
        general_mat_mul(
            scale,
            &q.slice_axis(Axis(1), columns),
            &k.slice_axis(Axis(1), columns).t(),
            0.0,
            &mut scores,
        );
        scores
            .rows_mut()
            .into_iter()
            .for_each(|mut row| softmax(row.as_slice_mut().expect("contiguous rows")));
        general_mat_mul(
            1.0,
            &scores,
            &v.slice_axis(Axis(1), columns),
            0.0,
            &mut out_view.slice_axis_mut(Axis(1), columns),
        );
    }
    out
}

impl Linear {
    /// `x` holds whole input rows; the result has one output row per input row. The product
    /// is `matrixmultiply`'s (through ndarray's safe interface), which picks the CPU's vector
    /// instructions at run time: several times faster than a plain loop.
    fn apply(&self, x: &[f32]) -> Vec<f32> {
        let (inputs, outputs) = self.weights.dim();
        let rows = x.len() / inputs;
        let mut y = vec![0.0f32; rows * outputs];
        let x = ArrayView2::from_shape((rows, inputs), &x[..rows * inputs]).expect("whole input rows");
        let mut out = ArrayViewMut2::from_shape((rows, outputs), &mut y).expect("output rows");
        general_mat_mul(1.0, &x, &self.weights, 0.0, &mut out);
        for row in y.chunks_exact_mut(outputs) {
            add_into(row, &self.bias);
        }
        y
    }
}

impl Norm {
    fn rows(&self, x: &mut [f32]) {
        x.chunks_exact_mut(HIDDEN).for_each(|row| self.apply(row));
    }

    fn apply(&self, row: &mut [f32]) {
        let n = row.len() as f32;
        let mean = row.iter().sum::<f32>() / n;
        let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / n;
        let inv = 1.0 / (var + 1e-12).sqrt();
        for ((v, g), b) in row.iter_mut().zip(&self.gain).zip(&self.bias) {
            *v = (*v - mean) * inv * g + b;
        }
    }
}

impl Table {
    fn row(&self, id: usize) -> impl Iterator<Item = f32> + '_ {
        let scale = self.scales[id];
        let values = &self.values[id * HIDDEN..(id + 1) * HIDDEN];
        values.iter().map(move |&b| f32::from(b) * scale)
    }
}

fn softmax(w: &mut [f32]) {
    let max = w.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for v in w.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    w.iter_mut().for_each(|v| *v /= sum);
}

fn add_into(target: &mut [f32], other: &[f32]) {
    target.iter_mut().zip(other).for_each(|(t, o)| *t += o);
}

/// Eight running sums, so the compiler can keep them in vector registers.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; 8];
    for (ca, cb) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        acc.iter_mut().zip(ca).zip(cb).for_each(|((s, x), y)| *s += x * y);
    }
    let tail: f32 =
        a.chunks_exact(8).remainder().iter().zip(b.chunks_exact(8).remainder()).map(|(x, y)| x * y).sum();
    acc.iter().sum::<f32>() + tail
}

/// GELU as BERT defines it: x·Φ(x) = x·(1 + erf(x/√2))/2.
pub(super) fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// erf in `f32` as a ratio of two polynomials (the fit XLA and Eigen use; error < 1e-7 on
/// [−4, 4], beyond which erf is ±1 to `f32` precision). Unlike `exp`, it has no branches or
/// library calls, so the compiler vectorises it: GELU runs on every intermediate value, and
/// with an `f64` `exp` it took a quarter of the reader's time.
fn erf(x: f32) -> f32 {
    const P: [f32; 7] = [
        -2.726_142_3e-10,
        2.770_681_4e-8,
        -2.101_024e-6,
        -5.692_506_4e-5,
        -7.349_906_3e-4,
        -2.954_6e-3,
        -1.609_603_3e-2,
    ];
    const Q: [f32; 5] = [-1.456_607_2e-5, -2.133_740_6e-4, -1.682_827e-3, -7.373_329e-3, -1.426_473_9e-2];
    let x = x.clamp(-4.0, 4.0);
    let x2 = x * x;
    let p = P.iter().fold(0.0, |acc, c| acc * x2 + c);
    let q = Q.iter().fold(0.0, |acc, c| acc * x2 + c);
    x * p / q
}

impl Table {
    fn read(t: &mut Tensors<'_>, name: &str, rows: usize, cols: usize) -> Result<Table, WeightsError> {
        let values = t.i8(name, &[rows, cols])?;
        Ok(Table { scales: t.f32(&format!("{name}_scale"), &[rows])?, values })
    }
}

impl Linear {
    fn read(t: &mut Tensors<'_>, name: &str, outputs: usize, inputs: usize) -> Result<Linear, WeightsError> {
        let table = Table::read(t, &format!("{name}.weight"), outputs, inputs)?;
        // Kept as inputs × outputs: the matrix routine copies the right-hand matrix into its
        // own blocks on every call, and reading it row by row is faster than by column. The
        // transpose goes tile by tile so that both sides stay in the cache.
        const TILE: usize = 32;
        let mut weights = Array2::<f32>::zeros((inputs, outputs));
        for o0 in (0..outputs).step_by(TILE) {
            for i0 in (0..inputs).step_by(TILE) {
                for o in o0..(o0 + TILE).min(outputs) {
                    let scale = table.scales[o];
                    let row = &table.values[o * inputs..(o + 1) * inputs];
                    for (i, &b) in row.iter().enumerate().take((i0 + TILE).min(inputs)).skip(i0) {
                        weights[(i, o)] = f32::from(b) * scale;
                    }
                }
            }
        }
        Ok(Linear { weights, bias: t.f32(&format!("{name}.bias"), &[outputs])? })
    }
}

impl Norm {
    fn read(t: &mut Tensors<'_>, name: &str) -> Result<Norm, WeightsError> {
        Ok(Norm {
            gain: t.f32(&format!("{name}.weight"), &[HIDDEN])?,
            bias: t.f32(&format!("{name}.bias"), &[HIDDEN])?,
        })
    }
}
