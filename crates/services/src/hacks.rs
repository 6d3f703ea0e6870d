//! Hacks as pages and the API use them: sharing one (a thread in the hacks group, through
//! the same trust limits and support service as every post), trying one, and sharing what
//! the member's own diary showed after trying it.

use crate::community::{self, Draft, Place, Written};
use crate::error::{ServiceError, ServiceResult};
use crate::i18n::Tr;
use crate::Services;
use foothold_core::agency::{Effect, Label, Outcome};
use foothold_core::community::access::{Action, Relation};
use foothold_core::hacks::pooling::{Shared, Source};
use foothold_core::hacks::{NewHack, GROUP_SLUG, TRY_DAYS};
use foothold_core::Invalid;
use foothold_store::{HackSummary, ThreadId, Tried, User};

/// The hacks group as the viewer stands to it.
pub async fn place(app: &Services, viewer: Option<&User>) -> ServiceResult<Place> {
    community::place(app, viewer, GROUP_SLUG).await
}

/// A hack the viewer may read (hidden ones for moderators only), their place in the hacks
/// group and their try of it.
pub async fn open(
    app: &Services,
    viewer: Option<&User>,
    id: ThreadId,
) -> ServiceResult<(HackSummary, Place, Option<Tried>)> {
    let place = place(app, viewer).await?;
    place.require(Action::Read)?;
    let (hack, tried) = app.store.hack(id, viewer.map(|u| u.id)).await?;
    if hack.hidden && !place.may(Action::Moderate) {
        return Err(ServiceError::NotFound);
    }
    Ok((hack, place, tried))
}

/// Shares a hack. A member who has not joined the hacks group joins it here, which needs its
/// rules accepted, as joining any group does.
pub async fn create(
    app: &Services,
    user: &User,
    nonce: &str,
    hack: &NewHack,
    accepted_rules: bool,
) -> ServiceResult<Written> {
    let mut place = place(app, Some(user)).await?;
    if place.relation == Relation::Outsider {
        community::join(app, user, &place, accepted_rules).await?;
        place = self::place(app, Some(user)).await?;
    }
    community::write(app, user, &place, nonce, Draft::Hack(hack), false).await
}

/// "I'll try it": the hack becomes one of the member's strategies from their today.
pub async fn try_it(app: &Services, user: &User, id: ThreadId) -> ServiceResult<Tried> {
    let (hack, ..) = open(app, Some(user), id).await?;
    let today = app.today(user);
    Ok(app.store.try_hack(hack.id, user.id, today).await?)
}

/// What the member's own diary shows for a hack they try.
#[derive(Debug, Clone)]
pub enum MyResult {
    /// A result can be shared after [`TRY_DAYS`] days of trying.
    TooSoon { days_left: i64 },
    /// The hack's strategy left their diary (deleted, or merged into another).
    NotInDiary,
    /// Not enough days with and without it for the agency engine yet.
    NotEnoughData,
    /// The same-day results the engine could estimate, pain first, and the result of a kept
    /// personal experiment of the hack against doing without it, if there is one.
    Ready { effects: Vec<Effect>, experiment: Option<(Outcome, Shared)> },
}

impl MyResult {
    /// The results as they are shared ([`Shared::of`]); `None` while there are none.
    pub fn shared(&self) -> Option<Vec<(Source, Outcome, Shared)>> {
        match self {
            MyResult::Ready { effects, experiment } => Some(
                effects
                    .iter()
                    .map(|e| (Source::Diary, e.outcome, Shared::of(e)))
                    .chain(experiment.map(|(o, s)| (Source::Experiment, o, s)))
                    .collect(),
            ),
            _ => None,
        }
    }
}

/// The member's own result for a hack they try, from their insights.
pub async fn my_result(app: &Services, user: &User, tr: &Tr, tried: &Tried) -> ServiceResult<MyResult> {
    let Some(strategy) = tried.strategy else { return Ok(MyResult::NotInDiary) };
    let today = app.today(user);
    let days = (today - tried.tried_on).num_days();
    if days < TRY_DAYS {
        return Ok(MyResult::TooSoon { days_left: TRY_DAYS - days });
    }
    let insight = app.insights.get(&app.store, user.id, tr).await?;
    // A strategy never tagged yet is not in the report: the engine has nothing to say.
    let effects: Vec<Effect> = Outcome::ALL
        .iter()
        .filter_map(|&o| {
            insight.report.results.iter().find(|e| {
                e.strategy == strategy && e.outcome == o && e.lag == 0 && e.label != Label::NotEnoughData
            })
        })
        .cloned()
        .collect();
    let experiment = insight
        .proven
        .iter()
        .find(|p| p.strategy_a == strategy && p.without)
        .map(|p| (p.outcome, Shared { estimate: p.estimate, interval: p.interval, helps: p.helps }));
    Ok(if effects.is_empty() && experiment.is_none() {
        MyResult::NotEnoughData
    } else {
        MyResult::Ready { effects, experiment }
    })
}

/// Shares the member's current result for a hack they try.
pub async fn share(app: &Services, tr: &Tr, user: &User, id: ThreadId) -> ServiceResult<()> {
    let (hack, _, tried) = open(app, Some(user), id).await?;
    let tried = tried.ok_or(ServiceError::NotFound)?;
    let results = my_result(app, user, tr, &tried)
        .await?
        .shared()
        .ok_or_else(|| Invalid::one("share", "hack-result-not-ready"))?;
    app.store.share_hack_result(hack.id, user.id, &results).await?;
    Ok(())
}

/// Withdraws the member's shared result; `false` if none was shared.
pub async fn withdraw(app: &Services, user: &User, id: ThreadId) -> ServiceResult<bool> {
    let (hack, ..) = open(app, Some(user), id).await?;
    Ok(app.store.withdraw_hack_result(hack.id, user.id).await?)
}

/// A file of hacks (`HackRecord`s) that could not be imported: every record's problems, by
/// its place in the file (from 1) and title. Nothing was imported.
pub struct ImportProblems(pub Vec<(usize, String, Invalid)>);

/// Imports hacks from a file written by "export" (or by hand), all or none: every record is
/// checked first. Each becomes a hack by `author`, who joins the hacks group; importing the
/// same file again adds nothing, since each hack's form token is made from its title.
/// Returns how many were new. Shared by `foothold hacks import` and the administrators' page.
pub async fn import(
    store: &foothold_store::Store,
    author: foothold_store::UserId,
    records: &[foothold_core::hacks::HackRecord],
) -> ServiceResult<Result<usize, ImportProblems>> {
    let mut hacks = Vec::with_capacity(records.len());
    let mut problems = Vec::new();
    for (i, record) in records.iter().enumerate() {
        match record.parse() {
            Ok(h) => hacks.push(h),
            Err(e) => problems.push((i + 1, record.title.clone(), e)),
        }
    }
    if !problems.is_empty() {
        return Ok(Err(ImportProblems(problems)));
    }
    let (group, _) = store.group(GROUP_SLUG, None).await?;
    if store.membership(group.id, author).await?.is_none() {
        let active = foothold_store::Membership::new(
            foothold_core::community::Role::Member,
            foothold_core::community::Standing::Active,
        );
        store.set_membership(group.id, author, Some(active)).await?;
    }
    let mut created = 0;
    for hack in &hacks {
        let nonce = format!("import:{}", hack.thread.title.to_lowercase());
        created += usize::from(
            store
                .start_hack(group.id, author, &nonce, hack, foothold_store::Posting::default())
                .await?
                .created,
        );
    }
    Ok(Ok(created))
}

/// Every visible hack, as the file `import` reads.
pub async fn export(store: &foothold_store::Store) -> ServiceResult<Vec<foothold_core::hacks::HackRecord>> {
    Ok(store.export_hacks().await?.iter().map(foothold_core::hacks::HackRecord::of).collect())
}
