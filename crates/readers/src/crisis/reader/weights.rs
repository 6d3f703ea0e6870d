//! The reader's weights file, in the safetensors layout: a little-endian `u64` header length,
//! a JSON header naming each tensor's type, shape and byte range, then the data. Every tensor
//! is asked for by name, type and shape, and a tensor the encoder does not use is an error
//! too, so a reordered, renamed, truncated or padded file refuses to load and says why,
//! instead of being read silently as something else.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WeightsError {
    #[error("the weights file has no readable safetensors header: {0}")]
    Header(String),
    #[error("tensor `{0}` is missing from the weights file")]
    Missing(String),
    #[error("tensor `{name}` is {found}, expected {expected}")]
    Mismatch { name: String, found: String, expected: String },
    #[error("tensor `{0}` points outside the weights file")]
    OutOfRange(String),
    #[error("the weights file holds tensors the encoder does not use: {0}")]
    Unused(String),
}

#[derive(Deserialize)]
struct Entry {
    dtype: String,
    shape: Vec<usize>,
    data_offsets: [usize; 2],
}

pub struct Tensors<'a> {
    entries: BTreeMap<String, Entry>,
    data: &'a [u8],
}

impl<'a> Tensors<'a> {
    pub fn parse(bytes: &'a [u8]) -> Result<Tensors<'a>, WeightsError> {
        let bad = |why: &str| WeightsError::Header(why.to_owned());
        let (length, rest) = bytes.split_first_chunk::<8>().ok_or_else(|| bad("shorter than 8 bytes"))?;
        let length = usize::try_from(u64::from_le_bytes(*length)).map_err(|_| bad("header length"))?;
        let (header, data) = rest.split_at_checked(length).ok_or_else(|| bad("shorter than its header"))?;
        let mut entries: BTreeMap<String, serde_json::Value> =
            serde_json::from_slice(header).map_err(|e| WeightsError::Header(e.to_string()))?;
        entries.remove("__metadata__");
        let entries = entries
            .into_iter()
            .map(|(name, value)| match serde_json::from_value(value) {
                Ok(entry) => Ok((name, entry)),
                Err(e) => Err(WeightsError::Header(format!("`{name}`: {e}"))),
            })
            .collect::<Result<_, _>>()?;
        Ok(Tensors { entries, data })
    }

    pub fn f32(&mut self, name: &str, shape: &[usize]) -> Result<Vec<f32>, WeightsError> {
        let raw = self.take(name, "F32", shape)?;
        Ok(raw.chunks_exact(4).filter_map(|b| b.try_into().ok().map(f32::from_le_bytes)).collect())
    }

    pub fn i8(&mut self, name: &str, shape: &[usize]) -> Result<Vec<i8>, WeightsError> {
        Ok(self.take(name, "I8", shape)?.iter().map(|&b| b as i8).collect())
    }

    /// Every tensor in the file has been read.
    pub fn finish(self) -> Result<(), WeightsError> {
        match self.entries.keys().map(String::as_str).collect::<Vec<_>>().join(", ") {
            left if left.is_empty() => Ok(()),
            left => Err(WeightsError::Unused(left)),
        }
    }

    fn take(&mut self, name: &str, dtype: &str, shape: &[usize]) -> Result<&'a [u8], WeightsError> {
        let entry = self.entries.remove(name).ok_or_else(|| WeightsError::Missing(name.to_owned()))?;
        if entry.dtype != dtype || entry.shape != shape {
            return Err(WeightsError::Mismatch {
                name: name.to_owned(),
                found: format!("{} {:?}", entry.dtype, entry.shape),
                expected: format!("{dtype} {shape:?}"),
            });
        }
        let width = if dtype == "F32" { 4 } else { 1 };
        let [start, end] = entry.data_offsets;
        let size = shape.iter().product::<usize>() * width;
        self.data
            .get(start..end)
            .filter(|raw| raw.len() == size)
            .ok_or_else(|| WeightsError::OutOfRange(name.to_owned()))
    }
}
