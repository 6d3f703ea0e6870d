//! Group commit: every check-in save and every reply of this process goes through one
//! writer task, which takes whatever writes are queued (up to [`MAX_BATCH`]) and applies
//! them in one transaction: check-ins with a fixed number of statements (`batch.rs`),
//! replies one after another (`threads::add_reply`). Each write is still judged on its own
//! (stale, unknown strategy, locked thread) and answered only after the commit returned, so
//! an acknowledged write is as durable as before. While one batch commits, the next one
//! queues: the busier the server, the larger the batches, and the fewer fsyncs per write.

use crate::batch::{self, Conn, Outcome, Save};
use crate::threads::{self, NewReply, Posted, Replied};
use crate::{on_db, Conflict, Db, Result, StoreError};
use chrono::{DateTime, Utc};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot, Mutex};

/// Most writes in one transaction: enough to absorb a burst, few enough that the first of
/// them does not wait long for the commit.
const MAX_BATCH: usize = 256;
/// Writes waiting for the writer before callers wait to hand theirs over.
const QUEUE: usize = 4_096;

/// A save that was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Saved {
    pub id: i64,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

/// A write and where its answer goes.
pub(crate) enum Job {
    CheckIn(Save, oneshot::Sender<Result<Saved>>),
    Reply(NewReply, oneshot::Sender<Result<Posted>>),
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

    /// Hands a check-in save to the writer and waits until it is committed or refused.
    pub(crate) async fn save(&self, save: Save) -> Result<Saved> {
        self.send(|answer| Job::CheckIn(save, answer)).await
    }

    /// Hands a reply to the writer and waits until it is committed or refused.
    pub(crate) async fn reply(&self, reply: NewReply) -> Result<Posted> {
        self.send(|answer| Job::Reply(reply, answer)).await
    }

    async fn send<T>(&self, job: impl FnOnce(oneshot::Sender<Result<T>>) -> Job) -> Result<T> {
        let (answer, answered) = oneshot::channel();
        // Either fails only if the writer task is gone, i.e. the runtime is shutting down.
        let gone = || StoreError::Unavailable(sqlx::Error::PoolClosed);
        self.0.send(job(answer)).await.map_err(|_| gone())?;
        answered.await.map_err(|_| gone())?
    }
}

/// What the writer task owns: the pool and the process's SQLite write turn, which it
/// shares with the other write transactions (`Store::write_turn`).
pub(crate) struct Committer {
    db: Db,
    turn: Arc<Mutex<()>>,
}

/// What one transaction did: each save's and each reply's outcome, and when.
type Done = (Vec<Outcome>, Vec<Replied>, DateTime<Utc>);

impl Committer {
    async fn run(self, mut jobs: mpsc::Receiver<Job>) {
        let mut batch = Vec::with_capacity(MAX_BATCH);
        while jobs.recv_many(&mut batch, MAX_BATCH).await > 0 {
            self.commit(std::mem::take(&mut batch)).await;
        }
    }

    /// Applies the jobs in one transaction and answers each. If the transaction fails,
    /// each job is tried alone, so one member's failure never fails another's write.
    pub(crate) async fn commit(&self, jobs: Vec<Job>) {
        let alone = jobs.len() == 1;
        let (mut saves, mut save_answers, mut replies, mut reply_answers) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for job in jobs {
            match job {
                Job::CheckIn(save, answer) => {
                    saves.push(save);
                    save_answers.push(answer);
                }
                Job::Reply(reply, answer) => {
                    replies.push(reply);
                    reply_answers.push(answer);
                }
            }
        }
        // A caller that went away no longer needs the answer, hence the ignored sends.
        match self.transaction(&saves, &replies).await {
            Ok((outcomes, replied, at)) => {
                for (answer, outcome) in save_answers.into_iter().zip(outcomes) {
                    let _ = answer.send(saved(outcome, at));
                }
                for (answer, outcome) in reply_answers.into_iter().zip(replied) {
                    let _ = answer.send(posted(outcome));
                }
            }
            Err(e) if alone => {
                if let Some(answer) = save_answers.pop() {
                    let _ = answer.send(Err(alone_failed(e)));
                } else if let Some(answer) = reply_answers.pop() {
                    let _ = answer.send(Err(StoreError::from(e)));
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, saves = saves.len(), replies = replies.len(), "write batch failed; writing one by one");
                for (save, answer) in saves.into_iter().zip(save_answers) {
                    let result = match self.transaction(std::slice::from_ref(&save), &[]).await {
                        Ok((outcomes, _, at)) => outcomes
                            .into_iter()
                            .next()
                            .map_or(Err(StoreError::Corrupt("batch outcome")), |o| saved(o, at)),
                        Err(e) => Err(alone_failed(e)),
                    };
                    let _ = answer.send(result);
                }
                for (reply, answer) in replies.into_iter().zip(reply_answers) {
                    let result = match self.transaction(&[], std::slice::from_ref(&reply)).await {
                        Ok((_, replied, _)) => replied
                            .into_iter()
                            .next()
                            .map_or(Err(StoreError::Corrupt("batch outcome")), posted),
                        Err(e) => Err(StoreError::from(e)),
                    };
                    let _ = answer.send(result);
                }
            }
        }
    }

    /// One write transaction around [`batch::apply`] and the replies, in this process's
    /// write turn.
    async fn transaction(&self, saves: &[Save], replies: &[NewReply]) -> Result<Done, sqlx::Error> {
        let _turn = self.db.write_turn(&self.turn).await;
        let begin = self.db.begin_write();
        let now = crate::now();
        let (outcomes, replied) = on_db!(uncounted self, |pool| {
            let mut tx = pool.begin_with(begin).await?;
            let mut conn = Conn::from(&mut *tx);
            let outcomes = if saves.is_empty() { Vec::new() } else { batch::apply(&mut conn, saves, now).await? };
            // Thread by thread (each thread's replies in the order they came), so that
            // concurrent batches on PostgreSQL lock threads in one order.
            let mut order: Vec<usize> = (0..replies.len()).collect();
            order.sort_by_key(|&i| replies.get(i).map(|r| r.thread));
            let mut replied = vec![Replied::NoThread; replies.len()];
            for i in order {
                if let (Some(reply), Some(slot)) = (replies.get(i), replied.get_mut(i)) {
                    *slot = threads::add_reply(&mut conn, reply, now).await?;
                }
            }
            tx.commit().await?;
            (outcomes, replied)
        });
        Ok((outcomes, replied, now))
    }
}

fn saved(outcome: Outcome, updated_at: DateTime<Utc>) -> Result<Saved> {
    match outcome {
        Outcome::Saved { id, version } => Ok(Saved { id, version, updated_at }),
        Outcome::Stale => Err(StoreError::Stale),
        Outcome::UnknownStrategy => Err(StoreError::UnknownReference("strategy")),
    }
}

fn posted(outcome: Replied) -> Result<Posted> {
    match outcome {
        Replied::Posted(posted) => Ok(posted),
        Replied::Locked => Err(StoreError::Conflict(Conflict::ThreadLocked)),
        Replied::NoThread => Err(StoreError::NotFound),
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
    /// A check-in job and where its answer will arrive.
    pub(crate) fn new(save: Save) -> (Self, oneshot::Receiver<Result<Saved>>) {
        let (answer, answered) = oneshot::channel();
        (Self::CheckIn(save, answer), answered)
    }

    /// A reply job and where its answer will arrive.
    pub(crate) fn reply(reply: NewReply) -> (Self, oneshot::Receiver<Result<Posted>>) {
        let (answer, answered) = oneshot::channel();
        (Self::Reply(reply, answer), answered)
    }
}
