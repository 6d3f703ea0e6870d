//! The scored layer: a small logistic regression over interpretable word-class features, an
//! extra "or" after the rule layers. The rules say *how* a crisis is said; this layer only asks
//! which kinds of words meet in one sentence — a death, harm or means word with "I", a wish,
//! a plan — and which kinds of context speak against it (pain, a joke, someone else, safety,
//! the past, a clinic, a book). It catches wordings no rule has foreseen, at the price of some
//! false alarms, which cost little here (see `mod.rs`).
//!
//! The weights are fitted, not hand-set: `cargo run --release -p foothold-readers --example
//! crisis_fit` fits them on every released split (L2-regularised logistic regression, plain
//! gradient descent, deterministic), prints cross-validated figures and the table below.
//! Each weight is the change in log-odds when its feature is present; the table can be read
//! and checked by anyone.

use super::voice;
use crate::text::Text;

/// Number of features.
pub const N: usize = 35;

/// Feature names, in the order of [`features`] and [`WEIGHTS`].
pub const NAMES: [&str; N] = [
    "death word (die, dead, suicide, overdose…)",
    "alive, existing, existence",
    "waking or sleeping",
    "ending, stopping, gone, for good",
    "harm word (hurt, cut, burn, bleed…)",
    "means or place (pills, rope, bridge, blade…)",
    "goodbye, note, last, sorry, funeral",
    "without me, better off, burden",
    "plan, decided, ready, tonight, how",
    "I/me/my in a sentence with a cue",
    "a wish in a sentence with a cue",
    "a negation in a sentence with a cue",
    "pain or everyday context",
    "a joke (lol, haha)",
    "someone else (he, she, mum, friend…)",
    "safety (safe, fine, okay, no intention)",
    "the past (years ago, used to, back then)",
    "clinic or medicine (GP, nurse, surgery, dose)",
    "a topic (film, book, news, course)",
    "a known idiom (dying for, dead tired…)",
    "a question",
    "death word with I/me/my, outside an idiom",
    "alive/existing with I/me/my",
    "ending word with a wish, in one sentence",
    "harm word with myself/my body",
    "means or place with I/me/my and a plan or wish",
    "cue with 'not'/'never' and a wish (not wake, not be here)",
    "leisure or an everyday object (club, views, holiday, job, duvet…)",
    "a bounded time (a week, a fortnight, today, for a bit…)",
    "'it' as the act (do it, doing it, done it, go through with it) with I",
    "a height or an edge (high, height, edge, balcony, jump, over)",
    "soon, tonight, sooner in a sentence with a cue",
    "an ending word with life, me or myself (outside an idiom)",
    "others with without, miss, notice or lighter (everyone, nobody, the kids…)",
    "alive or here with a limit (much longer, any longer, still, promise)",
];

/// Fitted weights (log-odds), in the order of [`NAMES`]; see the module doc for the command.
#[rustfmt::skip]
pub const WEIGHTS: [f64; N] = [
     0.175, // death word (die, dead, suicide, overdose…)
     1.088, // alive, existing, existence
     0.625, // waking or sleeping
     0.486, // ending, stopping, gone, for good
     0.099, // harm word (hurt, cut, burn, bleed…)
     0.678, // means or place (pills, rope, bridge, blade…)
     0.498, // goodbye, note, last, sorry, funeral
    -0.196, // without me, better off, burden
     1.002, // plan, decided, ready, tonight, how
     0.165, // I/me/my in a sentence with a cue
     1.001, // a wish in a sentence with a cue
     0.068, // a negation in a sentence with a cue
    -0.658, // pain or everyday context
    -0.182, // a joke (lol, haha)
    -0.487, // someone else (he, she, mum, friend…)
    -0.325, // safety (safe, fine, okay, no intention)
     0.083, // the past (years ago, used to, back then)
    -1.338, // clinic or medicine (GP, nurse, surgery, dose)
    -1.102, // a topic (film, book, news, course)
    -1.667, // a known idiom (dying for, dead tired…)
    -0.192, // a question
     0.442, // death word with I/me/my, outside an idiom
     0.795, // alive/existing with I/me/my
     0.546, // ending word with a wish, in one sentence
     0.836, // harm word with myself/my body
     0.572, // means or place with I/me/my and a plan or wish
     0.830, // cue with 'not'/'never' and a wish (not wake, not be here)
    -1.209, // leisure or an everyday object (club, views, holiday, job, duvet…)
    -0.362, // a bounded time (a week, a fortnight, today, for a bit…)
     0.966, // 'it' as the act (do it, doing it, done it, go through with it) with I
    -0.277, // a height or an edge (high, height, edge, balcony, jump, over)
     0.338, // soon, tonight, sooner in a sentence with a cue
     0.666, // an ending word with life, me or myself (outside an idiom)
     0.474, // others with without, miss, notice or lighter (everyone, nobody, the kids…)
    -0.003, // alive or here with a limit (much longer, any longer, still, promise)
];
/// Fitted intercept.
pub const BIAS: f64 = -0.813;
/// Flag when the probability reaches this: the lowest threshold at which this layer alone
/// flags at most 4 % of the released non-crisis lines (all four splits since session 4's second
/// round; cross-validated: 4.1–5.1 %).
pub const THRESHOLD: f64 = 0.583;

#[rustfmt::skip]
const DEATH: &[&str] = &[
    "die", "dies", "died", "dying", "dead", "death", "suicide", "suicidal", "kms", "unalive", "unaliving",
    "overdose", "overdosed", "od", "kill", "killing", "grave", "heaven",
];
const ALIVE: &[&str] = &["alive", "exist", "existing", "existence", "breathing"];
const WAKE: &[&str] = &["wake", "waking", "woke", "sleep", "asleep", "eyes"];
#[rustfmt::skip]
const ENDING: &[&str] = &[
    "end", "ending", "ended", "over", "stop", "stopped", "gone", "disappear", "vanish", "forever",
    "permanently", "anymore", "longer", "exit", "out", "quit", "undo",
];
#[rustfmt::skip]
const HARM: &[&str] = &[
    "hurt", "hurting", "harm", "harming", "cut", "cutting", "cuts", "burn", "burned", "burnt", "bleed",
    "bled", "blood", "bruise", "bruises", "punish", "scars", "scratch", "scratched", "sh",
];
#[rustfmt::skip]
const MEANS: &[&str] = &[
    "pills", "pill", "tablets", "rope", "noose", "bridge", "cliff", "tracks", "roof", "ledge", "jump",
    "blade", "blades", "razor", "knife", "knives", "vodka", "platform", "train", "lorry",
];
#[rustfmt::skip]
const FINAL: &[&str] = &[
    "goodbye", "goodbyes", "farewell", "note", "notes", "letter", "letters", "last", "final", "sorry",
    "forgive", "funeral", "miss",
];
/// "better" alone is not a cue ("I hope I wake up feeling better"); "better off without me" has "without".
const WITHOUT: &[&str] = &["without", "burden"];
#[rustfmt::skip]
const PLAN: &[&str] = &[
    "plan", "planning", "planned", "decided", "ready", "tonight", "method", "nerve", "courage", "how",
    "going",
];
const SELF: &[&str] = &["i", "me", "my", "myself"];
#[rustfmt::skip]
const WISH: &[&str] = &[
    "want", "wish", "wishing", "hope", "hoping", "pray", "rather", "wanna", "would", "if", "let", "please",
];
const NEGATION: &[&str] = &["not", "never", "no"];
#[rustfmt::skip]
const BODY: &[&str] = &[
    "myself", "arm", "arms", "wrist", "wrists", "thigh", "thighs", "legs", "skin", "head",
];
#[rustfmt::skip]
const PLAN_OR_WISH: &[&str] = &[
    "plan", "planning", "planned", "decided", "ready", "tonight", "going", "want", "wish", "hope", "take",
    "all", "every", "enough", "saving", "counted", "thinking", "looking",
];
#[rustfmt::skip]
const PAIN: &[&str] = &[
    "pain", "flare", "ache", "aching", "migraine", "back", "joints", "knees", "knee", "hips", "feet",
    "legs", "week", "meeting", "work", "queue", "fog", "fibro", "nerve", "sciatica",
];
#[rustfmt::skip]
const LEISURE: &[&str] = &[
    "club", "views", "view", "lovely", "holiday", "beach", "cabin", "cottage", "walk", "trip", "job", "duvet",
    "garden", "party", "wedding", "game", "music", "sofa", "telly", "tv", "shop", "shopping", "cake",
    "pool", "hydro", "swim", "swimming", "hotel",
];
#[rustfmt::skip]
const BOUNDED: &[&str] = &[
    "week", "fortnight", "month", "weekend", "today", "tomorrow", "bit", "while", "hour", "hours", "day",
    "days", "morning", "afternoon", "evening", "until", "till", "term",
];
const ACT: &[&str] = &["do", "doing", "done", "did", "through"];
#[rustfmt::skip]
const HEIGHT: &[&str] = &[
    "high", "height", "heights", "edge", "balcony", "jump", "jumping", "over", "drop", "storey", "railing",
];
const SOON: &[&str] = &["soon", "tonight", "sooner", "weekend", "now"];
const LIFE_OR_ME: &[&str] = &["life", "me", "myself", "existence"];
#[rustfmt::skip]
const OTHERS_ALL: &[&str] = &[
    "everyone", "everybody", "nobody", "anyone", "anybody", "family", "kids", "children", "world", "people",
];
const MISSED: &[&str] = &["without", "miss", "notice", "lighter", "easier", "relieved"];
const HERE: &[&str] = &["alive", "here", "around"];
const LIMIT: &[&str] = &["longer", "anymore", "still", "promise", "much"];
const JOKE: &[&str] = &["lol", "haha", "lmao", "jk", "joking", "kidding", "hahaha", "lmfao"];
#[rustfmt::skip]
const OTHER: &[&str] = &[
    "he", "she", "they", "his", "her", "mum", "dad", "friend", "husband", "wife", "son", "daughter",
    "brother", "sister", "uncle", "aunt", "neighbour", "nan", "grandad", "cat", "dog", "someone",
];
const SAFE: &[&str] = &["safe", "fine", "okay", "ok", "alright", "intention", "worry", "glad", "grateful"];
const PAST: &[&str] = &["ago", "used", "years", "then", "teenager", "younger", "since", "was"];
#[rustfmt::skip]
const CLINIC: &[&str] = &[
    "gp", "doctor", "nurse", "surgeon", "pharmacist", "pharmacy", "surgery", "operation", "procedure",
    "prescription", "dose", "consultant", "physio", "hospital", "therapist", "leaflet", "op",
];
#[rustfmt::skip]
const TOPIC: &[&str] = &[
    "film", "book", "news", "documentary", "course", "podcast", "article", "show", "programme", "training",
    "awareness", "character", "game", "episode", "series", "season", "watch", "watched",
];

/// The features of a parsed, respelt text: word classes anywhere, and the framing words only
/// in a sentence that has a cue.
pub(super) fn features(t: &Text) -> [f64; N] {
    let all = |list: &[&str]| t.any_in(0, t.words.len(), list);
    // Waking is a cue only when negated (the last feature): "I hope I wake up less stiff".
    let cues: [&[&str]; 6] = [DEATH, ALIVE, HARM, MEANS, FINAL, WITHOUT];
    let cue_sentence = |list: &[&str]| {
        t.sentences
            .iter()
            .any(|s| cues.iter().any(|c| t.any_in(s.first, s.end, c)) && t.any_in(s.first, s.end, list))
    };
    let idiom = t.sentences.iter().any(|s| voice::IDIOM_SET.any(&t.words, s.first, s.end));
    let flags = [
        all(DEATH),
        all(ALIVE),
        all(WAKE),
        all(ENDING),
        all(HARM),
        all(MEANS),
        all(FINAL),
        all(WITHOUT),
        all(PLAN),
        cue_sentence(SELF),
        cue_sentence(WISH),
        cue_sentence(NEGATION),
        all(PAIN),
        all(JOKE),
        all(OTHER),
        all(SAFE),
        all(PAST),
        all(CLINIC),
        all(TOPIC),
        idiom,
        t.sentences.iter().any(|s| s.question),
        together(t, &[DEATH, SELF], true),
        together(t, &[ALIVE, SELF], false),
        together(t, &[ENDING, WISH], false),
        together(t, &[HARM, BODY], false),
        together(t, &[MEANS, SELF, PLAN_OR_WISH], false),
        together(
            t,
            &[&["wake", "waking", "here", "around", "alive", "exist", "live", "survive"], NEGATION, WISH],
            false,
        ),
        all(LEISURE),
        all(BOUNDED),
        it_as_act(t),
        all(HEIGHT),
        cue_sentence(SOON),
        together(t, &[ENDING, LIFE_OR_ME], true),
        together(t, &[OTHERS_ALL, MISSED], false),
        together(t, &[HERE, LIMIT, SELF], false),
    ];
    flags.map(f64::from)
}

/// "I'm close to doing it", "go through with it": a doing verb with "it" in a sentence with "I".
fn it_as_act(t: &Text) -> bool {
    t.sentences.iter().any(|s| {
        t.any_in(s.first, s.end, SELF)
            && (s.first..s.end).any(|i| t.word(i).is_some_and(|w| ACT.contains(&w)) && t.is(i + 1, "it"))
    })
}

/// Is there a sentence with a word of each of `lists` (and, if `no_idiom`, no known idiom)?
fn together(t: &Text, lists: &[&[&str]], no_idiom: bool) -> bool {
    t.sentences.iter().any(|s| {
        lists.iter().all(|l| t.any_in(s.first, s.end, l))
            && !(no_idiom && voice::IDIOM_SET.any(&t.words, s.first, s.end))
    })
}

/// The probability this layer gives to a crisis, from features `x` and `weights`.
pub fn probability(x: &[f64; N], weights: &[f64; N], bias: f64) -> f64 {
    let z = bias + x.iter().zip(weights).map(|(a, b)| a * b).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// Does the scored layer flag this parsed, respelt text?
pub(super) fn flags(t: &Text) -> bool {
    probability(&features(t), &WEIGHTS, BIAS) >= THRESHOLD
}
