//! A background worker that only ever runs the newest job: jobs asked for while one runs are
//! coalesced, so dragging a slider starts at most one computation behind the one running.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// One thread, the newest job, the newest result. Without `background` a job runs at once on
/// the calling thread (tests, benchmarks).
pub struct Latest<J: Send + 'static, R: Send + Sync + 'static> {
    background: bool,
    work: fn(J) -> R,
    jobs: Option<Sender<(u64, J)>>,
    done_sender: Sender<(u64, R)>,
    done: Receiver<(u64, R)>,
    asked: u64,
    floor: u64,
    latest: Option<(u64, Arc<R>)>,
}

impl<J: Send + 'static, R: Send + Sync + 'static> Latest<J, R> {
    /// A worker that runs `work`.
    pub fn new(background: bool, work: fn(J) -> R) -> Latest<J, R> {
        let (done_sender, done) = channel();
        Latest { background, work, jobs: None, done_sender, done, asked: 0, floor: 0, latest: None }
    }

    /// Asks for `job`; any job still waiting is dropped in its favour.
    pub fn request(&mut self, ctx: &egui::Context, job: J) {
        self.asked += 1;
        if !self.background {
            self.latest = Some((self.asked, Arc::new((self.work)(job))));
            return;
        }
        let jobs = self.jobs.get_or_insert_with(|| spawn(self.work, self.done_sender.clone(), ctx.clone()));
        if let Err(std::sync::mpsc::SendError(job)) = jobs.send((self.asked, job)) {
            // The thread is gone (it cannot panic on its own, but be safe): start another.
            let jobs = spawn(self.work, self.done_sender.clone(), ctx.clone());
            let _ = jobs.send(job);
            self.jobs = Some(jobs);
        }
    }

    /// Takes in finished work.
    pub fn poll(&mut self) {
        while let Ok((serial, result)) = self.done.try_recv() {
            if serial > self.floor && self.latest.as_ref().is_none_or(|(latest, _)| serial > *latest) {
                self.latest = Some((serial, Arc::new(result)));
            }
        }
    }

    /// The newest result, possibly of an older job.
    pub fn latest(&self) -> Option<&Arc<R>> {
        self.latest.as_ref().map(|(_, result)| result)
    }

    /// True while the newest job asked for has not finished.
    pub fn is_busy(&self) -> bool {
        self.latest.as_ref().map_or(self.asked > self.floor, |(serial, _)| *serial < self.asked)
    }

    /// Forgets the result and any job still running (another record or persona).
    pub fn clear(&mut self) {
        self.latest = None;
        self.floor = self.asked;
    }
}

fn spawn<J: Send + 'static, R: Send + 'static>(
    work: fn(J) -> R,
    done: Sender<(u64, R)>,
    ctx: egui::Context,
) -> Sender<(u64, J)> {
    let (sender, jobs) = channel::<(u64, J)>();
    std::thread::spawn(move || {
        while let Ok(mut job) = jobs.recv() {
            // Skip to the newest job asked for meanwhile.
            while let Ok(newer) = jobs.try_recv() {
                job = newer;
            }
            let (serial, input) = job;
            if done.send((serial, work(input))).is_err() {
                return;
            }
            ctx.request_repaint();
        }
    });
    sender
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test that cannot set up should fail loudly.
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::{Duration, Instant};

    use super::*;

    static RUNS: AtomicUsize = AtomicUsize::new(0);

    fn slow_echo(n: u32) -> u32 {
        RUNS.fetch_add(1, Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(20));
        n
    }

    #[test]
    fn rapid_requests_are_coalesced_to_the_newest() {
        let ctx = egui::Context::default();
        let mut worker = Latest::new(true, slow_echo);
        for n in 1..=30 {
            worker.request(&ctx, n);
        }
        assert!(worker.is_busy());
        let started = Instant::now();
        while worker.is_busy() && started.elapsed() < Duration::from_secs(10) {
            worker.poll();
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(worker.latest().map(|n| **n), Some(30), "the newest job's result is kept");
        let runs = RUNS.load(Ordering::SeqCst);
        assert!(runs < 30, "{runs} runs for 30 requests: waiting jobs were not skipped");
    }

    #[test]
    fn without_background_a_job_runs_at_once_and_clear_forgets() {
        let ctx = egui::Context::default();
        let mut worker = Latest::new(false, |n: u32| n * 2);
        worker.request(&ctx, 21);
        assert_eq!(worker.latest().map(|n| **n), Some(42));
        assert!(!worker.is_busy());
        worker.clear();
        assert!(worker.latest().is_none());
    }
}
