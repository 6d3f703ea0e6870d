//! A tiny phrase-pattern language over normalised words, so the rule tables read like the
//! sentences they are meant to catch (and anyone can check what a rule does):
//!
//! - `word` one word; `word*` any word starting with `word` (`ruin*` = ruin, ruins, ruined)
//! - `(a|b c|d)` one of the alternatives, each a sequence of items
//! - `{name}` one of the phrases of a named list (itself written as `a|b c|d`)
//! - `_` any one word; `~3` up to three words, never across a comma or other clause break
//! - after an item, `?` makes it optional, `+` lets it repeat (one or more) and `*` makes it
//!   optional and repeatable (`{intens}*`, `(so|very)*`)
//!
//! Patterns are written with contractions expanded, as [`super::text`] produces them:
//! `i am`, `can not`, `will not`, `it is`.

use crate::text::Word;
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    items: Vec<Item>,
    /// The words a match can start with, when they are known: a cheap first check.
    starts: Option<Vec<Start>>,
}

#[derive(Debug, Clone)]
enum Start {
    Word(String),
    Prefix(String),
}

#[derive(Debug, Clone)]
struct Item {
    atom: Atom,
    rep: Rep,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rep {
    One,
    Optional,
    OneOrMore,
    ZeroOrMore,
}

#[derive(Debug, Clone)]
enum Atom {
    Word(String),
    Prefix(String),
    Any,
    Gap(usize),
    Alt(Vec<Vec<Item>>),
}

/// Named lists a pattern may refer to as `{name}`: alternatives separated by `|`, each a
/// phrase in the same pattern language.
pub(crate) type Lists = &'static [(&'static str, &'static str)];

/// At most this many repetitions of a `+` item, which keeps matching cheap on any input.
const MAX_REPEAT: usize = 6;

impl Pattern {
    /// Compiles `src`; an error names the problem (rule tables are checked by unit tests).
    pub fn compile(src: &str, lists: Lists) -> Result<Pattern, String> {
        let tokens = lex(src);
        let mut pos = 0;
        let items = parse_seq(&tokens, &mut pos, lists)?;
        if pos != tokens.len() {
            return Err(format!("unexpected `{}` in `{src}`", tokens.get(pos).map_or("", String::as_str)));
        }
        if items.is_empty() {
            return Err(format!("empty pattern `{src}`"));
        }
        let starts = starts(&items);
        Ok(Pattern { items, starts })
    }

    /// The end (exclusive) of the longest match starting at word `start`, not going past
    /// word `stop` (the end of the sentence).
    pub fn match_at(&self, words: &[Word], start: usize, stop: usize) -> Option<usize> {
        if let (Some(starts), Some(word)) = (&self.starts, words.get(start)) {
            let w = word.norm.as_str();
            let possible = starts.iter().any(|s| match s {
                Start::Word(x) => x == w,
                Start::Prefix(p) => w.starts_with(p.as_str()),
            });
            if !possible {
                return None;
            }
        }
        let mut ends = Vec::new();
        seq_ends(&self.items, words, start, stop, &mut ends);
        ends.into_iter().filter(|&e| e > start).max()
    }

    /// Every match inside `first..stop`, as `(start, end)` word ranges.
    #[cfg(test)]
    pub fn find(&self, words: &[Word], first: usize, stop: usize) -> Vec<(usize, usize)> {
        (first..stop).filter_map(|s| self.match_at(words, s, stop).map(|e| (s, e))).collect()
    }
}

/// Many patterns, indexed by the words they can start with, so a text is scanned once
/// instead of once per pattern.
#[derive(Debug, Default)]
pub(crate) struct PatternSet {
    /// Each compiled pattern with its index among the sources.
    patterns: Vec<(usize, Pattern)>,
    by_word: HashMap<String, Vec<usize>>,
    by_prefix: Vec<(String, usize)>,
    anywhere: Vec<usize>,
}

impl PatternSet {
    /// Compiles `sources` in order; a pattern that does not compile is left out (the rule
    /// tables have unit tests that every pattern compiles).
    pub fn new<'a>(sources: impl IntoIterator<Item = &'a str>, lists: Lists) -> PatternSet {
        let mut set = PatternSet::default();
        for (source, src) in sources.into_iter().enumerate() {
            let Ok(p) = Pattern::compile(src, lists) else { continue };
            let id = set.patterns.len();
            match &p.starts {
                None => set.anywhere.push(id),
                Some(starts) => {
                    for s in starts {
                        match s {
                            Start::Word(w) => set.by_word.entry(w.clone()).or_default().push(id),
                            Start::Prefix(x) => set.by_prefix.push((x.clone(), id)),
                        }
                    }
                }
            }
            set.patterns.push((source, p));
        }
        set
    }

    /// Every match inside `first..stop` as `(source index, start, end)`, ordered by start
    /// and then by source index.
    pub fn find(&self, words: &[Word], first: usize, stop: usize) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for (start, word) in words.iter().enumerate().take(stop).skip(first) {
            let w = word.norm.as_str();
            let mut ids: Vec<usize> = self.by_word.get(w).cloned().unwrap_or_default();
            ids.extend(self.by_prefix.iter().filter(|(x, _)| w.starts_with(x.as_str())).map(|(_, id)| *id));
            ids.extend_from_slice(&self.anywhere);
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                if let Some((source, p)) = self.patterns.get(id) {
                    if let Some(end) = p.match_at(words, start, stop) {
                        out.push((*source, start, end));
                    }
                }
            }
        }
        out
    }

    /// Does any pattern match inside `first..stop`?
    pub fn any(&self, words: &[Word], first: usize, stop: usize) -> bool {
        !self.find(words, first, stop).is_empty()
    }
}

/// The possible first words of a sequence, or `None` when it may start with any word or
/// match nothing at all.
fn starts(items: &[Item]) -> Option<Vec<Start>> {
    let first = items.first()?;
    if matches!(first.rep, Rep::Optional | Rep::ZeroOrMore) {
        return None;
    }
    match &first.atom {
        Atom::Word(w) => Some(vec![Start::Word(w.clone())]),
        Atom::Prefix(p) => Some(vec![Start::Prefix(p.clone())]),
        Atom::Any | Atom::Gap(_) => None,
        Atom::Alt(alts) => {
            let mut out = Vec::new();
            for alt in alts {
                out.extend(starts(alt)?);
            }
            Some(out)
        }
    }
}

fn lex(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in src.chars() {
        let star_after_group = c == '*' && cur.is_empty() && out.last().is_some_and(|t| t == ")");
        if c.is_whitespace() || "()|?+".contains(c) || star_after_group {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if !c.is_whitespace() {
                out.push(c.to_string());
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn parse_seq(tokens: &[String], pos: &mut usize, lists: Lists) -> Result<Vec<Item>, String> {
    let mut items = Vec::new();
    while let Some(tok) = tokens.get(*pos) {
        let atom = match tok.as_str() {
            ")" | "|" => break,
            "?" | "+" | "*" => return Err(format!("`{tok}` with nothing before it")),
            "(" => {
                *pos += 1;
                let mut alts = vec![parse_seq(tokens, pos, lists)?];
                while tokens.get(*pos).map(String::as_str) == Some("|") {
                    *pos += 1;
                    alts.push(parse_seq(tokens, pos, lists)?);
                }
                if tokens.get(*pos).map(String::as_str) != Some(")") {
                    return Err("unclosed `(`".to_owned());
                }
                Atom::Alt(alts)
            }
            "_" => Atom::Any,
            t if t.starts_with('{') && (t.ends_with('}') || t.ends_with("}*")) => {
                let name = t.trim_start_matches('{').trim_end_matches('*').trim_end_matches('}');
                let phrases = lists
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, p)| *p)
                    .ok_or_else(|| format!("unknown list `{name}`"))?;
                let mut p = 0;
                let group = parse_seq(&lex(&format!("({phrases})")), &mut p, lists)?;
                Atom::Alt(vec![group])
            }
            t if t.starts_with('~') => {
                Atom::Gap(t.trim_start_matches('~').parse().map_err(|_| format!("bad gap `{t}`"))?)
            }
            t if t.len() > 1 && t.ends_with('*') => Atom::Prefix(t.trim_end_matches('*').to_owned()),
            t => Atom::Word(t.to_owned()),
        };
        let starred_list = tok.starts_with('{') && tok.ends_with("}*");
        *pos += 1;
        let rep = match tokens.get(*pos).map(String::as_str) {
            _ if starred_list => Rep::ZeroOrMore,
            Some("?") => Rep::Optional,
            Some("+") => Rep::OneOrMore,
            Some("*") => Rep::ZeroOrMore,
            _ => Rep::One,
        };
        if rep != Rep::One && !starred_list {
            *pos += 1;
        }
        items.push(Item { atom, rep });
    }
    Ok(items)
}

fn seq_ends(items: &[Item], words: &[Word], pos: usize, stop: usize, out: &mut Vec<usize>) {
    let Some((item, rest)) = items.split_first() else {
        if !out.contains(&pos) {
            out.push(pos);
        }
        return;
    };
    let mut here = Vec::new();
    match item.rep {
        Rep::One => atom_ends(&item.atom, words, pos, stop, &mut here),
        Rep::Optional => {
            here.push(pos);
            atom_ends(&item.atom, words, pos, stop, &mut here);
        }
        Rep::OneOrMore | Rep::ZeroOrMore => {
            if item.rep == Rep::ZeroOrMore {
                here.push(pos);
            }
            let mut frontier = vec![pos];
            for _ in 0..MAX_REPEAT {
                let mut next = Vec::new();
                for &p in &frontier {
                    atom_ends(&item.atom, words, p, stop, &mut next);
                }
                next.retain(|e| !here.contains(e));
                if next.is_empty() {
                    break;
                }
                here.extend_from_slice(&next);
                frontier = next;
            }
        }
    }
    for e in here {
        seq_ends(rest, words, e, stop, out);
    }
}

fn atom_ends(atom: &Atom, words: &[Word], pos: usize, stop: usize, out: &mut Vec<usize>) {
    let word = words.get(pos).filter(|_| pos < stop);
    match atom {
        Atom::Word(w) => {
            if word.is_some_and(|x| x.norm == *w) {
                out.push(pos + 1);
            }
        }
        Atom::Prefix(p) => {
            if word.is_some_and(|x| x.norm.starts_with(p.as_str())) {
                out.push(pos + 1);
            }
        }
        Atom::Any => {
            if word.is_some() {
                out.push(pos + 1);
            }
        }
        Atom::Gap(n) => {
            // The gap and the word after it stay in the clause of the word before it.
            let clause = pos.checked_sub(1).and_then(|p| words.get(p)).map(|w| w.clause);
            for k in 0..=*n {
                let same = (pos..=pos + k)
                    .all(|i| words.get(i).is_none_or(|w| Some(w.clause) == clause || clause.is_none()));
                if pos + k > stop || !same {
                    break;
                }
                out.push(pos + k);
            }
        }
        Atom::Alt(alts) => {
            for alt in alts {
                seq_ends(alt, words, pos, stop, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::text::parse;

    const LISTS: Lists = &[("bad", "useless|a failure|so weak")];

    fn matches(pattern: &str, text: &str) -> Vec<String> {
        let p = Pattern::compile(pattern, LISTS).unwrap();
        let t = parse(text);
        p.find(&t.words, 0, t.words.len())
            .into_iter()
            .map(|(s, e)| text[t.words[s].start..t.words[e - 1].end].to_owned())
            .collect()
    }

    #[test]
    fn words_alternatives_lists_and_repeats() {
        assert_eq!(
            matches("i am (just|really)+ {bad}", "Honestly I'm just really useless."),
            ["I'm just really useless"]
        );
        assert_eq!(matches("i am (just)? {bad}", "I am a failure"), ["I am a failure"]);
        assert_eq!(matches("i am {bad}* so weak", "I'm useless so weak"), ["I'm useless so weak"]);
        assert_eq!(matches("i am (really)* so weak", "I'm so weak"), ["I'm so weak"]);
        assert!(matches("i am {bad}", "I am not useless").is_empty());
        assert_eq!(matches("ruin* everything", "It ruins everything"), ["ruins everything"]);
        assert_eq!(matches("will not (ever)? get better", "It won't get better"), ["won't get better"]);
    }

    #[test]
    fn gaps_stay_inside_a_clause() {
        assert_eq!(
            matches("everything ~3 gone", "Everything I loved is gone"),
            ["Everything I loved is gone"]
        );
        assert!(matches("everything ~3 gone", "Everything, I loved, is gone").is_empty());
        assert!(matches("everything ~1 gone", "Everything I loved is gone").is_empty());
    }

    #[test]
    fn bad_patterns_are_errors() {
        for bad in ["(a|b", "?a", "{nope}", "~x", ""] {
            assert!(Pattern::compile(bad, LISTS).is_err(), "{bad}");
        }
    }
}
