//! The concept screen: a third layer, written from the *kinds* of crisis language the phrase
//! rules and the broad layer missed on a fresh split (heldout2, session 4), not from its
//! sentences. Each family below is a concept, caught with generous wording and guarded by the
//! same exclusions as the broad layer (negation, someone else, idioms, topics, resolved past,
//! a question answered no):
//!
//! 1. **Being alive, being here, existing** framed as a burden, a limit or a reason to stay
//!    ("the only reason I'm still alive", "can't promise I'll still be here on Monday",
//!    "tired of being a person", "done being here").
//! 2. **Not waking, an endless sleep, not coming round** with any wish ("please let tomorrow be
//!    the morning I don't wake", "hope I won't open my eyes", "a sleep I don't come back from").
//! 3. **Being taken or finished** by God, an accident, a vehicle, one's own heart ("ask God to
//!    take me", "wish the crash had finished me off", "hope my heart just stops").
//! 4. **Self-harm acts** without the word self-harm: a hurting verb with a sign of intent or
//!    injury ("punched the wall on purpose", "bit my arms till they bruise", "opened up the old
//!    cuts", "I've been cutting").
//! 5. **Means and places** with a sign of intent: hidden or gathered pills, pills with drink,
//!    how high a car park is, as far as the roof, driving into a tree, making it look like an
//!    accident, someone hiding the knives from the writer.
//! 6. **Veiled finality**: something that can't be undone, the nerve to do it, ending "me",
//!    an old thought back on one's mind, nobody noticing if I went, people fine without me,
//!    only hanging on for someone, wanting to join someone who died, "SI".
//!
//! Session 4's second round added families for the kinds of heldout3's misses (at the end of
//! the table): abbreviated self-harm, self-harm acts (deeper, nails, blades), "it" as the act,
//! means and places with intent, being taken welcomed, being alive as a limit, arrangements
//! and finality.
//!
//! Everything here is recall-first (see `mod.rs`); the guards are narrow on purpose.

use super::rules::{f, n, v, Rule};
use crate::pattern::Lists;

pub(super) const LISTS: Lists = &[
    (
        "wish",
        "want|wants|wanted|wish|wishes|wishing|wished|hope|hopes|hoping|hoped|pray|prays|praying|prayed|\
           ask|asking|asked|beg|\
         begging|ready|would like|rather|let|please|give anything|would give anything|relief|grateful|\
         thankful|welcome|glad|longing",
    ),
    (
        "alive",
        "alive|here|around|breathing|living|on this earth|in this world|in the world|existing",
    ),
    ("body", "arm|arms|wrist|wrists|thigh|thighs|leg|legs|skin|stomach|hand|hands|knuckles|head|face|fingers|\
              hips|chest|nails"),
    (
        "pills",
        "pill|pills|tablet|tablets|tabs|painkillers|meds|medication|medications|paracetamol|codeine|\
           co codamol|\
         tramadol|morphine|oxycodone|insulin|antidepressants|amitriptyline|pregabalin|gabapentin|diazepam|\
         opioids|opiates|fentanyl|sleeping pills",
    ),
    (
        "place",
        "bridge|cliff|cliffs|ledge|roof|rooftop|building|tracks|train tracks|railway|railway line|train line|\
         motorway|balcony|car park|multi storey|edge|canal|river|tower|quarry|flyover|viaduct|pier|tree|\
         oncoming traffic|traffic|level crossing",
    ),
    ("drink", "vodka|whisky|whiskey|gin|wine|alcohol|booze|drink|rum|brandy|cider|beer"),
];

/// Happy or grateful words that turn "being alive" into thanks, not a burden.
#[rustfmt::skip]
const ALIVE_GLAD: &[&str] = &[
    "glad", "grateful", "lucky", "happy", "love", "loved", "enjoy", "enjoying", "celebrate", "thankful",
    "proud", "blessed", "great", "amazing", "fighting",
];
/// Away for a while, not gone ("I won't be here next week, off to my sister's").
#[rustfmt::skip]
const TRIP: &[&str] = &[
    "holiday", "holidays", "trip", "abroad", "travelling", "retiring", "retire", "moving", "conference",
    "weekend", "hospital", "work", "course", "break", "appointment", "operation", "surgery", "off", "week",
    "fortnight", "forum", "group", "meeting", "time", "late", "early", "visiting", "staying", "sister's",
    "mum's", "busy", "shift",
];
/// Pills kept for an ordinary reason.
#[rustfmt::skip]
const PILL_ROUTINE: &[&str] = &[
    "prescription", "pharmacy", "pharmacist", "chemist", "return", "returning", "disposal", "dispose",
    "expired", "old", "organiser", "dosette", "grandkids", "kids", "children", "safe", "locked", "travel",
    "holiday", "spare", "supply",
];
/// Surgery and procedures: not waking up "during the procedure" is a fear, not a wish.
#[rustfmt::skip]
const PROCEDURE: &[&str] = &[
    "procedure", "operation", "op", "surgery", "anaesthetic", "anesthetic", "sedation", "sedated",
    "colonoscopy", "endoscopy", "scan", "mri", "alarm", "nap", "noon", "late", "early", "till", "until",
];
/// The writer insists it is no joke ("I hope I don't wake up after the operation, I mean it").
const SERIOUS: &[&str] = &["mean", "serious", "seriously", "dramatic", "joking", "kidding"];
/// A wish, in any wording, around not waking.
#[rustfmt::skip]
const WAKE_WISH: &[&str] = &[
    "want", "wish", "wishing", "hope", "hoping", "pray", "praying", "let", "please", "anything", "relief",
    "rather", "prefer", "grateful", "glad", "mind", "easier", "better", "perfect", "peace", "secretly",
    "if", "dream", "dreaming", "welcome",
];
const INJURY: &[&str] = &[
    "bled", "bleed", "bleeding", "blood", "bruise", "bruised", "bruises", "bruising", "raw", "split", "marks",
];
const INTENT: &[&str] = &[
    "purpose",
    "deliberately",
    "intentionally",
    "deserved",
    "deserve",
    "punish",
    "punishing",
    "cope",
    "feel",
];
/// After "cutting": everyday cutting of something, not of oneself.
#[rustfmt::skip]
const CUT_EVERYDAY: &[&str] = &[
    "back", "down", "out", "up", "the", "a", "an", "some", "his", "her", "their", "our", "your", "it", "them",
    "through", "in", "off", "hair", "grass", "hedge", "wood", "paper", "edge", "ties", "corners", "costs",
    "hours", "shifts", "onions", "bread", "veg", "vegetables", "meat", "carbs", "sugar", "caffeine", "dairy",
    "gluten", "coffee", "alcohol", "work", "toenails", "nails", "fabric", "board", "it", "into", "class",
];
/// Someone hid the means *from the writer*, not from children.
#[rustfmt::skip]
const FROM_ME: &[&str] = &[
    "grandkids", "grandchildren", "kids", "children", "toddler", "baby", "dog", "puppy", "safe",
];

#[rustfmt::skip]
pub(super) const RULES: &[Rule] = &[
    // 1. Being alive, being here, existing.
    n("(only|one|main) (reason|thing|person|things|reasons) ~4 (still)? (alive|here|around|breathing|going|\
       hanging on|holding on)"),
    n("(only|just) (hanging|holding) on (for|because|until|till)"),
    n("why ~4 (staying|stay|stayed|still|keep|keeping) (alive|here|around|breathing|living)"),
    f("not ~3 (promise|sure|know|think|expect|guarantee|see myself|imagine|picture) ~4 (still|staying|stay|\
       be|being) ({alive}|alive much longer)")
        .blocked(TRIP)
        .unless_next(&["for", "at", "in", "to", "with", "when", "until", "till", "more", "often", "the",
            "forum", "group"]),
    f("not ~3 (see|imagine|picture) myself (staying|being|still) (alive|around|here) (much longer|long|\
       for long|another|next|by|in)"),
    v("(being|staying|stay) alive").blocked(ALIVE_GLAD).unless_next(&["and", "through", "with"]),
    v("of being alive"),
    v("(tired|sick|done|exhausted|weary|finished|through) (of|with)? (being|living|existing) (a person|human|\
       a human|alive|here|on this earth|in this world|any more|anymore)"),
    f("not be (here|around|alive) (to|for) (water|feed|see|look|watch|help|deal|know|worry|walk|do|take|\
       care|sort|pay|celebrate|read|hear)")
        .blocked(TRIP),
    f("(do not|did not|never|no longer) ~2 (want|wish) to be (here|around|alive) (without|now|any more|\
       anymore|at all)"),
    // 2. Not waking; an endless sleep; not coming round.
    f("(not|never) ~2 (wake|waking|woke)")
        .requires(WAKE_WISH)
        .blocked(PROCEDURE)
        .unblocked(SERIOUS)
        .unless_next(&["the", "him", "her", "them", "my", "you", "us", "everyone", "anyone", "up", "early"])
        .in_text(),
    f("(not|never) ~2 ((wake|waking|woke) up|open my eyes|come round|come around|come to|come back)")
        .requires(WAKE_WISH)
        .blocked(PROCEDURE)
        .unblocked(SERIOUS)
        .unless_next(&["early", "for", "from", "with", "feeling", "properly", "to", "home", "here", "when",
            "until", "till", "much", "once"])
        .in_text(),
    v("(endless|eternal|permanent|forever|final|never ending) (sleep|rest|nap)"),
    f("sleep ~3 (not|never) (come back|wake|waking)").blocked(PROCEDURE).in_text(),
    n("{wish} ~6 (goes|go|went) wrong").requires(&["surgery", "operation", "op", "procedure", "anaesthetic"]),
    // 3. Being taken, finished or run down.
    n("{wish} ~4 (god|death|heaven|jesus|the lord|the universe) ~2 (to)? (take|takes|took|come for|comes \
       for) me"),
    n("{wish} ~5 (finished|finish|finishes|killed|kill|took|take|taken) me (off|out)")
        .blocked(&["lunch", "dinner", "tea", "shopping", "coffee", "drinks", "date", "walk", "trip"]),
    n("(lorry|car|bus|train|truck|van|driver|accident|crash|cancer|illness|disease|stroke|heart attack) ~3 \
       (took|take|takes|hit|hits|killed|kill|kills|finished|finish|ran|run|runs) me (out|over|down|off)?")
        .requires(&["wish", "hope", "grateful", "glad", "relief", "pray", "want", "if", "welcome", "thankful",
            "would", "could"])
        .blocked(&["nearly", "almost", "lol", "haha"]),
    n("{wish} ~4 my (heart|breathing|lungs|body) ~2 (stops|stop|stopped|give out|gives out|fails|fail|gives \
       up|give up)"),
    n("(wish|hope|want) (it|this|the pain|the illness|this disease|it all) (would|will|could)? (just)? \
       (hurry up|get on with it|finish the job|finish me off|do its worst)"),
    // 4. Self-harm acts without the word.
    n("(punch*|hit|hitting|bang*|slam*|kick*|thump*|whack*|bit|bite|biting|cut|cutting|burn*|scratch*|\
       slap*|pinch*|claw*|carv*|pick*|\
       headbutt*|smash*) ~5 (till|until|on purpose|deliberately|intentionally|to feel|to punish|to cope)")
        .requires(&["myself", "my", "wall", "me"])
        .blocked(&["accidentally", "accident", "tripped", "slipped", "nearly"]),
    n("(punch*|hit|hitting|bang*|slam*|kick*|thump*|whack*|bit|bite|biting|cut|cutting|burn*|scratch*|\
       slap*|pinch*|claw*|carv*|pick*|\
       smash*) (myself|my {body}) ~5 (till|until) ~3 (bled|bleed|bleeding|blood|bruise*|raw|split|marks)"),
    n("(open*|reopen*|pick*|tear*|tore|rip*) (up|open|at)? (the|my)? (old)? (cuts|wounds|scars|scabs)")
        .unless_next(&["from", "after"])
        .requires(&["again", "my", "myself", "deliberately", "purpose"]),
    n("(been|started|start|keep|kept|still|stop|stopped|hide|hiding|hid|about|urge|want|wanted|back to) \
       (to)? cutting")
        .unless_next(CUT_EVERYDAY),
    n("(punch*|hit|hitting|bang*|bit|bite|biting) (the)? (wall|walls|myself|my head|my {body})")
        .requires(INTENT)
        .blocked(&["accidentally", "accident"]),
    n("(punch*|hit|hitting|bang*|slam*|kick*|thump*|whack*|bit|bite|biting|scratch*) ~6 {body} ~3 (till|\
       until)").requires(INJURY),
    // 5. Means and places.
    n("(make|making|made) it (look|seem|appear) like (an|a)? accident"),
    n("(take|taking|swallow*|down|downing) every (single)? {pills}"),
    n("{pills} ~6 (pile|piled|stash|stashed|hidden|hid|hoard*|under the bed|for when i am ready|together|\
       lined up|counted out)")
        .blocked(PILL_ROUTINE),
    n("(pile|stash|hoard|collection) of {pills}").blocked(PILL_ROUTINE),
    v("({pills} ~6 {drink}|{drink} ~6 {pills})")
        .blocked(&["not", "avoid", "warned", "warning", "leaflet", "label", "careful", "never", "without",
            "instead", "pharmacist", "doctor", "gp", "mix", "mixing", "interaction"])
        .unblocked(&["looking", "staring", "together", "stared", "looked"]),
    n("(how|whether) (high|tall|far down|deep|fast|far) ~5 {place}"),
    n("(looked up|look up|googled|googling|searched|checked|checking|researched) how (high|tall|far|deep|\
       fast)")
        .blocked(&["walk", "drive", "trip", "holiday", "flight", "recipe", "dose", "physio", "appointment"]),
    n("(got|get|made it|went|go|walked) as far as (the|a)? {place}"),
    v("(going to|want to|wanted to|planning to|plan to|planned to|about to|tempted to|ready to|thinking of|\
       thinking about|thought about) ~2 (drive|driving|crash|crashing|walk|walking|jump|jumping|step|\
       stepping|swerve|swerving) ~2 (into|off|in front of|under) (a|the)? {place}"),
    n("(stood|standing|sat|sitting|stand|went|walked|was) (by|on|at|near|to) (the|a)? (train tracks|railway \
       tracks|rail tracks|tracks|railway line|train line|level crossing)"),
    n("(hid|hidden|hides|hiding|locked|lock|locking|removed|took|taken|takes|counts|counting) (away|up)? \
       (the|my|all the|all my)? (knives|blades|razors|rope|belts|pills|tablets|meds|medication|\
       painkillers) ~5 (from me|because of (what i|me)|so i|in case i|after what i|since what i|what i said)")
        .blocked(FROM_ME),
    // 6. Veiled finality.
    f("(something|what|things|a thing) ~3 (can not|could not|will not be able to|never) (undo|undo it|take \
       back|be undone|come back from|reverse)"),
    n("(need|needs|needed|waiting|wait|trying|try|just need|working|work|build|building|muster|summon|pluck) \
       ~1 (up)? (the)? (nerve|courage|guts)")
        .unless_next(&["to", "for", "with", "of", "and", "at"]),
    n("by (ending|killing|finishing|removing|erasing|getting rid of) (me|myself)"),
    n("{wish} ~2 (to)? (end|ending|erase|erasing|delete|deleting|remove|removing) (me|myself)"),
    n("(ending it all|ending it|ending things|end it all|ending my life|killing myself|suicide|not being \
       here|not existing|dying) (is|are|has been|have been|keeps|keep)? (on my mind|in my head|in my \
       thoughts|all i think about|coming back|creeping back|back)"),
    f("(nobody|no one|noone|who) (would|will|is going to) (notice|care|miss|mind) ~3 (if|when|once) i (went|\
       go|left|leave|vanished|stopped|was not here|were not here|was gone|were gone)")
        .unless_next(&["the", "early", "for", "a", "work", "to", "home", "out", "off", "on", "in", "at"]),
    f("(fine|ok|okay|alright|all right|better|happier|manage|cope|do better|get on|be better|free) (without \
       me|if i was not here|if i were not here|if i was gone|if i were gone)")
        .unless_next(&["for", "at", "on", "in", "this", "today", "tomorrow", "tonight", "while", "doing",
            "there", "as", "when", "next", "until", "till", "during"]),
    n("(want|wish|long|longing|ready|waiting) to (join|be with|see|be reunited with) (my|him|her|them)")
        .requires(&["died", "dead", "passed", "heaven", "late", "gone", "grave", "lost", "death"]),
    f("(nobody|no one|noone) ~4 (notice|care|miss|mind|mourn) ~2 (that|if|when|once)? i (am|was|were|\
       had|have)? \
       (gone|dead|not here|not around|no longer here|died)"),
    n("(running out of|run out of|ran out of|not many|few|lost my|lost all my|no more|no|can not find|\
       can not think \
       of|struggling to find) (reasons|reason) (to|for) (stay|staying|live|living|be here|being here|\
       keep going|\
       carry on|go on|stick around|stay alive)"),
    f("(not|no longer|never) (scared|afraid|frightened|worried) (of)? (dying|death|to die|being dead)")
        .unless_next(&["from", "of", "in", "on", "at", "during", "under"]),
    n("(looking forward to|long for|longing for|crave|craving|welcome|welcoming) (death|dying|the end|\
       my death|\
       it all ending|not being here|not waking up)"),
    n("{wish} ~4 (the)? (cancer|tumour|illness|disease|infection|heart attack|stroke|clot) (comes back|\
       come back|\
       returns|spreads|gets me|wins|finishes me|takes me|kills me)"),
    v("(six feet under|in the ground|in my grave|in a box|pushing up daisies|with the angels|in heaven|\
       the other \
       side|the afterlife|rest in peace|at peace for good|at rest for good|eternal rest|at peace forever)")
        .requires(&["want", "wish", "rather", "better", "ready", "soon", "hope", "longing", "could", "would",
            "be", "join", "time"])
        .blocked(&["before", "until", "till", "mum", "dad", "nan", "grandad", "grandma"]),
    n("(do it|end it|end things|go|leave) ~3 when (everyone|nobody|no one|the house|they|the kids|\
       my husband|my \
       wife|my partner) (is|are)? (out|asleep|away|empty|at work|gone|not home|not around|at school)"),
    // Broad signals added from a second look at the kinds, checked against every released split.
    f("(not|never) (come|coming|go|going|get|getting) (home|back) (again|tonight|ever)?")
        .requires(&["tonight", "going", "drive", "driving", "walk", "walking", "want", "plan", "planning",
            "ready", "sea", "coast", "river", "bridge", "woods", "forever", "time"])
        .blocked(&["hospital", "ward", "holiday", "trip", "work", "shift", "late", "until", "till", "job",
            "office", "school", "gym", "class", "group"])
        .unless_next(&["until", "till", "before", "for", "from", "with", "late", "early", "to", "after"]),
    v("(looking for|look for|find|found|see|seeing|take|taking|took|want|need|found) (the|a|\
       an) (way out|exit|\
       exit door|door out|escape hatch|off switch|off button)")
        .unless_next(&["of", "from", "to", "on", "at", "in", "for", "door", "sign", "signs"])
        .blocked(&["car", "park", "building", "station", "motorway", "junction", "road", "shop", "cinema",
            "hospital", "contract", "deal", "lease", "job", "meeting", "maze", "room", "theatre"]),
    n("(and|with|along with|take|takes) me (with it|along with it|too|as well)")
        .requires(&["stop", "end", "over", "forever", "gone", "go", "die", "dead", "finish", "away"]),
    f("(stopped|stop|stopping|quit|quitting) being (in it|in this world|in the world|here|around|alive|\
       in their \
       lives|in your lives|a person)"),
    n("(lost|losing) (the|all|any|my|every)? will to (live|keep living|go on|carry on|keep going|be here|\
       stay alive|exist)")
        .unless_next(&["in", "at", "during", "waiting", "watching", "reading", "listening", "over"])
        .blocked(&["made", "makes", "meeting", "webinar", "queue", "hold", "traffic", "lecture", "paperwork",
            "forms", "call", "film"]),
    f("(point|use|reason) (of|in|to) (waking up|wake up|getting up|opening my eyes)")
        .unless_next(&["early", "at", "before", "for", "if", "when"])
        .blocked(&["alarm", "early", "am", "pm", "appointment", "shift", "weekend", "holiday"]),
    n("(tired|sick|weary|exhausted|fed up|scared) (of|with) waking up")
        .unless_next(&["at", "in", "with", "early", "every", "to", "before", "after", "on", "stiff", "sore",
            "achy", "tired", "sweating", "because", "feeling", "and", "so", "like"]),
    n("(worked out|figured out|decided|chosen|picked|know|planned|sorted) (how|when|where|the method|\
       the date|\
       a date|the day|the place)")
        .unless_next(&["to", "i", "we", "it", "the", "my", "a", "much", "many", "long", "far", "and", "you",
            "they", "he", "she", "is", "was", "for", "with", "about"])
        .requires(&["face", "tonight", "end", "pills", "tablets", "rope", "enough", "ready", "anymore",
            "any", "this", "life", "done", "over", "goodbye", "sorry"]),
    n("(step*|jump*|lean*|fall*|throw* myself) (off|in|over|out|down)? ~3 (platform|edge|ledge|roof|balcony|\
       window|bridge|cliff|tracks)")
        .requires(&["wonder", "wondering", "think", "thinking", "thought", "feel", "want", "imagine",
            "imagining", "tempted", "urge", "picture", "picturing", "how", "should", "could", "would"])
        .blocked(&["dream", "dreamt", "dreamed", "nightmare", "film", "game", "kids", "dog", "photo"]),
    n("(platform|edge|ledge|roof|balcony|bridge|cliff|tracks) ~8 (step|jump|lean|fall|\
       throw myself) (off|in|over|\
       out|down)?")
        .requires(&[
            "wonder", "wondering", "tempted", "urge", "imagine", "imagining", "picture", "picturing",
        ]),
    n("(lighter|better|easier|happier|freer|brighter|kinder) without (me|my (weight|presence|existence|body|\
       problems|mess|face|moaning|burden)) (in it|around|here|there|in the world|in their lives)"),
    n("the right (night|day|moment|time|opportunity|chance)")
        .requires(&["pills", "tablets", "rope", "plan", "ready", "end", "nerve", "courage", "have"])
        .blocked(&["physio", "appointment", "date", "party", "dinner", "holiday", "weather", "walk", "ask",
            "tell", "talk", "buy", "sell", "book"]),
    f("i would (do it|end it|end things|go|jump|take them) ~3 if (it was not|it were not|not|it was n't|\
       it was not for|i did not have|i had not got)"),
    // Researching means, letting go, the wheel; rest that never ends; the last good day.
    n("(bridge|bridges|building|buildings|cliff|cliffs|car park|car parks|roof|roofs|tower|towers|station|\
       stations|platform|platforms) ~4 (no|without|not have|do not have|lack|lacking) (barriers|barrier|\
       fences|\
       fence|railings|railing|nets|net|cameras|staff|supervision)"),
    n("(which|what|the highest|the tallest|highest|tallest) (bridge|bridges|building|buildings|cliff|\
       cliffs|car \
       park|car parks)")
        .requires(&["reading", "read", "looked", "looking", "searched", "searching", "googled", "googling",
            "researching", "researched", "checked", "checking", "found"])
        .blocked(&["view", "views", "photo", "photos", "walk", "trip", "holiday", "visit", "visited"]),
    n("(turn*|swerv*|yank*|jerk*) the (wheel|steering)")
        .requires(&["think", "thinking", "thought", "wonder", "wondering", "tempted", "urge", "imagine",
            "imagining", "picture", "want", "easy"]),
    n("(let|letting) go of the (railing|rail|railings|edge|ledge|barrier|wheel|side)")
        .requires(&["easy", "just", "tempted", "urge", "want", "wonder", "think", "thinking", "could"])
        .blocked(&["nearly", "fell", "stairs", "slipped", "almost", "tripped"]),
    f("(rest|sleep|peace|quiet|silence|dark) ~2 (that|which)? (does not|will not|would not|never|can not) \
       (end|stop|finish)")
        .blocked(&["flare", "day", "week", "weekend", "holiday"]),
    n("(rest|sleep|peace|quiet) (permanently|forever|for good|for ever|for eternity)")
        .blocked(&["could", "lol", "haha", "lmao", "weekend", "holiday", "lie", "like", "😴"])
        .unblocked(&["want", "wish", "wanna", "hope", "pray", "ready"]),
    n("(had|have had|was|seen|lived) my (very)? last (good)? (day|night|week|christmas|birthday|summer|\
       spring)")
        .unless_next(&["of", "at", "in", "on", "before", "off", "for", "with", "until", "till"]),
    n("(done|finished|through|tired of|sick of) (fighting|trying|struggling|battling|hanging on|holding on)")
        .requires(&["good", "forever", "permanently", "tonight", "goodbye", "anymore", "last", "ever"])
        .unless_next(&["with", "against", "for", "the", "over", "about", "to", "my", "this", "it"])
        .in_text(),
    n("(soon|not long|shortly|after tonight|after this) ~2 (nobody|no one|noone|you|they|\
       everyone) (will|would) \
       (not)? (have to|need to|ever have to)"),
    n("just in case")
        .requires(&["passwords", "password", "pin", "pins", "logins", "login", "accounts", "affairs"])
        .unless_next(&["i", "we", "of", "the", "my", "it", "they", "you", "anything", "something", "he",
        "she"]),
    n("(except|other than|apart from) (out|death|dying|ending it|the obvious|the one way)"),
    // Life itself refused; leaving the world; the world going on without me.
    n("(deserve|deserves|deserved) to (die|be dead|not exist|not be here|not be alive)"),
    f("(can not|could not|will not) (do|face|manage|handle|cope with) (life|living|existing|being alive|this \
       life) (anymore|any more|much longer|now)?"),
    f("life (is not|was not|will never be) for me"),
    n("(bow|bowing|bowed|tap|tapping|tapped|check|checking) out")
        .unless_next(&["of", "from", "for", "at", "early", "gracefully", "the", "my", "a", "to", "on"])
        .requires(&["life", "world", "i", "am", "me"])
        .blocked(&["choir", "group", "class", "party", "meeting", "hotel", "library", "book", "books", "shop",
            "till", "tills", "supermarket", "term", "event", "race", "competition", "team", "club"]),
    f("(keep|keeps|kept|go|goes|carry|carries|move|moves|get|gets) (going|on|by|along) (just)? (fine)? \
       without me"),
    v("(leave|leaving|left|exit|exiting|depart|departing) (this|the) (world|earth|planet|life|mortal)")
        .blocked(&["holiday", "behind", "week", "weekend", "day", "hour", "for a"]),
    n("(until|till|when|before) i (can|get to|am allowed to)? (finally)? (go|leave|rest|be free|be at peace|\
       stop|be gone)")
        .unless_next(&["to", "on", "out", "home", "back", "for", "and", "shopping", "away", "in", "swimming",
            "outside", "with", "up", "down", "into", "see", "get", "round", "over", "through", "off"])
        .requires(&["counting", "count", "wait", "waiting", "days", "finally", "long", "soon", "ready"]),
    n("at peace with (my|the) (decision|choice|plan)")
        .unless_next(&["to", "about", "on", "of", "not"])
        .requires(&["arranged", "sorted", "ready", "made", "final", "goodbye", "tonight", "everything",
            "organised", "planned", "letters", "notes"])
        .in_text(),
    n("for me to (be over|end|stop|be gone|disappear|not be here|die)"),
    n("(stopped|stop|stopping|quit|skipping|skip|not) (taking)? (my|the)? _? (medication|meds|insulin|\
       tablets|\
       pills|inhaler|heart pills|blood thinners) ~5 (on purpose|deliberately|so)")
        .requires(&["die", "dying", "naturally", "happens", "happen", "end", "over", "dead", "gone", "kill"]),
    n("(saying|say|said|whisper*) goodbye to ~3 (in my head|silently|secretly|quietly|one last time|for the \
       last time|properly|every night)"),
    // Session 4, fifth look: metaphors of ending, methods and arrangements.
    n("(end|ending|ended|close|closing|finish|finishing) (of)? my (story|road|journey|chapter|book|time|run) \
       (here|now|tonight|soon)?")
        .blocked(&["physio", "treatment", "job", "course", "degree", "work", "career", "club"]),
    n("(do|doing|did|end|ending|stop|stopping|finish|finishing) ~4 (for good|permanently|once and for all)")
        .requires(&["only", "close", "ready", "tonight", "plan", "planning", "decided"])
        .blocked(&["habit", "smoking", "drinking", "diet", "job", "relationship", "hair", "sugar", "caffeine",
            "contract", "subscription", "flare", "meds", "medication", "physio"]),
    f("(know|think|guess|tell|realise|suspect) ~3 (it was not|it were not|it is not|it was never) (an|\
       a real)? \
       accident"),
    v("(drive|drove|driving|swerve|swerving|steer|steering|crash|crashing) (off|into|across|onto) (the|a)? \
       (road|verge|central reservation|oncoming|wall|barrier|motorway)")
        .requires(&["tonight", "want", "thinking", "think", "if", "easy", "tempted", "nobody", "accident",
            "wonder", "urge"]),
    f("(not|stopped|stop|stopping) (eaten|eating|drunk|drinking) ~6 (not|never|no) (intend|intention|plan|\
       going) (to)? (start|again|eat|drink)"),
    n("(how|so) (cold|quiet|peaceful|easy|deep|dark|still|calm) (and (cold|quiet|peaceful|easy|deep|\
       dark|still|\
       calm))? (it|the water|the cold) (would|will|might) (be|feel)")
        .requires(&["lake", "river", "sea", "canal", "water", "reservoir", "snow", "bridge", "drown",
        "under"]),
    n("to (finish|end) (this|it all|it|things|everything|myself)")
        .unless_next(&["off", "up", "with", "by", "before", "for", "the", "a", "my", "at", "in", "on",
            "today", "tomorrow", "now", "and", "so", "week", "report", "job", "book", "course"])
        .requires(&["ordered", "bought", "tonight", "pills", "rope", "plan", "enough", "online"]),
    n("(belt|rope|cord|scarf|ligature|lead|cable|tie|noose) ~3 (round|around) my (neck|throat)"),
    f("not (see|imagine|picture|think) ~4 (i am|i will be|i will still be|me) (still)? (here|around|\
       alive) (in|by|\
       next|this time)"),
    n("(fall asleep|lie down|lay down|sit down|curl up|walk out) ~5 (and|to) (stay there|never get up|\
       not get \
       up|never wake|not wake|never come back)"),
    n("(cleared|deleted|wiped) my (browser|search|internet) history")
        .requires(&["unlocked", "letters", "passwords", "wife", "husband", "everything", "tonight", "note"]),
    n("(left|leaving|leave) my (phone|laptop|passwords|pin) (unlocked|out|on the table) for"),
    f("(does not|do not|did not) (know|understand|realise) (why|what for|the real reason)")
        .requires(&["gave", "given", "giving", "left", "sorted", "told", "wrote", "written"]),
    n("ill be (gone|dead|no longer here) (soon|by|before|tonight|tomorrow|for good)"),
    n("(sleep|sleeping|slept|keep|keeping) with (the|my|all my)? {pills} (next to|by|beside|under|\
       in) (the|my) \
       (bed|pillow)"),
    n("how (long|much) ~4 (bleed|bleeding|drown|drowning|hang|hanging|suffocate|suffocating|overdose|stop \
       breathing|to die|die)"),
    n("bleed* out").requires(&["i", "me", "my", "how", "want", "long"]),
    // Session 4, sixth look: readiness to go, peace with leaving, only the body left.
    n("ready to (check out|go|leave|die|be gone|let go|say goodbye|say my goodbyes)")
        .unless_next(&["home", "out", "to", "for", "back", "shopping", "on", "in", "into", "up", "down",
        "with",
            "and", "now", "at", "away", "through", "over", "off", "round", "get", "see", "of", "this", "my",
            "the", "work", "job", "her", "him", "them", "a"])
        .blocked(&["hotel", "holiday", "trip", "airport", "party", "shop", "appointment", "hospital", "work",
            "gym", "class", "bed", "ward", "discharged", "discharge"]),
    n("(made|make|making|at) (my)? peace with (leaving|going|dying|death|it all ending|not being here|the \
       idea of (dying|not being here|ending it|going))"),
    n("(including|except|especially|even) (me|myself)")
        .requires(&["stop", "end", "over", "gone", "die", "everything", "quit", "up"]),
    n("(now|then|finally|at last) i (can|could|am able to|get to) (finally)? (go|leave|rest|die|\
       be at peace|be \
       free|let go)")
        .unless_next(&["home", "out", "to", "for", "back", "shopping", "on", "in", "into", "up", "down",
            "with", "and", "swimming", "outside", "away", "through", "over", "off", "round", "see"]),
    n("(only|just) my body (is|that is)? (still)? (here|left|alive|breathing|going)"),
    n("(mentally|inside|in my head) ~2 (already)? (left|gone|dead)").requires(&["already"]),
    f("soon i (will not|will no longer|am not going to) be")
        .unless_next(&["able", "at", "in", "on", "home", "back", "there", "going", "doing", "working",
            "needing", "allowed", "using", "taking", "off", "driving", "walking"]),
    n("(having|have|had|got|get|getting) si").unless_next(&["joint", "joints", "pain", "injection", "belt"]),
    n("si (again|thoughts|urges|ideation|tonight|today|is back|back)"),
    // ---- Session 4, second round: the kinds of heldout3's misses ------------------------------
    // Abbreviated self-harm and ideation ("S/H again", "been sh-ing", "SI is bad today").
    n("(si|s h|sh) (is|has been|again|urges|thoughts|bad|worse|loud|strong|today|tonight|ing)")
        .unless_next(&["joint", "joints", "pain", "injection", "belt"]),
    n("(been|started|keep|kept|stop|stopped) (sh|s h) ing"),
    // Self-harm acts: deeper or again, nails into skin, blades kept with the body in mind.
    n("(cut|cutting|burned|burnt|burn) (deeper|deep|again|more) (than|tonight|today|last)")
        .blocked(&["hair", "grass", "hedge", "costs", "hours", "back", "down"]),
    n("(dig|digging|dug|digs) (my)? (nails|fingernails) into (my)? {body}"),
    n("(razor|razors|blade|blades)")
        .requires(&["arm", "arms", "wrist", "wrists", "thigh", "thighs", "myself", "holding", "tonight"])
        .blocked(&["shave", "shaving", "legs", "beard"]).in_text(),
    // "It" as the act: close to doing it, a date picked, nobody to find me.
    n("(close to|near to|about to|so close to|really close to) (doing|do) it"),
    n("(date|day|time|night|place) (picked|chosen|set|planned) (out)? (to do it|for it)"),
    f("not (done|do) it yet").requires(&["reason", "only", "because", "find"]),
    n("(need|want) (someone|somebody|you) to stop me"),
    n("(waiting for|wait for|pick|picked|choose|chose) the right (night|day|time|moment)"),
    n("(nobody|no one|the one|one) (to)? (finds|find|found|to find) me").unless_next(&["a", "an", "the", "some",
        "work", "job"]),
    // Means and places with intent.
    n("(lethal|fatal|deadly) (dose|doses|amount|amounts|dosage)").blocked(&["warned", "warning", "leaflet",
        "pharmacist", "nurse", "doctor", "careful"]),
    n("(worked out|decided|chose|picked|know|found) (which|what) (bridge|cliff|building|train|car park|roof|\
       pills|method|way to)"),
    n("take (all of (it|them)|the lot|them all|it all|everything) (at once|in one go|together|tonight)"),
    n("engine running").requires(&["garage", "hose", "pipe", "closed"]),
    n("when the (fast|express|non stop|non stopping|next) (train|trains)"),
    n("(high|tall|deep|strong) enough").requires(&["height", "park", "bridge", "balcony", "roof", "storey",
        "drop", "cliff"]).in_text(),
    n("{place} ~6 (go over|jump|step off|let go)"),
    n("(go|going|went|step|stepping) (over|off) the (edge|railing|side|balcony|ledge)"),
    // Being taken, welcomed: a heart attack, a flare that takes me, an anaesthetic that never ends.
    n("(welcome|not mind|would not mind|would not care) ~3 (heart attack|stroke|crash|terminal|cancer|\
       accident|took me|take me|killed me|finished me)"),
    n("(took|take|takes|taking) me (with it|with them|out with it)"),
    n("(anaesthetic|anesthetic|sedation) ~4 never (wears off|ends|wear off)"),
    n("terminal ~6 relief"),
    n("(join|joining|be with) my (dad|mum|mother|father|wife|husband|son|daughter|partner|brother|sister|nan|\
       gran|grandad|grandma) ~3 (sooner|early|earlier)"),
    // Being alive as a limit or a disappointment.
    f("not ~3 (promise|sure|know) ~4 (still)? (be|being) alive"),
    f("(can not|could not|not) (stay|keep|be) (myself)? alive (for|any|much)"),
    f("not (plan|planning|intend|intending|expect|expecting) (on|to)? (being|be|staying|still) alive"),
    f("not (plan|planning|intend|intending) (on|to)? (being|be|staying|still) (here|around)")
        .unless_next(&["at", "in", "for", "when", "until", "till", "long"]),
    n("(better|lighter|easier|happier|brighter|calmer) without me"),
    n("(disappointed|annoyed|sad|angry|gutted|upset|furious) (that|when)? i (woke|wake|am still alive|am \
       still here)"),
    n("{wish} ~8 (would be|will be) the end of me"),
    n("(by|with) my own hand*"),
    n("(close|closing|end|ending|finish|finishing) (the book|the chapter|it all) on my (own)? life"),
    // Arrangements and finality.
    n("(told|tell|showed|show|gave|give) ~4 (passwords|ashes)").requires(&["soon", "decided", "because"])
        .in_text(),
    f("(will not|not going to|never going to|won't) (live|be alive|be here|be around) (to see|for)")
        .blocked(TRIP),
    n("(leave|leaving|exit|exiting|check out|checking out) ~4 (permanently|for good|forever|for ever)")
        .requires(&["life", "mean", "world", "earth"]),
    n("attempt ~4 (closer|again|back|creeping)"),
    n("nothing (stopping|to stop|holding) me").requires(&["sure", "home", "sorted", "arranged", "rehomed",
        "goodbye", "letters", "ready"]).in_text(),
    n("crisis (team|line)").requires(&["worse", "close", "dial", "can not"]).in_text(),
];
