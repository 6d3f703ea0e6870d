#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use super::*;
use crate::pattern::Pattern;
use crate::style::eval::{score_crisis, CrisisItem};
use crate::testing::Rng;

const CRISIS_JSONL: &str = include_str!("../../../../content/eval/crisis.jsonl");

fn dev_items() -> Vec<CrisisItem> {
    CRISIS_JSONL
        .lines()
        .map(|l| serde_json::from_str::<CrisisItem>(l).unwrap())
        .filter(|i| i.split == "dev")
        .collect()
}

#[test]
fn every_rule_compiles() {
    for r in rules::RULES {
        assert!(Pattern::compile(r.pattern, rules::LISTS).is_ok(), "{}", r.pattern);
    }
    for r in broad::RULES {
        assert!(Pattern::compile(r.pattern, broad::LISTS).is_ok(), "{}", r.pattern);
    }
    for r in screen::RULES {
        assert!(Pattern::compile(r.pattern, screen::LISTS).is_ok(), "{}", r.pattern);
    }
    for p in context::PAST_SRC.iter().chain(context::SAFE_SRC).chain(context::CURRENT_SRC) {
        assert!(Pattern::compile(p, rules::LISTS).is_ok(), "{p}");
    }
    assert!(Pattern::compile(FIRM_SOURCE, rules::LISTS).is_ok());
    for (p, lists) in acute::sources() {
        assert!(Pattern::compile(p, lists).is_ok(), "{p}");
    }
    for p in voice::IDIOMS {
        assert!(Pattern::compile(p, broad::LISTS).is_ok(), "{p}");
    }
}

#[test]
fn meets_the_targets_on_the_development_split() {
    let c = score_crisis(&dev_items(), "dev").counts;
    assert!(c.true_pos + c.false_neg >= 100 && c.false_pos + c.true_neg >= 200);
    assert!(c.recall() >= 0.95, "recall {:.3}", c.recall());
    assert!(c.false_alarm_rate() <= 0.08, "false alarms {:.3}", c.false_alarm_rate());
}

/// The broad layer on its own, without a single phrase rule, must already find most of the
/// development crises: the detector should not rest on phrase lists copied from one set.
#[test]
fn the_broad_layer_alone_finds_most_crises() {
    let items = dev_items();
    let (mut found, mut alarms) = (0usize, 0usize);
    for i in &items {
        let hit = first_match(&prepared(&i.text), &i.text, &[(broad::RULES, &BROAD)]).is_some();
        found += usize::from(hit && i.crisis);
        alarms += usize::from(hit && !i.crisis);
    }
    let crises = items.iter().filter(|i| i.crisis).count();
    let recall = found as f64 / crises as f64;
    let false_alarms = alarms as f64 / (items.len() - crises) as f64;
    assert!(recall >= 0.80, "broad recall {recall:.3}");
    assert!(false_alarms <= 0.08, "broad false alarms {false_alarms:.3}");
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

/// Sentences written for this test (not taken from the evaluation set) in ways the phrase
/// rules were never shown: the broad layer and the respelling must carry them.
#[test]
fn new_wordings_misspellings_and_slang() {
    for text in [
        "feeling really suicidle tonight",
        "i keep thinking about sucide",
        "Death would honestly be a relief at this point.",
        "I'd be better off dead, honestly.",
        "Some nights I just want 2 die",
        "i wanna b dead",
        "thinking of unaliving again",
        "I have enough painkillers saved to do it.",
        "I looked up how many it would take.",
        "Bought a rope today.",
        "I keep picturing myself jumping off the multi-storey car park.",
        "I've been hurting myself again, nobody knows.",
        "new cuts on my thighs, hiding them from my wife",
        "Goodbye. Thank you for trying.",
        "This is my final message.",
        "Nobody would even notice if I was gone.",
        "I just want to disappear forever.",
        "I don't see a reason to live any more.",
        "If I died tomorrow it would be a relief.",
        "Scared of what I might do tonight.",
        "Please don't look for me.",
        "I'm so tired of being alive.",
        "dying would be easier than this",
        "I won't make it to Christmas, I've decided.",
        "I finally have the courage to go through with it.",
        "I'm going to do something stupid.",
        "the only thing keeping me alive is my cat",
        "thinking about hurting myslef",
        "I could overdose on everything in the cupboard.",
        "I want my life to be over.",
        "Pain 9. I can't do this anymore. I want out of this life.",
        "I've been stockpiling my morphine for weeks.",
        "i think everyone would be happier if i wasnt around",
        "Why am I still alive?",
        "I am a danger to myself right now.",
        "the world would be better without me in it",
        "I've put my affairs in order and written a note.",
        "I keep looking at the knife drawer.",
        "my life insurance pays out for suicide after two years, i checked",
    ] {
        assert!(detect(text), "{text}");
    }
}

/// Indirect language, plans, means and misspellings, in sentences written for this test (not
/// taken from the evaluation set).
#[test]
fn indirect_language_plans_and_means() {
    for text in [
        "Why am I even still here",
        "I want to disappear and never be found.",
        "I pray God takes me in my sleep.",
        "I keep hoping I'll get hit by a car.",
        "I've written letters to the kids for after.",
        "I've decided tonight is the night.",
        "I walked to the bridge last night and stood there for an hour.",
        "i wanna kil myself",
        "Tonight I'm going to swallow the lot.",
        "I'm writing this so someone knows why.",
        "This will be my last post here. Thanks for everything.",
        "Please tell my brother I love him. I'm so sorry.",
        "I've made up my mind. Thank you for everything.",
        "I'm going to take myself out of the equation.",
        "If you don't hear from me again, that's why.",
        "By the time you read this I'll be gone.",
        "I don't see why I should stick around.",
        "There's no reason for me to stay alive.",
        "honestly i just want out",
        "Part of me is thinking about letting go.",
        "Since my attempt in May the thoughts haven't stopped.",
        "Someone please stop me doing something stupid.",
        "I'd end it if I wasn't such a coward.",
        "I'd welcome anything that took me.",
        "I won't be needing any of it after Friday.",
        "Been hanging around the railway line again.",
    ] {
        assert!(detect(text), "{text}");
    }
}

/// Everyday uses of the same words, written for this test.
#[test]
fn everyday_uses_of_the_new_cues_are_not_crisis() {
    for text in [
        "I'm checking out of the hotel at ten.",
        "I want out of this phone contract.",
        "I'm so tired I could sleep forever this weekend lol.",
        "My last message to the consultant went unanswered.",
        "I'm on the bridge club committee.",
        "I counted my tablets to order a refill.",
        "I'd rather die than wear that jumper.",
        "At the end of my rope with the council.",
        "Go knock 'em dead at the audition!",
        "The dog loves playing dead.",
        "Felt half dead until lunchtime.",
        "I feel like I'm dying, this cold is awful.",
        "My sister told me she'd been self-harming and I'm helping her get support.",
        "The episode had a self-harm warning.",
        "My GP asked if I'd ever thought about suicide and I said no.",
        "I hurt myself hoovering the stairs.",
        "I'm going to take all my tablets with food from now on.",
        "I hate waking up stiff every morning.",
        "We made an attempt at the long walk but turned back.",
    ] {
        assert!(!detect(text), "{text}");
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
        "",
    ] {
        assert!(!detect(text), "{text}");
    }
}

/// Hard negatives written for this test, in wordings the rules were not tuned on.
#[test]
fn new_idioms_and_everyday_uses_are_not_crisis() {
    for text in [
        "My phone died halfway through the call.",
        "The garden is dead after the frost.",
        "I was dead pleased with my walk today.",
        "That quiz was dead boring lol",
        "My aunt died in March and I still miss her.",
        "We watched a film about a man who fakes his own death.",
        "The leaflet says an overdose of paracetamol can damage the liver.",
        "I hurt my back lifting the shopping.",
        "I'm dying for a cup of tea 😂",
        "Goodbye, see you all next week!",
        "I'm ending my membership at the pool.",
        "The pain died down after an hour.",
        "I don't want to die, I just want less pain.",
        "I burned my arm on the oven door.",
        "I'm stockpiling loo roll before the snow.",
        "This commute will be the death of me.",
        "Sick to death of this rain.",
        "I died a little inside when I saw my weigh-in.",
        "The doctor explained the risks of the operation, including death.",
        "It was a rope bridge and I was terrified.",
        "Stopped breathing exercises because they made me dizzy.",
        "I take 12 tablets a day for the pain.",
        "I'm not going to be here on Tuesday, I've got a scan.",
        "She tried to kill herself in 2015 and is doing well now.",
        "Final post of the challenge: 30 days of walking done!",
        "I hope I wake up less stiff tomorrow.",
    ] {
        assert!(!detect(text), "{text}");
    }
}

/// The concept screen's families, in wordings written for this test (not from any split).
#[test]
fn the_concept_screen_catches_each_kind() {
    for text in [
        "Thinking about s*icide a lot today.",
        "su1cide feels like the only option",
        "Honestly I'd be better off six feet under.",
        "I'm not scared of dying anymore, I'm looking forward to it.",
        "Nobody would even notice I'm gone.",
        "I'm going to drive to the coast tonight and not come home.",
        "Sometimes I stand on the platform and wonder how it would feel to step off.",
        "I want the pain to stop forever, and me with it.",
        "My body is a prison and I'm looking for the way out.",
        "Everyone's life would improve if I just stopped being in it.",
        "I'd do it tonight if it wasn't for the cat.",
        "What's the point of waking up tomorrow.",
        "I have the tablets, I just need the right night.",
        "I feel like the world would be lighter without my weight in it.",
        "I slammed my fist into the door on purpose until it bled.",
        "I hope I never open my eyes again.",
        "i cant do life anymore",
        "I'm ready to leave this world.",
        "The world keeps going without me, it'll be fine.",
        "I stopped taking my heart medication on purpose so it happens naturally.",
        "I keep saying goodbye to my dogs in my head.",
        "I've had the belt round my neck twice this week.",
        "If I drove off the road tonight nobody would know it wasn't an accident.",
        "I've started sleeping with the pills next to the bed.",
        "I keep googling how long it takes to bleed out.",
        "evryone wud be beter off without me",
        "cant stop thinkin bout endin it",
        "thinkin of takin all my tabs tonite",
        "Mentally I've already left, it's just my body still here.",
        "Tired of being the burden, soon I won't be.",
    ] {
        assert!(detect(text), "{text}");
    }
    for text in [
        "I'm tired of waking up at 4am with the pain.",
        "The way out of the car park was blocked, took ages.",
        "Looking for a way out of this contract with the gym.",
        "I dreamt I was falling off a cliff, woke up sweating.",
        "Hope I don't wake up during the colonoscopy!",
        "The nurse asked if I wanted to hurt myself. I said no.",
        "Suicidal? No. Just sore and fed up.",
        "It's so hot I'm dying.",
        "If I eat one more salad I'll die.",
        "My sister's friend died by suicide last year.",
        "Glad to be alive after that scare with my heart.",
        "I'm bowing out of the choir for this term, my hips can't take it.",
        "Counting down the days until my holiday!",
        "I'm at peace with my decision to stop the injections.",
        "Said goodbye to my old car today.",
        "Reached the end of the road with this physio, she's discharging me.",
        "I keep googling how long sciatica lasts.",
        "Tonight's the night I finally watch the last episode.",
        "ready to check out of this hotel, the bed was awful",
        "sick of living with this pain every day",
        "I've made peace with my diagnosis.",
        "I'm ready to leave this job.",
        "I want the aching to go away for good.",
        "I hope I wake up feeling better tomorrow.",
        "The dog is the reason I get up in the mornings.",
    ] {
        assert!(!detect(text), "{text}");
    }
}

#[test]
fn the_scored_layer_reads_word_classes_and_context() {
    let p = |text: &str| score::probability(&score_features(text), &score::WEIGHTS, score::BIAS);
    assert!(p("") < score::THRESHOLD);
    // A plan, a means and a wish in one sentence, in no rule's wording.
    assert!(p("I want my tablets and a quiet night, I have decided") > p("I want my tablets with breakfast"));
    // Context words lower the score: a film, an idiom.
    assert!(p("I want it to end tonight") > p("I want the film to end tonight"));
    assert!(p("dying for a brew") < p("dying"));
    for text in ["", "🙂", "I'm fine", "a\u{301}\u{202e}"] {
        let q = p(text);
        assert!((0.0..=1.0).contains(&q));
    }
}

#[test]
fn names_the_rule_without_any_member_text() {
    let rule = matching_rule("I want to die").unwrap();
    assert!(rules::RULES.iter().chain(broad::RULES).any(|r| r.pattern == rule));
    assert_eq!(matching_rule("Pain 4, walked to the shop."), None);
}

/// Mixed Unicode pieces for the property test: emoji (with joiners and variation selectors),
/// right-to-left Arabic and Hebrew with direction marks, combining marks, CJK, odd spaces and
/// the words the rules look for, so the random texts reach the rules and not only the parser.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "😂", "👨‍👩‍👧", "🏳️‍🌈", "🙃", "❤️", "🇬🇧", "שלום", "אני רוצה למות", "مرحبا", "أريد أن أموت",
    "\u{200f}", "\u{202e}", "\u{200d}", "e\u{301}", "\u{301}\u{302}", "a\u{0308}\u{0308}", "\u{fe0f}",
    "你好", "我想死", "死にたい", "한국어",
    " ", "  ", "\t", "\n", "\r\n", "\u{a0}", "\u{2028}", "\u{0}", "İ", "ß", "ﬁ", "Ω", ".", ",", "?", "!", ";",
    "—", "-", "'", "’", "\"", "“", "”", "…", "i", "I'm", "my", "me", "myself", "not", "never", "die", "dead",
    "suicidal", "suicidle", "kms", "sh", "pills", "tablets", "all", "goodbye", "bridge", "jump", "rope",
    "kill myself", "end it", "won't be here", "better off without me", "killing me", "dead tired",
    "years ago", "glad", "lol", "2", "u", "b", "my self", "self-harm", "overdose", "wake up", "forever",
];

fn random_text(rng: &mut Rng) -> String {
    let mut text = String::new();
    let pieces = if rng.chance(0.05) { 2_000 } else { rng.range(0, 60) };
    for _ in 0..pieces {
        if rng.chance(0.75) {
            text.push_str(PIECES[rng.range(0, PIECES.len() as u64 - 1) as usize]);
        } else if let Some(c) = char::from_u32(rng.range(0, 0x10_FFFF) as u32) {
            text.push(c);
        }
        if rng.chance(0.4) {
            text.push(' ');
        }
    }
    text
}

/// The rule layers and the style reader never panic on any input, and every word and span
/// they work with is a char-boundary slice of it. (The crisis reader has its own property
/// test below: it is a transformer, too slow for 1,500 texts of up to 2,000 pieces.)
#[test]
fn never_panics_and_offsets_stay_on_char_boundaries() {
    let mut rng = Rng::new(7_031_996);
    for _ in 0..1_500 {
        let text = random_text(&mut rng);
        let mut t = text::parse(&text);
        spelling::respell(&mut t);
        for w in &t.words {
            assert!(w.start < w.end && w.end <= text.len(), "{w:?}");
            assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end), "{w:?}");
        }
        let _ = matching_rule(&text);
        let reading = crate::style::style_only(&text);
        for s in &reading.spans {
            assert!(s.start < s.end && s.end <= text.len(), "{s:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{s:?}");
            assert_eq!(text.get(s.start..s.end), Some(s.text.as_str()));
        }
    }
}

/// The crisis reader on random mixed Unicode: no panic, always a probability.
#[test]
fn the_reader_takes_any_text() {
    let mut rng = Rng::new(29_112_026);
    for _ in 0..150 {
        let text = random_text(&mut rng);
        assert!(reader::probability(&text).is_some_and(|p| (0.0..=1.0).contains(&p)), "{text}");
    }
}

/// A very long text is read whole and fast enough: a crisis at the very end is found.
#[test]
fn reads_a_very_long_text_to_the_end() {
    let day = "Pain 5 this morning, eased after a walk to the shop. Lunch with my sister, 🙃 שלום 你好. \
               Did the stretches from the physio and read for an hour. Slept badly but the heat pad helped. ";
    let mut text = day.repeat(120);
    assert!(!detect(&text));
    text.push_str("i dont want to be here anymore");
    assert!(detect(&text));
}

/// Session 4, second round: the new screen families and false-alarm guards, on sentences
/// written for this test (not taken from any split).
#[test]
fn second_round_kinds() {
    for text in [
        "sh again last night, deeper this time",
        "I've got a night picked out to do it.",
        "Been reading about lethal doses of my pregabalin.",
        "I'd honestly welcome a stroke at this point.",
        "Nobody would be worse off, the house would be calmer without me.",
        "Every day I'm gutted that I woke up.",
        "I told my brother where my ashes should go, because it won't be long now, it'll be soon.",
        "I'm running out of reasons to stay.",
    ] {
        assert!(detect(text), "{text}");
    }
    for text in [
        "Tried to end it all at 19. Now I run a walking group and love it.",
        "Asked if I'd had thoughts of self-harm. Honestly, no.",
        "Check-in form: no thoughts of suicide, just sore.",
        "I'd die happy with a pain-free week.",
        "The long forms bore me to death.",
        "Goodbye, office! Cake and cards at four.",
        "Bought a rope swing for the grandkids.",
    ] {
        assert!(!detect(text), "{text}");
    }
}

/// The acute tier (issue 14): an overdose taken or under way, means in hand with a time, and
/// self-injury bleeding now are acute whatever the reader says; ordinary dosing is not.
#[test]
fn acute_tier() {
    for text in [
        "I took 30 tablets an hour ago.",
        "took the whole packet of co-codamol, feeling sick now",
        "Swallowed my month's supply of pregabalin.",
        "i have taken all my oxy at once",
        "I've taken 40 paracetamol.",
        "had a load of amitriptyline with wine",
        "I'm taking them now, one by one.",
        "I've got the pills saved up and tonight I'm going to do it.",
        "The rope is in the car. Tonight, when everyone's asleep.",
        "I cut too deep and it won't stop bleeding.",
        "Cut my arm again, there's blood everywhere.",
        "I am standing on the bridge right now.",
        "I overdosed",
        // Session 16: quantities told other ways, with how it feels now.
        "finished the new box of gabapentin this morning and I can't stand up",
        "my entire week's pill organiser in one go, heart racing",
        "the rest of the sertraline packet is in me now",
        "Started on the co-codamol after lunch, must be 30 by now",
        // Already a crisis, with means and a time, or an injury now: the emergency number first.
        "I can't do this any more. The pills are lined up on the desk for when he's asleep.",
        "I don't want to be here. Did it again with the razor, blood on the towel.",
    ] {
        assert_eq!(assess(text), Some(Level::Acute), "{text}");
    }
    for text in [
        "took 2 tablets as prescribed",
        "The pharmacy gave me 30 tablets.",
        "took my 30 mg of morphine",
        "Took 12 paracetamol over three days for the flare.",
        "Upped my gabapentin to 600 mg today.",
        "Took my evening tablets twice by mistake; the pharmacist says I'm fine.",
        "Cut my hair short for the summer.",
        "Bought a rope swing for the grandkids.",
        "Ending my shift early tonight, back is bad.",
        "My son took 30 tablets years ago and survived; we talk about it openly now.",
        "I cut my finger chopping onions and it won't stop bleeding.",
        "Collected my repeat prescription: 56 tablets of naproxen.",
        "I took all my tablets this morning with breakfast.",
        "I finished the box of ibuprofen so I bought another.",
        "Picked up my month's supply from the pharmacy today.",
        "Cutting back on the tramadol, 30 days so far without extra doses.",
        "I just burned my hand on the oven door, ouch.",
        "I cut my hand opening a tin and it's bleeding a lot.",
    ] {
        assert_ne!(assess(text), Some(Level::Acute), "{text}");
    }
    for text in
        ["took 2 tablets as prescribed", "The pharmacy gave me 30 tablets.", "took my 30 mg of morphine"]
    {
        assert_eq!(assess(text), None, "{text}");
    }
}

/// Short notes as members type them: the reader alone never raises a text this short, and the
/// rules stay quiet on them (issue 14); short crisis notes are still found by the rules.
#[test]
fn short_notes() {
    for text in [
        "ok",
        "yes",
        "No.",
        "nope",
        "meh",
        "done",
        "N/A",
        "check-in",
        "whatever",
        "no sleep",
        "This is sh*t.",
        "same as yesterday",
        "back pain again",
        "dead tired",
        "kill me now, this meeting",
        "ok ok ok",
    ] {
        assert_eq!(assess(text), None, "{text}");
    }
    for text in [
        "want to die",
        "kms",
        "I am a burden to everyone",
        "wish I wouldn't wake up",
        "thinking of ending it",
    ] {
        assert!(detect(text), "{text}");
    }
}

/// Everyday sentences that earlier readers raised although no rule matched, or over a guard
/// (docs/benchmarks-history.md, "Known mistakes"); the session 7 reader reads them right.
#[test]
fn earlier_known_mistakes_are_read_right() {
    for text in [
        "I just want everything to stop for a minute so I can think.",
        "My doctor says I won't be around long if I keep smoking.",
        "I've been scratching my arms because of the eczema.",
        "I'm sorry I snapped at you earlier.",
        "I keep my tablets in a dosette box so I don't double up.",
        "Walked to the shop. Pain 5. Walked to the shop. Pain 5.",
    ] {
        assert!(matching_rule(text).is_none(), "{text}");
        assert!(!detect(text), "{text}");
    }
}

/// The lines of Foothold's own skills and articles (`content/`), front matter and headings
/// left out: ordinary prose about pain, which must stay quiet.
fn content_lines() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content");
    let mut lines = Vec::new();
    for dir in ["skills/en", "articles/en"] {
        let mut files: Vec<_> =
            std::fs::read_dir(format!("{root}/{dir}")).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let body = text.splitn(3, "---").nth(2).unwrap_or(&text);
            lines.extend(
                body.lines()
                    .map(|l| l.trim().trim_start_matches(['-', '*', '>']).trim())
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(str::to_owned),
            );
        }
    }
    lines
}

/// Issue 14: at most 2 % false alarms on ordinary prose. The project's own content is the
/// regression test (never training data); the blind set is `content/eval/prose.jsonl`.
#[test]
fn the_projects_own_prose_stays_quiet() {
    let lines = content_lines();
    assert!(lines.len() > 300, "{}", lines.len());
    let flagged: Vec<&String> = lines.iter().filter(|l| detect(l)).collect();
    assert!(flagged.len() * 50 <= lines.len(), "{} of {}: {flagged:#?}", flagged.len(), lines.len());
}
