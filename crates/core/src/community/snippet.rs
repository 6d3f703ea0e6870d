//! A search result's snippet: a few words of a post around the first match, with every
//! matching word marked. Made here rather than by each database's own function, so SQLite and
//! PostgreSQL show the same snippet and only the few posts on the page are read for it.

/// Marks a match's start and end: private-use characters that the page replaces with
/// `<mark>` after escaping the text.
pub const MARK_START: char = '\u{E000}';
pub const MARK_END: char = '\u{E001}';

/// Words shown around the first match.
const BEFORE: usize = 8;
const WINDOW: usize = 30;

/// `body`'s words around the first word that is one of `words` (lower-case), matches marked,
/// with "…" where text was left out.
pub fn snippet(body: &str, words: &[String]) -> String {
    let tokens: Vec<&str> = body.split_whitespace().collect();
    let matches = |token: &str| {
        token
            .split(|c: char| !c.is_alphanumeric())
            .any(|part| !part.is_empty() && words.iter().any(|w| *w == part.to_lowercase()))
    };
    let first = tokens.iter().position(|t| matches(t)).unwrap_or(0);
    let start = first.saturating_sub(BEFORE);
    let end = (start + WINDOW).min(tokens.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    for (i, token) in tokens.iter().enumerate().take(end).skip(start) {
        if i > start || start > 0 {
            out.push(' ');
        }
        mark_words(&mut out, token, words);
    }
    if end < tokens.len() {
        out.push_str(" …");
    }
    out
}

/// Pushes `token` with each matching run of letters and digits marked (not the punctuation
/// around it).
fn mark_words(out: &mut String, token: &str, words: &[String]) {
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if !run.is_empty() && words.iter().any(|w| *w == run.to_lowercase()) {
            out.push(MARK_START);
            out.push_str(run);
            out.push(MARK_END);
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in token.chars() {
        if c.is_alphanumeric() {
            run.push(c);
        } else {
            flush(&mut run, out);
            out.push(c);
        }
    }
    flush(&mut run, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(w: &[&str]) -> Vec<String> {
        w.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn the_first_match_is_shown_with_its_neighbours_and_every_match_marked() {
        let body = "one two three four five six seven eight nine ten eleven Walking helps, walking again";
        let s = snippet(body, &words(&["walking"]));
        assert!(s.starts_with("… four"), "{s}");
        assert!(s.contains("\u{E000}Walking\u{E001} helps, \u{E000}walking\u{E001} again"), "{s}");
        assert_eq!(
            snippet("shrugs, (walking!)", &words(&["shrugs", "walking"])),
            "\u{E000}shrugs\u{E001}, (\u{E000}walking\u{E001}!)"
        );
        assert_eq!(snippet("ok", &words(&["ok"])), "\u{E000}ok\u{E001}");
        let long = "word ".repeat(100);
        assert!(snippet(&long, &words(&["nothing"])).ends_with(" …"));
    }
}
