//! Who and when: negation, someone else's story, a goodbye with a farewell, and a past crisis
//! the writer says is over.

use super::rules::LISTS;
use crate::pattern::PatternSet;
use crate::text::Text;
use std::sync::LazyLock;

/// "My GP asked if I'd thought about suicide and I said no": a question answered no.
pub(super) fn denied(t: &Text, first: usize, end: usize) -> bool {
    static NO: LazyLock<PatternSet> = LazyLock::new(|| {
        PatternSet::new(["(said|answered|replied|told (him|her|them)) (no|not really)", "i am not"], LISTS)
    });
    static YES: LazyLock<PatternSet> =
        LazyLock::new(|| PatternSet::new(["(said|answered|replied|admitted) (yes|that i|i)"], LISTS));
    // "Mood questionnaire: no thoughts of suicide or self-harm": a screening answered no.
    static NONE: LazyLock<PatternSet> = LazyLock::new(|| {
        PatternSet::new(
            ["no (thoughts|ideas|urges|plans|intent|feelings) (of|about) (suicide|self harm|\
            harming|ending|dying|hurting)"],
            LISTS,
        )
    });
    if NONE.any(&t.words, first, end) {
        return true;
    }
    t.any_in(first, end, &["asked", "asks", "asking"])
        && NO.any(&t.words, first, end)
        && !YES.any(&t.words, first, end)
}

/// "…but that was a lie": the writer takes back an earlier "I'm not suicidal".
pub(super) static LIE: LazyLock<PatternSet> = LazyLock::new(|| {
    PatternSet::new(["(was|is) a lie", "i lied", "i was lying", "(that is|that was) not true"], LISTS)
});

/// "not", "never" or "no" within three words before, in the same clause.
pub(super) fn negated(t: &Text, i: usize) -> bool {
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
pub(super) const OTHERS: &[&str] = &[
    "she", "he", "they", "someone", "somebody", "her", "his", "their", "woman", "man", "friend", "neighbour",
    "son", "daughter", "brother", "sister", "mum", "dad", "husband", "wife", "partner", "colleague",
    "character", "people", "person", "singer", "actor", "footballer", "cousin", "boy", "girl", "kid",
    "patient",
];
pub(super) const SELF: &[&str] = &["i", "me", "myself"];

/// Is the phrase `first..end` said about someone else ("she'd had suicidal thoughts", "my
/// neighbour's son died by suicide")? Yes when a third person comes before it in the
/// sentence and the writer ("I", "me") appears neither before it nor in it ("my husband
/// would be better off without me" is about the writer).
pub(super) fn someone_else(t: &Text, (first, end): (usize, usize), s_first: usize) -> bool {
    // "my friend told me she'd been…": the "me" of a reporting verb is not the subject.
    let writer = (s_first..end).any(|j| {
        t.word(j).is_some_and(|w| SELF.contains(&w))
            && !(w_is_report(t, j) && (j + 1..first).any(|k| t.word(k).is_some_and(|w| OTHERS.contains(&w))))
    });
    !writer && (s_first..=first).any(|j| t.word(j).is_some_and(|w| OTHERS.contains(&w)))
}

/// Is the word at `j` the object of a reporting verb ("told me", "texted me")?
fn w_is_report(t: &Text, j: usize) -> bool {
    const REPORT: &[&str] =
        &["told", "tells", "telling", "texted", "messaged", "confided", "admitted", "asked", "warned"];
    j.checked_sub(1).and_then(|k| t.word(k)).is_some_and(|w| REPORT.contains(&w))
        || (t.is(j.wrapping_sub(1), "to")
            && j.checked_sub(2)
                .and_then(|k| t.word(k))
                .is_some_and(|w| matches!(w, "said" | "admitted" | "confided" | "wrote" | "explained")))
}

/// A goodbye or a final decision together with a farewell ("Sorry for everything. I love you
/// all. Goodbye.", "I've made my decision. I'm sorry.", "Tell them I'm sorry. I can't do this any
/// more."). Neither half alone is enough.
pub(super) fn farewell(t: &Text) -> Option<&'static str> {
    static FAREWELL: LazyLock<PatternSet> = LazyLock::new(|| {
        let sources = [
            "sorry for everything",
            "love you all",
            "forgive me",
            "for the last time",
            "(take care|look after|looking after) (of)? (my|the) (kids|children|dog|cat|cats|dogs|boys|girls|\
             son|daughter|pets|babies)",
            "(thank you|thanks) for everything",
            "tell ~3 (i am sorry|i love|i loved|that i love)",
        ];
        PatternSet::new(sources, LISTS)
    });
    static FINALITY: LazyLock<PatternSet> = LazyLock::new(|| {
        let sources = [
            "(goodbye|goodbyes)",
            "(made|make|making) (my|the|up my) (decision|choice|mind)",
            "my mind is made up",
            "(i|i have) decided",
            "can not (do|take|cope with|face) (this|it|any of this|this life) (any more|anymore|much longer)",
            "can not (go on|carry on|keep going) (any more|anymore|like this)",
            "(this is|it is) (it|the end)",
            "it (will|is going to) (all)? be over",
            "i am (done|ready to go|going now)",
            "(my|the) (last|final) (post|message|words)",
        ];
        PatternSet::new(sources, LISTS)
    });
    let all = |set: &PatternSet| set.any(&t.words, 0, t.words.len());
    // A bare "I'm sorry" counts only as a whole sentence, not "I'm sorry for moaning".
    let apology = t.sentences.iter().any(|s| {
        let words: Vec<&str> = (s.first..s.end).filter_map(|i| t.word(i)).collect();
        matches!(words.as_slice(), ["i", "am", "sorry"] | ["i", "am", "so" | "really" | "truly", "sorry"])
    });
    let farewell = apology || all(&FAREWELL);
    (farewell && all(&FINALITY)).then_some("goodbye + farewell")
}

/// The sentence of a match and the one after it, for telling a past, resolved crisis
/// ("Five years ago I tried to end my life. I'm glad I'm still here.") from a present one.
pub(super) struct SentenceWindow<'a> {
    pub text: &'a Text,
    pub this: usize,
}

static PAST_MARKERS: LazyLock<PatternSet> =
    LazyLock::new(|| PatternSet::new(PAST_SRC.iter().copied(), LISTS));
pub(super) static SAFE_NOW: LazyLock<PatternSet> =
    LazyLock::new(|| PatternSet::new(SAFE_SRC.iter().copied(), LISTS));
static STILL_NOW: LazyLock<PatternSet> =
    LazyLock::new(|| PatternSet::new(CURRENT_SRC.iter().copied(), LISTS));

#[rustfmt::skip]
pub(super) const PAST_SRC: &[&str] = &[
    "(years|months|ages|decades|year|month) ago", "(last|that) (year|spring|summer|autumn|winter|month)",
    "used to", "in the past", "when i was (younger|first|a teenager|at school|diagnosed|in my)",
    "there was a time", "the time i was", "back then", "years back", "i (was|felt|had been) suicidal",
    "i (tried|attempted) to", "(my)? old (diary|diaries|journal|journals|notebook|notebooks|posts|poems)",
    "reading (it|them|that|this|those) (back|now)",
    "(the|that|my) (first|worst|darkest|lowest|hardest) (year|years|months|weeks|time|patch|period)",
    "as a (teenager|teen|student|kid|child|young man|young woman)",
    // Session 4, second round: wider past markers.
    "in my (teens|twenties|thirties|youth|late teens|early twenties|early thirties)",
    "back in (19*|20*|the day|my)", "i was once", "(over|more than)? (a|one) decade", "once the person",
    "after (my|the) (attempt|overdose|divorce|breakdown|diagnosis|accident)",
    "(haven't|have not|did not|didn't) (done it|felt that|in) (over|for|since)",
];
#[rustfmt::skip]
pub(super) const SAFE_SRC: &[&str] = &[
    "glad",
    "i am (ok|okay|fine|safe|alright|all right|well|doing well|doing better|in a (much)? better place)",
    "doing (well|better|ok|okay)", "better place", "got help", "helped", "(close|closed) that chapter",
"i (really|do|still)? want to be here", "(did|\
   do) not act", "managing", "good day", "recovered", "proud", "grateful",
    "thankful", "safe now", "came through", "the illness talking", "i know now", "not any more", "long gone",
    "how far i have come", "(i am|i am still) here and", "behind me",
    "(do not|no longer) feel (that way|like that|that) (now|any more|anymore)", "changed that",
    // Session 4, second round: wider signs that the writer is well now.
    "got (proper|real|some|the|good)? help", "married now", "now i (volunteer|work|have|love|run|help|am)",
    "love it", "things are (good|better|okay|ok|fine)", "(i am|i am in) (a)? (stable|good|better|safe) place",
    "come a long way", "sorted (them|it|that|things) out", "(do not|no longer) feel the (pull|urge)",
    "(barely|do not|hardly) recognise", "pain (is)? managed", "have been for years",
];
#[rustfmt::skip]
pub(super) const CURRENT_SRC: &[&str] = &[
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

    /// A question answered no in the next sentence ("Thoughts of suicide? No, not at all.",
    /// "My therapist asked if I ever think about ending my life. I said no, and meant it."), or
    /// a "but I'm not going to" that closes the sentence ("…makes me want to cut my arm off,
    /// but obviously I'm not going to.").
    pub(super) fn answered_no(&self) -> bool {
        static SAID_NO: LazyLock<PatternSet> = LazyLock::new(|| {
            PatternSet::new(
                [
                    "(honestly|truthfully|well|um|erm|and)? (no|nope|never|not at all|not really)",
                    "i (said|answered|replied) (no|not really)",
                ],
                LISTS,
            )
        });
        static BUT_NOT: LazyLock<PatternSet> = LazyLock::new(|| {
            PatternSet::new(
                ["(but|though|although) (obviously|of course|honestly|really)? i (am not going to|\
                   will not|would \
                  not|would never|never would)"],
                LISTS,
            )
        });
        let t = self.text;
        let Some(s) = t.sentences.get(self.this) else { return false };
        let asked = s.question || t.any_in(s.first, s.end, &["asked", "asks", "asking"]);
        // "No one would miss me" is not a no.
        let not_no = ["one", "body", "point", "reason", "way", "longer", "future", "hope", "more", "matter"];
        let next_says_no = t.sentences.get(self.this + 1).is_some_and(|n| {
            SAID_NO.find(&t.words, n.first, n.end).iter().any(|&(_, a, _)| a == n.first)
                && !t.word(n.first + 1).is_some_and(|w| not_no.contains(&w))
        });
        // The "…I'm not going to" must end the sentence or go on with "do"/"act".
        let closing = BUT_NOT.find(&t.words, s.first, s.end).iter().any(|&(_, _, b)| {
            b >= s.end || t.word(b).is_some_and(|w| matches!(w, "do" | "act" | "actually" | "ever"))
        });
        (asked && next_says_no) || closing
    }

    pub(super) fn resolved_past(&self) -> bool {
        let both = [self.this, self.this + 1];
        self.any(&PAST_MARKERS, &[self.this]) && self.any(&SAFE_NOW, &both) && !self.any(&STILL_NOW, &both)
    }
}
