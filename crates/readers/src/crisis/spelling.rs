//! Respelling before the rules run, so one rule catches the ways people really type when they
//! are in a bad way: misspellings ("suicidle", "sucidal", "myslef", "overdoes"), phone
//! shorthand ("u", "2", "b", "ded", "tonite") and slang ("sewerslide"). Numbers from ten up
//! become `dozens`, so "took 30 tablets" reads as a quantity, not a dose. Only the crisis
//! detector's own copy of the words is changed; byte offsets stay those of the original text.

use crate::text::Text;

/// Shorthand and slang, written as the word the rules expect.
#[rustfmt::skip]
const SHORTHAND: &[(&str, &str)] = &[
    ("ded", "dead"), ("dyin", "dying"), ("dieing", "dying"), ("wnat", "want"), ("wnt", "want"),
    ("wamt", "want"), ("whant", "want"),
    ("killin", "killing"), ("tonite", "tonight"), ("2nite", "tonight"), ("u", "you"), ("b", "be"),
    ("sewerslide", "suicide"), ("suicde", "suicide"), ("myslef", "myself"), ("mysef", "myself"),
    ("slef", "self"), ("harmimg", "harming"), ("lve", "live"), ("cuting", "cutting"), ("kil", "kill"),
    ("kilin", "killing"), ("killng", "killing"), ("wana", "wanna"), ("wanto", "want"), ("tablts", "tablets"),
    ("pils", "pills"), ("goodby", "goodbye"), ("gudbye", "goodbye"), ("goodbey", "goodbye"),
    ("livin", "living"), ("alivee", "alive"), ("anymor", "anymore"), ("tonigt", "tonight"), ("2day", "today"),
    ("2moro", "tomorrow"), ("wud", "would"), ("cud", "could"), ("shud", "should"), ("beter", "better"),
    ("evryone", "everyone"), ("every1", "everyone"), ("evry1", "everyone"), ("sum1", "someone"),
    ("cos", "because"), ("coz", "because"), ("cuz", "because"), ("bc", "because"), ("bout", "about"),
    ("hav", "have"), ("av", "have"), ("jus", "just"), ("tabs", "tablets"), ("ur", "your"), ("tho", "though"),
    ("nite", "night"), ("2night", "tonight"), ("2morrow", "tomorrow"), ("luv", "love"), ("gud", "good"),
    ("anymre", "anymore"), ("nomore", "anymore"), ("evrything", "everything"), ("evrythin", "everything"),
    ("ovrdose", "overdose"), ("sucide", "suicide"), ("dissapear", "disappear"), ("dissappear", "disappear"),
];

/// Words people censor online ("s*icide", "k*ll myself", "su1cide").
const CENSORED: &[&str] =
    &["suicide", "suicidal", "kill", "killing", "die", "dead", "death", "myself", "harm"];

/// "s*icide" is parsed as two words around a `*`: joins them back into the word they stand
/// for, within one sentence, so the rules see `suicide`. Byte offsets stay those of `raw`.
pub(super) fn uncensor(t: &mut Text, raw: &str) {
    let mut k = 0;
    while k + 1 < t.words.len() {
        let joined = match (t.words.get(k), t.words.get(k + 1)) {
            (Some(a), Some(b)) if a.sentence == b.sentence => {
                let gap = raw.get(a.end..b.start).unwrap_or(" ");
                let stars =
                    !gap.is_empty() && gap.len() <= 3 && gap.chars().all(|c| matches!(c, '*' | '#' | '_'));
                let fits = |target: &&str| {
                    target.len() == a.norm.len() + gap.len() + b.norm.len()
                        && target.starts_with(a.norm.as_str())
                        && target.ends_with(b.norm.as_str())
                };
                if stars {
                    CENSORED.iter().find(|w| fits(w)).map(|w| (*w, b.end))
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some((word, end)) = joined {
            if let Some(a) = t.words.get_mut(k) {
                word.clone_into(&mut a.norm);
                a.end = end;
            }
            t.words.remove(k + 1);
            for s in &mut t.sentences {
                if s.first > k {
                    s.first -= 1;
                }
                if s.end > k {
                    s.end -= 1;
                }
            }
        }
        k += 1;
    }
}

/// Digits and signs typed for letters ("su1cide", "k1ll", "d3ad"), read back as letters.
fn unleet(w: &str) -> Option<String> {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    let signs = w.chars().filter(|c| matches!(c, '0' | '1' | '3' | '4' | '5' | '@' | '$' | '!')).count();
    if signs == 0 || letters < 2 || signs + letters != w.chars().count() {
        return None;
    }
    let back: String = w
        .chars()
        .map(|c| match c {
            '0' => 'o',
            '1' | '!' => 'i',
            '3' => 'e',
            '4' | '@' => 'a',
            '5' | '$' => 's',
            other => other,
        })
        .collect();
    let known = CENSORED.contains(&back.as_str()) || fuzzy(&back).is_some();
    known.then_some(back)
}

/// "-ing" words people type without the g ("thinkin", "endin", "bein"): the dropped-g form is
/// read back only for these, so "cousin", "within" or "raisin" are never touched.
#[rustfmt::skip]
const ING: &[&str] = &[
    "thinking", "ending", "taking", "being", "cutting", "going", "doing", "feeling", "hurting", "planning",
    "wanting", "trying", "saying", "having", "nothing", "something", "everything", "getting", "sitting",
    "standing", "jumping", "hanging", "burning", "bleeding", "saving", "giving", "leaving", "waiting",
    "looking", "writing", "sleeping", "waking", "staying", "carrying", "breathing", "existing", "harming",
    "living", "dying", "killing", "starving", "drowning", "overdosing", "stockpiling", "hoarding",
    "scratching",
    "punching", "hitting", "crying", "coping", "fighting", "struggling", "falling", "walking", "driving",
    "counting", "picturing", "imagining", "wishing", "hoping", "praying", "telling", "saying", "missing",
];

/// "thinkin" → "thinking", when that is one of [`ING`].
fn dropped_g(w: &str) -> Option<&'static str> {
    if !w.ends_with("in") || w.len() < 4 {
        return None;
    }
    ING.iter().copied().find(|full| full.len() == w.len() + 1 && full.starts_with(w))
}

/// Rewrites the normalised words of `t` in place.
pub(super) fn respell(t: &mut Text) {
    for k in 0..t.words.len() {
        let between_words = |t: &Text, k: usize| {
            let alpha = |i: Option<&str>| i.is_some_and(|w| w.chars().all(char::is_alphabetic));
            k > 0 && alpha(t.word(k - 1)) && alpha(t.word(k + 1))
        };
        let Some(norm) = t.word(k) else { continue };
        let new = if norm == "2" && between_words(t, k) {
            Some("to")
        } else if norm.parse::<u32>().is_ok_and(|n| n >= 10) {
            // "took 30 tablets": a number of pills that is no dose.
            Some("dozens")
        } else {
            SHORTHAND
                .iter()
                .find(|(short, _)| *short == norm)
                .map(|(_, long)| *long)
                .or_else(|| dropped_g(norm))
                .or_else(|| fuzzy(norm))
        };
        let leet = if new.is_none() { unleet(norm) } else { None };
        let new = new.map(str::to_owned).or(leet).map(|w| fuzzy(&w).map_or(w, str::to_owned));
        if let (Some(new), Some(w)) = (new, t.words.get_mut(k)) {
            w.norm = new;
        }
    }
}

/// A misspelling of one of a few words that matter too much to miss.
fn fuzzy(w: &str) -> Option<&'static str> {
    let n = w.chars().count();
    // "subside", "suited", "success" start alike but are not misspellings of "suicide".
    let sui = w.starts_with("su") && w.chars().nth(2).is_some_and(|c| matches!(c, 'i' | 'c' | 's' | 'u'))
        || w.starts_with("siu");
    if sui && (5..=11).contains(&n) && !SU_WORDS.contains(&w) {
        for (target, max) in [("suicide", 2), ("suicidal", 2), ("suicides", 1)] {
            if distance(w, target) <= max {
                return Some(if target == "suicidal" { "suicidal" } else { "suicide" });
            }
        }
    }
    if w.starts_with("my") && (5..=7).contains(&n) && distance(w, "myself") <= 1 {
        return Some("myself");
    }
    if w.starts_with("ov") && (7..=9).contains(&n) && w != "overdoes" && distance(w, "overdose") <= 1 {
        return Some("overdose");
    }
    None
}

/// Real words close to "suicide" that must stay as they are.
const SU_WORDS: &[&str] = &["success", "succeed", "sucked", "sussed", "sussex", "suicide", "suicidal"];

/// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring letters each cost one.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    let at = |i: usize, j: usize| i * width + j;
    for i in 0..=a.len() {
        if let Some(x) = d.get_mut(at(i, 0)) {
            *x = i;
        }
    }
    for j in 0..=b.len() {
        if let Some(x) = d.get_mut(j) {
            *x = j;
        }
    }
    let get = |d: &[usize], i: usize, j: usize| d.get(at(i, j)).copied().unwrap_or(usize::MAX / 2);
    for (i, ca) in a.iter().enumerate() {
        for (j, cb) in b.iter().enumerate() {
            let (i1, j1) = (i + 1, j + 1);
            let cost = usize::from(ca != cb);
            let mut best = (get(&d, i, j1) + 1).min(get(&d, i1, j) + 1).min(get(&d, i, j) + cost);
            let swapped = i > 0 && j > 0 && a.get(i - 1) == Some(cb) && b.get(j - 1) == Some(ca);
            if swapped {
                best = best.min(get(&d, i - 1, j - 1) + 1);
            }
            if let Some(x) = d.get_mut(at(i1, j1)) {
                *x = best;
            }
        }
    }
    get(&d, a.len(), b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_gs_are_read_back_only_for_known_words() {
        assert_eq!(dropped_g("thinkin"), Some("thinking"));
        assert_eq!(dropped_g("bein"), Some("being"));
        for w in ["cousin", "within", "raisin", "begin", "insulin", "in", "pain"] {
            assert_eq!(dropped_g(w), None, "{w}");
        }
    }

    #[test]
    fn censored_and_typed_over_letters_are_read_back() {
        assert_eq!(unleet("su1cide").as_deref(), Some("suicide"));
        assert_eq!(unleet("k1ll").as_deref(), Some("kill"));
        assert_eq!(unleet("b4"), None);
        assert_eq!(unleet("2nd"), None);
        let raw = "thinking about s*icide, k*ll myself";
        let mut t = crate::text::parse(raw);
        uncensor(&mut t, raw);
        let words: Vec<&str> = t.words.iter().map(|w| w.norm.as_str()).collect();
        assert_eq!(words, ["thinking", "about", "suicide", "kill", "myself"]);
        assert!(t.words.iter().all(|w| raw.is_char_boundary(w.start) && raw.is_char_boundary(w.end)));
    }

    #[test]
    fn misspellings_are_caught_and_near_words_left_alone() {
        for w in ["suicidle", "sucidal", "suiside", "suicdal", "siucide", "suicidel", "sucide"] {
            assert!(fuzzy(w).is_some(), "{w}");
        }
        assert_eq!(fuzzy("myslef"), Some("myself"));
        assert_eq!(fuzzy("overdsoe"), Some("overdose"));
        for w in
            ["subside", "suited", "success", "succeed", "suitcase", "sliced", "suicide", "mystery", "myths"]
        {
            assert!(fuzzy(w).is_none_or(|x| x == w), "{w}");
        }
        assert_eq!(fuzzy("overdoes"), None);
        assert_eq!(distance("abcd", "abdc"), 1);
        assert_eq!(distance("", "abc"), 3);
    }
}
