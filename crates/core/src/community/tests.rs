#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
use super::access::{allowed, Action, Relation};
use super::*;

fn codes(e: Invalid) -> Vec<&'static str> {
    e.problems().iter().map(|p| p.code).collect()
}

#[test]
fn slugs_are_readable_and_never_empty() {
    assert_eq!(slug("Living with CRPS"), "living-with-crps");
    assert_eq!(slug("  Walk & talk — Tuesdays!! "), "walk-talk-tuesdays");
    assert_eq!(slug("Боль и мы"), "group");
    assert!(slug(&"a".repeat(500)).len() <= 48);
}

#[test]
fn a_group_form_reports_every_problem_at_once() {
    let e = parse_group("ab", "club", "", "", &"x".repeat(GROUP_RULES_MAX + 1), &["gout"]).unwrap_err();
    assert_eq!(codes(e), ["group-name-short", "choose-one", "choose-one", "text-too-long", "choose-one"]);
    let tags = ["back", "back_pain", "back"];
    let g = parse_group(" Back pain, Leeds ", "support", "private", " Hello ", "", &tags).unwrap();
    assert_eq!(
        (g.name.as_str(), g.slug.as_str(), g.kind, g.visibility),
        ("Back pain, Leeds", "back-pain-leeds", GroupKind::Support, Visibility::Private)
    );
    assert_eq!((g.about.as_str(), g.tags), ("Hello", vec![Tag::BackPain, Tag::Back]), "each once, in order");
    let six = ["migraine", "head", "neck_pain", "shoulders", "back", "hips"];
    assert_eq!(
        codes(parse_group("Many", "support", "public", "", "", &six).unwrap_err()),
        ["group-tags-many"]
    );
}

#[test]
fn posts_keep_one_word_notes_and_refuse_empty_or_huge_ones() {
    assert_eq!(parse_post(" ok ").unwrap(), "ok");
    assert_eq!(codes(parse_post("  \n ").unwrap_err()), ["post-empty"]);
    assert_eq!(parse_post(&"é".repeat(POST_MAX)).unwrap().chars().count(), POST_MAX);
    assert_eq!(codes(parse_post(&"a".repeat(60_000)).unwrap_err()), ["text-too-long"]);
    assert_eq!(codes(parse_thread("", "").unwrap_err()), ["title-short", "post-empty"]);
}

#[test]
fn a_pause_is_a_day_to_a_month() {
    assert_eq!(parse_pause_days(" 7 ").unwrap(), 7);
    for bad in ["0", "365", "-1", "seven", ""] {
        assert_eq!(codes(parse_pause_days(bad).unwrap_err()), ["choose-one"], "{bad}");
    }
}

#[test]
fn reports_need_a_known_reason() {
    assert_eq!(parse_report("spam", "  ").unwrap(), (ReportReason::Spam, None));
    assert_eq!(codes(parse_report("rude", "").unwrap_err()), ["choose-one"]);
}

#[test]
fn new_accounts_post_a_little_and_without_links_until_trusted() {
    assert_eq!(Trust::of(0, 100), Trust::NEW);
    assert_eq!(Trust::of(30, 2), Trust::NEW);
    assert_eq!(Trust::of(NEW_ACCOUNT_DAYS, NEW_ACCOUNT_POSTS), Trust::REGULAR);
    for linked in ["see https://x.example", "www.example.org", "[here](/x)", "![](x.png)", "MAILTO:a@b.c"] {
        assert_eq!(codes(Trust::NEW.check(linked).unwrap_err()), ["links-not-yet"], "{linked}");
        assert!(Trust::REGULAR.check(linked).is_ok());
    }
    assert!(Trust::NEW.check("I walked for 10 min, then rested (as planned).").is_ok());
}

#[test]
fn mentions_are_handles_after_an_at_sign_not_email_addresses() {
    assert_eq!(mentions("Thanks @river_stone and @Kim-2! (@river_stone again)"), ["river_stone", "Kim-2"]);
    assert!(mentions("write to me@example.org or @ab").is_empty());
}

#[test]
fn every_name_round_trips() {
    for k in GroupKind::ALL {
        assert_eq!(GroupKind::parse(k.as_str()), Some(*k));
    }
    for r in ReportReason::ALL {
        assert_eq!(ReportReason::parse(r.as_str()), Some(*r));
    }
    for a in ModAction::ALL {
        assert_eq!(ModAction::parse(a.as_str()), Some(*a));
    }
    assert_eq!(Reaction::parse("down_vote"), None);
}

/// The whole matrix, written out by hand as the rules read in the issue, so a change to
/// `allowed` that nobody meant shows up here.
#[test]
fn the_access_matrix_is_what_the_rules_say() {
    use Action as A;
    use Relation as R;
    let relations = [
        R::Anonymous,
        R::Outsider,
        R::Pending,
        R::Banned,
        R::Suspended,
        R::Member,
        R::Moderator,
        R::Host,
        R::Staff,
    ];
    // For each action: which relations may, in a public group and in a members-only or private one.
    let expect = |action: A, visibility: Visibility| -> Vec<R> {
        let closed = visibility != Visibility::Public;
        match action {
            A::See => vec![R::Outsider, R::Pending, R::Suspended, R::Member, R::Moderator, R::Host, R::Staff],
            A::Read | A::Report if closed => vec![R::Suspended, R::Member, R::Moderator, R::Host, R::Staff],
            A::Read | A::Report => {
                vec![R::Outsider, R::Pending, R::Suspended, R::Member, R::Moderator, R::Host, R::Staff]
            }
            A::Join => vec![R::Outsider],
            A::Leave => vec![R::Pending, R::Suspended, R::Member, R::Moderator],
            A::Post => vec![R::Member, R::Moderator, R::Host, R::Staff],
            A::Moderate => vec![R::Moderator, R::Host, R::Staff],
            A::ManageRoles => vec![R::Host, R::Staff],
        }
    };
    for visibility in Visibility::ALL {
        for action in Action::ALL {
            let got: Vec<R> = relations.into_iter().filter(|r| allowed(*r, *visibility, action)).collect();
            assert_eq!(got, expect(action, *visibility), "{action:?} in a {visibility:?} group");
        }
    }
}

#[test]
fn relations_come_from_the_membership_row() {
    assert_eq!(Relation::of(false, true, Some((Role::Host, Standing::Active)), false), Relation::Anonymous);
    assert_eq!(Relation::of(true, true, None, false), Relation::Staff);
    assert_eq!(Relation::of(true, false, Some((Role::Host, Standing::Banned)), false), Relation::Banned);
    assert_eq!(
        Relation::of(true, false, Some((Role::Moderator, Standing::Active)), false),
        Relation::Moderator
    );
    assert_eq!(Relation::of(true, false, Some((Role::Member, Standing::Pending)), false), Relation::Pending);
    // A pause in posting applies to an active membership; a ban stays a ban.
    assert_eq!(
        Relation::of(true, false, Some((Role::Moderator, Standing::Active)), true),
        Relation::Suspended
    );
    assert_eq!(Relation::of(true, false, Some((Role::Member, Standing::Banned)), true), Relation::Banned);
    assert_eq!(Relation::of(true, true, Some((Role::Member, Standing::Active)), true), Relation::Staff);
}
