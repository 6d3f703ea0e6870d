//! The acute tier: danger where minutes matter, found by rules that nothing overrules — not
//! the reader, not the guards of the other layers (a story, a questionnaire, someone else).
//!
//! Three kinds, as the label definitions of `content/eval/README.md` give them:
//! 1. **An overdose taken or under way**: far more than a dose ("30 tablets", "the whole
//!    packet", "my month's supply", "a load of co-codamol"), often with no crisis word at all,
//!    or "taking them now, one by one".
//! 2. **Means in hand with a time**: pills saved, a rope, a blade, a high place, together with
//!    *when* ("tonight", "once everyone's asleep") and a sign of what for.
//! 3. **Self-injury with bleeding or injury now**: "I cut too deep and it won't stop bleeding".
//!
//! Only ordinary dosing stays out: a count of tablets collected or prescribed, a dose in mg,
//! "as prescribed", tablets spread over days, and a single slip handled with a pharmacist.
//! Digits of ten or more arrive respelt as `dozens` (`spelling.rs`), so "took 30 tablets" and
//! "took thirty tablets" read alike, while "took 2 tablets" and "30 mg" never do.

use super::rules::LISTS as CRISIS_LISTS;
use crate::style::pattern::{Lists, PatternSet};
use crate::style::text::Text;
use std::sync::LazyLock;

/// Medicines and their everyday names, as members keep them at home.
const MEDS: &str = "pills|pill|tablets|tablet|tabs|caps|capsules|painkillers|meds|medication|medications|\
    medicine|medicines|paracetamol|paracetamols|acetaminophen|tylenol|panadol|co codamol|cocodamol|codeine|\
    tramadol|tramadols|oxycodone|oxy|oxys|oxycontin|morphine|oramorph|zomorph|fentanyl|gabapentin|\
    gabapentins|pregabalin|lyrica|amitriptyline|amitriptylines|nortriptyline|sertraline|citalopram|\
    fluoxetine|duloxetine|venlafaxine|mirtazapine|diazepam|diazepams|valium|lorazepam|zopiclone|\
    zopiclones|temazepam|sleeping pills|sleeping tablets|ibuprofen|ibuprofens|naproxen|aspirin|aspirins|\
    lithium|quetiapine|insulin|antidepressants|opioids|opiates|benzos|codeines|prescription|supply|stash";

const LISTS: Lists = &[
    ("meds", MEDS),
    // Far more than any dose. Numbers of ten or more are already `dozens`.
    (
        "many",
        "dozens|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|forty|fifty|\
         sixty|seventy|eighty|hundred|a hundred|hundreds of|loads of|a load of|a lot of|lots of|heaps of|\
         a handful of|handfuls of|a fistful of|fistfuls of|a bunch of|a pile of|a heap of|a ton of|tons of|\
         way too many|dozens of|the whole|a whole|my whole|the entire|my entire|two boxes of|two packets of|two packs of|three boxes of|\
         both boxes of|both packets of|a month 's|my month 's|a months|my months|a week 's|my week 's|a weeks|\
         my weeks|a fortnight 's",
    ),
    (
        "took",
        "took|taken|swallowed|downed|necked|popped|ate|chugged|scoffed|injected|had|done|taking|swallowing|\
         downing|necking|popping|chucked back|knocked back|throwing back",
    ),
    ("container", "packet|packets|pack|packs|box|boxes|bottle|bottles|blister|blisters|strip|strips|tub|lot"),
    (
        "means",
        "pills|tablets|tabs|meds|painkillers|rope|noose|ligature|blade|blades|razor|razors|knife|gun|belt|\
         cord|charcoal|stash",
    ),
    (
        "when",
        "tonight|now|right now|today|this evening|this weekend|this afternoon|tomorrow|soon|later|\
         in an hour|in a bit|after work|at midnight|when everyone|once everyone|when they|once they|\
         when he|once he|when she|once she|when the kids|once the kids|on friday|on saturday|on sunday|\
         on monday|on tuesday|on wednesday|on thursday|asleep|in bed|this is it",
    ),
    ("body", "arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|hip|hips|chest"),
    ("hurt", "cut|cutting|slashed|slashing|sliced|slit|burned|burnt|burning|stabbed|hurt|harmed|harming"),
];

/// An overdose taken or under way.
#[rustfmt::skip]
const OVERDOSE: &[&str] = &[
    // "I took 30 tablets", "swallowed the whole packet of co-codamol", "had a load of oxy".
    "{took} (like|about|around|over|maybe|nearly|almost|at least|roughly)? {many} (of)? \
        (my|the|mum 's|mums|his|her|these|those|them)? ~2 {meds}",
    "{took} (the|a|my)? (whole|entire)? ~1 {container} (of)? (my|the)? ~2 {meds}",
    "{took} (the|a|my|both) (whole|entire) {container}",
    "{took} everything in (my|the) ~2 (drawer|cupboard|cabinet|box|bag|tin)",
    "{many} ~2 {meds} (down|gone|swallowed|taken|in me|inside me)",
    "{took} (all|both|every|the rest|all the rest) ~2 {container}",
    // "All my tablets" is also how people say they took the day's medicines: it counts only
    // with a sign of an overdose ("at once", "that I had left", "and now I feel sick").
    "{took} (all|every|every single|every last|the rest of) (of)? (my|the|them)? ~2 {meds} ~4 (left|at once|in one \
        go|together|i had|i have|i could find|i saved|i had saved|in the house)",
    "(swallowed|downed|necked) (all|every|every single|every last|the rest of) (of)? (my|the|them)? ~2 {meds}",
    "{took} (all|every one|the lot|the rest|all of them|the whole lot|everything) ~3 (left|i had|i have|at once|in \
        one go|together|i could find|in the house|in the cupboard|in the drawer|i saved|i had saved)",
    "{took} them all",
    // "overdosed" arrives respelt as `overdose` (`spelling.rs`).
    "(i|just) (overdose|od|od 'd|have overdose|have od|took an overdose|have taken an overdose)",
    "(overdose|od) (would|had)? (an hour|hours|minutes|mins|earlier|just now|again|tonight|and|now)",
    // Under way: "taking them now, one by one".
    "(am|i am|just|currently) (taking|swallowing|downing|popping) ~3 (now|one by one|right now|as i type)",
    "(taking|swallowing) them (now|one by one)",
    // Exhaust fumes in a closed garage.
    "garage ~4 engine (running|on)",
    "od (would|had)",
    "(taking|swallowing|downing|popping) (the|my|all the|all my)? ~1 {meds} (now|right now|one by one)",
];

/// Means in hand; counts only with a time (`WHEN`) and a sign of intent (`INTENT`, or a match
/// of the other rule layers) somewhere in the text.
#[rustfmt::skip]
const MEANS: &[&str] = &[
    "(have|got|bought|saved|stockpiled|hoarded|collected|counted|lined up|laid out|ready|sorted|holding|hid) \
        ~3 {means}",
    "{means} ~3 (ready|saved up|saved|stockpiled|lined up|counted out|laid out|in front of me|next to me|in my \
        hand|in my pocket|in the car|upstairs|hidden)",
    "(jump|jumping) (off|from|in front of) (the|a) ~1 (bridge|cliff|cliffs|roof|multi storey|multistorey|car park|\
        train|building|tower|tracks)",
    "(i am|standing|sitting|parked|waiting|up)? (on|at|by) the (bridge|edge|ledge|cliff|cliffs|tracks|railway|roof|top \
        of|platform edge|car park roof|multi storey|multistorey)",
];

/// Self-injury with bleeding or injury now; the text must name blood or the wound
/// (`WOUND`) and must not tell an accident.
#[rustfmt::skip]
const INJURY: &[&str] = &[
    "{hurt} (myself|my {body}|my own {body})",
    "{hurt} (too|so|really|much|way)? (deep|deeper|bad|badly)",
    "(self harm|self harmed|self harming|sh)",
];

/// "Took all my tablets" with how it feels now ("so sleepy now", "feel sick"): an overdose.
static ALL_MINE: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new([ALL_MINE_SOURCE], LISTS));
const ALL_MINE_SOURCE: &str =
    "{took} (all|every|every single|every last|the rest of) (of)? (my|the)? ~2 {meds}";
static FEELING: LazyLock<PatternSet> = LazyLock::new(|| {
    let sources = [
        "(sick|dizzy|sleepy|drowsy|woozy|numb|heavy|spaced|fuzzy|shaky|faint) (now|already)",
        "(feel|feeling) \
        (so|very|really)? (sick|dizzy|sleepy|drowsy|woozy|numb|heavy|spaced|fuzzy|shaky|faint)",
        "can not (stay \
        awake|keep my eyes open|feel my)",
    ];
    PatternSet::new(sources, LISTS)
});
static OVERDOSE_SET: LazyLock<PatternSet> =
    LazyLock::new(|| PatternSet::new(OVERDOSE.iter().copied(), LISTS));
static MEANS_SET: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(MEANS.iter().copied(), LISTS));
static INJURY_SET: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(INJURY.iter().copied(), LISTS));
static WHEN: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(["{when}"], LISTS));
static INTENT: LazyLock<PatternSet> = LazyLock::new(|| {
    let sources = [
        "(do|doing|end|ending|finish) (it|this|things|everything)",
        "use (them|it)",
        "take them all",
        "(goodbye|bye|say goodbye|last night|last time|the night|for good|no more|be over|it is time|this is it)",
        "(not|never) (be here|wake up|see)",
        "(kill|killing|die|dying|dead|suicide|end my life|overdose)",
        "(letter|letters|note|notes) (for|to) ~2 (everyone|family|my|the kids|mum|dad)",
    ];
    PatternSet::new(sources, CRISIS_LISTS)
});
static WOUND: LazyLock<PatternSet> = LazyLock::new(|| {
    let sources = [
        "(bleeding|bleed|bleeds|blood|bloody|pouring|soaked|gaping|stitches|blister*|raw|weeping|fat|white)",
        "(will|can|does) not stop",
    ];
    PatternSet::new(sources, LISTS)
});

/// Ordinary dosing or an accident in the same sentence: never acute.
const ORDINARY: &[&str] = &[
    "prescribed",
    "prescription",
    "pharmacy",
    "pharmacist",
    "chemist",
    "collected",
    "picked",
    "repeat",
    "dosette",
    "organiser",
    "organizer",
    "usual",
    "mg",
    "milligrams",
    "mcg",
    "ml",
    "units",
    "daily",
    "per",
    "week's",
    "leaflet",
    "warning",
    "warns",
    "label",
    "accidentally",
    "accident",
    "mistake",
    "chopping",
    "cooking",
    "shaving",
    "kitchen",
    "onions",
    "gardening",
    "slipped",
    "nosebleed",
    "dog",
    "cat",
    "naloxone",
    "training",
    "years",
    "teenager",
    "ago",
    "when i was",
];
/// Tablets spread over time are dosing, not an overdose ("12 paracetamol over three days").
static SPREAD: LazyLock<PatternSet> = LazyLock::new(|| {
    let sources = [
        "over (the|a)? (last|past|next)? ~1 (day|days|week|weeks|month|months|fortnight|year)",
        "(a|per|each|every) (day|night|week)",
        "(in|for) (a|the)? (week|weeks|month|months|fortnight)",
    ];
    PatternSet::new(sources, LISTS)
});

/// "an hour ago" and "20 minutes ago" are now, unlike "years ago": these undo `ago` above.
const RECENT: &[&str] = &["hour", "hours", "minutes", "mins", "min"];

/// Does the prepared text `t` speak of danger now? `rules_matched` says whether the other rule
/// layers found crisis language, which is a sign of intent for means in hand.
pub(super) fn found(t: &Text, rules_matched: bool) -> bool {
    let all = t.words.len();
    let clear = |first: usize, end: usize| {
        let sentence = |w: &str| t.any_in(first, end, &[w]);
        let ordinary = ORDINARY.iter().any(|w| *w != "ago" && sentence(w));
        let long_ago = sentence("ago") && !RECENT.iter().any(|w| sentence(w));
        !ordinary && !long_ago && !SPREAD.any(&t.words, first, end)
    };
    let in_clear_sentence = |set: &PatternSet| {
        t.sentences.iter().any(|s| {
            set.find(&t.words, s.first, s.end).into_iter().any(|(_, first, _)| {
                !super::context::negated(t, first) && !about_someone_else(t, first, s.first)
            }) && clear(s.first, s.end)
        })
    };
    if in_clear_sentence(&OVERDOSE_SET) || (in_clear_sentence(&ALL_MINE) && FEELING.any(&t.words, 0, all)) {
        return true;
    }
    if in_clear_sentence(&INJURY_SET) && WOUND.any(&t.words, 0, all) {
        return true;
    }
    in_clear_sentence(&MEANS_SET)
        && WHEN.any(&t.words, 0, all)
        && (rules_matched || INTENT.any(&t.words, 0, all))
}

/// "My son took 30 tablets" is his overdose, not the writer's: a third person before the match
/// in its sentence and no "I" there.
fn about_someone_else(t: &Text, first: usize, s_first: usize) -> bool {
    const OTHERS: &[&str] = &[
        "he",
        "she",
        "they",
        "his",
        "her",
        "friend",
        "son",
        "daughter",
        "brother",
        "sister",
        "mum",
        "mom",
        "dad",
        "husband",
        "wife",
        "partner",
        "patient",
        "neighbour",
        "neighbor",
        "someone",
        "cousin",
    ];
    let before = s_first..first;
    let me = before.clone().any(|j| t.is(j, "i"));
    !me && before.into_iter().any(|j| t.word(j).is_some_and(|w| OTHERS.contains(&w)))
}

#[cfg(test)]
pub(super) fn sources() -> impl Iterator<Item = (&'static str, Lists)> {
    OVERDOSE.iter().chain(MEANS).chain(INJURY).chain(&[ALL_MINE_SOURCE]).map(|p| (*p, LISTS))
}
