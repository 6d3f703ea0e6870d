//! Group commit: every check-in save of this process goes through one writer task, which
//! takes whatever saves are queued (up to [`MAX_BATCH`]) and applies them in one
//! transaction with a fixed number of statements (`batch.rs`). Each save is still judged
//! on its own (stale, unknown strategy) and answered only after the commit returned, so
//! an acknowledged save is as durable as before. While one batch commits, the next one
//! queues: the busier the server, the larger the batches.

use crate::batch::{self, Conn, Outcome, Save};
use crate::{on_db, Db, Result, StoreError};
use chrono::{DateTime, Utc};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot, Mutex};

/// Most saves in one transaction: enough to absorb a burst, few enough that the first of
/// them does not wait long for the commit.
const MAX_BATCH: usize = 256;
/// Saves waiting for the writer before callers wait to hand theirs over.
const QUEUE: usize = 4_096;

/// A save that was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Saved {
    pub id: i64,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

pub(crate) struct Job {
    save: Save,
    reply: oneshot::Sender<Result<Saved>>,
}

/// The sending side held by every clone of a `Store`; the writer task ends when the last
/// one is dropped.
#[derive(Clone)]
pub(crate) struct Writer(mpsc::Sender<Job>);

impl Writer {
    /// Starts the writer task of a store (needs a tokio runtime).
    pub(crate) fn spawn(db: Db, turn: Arc<Mutex<()>>) -> Self {
        let (sender, jobs) = mpsc::channel(QUEUE);
        tokio::spawn(Committer { db, turn }.run(jobs));
        Self(sender)
    }

    /// Hands a save to the writer and waits until it is committed or refused.
    pub(crate) async fn save(&self, save: Save) -> Result<Saved> {
        let (reply, answer) = oneshot::channel();
        // Either fails only if the writer task is gone, i.e. the runtime is shutting down.
        let gone = || StoreError::Unavailable(sqlx::Error::PoolClosed);
        self.0.send(Job { save, reply }).await.map_err(|_| gone())?;
        answer.await.map_err(|_| gone())?
    }
}

/// What the writer task owns: the pool and the process's SQLite write turn, which it
/// shares with the other write transactions (`Store::write_turn`).
pub(crate) struct Committer {
    db: Db,
    turn: Arc<Mutex<()>>,
}

impl Committer {
    async fn run(self, mut jobs: mpsc::Receiver<Job>) {
        let mut batch = Vec::with_capacity(MAX_BATCH);
        while jobs.recv_many(&mut batch, MAX_BATCH).await > 0 {
            self.commit(std::mem::take(&mut batch)).await;
        }
    }

    /// Applies the jobs in one transaction and answers each. If the transaction fails,
    /// each job is tried alone, so one member's failure never fails another's save.
    pub(crate) async fn commit(&self, jobs: Vec<Job>) {
        let (saves, replies): (Vec<Save>, Vec<_>) = jobs.into_iter().map(|j| (j.save, j.reply)).unzip();
        match self.transaction(&saves).await {
            Ok((outcomes, at)) => {
                for (reply, outcome) in replies.into_iter().zip(outcomes) {
                    // A caller that went away no longer needs the answer.
                    let _ = reply.send(answer(outcome, at));
                }
            }
            Err(e) if saves.len() == 1 => {
                if let Some(reply) = replies.into_iter().next() {
                    let _ = reply.send(Err(alone_failed(e)));
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, saves = saves.len(), "check-in batch failed; saving one by one");
                for (save, reply) in saves.into_iter().zip(replies) {
                    let result = match self.transaction(std::slice::from_ref(&save)).await {
                        Ok((outcomes, at)) => outcomes
                            .into_iter()
                            .next()
                            .map_or(Err(StoreError::Corrupt("batch outcome")), |o| answer(o, at)),
                        Err(e) => Err(alone_failed(e)),
                    };
                    let _ = reply.send(result);
                }
            }
        }
    }

    /// One write transaction around [`batch::apply`], in this process's write turn.
    async fn transaction(&self, saves: &[Save]) -> Result<(Vec<Outcome>, DateTime<Utc>), sqlx::Error> {
        let _turn = self.db.write_turn(&self.turn).await;
        let begin = self.db.begin_write();
        let now = crate::now();
        let outcomes = on_db!(uncounted self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let outcomes = batch::apply(&mut Conn::from(&mut *tx), saves, now).await?;
            tx.commit().await?;
            outcomes
        });
        Ok((outcomes, now))
    }
}

fn answer(outcome: Outcome, updated_at: DateTime<Utc>) -> Result<Saved> {
    match outcome {
        Outcome::Saved { id, version } => Ok(Saved { id, version, updated_at }),
        Outcome::Stale => Err(StoreError::Stale),
        Outcome::UnknownStrategy => Err(StoreError::UnknownReference("strategy")),
    }
}

/// A save that fails on its own: a unique violation means another writer took the day.
fn alone_failed(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Stale,
        _ => StoreError::from(e),
    }
}

#[cfg(test)]
impl Committer {
    /// The writer of `store`, to hand it a batch of chosen saves directly.
    pub(crate) fn of(store: &crate::Store) -> Self {
        Self { db: store.db.clone(), turn: store.writer.clone() }
    }
}

#[cfg(test)]
impl Job {
    /// A job and where its answer will arrive.
    pub(crate) fn new(save: Save) -> (Self, oneshot::Receiver<Result<Saved>>) {
        let (reply, answer) = oneshot::channel();
        (Self { save, reply }, answer)
    }
}
