//! A member's data for other systems: the FHIR R4 Bundle (`foothold_core::fhir`), made from
//! the store and the questionnaires. The API and the command line share it.

use crate::questionnaires::Instruments;
use chrono::{DateTime, Utc};
use foothold_core::fhir;
use foothold_store::{Store, StoreError, User};
use sha2::{Digest, Sha256};

/// The member's pseudonym key: stable across exports, and neither their handle nor a number
/// one can count up to (it mixes in the instant the account was made).
fn patient_key(user: &User) -> [u8; 8] {
    let digest = Sha256::new()
        .chain_update(b"foothold-patient\0")
        .chain_update(user.id.0.to_be_bytes())
        .chain_update(user.created_at.to_rfc3339().as_bytes())
        .finalize();
    let mut key = [0u8; 8];
    key.copy_from_slice(digest.get(..8).unwrap_or(&[0; 8]));
    key
}

/// Everything the bundle holds for `user`. Responses to a questionnaire the server no longer
/// has, or whose answers no longer read, are left out rather than written wrongly.
pub async fn fhir_bundle(
    store: &Store,
    instruments: &Instruments,
    user: &User,
    now: DateTime<Utc>,
) -> Result<serde_json::Value, StoreError> {
    let diary: Vec<_> = store
        .export_diary(user.id)
        .await?
        .into_iter()
        .map(|row| (row.date, row.ratings, row.flare))
        .collect();
    let stored = store.responses(user.id, None).await?;
    let checked: Vec<_> = stored
        .iter()
        .filter_map(|r| {
            let q = &instruments.get(&r.questionnaire).ok()?.q;
            Some((r, q, q.recheck(&r.answers).ok()?))
        })
        .collect();
    let responses: Vec<fhir::Response<'_>> = checked
        .iter()
        .map(|(r, q, answers)| fhir::Response { id: r.id, questionnaire: q, answers, authored: r.authored })
        .collect();
    let software = format!("Foothold {}", env!("CARGO_PKG_VERSION"));
    Ok(fhir::bundle(patient_key(user), &diary, &responses, now, &software))
}
