//! The phrase rules: specific ways of saying it, written for Foothold in the pattern language
//! of `style/pattern.rs`. The broad, word-class fallback that catches what these miss is in
//! `broad.rs`; both share the [`Rule`] type and the guards in `mod.rs`.

use crate::pattern::Lists;

/// One rule: a pattern and the guards that decide whether a match counts.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rule {
    pub pattern: &'static str,
    pub negatable: bool,
    /// Not a match when one of these words is in the sentence…
    pub blocked_by: &'static [&'static str],
    /// …or one of these follows within two words…
    pub unless_next: &'static [&'static str],
    /// …unless one of these is in the sentence ("relapsed on sh after two years clean").
    pub unblocked_by: &'static [&'static str],
    /// A match only when one of these words is in the sentence.
    pub requires: &'static [&'static str],
    /// A broad cue ("dead", "pills", "goodbye") that counts only in the writer's own voice and
    /// outside idioms, jokes and talk about a topic (see `broad.rs`).
    pub voice: bool,
    /// `blocked_by` and `requires` look at the whole text, not only the match's sentence
    /// ("I don't want to wake up tomorrow... it's my 6am physio slot").
    pub whole_text: bool,
}

pub(super) const fn n(pattern: &'static str) -> Rule {
    Rule {
        pattern,
        negatable: true,
        blocked_by: &[],
        unblocked_by: &[],
        unless_next: &[],
        requires: &[],
        voice: false,
        whole_text: false,
    }
}

/// A rule that carries its own negation ("I don't want to live"), so "not" does not cancel it.
pub(super) const fn f(pattern: &'static str) -> Rule {
    Rule { negatable: false, ..n(pattern) }
}

/// A broad cue, counted only in the writer's own voice.
pub(super) const fn v(pattern: &'static str) -> Rule {
    n(pattern).voice()
}

impl Rule {
    pub(super) const fn blocked(self, words: &'static [&'static str]) -> Rule {
        Rule { blocked_by: words, ..self }
    }
    pub(super) const fn unblocked(self, words: &'static [&'static str]) -> Rule {
        Rule { unblocked_by: words, ..self }
    }
    pub(super) const fn unless_next(self, words: &'static [&'static str]) -> Rule {
        Rule { unless_next: words, ..self }
    }
    pub(super) const fn requires(self, words: &'static [&'static str]) -> Rule {
        Rule { requires: words, ..self }
    }
    pub(super) const fn voice(self) -> Rule {
        Rule { voice: true, ..self }
    }
    pub(super) const fn in_text(self) -> Rule {
        Rule { whole_text: true, ..self }
    }
}

/// Talk about suicide as a topic: a course, the news, a book, someone else's death.
#[rustfmt::skip]
pub(super) const TOPIC: &[&str] = &[
    "prevention", "awareness", "course", "training", "documentary", "film", "movie", "book", "novel",
    "character", "news", "article", "podcast", "debate", "statistics", "rates", "charity", "memorial", "died",
    "footballer", "celebrity", "programme", "series", "research", "study", "campaign", "'s", "screening",
    "questionnaire",
];
/// An accident, not self-harm.
#[rustfmt::skip]
pub(super) const ACCIDENT: &[&str] = &[
    "accident", "accidentally", "shaving", "chopping", "cooking", "slicing", "tripping", "tripped", "falling",
    "fell", "lifting", "opening", "gardening", "kettle", "oven", "iron", "tin", "laughing", "nearly",
    "almost", "slipped", "diy", "onions", "paper", "moving", "carrying", "cupboard", "door", "shelf",
    "pulled", "hoovering", "vacuuming", "cleaning", "housework", "exercising", "stretching", "yoga",
    "pilates", "twisted", "sprained", "strained", "gym", "workout",
];
/// Being away, not being gone.
#[rustfmt::skip]
pub(super) const AWAY: &[&str] = &[
    "holiday", "holidays", "trip", "away", "staying", "visiting", "abroad", "travelling", "retiring",
    "retire", "moving", "busy", "conference", "weekend", "hospital", "mum's", "work", "course", "break",
    "appointment", "operation", "surgery", "offline", "camping", "off", "mum", "sister", "week's",
    "fortnight", "scan", "clinic", "dentist", "physio", "gp", "mri", "tests", "check",
    // A doctor's warning ("my cardiologist says I won't be around long if I don't…").
    "cardiologist", "doctor", "doctors", "consultant", "specialist", "says", "warned", "warns", "unless",
];
#[rustfmt::skip]
pub(super) const MEDS_ROUTINE: &[&str] = &[
    "morning", "evening", "usual", "prescribed", "breakfast", "lunch", "dinner", "organiser", "knocked",
    "night", "bedtime", "dose", "doses", "food", "meal", "meals", "water", "regularly", "properly",
    "remember", "reminder", "routine", "daily",
];
pub(super) const PILLS: &[&str] =
    &["pills", "tablets", "painkillers", "meds", "medication", "paracetamol", "box", "bottle"];
/// Self-harm as recovery, a topic or a content warning, not the writer's own current harm.
#[rustfmt::skip]
pub(super) const SELF_HARM_FREE: &[&str] = &[
    "free", "clean", "since", "stopped", "proud", "anniversary", "warning", "warnings", "trigger", "tw",
    "cw", "film", "documentary", "programme", "episode", "awareness", "training", "leaflet", "screening",
];
pub(super) const RELAPSE: &[&str] =
    &["relapsed", "relapse", "again", "back", "started", "urge", "urges", "tonight", "want"];

/// "…rather die than go to another meeting": a chore, not death.
#[rustfmt::skip]
pub(super) const EVERYDAY_CHORES: &[&str] = &[
    "go", "going", "wear", "eat", "ask", "watch", "sit", "attend", "listen", "admit", "sing", "dance",
    "queue", "use", "phone", "ring", "call", "miss", "lose",
];
/// Everyday people and places a "last message" goes to.
#[rustfmt::skip]
pub(super) const RECIPIENTS: &[&str] = &[
    "consultant", "gp", "doctor", "landlord", "council", "surgery", "boss", "manager", "dentist", "physio",
    "company", "bank", "unanswered", "replied", "reply", "ignored", "pharmacy", "clinic", "hr", "insurer",
];
/// The pain or a symptom as the thing that should go.
#[rustfmt::skip]
pub(super) const PAIN_WORDS: &[&str] = &[
    "pain", "pains", "aching", "ache", "aches", "flare", "migraine", "headache", "itch", "itching", "burning",
    "fog", "fatigue", "symptoms", "nausea", "sciatica", "cramps", "stiffness", "swelling",
];
/// Not wanting to wake up for an early start, not for ever.
#[rustfmt::skip]
pub(super) const WAKE_EVERYDAY: &[&str] = &[
    "slot", "alarm", "appointment", "physio", "shift", "meeting", "exam", "interview", "commute", "flight",
    "train", "school", "rota", "procedure", "operation", "op", "surgery", "anaesthetic", "sedation",
    "colonoscopy", "endoscopy", "scan", "mri", "biopsy", "sedated",
];
/// "…want it all to stop for a bit": a pause, not an end.
#[rustfmt::skip]
/// "I want it all to stop — the burning, the tingling": "it all" is the symptoms, named.
const SYMPTOMS: &[&str] = &[
    "burning", "tingling", "throbbing", "stabbing", "itching", "spasms", "cramps", "nausea", "sleepless",
];
pub(super) const PAUSE: &[&str] = &[
    "hurting",
    "aching",
    "for",
    "so",
    "while",
    "until",
    "till",
    "briefly",
    "temporarily",
    "just",
    "long",
    "spinning",
    "at",
];

pub(super) const LISTS: Lists = &[
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
    ("pills", "pills|tablets|tabs|painkillers|meds|medication|paracetamol|codeine"),
    // Far more than any dose: an overdose told as done ("I took thirty tablets"). Digits are
    // respelt as letters (`spelling.rs`), so only amounts in words are listed.
    (
        "overdose_amount",
        "ten|twelve|fifteen|twenty|thirty|forty|fifty|hundred|a hundred|loads of|a load of|a lot of|\
         too many|way too many|a handful of|handfuls of|a whole box of|a whole packet of|two boxes of",
    ),
];

#[rustfmt::skip]
pub(super) const RULES: &[Rule] = &[
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
    f("{wish} ~3 (not|never) wake (up)?").blocked(WAKE_EVERYDAY).in_text(),
    f("not want to wake up").blocked(WAKE_EVERYDAY).in_text(),
    n("(sleep|asleep) (forever|for ever)")
        .blocked(&["could", "lol", "haha", "lmao", "weekend", "lie", "holiday"])
        .unblocked(&["want", "wish", "wanna", "hope", "pray", "ready"]),
    f("(do|did) not want to (live|be alive|be here|exist|go on|carry on|keep going|keep living)"),
    f("never want to (live|be alive|exist|wake up)"),
    n("hate being alive"),
    f("(can|could) not (go on|keep|carry on) living"),
    f("not worth (living|it any more|it anymore)"),
    f("life is not worth it"),
    n("(done|finished|had enough|sick|tired) (with|of) (living|life|being alive|existing)")
        .unless_next(&["with", "like", "in", "on", "alone", "here", "through"]),
    f("(no|not any|nothing) (reason|point) (for me)? (to|in) (living|live|keep going|go on|carry on|be here|\
        stay|keep living|exist)"),
    n("nothing (left)? to live for"),
    f("point (in|of) (being alive|living|going on|existing|carrying on|me being here)"),
    n("(stop|stopped|stopping) existing"),
    f("not (to)? exist (anymore|any more)?"),
    f("(wish|wishing) i (did not|had never|never) (exist*|been born)"),
    n("never been born"),
    // "…want the aching to go away for good" wants the pain gone; the broad layer still reads
    // "I want to go away for good" in the writer's own voice.
    n("(disappear*|vanish*|go away|gone) (for good|forever|for ever|permanently)").blocked(PAIN_WORDS),
    n("(i|me|myself) ~4 fade away"),
    f("and (not|never) be (found|seen again|heard from again)"),
    n("(it all|everything|all of it) to (stop|end|be over)").unless_next(PAUSE).blocked(SYMPTOMS),
    n("(want|wish|need) (it all|everything|all of it) to (stop|end|be over)").unless_next(PAUSE).blocked(SYMPTOMS),
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
    f("not (going to)? be a (problem|burden|bother|nuisance) ~4 (after|much longer|any more|anymore|\
       soon|for long)"),
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
    n("my last (post|message|words)").blocked(RECIPIENTS).unless_next(&[
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
    n("(took|have taken|had taken|swallowed|downed|necked) {overdose_amount} (of)? (my|the)? {pills}")
        .blocked(MEDS_ROUTINE),
    n("(saving|saved|stockpil*|hoard*|collecting) (up)? (my|the)? {pills}"),
    n("{pills} (saved|stockpiled|hoarded|stashed)"),
    n("(cut|cutting|slit|slitting|slash|slashing) my (arm|arms|wrist|wrists|thigh|thighs|legs|leg|skin|\
        stomach)")
        .blocked(ACCIDENT),
    n("i (overdosed|have overdosed|took an overdose|have taken an overdose)").blocked(ACCIDENT),
    n("(taken|took|swallowed|had) (too many|loads of|a load of|lots of|way too many) \
        {pills}").blocked(ACCIDENT),
    n("(got|have|bought|buy|buying|found) (a|the) (rope|noose)").unless_next(&["light", "lights", "swing",
        "ladder", "for"]),
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
    n("i am (standing|sitting)? (on|at) the (bridge|edge|cliff|tracks|roof|ledge)").unless_next(&[
        "club", "team", "committee", "course", "class", "game", "night", "tournament", "of", "party", "drive",
    ]),
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
    f("if i (just)? (did not|do not|never) wake up").unless_next(&["till", "until", "before", "early", "in"]),
    n("(stop|stopped|stopping) living"),
    f("not deserve to (live|be alive|be here|exist)"),
    n("{wish} (to)? (just)? be gone").unless_next(&["by", "before", "for"]),
    n("rather (die|be dead) than").unless_next(EVERYDAY_CHORES),
    n("rather (die|be dead) than (go|going) (on|through|back)"),
    f("{wish} ~3 not (survive|make it)"),
    f("not sure (if|whether)? i (want to|wanna) (live|be alive|be here|go on|exist)"),
    f("not ~4 (be|stay|keep myself) safe"),
    f("(in case|when|for when) i am (not|no longer) (here|around)"),
    n("death (is|would be|seems) (the only|a|my) (way out|answer|relief|release|escape)"),
];
