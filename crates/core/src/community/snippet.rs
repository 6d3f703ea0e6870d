//! A search result's snippet — a few words of a post around the first match, with every
//! matching word marked — and its relevance. Made here rather than by each database's own
//! functions, so SQLite and PostgreSQL show the same snippets in the same order, and neither
//! engine has to read a common word's whole list of posts to rank a page of them.

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

/// How well `body` answers the query `words` (lower-case): how often they come up, for the
/// post's length (a long post mentioning a word once says less about it than a short one).
pub fn relevance(body: &str, words: &[String]) -> f64 {
    let (mut tokens, mut hits) = (0usize, 0usize);
    for part in body.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()) {
        tokens += 1;
        // Most words are ASCII: compared without making a lower-case copy.
        let found = |w: &String| {
            if part.is_ascii() {
                w.eq_ignore_ascii_case(part)
            } else {
                *w == part.to_lowercase()
            }
        };
        if words.iter().any(found) {
            hits += 1;
        }
    }
    hits as f64 / ((tokens + 10) as f64).sqrt()
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

    #[test]
    fn relevance_grows_with_the_words_found_and_falls_with_length() {
        let q = words(&["pacing"]);
        let once = relevance("Pacing helped me today.", &q);
        let twice = relevance("Pacing, pacing: it helped me today.", &q);
        let long = relevance(&format!("Pacing helped. {}", "More words here. ".repeat(40)), &q);
        assert!(twice > once && once > long && long > 0.0, "{twice} {once} {long}");
        assert_eq!(relevance("Nothing about it.", &q), 0.0);
        assert!(relevance("PACING", &q) > 0.0, "letter case does not matter");
    }
}
