//! The encoder's tokenizer: BERT's uncased WordPiece, written here to match the vocabulary
//! the model was trained with (`vocab.txt`, one piece a line; a line's number is its id).
//!
//! Text is cleaned (control characters dropped, any whitespace made a space), lower-cased,
//! stripped of accents, cut at whitespace and around each punctuation mark and CJK ideograph,
//! and each word is split greedily into the longest pieces the vocabulary has (later pieces
//! spelt "##…"). A word that cannot be spelt from pieces becomes `[UNK]`, as in the original.

use std::collections::HashMap;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Longer words are `[UNK]` without being looked at, as in BERT.
const MAX_WORD_CHARS: usize = 100;

pub struct Vocab {
    ids: HashMap<String, u32>,
    pub unk: u32,
    pub cls: u32,
    pub sep: u32,
}

impl Vocab {
    /// Reads `vocab.txt`; `None` if a special token is missing.
    pub fn parse(text: &str) -> Option<Vocab> {
        let ids: HashMap<String, u32> =
            text.lines().zip(0u32..).map(|(piece, id)| (piece.to_owned(), id)).collect();
        Some(Vocab { unk: *ids.get("[UNK]")?, cls: *ids.get("[CLS]")?, sep: *ids.get("[SEP]")?, ids })
    }

    /// The piece ids of `text`, without `[CLS]` and `[SEP]`.
    pub fn encode(&self, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        for word in words(text) {
            self.pieces(&word, &mut out);
        }
        out
    }

    fn pieces(&self, word: &str, out: &mut Vec<u32>) {
        if word.chars().count() > MAX_WORD_CHARS {
            out.push(self.unk);
            return;
        }
        let before = out.len();
        let mut start = 0;
        let mut key = String::new();
        while start < word.len() {
            // Longest piece first: shrink the end one character at a time.
            let rest = word.get(start..).unwrap_or_default();
            let mut found = None;
            let ends: Vec<usize> = rest.char_indices().map(|(i, _)| i).skip(1).chain([rest.len()]).collect();
            for &end in ends.iter().rev() {
                let piece = rest.get(..end).unwrap_or_default();
                key.clear();
                if start > 0 {
                    key.push_str("##");
                }
                key.push_str(piece);
                if let Some(&id) = self.ids.get(&key) {
                    found = Some((id, end));
                    break;
                }
            }
            match found {
                Some((id, len)) => {
                    out.push(id);
                    start += len;
                }
                None => {
                    out.truncate(before);
                    out.push(self.unk);
                    return;
                }
            }
        }
    }
}

/// The words of `text` after BERT's cleaning, lower-casing and accent stripping.
fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, words: &mut Vec<String>| {
        if !word.is_empty() {
            words.push(std::mem::take(word));
        }
    };
    for c in text.chars().flat_map(char::to_lowercase).nfd() {
        if is_combining_mark(c) || is_dropped(c) {
            continue;
        }
        if c.is_whitespace() {
            flush(&mut word, &mut words);
        } else if is_punctuation(c) || is_ideograph(c) {
            flush(&mut word, &mut words);
            words.push(c.to_string());
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut words);
    words
}

/// NUL, the replacement character, and control and format characters other than whitespace.
fn is_dropped(c: char) -> bool {
    matches!(c, '\0' | '\u{fffd}' | '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{feff}')
        || (c.is_control() && !c.is_whitespace())
}

/// ASCII symbols (as BERT counts them) and the Unicode punctuation blocks.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '\u{a1}' | '\u{a7}' | '\u{ab}' | '\u{b6}' | '\u{b7}' | '\u{bb}' | '\u{bf}'
            | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{2043}' | '\u{2045}'..='\u{2051}'
            | '\u{2053}'..='\u{205e}' | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}'
            | '\u{3014}'..='\u{301f}' | '\u{ff01}'..='\u{ff03}' | '\u{ff05}'..='\u{ff0a}'
            | '\u{ff0c}'..='\u{ff0f}' | '\u{ff1a}' | '\u{ff1b}' | '\u{ff1f}' | '\u{ff20}')
}

/// CJK ideographs, which BERT treats as words of their own.
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{20000}'..='\u{2a6df}'
        | '\u{2a700}'..='\u{2b73f}' | '\u{2b740}'..='\u{2b81f}' | '\u{2b820}'..='\u{2ceaf}'
        | '\u{f900}'..='\u{faff}' | '\u{2f800}'..='\u{2fa1f}')
}
