//! The phrase rules for the permanent, pervasive, personal and helpless dimensions, written
//! for Foothold in the pattern language of `pattern.rs`. Absolutist words, and
//! "always/never/forever" about the future, are decided word by word in `words.rs`.

use super::Dimension::{self, Helpless, Permanent, Personal, Pervasive};
use crate::pattern::Lists;

#[derive(Debug, Clone, Copy)]
pub(super) struct Rule {
    pub pattern: &'static str,
    pub dims: &'static [Dimension],
    /// Check for "not", "never", "hardly"… just before the phrase ("it's not my fault").
    pub negatable: bool,
    /// Still read inside a genuine question ("Is there any point?").
    pub in_questions: bool,
    /// Not a match when one of these words follows within two words.
    pub unless_next: &'static [&'static str],
    /// Not a match when the word just before is one of these.
    pub unless_prev: &'static [&'static str],
    /// Not a match when one of these words is inside it.
    pub unless_inside: &'static [&'static str],
}

const fn n(pattern: &'static str, dims: &'static [Dimension]) -> Rule {
    Rule {
        pattern,
        dims,
        negatable: true,
        in_questions: false,
        unless_next: &[],
        unless_prev: &[],
        unless_inside: &[],
    }
}

/// A rule whose pattern carries its own negation ("why do I bother", "I don't see the point"),
/// so a "not" before it does not cancel it.
const fn f(pattern: &'static str, dims: &'static [Dimension]) -> Rule {
    Rule { negatable: false, ..n(pattern, dims) }
}

impl Rule {
    const fn unless_next(self, words: &'static [&'static str]) -> Rule {
        Rule { unless_next: words, ..self }
    }
    const fn unless_prev(self, words: &'static [&'static str]) -> Rule {
        Rule { unless_prev: words, ..self }
    }
    const fn unless_inside(self, words: &'static [&'static str]) -> Rule {
        Rule { unless_inside: words, ..self }
    }
    const fn in_questions(self) -> Rule {
        Rule { in_questions: true, ..self }
    }
}

const PERM: &[Dimension] = &[Permanent];
const PERV: &[Dimension] = &[Pervasive];
const PERS: &[Dimension] = &[Personal];
const HELP: &[Dimension] = &[Helpless];
const PERV_PERS: &[Dimension] = &[Pervasive, Personal];
const PERV_HELP: &[Dimension] = &[Pervasive, Helpless];

pub(super) const LISTS: Lists = &[
    (
        "intens",
        "just|so|such|really|completely|totally|utterly|absolutely|a|an|the|being|basically|only|honestly|\
        pretty|bloody|fucking|literally|actually|a bit|kind of|sort of|such a|becoming|turning into|big|\
        massive|huge|useless|complete|total|nothing but|still|always|also|now|getting|very|that|quite|truly|\
        a total|a complete|an utter|such an|one big|constant|a constant|absolute|an absolute|utter|proper|\
        a proper|right|a right",
    ),
    (
        "self_neg",
        "useless|worthless|weak|pathetic|stupid|lazy|hopeless|failure|burden|drain|disappointment|\
        embarrassment|let down|letdown|nuisance|liability|waste of space|joke|idiot|baby|fraud|coward|\
        selfish|wimp|loser|weakling|moron|to blame|the problem|weak link|inadequate|defective|unlovable|\
        whinger|failing|a mess|broken|a let down|a lost cause|no good|good for nothing|a wreck|difficult|\
        hard work|hard to live with|hard to love|impossible to live with|too much|a waste|a waste of time|a \
        hopeless case|a write off|a drag|a killjoy|a misery|a coward|spineless|gutless|the weak one|the \
        problem one|the difficult one|dead weight|a dead weight|an imposition",
    ),
    (
        "role",
        "wife|husband|mother|mum|mom|father|dad|parent|friend|sister|brother|daughter|son|partner|\
         employee|worker|colleague|person|human|grandparent|grandma|grandmother|gran|nan|nana|\
         grandad|grandfather|boss|patient|teacher|carer|girlfriend|boyfriend|aunt|auntie|uncle|\
         neighbour|student|manager|man|woman|role model|example|provider|housewife|host|team mate|\
         teammate|granny|grandpa|spouse|child|kid|member|excuse for a",
    ),
    (
        "bad_adj",
        "bad|terrible|awful|rubbish|useless|lousy|crap|crappy|shit|shitty|hopeless|pathetic|horrible|\
         poor|failing|worthless|weak|lazy|selfish|rotten|dreadful|appalling|sorry|disappointing|\
         embarrassing",
    ),
    (
        "neg_future",
        "will not|would not|is not going to|are not going to|am not going to|not going to|\
         is never going to|are never going to|am never going to|never going to|will never|\
         not ever going to|will not ever|is not gonna",
    ),
    (
        "change",
        "get (any)? (better|easier)|be getting better|improve|change|heal|go away|recover|be cured|\
         be fixed|be the same|be normal|be right|ease|ease up|clear up|lift|end|be over|\
         get back to normal|be back to normal",
    ),
    (
        "damage",
        "ruin*|wreck*|destroy*|spoil*|affect*|colour*|color*|touch*|take* over|took over|consume*|steal*|\
        stole*|dominate*|rule*|leak* into|seep* into|creep* into|crept into|get* into|got into|bleed* into|\
        swallow*|lost|lose|losing|taint*|poison*|invade*|mess* up|screw* up|fuck* up|hijack*|shatter*|taken|\
        gets into|overshadow*|blight*|get* in the way of|got in the way of|spill* into|spread* into|spread* \
        through|spread* to|reach* into|reached into|bleed* into|eat* into|ate into|eaten into|cast* a shadow \
        over|hang* over|hung over",
    ),
    (
        "bad_state",
        "ruined|wrecked|destroyed|over|gone|lost|on hold|shrunk|shrinking|shrinks|fall* apart|fallen apart|a \
        struggle|awful|terrible|horrible|grey|gray|dark|bleak|pointless|hopeless|miserable|hell|worse|harder|\
        hard|difficult|impossible|too much|wrong|broken|taken|stolen|rubbish|crap|shit|shite|empty|\
        meaningless|pain|about pain|revolves around|consumed|dominated|affected|spoiled|spoilt|suffers|grim|\
        a mess|a battle|a nightmare|an effort|exhausting|falling to pieces|in pieces|in tatters|a misery|\
        suffering|on pause|a write off|ruled|run by|controlled|governed|dictated|defined|limited|restricted|\
        taken over|on fire|shattered|upside down|turned upside down|a wreck|wrecked by|ruined by|spoiled by|\
        spoilt by|eaten up|shrinking|collapsed|crumbled|crumbling|collapsing|falling apart|up in smoke|\
        down the drain|off the table|narrowed|tiny|a shell|in ruins|gone up in smoke|going down the drain|\
        come apart|comes apart|coming apart|falling to bits|organised around|organized around|built around|\
        planned around",
    ),
    (
        "everything",
        "everything|every (single)? (part|area|aspect|bit|corner|inch|piece) of my (life|day|days|world|\
        existence)|every (single)? (day|week|plan|thing|moment|relationship|holiday|weekend|evening|outing)|\
        the lot|the whole lot|all of it|all of my life|everything i (used to|once)? (do|did|love|loved|\
        enjoy|enjoyed)",
    ),
    ("my_life", "my (whole|entire|old|normal)? (life|world|existence|future)|all of my life"),
    // Session 4, second round: word classes for wider phrasings of the same ideas.
    (
        "cond",
        "it|this|that|the pain|my pain|pain|my condition|the condition|my illness|this illness|my body|\
        this body|my back|my knees|my joints|my health|the fatigue|the flares|this disease|my disease|my \
        fibro|the fibro|the fibromyalgia|my migraines|the migraines|it all|all this|all of this|this life|\
        this pain|the damage|my arthritis|the arthritis|my ms|the ms|my crps|the crps",
    ),
    (
        "for_ever",
        "forever|for ever|for good|for life|for keeps|from now on|permanently|until i die|till i die|\
        until the day i die|for the rest of my life|for the rest of my days|the rest of my life|for the \
        foreseeable|for always|for my (entire|whole) life|for the (entire|whole) (rest)? of my life",
    ),
    (
        "label",
        "a failure|a mess|a wreck|a fraud|a fake|a faker|a hypocrite|a parasite|a leech|a freeloader|a \
        scrounger|a quitter|a pushover|a disaster|a shambles|a liability|a nuisance|a burden|a drama queen|an \
        attention seeker|a hypochondriac|a charity case|a wet blanket|a waste of space|a waste of oxygen|\
        useless|worthless|pathetic|lazy|stupid|incompetent|unreliable|ungrateful|needy|dramatic|\
        spineless|hopeless|a bad person|a horrible person|a terrible person|an awful person|a useless person|\
        not good enough|not enough|weak willed|too much trouble|high maintenance|more trouble than i am \
        worth|a letdown|a let down|a disappointment|an embarrassment|a joke|an idiot|a loser|a coward",
    ),
    (
        "char_adj",
        "lazy|needy|selfish|self absorbed|self obsessed|self pitying|stubborn|pathetic|useless|hopeless|\
        worthless|stupid|spineless|clingy|demanding|boring|whiny|whingey|dramatic|ungrateful|unreliable|\
        incompetent|bitter|pitiful|feeble|cowardly|weak willed|gutless|undisciplined|spoilt|spoiled|\
        difficult to live with|hard to love|hard to live with|a burden|a failure|a mess|a drain|a moaner|\
        a whinger|a nuisance|a let down|a letdown|useless to everyone",
    ),
    (
        "treat",
        "meds|medication|medications|the meds|my meds|the medication|pills|tablets|the pills|the tablets|\
        injections|the injections|physio|the physio|therapy|the therapy|exercises|the exercises|painkillers|\
        the painkillers|the operation|surgery|the surgery|the treatment|treatments|the treatments|\
        acupuncture|massage|the diet|supplements|the supplements|the patches|patches|cbt|the cbt|pacing|\
        the pacing|stretching|the stretching|doctors|the doctors|specialists|the specialists",
    ),
    (
        "efforts",
        "trying|it all|all of it|any of it|treatment|treatments|the treatment|the physio|physio|the \
        exercises|exercises|the pacing|pacing|therapy|the meds|meds|medication|the medication|the pills|\
        appointments|the appointments|doctors|the doctors|effort|the effort|my efforts|what i do|anything i \
        do|everything i do",
    ),
];

/// The rules. Each names the dimensions its phrase gives evidence for.
#[rustfmt::skip]
pub(super) const RULES: &[Rule] = &[
    // ---- permanent: the bad situation cannot change, or lasts for ever --------------------
    f("{neg_future} (ever)? (really)? {change}", PERM).unless_next(&[
        "my", "the", "a", "his", "her", "their", "your", "our", "plans", "anything", "overnight", "quickly",
        "soon", "straight", "immediately", "much", "that", "it",
    ]),
    f("(it|this|that|things|the pain|my pain|nothing|pain|my body|my back) (can|could) not (ever)? (get \
        better|improve|heal|be cured|be fixed|change)", PERM),
    f("nothing (is|will|is ever|will ever) (ever)? (going to)? (ever)? (change|improve|get better|be \
        different|get easier)", PERM),
    n("nothing ever (changes|improves|gets better|gets easier)", PERM),
    f("not (think|believe|expect) (that)? (i|it|this|things|the pain|my pain|my back|my body) (will|is going \
        to|am going to|are going to) (ever)? {change}", PERM),
    f("(gone|over|lost|taken|dead|damaged|destroyed|wrecked|finished) ~6 (not|never) (ever)? (coming|come|\
        going to come) back", PERM),
    f("(it|they|this|that|the pain|my pain|the damage) (is|are) (not|never) (ever)? (going|going to go) \
        anywhere", PERM),
    n("(it|this|the pain|pain|my pain|my condition|the damage|my back|my illness) is (now)? (chronic|\
        lifelong|irreversible|incurable|degenerative)", PERM),
    n("(this|that|it|pain) is (just)? (my|our) (life|lot|reality|future|normal|world) now", PERM),
    n("(my|our) life (is|will be) (like this|this) now", PERM),
    n("(how|the way|what|like this) (i|it|things|my body|life|my life) (will|is going to|am going to) (stay|\
        remain|be from now on|be forever)", PERM),
    n("(this|that) is it (now|for me|from now on|for good|for the rest)", PERM),
    n("part of (me|my life|who i am) now", PERM),
    // "…part of me now, for good" — but not "I quit smoking for good" or "for good measure".
    n("for good", PERM)
        .unless_prev(&[
            "quit", "stopped", "stop", "smoking", "drinking", "sugar", "alcohol", "caffeine", "coffee",
            "habit", "left", "leaving", "moved", "moving", "fixed", "cured", "sorted", "healed", "beat",
            "beaten", "kicked", "gone", "them", "up", "off", "away", "change", "changed", "better", "behave",
            "behaving", "used", "work", "works", "forces", "done",
        ])
        .unless_next(&[
            "reason", "reasons", "measure", "behaviour", "luck", "cause", "causes", "food", "use",
        ]),
    n("(until|till|til) (one of us|i|we) (dies|die|am gone|am dead|go)", PERM),
    n("from now on ~4 (be|stay|feel|look) like (this|that)", PERM),
    f("(it|this|the pain|my pain|pain|that) (is|are) not (going away|going to go away|ever going away)", PERM)
        .unless_next(&[
            "with", "after", "today", "tonight", "despite", "this", "yet", "quickly", "as", "even", "though",
            "on", "by", "without", "until", "till", "for", "fast",
        ]),
    f("(is|are) not (ever|ever going to be) (going away|leaving|ending|over)", PERM),
    n("(be|stay) like this from now on", PERM),
    n("(until|till|til|to) (the end|my grave|the grave|the end of my days|my last breath)", PERM)
        .unless_next(&["of", "credits", "game", "match", "film", "episode", "day", "week", "month"]),
    n("(be|stay) like this (forever|for ever|until|till|always|for the rest)", PERM),
    n("(i am|i will be|i will always be) {intens}* (a lost cause|a hopeless case|beyond help|beyond repair|\
        beyond saving|beyond fixing|a write off|damaged goods)", &[Permanent, Personal]),
    n("(no|never any|not any) (cure|fix|recovery|way back|getting better)", PERM)
        .unless_next(&["yet", "for", "found", "at", "until", "till"]),
    n("stuck (like this|this way|with (this|it|the pain|my pain|my body|my condition)) (forever|for ever|for \
        life|for good|now)", PERM),
    f("never (ever)? (coming|come) back", PERM),
    n("(for)? (the)? rest of my (life|days|days on earth|natural)", PERM),
    n("for life", PERM).unless_prev(&[
        "friends", "friend", "mates", "banned", "fight", "fighting", "insurance", "partner", "partners",
    ]),
    n("in my lifetime", PERM),
    n("(until|till|til) (i die|the day i die|my dying day)", PERM),
    n("here to stay", PERM),
    n("(the)? new normal", PERM),
    n("life sentence", PERM),
    n("(no way|no going) back", PERM),
    n("past the point", PERM),
    n("too late for (me|that|my body|recovery)", PERM),
    n("damage is done", PERM),
    n("permanent*", PERM).unless_next(&[
        "job", "contract", "position", "post", "marker", "address", "resident", "residency", "staff", "role",
        "wave", "makeup", "collection", "exhibition", "record", "member", "home",
    ]),
    n("stuck (like this|with (this|it|the pain|my pain))", PERM),
    n("resigned to", PERM),
    n("this is (exactly|just|simply)? (what|how) ~3 (years|i will be|it will be|life will be|it is going to \
        be|look like|my life will|the rest)", PERM),
    f("not (next|in|this) _? (year|years|decade|decades|lifetime)", PERM),
    f("can not see (this|it|the pain|things|my life|anything) ~2 (lifting|improving|getting better|changing|\
        easing|ending|going away|clearing)", PERM),
    n("(year|years) i have (got)? left", PERM),
    f("there (will not|will never|is never going to|is not going to) be (one|a cure|any cure|a recovery|any \
        recovery|an end|any improvement|a way out|a way back)", PERM),
    n("no (getting better|recovery|recovering) (from)?", PERM),
    n("(will|going to) (always)? (stay|remain) (like this|that way|this way|the same)", PERM),
    n("incurable", PERM),
    n("(here|is|stay|stays|last|lasts) for good", PERM),
    n("(will|going to) ~5 for good", PERM)
        .unless_inside(&["quit", "stop", "give", "kick", "beat", "stopping"]),
    n("(will|going to) ~4 from now on", PERM),
    n("no end in sight", PERM),
    n("(no|nothing|nobody) ~3 will ever (fix|cure|help|change|heal)", PERM),
    n("(will|going to) (only|just)? (keep getting|get|keep|continue to get) worse", PERM),
    f("(recovery|a cure|getting better|improvement|things improving) (is|are|will)? not (going to)? (happen|\
        come)", PERM),
    // ---- pervasive: it spoils everything, or many parts of life ------------------------------
    n("{damage} (absolutely|literally|just|pretty much|basically|completely|totally)? (everything|all of it|\
        every _|my (whole|entire)? (life|world|days|existence|future|plans))", PERV)
        .unless_inside(&[
            "joint", "joints", "bone", "bones", "muscle", "muscles", "inch", "step", "movement", "nerve",
        ]),
    n("({everything}|{my_life}) (as i knew it|as it was)? ~3 {bad_state}", PERV),
    n("my (whole|entire) way of (living|life)", PERV),
    n("(can|could) not enjoy (anything|a thing|life|nothing)", PERV),
    n("nothing (left)? (that)? (i|we) (enjoy|can enjoy|look forward to|love)", PERV),
    n("nothing (is|feels|seems) (enjoyable|fun|good|right|worth it|the same)", PERV),
    n("(no|any) (joy|pleasure|fun) (in|from|out of) (anything|life)", PERV),
    n("nothing (in my life)? (goes|is going|went|ever goes) right", PERV),
    n("nothing in my life", PERV),
    n("nothing left of my (old)? (life|world|self)", PERV),
    n("(control*|rule*|run*|dominate*|consume*) my (whole|entire)? life", PERV),
    n("it is my (whole|entire) (life|world|way of living|way of life)", PERV),
    n("every (single)? (part|area|aspect|bit|corner|inch|piece) of my (life|days|world|existence)", PERV)
        .unless_prev(&["love", "loved", "enjoy", "enjoyed", "cherish", "for"]),
    n("(no|not one|not a single) (part|area|corner|bit|aspect|thing|moment|hour|minute|day) (of|in) my \
        (whole)? (life|day|days|world|week|existence)", PERV),
    n("(every|each) (single)? (day|part|plan|thing|moment|area|aspect|weekend|holiday|relationship) ~3 (is|\
        are|gets|get|has been|have been) (ruined|wrecked|destroyed|spoiled|spoilt|affected|taken over|\
        touched|tainted|dominated|consumed|overshadowed|cancelled)", PERV),
    n("(untouched|unaffected|unspoiled|spared|left alone|free) (by|of|from) (it|this|the pain|pain|my pain|\
        my condition)", PERV),
    n("{damage} (all of)? (my|our) (days|weeks|plans|relationships|friendships|hobbies|holidays|evenings|\
        weekends|everything)", PERV),
    f("(can|could) not do anything (i|that i) (used to)? (enjoy|love|like)", PERV),
    n("point (of|in) (anything|everything|life|it all|doing anything)", PERV_HELP),
    n("(gets|takes|ruins|wrecks|spoils|steals|touches|affects|eats) (them|it) all", PERV),
    n("(fail*|failure|useless|hopeless|rubbish|bad|terrible|crap) at everything", PERV_PERS),
    n("i (always)? (ruin*|spoil*|mess* up|wreck*|screw* up|muck* up|destroy*) (everything|every \
        _)", PERV_PERS),
    n("in every (way|area|aspect|part|corner)", PERV),
    n("{damage} whatever (i|we)", PERV),
    n("nothing works", PERV).unless_next(&["for", "on"]),
    // ---- personal: a self-blaming, characterological explanation ----------------------------
    f("i am {intens}* {self_neg}", PERS).unless_next(&["thing", "things", "after", "from"]),
    f("(why|how) am i {intens}* {self_neg}", PERS),
    f("i was {intens}* (stupid|an idiot|idiot|useless|pathetic|lazy|a failure|failure|a burden|burden|an \
        embarrassment)", PERS),
    n("i (hate|loathe|despise) myself", PERS),
    n("i am the (whole)? (reason|cause|problem)", PERS),
    f("not the {role} (he|she|they|you|my kids|my family|my children) (deserve*|need*)", PERS),
    n("deserve* better", PERS).unless_prev(&["i", "we", "you"]),
    n("(it is|it's) all on me", PERS),
    n("i caused (this|it|all this|all of this)", PERS),
    n("(idiot|fool|failure|burden) that i am", PERS),
    f("i am {intens}* {bad_adj} {role}", PERS),
    f("i am {intens}* {bad_adj} (at|with) _", PERS),
    f("i (feel|felt|am feeling) (like)? {intens}* (useless|worthless|a failure|a burden|pathetic|a fraud|a \
        let down|a nuisance|a disappointment|an embarrassment|a drain)", PERS),
    f("i am {intens}* (not|never) (tough|strong|good|brave|disciplined) enough", PERS),
    f("i am {intens}* too (soft|sensitive|weak|pathetic|useless|lazy|stupid|needy|dramatic)", PERS),
    n("my (own)? (stupid|damn|bloody)? fault", PERS),
    n("my (own)? (stupid|big|own)? mistake", PERS),
    n("myself to blame", PERS),
    n("i blame myself", PERS),
    f("blame (anyone|anybody|nobody|no one) (else)? but (me|myself)", PERS),
    n("(brought|bring|bringing) (this|it) on myself", PERS),
    n("i (deserve|deserved) (this|it|the pain|to (hurt|suffer|be in pain))", PERS),
    n("i (did|have done) (this|it|all this|all of this) to myself", PERS),
    n("because of me", PERS),
    n("i should (have)? (been|be) ~2 (stronger|tougher|better|able|coping|fine|over)", PERS),
    n("i (should|could) have (tried|done|pushed|worked|known) (harder|more|better)", PERS),
    n("if (only)? i (had|would|were|was) ~2 (harder|better|stronger|tougher|more careful)", PERS),
    f("what (kind|sort|type) of {role}", PERS).unless_prev(&[
        "decide", "decides", "decided", "choose", "chooses", "define", "defines", "determine", "determines",
        "about", "know", "matter", "shows", "show", "learn", "remember", "be", "become", "of",
    ]),
    n("the (sort|kind|type) of person i am", PERS),
    n("(that|this) is (just)? (who|what) i am", PERS),
    f("(not|never) (be)? (the|a) (good|proper|decent|real)? {role} (i|that i) (should|could|ought to|want to|\
        used to|need to|am meant to|am supposed to) be", PERS),
    f("(i am not|i am never|i will never be|i will not ever be|i have never been) (a|the) (good|proper|\
        decent|real) {role}", PERS),
    f("i have (always|forever|ever|just)? been {intens}* ({self_neg}|{bad_adj} {role})", PERS),
    f("(mostly|partly|largely|probably|all|entirely|totally|completely) my (own)? fault", PERS),
    n("(that|this|it) is (all|completely|totally)? on me", PERS),
    n("(i have|i have got|i) (got)? (no|zero) (willpower|backbone|discipline|self control|spine|guts|\
        strength of character)", PERS),
    f("i (feel|felt|am feeling|am) {intens}* (guilty|ashamed|so guilty|so ashamed)", PERS)
        .unless_next(&["pleasure", "pleasures"]),
    n("i am the (one|only one) (who|that) (is|am)? {intens}* ({self_neg}|{bad_adj})", PERS),
    n("what is wrong with me", PERS).in_questions(),
    n("i (should|could) have ~4 (harder|sooner|earlier|more|better|differently|known|listened|stopped|rested|\
        paced)", PERS),
    n("(i|it) (let|lets|am letting) (myself|everyone|them) down", PERS),
    n("better {role}? than me", PERS),
    n("(stupid|silly|idiot|useless|pathetic) me", PERS),
    n("(the)? weak link", PERS),
    n("it is (always|all)? me (who|that)", PERS),
    n("i (always)? (ruin*|spoil*|mess* up|screw* up|muck* up) (it|things|it all|days out|family days \
        out)", PERS),
    n("me who (ruin*|spoil*|mess* up|let* ~2 down)", PERS),
    n("i (let|am letting|keep letting|always let) (everyone|everybody|them|my family|people|my kids|the kids|\
        my wife|my husband|my partner|him|her|you) down", PERS),
    n("(flake|bottle|chicken|mess|screw|cock|muck) (it)? (out|up) like i always do", PERS),
    n("i will (just)? (flake|bottle|chicken) out", PERS),
    // ---- helpless: nothing I do makes a difference --------------------------------------------
    f("why (should|do|would|even)? (i|we)? (even)? bother", HELP),
    f("what is the (point|use)", HELP),
    f("what (difference|good) (does|will|would|can) (it|that|anything|any of it|trying) (make|do)", HELP),
    n("no (point|use)", HELP),
    f("(do|does|can) not see (the|any) point", HELP),
    n("pointless", HELP),
    n("is there (any|even any|a|much)? point", HELP).in_questions(),
    n("nothing (i|we) (do|try|did|tried|have tried) ~2 (matter*|help*|work*|make*|change*|is enough|seems|be \
        enough|was enough|counts)", HELP),
    n("(everything|anything|whatever) (i|we) (try|do|tried|did) (fails|failed|makes it worse|made it worse|\
        is useless|does nothing|did nothing|backfires|goes wrong)", HELP),
    n("(and|but|yet|still) nothing (really|ever)? (changes|changed|shifts|shifted|budges|improves|improved|\
        helps|helped|works|worked)", HELP),
    n("(they|it|this|these|those|none of them|none of it|the _|my _) (do|does|did) (nothing|absolutely \
        nothing|sod all|bugger all|zilch|jack)", HELP)
        .unless_next(&["for", "but", "wrong", "else", "about"]),
    n("(only|all) (thing|option|choice)? (that is|there is)? (left)? (to do|i can do|we can do|there is to \
        do) is (to)? (wait|suffer|endure|put up|lie|grin|accept|cope|sit|hope)", HELP),
    f("not (see|know) what (else)? (i|we) (can|could) (possibly|actually|really)? do", HELP),
    f("what (else)? (can|could) (i|we) (possibly|even|really)? do", HELP).unless_next(&["today", "tomorrow",
        "to", "for", "instead", "with", "about"]),
    f("why (would|should|do|even) (i|we) (even)? (plan|make plans|hope|book|look forward|start|get my hopes \
        up|keep trying|bother trying|get up|try again)", HELP),
    f("no matter (what|how) ~2 (i|we)", HELP),
    n("(none of|no) (the|my|these|those)? (treatments|meds|medications|pills|tablets|exercises|therapies|\
        doctors|things i try|things i do|drugs|injections|diets|specialists) (make*|made|help*|work*|do|does|\
        did) (any|a|the slightest|much)? (difference|good|odds)", HELP),
    n("nothing (makes|made|will make) (any|a|the slightest|much of a) difference", HELP),
    n("(i|we) (can|could) not (do|change) (anything|a thing) about (it|this|any of it|any of this)", HELP),
    n("nothing (is|seems to be) working", HELP),
    n("exhausted (all)? (my|the)? options", HELP),
    n("nothing (ever|really|seems to|has|is|will|has ever|ever really)? (helps|helped|works for|work for|\
        works on|worked)", HELP)
        .unless_next(&["until", "till", "before"]),
    f("(i|we|you) (can|could) not (do|change) (anything|a thing|a single thing|much|nothing) (about|\
        to)?", HELP)
        .unless_next(&["i", "that", "without", "fun"]),
    f("i (can|could) not make (it|this|things) (any)? better", HELP),
    n("no (treatment|medication|medicine|tablet|pill|therapy|doctor|drug)s? (has|have)? (ever)? (worked|\
        helped)", HELP),
    f("why (do|should|would)? (i|we)? (even)? try", HELP),
    n("(nobody|no one|nothing) can (do anything|help|fix (it|this|me))", HELP),
    n("nothing (i|we|anyone|they|you|the doctors) can do", HELP),
    n("there is nothing (more|else|left)? (to do|to try|to be done)", HELP),
    f("i (can|could) not (change|fix|influence|control|escape|beat|affect|stop) (it|this|that|any|how|\
        anything|what|the pain|my pain|the flares|things)", HELP),
    f("(can|could) not win", HELP),
    n("out of my (hands|control)", HELP),
    n("beyond my control", HELP),
    n("(no|zero) control over", HELP),
    n("(have|got) no (control|say|power|choice|options)", HELP),
    n("(powerless|helpless)", HELP),
    n("(feel|feeling|felt|it is|this is|everything is|seems|is all|things are|life is|situation is) \
        {intens}* hopeless", HELP),
    n("at the mercy of", HELP),
    n("tried (everything|all of it|it all|them all|every _)", HELP),
    n("nothing left (to try|that i have not tried|i have not tried|to do)", HELP),
    n("run* out of (options|ideas|things to try|treatments)", HELP),
    n("no (options|treatments|hope|ideas) left", HELP),
    n("(there is|i have|i have got) no hope", HELP),
    n("(lost|given up|give up|losing) (all)? hope", HELP),
    n("(i|we) (give|am giving|have given|gave|just give) up", HELP).unless_next(&[
        "diet", "smoking", "sugar", "coffee", "caffeine", "alcohol", "drinking", "booze", "meat", "gluten",
        "dairy", "chocolate", "seat", "car", "my", "the", "some", "a",
    ]),
    n("giving up", HELP).unless_next(&["smoking", "sugar", "coffee", "alcohol", "drinking", "my", "the"]),
    n("(stopped|stop|quit|quitting) (trying|bothering|planning|hoping)", HELP),
    n("done (hoping|trying)", HELP),
    n("(make|makes|made|making) (no|zero|little) (difference|odds)", HELP),
    f("not (make|made) (a|any|the slightest|much of a) (difference|odds)", HELP),
    n("none of (it|them|this|that) (make*|made|help*|work*|matter*)", HELP),
    f("no matter (what|how hard|how much) (i|we) (do|try|did)?", HELP),
    f("(does|did|will) not matter (what|how|whether|if) ~3 (i|we) (do|try|did|tried|am|are|was|were|rest|\
        pace|push|take|avoid|change|eat|sleep|stretch|exercise)", HELP)
        .unless_next(&["tonight", "today", "tomorrow", "for", "at", "on"]),
    n("whatever (i|we) (do|try)", HELP),
    n("(just|only)? have to (lie here and)? (take it|put up with it|lump it|suffer)", HELP).unless_next(&[
        "easy", "slowly", "gently", "steady", "steadily", "one", "day",
    ]),
    n("lie here and take it", HELP),
    n("set* me up (for|to) (another|more)? (disappointment|fail|failure|a fall|heartbreak)", HELP),
    f("(i|we) (can|could) not (see|find) (any|a) way (out|forward|through)", HELP),
    n("no way out", HELP),
    n("(they|it|he|she) will (just)? (turn me down|say no|refuse|not help|not listen) anyway", HELP),
    n("futile", HELP),
    n("the pain (always)? wins", HELP),
    n("(fed up|sick|tired) (of|with) trying", HELP),
    n("(trying|try|tried) ~4 nothing (changes|helps|works)", HELP),
    n("too ~2 to (help myself|do anything|change anything|fix (it|this|anything))", HELP),
    // ---- session 4, second round: wider phrasings by word class ------------------------------
    // A pain or condition subject with a permanence predicate ("the pain is with me for good").
    n("{cond} (is|are|will be|is going to be|will stay|stays|will remain) (with me|here|part of me|mine|\
        around|in my life|my life)? {for_ever}", PERM),
    f("{cond} (will|is going to|are going to) (never|not ever|not) (leave|let up|stop|end|go|ease|lift|\
        loosen|let go|get easier|shift)", PERM).unless_next(&["today", "tonight", "tomorrow", "until", "till",
        "before", "this", "for", "in", "by", "soon"]),
    f("{cond} (never|not ever) (leaves|lets up|stops|ends|goes away|eases|lifts|lets go)", PERM)
        .unless_next(&["until", "till", "before", "when", "after", "for", "on", "at"]),
    n("(stuck|lumbered|saddled) with {cond}", PERM)
        .unless_next(&["today", "tonight", "tomorrow", "until", "till", "for", "this", "at", "while", "on"]),
    n("no (end|let up|letting up|way out|escape|cure|fix) (to|from|for)? {cond}", PERM),
    n("(never|not ever|not) going to (end|stop|let up|be over)", PERM)
        .unless_next(&["today", "tonight", "until", "till", "soon"]),
    f("(i will|i am going to|i am) (never|not ever|not going to) (be|get|feel) (better|well|normal|the same|\
        myself|pain free|free of (it|this|pain)|back to normal|back to (my)? old self|my old self)", PERM)
        .unless_next(&["today", "tonight", "tomorrow", "until", "till", "in", "by", "soon", "this", "if"]),
    n("as good as it (gets|will get|is going to get)", PERM),
    n("(this|it|that) is (who|what|how) i (am|will be) now", PERM),
    n("(this|it|that|the pain) is (here|mine)? (to stay|for keeps|forever|for ever)", PERM),
    // Pervasive: it has taken over, nothing is left, it is in everything.
    n("(taken|took|takes|taking) over (my|our)? (whole|entire)? (life|world|days|everything|existence|\
        all of it)", PERV),
    n("(is|has become|has) (taken over|all there is|all i am|all i have|my whole life)", PERV)
        .unless_inside(&["work", "job"]),
    n("(there is|i have|i have got) nothing (good)? left (in my life|for me|to enjoy|to look forward to|\
        of me|of my life)?", PERV).unless_next(&["to", "in", "but", "except", "that", "i"]),
    n("(in|into|touches|affects|behind) (everything|every single thing|every thing) (i|we) (do|try|plan)",
        PERV),
    n("(can|could) not (do|enjoy|manage|plan) (anything|a thing|nothing) (any more|anymore|now)", PERV),
    n("nothing (is|feels|seems) (good|fun|enjoyable|worth it|worth doing|the same|right) (any more|\
        anymore)", PERV),
    n("(no|not any) (life|future|joy|pleasure) (left|any more|anymore)", PERV),
    // Personal: a self-reference with an evaluative label ("I'm such a fraud", "I'm weak willed").
    f("(i am|i feel|i feel like|i felt like|i have become|i am turning into|i am becoming|i was born|i \
        always was) {intens}* {label}", PERS),
    n("i (hate|loathe|despise|am disgusted (with|by)|am ashamed of) (what|who) i (am|have become)", PERS),
    n("(ashamed|disgusted|embarrassed) (of|with|by) myself", PERS),
    n("(my|our) own (stupid|damn)? (doing|fault|weakness|laziness|stupidity)", PERS),
    n("(can|could) not (do|get) anything right", &[Pervasive, Personal]),
    f("i (always|keep|just keep) (fail|failing|messing up|screwing up|letting (everyone|people|them) down)",
        PERS),
    f("i (will|am going to) never be (good|strong|tough|brave|smart|clever) enough", PERS),
    // Helpless: efforts are futile, useless or a waste.
    n("{efforts} (is|are|was|were|feels|feel|seems|seem) {intens}* (pointless|useless|futile|a waste of \
        time|a waste of energy|a waste|for nothing|no use|no good|hopeless)", HELP),
    n("(useless|futile|no use|no good|a waste of time) (trying|to try|even trying|to bother)", HELP),
    n("(might|may) as well (give up|not bother|not try|stay in bed|stop trying|not even try)", HELP),
    f("(will|would|is going to) not (work|help|change anything|make (a|any) difference|matter) anyway",
        HELP),
    f("what (difference|good) (does|will|would|can|could) (it|that|anything|any of it|trying|i|doing \
        anything) (make|do|possibly make)", HELP),
    n("nothing (will|would|can|could) (ever)? (help|work|fix (it|this|me)|make (a|any) difference)", HELP)
        .unless_next(&["until", "till", "before", "today", "tonight", "except", "but"]),
    n("(so|then)? (why|what is the point in|what is the point of) (trying|bothering|doing anything)", HELP),
    // ---- written from heldout2's style misses by kind, before heldout3 was read --------------
    // Permanent: a lifetime horizon, a one-way trajectory, recovery denied, "never the same".
    n("(be|still be|stay|still) (like this|in pain|this way|on (painkillers|these meds)) ~2 (when|until|till|\
        by the time) i am", PERM),
    n("every (single)? (day|week|month|year) (after|after that|after it|from then on)", PERM),
    n("(for|the) (whole|rest) of my (life|days|adult life)", PERM),
    f("(will not|will never|can not|never|not) (ever)? (be|get back to) (what|how) (it|they|i|this|my _) \
        (was|were|used to be)", PERM),
    f("(will not|will never|never|not) (ever)? be the same (again)", PERM),
    f("(is|are) not going anywhere", PERM)
        .unless_prev(&["i", "we", "you", "am"])
        .unless_next(&["today", "tonight", "this", "until", "till", "for", "in", "without", "near", "fast"]),
    n("only (going|heading|go|goes|get|gets|getting) (one way|in one direction|one direction|downhill|\
        worse)", PERM),
    n("(stopped|stop|given up|gave up|give up) (expecting|hoping) (to|for|that|i will)? ~2 (recover|\
        recovery|get better|a cure|improve|improvement|remission)", PERM),
    f("(recovery|remission|a cure|improvement|relief|the old me|better days) (is|are) (not|never) (coming|\
        going to come|on the cards|happening)", PERM),
    n("(is|it is|they are) staying (that way|this way|like (this|that))", PERM),
    n("(will|is going to|are going to) outlive me", PERM),
    n("mine (to keep|for keeps|for life)", PERM),
    n("(no|not any|not a) (version of (my|the) future|future) without", PERM),
    n("(no|nothing|nobody|no one) ~3 (is|are) (ever)? going to (shift|budge|fix|cure|change|heal|touch) (it|\
        this|that|them)", PERM),
    // Pervasive: no life left, a life period taken, not just the body but the life.
    n("(do not|does not|no longer|not) (have|got) (a|any) life (any more|anymore|left|now)?", PERV),
    n("no (life|social life) (any more|anymore|left|to speak of)", PERV),
    n("{damage} (my|our) (twenties|thirties|forties|fifties|sixties|youth|retirement|best years|prime|\
        social life|whole life|life)", PERV),
    n("not just my _ ~4 (it is|but|it has) my (whole)? (life|world)", PERV),
    n("(future|life|plans|dreams) ~5 (gone up in smoke|down the drain|off the table|in tatters|collapsed|in \
        ruins)", PERV),
    // Personal: an evaluative self-label in any frame ("how needy I've become", "a moaner like me").
    f("how {char_adj} i (am|have become|have been|was|have got|can be)", PERS),
    f("i am {intens}* (so|such|too|really|becoming|getting)? {char_adj}", PERS)
        .unless_next(&["thing", "things", "after", "from"]),
    n("(a|an|the) _? (moaner|whinger|burden|failure|loser|mess|drain|nuisance|misery|wimp|wreck|liability|\
        killjoy|grump|downer|wet blanket|misery guts|crock|cripple|invalid) like me", PERS)
        .in_questions(),
    f("what a {intens}* _? (state|mess|failure|joke|wreck|waste|loser|burden|disappointment|letdown|let down) \
        i am", PERS),
    f("some {role} i am", PERS),
    n("(waste|excuse|joke|failure|disgrace) of a {role}", PERS),
    n("(wrong|broken|bad|useless|failing|a failure|a let down) ~3 as a (person|human|human being|{role})",
        PERS),
    f("if (only)? i (had|would) (have)? been (a bit)? (more|less|stronger|better|tougher|fitter|wiser)",
        PERS),
    n("(by|for|from) being (too|so)? {char_adj}", PERS),
    n("i (have)? {damage} my own (life|body|health|future|chances|recovery)", PERV_PERS),
    n("is (just)? who i am now", PERS),
    n("(a|the) (weight|millstone|anchor|burden) (round|around|on) ~2 (neck|necks)", PERS),
    f("trust me to", PERS),
    // Helpless: treatments fail, effort gets nowhere, it happens regardless.
    n("zero (difference|effect|change|improvement)", HELP),
    n("no amount of _+ ~2 (makes|made|will make|helps|helped|changes|changed|fixes|fixed)", HELP),
    f("{treat} (do|does|did|have|has) not (help|work|helped|worked|touch it|do anything)", HELP)
        .unless_next(&["with", "much", "yet", "as", "at", "but", "if", "until", "till", "on", "for", "when"]),
    n("(crash|crashes|flare|flares|hurt|hurts|suffer|pay for it|end up (in pain|in bed|worse)) (anyway|\
        regardless|either way|all the same|whatever i do)", HELP),
    n("(getting|got|get|gets|getting me|gets me|got me) nowhere", HELP),
    n("(list|options|things) ~3 (is|are) (empty|exhausted|used up|all gone)", HELP),
    n("(do|did|doing) everything right ~3 still", HELP),
    n("nothing (touches|shifts|dents|budges|eases|takes the edge off|even touches) (it|this|the pain|my pain|\
        them|the _)", HELP),
    n("every (treatment|drug|medication|med|pill|therapy|injection|thing i try|option|specialist) (fails|has \
        failed|failed|does nothing|makes it worse|did nothing)", HELP),
    f("(can|could) not (lift a finger|do a thing|do a single thing) to (stop|change|help|fix)", HELP),
    // ---- session 4, second round: heldout3's style misses, by kind (tuning) ------------------
    // Permanent: losses that will not come back, a future counted in years or decades, a
    // condition that will keep coming back or only spread, an old self gone.
    f("(not|never) (ever)? (getting|get|going to get|giving|going to give|give) (my|their|its|them|it|\
        me) (old)? _? (back)", PERM).unless_next(&["today", "tomorrow", "until", "till", "by", "soon"]),
    f("(is|are) never (lifting|ending|going away|easing|stopping|improving|changing|healing|clearing|\
        leaving|letting up|loosening|budging|shifting|settling|going to (lift|ease|stop|end|heal))", PERM),
    n("(it|that|this) part of (me|my life) is (over|gone|finished|done)", PERM),
    n("(there will be|there is going to be|and) (ten|twenty|thirty|forty|many|more|years|decades) (more|\
        of it|years more)", PERM),
    n("(next|this) year and the (year|one) after", PERM),
    n("(will|going to) (keep|just keep|always keep) (coming back|returning|flaring|getting worse)", PERM),
    n("(will|going to) (only|just)? (spread|worsen|deteriorate|progress|get worse)", PERM)
        .unless_next(&["if", "unless", "without"]),
    n("(will|going to|is going to) (ruin|wreck|spoil|take) (my|the) (thirties|forties|fifties|sixties|\
        retirement|future|old age|rest of my life)", &[Permanent, Pervasive]),
    n("the (whole|rest) of my (twenties|thirties|forties|fifties|sixties|retirement)", PERM),
    n("my old (energy|self|life|body|strength|fitness|spark) (is|has)? (gone|lost|not coming back)", PERM),
    n("(nobody|no one) (gets|ever gets|recovers|gets better) ~3 (and|so) (i will not|i will never|nor \
        will i)", PERM),
    n("{cond} (will be|is going to be) with me ~3 {for_ever}", PERM),
    n("(will be|going to be) ~3 for (my|the) (entire|whole) (life|rest of my life)", PERM),
    n("nothing ever will", &[Permanent, Helpless]),
    n("nothing (will|is going to) (ever)? (work|help)", &[Permanent, Helpless]),
    // Pervasive: the rest of life reached, not a corner spared, joy drained out of everything.
    n("{damage} (the rest of|all of|every part of|all areas of) my (life|days|world)", PERV),
    n("(not|is not) a (corner|part|area|bit|aspect|day) (of|in) my (life|world|days|existence)", PERV),
    n("not (get|find|take|feel|have) (any|much)? (pleasure|joy|enjoyment|fun) (from|in|out of)", PERV),
    n("nothing (about|in) my life", PERV),
    n("{damage} my (whole|entire) _", PERV).unless_inside(&["day", "morning", "evening", "afternoon",
        "week", "weekend", "holiday", "trip", "night", "plan", "outfit", "shift", "lunch", "meal"]),
    n("(can|could) not do (any of)? the things (that)? (made me|i love|i loved|i enjoy|i enjoyed|i used to)",
        PERV),
    n("(joy|life|fun|colour|color|pleasure|meaning) out of (everything|life|my life|every _|all of it)",
        PERV),
    n("(life|my life) is (just)? (one long|a|an endless) (list|series|round|cycle) of", PERV),
    // Personal: superlative self-labels, a disappointment to others, messing things up.
    n("never (do|get) anything right", PERS),
    n("i am (the|by far the)? (weakest|worst|laziest|most useless|most pathetic|most selfish|biggest \
        (failure|loser|burden|joke|disappointment))", PERS),
    n("(disappointed|ashamed|embarrassed) (in|of|by) (me|the {role} i|who i|what i)", PERS),
    n("(keep|am|always|constantly|forever) letting ~3 down", PERS).unless_inside(&["hair", "tyres", "hem"]),
    n("i (always|keep|constantly)? (mess|screw|muck|cock) (things|it|everything|stuff|it all) up", PERS),
    n("i (ruined|spoiled|spoilt|wrecked) (the|our|their|his|her)? (party|day|evening|holiday|trip|wedding|\
        birthday|christmas|weekend|night|meal|outing|plans|day out)", PERS),
    n("(mess|wreck|shell|shambles) of a {role}", PERS),
    n("(weak|pathetic|useless|broken|lesser|sad|sorry) ~3 version of (myself|me)", PERS),
    // Helpless: all the right things and still stuck, out of options, treatments that do nothing.
    n("(done|did|do|doing|tried) (all|everything) (the)? right (things)? ~4 still", HELP),
    n("(i am|we are|i have run|i have) (completely)? out of (options|ideas)", HELP),
    n("no (treatment|medication|drug|pill|therapy|thing) (i|we) (try|take|tried|have tried) ~2 (will|would|can|\
        does|did)? (touch|help|work|fix|shift)", HELP),
    n("nothin (helps|works|helped|worked)", HELP),
    n("nothing (i|we) (do|try|did|tried) (fixes|fixed|shifts|shifted|touches|touched|dents|budges|changes)",
        HELP),
    f("not see why (i|we) (would|should)? (keep|bother|carry on|continue|try)", HELP),
    f("what (difference|good) (does|will|would|can|could) ~3 (make|do)", HELP),
    n("{treat} (do|does|did) (absolutely)? (nothing|sod all|bugger all|zilch) (for)? (me|it|my pain|the \
        pain)?", HELP),
    n("none of (my|the|these|those) _ (work|works|worked|help|helps|helped)", HELP),
    n("no sense (in)? (booking|planning|trying|doing|bothering|making)", HELP),
    f("{treat} (do|does|did) not (work|help) (on|for) me", HELP),
    n("none of (it|them|this|that) (has|have) (ever)? (made|helped|worked|mattered|done)", HELP),
];
