//! The broad fallback: word classes rather than phrases, so that new ways of saying it are
//! caught too. A sentence that mentions death or dying, suicide, hurting or ending oneself,
//! means (pills, rope, a bridge, a blade), goodbyes and last words, or not being here counts
//! when it is in the writer's own voice — "I", "me", "my", or no subject at all ("Suicidal
//! again") — unless a narrow exclusion applies (`voice.rs`):
//!
//! - a pain or everyday idiom ("dead tired", "dying for a coffee", "the death of me");
//! - someone or something else is the subject ("my grandad died", "the battery's dead");
//! - a joke (a laughing emoji, "lol") around a death word, but never around "suicidal";
//! - talk about a topic (a course, the news, a book, grief) with no wish of the writer's own.
//!
//! When unsure, the sentence is flagged: a false alarm shows a gentle panel of resources; a
//! miss costs far more.

use super::rules::{f, n, v, Rule, AWAY, RELAPSE, SELF_HARM_FREE, WAKE_EVERYDAY};
use crate::pattern::Lists;

pub(super) const LISTS: Lists = &[
    ("death", "die|dies|died|dying|dead|death|deaths"),
    (
        "wish",
        "want|wants|wanted|wanting|wish|wishes|wished|wishing|hope|hoping|hoped|pray|praying|prayed|ready|\
       deserve|longing|would like|rather|tempted|need|needs|welcome|welcomed|would not mind",
    ),
    (
        "harm",
        "kill|killing|kills|killed|hurt|hurting|hurts|harm|harming|harmed|cut|cutting|cuts|burn|burning|\
           burnt|burned|hang|hanging|hanged|drown|drowning|shoot|shooting|poison|poisoning|starve|starving|\
           punish|punishing|off|offing|top|topping|end|ending|finish|finishing|unalive|unaliving|suffocate|\
           strangle|slit|bleed|scratch|scratching|carve|carving|punch|punching",
    ),
    ("body", "arm|arms|wrist|wrists|thigh|thighs|leg|legs|skin|stomach|body|hip|hips|chest|face"),
    (
        "pills",
        "pills|tablets|tabs|painkillers|meds|medication|medications|paracetamol|codeine|co codamol|tramadol|\
           morphine|oxycodone|insulin|antidepressants|amitriptyline|pregabalin|gabapentin|diazepam|opioids|\
           opiates|fentanyl|sleeping pills",
    ),
    (
        "place",
        "bridge|cliff|cliffs|ledge|roof|rooftop|building|train|trains|bus|lorry|truck|traffic|sea|river|\
       tracks|railway|motorway|balcony|window|car park|edge|canal|lake|platform|tower|quarry|flyover|train \
       line|railway line|rail line|level crossing|viaduct|pier",
    ),
    ("gone", "gone|dead|died|disappeared|vanished|no longer here|not here|not around|not alive"),
];

/// Pills are means only with one of these: "saving my tablets", "the whole box", "how many".
#[rustfmt::skip]
const MEANS: &[&str] = &[
    "all", "whole", "entire", "every", "stockpile", "stockpiling", "stockpiled", "saving", "saved", "save",
    "hoard", "hoarding", "hoarded", "stash", "stashed", "collecting", "enough", "extra", "loads", "lots",
    "handful", "swallow", "swallowed", "swallowing", "overdose", "od", "count", "counting", "counted",
    "lined", "staring", "stare", "looked", "looking", "gazing", "ready", "many", "lethal", "fatal", "die",
    "end", "kill", "them", "secretly",
    "dozens",
    "twenty", "thirty", "forty", "fifty", "hundred",
];
#[rustfmt::skip]
const ROUTINE: &[&str] = &[
    "liquid", "swallowing", "crush", "crushed", "gag", "gagging", "mg", "mcg", "ml", "milligrams", "micrograms",
    "morning", "evening", "usual", "prescribed", "breakfast", "lunch", "dinner", "organiser", "knocked",
    "bedtime", "dose", "doses", "pharmacy", "pharmacist", "chemist", "prescription", "exceed", "gp", "doctor",
    "safe", "side", "effects", "review", "reduce", "reducing", "taper", "tapering", "unused", "returned",
    "leaflet", "warned", "warning", "symptoms", "label", "damage", "liver", "accidentally", "day", "daily",
    "week", "weekly", "food", "meal", "meals", "water", "regularly", "properly", "remember", "reminder",
    "routine", "refill", "order", "ordering", "reorder", "repeat", "running", "collect", "collected",
    "horse", "elephant", "return", "returning", "disposal", "dispose", "expired", "locked",
];
/// Warnings and advice about an overdose, not one.
#[rustfmt::skip]
const MED_WARN: &[&str] = &[
    "warned", "warning", "warns", "warn", "leaflet", "symptoms", "signs", "risk", "accidental",
    "accidentally",
    "avoid", "careful", "exceed", "label", "pharmacist", "naloxone", "double", "limit", "maximum", "max",
];
/// Accidents and everyday injuries, not self-harm.
#[rustfmt::skip]
const ACCIDENT: &[&str] = &[
    "bottle", "dressed", "dressing", "neuropathy",
    "accident", "accidentally", "shaving", "chopping", "cooking", "slicing", "tripping", "tripped", "falling",
    "fell", "lifting", "opening", "gardening", "kettle", "oven", "iron", "tin", "laughing", "laugh", "nearly",
    "almost", "slipped", "diy", "onions", "paper", "moving", "carrying", "cupboard", "door", "shelf", "nail",
    "knife", "bread", "pruning", "roses", "hob", "pan", "tray", "sun", "sunburn", "workout", "gym", "squats",
    "pulled", "hoovering", "vacuuming", "cleaning", "housework", "exercising", "stretching", "yoga",
    "pilates", "twisted", "sprained", "strained", "eczema", "itch", "itchy", "itching", "rash", "psoriasis",
    "hives", "bites",
];
const INTENT: &[&str] = &["purpose", "deliberately", "intentionally", "again", "urge", "urges", "relapsed"];
const WAKE_WISH: &[&str] = &[
    "want", "wish", "hope", "pray", "rather", "if", "easier", "better", "prefer", "sleep", "asleep", "glad",
];
#[rustfmt::skip]
const LEISURE: &[&str] = &[
    "holiday", "swim", "swimming", "paddle", "paddling", "lovely", "fun", "dip", "beach", "photo", "photos",
    "ducks", "swans", "view", "views", "wetsuit", "kids", "grandkids", "bungee", "parachute", "skydive",
    "queue", "ticket", "tickets", "late", "missed", "catch", "caught", "waiting", "commute", "stop",
    "dream", "dreamt", "dreamed", "nightmare", "nightmares",
];
#[rustfmt::skip]
const GOODBYE_EVERYDAY: &[&str] = &[
    "office", "retirement", "cake", "colleagues",
    "off", "holiday", "trip", "later", "tomorrow", "soon", "see", "night", "weekend", "sleep", "bed", "now",
    "today", "week", "weeks", "fortnight", "work", "school", "hospice", "our", "we", "us", "old", "house",
    "job", "car", "sofa", "summer", "winter", "spring", "autumn", "logging", "while", "break", "goodnight",
    "card", "colleague", "colleagues", "leaving", "party", "retirement", "present", "gift", "cake", "drinks",
    "dozens", "year", "month",
];
/// A goodbye that is more than it says ("…without telling her it was goodbye").
#[rustfmt::skip]
const FINAL: &[&str] = &[
    "forever", "ever", "good", "world", "letter", "letters", "note", "notes", "without", "realise",
    "realised",
    "realising", "knowing", "meant", "really", "properly", "final", "last",
];
#[rustfmt::skip]
const NEED_EVERYDAY: &[&str] = &[
    "ticket", "membership", "season", "subscription",
    "healed", "better", "fixed", "new", "recovered", "cured", "bought", "got", "replaced", "replacement",
    "crutches", "stick", "wheelchair", "splint", "brace", "cast", "sling", "coat", "umbrella", "holiday",
    "trip", "away", "hospital", "surgery", "operation",
];
#[rustfmt::skip]
const GIVE_EVERYDAY: &[&str] = &[
    "charity", "old", "outgrown", "declutter", "decluttering", "moving", "lighter", "new", "baby", "spare",
    "selling", "sold", "boot", "ebay", "bag", "shop", "holiday", "sitter", "minding", "neighbour",
    "hospital", "kennels", "cattery", "vet",
];
const SURGERY: &[&str] =
    &["surgery", "operation", "op", "replacement", "stitches", "graft", "biopsy", "keyhole"];

#[rustfmt::skip]
pub(super) const RULES: &[Rule] = &[
    // Death and dying, suicide however spelt, and slang.
    v("{death}"),
    v("(suicide|suicidal|suicidality|kms|ctb|unaliv*)"),
    n("sewer slide"),
    f("(gone|go|leave|slip away|disappear*|vanish*|fade away|fade* away|cease to exist) (for good|forever|\
       for ever|permanently|and never come back|and not come back|and not be found|from this world|from the \
       world|without a trace)")
        .voice(),
    n("((self|sh) (harm|harming|harmed|harms|injury|injuring|injure)|selfharm*|sh)")
        .blocked(SELF_HARM_FREE)
        .unless_next(&["t"])
        .unblocked(RELAPSE),
    n("(waste|wasting|starve|starving) (away|myself)"),
    // Killing, hurting or ending oneself, and wishing to be killed.
    n("{harm} (myself|me off|myself off)").blocked(ACCIDENT).unblocked(INTENT),
    n("{wish} ~4 (kill|kills|killed|hit|hits|end|ends|finish|finishes) me").unless_next(&["off"]),
    n("{wish} ~4 (run|knock|knocks) me (over|down)"),
    n("(end|ending|ended|take|taking|took) (my|my own) life"),
    n("(end|ending|ended|finish|finishing) (it all|everything|myself|it|things)").unless_next(&[
        "with", "up", "off", "between", "early", "at", "the", "on", "a", "for", "there", "here", "and", "in",
        "of", "to", "so", "when", "after", "is", "was",
    ]),
    n("make (it|this|everything|it all) (all)? (stop|end) (for good|forever|for ever|permanently|once and \
       for all)"),
    n("(how|where|when|the way|the place|the day) i (would|will|could|might|am going to|plan to|want to) do \
       it"),
    n("(actually|really|finally) (do|doing) it (this time|tonight|now)?"),
    n("do it this time"),
    n("plan and (the)? means"),
    f("(do not|never) (try to)? stop me").unless_next(&["from", "going", "doing", "now", "if", "when"]),
    v("my (own)? funeral").blocked(&["plan", "insurance", "policy", "paid", "pay", "paying", "cover",
        "sorted"]),
    n("(whoever|who ever|the person who|when someone|when they) (finds|find|found) me"),
    n("why i (did it|did this|had to do it|had to go)"),
    n("(made|making|make) (my)? peace").unless_next(&["with"]),
    n("(only|the|a|my) (way out|escape|answer|solution|option|relief) ~4 {death}"),
    n("(only|still) (still)? (here|alive|around) because"),
    // Not waking up, not being here, not existing.
    f("(not|never) ~2 (wake|waking|woke) up")
        .requires(WAKE_WISH)
        .blocked(WAKE_EVERYDAY)
        .unless_next(&["until", "till", "early", "in", "at", "before", "when", "for", "on", "properly"])
        .in_text(),
    f("(not|never|no longer) ~2 (be|being) (here|around|alive|in this world|on this earth)")
        .blocked(AWAY)
        .unless_next(&["for", "at", "on", "in", "until", "till", "much", "this", "to", "during", "over",
            "when"]),
    f("(when|after|once|if) i (just)? (am|was|were|have|had)? {gone}").blocked(AWAY),
    n("(stop|stopped|stopping|cease|ceased) (existing|to exist|being alive|breathing|living)")
        .blocked(&["apnoea", "apnea", "cpap", "asthma", "study", "smoking", "drinking"])
        .unless_next(&["in", "my", "for", "at", "with", "like", "exercises", "exercise", "techniques",
            "properly"]),
    // Better off without me; nobody would miss me.
    f("(better|easier|happier|kinder|lighter|simpler|relief|relieved|free) ~5 (without me|without (a|an) _ \
       like me|with me gone|with me dead|if i (just)? (was|were|am|had) (not|never) (here|around|alive|born|\
       been born)|if i (just)? (was|were|am) (gone|dead)|if i (just)? (died|disappeared|vanished|stopped \
       existing)|(when|once|after) i am gone)")
        .unless_next(&["as", "in", "on", "at", "for", "doing", "there", "today"]),
    f("(nobody|no one|noone|anyone|who) ~3 (miss|notice|care|mourn|cry) ~4 (if|when|once) i (am|was|were)? \
       ({gone}|die|disappear|killed myself|ended it)"),
    // Life not worth living, no reason to live, done with life.
    n("(nothing|no one|nobody|no reason|nothing left|no point|no purpose) ~3 (to|worth) (live|living|keep \
       going|go on|carry on|be here|stay alive) (for)?")
        .unless_next(&["to", "with", "at", "in", "like"]),
    f("not ~2 worth (living|being alive|staying alive|living for)"),
    n("(give|giving|gave|given) up on (life|living)"),
    n("{wish} out (of)? (this|my)? life"),
    f("(sleep|asleep) and (not|never) ~5 ever again"),
    n("(fantasi*|romanticis*|daydream*) ~4 (crash*|accident|off the road|hit by|run over|not waking|not \
       being here|disappear*|my funeral|jump*|hang*)"),
    v("(think*|thought|obsess*|fantasi*|dream*) (about|of) (the)? (tracks|railway|bridge|cliff|cliffs|ledge|\
       rope|noose)"),
    v("(take|taking|took|swallow*|down|downing) (everything|all of it|the lot|the whole lot) (in|from) (the|\
       my)? (medicine|bathroom|drug|meds)? (cabinet|cupboard|drawer|box|packet|tin)"),
    v("(as if|like) (it|this) (was|were|is) (the|my) last time"),
    n("why (am i|i am|do i|i) (even|really|actually)? (still)? (alive|breathing|still here|here|exist|bother \
       living|still around)")
        .unless_next(&["at", "in", "on", "with", "and", "doing", "sitting", "waiting", "reading", "awake"]),
    n("(checking|check|checked) out (soon|tonight|early|for good|of life|permanently|of this life)"),
    n("(want|wanted|ready|long|longing|wish) to be with (my)? (late|dead|deceased)"),
    n("(danger|risk|threat) to myself"),
    n("without me in (it|this world|the world|their lives|your lives)"),
    n("(better|easier) off (gone|not here|not existing|not around)"),
    n("{wish} ~2 (that is|this is|it is) (it|the end)").unless_next(&["for", "with", "of"]),
    f("(letters|letter|notes|note|messages|videos|cards) ~4 for (after|afterwards|when i am gone|when i am \
       not here|when i am no longer here)")
        .unless_next(&["the", "my", "work", "lunch", "dinner", "school", "that", "christmas", "tea"]),
    n("(letters|letter|notes|note) (to|for) (the kids|the children|my son|my daughter|my husband|my wife|my \
       partner|my parents|my mum|my dad) (for|to read)? (after|afterwards|when|once)"),
    n("(letters|letter|notes|note) (to|for) (everyone|all|each of|my family|my kids|my children|the people i \
       love|those i love|my loved ones)"),
    n("(my|the) plan is (set|ready|in place|made|final|decided)").blocked(&[
        "pacing", "activity", "care", "treatment", "meal", "diet", "exercise", "physio", "holiday", "trip",
        "birthday", "party", "wedding", "work", "pain", "management", "flare",
    ]),
    n("(put|putting|got|getting|sorted|sorting|have) (my)? (affairs|everything|things) in order"),
    n("(point|use|reason) (in|of|to) (being alive|living|staying alive|going on|existing|me being here|\
       carrying on)")
        .unless_next(&["about", "with", "in", "at"]),
    f("not ~3 (see|have|find|got) (a|any) (reason|point|purpose) ~2 (to|in|for) (live|living|be alive|being \
       alive|go on|going on|be here|being here|exist|existing)"),
    n("(done|finished|through|had enough|enough) (with|of) (life|living|being alive|existing|my life|this \
       life|breathing)"),
    n("(tired|sick|weary|fed up|exhausted) (of|with) (being alive|living|existing|life itself|breathing)")
        .unless_next(&["with", "like", "in", "on", "alone", "here", "through"]),
    f("(do not|did not|does not|would not|never|no longer) ~2 (want|wish|like) to (live|be alive|exist|be \
       here|be around|wake up|go on|carry on|keep going|keep living|stay alive|survive|see tomorrow|see \
       another day|face tomorrow)")
        .unless_next(&["with", "in", "at", "to", "on", "for", "without", "through", "any", "the", "this"]),
    n("(hate|hating|hated) (being alive|living|existing|my existence|that i exist|waking up|to wake up)")
        .unless_next(&[
            "with", "in", "like", "on", "alone", "here", "near", "so", "early", "stiff", "sore", "achy",
            "every",
            "at", "to", "tired", "feeling", "because", "and", "exhausted", "before", "after",
        ]),
    f("can not (go on|carry on|keep going|keep living|live|survive)").unless_next(&[
        "like", "with", "without", "at", "in", "for", "walking", "working", "doing", "much", "long", "this",
        "the", "a", "my", "to", "on", "if", "when", "until", "till", "being", "pretending", "holiday",
    ]),
    // Means.
    v("{pills}").requires(MEANS).blocked(ROUTINE).unblocked(&["stockpiling", "stockpiled", "hoarding",
        "saving"]),
    f("(not|never) ~3 (worry|bother|problem|burden|trouble|need) ~4 (after|past|beyond) (tonight|today)"),
    v("(overdose|overdosing|overdosed|od|oding)").blocked(MED_WARN),
    v("(rope|noose|ligature|ligatures)")
        .blocked(&[
            "skipping", "climbing", "washing", "tow", "boat", "swing", "gym", "knots", "learn",
            "learning", "bridge",
            "ladder", "course",
        ]),
    v("(looking|look|staring|stare|stared|looked) at (the|my)? (knife|knives|blade|blades|razor|razors|rope|\
       noose)"),
    v("(jump*|leap*|throw* myself|step* off|step* out|walk* into|walk* in front of|driv* off|driv* into|\
       crash* into|lie down on|fall* off) ~4 {place}")
        .blocked(LEISURE),
    v("(edge|top) of (a|the)? {place}")
        .requires(&[
            "jump", "jumping", "fall", "step", "stepping", "lean", "leaning", "over", "end", "want", "stood",
            "standing", "stand", "sat", "sitting",
        ])
        .blocked(LEISURE),
    v("(knife|knives|blade|blades|razor|razors|scissors|glass) ~4 (arm|arms|wrist|wrists|skin|thigh|thighs|\
       myself|legs|leg|stomach)")
        .blocked(ACCIDENT)
        .unblocked(INTENT),
    v("(hid|hide|hiding|hidden|stash*|bought|buy|buying|keeping|saved|saving|stockpil*|hoard*) ~3 (blade|\
       blades|razor|razors|rope|noose|ligature)")
        .blocked(ACCIDENT)
        // "a rope swing", "a rope light": the rope names something else.
        .unless_next(&["swing", "swings", "light", "lights", "ladder", "bridge", "course", "toy"]),
    v("how (many|much) ~3 (it would take|it takes|would kill|to kill|to die|would be enough|is enough|are \
       enough|to be fatal|is fatal|is lethal|would be fatal)"),
    // Self-harm.
    n("(cut|cutting|burn|burning|burnt|burned|scratch*|carv*|slash*|slit*) ~1 my {body}")
        .blocked(ACCIDENT)
        .unless_next(&["on", "while", "when", "whilst", "during", "at", "in", "opening", "with", "shaving"])
        .unblocked(INTENT),
    n("(urge|urges|need|needed|needing|itch|itching|craving|crave|want|wanting|wanted|tempted) to (cut|burn|\
       bleed|scratch|hurt|harm|punish|starve)")
        .unless_next(&[
            "down", "back", "up", "out", "off", "the", "a", "my", "it", "hair", "costs", "corners", "through",
            "in", "your", "our", "his", "her", "their", "calories", "fat", "ties",
        ])
        .unblocked(&["myself", "again", "arms", "wrists", "legs", "skin", "thighs"]),
    n("(fresh|new|deep|open) (cuts|wounds|scars|burns) ~3 (on|across|up) my").blocked(SURGERY),
    n("relaps* ~4 (cutting|cut|sh|self|harming|burning|pills|overdose)").blocked(SELF_HARM_FREE),
    // Goodbyes, last words, things put in order.
    v("(goodbye|goodbyes|farewell|\
       farewells)").blocked(GOODBYE_EVERYDAY).unless_next(&["to"]).unblocked(FINAL),
    v("(last|final) (post|message|words|note|letter|entry|goodbye|goodbyes|breath|time you will|time anyone \
       will|night on earth|day on earth|days on earth)")
        .blocked(GOODBYE_EVERYDAY)
        .unless_next(&[
            "for", "of", "before", "on", "in", "till", "until", "about", "here", "from", "to", "at",
            "was", "is",
            "had", "did", "were", "went", "that", "which",
        ]),
    f("(do not|never) (look for|try to find|come looking for|try to save) me"),
    n("(sorry|forgive me) ~3 (what i am about to do|what i am going to do|leaving you|leaving like this|\
       doing this to you|the pain i will cause)"),
    f("(will|would) not (need|be needing|be using) (it|them|this|these|that|those|my|any|anything|a|the|\
       stuff|things)")
        .blocked(NEED_EVERYDAY)
        .unless_next(&["today", "tomorrow", "for", "until", "till", "this", "on", "at", "in", "because",
            "if", "now",
            "yet", "with", "when", "again", "until"]),
    n("(giv*|gave|hand* out|handing out) (away)? ~2 (all)? (of)? my (things|stuff|belongings|possessions|\
       jewellery|records|books|guitar|savings|money|pets|cat|dog|cats|dogs|clothes|collection)")
        .blocked(GIVE_EVERYDAY),
    v("(leave|leaving|left) (my|all my)? (things|stuff|belongings|possessions|money|savings|everything) to")
        .requires(&["who", "whom", "will", "would", "gone", "die", "dead", "when"]),
    f("not ~3 (make it|be here|be around|see|last|survive) (through|to|until|till|past)? (the night|tonight|\
       christmas|my birthday|new year|the new year|spring|summer|autumn|winter|easter|\
       the end of the year|next week|next month|next year|the weekend|the week|much \
       longer|long|another day|another week|another year|the morning|morning|tomorrow)")
        .blocked(AWAY)
        .voice(),
    // Acute danger and thoughts.
    f("not ~2 (safe|trust myself) ~3 (with myself|around myself|alone|tonight|right now|on my own|at the \
       moment)"),
    n("(scared|afraid|frightened|worried|terrified|panicking|panicked) ~5 (i will|i might|i would|i am going \
       to|i could|of what i|what i) ~3 (do something|do to myself|act on|go through with|might do|will do|\
       could do|would do)"),
    v("(might|will|would|could|going to|about to|tempted to) ~2 do something (stupid|silly|drastic|permanent|\
       final)"),
    n("(thoughts|thinking|think|thought|obsess*|fantasi*|dream*|imagin*|picture|picturing|romanticis*) ~3 \
       (about|of) ~2 (my funeral|my own funeral|not waking|jumping|hanging|overdos*|not existing|not being \
       here|being gone|disappearing for good)"),
    n("(dark|suicidal|morbid|death|self harm|sh) (thoughts|urges|ideation)"),
    n("(voices|voice|thoughts|brain|head|mind) ~4 (telling|tell|tells|told|saying|says) me to (die|kill|end|\
       hurt|jump|cut|do it|disappear|stop living)"),
    v("(rang|called|ring|call|calling|phoned|texted|text|texting|contacted|talking to|talked to|spoke to|\
       speaking to|messaged) (the)? (crisis|samaritans|suicide)"),
    // Plans and intent.
    n("(plan|plans|planned|planning|decided|decide|worked out|work out|working out|figured out|researching|\
       researched|looked up|googled|googling|searching|looking up) ~4 (how|when|where|a way|ways|the best \
       way|method|methods|a date|the date|a day|the day) ~4 (do it|end it|end things|die|painless|painlessly|\
       lethal|fatal|kill myself)"),
    n("(courage|guts|nerve|brave enough|strong enough|strength) to (do it|go through with it|end it|end \
       things|finish it|act on it|take them all|take them)"),
    n("(going to|about to|ready to|will|want to) (do it|go through with it|end it) (tonight|this time|\
       finally|at last|soon|once and for all|for real|now)"),
    n("go through with it").blocked(&["surgery", "operation", "wedding", "move", "interview", "procedure"]),
    // Reasons to stay; wanting everything to stop.
    n("(only|one) (thing|reason|things|reasons|person) ~3 (keeping|keeps|kept|stopping|stops|stopped|\
       holding) me (here|alive|back|from)"),
    n("(kept|keeps|keeping|stop|stops|stopped) me (from)? (doing it|ending it|ending things|killing myself|\
       going through with it|acting on it)"),
    n("{wish} ~2 (it all|everything|all of it|the world|my life|myself|me|life) ~2 (to)? (stop|end|be over|\
       go away|disappear|cease)")
        .unless_next(&["hurting", "aching", "for", "until", "till", "while", "at", "so", "spinning"])
        .unblocked(&["good", "forever", "permanently"]),
    // Indirect wishes to be taken, removed or let go.
    n("{wish} ~3 (something|someone|somebody|anything|whatever|god|death|it|the universe|a car|a bus|a lorry|\
       an accident|the cancer|this illness|this disease|my heart|a heart attack|a stroke) (that|which)? \
       (will|would|could|to|might)? (just)? (take|takes|took|come for|comes for) me")
        .unless_next(&["to", "for", "out", "back", "through", "round", "around", "on", "with", "shopping",
            "seriously", "up", "along", "there"]),
    n("(take|taking|took|remove|removing|removed|get|getting|got) myself (out of|off) (the picture|the \
       equation|the way|everyone's way|their way|your way|this world|the world|existence|the planet|the \
       earth)"),
    n("(think*|thought|want*|ready|tempted|urge|longing) ~3 (let go|letting go)").unless_next(&["of", "off",
        "and", "a", "the"]),
    n("{wish} out").unless_next(&[
        "of", "the", "to", "from", "with", "for", "at", "on", "in", "and", "or", "but", "so", "early", "asap",
        "quick", "quickly", "today", "tomorrow", "now", "there", "here", "more",
    ])
        .blocked(&["job", "contract", "meeting", "relationship", "marriage", "house", "flat", "deal", "group",
            "lease", "pub", "party", "office", "queue", "shop", "hospital", "ward", "bed", "car"]),
    // Not wanting to stay; a reason to stay that is missing.
    f("not ~3 (see|know|understand) why i (should|would|need to|have to)? (stick around|hang around|hang on|\
       stay|be here|stay alive|keep going|carry on|go on|keep living|bother living|exist|live|still be here)")
        .unless_next(&["in", "at", "for", "with", "till", "until", "on", "late", "up", "home"]),
    f("(not|never|no) ~3 (reason|point|purpose|need) ~2 (to|for|in) (me)? (stay alive|staying alive|stick \
       around|sticking around|keep living|keep going|carry on|carrying on|wake up|waking up|be around|being \
       around)")
        .unless_next(&["at", "in", "for", "with", "till", "until", "on", "late", "up"]),
    f("(not|no longer) ~2 (want|wish|plan|going|intend) to (stick|hang) around")
        .unless_next(&[
            "for", "at", "to", "after", "till", "until", "in", "with", "and", "the", "here", "there", "while",
            "longer",
        ]),
    n("{wish} ~4 (get|getting|be|being|got) (hit|run over|knocked down|killed|struck) (by|in)"),
    n("(decided|decide|know|think|sure) ~2 (tonight|today|this weekend|tomorrow) (is|will be|is going to be) \
       the (night|day)")
        .unless_next(&["for", "of", "we", "i get", "to"]),
    v("(walk*|went|go|going|drove|drive|driving|stood|standing|sat|sitting|stand) (to|on|at|by|up to|out to|\
       near) (the|a)? (bridge|cliff|cliffs|ledge|roof|rooftop|edge|railway|tracks|train line|railway line|\
       level crossing|viaduct|tower|quarry|flyover|pier|multi storey|car park roof)")
        .requires(&["stood", "stand", "standing", "looked", "looking", "staring", "stared", "jump", "jumping",
            "edge", "thinking", "wondering", "again", "down", "hours", "hour"])
        .blocked(LEISURE),
    n("(want|wanna|wish|ready) (to)? dye").unless_next(&[
        "my", "her", "his", "their", "the", "it", "them", "a", "some", "hair", "fabric", "wool", "eggs",
        "clothes", "this", "that", "for", "with", "in", "blue", "red", "pink", "purple", "green", "black",
        "blonde", "grey",
    ]),
    n("(swallow*|take|taking|down|downing|neck|necking) (the lot|the whole lot|them all|all of them|the \
       whole (box|bottle|packet|pack|strip|tub|supply))")
        .unless_next(&["to", "into", "back", "home", "round", "for", "out", "off", "apart", "in", "on"])
        .blocked(ROUTINE),
    n("(so|then) (someone|somebody|people|you|everyone|they|you all) (will)? (knows|know|understand|\
       understands) why"),
    // Messages meant to be read afterwards.
    n("(by the time|when|once|if|after) (anyone|you|someone|somebody|people|my family|they|everyone|you all) \
       (reads|read|see|sees|finds|find|gets|get|hear|hears) (this|these|my message|my note|my post|my last)"),
    n("(you will|everyone will|they will|you all will) (know|understand|realise) why")
        .blocked(&["tomorrow", "recipe", "photos", "pictures", "taste", "try", "see"])
        .unblocked(&["post", "message", "hear", "gone", "reply"]),
    f("(if|when) (you|anyone|nobody|no one) (do not|does not|never|stop|stops)? (hear|hears) from me (again|\
       after|tomorrow|by)"),
    f("if i (do not|never|stop) (post|posting|reply|replying|answer|answering|log on|check in|message|write) \
       ~3 (again|after tonight|tomorrow)")
        .requires(&["why", "know", "gone", "goodbye", "sorry", "love"]),
    // Attempts, decisions and being stopped.
    n("(made|make|making|survived|after|since|another|my last|my second|my first) (an|another|my|a second|a \
       suicide|a serious)? attempt")
        .unless_next(&["at", "to", "of", "with"])
        .blocked(&["record", "exam", "test", "driving", "walk", "walking", "recipe", "marathon", "bake",
            "baking"]),
    n("(stop|stopping|keep|keeping|kept|stops) me (from)? (doing|do) something (stupid|silly|drastic|\
       permanent|final|i (will|would|might) regret)"),
    n("something (stupid|drastic|permanent|final) (tonight|this weekend|soon|today|later)"),
    f("i would (jump|end it|end things|go through with it|do it) if (i|it) (was|were|had|was not|were not|\
       did not|could)")
        .unless_next(&["allowed", "paid", "cheaper", "free", "affordable", "time", "money"]),
    n("(if|but) i (was|were) (not|less of) (such a|so much of a|a|so)? (coward|chicken|cowardly|scared)"),
    n("(if|in case|when) (anything|something) (happens|happened|should happen) to me")
        .requires(&[
            "promise", "promised", "think", "feel", "soon", "tonight", "going", "will", "look", "care",
        ]),
    n("(hanging|hang|hung|loitering|lingering) (around|about)? ~3 (the|a)? {place}").blocked(LEISURE),
    n("tell (my|the|him|her|them|everyone|mum|dad) ~2 (i am sorry|i love (him|her|them|you)|that i (love|\
       loved|am sorry))")
        .unless_next(&["for", "about", "when", "tomorrow", "later", "tonight", "so"]),
    f("not (need|be needing|be using) (anything|any of it|any of this|my things|my stuff|it|them) (after|\
       past|beyond) (this|tonight|today|tomorrow|next|the|friday|saturday|sunday|monday|tuesday|wednesday|\
       thursday)")
        .blocked(NEED_EVERYDAY),
    n("(it|that) (was|is|will be) (a|my|our)? (final|last)? goodbye").unless_next(&["to", "for", "party",
        "card", "meal", "drink"]),
];
