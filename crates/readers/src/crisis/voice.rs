//! The exclusions of the broad layer: when a death word, a means or a goodbye is not the
//! writer's own crisis — an idiom, a joke, a topic, or someone else as the subject.

use super::broad::LISTS;
use crate::pattern::PatternSet;
use crate::text::{Sentence, Text};
use std::sync::LazyLock;

/// Idioms in which a death word is not about dying.
#[rustfmt::skip]
pub(super) const IDIOMS: &[&str] = &[
    "(dying|dieing) (for|to)", "(die|died) for (a|an|some|my|the|her|him|them|you)", "to die for",
    "(dying|die|died|dead) (of|from|with) (boredom|laugh*|embarrass*|shame|thirst|hunger|heat|cold|curiosity|\
       envy|jealous*|excite*|fright|tired*|exhaust*|cringe)",
    "(died|die|dying|dead) laughing", "(died|die) (a little|a bit) (inside)?", "(nearly|almost|practically|\
       basically|virtually) ~1 (died|die|dead|dying)",
    "dying here",
    "(thought|felt like|feel like|feels like|felt as if|thought that) i (was going to|would|might|am going \
       to|was about to|could) ~1 (die|dying)",
    "(death|dead) (warmed up|warmed over)", "(death|end) of me",
    "(sick|bored|scared|worried|frightened|terrified|tickled|loved|annoyed|freezing|starving|worked|bore|\
       bores|boring|scares|worries|talk|talked|done) ~2 to death", "die happy",
    "(over|on) my dead body", "(raise|wake|waken) the dead", "drop dead", "dead of (night|winter)",
    "(die|dies|died|dying) (down|out|off|back|away|hard)", "do or die", "never say die", "life (or|and) \
       death",
    "like death", "(assisted|dignified|natural|brain|sudden|cot) (dying|death)",
    "death (penalty|toll|rate|rates|certificate|metal|row|march|trap|stare|grip|knell)",
    "dying (light|battery|phone|plant|plants|breed|art|embers|swan)",
    "(end|the end) of my (rope|tether)", "(knock|knocks|knocked|knocking) _? dead",
    "(play|plays|playing|played) dead", "half (dead|dying)",
    "rather (die|be dead) than ((go|going) to|wear|eat|ask|watch|sit|attend|listen|admit|sing|dance|\
       queue|use|\
       phone|ring|call|miss|lose)",
    "dead (skin|cells|giveaway|zone|wood|leaves|flowers|heads|battery|phone|quiet|calm)",
    "(overdose|overdosed|overdosing|od|oding) on (sugar|chocolate|cake|caffeine|coffee|sweets|carbs|telly|tv|\
       netflix|christmas|cheese|sun|sunshine|biscuits|crisps|mince pies|vitamin c|box sets|boxsets|tea)",
    "dying (my|her|his|the|their|our|some)? ~1 (hair|roots|fringe|beard|clothes|jeans|wool|yarn|eggs|fabric|\
       shirt|t shirt|curtains|purple|pink|blue|red|green|blonde|black|grey)",
    "(died|dies|dying|death|lost|loss) ~3 (by|to|from|through) (suicide|suicides)",
    "if i (have|had|get|got) to ~8 (die|dead)",
    "(would|could|i would|i could|i) (kill|murder) (for|a|an)",
    "(will|would|is going to|going to|gonna) (kill|murder) me (if|when|for)",
    "(one more|another|again) ~5 (i will|i would|i am going to|i shall) (just|actually|literally)? (die|\
       be dead)",
    "(hot|cold|heat|boiling|freezing|humid|humidity|hungry|starving|thirsty|bored|boring) ~4 (dying|\
       dead|die)",
    "(knock|knocks|floor|floors|fell|fells) out (a|an) (horse|elephant|rhino|bear)",
    "dead (end|ends|ringer|heat|weight|loss|spot|centre|center|set|against|on|cert|certain|beat|serious|last|\
       straight|simple|cheap|handy|useful|cute|sweet|brilliant|keen|funny|good|easy|right|lucky|proud|\
       pleased|happy|jealous|nice|posh|busy|quiet|slow|heavy|hard|rude|fast|quick|nervous|sore|stiff|achy|\
       cold|hot|smart|clever|to the world|on my feet|inside out)",
];
pub(super) static IDIOM_SET: LazyLock<PatternSet> =
    LazyLock::new(|| PatternSet::new(IDIOMS.iter().copied(), LISTS));

const DEATH_WORDS: &[&str] = &["die", "dies", "died", "dying", "dead", "death", "deaths"];

/// Talk about death or suicide as a topic, or grief for someone else.
#[rustfmt::skip]
const TOPIC: &[&str] = &[
    "prevention", "awareness", "course", "training", "documentary", "film", "movie", "book", "novel",
    "character", "characters", "news", "article", "podcast", "debate", "statistics", "rates", "charity",
    "memorial", "footballer", "celebrity", "programme", "series", "episode", "show", "telly", "tv", "quiz",
    "speech", "song", "lyrics", "poem", "history", "research", "study", "campaign", "grief", "grieving",
    "bereavement", "bereaved", "condolences", "passed", "rip", "hospice", "palliative", "euthanasia", "game",
    "zombie", "zombies", "detective", "thriller", "play", "lecture", "essay", "exam", "students", "risk",
    "risks", "operation", "surgery", "anaesthetic", "complications", "procedure", "consent", "surgeon",
];
/// The writer's own wish, which a topic word does not cancel ("…and I want to die too").
const WISH: &[&str] =
    &["want", "wants", "wanted", "wish", "wished", "hope", "pray", "rather", "tempted", "myself"];

/// A passing illness that makes one feel like dying.
#[rustfmt::skip]
const ILLNESS: &[&str] = &[
    "flu", "cold", "covid", "virus", "bug", "hangover", "hungover", "fever", "norovirus", "poisoning",
    "infection", "tonsillitis", "sickness", "vomiting",
];

const LAUGHTER_MARKS: &[&str] = &["😂", "🤣", "😅", "😆", "😹", "😜", "😝", "😉"];
const LAUGHTER_WORDS: &[&str] =
    &["lol", "lmao", "lmfao", "rofl", "haha", "hahaha", "hehe", "jk", "joking", "kidding"];

/// Should the broad cue `first..end` in sentence `s` of `raw` be let go?
pub(super) fn excluded(t: &Text, raw: &str, (first, end): (usize, usize), s: &Sentence) -> bool {
    let death_word = t.word(first).is_some_and(|w| DEATH_WORDS.contains(&w));
    let idiom = IDIOM_SET.find(&t.words, s.first, s.end).into_iter().any(|(_, a, b)| a < end && first < b);
    if idiom || (death_word && intensifier(t, first)) {
        return true;
    }
    // "I feel like I'm dying, this flu is brutal": a passing illness, not a wish.
    if death_word && t.any_in(s.first, s.end, ILLNESS) && !t.any_in(s.first, s.end, WISH) {
        return true;
    }
    if death_word && laughing(t, raw, s) {
        return true;
    }
    if t.any_in(s.first, s.end, TOPIC) && !t.any_in(s.first, s.end, WISH) {
        return true;
    }
    other_subject(t, s.first, first, death_word)
}

/// "dead tired", "dead chuffed", "dead boring": "dead" before an adjective is "very".
fn intensifier(t: &Text, i: usize) -> bool {
    t.is(i, "dead")
        && t.word(i + 1).is_some_and(|w| {
            w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")) && !matches!(w, "inside" | "already")
        })
}

fn laughing(t: &Text, raw: &str, s: &Sentence) -> bool {
    let start = t.words.get(s.first).map_or(0, |w| w.start);
    let end = t.words.get(s.end).map_or(raw.len(), |w| w.start);
    let text = raw.get(start..end).unwrap_or("");
    LAUGHTER_MARKS.iter().any(|m| text.contains(m))
        || (s.first..s.end)
            .any(|i| t.word(i).is_some_and(|w| LAUGHTER_WORDS.contains(&w) || w.starts_with("haha")))
}

const SELF_WORDS: &[&str] = &["i", "me", "myself", "mine"];
/// After "my", these are still the writer ("my mind keeps going back to the pills").
const MY_SELF: &[&str] = &["mind", "head", "brain", "thoughts", "thinking", "own", "self", "life"];
#[rustfmt::skip]
const OTHER_WORDS: &[&str] = &[
    "he", "she", "they", "him", "them", "it", "you", "we", "someone", "somebody", "mum", "dad", "mother",
    "father", "grandad", "grandma", "granny", "nan", "husband", "wife", "partner", "son", "daughter",
    "brother",
    "sister", "friend", "neighbour", "cat", "dog", "uncle", "aunt", "cousin", "colleague", "boss", "'s",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "our", "your", "its", "whose",
];
/// Words that can stand between a subject and its verb ("the tooth is dead", "he'd nearly died").
#[rustfmt::skip]
const LINKS: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "am", "has", "have", "had", "will", "would", "could", "might",
    "may", "must", "should", "just", "already", "went", "gone", "goes", "got", "get", "gets", "getting", "so",
    "really", "very", "basically", "literally", "actually", "completely", "totally", "finally", "now",
    "still",
    "probably", "slowly", "quietly", "peacefully", "suddenly", "last", "sadly", "tragically", "want", "wants",
    "wanted", "wish", "wishes", "hopes", "tried", "tries", "trying", "going", "to", "about", "keeps", "kept",
    "says", "said", "feels", "felt", "thinks", "thought", "nearly", "almost",
];

/// Is someone or something other than the writer the subject of the cue at `first`? Scans
/// back through its clause: "I", "me" or "myself" means the writer; a third person or a noun
/// after "the", "my"… joined to the cue only by linking words ("the battery is dead", "my
/// grandad died") means someone else; no subject at all means the writer ("Suicidal again").
fn other_subject(t: &Text, s_first: usize, first: usize, death_word: bool) -> bool {
    let Some(clause) = t.words.get(first).map(|w| w.clause) else { return false };
    // "a dead battery", "the death of my dad", "his death".
    let before = first.checked_sub(1).filter(|&j| j >= s_first).and_then(|j| t.word(j));
    if death_word && before.is_some_and(|w| DETERMINERS.contains(&w)) {
        return true;
    }
    let in_clause = |j: usize| t.words.get(j).is_some_and(|w| w.clause == clause);
    // Outside death words ("told my sister goodbye"), any "I" before the cue is enough.
    if !death_word
        && (s_first..first).any(|j| in_clause(j) && t.word(j).is_some_and(|w| SELF_WORDS.contains(&w)))
    {
        return false;
    }
    let mut linked = true;
    for j in (s_first..first).rev() {
        let Some(w) = t.words.get(j).filter(|w| w.clause == clause) else { break };
        let word = w.norm.as_str();
        if SELF_WORDS.contains(&word) {
            return false;
        }
        let after_det = j > s_first && t.word(j - 1).is_some_and(|d| DETERMINERS.contains(&d) || d == "my");
        if after_det && t.is(j - 1, "my") && MY_SELF.contains(&word) {
            return false;
        }
        let noun = after_det && !DETERMINERS.contains(&word);
        if (linked && OTHER_WORDS.contains(&word)) || (noun && (linked || death_word)) {
            return true;
        }
        linked &= LINKS.contains(&word);
    }
    false
}
