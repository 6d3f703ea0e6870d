//! Crisis language: does a text speak of the writer's own suicide, wish to be dead,
//! self-harm, plans or means, goodbyes, or acute danger? Every text feature asks this, and a
//! `true` routes the member to crisis resources at once — it never blocks or loses the text.
//!
//! Recall comes first: a missed crisis costs far more than an unneeded offer of help. The
//! rules are written for Foothold (no external lexicon) and stay away from pain idioms
//! ("this pain is killing me", "dying for a coffee", "dead tired", "the physio will be the
//! death of me"). A phrase does not count when it is negated ("I'm not suicidal", "I'd never
//! kill myself" — unless the writer then says that was a lie), about someone else ("my
//! neighbour's son died by suicide"), about a course, film or the news, or a past crisis the
//! writer says is over ("I felt suicidal years ago and got help; today I'm OK").
//!
//! The whole text is read, whatever its length: safety must not depend on where a sentence
//! falls. Privacy: neither the text nor the rule that matched may be logged — both say what
//! the member wrote.

use crate::style::pattern::{Lists, PatternSet};
use crate::style::text::{self, Sentence, Text};
use std::sync::LazyLock;

/// Does `text` use the language of suicide, self-harm or acute crisis?
pub fn detect(text: &str) -> bool {
    matching_rule(text).is_some()
}

/// The pattern of the first rule that matched, for tests and evaluation only (never log it).
pub fn matching_rule(text: &str) -> Option<&'static str> {
    let t = text::parse(text);
    let lie = LIE.any(&t.words, 0, t.words.len());
    for (k, s) in t.sentences.iter().enumerate() {
        let window = SentenceWindow { text: &t, this: k };
        for (id, first, end) in COMPILED.find(&t.words, s.first, s.end) {
            let Some(rule) = RULES.get(id) else { continue };
            if rule_applies(&t, rule, (first, end), s, lie) && !window.resolved_past() {
                return Some(rule.pattern);
            }
        }
    }
    farewell(&t)
}

#[derive(Debug, Clone, Copy)]
struct Rule {
    pattern: &'static str,
    negatable: bool,
    /// Not a match when one of these words is in the sentence…
    blocked_by: &'static [&'static str],
    /// …unless one of these is too ("relapsed on sh after two years clean").
    unblocked_by: &'static [&'static str],
    /// Not a match when one of these words follows within two words.
    unless_next: &'static [&'static str],
    /// A match only when one of these words is in the sentence.
    requires: &'static [&'static str],
}

const fn n(pattern: &'static str) -> Rule {
    Rule { pattern, negatable: true, blocked_by: &[], unblocked_by: &[], unless_next: &[], requires: &[] }
}

/// A rule that carries its own negation ("I don't want to live"), so "not" does not cancel it.
const fn f(pattern: &'static str) -> Rule {
    Rule { negatable: false, ..n(pattern) }
}

impl Rule {
    const fn blocked(self, words: &'static [&'static str]) -> Rule {
        Rule { blocked_by: words, ..self }
    }
    const fn unblocked(self, words: &'static [&'static str]) -> Rule {
        Rule { unblocked_by: words, ..self }
    }
    const fn unless_next(self, words: &'static [&'static str]) -> Rule {
        Rule { unless_next: words, ..self }
    }
    const fn requires(self, words: &'static [&'static str]) -> Rule {
        Rule { requires: words, ..self }
    }
}

/// Talk about suicide as a topic: a course, the news, a book, someone else's death.
#[rustfmt::skip]
const TOPIC: &[&str] = &[
    "prevention", "awareness", "course", "training", "documentary", "film", "movie", "book", "novel",
    "character", "news", "article", "podcast", "debate", "statistics", "rates", "charity", "memorial", "died",
    "footballer", "celebrity", "programme", "series", "research", "study", "campaign", "'s",
];
/// An accident, not self-harm.
#[rustfmt::skip]
const ACCIDENT: &[&str] = &[
    "accident", "accidentally", "shaving", "chopping", "cooking", "slicing", "tripping", "tripped", "falling",
    "fell", "lifting", "opening", "gardening", "kettle", "oven", "iron", "tin", "laughing", "nearly",
    "almost", "slipped", "diy", "onions", "paper", "moving", "carrying", "cupboard", "door", "shelf",
];
/// Being away, not being gone.
#[rustfmt::skip]
const AWAY: &[&str] = &[
    "holiday", "holidays", "trip", "away", "staying", "visiting", "abroad", "travelling", "retiring",
    "retire", "moving", "busy", "conference", "weekend", "hospital", "mum's", "work", "course", "break",
    "appointment", "operation", "surgery", "offline", "camping", "off", "mum", "sister", "week's",
    "fortnight",
];
#[rustfmt::skip]
const MEDS_ROUTINE: &[&str] = &[
    "morning", "evening", "usual", "prescribed", "breakfast", "lunch", "dinner", "organiser", "knocked",
    "night", "bedtime", "dose", "doses",
];
const PILLS: &[&str] =
    &["pills", "tablets", "painkillers", "meds", "medication", "paracetamol", "box", "bottle"];
const SELF_HARM_FREE: &[&str] = &["free", "clean", "since", "stopped", "proud", "anniversary"];
const RELAPSE: &[&str] =
    &["relapsed", "relapse", "again", "back", "started", "urge", "urges", "tonight", "want"];

const LISTS: Lists = &[
    (
        "wish",
        "want|wants|wanted|wanting|wanna|wnat|wnt|wish|wishing|hope|hoping|pray|praying|ready|\
         deserve|urge|longing|would like to",
    ),
    (
        "self_injure",
        "cut|cutting|burn|burning|burned|burnt|scratch|scratching|hurt|hurting|harm|harming|hit|\
         hitting|punish|punishing|starve|starving|bleed|bruise|punch|punching|kill|killing|kills|\
         killed|top|topping|off|offing|end|ending|hang|hanging|drown|drowning|shoot|shooting|unalive|\
         unaliving|unalived|poison",
    ),
    ("body_part", "arm|arms|wrist|wrists|leg|legs|skin|thigh|thighs|body|stomach|hand|hands"),
    ("pills", "pills|tablets|painkillers|meds|medication|paracetamol|codeine"),
];

#[rustfmt::skip]
const RULES: &[Rule] = &[
    // Suicide and killing oneself.
    n("{self_injure} myself").blocked(ACCIDENT),
    n("kms"),
    n("unaliv*"),
    n("(end|ending|ended|take|taking|took) (my|my own) life"),
    n("(end|ending|ended) (it|it all|things|everything|my suffering) (all)?").unless_next(&[
        "with", "up", "off", "between", "early", "at", "the", "on", "a",
    ]),
    n("(i|i am|i feel|feeling|felt|been|getting|still|am|feel) (so|very|really|quite|a bit|pretty)? (suicid*|\
        sucid*|suicd*)"),
    n("(suicidal|sucidal|suicdal) (again|tonight|today|thoughts|ideation|feelings|urges|now)"),
    n("(think|thinking|thought|thoughts) (about|of) suicide"),
    n("suicide (is|has been)? on my mind"),
    n("(suicid*|sucid*|suicd*|suicde|suiside)").blocked(TOPIC),
    n("(suicide|goodbye|final|farewell) (note|notes|letter|letters|message)").blocked(TOPIC),
    // Wishing to be dead, or not to wake up.
    n("{wish} (to|i|that i)? (could|would|will|can|might|was|were|had|am)? (just|simply)? (die|dead|be dead|\
        been dead|died)")
        .unless_next(&["for", "of", "laughing", "down"]),
    n("{wish} ~4 (kill|kills|killed|hit|hits|run over) me"),
    n("(telling|tells|told|tell) me to (die|kill myself|end it|hurt myself)"),
    n("better off dead"),
    n("(might|may) as well be dead"),
    n("(rather|should|ought to) be dead"),
    n("if i (just)? (was|were|am) (dead|gone)"),
    f("if i (just)? (was|were|am)? (not|no longer) (around|here|alive)"),
    n("if i (just)? (died|stopped existing)"),
    n("if i (just)? (disappeared|vanished|went away) (for good|forever|for ever)"),
    f("(sleep|asleep) and (not|never) wake (up)?"),
    f("{wish} ~3 (not|never) wake (up)?"),
    f("not want to wake up"),
    n("(sleep|asleep) (forever|for ever)"),
    f("(do|did) not want to (live|be alive|be here|exist|go on|carry on|keep going|keep living)"),
    f("never want to (live|be alive|exist|wake up)"),
    n("hate being alive"),
    f("(can|could) not (go on|keep|carry on) living"),
    f("not worth (living|it any more|it anymore)"),
    f("life is not worth it"),
    n("(done|finished|had enough|sick|tired) (with|of) (living|life|being alive|existing)"),
    f("(no|not any|nothing) (reason|point) (for me)? (to|in) (living|live|keep going|go on|carry on|be here|\
        stay|keep living|exist)"),
    n("nothing (left)? to live for"),
    f("point (in|of) (being alive|living|going on|existing|carrying on|me being here)"),
    n("(stop|stopped|stopping) existing"),
    f("not (to)? exist (anymore|any more)?"),
    f("(wish|wishing) i (did not|had never|never) (exist*|been born)"),
    n("never been born"),
    n("(disappear*|vanish*|go away|gone) (for good|forever|for ever|permanently)"),
    n("(i|me|myself) ~4 fade away"),
    f("and not be found"),
    n("(it all|everything|all of it) to (stop|end|be over)").unless_next(&["hurting", "aching"]),
    n("(want|wish|need) (it all|everything|all of it) to (stop|end|be \
        over)").unless_next(&["hurting", "aching"]),
    n("make (it|this|everything) (all)? stop (for good|forever|for ever|permanently)"),
    n("(it|everything) to stop (for good|forever|permanently)"),
    n("me included"),
    n("(knock|knocks|put|puts) me (out|to sleep) (for good|forever|for ever|permanently)"),
    n("(only|still) (still)? here (because|for)"),
    n("lost (the|all)? will to \
        live").unless_next(&["in", "at", "during", "waiting", "watching", "reading", "listening", "over"]),
    // Everyone better off without me; not being around.
    n("(better|happier|easier) (off)? without \
        me").unless_next(&["as", "in", "on", "at", "there", "doing", "for"]),
    n("better off without (a|an) _ like me"),
    n("(nobody|no one|noone) (will|would) (miss|notice|care) ~3 (when|if) i (am|was|were)? (gone|dead|died|\
        disappeared)"),
    n("(nobody|no one|noone) (will|would) miss me"),
    n("(when|after|once) i am (gone|dead|no longer here)"),
    f("i (will|would|am going to|might|may) (not|no longer) be (around|here|alive)").blocked(AWAY),
    f("i am not going to be (around|here|alive)").blocked(AWAY),
    n("i will be gone (soon|by|before|tomorrow|for good)").blocked(AWAY),
    f("will not need (them|my things|my stuff|my next|it) ").blocked(AWAY),
    f("not be a (problem|burden|bother|nuisance) ~4 (after|much longer|any more|anymore|soon|for long)"),
    f("(do|did) not worry about me (after|anymore|any more|soon|when)"),
    // Goodbyes and things put in order.
    n("made my peace"),
    n("(said|saying|say) my goodbyes"),
    n("(saying|say|said) goodbye to (everyone|you all|all of you|the world)"),
    n("(this is|it is|time to say) (my)? goodbye").unless_next(&["to", "for", "from"]),
    n("goodbye (forever|for good|cruel world|for ever)"),
    n("(final|last) goodbye*"),
    n("told ~3 goodbye"),
    n("whoever finds me"),
    n("my last (post|message|words)").unless_next(&[
        "for", "before", "of", "on", "in", "till", "until", "here", "about", "got", "was", "is", "had", "did",
        "has", "were", "went", "that", "which", "said", "asked",
    ]),
    n("tell ~3 i loved"),
    f("not (try to)? stop me"),
    n("why i did it"),
    n("(planning|planned|plan|picture|picturing|imagine|imagining) my (own)? funeral"),
    n("my own (death|funeral)"),
    n("(giving|given|gave|give) (away)? (all)? (of)? my (things|stuff|belongings|possessions)"),
    n("who i would leave"),
    // Self-harm.
    n("self (harm|harming|harmed|injury|injuring|injure)").blocked(SELF_HARM_FREE).unblocked(RELAPSE),
    n("selfharm*").blocked(SELF_HARM_FREE).unblocked(RELAPSE),
    n("sh").blocked(SELF_HARM_FREE).unblocked(RELAPSE).unless_next(&["t"]),
    n("{self_injure} my {body_part} ~4 (on purpose|deliberately|to feel)"),
    n("(on purpose|deliberately) ~3 (cut|burn*|scratch*|hurt|harm|hit)"),
    n("cutting again"),
    n("urge to (cut|hurt myself|self harm|harm myself|burn)"),
    n("(waste|wasting) away"),
    n("noose"),
    // Plans and means.
    n("plan and (the)? means"),
    n("(have|got|found|worked out|made|make|making) (a|the|my) plan to (end|die|kill|do it|take|go)"),
    n("how (i would|i will|i could|i am going to) (do it|end it|kill myself|die)"),
    n("where i (would|will|could) do it"),
    n("(really|actually|finally)? do it this time"),
    n("(take|taking|took|swallow*|down|downing) (all|all of|the whole|every|a whole) ~3 (pills|tablets|\
        painkillers|meds|medication|box|bottle|packet|lot)")
        .blocked(MEDS_ROUTINE),
    n("(take|taking|swallow*) all of them").requires(PILLS),
    n("(saving|saved|stockpil*|hoard*|collecting) (up)? (my|the)? {pills}"),
    n("{pills} (saved|stockpiled|hoarded|stashed)"),
    n("(cut|cutting|slit|slitting|slash|slashing) my (arm|arms|wrist|wrists|thigh|thighs|legs|leg|skin|\
        stomach)")
        .blocked(ACCIDENT),
    n("i (overdosed|have overdosed|took an overdose|have taken an overdose)").blocked(ACCIDENT),
    n("(taken|took|swallowed|had) (too many|loads of|a load of|lots of|way too many) \
        {pills}").blocked(ACCIDENT),
    n("(got|have|bought|buy|buying|found) (a|the) (rope|noose)"),
    n("how many {pills}"),
    n("(thoughts of|thinking of|thinking about|want to|going to|plan to|planning to|tempted to|about to) ~2 \
        (overdose|overdosing|od)"),
    n("how many (pills|tablets|it takes|it would take|would)"),
    n("going back to the (pills|tablets|rope|bridge|knife)"),
    n("hid* (the|my) {pills} so"),
    n("before i (use|take) them").requires(PILLS),
    f("(walk*|swim*|go|going|drive|driving) ~4 and (not|never) (come|coming) back"),
    n("(jump|jumping|throw myself|throwing myself|step|stepping) (off|in front of|under) (a|the)? (bridge|\
        building|cliff|train|bus|lorry|truck|roof|car park|tracks)"),
    n("i am (standing|sitting)? (on|at) the (bridge|edge|cliff|tracks|roof|ledge)"),
    // Acute danger.
    f("not (keep|keeping) myself safe"),
    f("i am not safe").unless_next(&["to", "driving", "walking", "on", "in", "at", "behind"]),
    f("not (feel|feeling) safe (with|around) myself"),
    f("not trust myself ~4 (alone|tonight|safe|right now|with|around)"),
    f("not ~3 make it through (the night|tonight|the weekend|the week)"),
    n("(scared|afraid|frightened) ~3 (i will|i might|what i) ~2 (do|might do)"),
    n("(think|thinking|thought|thoughts|dream|dreaming|fantasi*|obsess*|imagin*) (about|of) (death|dying|my \
        death|being dead|not being here|not waking up|ending it|not existing|killing myself)"),
    n("(dark|suicidal|intrusive|death) thoughts"),
    f("way out ~5 (death|dying|die|suicide)"),
    n("{pills} ~4 way out"),
    f("wish i (had|would)? (never|not) (woken|woke|wake) up"),
    f("not to wake (up)?"),
    f("(not|can not) see myself (still)? (being)? (here|alive|around)"),
    f("not (plan|planning|intend|intending|expect|expecting) to be (here|around|alive)"),
    n("(going to|want to|thinking of|thinking about|thought about|thought of|think about|wanna|tempted to) \
        ~2 (walk*|swim*|driv*|jump*|step*) (into|off|in front of|under)"),
    n("(ways|way|how) to (die|kill myself|end it|end my life|commit suicide)"),
    n("plan (is)? to (end it|die|kill myself|go through with it)"),
    n("be my last (night|day|week|christmas|birthday)").blocked(AWAY),
    f("if i (just)? (did not|do not|never) wake up"),
    n("(stop|stopped|stopping) living"),
    f("not deserve to (live|be alive|be here|exist)"),
    n("{wish} (to)? (just)? be gone").unless_next(&["by", "before", "for"]),
    n("rather (die|be dead) than"),
    f("{wish} ~3 not (survive|make it)"),
    f("not sure (if|whether)? i (want to|wanna) (live|be alive|be here|go on|exist)"),
    f("not ~4 (be|stay|keep myself) safe"),
    f("(in case|when|for when) i am (not|no longer) (here|around)"),
    n("death (is|would be|seems) (the only|a|my) (way out|answer|relief|release|escape)"),
];

static COMPILED: LazyLock<PatternSet> =
    LazyLock::new(|| PatternSet::new(RULES.iter().map(|r| r.pattern), LISTS));

/// "…but that was a lie": the writer takes back an earlier "I'm not suicidal".
static LIE: LazyLock<PatternSet> = LazyLock::new(|| {
    PatternSet::new(["(was|is) a lie", "i lied", "i was lying", "(that is|that was) not true"], LISTS)
});

/// Does the match `first..end` of `rule` in sentence `s` count?
fn rule_applies(t: &Text, rule: &Rule, (first, end): (usize, usize), s: &Sentence, lie: bool) -> bool {
    let in_sentence = |words: &[&str]| t.any_in(s.first, s.end, words);
    // In a negatable rule a "not" inside the match negates it too ("I hope it doesn't die").
    let not_inside = (first..end).any(|i| t.is(i, "not"));
    if rule.negatable && !lie && (negated(t, first) || not_inside) {
        return false;
    }
    if !rule.blocked_by.is_empty() && in_sentence(rule.blocked_by) && !in_sentence(rule.unblocked_by) {
        return false;
    }
    if !rule.requires.is_empty() && !in_sentence(rule.requires) {
        return false;
    }
    // The words after the match, inside its own sentence only.
    if (end..(end + 2).min(s.end)).any(|i| t.word(i).is_some_and(|w| rule.unless_next.contains(&w))) {
        return false;
    }
    !someone_else(t, (first, end), s.first)
}

/// "not", "never" or "no" within three words before, in the same clause.
fn negated(t: &Text, i: usize) -> bool {
    let Some(clause) = t.words.get(i).map(|w| w.clause) else { return false };
    (1..=3)
        .filter_map(|k| i.checked_sub(k))
        .take_while(|&j| t.words.get(j).is_some_and(|w| w.clause == clause))
        // "can't stop thinking about…" is not a negation.
        .any(|j| {
            matches!(t.word(j), Some("not" | "never" | "no"))
                && !matches!(t.word(j + 1), Some("stop" | "help"))
        })
}

#[rustfmt::skip]
const OTHERS: &[&str] = &[
    "she", "he", "they", "someone", "somebody", "her", "his", "their", "woman", "man", "friend", "neighbour",
    "son", "daughter", "brother", "sister", "mum", "dad", "husband", "wife", "partner", "colleague",
    "character", "people", "person", "singer", "actor", "footballer", "cousin", "boy", "girl", "kid",
    "patient",
];
const SELF: &[&str] = &["i", "me", "myself"];

/// Is the phrase `first..end` said about someone else ("she'd had suicidal thoughts", "my
/// neighbour's son died by suicide")? Yes when a third person comes before it in the
/// sentence and the writer ("I", "me") appears neither before it nor in it ("my husband
/// would be better off without me" is about the writer).
fn someone_else(t: &Text, (first, end): (usize, usize), s_first: usize) -> bool {
    !t.any_in(s_first, end, SELF) && (s_first..=first).any(|j| t.word(j).is_some_and(|w| OTHERS.contains(&w)))
}

/// A goodbye together with a farewell ("Sorry for everything. I love you all. Goodbye.").
fn farewell(t: &Text) -> Option<&'static str> {
    static FAREWELL: LazyLock<PatternSet> = LazyLock::new(|| {
        let sources = [
            "sorry for everything",
            "love you all",
            "forgive me",
            "for the last time",
            "take care of (my|the) (kids|dog|cat)",
        ];
        PatternSet::new(sources, LISTS)
    });
    let goodbye = t.words.iter().any(|w| matches!(w.norm.as_str(), "goodbye" | "goodbyes"));
    let farewell = FAREWELL.any(&t.words, 0, t.words.len());
    (goodbye && farewell).then_some("goodbye + farewell")
}

/// The sentence of a match and the one after it, for telling a past, resolved crisis
/// ("Five years ago I tried to end my life. I'm glad I'm still here.") from a present one.
struct SentenceWindow<'a> {
    text: &'a Text,
    this: usize,
}

static PAST_MARKERS: LazyLock<PatternSet> =
    LazyLock::new(|| PatternSet::new(PAST_SRC.iter().copied(), LISTS));
static SAFE_NOW: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(SAFE_SRC.iter().copied(), LISTS));
static STILL_NOW: LazyLock<PatternSet> =
    LazyLock::new(|| PatternSet::new(CURRENT_SRC.iter().copied(), LISTS));

#[rustfmt::skip]
const PAST_SRC: &[&str] = &[
    "(years|months|ages|decades|year|month) ago", "(last|that) (year|spring|summer|autumn|winter|month)",
    "used to", "in the past", "when i was (younger|first|a teenager|at school|diagnosed|in my)",
    "there was a time", "the time i was", "back then", "years back", "i (was|felt|had been) suicidal",
    "i (tried|attempted) to",
];
#[rustfmt::skip]
const SAFE_SRC: &[&str] = &[
    "glad",
    "i am (ok|okay|fine|safe|alright|all right|well|doing well|doing better|in a (much)? better place)",
    "doing (well|better|ok|okay)", "better place", "got help", "helped", "(close|closed) that chapter",
    "want to be here", "(did|do) not act", "managing", "good day", "recovered", "proud", "grateful",
    "thankful", "safe now", "came through", "the illness talking", "i know now", "not any more", "long gone",
];
#[rustfmt::skip]
const CURRENT_SRC: &[&str] = &[
    "tonight", "again", "still (do|want|feel|think|am|have)", "the same (way)?",
    "(are|is|were|came|coming|creeping) back", "not sure", "right now", "currently", "lately",
    "at the moment", "this week", "these days",
];

impl SentenceWindow<'_> {
    fn range(&self, k: usize) -> Option<(usize, usize)> {
        self.text.sentences.get(k).map(|s| (s.first, s.end))
    }

    fn any(&self, patterns: &PatternSet, sentences: &[usize]) -> bool {
        sentences.iter().filter_map(|&k| self.range(k)).any(|(a, b)| patterns.any(&self.text.words, a, b))
    }

    fn resolved_past(&self) -> bool {
        let both = [self.this, self.this + 1];
        self.any(&PAST_MARKERS, &[self.this]) && self.any(&SAFE_NOW, &both) && !self.any(&STILL_NOW, &both)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::style::eval::{score_crisis, CrisisItem};

    const CRISIS_JSONL: &str = include_str!("../../../content/eval/crisis.jsonl");

    #[test]
    fn every_rule_compiles() {
        for r in RULES {
            assert!(crate::style::pattern::Pattern::compile(r.pattern, LISTS).is_ok(), "{}", r.pattern);
        }
        for p in PAST_SRC.iter().chain(SAFE_SRC).chain(CURRENT_SRC) {
            assert!(crate::style::pattern::Pattern::compile(p, LISTS).is_ok(), "{p}");
        }
    }

    #[test]
    fn meets_the_targets_on_the_development_split() {
        let items: Vec<CrisisItem> = CRISIS_JSONL.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let c = score_crisis(&items, "dev").counts;
        assert!(c.true_pos + c.false_neg >= 100 && c.false_pos + c.true_neg >= 200);
        assert!(c.recall() >= 0.95, "recall {:.3}", c.recall());
        assert!(c.false_alarm_rate() <= 0.10, "false alarms {:.3}", c.false_alarm_rate());
    }

    #[test]
    fn crisis_language_in_many_forms() {
        for text in [
            "I want to die.",
            "i wnat to die so bad",
            "kms honestly",
            "Everyone would be better off without me.",
            "I've been saving my tablets up.",
            "I don't want to be alive any more.",
            "I can't keep myself safe tonight.",
            "I cut myself again last night.",
            "Relapsed on sh last night after two years clean.",
            "Sorry for everything. I love you all. Goodbye.",
            "I told my GP I'm not suicidal but that was a lie.",
            "I was suicidal last year and I'm not sure I'm out of it.",
            // A guard word in the next sentence ("to") must not cancel this one.
            "Talking to the crisis team tonight because I'm not safe.\nWalked to the shop.",
            "Tonight's the night I end it. Anyway, off to bed.",
            // The writer is in the phrase, whoever comes first.
            "My husband would be better off without me.",
            "Mum would be better off if I wasn't here.",
        ] {
            assert!(detect(text), "{text}");
        }
    }

    #[test]
    fn pain_idioms_and_other_peoples_stories_are_not_crisis() {
        for text in [
            "This pain is killing me.",
            "I could die for a coffee.",
            "Dead tired tonight.",
            "The physio will be the death of me.",
            "I nearly killed myself tripping over the cat.",
            "I want this flare to be over.",
            "I'm not suicidal, just fed up.",
            "I'd never kill myself, my kids mean too much to me.",
            "My neighbour's son died by suicide and I'm gutted.",
            "I felt suicidal years ago and got help; today I'm OK.",
            "Goodbye everyone, off to Spain!",
            "I won't be around much this week, I'm staying at my mum's.",
            "I cut my finger chopping onions.",
            "This is sh*t.",
            "",
        ] {
            assert!(!detect(text), "{text}");
        }
    }

    #[test]
    fn names_the_rule_without_any_member_text() {
        let rule = matching_rule("I want to die").unwrap();
        assert!(RULES.iter().any(|r| r.pattern == rule));
        assert_eq!(matching_rule("Pain 4, walked to the shop."), None);
    }
}
