//! Sharing with clinicians as pages and the API use it: making a share and its one-time code,
//! a clinician redeeming it, and what a clinician sees. Everything a clinician reads comes
//! through [`shown`]: read-only, within the share's scopes and period, and written to the
//! member's access log before it is returned.

use crate::accounts::limit;
use crate::error::{ServiceError, ServiceResult};
use crate::questionnaires::Point;
use crate::Services;
use foothold_core::questionnaire::Questionnaire;
use foothold_core::share::{self, NewShare, Scope, ShareId};
use foothold_core::{hex, Invalid};
use foothold_store::{CheckIn, Share, ThoughtRecord, User};
use sha2::{Digest, Sha256};

fn hash(code: &str) -> String {
    hex::encode(&Sha256::digest(code.as_bytes()))
}

/// Makes a share; the code is returned once and stored only as its hash.
pub async fn create(app: &Services, member: &User, new: &NewShare) -> ServiceResult<(Share, String)> {
    let code = share::code(crate::secret::random_bytes()?);
    let normal = share::normalize_code(&code).ok_or(ServiceError::Internal)?;
    let made = app.store.create_share(member.id, &hash(&normal), new).await?;
    Ok((made, code))
}

pub async fn require_clinician(app: &Services, user: &User) -> ServiceResult<()> {
    if app.store.is_clinician(user.id).await? {
        Ok(())
    } else {
        Err(ServiceError::Forbidden)
    }
}

/// A clinician redeems a code. Attempts are limited like logins, so codes cannot be guessed.
pub async fn redeem(app: &Services, clinician: &User, typed: &str) -> ServiceResult<Share> {
    require_clinician(app, clinician).await?;
    limit(
        &app.store,
        &app.limits,
        &format!("share-code:{}", clinician.id.0),
        app.limits.login_failures_per_account,
    )
    .await?;
    let code = share::normalize_code(typed).ok_or_else(|| Invalid::one("code", "share-code"))?;
    let today = app.today(clinician);
    match app.store.redeem_share(clinician.id, &hash(&code), today).await {
        Ok(s) => Ok(s),
        Err(foothold_store::StoreError::NotFound) => Err(Invalid::one("code", "share-code").into()),
        Err(e) => Err(e.into()),
    }
}

/// A share the clinician may open now; anything else is `NotFound`.
pub async fn open(app: &Services, clinician: &User, id: ShareId) -> ServiceResult<Share> {
    let today = app.today(clinician);
    app.store.clinician_share(clinician.id, id, today).await?.ok_or(ServiceError::NotFound)
}

/// What a clinician sees of a share, each part only when the member chose it.
pub struct Shown<'a> {
    pub diary: Option<Vec<CheckIn>>,
    /// Each questionnaire answered in the period, with its scores there.
    pub questionnaires: Option<Vec<(&'a Questionnaire, Vec<Point>)>>,
    pub thoughts: Option<Vec<ThoughtRecord>>,
}

/// Reads what the share shows and logs the view, part by part, before returning it.
pub async fn shown<'a>(app: &'a Services, clinician: &User, share: &Share) -> ServiceResult<Shown<'a>> {
    let mut shown = Shown { diary: None, questionnaires: None, thoughts: None };
    for scope in &share.scopes {
        app.store.log_share_view(share, clinician.id, &clinician.handle, scope.as_str()).await?;
        match scope {
            Scope::Diary => {
                shown.diary = Some(app.store.checkins(share.member_id, share.from, share.to).await?)
            }
            Scope::Questionnaires => {
                shown.questionnaires = Some(
                    app.questionnaires
                        .answered_between(&app.store, share.member_id, share.from, share.to)
                        .await?,
                );
            }
            Scope::Thoughts => {
                let records = app.store.thoughts(share.member_id).await?;
                shown.thoughts =
                    Some(records.into_iter().filter(|t| (share.from..=share.to).contains(&t.day)).collect());
            }
        }
    }
    Ok(shown)
}

/// A clinician leaves a note or suggestion, where the member allowed coaching.
pub async fn coach(
    app: &Services,
    clinician: &User,
    id: ShareId,
    suggestion: &share::Suggestion,
) -> ServiceResult<()> {
    let share = open(app, clinician, id).await?;
    if !share.coaching {
        return Err(ServiceError::Forbidden);
    }
    app.store.add_coaching(&share, clinician.id, &clinician.handle, suggestion).await?;
    Ok(())
}
