//! Words with byte offsets, shared by the explanatory-style reader and the crisis detector.
//!
//! A word is a run of letters and digits (apostrophes inside it included). Its `norm` is
//! lower-cased with curly apostrophes made straight, and contractions are expanded so one
//! rule catches every spelling: "won't", "wont" and "will not" all become `will` `not`,
//! each part keeping the byte range of the word it came from. Hyphens split words
//! ("self-harm" → `self` `harm`). Punctuation between words decides where sentences and
//! clauses end, and quotation marks decide which words are quoted.

/// One normalised word (or one part of an expanded contraction).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub norm: String,
    /// Byte range in the original text; always on char boundaries.
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub clause: usize,
    /// A `;` or `:` (not just a comma) came right before this word, inside its sentence.
    pub strong_break: bool,
    pub quoted: bool,
}

/// A sentence: the words `first..end` and whether it ended with a question mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub first: usize,
    pub end: usize,
    pub question: bool,
}

#[derive(Debug, Default)]
pub(crate) struct Text {
    pub words: Vec<Word>,
    pub sentences: Vec<Sentence>,
}

impl Text {
    pub fn word(&self, i: usize) -> Option<&str> {
        self.words.get(i).map(|w| w.norm.as_str())
    }

    pub fn is(&self, i: usize, norm: &str) -> bool {
        self.word(i) == Some(norm)
    }

    /// Is any of `norms` among the words `first..end`?
    pub fn any_in(&self, first: usize, end: usize, norms: &[&str]) -> bool {
        self.words.get(first..end).unwrap_or(&[]).iter().any(|w| norms.contains(&w.norm.as_str()))
    }
}

const APOSTROPHES: [char; 3] = ['\'', '\u{2019}', '\u{02BC}'];

/// Splits `text` into sentences, clauses and normalised words.
pub(crate) fn parse(text: &str) -> Text {
    let quoted = quoted_ranges(text);
    let mut out = Text::default();
    let (mut sentence, mut clause) = (0, 0);
    let (mut sentence_first, mut pending_break, mut pending_strong) = (0, Break::None, false);
    let mut question = false;
    for piece in pieces(text) {
        match piece {
            Piece::Gap(gap) => {
                let b = classify_gap(text, gap);
                question |= b.question;
                pending_break = pending_break.max(b.kind);
                pending_strong |= b.strong;
            }
            Piece::Word(start, end) => {
                if !out.words.is_empty() {
                    match pending_break {
                        Break::Sentence => {
                            out.sentences.push(Sentence {
                                first: sentence_first,
                                end: out.words.len(),
                                question,
                            });
                            sentence_first = out.words.len();
                            sentence += 1;
                            clause += 1;
                            question = false;
                        }
                        Break::Clause => clause += 1,
                        Break::None => {}
                    }
                }
                let strong = pending_strong && pending_break == Break::Clause;
                (pending_break, pending_strong) = (Break::None, false);
                let in_quote = quoted.iter().any(|&(a, b)| a <= start && end <= b);
                let raw = text.get(start..end).unwrap_or("");
                for (k, part) in expand(&normalise(raw)).into_iter().enumerate() {
                    out.words.push(Word {
                        norm: part,
                        start,
                        end,
                        sentence,
                        clause,
                        strong_break: strong && k == 0,
                        quoted: in_quote,
                    });
                }
            }
        }
    }
    if !out.words.is_empty() {
        out.sentences.push(Sentence { first: sentence_first, end: out.words.len(), question });
    }
    join_my_self(&mut out.words);
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    Clause,
    Sentence,
}

struct GapBreak {
    kind: Break,
    strong: bool,
    question: bool,
}

enum Piece {
    Word(usize, usize),
    Gap((usize, usize)),
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Alternating words and the gaps between them, as byte ranges.
fn pieces(text: &str) -> Vec<Piece> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&(start, c)) = chars.get(i) {
        let word = is_word_char(c);
        let mut j = i + 1;
        while let Some(&(_, d)) = chars.get(j) {
            let inner_apostrophe =
                word && APOSTROPHES.contains(&d) && chars.get(j + 1).is_some_and(|&(_, e)| is_word_char(e));
            if is_word_char(d) == word || inner_apostrophe {
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        out.push(if word { Piece::Word(start, end) } else { Piece::Gap((start, end)) });
        i = j;
    }
    out
}

fn classify_gap(text: &str, (start, end): (usize, usize)) -> GapBreak {
    let gap = text.get(start..end).unwrap_or("");
    let mut b = GapBreak { kind: Break::None, strong: false, question: false };
    let before_digit = text.get(..start).and_then(|s| s.chars().last()).is_some_and(|c| c.is_ascii_digit());
    let after_digit = text.get(end..).and_then(|s| s.chars().next()).is_some_and(|c| c.is_ascii_digit());
    for c in gap.chars() {
        match c {
            // "3.5" and "2,100" are numbers, not sentence or clause ends.
            '.' | ',' if before_digit && after_digit && gap.len() == 1 => {}
            '.' | '!' | '?' | '…' | '\n' | '\r' => {
                b.kind = Break::Sentence;
                b.question |= c == '?';
            }
            ';' | ':' => {
                b.kind = b.kind.max(Break::Clause);
                b.strong = true;
            }
            ',' | '—' | '–' | '(' | ')' | '[' | ']' | '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' => {
                b.kind = b.kind.max(Break::Clause)
            }
            // A hyphen between spaces is a dash; inside "self-harm" it only splits the word.
            '-' if gap.len() > 1 && gap.trim() == "-" => b.kind = b.kind.max(Break::Clause),
            _ => {}
        }
    }
    b
}

fn normalise(raw: &str) -> String {
    raw.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if APOSTROPHES.contains(&c) || c == '\u{2018}' { '\'' } else { c })
        .collect()
}

/// Words whose `'s` means "is" rather than a possessive.
#[rustfmt::skip]
const S_IS: &[&str] = &[
    "it", "that", "what", "there", "here", "he", "she", "who", "where", "how", "everything", "nothing",
    "everyone", "everybody", "nobody", "someone", "something", "life", "this", "one", "let",
];

/// Contractions written without an apostrophe, as people type on a phone.
const BARE: &[(&str, &str)] = &[
    ("im", "i am"),
    ("ive", "i have"),
    ("cant", "can not"),
    ("cannot", "can not"),
    ("dont", "do not"),
    ("doesnt", "does not"),
    ("didnt", "did not"),
    ("isnt", "is not"),
    ("arent", "are not"),
    ("wasnt", "was not"),
    ("werent", "were not"),
    ("wont", "will not"),
    ("wouldnt", "would not"),
    ("couldnt", "could not"),
    ("shouldnt", "should not"),
    ("havent", "have not"),
    ("hasnt", "has not"),
    ("whats", "what is"),
    ("thats", "that is"),
    ("theres", "there is"),
    ("youre", "you are"),
    ("gonna", "going to"),
    ("wanna", "want to"),
    ("gotta", "got to"),
    ("dunno", "do not know"),
];

fn expand(norm: &str) -> Vec<String> {
    let split = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
    if let Some(&(_, long)) = BARE.iter().find(|(short, _)| *short == norm) {
        return split(long);
    }
    let special = match norm {
        "can't" => Some("can not"),
        "won't" => Some("will not"),
        "shan't" => Some("shall not"),
        "ain't" => Some("is not"),
        "let's" => Some("let us"),
        _ => None,
    };
    if let Some(long) = special {
        return split(long);
    }
    if let Some(base) = norm.strip_suffix("n't") {
        return vec![base.to_owned(), "not".to_owned()];
    }
    for (suffix, long) in [("'m", "am"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'d", "would")] {
        if let Some(base) = norm.strip_suffix(suffix).filter(|b| !b.is_empty()) {
            return vec![base.to_owned(), long.to_owned()];
        }
    }
    if let Some(base) = norm.strip_suffix("'s").filter(|b| !b.is_empty()) {
        let second = if S_IS.contains(&base) { "is" } else { "'s" };
        return vec![base.to_owned(), second.to_owned()];
    }
    vec![norm.to_owned()]
}

/// "my self" → "myself" (one word spanning both), a common spelling in quick notes.
fn join_my_self(words: &mut Vec<Word>) {
    let mut i = 0;
    while i + 1 < words.len() {
        let joins = matches!((words.get(i), words.get(i + 1)), (Some(a), Some(b))
            if a.norm == "my" && b.norm == "self" && a.sentence == b.sentence);
        if joins {
            let end = words.get(i + 1).map_or(0, |b| b.end);
            if let Some(a) = words.get_mut(i) {
                a.norm = "myself".to_owned();
                a.end = end;
            }
            words.remove(i + 1);
        }
        i += 1;
    }
}

/// Byte ranges between matching quotation marks (the marks excluded). A mark that never
/// closes is ignored, so a stray apostrophe cannot silence the rest of a text.
fn quoted_ranges(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let (mut straight, mut curly, mut single): (Option<usize>, Option<usize>, Option<usize>) =
        (None, None, None);
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev_word = k.checked_sub(1).and_then(|p| chars.get(p)).is_some_and(|&(_, d)| is_word_char(d));
        let next_word = chars.get(k + 1).is_some_and(|&(_, d)| is_word_char(d));
        let after = i + c.len_utf8();
        match c {
            '"' => match straight.take() {
                Some(open) => out.push((open, i)),
                None => straight = Some(after),
            },
            '“' | '„' | '«' => curly = Some(after),
            '”' | '»' => {
                if let Some(open) = curly.take() {
                    out.push((open, i));
                }
            }
            '‘' => single = Some(after),
            '\'' | '’' if prev_word && next_word => {} // an apostrophe inside a word
            '\'' | '’' if !prev_word && next_word && single.is_none() => single = Some(after),
            '\'' | '’' if prev_word || !next_word => {
                if let Some(open) = single.take() {
                    out.push((open, i));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        parse(text).words.into_iter().map(|w| w.norm).collect()
    }

    #[test]
    fn contractions_expand_and_keep_the_whole_word_range() {
        assert_eq!(
            norms("I won’t, Im sure it's fine"),
            ["i", "will", "not", "i", "am", "sure", "it", "is", "fine"]
        );
        let t = parse("It isn't");
        assert_eq!((t.words[2].start, t.words[2].end), (3, 8));
        assert_eq!(norms("my sister's cat, my self"), ["my", "sister", "'s", "cat", "myself"]);
    }

    #[test]
    fn sentences_clauses_and_questions() {
        let t = parse("Does it hurt? Yes, always; 3.5 today");
        assert_eq!(t.sentences.len(), 2);
        assert!(t.sentences[0].question && !t.sentences[1].question);
        assert_eq!(t.words[3].clause, 1);
        assert_ne!(t.words[4].clause, t.words[3].clause);
        assert!(t.words[5].strong_break);
        assert_eq!(norms("3.5 today"), ["3", "5", "today"]);
        assert_eq!(t.words[5].clause, t.words[6].clause);
    }

    #[test]
    fn quotes_pair_and_apostrophes_do_not() {
        let t = parse("He said 'it will never go away' but I don't agree");
        let quoted: Vec<_> = t.words.iter().filter(|w| w.quoted).map(|w| w.norm.as_str()).collect();
        assert_eq!(quoted, ["it", "will", "never", "go", "away"]);
        assert!(parse("the kids' toys and it's fine").words.iter().all(|w| !w.quoted));
        assert!(parse("“You’re a burden,” she said").words[0].quoted);
    }
}
