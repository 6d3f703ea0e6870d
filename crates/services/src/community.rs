//! The community as pages and the API use it: who the viewer is to a group (one place asks
//! `foothold_core::community::access`), and writing a post — trust limits, the support
//! service, and the urgent report moderators get when a post reads like a crisis.

use crate::error::{ServiceError, ServiceResult};
use crate::Services;
use chrono::Duration;
use foothold_core::community::access::{allowed, Action, Relation};
use foothold_core::community::{self, ModAction, NewThread, ReportReason, Role, Standing, Trust, Visibility};
use foothold_core::hacks::{NewHack, Tag};
use foothold_core::Invalid;
use foothold_readers::crisis::Level;
use foothold_store::{
    AsModerator, Group, GroupId, MemberNote, Membership, PostId, PostPlace, Posted, Posting, Target,
    ThreadId, ThreadSummary, User, UserId,
};

/// A group and what the viewer is to it.
#[derive(Debug, Clone)]
pub struct Place {
    pub group: Group,
    pub membership: Option<Membership>,
    pub relation: Relation,
}

impl Place {
    pub fn may(&self, action: Action) -> bool {
        allowed(self.relation, self.group.visibility, action)
    }

    /// `Ok` when the viewer may; otherwise the refusal that tells no more than they may know:
    /// log in first, "not found" for a group they may not see, 403 for the rest.
    pub fn require(&self, action: Action) -> ServiceResult<()> {
        if self.may(action) {
            Ok(())
        } else if self.relation == Relation::Anonymous {
            Err(ServiceError::LoginRequired)
        } else if !self.may(Action::See) || (action != Action::Join && !self.may(Action::Read)) {
            Err(ServiceError::NotFound)
        } else {
            Err(ServiceError::Forbidden)
        }
    }
}

fn relation(user: Option<&User>, membership: Option<Membership>) -> Relation {
    let staff = user.is_some_and(|u| u.role.is_staff());
    let paused = membership.is_some_and(|m| m.suspended_at(foothold_store::now()));
    Relation::of(user.is_some(), staff, membership.map(|m| (m.role, m.standing)), paused)
}

/// The group at `slug` as the viewer stands to it.
pub async fn place(app: &Services, viewer: Option<&User>, slug: &str) -> ServiceResult<Place> {
    let (group, membership) = app.store.group(slug, viewer.map(|u| u.id)).await?;
    Ok(Place { relation: relation(viewer, membership), group, membership })
}

/// The group with id `group` as the viewer stands to it.
pub async fn place_by_id(app: &Services, viewer: Option<&User>, group: GroupId) -> ServiceResult<Place> {
    let group = app.store.group_by_id(group).await?;
    let membership = match viewer {
        Some(u) => app.store.membership(group.id, u.id).await?,
        None => None,
    };
    Ok(Place { relation: relation(viewer, membership), group, membership })
}

/// The group at `slug` when it keeps pinned resources (an advocacy group) and the viewer may
/// `action` there.
pub async fn shelf(
    app: &Services,
    viewer: Option<&User>,
    slug: &str,
    action: Action,
) -> ServiceResult<Place> {
    let place = place(app, viewer, slug).await?;
    place.require(action)?;
    if place.group.kind != foothold_core::community::GroupKind::Advocacy {
        return Err(ServiceError::NotFound);
    }
    Ok(place)
}

/// Adds a resource to the shelf of `place`; a full shelf is the request's problem (422).
pub async fn add_resource(app: &Services, user: &User, place: &Place, new: &NewThread) -> ServiceResult<i64> {
    app.store.add_group_resource(place.group.id, user.id, new).await.map_err(|e| match e {
        foothold_store::StoreError::Unsupported(_) => Invalid::one("title", "resources-full").into(),
        other => other.into(),
    })
}

/// The directory: every group with the member's place in it, their own first; with `about`,
/// only the groups about that topic.
pub async fn directory(
    app: &Services,
    user: &User,
    about: Option<Tag>,
) -> ServiceResult<Vec<(Group, Option<Membership>)>> {
    let mut groups = app.store.groups(user.id).await?;
    groups.retain(|(g, _)| about.is_none_or(|t| g.tags.contains(&t)));
    Ok(groups)
}

/// Replaces the topics of the group at `place` (its hosts, and site staff).
pub async fn set_topics(app: &Services, place: &Place, names: &[&str]) -> ServiceResult<Vec<Tag>> {
    place.require(Action::ManageRoles)?;
    let tags = community::parse_group_tags(names.iter().copied())?;
    app.store.set_group_tags(place.group.id, &tags).await?;
    Ok(tags)
}

/// Puts the resources of `place` in the order of `ids`: each of them once, no other
/// (422 `resources-order` otherwise, and nothing changes).
pub async fn order_resources(app: &Services, place: &Place, ids: &[i64]) -> ServiceResult<()> {
    let mut now: Vec<i64> = app.store.group_resources(place.group.id).await?.iter().map(|r| r.id).collect();
    let mut asked = ids.to_vec();
    now.sort_unstable();
    asked.sort_unstable();
    if now != asked {
        return Err(Invalid::one("ids", "resources-order").into());
    }
    Ok(app.store.order_group_resources(place.group.id, ids).await?)
}

/// What was written and whether it asks for support.
pub struct Written {
    pub posted: Posted,
    pub support: Option<Level>,
    /// Held for the group's moderators to read first.
    pub held: bool,
}

/// What a member writes: a new thread, a hack (a thread with what it needs), or a reply.
pub enum Draft<'a> {
    Thread(&'a NewThread),
    Hack(&'a NewHack),
    Reply { thread: ThreadId, body: &'a str },
}

impl Draft<'_> {
    fn texts(&self) -> Vec<&str> {
        match self {
            Draft::Thread(t) => vec![&t.title, &t.body],
            Draft::Hack(h) => vec![&h.thread.title, &h.thread.body],
            Draft::Reply { body, .. } => vec![body],
        }
    }
}

/// Checks the member's trust (posts today, links), reads the post for crisis language and
/// saves it. A post that asks for support is published all the same — routing, not blocking —
/// unless the operator chose to hold such posts for the group's moderators to read first
/// (`hold_crisis_posts`); either way the moderators get an urgent report filed by Foothold.
pub async fn write(
    app: &Services,
    user: &User,
    place: &Place,
    nonce: &str,
    draft: Draft<'_>,
    content_warning: bool,
) -> ServiceResult<Written> {
    place.require(Action::Post)?;
    let now = foothold_store::now();
    let (created_at, today, kept) = app.store.posting_record(user.id, now - Duration::days(1)).await?;
    let trust = Trust::of((now - created_at).num_days(), kept);
    let body = match &draft {
        Draft::Thread(t) => t.body.as_str(),
        Draft::Hack(h) => h.thread.body.as_str(),
        Draft::Reply { body, .. } => body,
    };
    Invalid::collect([
        trust.check(body),
        if today >= i64::from(trust.posts_per_day) {
            Err(Invalid::one("body", "posting-limit"))
        } else {
            Ok(())
        },
    ])?;
    // Where posts may be held, the text is read before saving, so that a held post is stored
    // hidden: nobody can see it, or hear of it, before a moderator has. Otherwise it is read
    // after: posts then reach the database writer as they come and are committed together,
    // where reading first spaced them out (283-305 instead of 372 posts/s, docs/BENCHMARKS.md).
    let hold = app.hold_crisis_posts;
    let read_first = if hold { app.support.read(&draft.texts()).await } else { None };
    let posting = Posting { content_warning, held: read_first.is_some() };
    let posted = match &draft {
        Draft::Thread(t) => app.store.start_thread(place.group.id, user.id, nonce, t, posting).await?,
        Draft::Hack(hack) => app.store.start_hack(place.group.id, user.id, nonce, hack, posting).await?,
        Draft::Reply { thread, body } => app.store.reply(*thread, user.id, nonce, body, posting).await?,
    };
    app.jobs.notify_one();
    let support = if hold { read_first } else { app.support.read(&draft.texts()).await };
    if support.is_some() && posted.created {
        app.store.report(place.group.id, posted.post, None, ReportReason::AtRisk, None).await?;
    }
    Ok(Written { posted, support, held: posting.held })
}

/// A reply's body, checked.
pub fn parse_reply(body: &str) -> ServiceResult<String> {
    Ok(community::parse_post(body)?)
}

/// Joins the group (or asks to, for a private group). A group with rules needs them accepted.
pub async fn join(
    app: &Services,
    user: &User,
    place: &Place,
    accepted_rules: bool,
) -> ServiceResult<Standing> {
    place.require(Action::Join)?;
    if !place.group.rules.is_empty() && !accepted_rules {
        return Err(Invalid::one("accept_rules", "accept-rules").into());
    }
    let standing =
        if place.group.visibility == Visibility::Private { Standing::Pending } else { Standing::Active };
    app.store.set_membership(place.group.id, user.id, Some(Membership::new(Role::Member, standing))).await?;
    Ok(standing)
}

/// The post `id` and the viewer's place in its group, when they may read it. Hidden posts
/// are seen by moderators only.
pub async fn open_post(
    app: &Services,
    viewer: Option<&User>,
    id: PostId,
) -> ServiceResult<(PostPlace, Place)> {
    let at = app.store.post_place(id).await?;
    let place = place_by_id(app, viewer, at.group).await?;
    place.require(Action::Read)?;
    if (at.hidden || at.thread_hidden) && !place.may(Action::Moderate) {
        return Err(ServiceError::NotFound);
    }
    Ok((at, place))
}

/// The thread `id` and the viewer's place in its group, when they may read it.
pub async fn open_thread(
    app: &Services,
    viewer: Option<&User>,
    id: ThreadId,
) -> ServiceResult<(ThreadSummary, Place)> {
    let thread = app.store.thread(id).await?;
    let place = place_by_id(app, viewer, thread.group_id).await?;
    place.require(Action::Read)?;
    if thread.hidden && !place.may(Action::Moderate) {
        return Err(ServiceError::NotFound);
    }
    Ok((thread, place))
}

/// A moderator's action as a page or the API names it (`hide` a `post` 12).
pub struct Moderation<'a> {
    pub action: &'a str,
    pub target: &'a str,
    pub id: i64,
    /// For the public log; for a warning or a pause, the words to the member instead.
    pub reason: &'a str,
    /// A pause's length in days.
    pub days: &'a str,
    /// The member's post a warning or pause is about (its reports are closed).
    pub post: Option<i64>,
    /// Where a conversation moves to: a group's slug.
    pub to: &'a str,
}

/// What a moderator's action can be about.
pub const TARGETS: [&str; 4] = ["post", "thread", "report", "member"];

/// A moderator's action, checked and logged.
pub async fn moderate(app: &Services, user: &User, place: &Place, m: &Moderation<'_>) -> ServiceResult<()> {
    place.require(Action::Moderate)?;
    let action = ModAction::parse(m.action).ok_or_else(|| Invalid::one("action", "choose-one"))?;
    let target = match m.target {
        "post" => Target::Post(PostId(m.id)),
        "thread" => Target::Thread(ThreadId(m.id)),
        "report" => Target::Report(m.id),
        "member" => Target::Member(UserId(m.id)),
        _ => return Err(Invalid::one("target", "choose-one").into()),
    };
    let reason = m.reason.trim();
    if reason.chars().count() > community::REPORT_NOTE_MAX {
        return Err(Invalid::one("reason", "text-too-long").into());
    }
    let reason = (!reason.is_empty()).then_some(reason);
    let unsupported = || ServiceError::from(Invalid::one("action", "action-target"));
    if action == ModAction::Move {
        let Target::Thread(thread) = target else { return Err(unsupported()) };
        return move_thread(app, user, place, thread, m.to, reason).await;
    }
    let note = match (action, target) {
        (ModAction::Warn, Target::Member(_)) => {
            reason.ok_or_else(|| Invalid::one("reason", "warning-words"))?;
            Some(MemberNote::Warn)
        }
        (ModAction::Suspend, Target::Member(_)) => {
            let days = community::parse_pause_days(m.days)?;
            Some(MemberNote::Pause(foothold_store::now() + Duration::days(days)))
        }
        (ModAction::Unsuspend, Target::Member(_)) => Some(MemberNote::Unpause),
        _ => None,
    };
    let Some(note) = note else {
        return app.store.moderate(place.group.id, user.id, action, target, reason).await.map_err(
            |e| match e {
                // An action that does not fit its target (lock a post) is the request's mistake.
                foothold_store::StoreError::Unsupported(_) => unsupported(),
                other => other.into(),
            },
        );
    };
    let Target::Member(member) = target else { return Err(unsupported()) };
    // Notes are for members: a host or moderator is talked to, not paused.
    match app.store.membership(place.group.id, member).await? {
        Some(them) if them.role == Role::Member => {}
        Some(_) => return Err(unsupported()),
        None => return Err(ServiceError::NotFound),
    }
    app.store.note_member(place.group.id, user.id, member, note, reason, m.post.map(PostId)).await?;
    Ok(())
}

/// Moves a conversation to the group at `to`, which the moderator must look after too.
async fn move_thread(
    app: &Services,
    user: &User,
    place: &Place,
    thread: ThreadId,
    to: &str,
    reason: Option<&str>,
) -> ServiceResult<()> {
    let nowhere = || ServiceError::from(Invalid::one("to", "move-where"));
    let (group, membership) = match app.store.group(to.trim(), Some(user.id)).await {
        Ok(found) => found,
        Err(foothold_store::StoreError::NotFound) => return Err(nowhere()),
        Err(e) => return Err(e.into()),
    };
    let dest = Place { relation: relation(Some(user), membership), group, membership };
    if !dest.may(Action::Moderate) {
        return Err(nowhere());
    }
    app.store.move_thread(place.group.id, dest.group.id, user.id, thread, reason).await.map_err(|e| match e {
        foothold_store::StoreError::Unsupported(_) => nowhere(),
        other => other.into(),
    })
}

/// Who is editing a post, as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editor {
    /// The author, under the same rules as posting (trust, a locked thread).
    Author,
    /// A moderator of the group taking personal details out of someone's post.
    Moderator,
}

/// Whether the viewer may edit post `at`, and as whom: an author who may still post here, or
/// a moderator for anyone else's post. `Forbidden` otherwise.
pub fn editor(user: &User, place: &Place, at: &PostPlace) -> ServiceResult<Editor> {
    if at.author == user.id {
        place.require(Action::Post)?;
        Ok(Editor::Author)
    } else if place.may(Action::Moderate) {
        Ok(Editor::Moderator)
    } else {
        Err(ServiceError::Forbidden)
    }
}

/// What became of an edit: the support the author's new words ask for, and whether the post
/// went back to the moderators to read first.
#[derive(Debug, Clone, Copy, Default)]
pub struct Edited {
    pub support: Option<Level>,
    pub held: bool,
}

/// Replaces a post's text. The author's edit meets the same trust limits as a post and is
/// read by the support service like one: an edit that now asks for support files the same
/// urgent report and, where the operator holds such posts, is held like a new post would be,
/// so an edit is no way around the hold. A moderator's edit is logged with `reason`.
pub async fn edit(
    app: &Services,
    user: &User,
    place: &Place,
    at: &PostPlace,
    body: &str,
    reason: &str,
) -> ServiceResult<Edited> {
    let who = editor(user, place, at)?;
    let body = community::parse_post(body)?;
    let moderator = match who {
        Editor::Author => {
            let (created_at, _, kept) = app.store.posting_record(user.id, foothold_store::now()).await?;
            Trust::of((foothold_store::now() - created_at).num_days(), kept).check(&body)?;
            None
        }
        Editor::Moderator => {
            let reason = reason.trim();
            if reason.chars().count() > community::REPORT_NOTE_MAX {
                return Err(Invalid::one("reason", "text-too-long").into());
            }
            Some(AsModerator { group: place.group.id, reason: (!reason.is_empty()).then_some(reason) })
        }
    };
    let support = match who {
        Editor::Author => app.support.read(&[&body]).await,
        Editor::Moderator => None,
    };
    let held = support.is_some() && app.hold_crisis_posts;
    let changed = app.store.edit_post(at.post, user.id, &body, moderator, held).await?;
    if !changed {
        return Ok(Edited::default());
    }
    if support.is_some() {
        app.store.report(place.group.id, at.post, None, ReportReason::AtRisk, None).await?;
    }
    Ok(Edited { support, held })
}

/// `user` blocks (`on`) or unblocks the member with `handle`. Nobody blocks themselves, and
/// site moderators cannot be blocked, so their notes always arrive.
pub async fn block(app: &Services, user: &User, handle: &str, on: bool) -> ServiceResult<User> {
    let handle = foothold_core::account::Handle::parse(handle).map_err(|_| ServiceError::NotFound)?;
    let them = app.store.user_by_handle(&handle).await?;
    if them.id == user.id {
        return Err(Invalid::one("handle", "block-self").into());
    }
    if on && them.role.is_staff() {
        return Err(Invalid::one("handle", "block-staff").into());
    }
    app.store.set_block(user.id, them.id, on).await?;
    Ok(them)
}
