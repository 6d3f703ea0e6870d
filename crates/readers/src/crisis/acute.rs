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
//! A text the other layers already find to be a crisis is escalated here too
//! ([`escalates`]): means or a place with a time, an injury with blood, or more than a dose,
//! read across commas and sentences ("Did it again. Wrist. Bleeding through the towel.").
//!
//! Only ordinary dosing stays out: a count of tablets collected or prescribed, a dose in mg,
//! "as prescribed", tablets spread over days, and a single slip handled with a pharmacist.
//! Digits of ten or more arrive respelt as `dozens` (`spelling.rs`), so "took 30 tablets" and
//! "took thirty tablets" read alike, while "took 2 tablets" and "30 mg" never do.

use super::rules::LISTS as CRISIS_LISTS;
use crate::pattern::{Lists, PatternSet};
use crate::text::Text;
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
         downing|necking|popping|chucked back|knocked back|throwing back|put|drank|drunk",
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
    (
        "body",
        "arm|arms|forearm|forearms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|hip|hips|chest|hand|hands|\
         palm|knuckles|ankle|ankles|foot|feet|face|neck|head|forehead|fingers",
    ),
    (
        "hurt",
        "cut|cutting|slashed|slashing|sliced|slit|burned|burnt|burning|stabbed|hurt|harmed|harming|scratched|\
         carved|scalded",
    ),
];

/// An overdose taken or under way.
#[rustfmt::skip]
const OVERDOSE: &[&str] = &[
    // "I took 30 tablets", "swallowed the whole packet of co-codamol", "had a load of oxy".
    "{took} (like|about|around|over|maybe|nearly|almost|at least|roughly)? {many} (of)? \
        (my|the|mum 's|mums|his|her|these|those|them)? ~2 {meds}",
    "{took} (the|a|my)? (whole|entire)? ~1 {container} (of)? (my|the)? ~2 {meds}",
    // Without a medicine named, not "ate" or "had": "ate the whole packet" is biscuits.
    "(took|taken|swallowed|downed|necked|popped|chugged|injected|swallowing|downing|necking|popping) \
        (the|a|my|both) (whole|entire) {container}",
    "{took} everything in (my|the) ~2 (drawer|cupboard|cabinet|box|bag|tin)",
    "{many} ~2 {meds} (down|gone|swallowed|taken|in me|inside me)",
    "{took} (all|both|every|the rest|all the rest) ~3 {container}",
    // "the 30 paracetamol I had at 4", "had all 100 of my ibuprofen".
    "{many} ~1 {meds} (i|that i) (had|took|swallowed|have taken|just took|necked|downed)",
    "{took} all (of)? {many} (of)? (my|the)? ~2 {meds}",
    "{took} (the|a|my) (whole|entire) {meds} {container}",
    "{took} (way too many|far too many|too many|loads|a load|the lot) ~2 (on purpose|deliberately|with (vodka|wine|\
        whisky|whiskey|gin|booze|alcohol|beer|cider))",
    // "half the tub of diazepam gone down with wine".
    "(half|most|all|the rest) (of)? (the|a|my) ~1 {container} (of)? ~2 {meds} ~2 (gone|down|in me|swallowed|taken)",
    // "the paracetamol about an hour back, maybe 40 by now".
    "{meds} ~12 {many} (by now|so far|now|in total|down)",
    // "necked what was left of the oxy", "washed down the last of my naproxen".
    "({took}|washed down|finished) (what was left of|what is left of|the last of|the rest of) (my|the)? ~2 {meds}",
    // "kept taking the oxycodone one after another until the bottle was empty".
    "(until|till) the ~1 {container} (was|is) empty",
    "{took} every {meds} (i own|i owned|in the house|i could find|i have|i had)",
    // Swallowing what is not food or medicine, on purpose or in a crisis.
    "(swallowed|swallow|drank|drunk|ate|eaten) (some|a|the|two|three|a few|a load of|a handful of|my)? ~2 \
        (bleach|drain cleaner|cleaner|antifreeze|weedkiller|weed killer|rat poison|poison|batteries|battery|\
        pins|needles|glass|razor blade|razor|blade|screws|nails|earrings|magnets)",
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
    "(saved|stockpiled|hoarded|counted|lined up|laid out|hid|holding) ~3 {meds}",
    "(rope|belt|cord|noose|ligature|it|flex|cable) ~3 (tied|on|round|around|over|to) ~3 (hook|beam|bannister|\
        banister|loft|tree|branch|door|rail|railing)",
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
    "(blade|knife|razor|glass) ~2 (went in|in too far|too deep|further)",
    "{hurt} (too|so|really|much|way)? (deep|deeper|bad|badly)",
    "(self harm|self harmed|self harming|sh)",
];
/// An injury just done: acute without a word of blood.
const JUST_INJURED: &str = "just {hurt} (myself|my {body}|my own {body})";
static JUST_INJURED_SET: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new([JUST_INJURED], LISTS));

/// "Took all my tablets" with how it feels now ("so sleepy now", "feel sick"): an overdose.
static ALL_MINE: LazyLock<PatternSet> =
    LazyLock::new(|| PatternSet::new(ALL_MINE_SOURCES.iter().copied(), LISTS));
const ALL_MINE_SOURCES: &[&str] = &[
    "{took} (all|every|every single|every last|the rest of) (of)? (my|the)? ~2 {meds}",
    "{took} (the lot|all the lot|the whole lot)",
    // "I finished the new box of pregabalin, 84 caps" — with how it feels, an overdose.
    "(finished|emptied) (off)? (the|a|my) ~2 {container} (of)? ~2 {meds}",
];
static OF_THEM: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(["{many} of them"], LISTS));
static TAKEN_WHEN: LazyLock<PatternSet> = LazyLock::new(|| {
    PatternSet::new(["(ago|yesterday|lunchtime|last night|this morning|earlier|just now|an hour)"], LISTS)
});
static SO_FAR: LazyLock<PatternSet> =
    LazyLock::new(|| PatternSet::new(["{many} (by now|so far|in total)"], LISTS));
static MEDS_NAMED: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(["{meds}"], LISTS));

/// Overdoses no ordinary word sets aside: a multi-day supply "in one go", or a supply "in me".
#[rustfmt::skip]
const STRONG: &[&str] = &[
    "(entire|whole) ~1 (week 's|weeks|month 's|months|pill organiser|pill organizer|organiser|organizer|dosette|\
        supply|box|bottle|packet|pack|tub|strip|strips) ~2 (in one go|at once|all at once|together)",
    "(whole|entire|all|every|the rest of) ~3 {meds} ~1 (is|are)? (now|all)? (in me|inside me)",
    "(whole|entire|all|every|the rest of) ~3 {container} (is|are)? (now|all)? (in me|inside me)",
];
static STRONG_SET: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(STRONG.iter().copied(), LISTS));
static FEELING: LazyLock<PatternSet> = LazyLock::new(|| {
    let sources = [
        "(sick|dizzy|sleepy|drowsy|woozy|numb|heavy|spaced|fuzzy|shaky|faint) (now|already)",
        "(feel|feeling|getting|going) (now)? \
        (so|very|really)? (sick|dizzy|sleepy|drowsy|woozy|numb|heavy|spaced|fuzzy|shaky|faint|blurry|foggy|quiet)",
        "can not (stay \
        awake|keep my eyes open|feel my|stand up|see straight|breathe properly)",
        // Signs of an overdose now, whatever the words around them.
        "(shaking|sweaty|sweating|ringing|spinning|racing|cramping|vomiting|throwing up|blurry|far away|kicking in|\
        floating|buzzing|breathing feels|can not feel my|yellow*)",
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
        "(jump|jumping|jumped)",
        "(kill|killing|die|dying|dead|suicide|end my life|overdose)",
        "(letter|letters|note|notes) (for|to) ~2 (everyone|family|my|the kids|mum|dad)",
    ];
    PatternSet::new(sources, CRISIS_LISTS)
});
static WOUND: LazyLock<PatternSet> = LazyLock::new(|| {
    let sources = [
        "(bleeding|bleed|bleeds|blood|bloody|pouring|soaked|soaking|gaping|stitches|blister*|raw|weeping|fat|\
        white|dripping|seeping|clot|bubbling|peeling)",
        "(will|can|does) not stop",
    ];
    PatternSet::new(sources, LISTS)
});

/// Ordinary dosing or an accident in the same sentence: never acute. These words, with
/// [`NOT_NOW`] (which also keeps a crisis from being escalated), make the whole list.
const ORDINARY: &[&str] = &[
    "picked",
    "organiser",
    "organizer",
    "usual",
    "milligrams",
    "mcg",
    "ml",
    "units",
    "daily",
    "per",
    "week's",
    "warning",
    "warns",
    "label",
    "kitchen",
    "nosebleed",
    "dog",
    "cat",
    "naloxone",
    "training",
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
        // "On purpose" outweighs the kitchen: "held my hand on the hob on purpose".
        let meant = sentence("purpose") || sentence("deliberately");
        let ordinary = !meant
            && (ORDINARY.iter().chain(NOT_NOW).any(|w| *w != "ago" && sentence(w))
                || MISHAP.any(&t.words, first, end));
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
    let mine = |set: &PatternSet| {
        t.sentences.iter().any(|s| {
            set.find(&t.words, s.first, s.end).into_iter().any(|(_, first, _)| {
                !super::context::negated(t, first) && !about_someone_else(t, first, s.first)
            })
        })
    };
    if mine(&STRONG_SET) {
        return true;
    }
    // "the paracetamol about an hour back, maybe 40 by now": a count so far, in a sentence
    // that names a medicine (the comma between keeps them out of one pattern).
    let counted = t.sentences.iter().any(|s| {
        SO_FAR.any(&t.words, s.first, s.end)
            && MEDS_NAMED.any(&t.words, s.first, s.end)
            && clear(s.first, s.end)
    });
    if counted {
        return true;
    }
    if in_clear_sentence(&JUST_INJURED_SET) {
        return true;
    }
    // "Paracetamol. 48 of them. Yesterday lunchtime.": a count of a named medicine told with
    // when it was taken or how it feels, across sentences.
    let ordinary_text = ORDINARY.iter().chain(NOT_NOW).any(|w| *w != "ago" && t.any_in(0, all, &[w]));
    if !ordinary_text
        && MEDS_NAMED.any(&t.words, 0, all)
        && OF_THEM.any(&t.words, 0, all)
        && (TAKEN_WHEN.any(&t.words, 0, all) || FEELING.any(&t.words, 0, all))
    {
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

/// Danger now in a text already found to speak of crisis (by the rules or the reader): means
/// with a time, an injury done now, or more than a dose. Without the crisis, these words are
/// everyday ("the blade guard saved my fingers tonight"); with it, minutes may matter, so
/// the acute panel comes first.
pub(super) fn escalates(t: &Text) -> bool {
    let all = t.words.len();
    // Dosing or an accident anywhere ("chopping onions", "the pharmacist said"): the crisis
    // panel, not the emergency one.
    let meant = t.any_in(0, all, &["purpose"]) || t.any_in(0, all, &["deliberately"]);
    if !meant && (NOT_NOW.iter().any(|w| t.any_in(0, all, &[w])) || MISHAP.any(&t.words, 0, all)) {
        return false;
    }
    let mine = |set: &PatternSet| {
        t.sentences.iter().any(|s| {
            set.find(&t.words, s.first, s.end).into_iter().any(|(_, first, _)| {
                !super::context::negated(t, first) && !about_someone_else(t, first, s.first)
            })
        })
    };
    // Two signs count together anywhere in a short text ("Did it again. Wrist. Bleeding."),
    // but only within one sentence of a long one, where a bath and "tonight" are a diary.
    let together = |a: &PatternSet, b: &PatternSet| {
        if all <= SHORT_TEXT {
            a.any(&t.words, 0, all) && b.any(&t.words, 0, all)
        } else {
            t.sentences.iter().any(|s| a.any(&t.words, s.first, s.end) && b.any(&t.words, s.first, s.end))
        }
    };
    mine(&NOW_SET)
        || together(&THERE_SET, &SOON)
        || together(&OVERDOSED, &FEELING)
        || together(&HARM, &WOUND_NOW)
        || together(&QUANTITY, &TAKEN)
        || together(&QUANTITY, &FEELING)
}

/// Words up to which a text is read as one piece by [`escalates`].
const SHORT_TEXT: usize = 60;

// Across sentences and commas ("Did it again. Wrist. Bleeding through the tea towel."):
// only ever asked of a text already found to speak of crisis.
static OVERDOSED: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(["(overdose|od)"], NOW_LISTS));
static HARM: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(["{harm}"], NOW_LISTS));
static WOUND_NOW: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(["{wound}"], NOW_LISTS));
static QUANTITY: LazyLock<PatternSet> = LazyLock::new(|| {
    let sources = [
        "(whole|entire|all|the lot|the rest|half|halfway through|full|strips|dozens|months|weeks|worth) ~3 {meds}",
        "(whole|entire|all|the rest|half|full) ~2 (box|boxes|bottle|bottles|packet|packets|tub|strip|strips|\
        blister pack) (of)? ~2 {meds}",
        "(whole|entire|all) ~2 (pen|pens)",
    ];
    PatternSet::new(sources, NOW_LISTS)
});
static TAKEN: LazyLock<PatternSet> = LazyLock::new(|| {
    let sources = [
        "(took|taken|take|had|swallowed|downed|done|did|finished|through|in me|used|put|injected|mixed|washed|\
        necked|drank)",
    ];
    PatternSet::new(sources, NOW_LISTS)
});

/// Words of dosing or of an accident that keep a crisis from being escalated.
const NOT_NOW: &[&str] = &[
    "prescribed",
    "prescription",
    "pharmacy",
    "pharmacist",
    "chemist",
    "collected",
    "repeat",
    "dosette",
    "mg",
    "leaflet",
    "accidentally",
    "accident",
    "mistake",
    "chopping",
    "cooking",
    "shaving",
    "onions",
    "gardening",
    "slipped",
    "years",
];

/// Household accidents told as such, which keep an injury from being acute.
static MISHAP: LazyLock<PatternSet> = LazyLock::new(|| {
    let sources = [
        "(opening|opened|open) (a|the) ~1 (tin|can|jar|lid|parcel|box)",
        "(on|off) the ~1 (oven|oven door|baking tray|grill)",
        "(baking|roasting) (tray|tin)",
    ];
    PatternSet::new(sources, LISTS)
});

const NOW_LISTS: Lists = &[
    ("meds", MEDS),
    (
        "harm",
        "cut|cutting|carved|carving|sliced|slit|slashed|burned|burnt|burning|scalded|scalding|stabbed|smashed|\
         punched|hit|hitting|bit|scratched|pressed|held|poured|razor|blade|knife|glass|self harm|self harmed|\
         self harming|sh|wound|wrist|wrists|needle|stuck|banged|banging|burns|burn|stabbing",
    ),
    (
        "wound",
        "bleeding|bleed|bled|blood|bloody|clot|stitches|blister*|bubbling|peeling|raw|swollen|swelling|\
         seeping|dripping|gaping|deep|deepest|pads|towel|bandage|red|faint|coming off|open|coming away|\
         purple|broken|bruised|pumping|last hour|minutes ago|mins ago|just now|just done",
    ),
];

/// An injury being done or just done, and an overdose told in a crisis, in one sentence.
#[rustfmt::skip]
const NOW: &[&str] = &[
    "{harm} ~6 {wound}",
    "{wound} ~6 {harm}",
    "on purpose ~6 {wound}",
    "(right now|now|as i type) ~3 {harm}",
    "{harm} ~6 (right now|now|as i type|so far|again)",
    "(am|i am) (cutting|burning|hurting|harming|scratching|hitting)",
    "(took|taken|had|swallowed|downed|done|did|put|injected|used) ~4 (all|whole|entire|the lot|the rest|half|\
        both|strips|months|month 's|weeks|week 's|worth of|dozens|boxes|bottles|packets) ~3 {meds}",
    "(took|taken|had|swallowed|downed|done|did|put|injected|used) ~3 {meds} ~3 (all|at once|in one go|together)",
    "{meds} ~3 (in my hand|in front of me|lined up|counted out|on the table|on the desk|out on)",
    "(sitting|sat|standing|stood|parked|waiting|walking) ~4 (bridge|edge|ledge|cliff|cliffs|balcony|rail|railing|\
        roof|platform|tracks|garage|car park|quarry|river|top)",
    "(engine|exhaust|hose) ~4 (running|next|taped|on)",
    "(i am|am) (up)? (on|at|by|in) (the|my)? ~2 (bridge|edge|ledge|cliff|cliffs|balcony|roof|platform|tracks|\
        station|viaduct|car park|quarry|river|top)",
    "(shotgun|rifle|gun|pistol|firearm) ~4 (loaded|across|in my|right now|out)",
    "(steer|drive|driving|crash|crashing) ~2 into",
];
static NOW_SET: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(NOW.iter().copied(), NOW_LISTS));

/// Means or a place, anywhere in a sentence; with a time in the text (`SOON`), in a crisis,
/// acute.
#[rustfmt::skip]
const THERE: &[&str] = &[
    "(rope|noose|cord|hook|belt|ligature|blade|blades|razor|razors|knife|gun|pills|tablets|{meds}|stockpile|\
        stash|hose|hosepipe|exhaust|charcoal|bridge|cliff|cliffs|edge|ledge|balcony|roof|platform|train|tracks|river|\
        quarry|high place|motorway|shotgun|rifle|viaduct|reservoir|jump|jumping|everything i need|got everything|\
        have everything)",
];
static THERE_SET: LazyLock<PatternSet> = LazyLock::new(|| PatternSet::new(THERE.iter().copied(), NOW_LISTS));
static SOON: LazyLock<PatternSet> = LazyLock::new(|| {
    let sources = [
        "(tonight|today|now|right now|this evening|this afternoon|this morning|this weekend|tomorrow|midnight|\
        soon|later|tonights)",
        "(after|once|when|as soon as|before) ~4 (dinner|tea|work|shift|post|asleep|bed|leaves|goes|gone|out|\
        quiet|empty|dark|lunch|everyone)",
        "(in|within) (the next|a|an)? ~1 (minutes|mins|hour|hours|few)",
        "(on)? (friday|saturday|sunday|monday|tuesday|wednesday|thursday)",
        "(going|heading|walking|driving) (there|over|up|to)",
        "(waiting|wait) (for|until|till)",
        "(next|the next) (one|train)",
        "(ready to go|ready now|going now|finish this message|after this message|post this|send this)",
        "at (lunch|lunchtime|night|dawn|dusk|noon|midnight)",
    ];
    PatternSet::new(sources, NOW_LISTS)
});

#[cfg(test)]
pub(super) fn sources() -> impl Iterator<Item = (&'static str, Lists)> {
    OVERDOSE
        .iter()
        .chain(MEANS)
        .chain(INJURY)
        .chain(ALL_MINE_SOURCES)
        .chain(STRONG)
        .chain(&[JUST_INJURED])
        .map(|p| (*p, LISTS))
        .chain(NOW.iter().chain(THERE).map(|p| (*p, NOW_LISTS)))
}
