//! The second reader: a small transformer (MiniLM-L6, 22 M weights) fine-tuned on Foothold's
//! labelled crisis sentences, giving the probability that a text is crisis language. Rules
//! see only the wordings someone foresaw; on text written by people who had not seen them they
//! found two or three crises in four. The encoder reads meaning across wordings, so the two
//! together (`super::detect`) find far more, and the reader may set aside wide-layer rule hits
//! it is sure are not a crisis.
//!
//! The weights (`content/models/crisis-reader.safetensors`, 8-bit, built into the binary) are made by
//! `scripts/crisis-reader/train.py` from the public all-MiniLM-L6-v2 model (Apache-2.0); see
//! `content/models/README.md`. Nothing is fetched at run time.

mod encoder;
#[cfg(test)]
mod tests;
mod weights;
mod wordpiece;

use encoder::{Encoder, MAX_TOKENS};
use std::sync::LazyLock;
use wordpiece::Vocab;

const WEIGHTS: &[u8] = include_bytes!("../../../../../content/models/crisis-reader.safetensors");
const VOCAB: &str = include_str!("../../../../../content/models/vocab.txt");

/// Pieces per window (two places are `[CLS]` and `[SEP]`), and how far each window moves on,
/// so a long text is read in overlapping windows and a sentence is never only cut in two.
const WINDOW: usize = MAX_TOKENS - 2;
const STRIDE: usize = 96;

/// Parsed once, on first use (about 60 MB once expanded).
static READER: LazyLock<Result<(Vocab, Encoder), String>> = LazyLock::new(|| {
    let vocab = Vocab::parse(VOCAB).ok_or("the built-in vocabulary cannot be read")?;
    Ok((vocab, Encoder::parse(WEIGHTS).map_err(|e| e.to_string())?))
});

/// The probability that `text` is crisis language: the highest over its windows. `None` only
/// if the built-in weights cannot be read, which a test rules out.
pub fn probability(text: &str) -> Option<f32> {
    let (vocab, encoder) = READER.as_ref().ok()?;
    let pieces = vocab.encode(text);
    let mut best = f32::NEG_INFINITY;
    let mut start = 0;
    loop {
        let window = pieces.get(start..pieces.len().min(start + WINDOW)).unwrap_or_default();
        let ids: Vec<u32> =
            [vocab.cls].into_iter().chain(window.iter().copied()).chain([vocab.sep]).collect();
        best = best.max(encoder.logit(&ids));
        if start + WINDOW >= pieces.len() {
            break;
        }
        start += STRIDE;
    }
    Some(1.0 / (1.0 + (-best).exp()))
}

/// The piece ids of `text`, for checking the tokenizer against the original one.
#[doc(hidden)]
pub fn pieces(text: &str) -> Option<Vec<u32>> {
    Some(READER.as_ref().ok()?.0.encode(text))
}
