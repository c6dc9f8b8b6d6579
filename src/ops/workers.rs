//! Work spread over every core (up to `WORKERS_MAX`) while this thread reads the
//! store: what needs the store (reading, laying out) happens here, what needs only
//! the CPU (drawing a PDF) on the workers, and what must happen in order on one
//! writer (a zip member) back here. Receipts and vouchers are printed this way.
//!
//! Memory stays flat: the queue to the workers is bounded, and this thread takes
//! every finished result before it feeds the next job, so at most a few jobs per
//! worker are in memory at once, however many there are.

use crate::error::message::IoMessage;
use crate::error::{Error, Result};

/// The most worker threads.
pub const WORKERS_MAX: usize = 8;

/// A source of jobs: calls its argument with each job, in order.
pub type Feed<'a, J> = dyn Fn(&mut dyn FnMut(J) -> Result<()>) -> Result<()> + 'a;

/// Runs `work` on every job `feed` gives, on the workers; `take` gets each result on
/// this thread in the order the jobs were fed (a result that finishes early waits, at
/// most one per job in flight), so what is written is the same on every run. The
/// first error stops the feed; every job sent is finished before it is returned.
pub fn on_workers<J: Send, T: Send>(
    feed: &Feed<'_, J>,
    work: &(dyn Fn(J) -> Result<T> + Sync),
    take: &mut dyn FnMut(T) -> Result<()>,
) -> Result<()> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(WORKERS_MAX));
    let (jobs, queue) = std::sync::mpsc::sync_channel::<(u64, J)>(workers * 2);
    let queue = std::sync::Mutex::new(queue);
    let (done, results) = std::sync::mpsc::channel::<(u64, Result<T>)>();
    std::thread::scope(|scope| -> Result<()> {
        for _ in 0..workers {
            let (queue, done) = (&queue, done.clone());
            scope.spawn(move || {
                loop {
                    let job = match queue.lock() {
                        Ok(queue) => queue.recv(),
                        Err(_) => return,
                    };
                    let Ok((n, job)) = job else { return };
                    if done.send((n, work(job))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done);
        let mut in_order = InOrder {
            next: 0,
            waiting: std::collections::BTreeMap::new(),
        };
        let mut take = |(n, result): (u64, Result<T>)| in_order.take(n, result, take);
        let mut sent = 0u64;
        let fed = feed(&mut |job| {
            if jobs.send((sent, job)).is_err() {
                return Err(Error::failed(IoMessage::WorkerStopped));
            }
            sent += 1;
            results.try_iter().try_for_each(&mut take)
        });
        drop(jobs);
        let drained = results.iter().try_for_each(&mut take);
        fed.and(drained)
    })
}

/// Results put back in the order their jobs were fed.
struct InOrder<T> {
    next: u64,
    waiting: std::collections::BTreeMap<u64, Result<T>>,
}

impl<T> InOrder<T> {
    fn take(
        &mut self,
        n: u64,
        result: Result<T>,
        take: &mut dyn FnMut(T) -> Result<()>,
    ) -> Result<()> {
        self.waiting.insert(n, result);
        while let Some(result) = self.waiting.remove(&self.next) {
            self.next += 1;
            take(result?)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_the_order_fed() {
        let feed = |send: &mut dyn FnMut(u64) -> Result<()>| (0..200).try_for_each(&mut *send);
        // Later jobs finish first.
        let work = |n: u64| {
            std::thread::sleep(std::time::Duration::from_micros((200 - n) * 20));
            Ok(n)
        };
        let mut got = Vec::new();
        on_workers(&feed, &work, &mut |n| {
            got.push(n);
            Ok(())
        })
        .unwrap();
        assert_eq!(got, (0..200).collect::<Vec<_>>());
    }
}
