//! The encoder: a six-layer transformer (MiniLM-L6-H384, BERT architecture) with a one-number
//! head, run in plain Rust on the CPU. Its weights are read from Foothold's own file format
//! (written by `scripts/crisis-reader/train.py`): a magic line, then each tensor as
//! `kind, rows, cols` (u32, little-endian) and its data — `f32` values, or for the large
//! matrices one `f32` scale per row followed by the row's `i8` values (value = scale × byte).
//! The order of the tensors is fixed by [`Encoder::parse`].

use crate::agency::dist::normal_cdf;
use ndarray::linalg::general_mat_mul;
use ndarray::{Array2, ArrayView2, ArrayViewMut2};

const MAGIC: &[u8; 8] = b"FHCR1\0\0\0";
const HIDDEN: usize = 384;
const HEADS: usize = 12;
const HEAD_DIM: usize = HIDDEN / HEADS;
const INTERMEDIATE: usize = 1536;
const LAYERS: usize = 6;
/// Longest window the encoder reads, with `[CLS]` and `[SEP]`.
pub const MAX_TOKENS: usize = 128;

/// A dense layer: one output per weight row (the matrix is outputs × inputs).
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
    /// Reads the weights; `None` if the file is not what this code expects.
    pub fn parse(bytes: &[u8]) -> Option<Encoder> {
        let mut r = Reader { bytes: bytes.strip_prefix(MAGIC)? };
        let words = r.table(None, HIDDEN)?;
        let positions = r.dense(MAX_TOKENS, HIDDEN)?;
        let token_type = r.dense(1, HIDDEN)?;
        let embedding_norm = r.norm()?;
        let mut layers = Vec::with_capacity(LAYERS);
        for _ in 0..LAYERS {
            layers.push(Layer {
                query: r.linear(HIDDEN, HIDDEN)?,
                key: r.linear(HIDDEN, HIDDEN)?,
                value: r.linear(HIDDEN, HIDDEN)?,
                attention_out: r.linear(HIDDEN, HIDDEN)?,
                attention_norm: r.norm()?,
                up: r.linear(INTERMEDIATE, HIDDEN)?,
                down: r.linear(HIDDEN, INTERMEDIATE)?,
                out_norm: r.norm()?,
            });
        }
        let head = r.dense(1, HIDDEN)?;
        let head_bias = *r.dense(1, 1)?.first()?;
        r.bytes.is_empty().then_some(Encoder {
            words,
            positions,
            token_type,
            embedding_norm,
            layers,
            head,
            head_bias,
        })
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
            if let Some(row) = x.get_mut(start..) {
                self.embedding_norm.apply(row);
            }
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

/// Scaled dot-product attention, head by head, every token seeing every token.
fn attention(q: &[f32], k: &[f32], v: &[f32]) -> Vec<f32> {
    let tokens = q.len() / HIDDEN;
    let scale = 1.0 / (HEAD_DIM as f32).sqrt();
    let mut out = vec![0.0f32; q.len()];
    let mut weights = vec![0.0f32; tokens];
    let head = |row: &[f32], h: usize| row.get(h * HEAD_DIM..(h + 1) * HEAD_DIM).unwrap_or_default().to_vec();
    for h in 0..HEADS {
        let keys: Vec<Vec<f32>> = k.chunks_exact(HIDDEN).map(|r| head(r, h)).collect();
        let values: Vec<Vec<f32>> = v.chunks_exact(HIDDEN).map(|r| head(r, h)).collect();
        for (query, out_row) in q.chunks_exact(HIDDEN).zip(out.chunks_exact_mut(HIDDEN)) {
            let query = head(query, h);
            for (w, key) in weights.iter_mut().zip(&keys) {
                *w = dot(&query, key) * scale;
            }
            softmax(&mut weights);
            if let Some(target) = out_row.get_mut(h * HEAD_DIM..(h + 1) * HEAD_DIM) {
                for (w, value) in weights.iter().zip(&values) {
                    target.iter_mut().zip(value).for_each(|(t, v)| *t += w * v);
                }
            }
        }
    }
    out
}

impl Linear {
    /// `x` holds whole input rows; the result has one output row per input row. The product
    /// is `matrixmultiply`'s (through ndarray's safe interface), which picks the CPU's vector
    /// instructions at run time: several times faster than a plain loop.
    fn apply(&self, x: &[f32]) -> Vec<f32> {
        let (outputs, inputs) = self.weights.dim();
        let rows = x.len() / inputs;
        let mut y = vec![0.0f32; rows * outputs];
        let x = ArrayView2::from_shape((rows, inputs), x.get(..rows * inputs).unwrap_or_default());
        let out = ArrayViewMut2::from_shape((rows, outputs), &mut y);
        if let (Ok(x), Ok(mut out)) = (x, out) {
            general_mat_mul(1.0, &x, &self.weights.t(), 0.0, &mut out);
        }
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
        let scale = self.scales.get(id).copied().unwrap_or(0.0);
        let values = self.values.get(id * HIDDEN..(id + 1) * HIDDEN).unwrap_or_default();
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

/// GELU as BERT defines it: x·Φ(x), with the normal distribution function.
fn gelu(x: f32) -> f32 {
    (f64::from(x) * normal_cdf(f64::from(x))) as f32
}

/// Reads tensors from the weights file in order.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let (head, rest) = self.bytes.split_at_checked(n)?;
        self.bytes = rest;
        Some(head)
    }

    fn u32(&mut self) -> Option<usize> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?) as usize)
    }

    fn f32s(&mut self, n: usize) -> Option<Vec<f32>> {
        let raw = self.take(n.checked_mul(4)?)?;
        Some(raw.chunks_exact(4).filter_map(|b| b.try_into().ok().map(f32::from_le_bytes)).collect())
    }

    /// A tensor header of `kind` with `cols` columns and `rows` rows (any number if `None`).
    fn header(&mut self, kind: usize, rows: Option<usize>, cols: usize) -> Option<usize> {
        let (k, r, c) = (self.u32()?, self.u32()?, self.u32()?);
        (k == kind && c == cols && rows.is_none_or(|rows| rows == r)).then_some(r)
    }

    fn dense(&mut self, rows: usize, cols: usize) -> Option<Vec<f32>> {
        self.header(0, Some(rows), cols)?;
        self.f32s(rows * cols)
    }

    fn table(&mut self, rows: Option<usize>, cols: usize) -> Option<Table> {
        let rows = self.header(1, rows, cols)?;
        let scales = self.f32s(rows)?;
        let values = self.take(rows.checked_mul(cols)?)?.iter().map(|&b| b as i8).collect();
        Some(Table { scales, values })
    }

    fn linear(&mut self, outputs: usize, inputs: usize) -> Option<Linear> {
        let table = self.table(Some(outputs), inputs)?;
        let values = table
            .values
            .chunks_exact(inputs)
            .zip(&table.scales)
            .flat_map(|(row, &s)| row.iter().map(move |&b| f32::from(b) * s))
            .collect();
        let weights = Array2::from_shape_vec((outputs, inputs), values).ok()?;
        Some(Linear { weights, bias: self.dense(1, outputs)? })
    }

    fn norm(&mut self) -> Option<Norm> {
        Some(Norm { gain: self.dense(1, HIDDEN)?, bias: self.dense(1, HIDDEN)? })
    }
}
