//! Where a run spends its time: per stage (read, parse per format, resolve, render, syn
//! check, format, write), summed over the worker threads that ran it.
//!
//! A run installs its [`Timings`] in every thread of its rayon pool ([`enter`]), so the
//! stages record themselves with [`time`] without a handle threaded through every call.
//! Outside a run (a bare `parse_document` call) recording does nothing.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A pipeline stage, in pipeline order (the order [`Timings::report`] prints them in).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Reading input files.
    Read,
    /// Decoding, lowering and reading one document, by the format it was read as.
    Parse(&'static str),
    /// Merging the documents of an API into its schema.
    Resolve,
    /// Building the template view and rendering the templates.
    Render,
    /// `syn` parsing the rendered code (templates must produce valid Rust).
    SynCheck,
    /// prettyplease and the blank lines between items.
    Format,
    /// Writing the output directory.
    Write,
}

impl Stage {
    pub fn label(self) -> String {
        match self {
            Stage::Read => "read".into(),
            Stage::Parse(format) => format!("parse {format}"),
            Stage::Resolve => "resolve".into(),
            Stage::Render => "render".into(),
            Stage::SynCheck => "syn check".into(),
            Stage::Format => "format".into(),
            Stage::Write => "write".into(),
        }
    }
}

/// Time and item count per stage. Shared by the threads of one run.
#[derive(Debug, Default)]
pub struct Timings {
    stages: Mutex<BTreeMap<Stage, (Duration, usize)>>,
    peaks: Mutex<Vec<(&'static str, u64)>>,
}

/// What a finished run measured.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Stage → (time summed over threads, items).
    pub stages: BTreeMap<Stage, (Duration, usize)>,
    /// The whole run, wall clock.
    pub wall: Duration,
    /// Worker threads.
    pub jobs: usize,
    /// The process's peak RSS (KiB) after each phase of the run (Linux only).
    pub peak_rss: Vec<(&'static str, u64)>,
}

impl Timings {
    pub fn add(&self, stage: Stage, took: Duration) {
        let mut stages = self.stages.lock().unwrap_or_else(|e| e.into_inner());
        let entry = stages.entry(stage).or_default();
        entry.0 += took;
        entry.1 += 1;
    }

    pub fn report(&self, wall: Duration, jobs: usize) -> Report {
        let peak_rss = self.peaks.lock().unwrap_or_else(|e| e.into_inner()).clone();
        Report { stages: self.stages.lock().unwrap_or_else(|e| e.into_inner()).clone(), wall, jobs, peak_rss }
    }
}

impl std::fmt::Display for Report {
    /// One line per stage: name, items, seconds, share of the summed stage time.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let busy: Duration = self.stages.values().map(|(d, _)| *d).sum();
        writeln!(f, "timings ({} job(s); stage times summed over threads):", self.jobs)?;
        for (stage, (took, items)) in &self.stages {
            let share = 100.0 * took.as_secs_f64() / busy.as_secs_f64().max(1e-9);
            writeln!(f, "  {:<24} {:>6} x {:>9.3} s {:>5.1}%", stage.label(), items, took.as_secs_f64(), share)?;
        }
        writeln!(f, "  {:<24} {:>6}   {:>9.3} s", "stages (sum)", "", busy.as_secs_f64())?;
        write!(f, "  {:<24} {:>6}   {:>9.3} s", "wall", "", self.wall.as_secs_f64())?;
        for (after, kib) in &self.peak_rss {
            write!(f, "\n  peak RSS after {:<15} {:>9.1} MiB", after, *kib as f64 / 1024.0)?;
        }
        Ok(())
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Arc<Timings>>> = const { RefCell::new(None) };
}

/// Record into `timings` from this thread (a run's pool threads call it as they start).
pub fn enter(timings: Arc<Timings>) {
    CURRENT.with(|c| *c.borrow_mut() = Some(timings));
}

/// Stop recording from this thread.
pub fn leave() {
    CURRENT.with(|c| *c.borrow_mut() = None);
}

/// Add `took` to `stage` of the current run, if any.
pub fn record(stage: Stage, took: Duration) {
    CURRENT.with(|c| {
        if let Some(t) = &*c.borrow() {
            t.add(stage, took);
        }
    });
}

/// Note the process's peak RSS so far, after a phase of the current run (Linux only).
pub fn peak_rss_after(phase: &'static str) {
    let Some(kib) = peak_rss_kib() else { return };
    CURRENT.with(|c| {
        if let Some(t) = &*c.borrow() {
            t.peaks.lock().unwrap_or_else(|e| e.into_inner()).push((phase, kib));
        }
    });
}

/// `VmHWM` of /proc/self/status.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}

/// Run `f` as (one item of) `stage`.
pub fn time<T>(stage: Stage, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    record(stage, start.elapsed());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_only_inside_a_run_and_prints_stages_in_pipeline_order() {
        time(Stage::Write, || ());
        let run = Arc::new(Timings::default());
        enter(run.clone());
        time(Stage::Write, || ());
        record(Stage::Parse("fern"), Duration::from_millis(20));
        record(Stage::Parse("fern"), Duration::from_millis(10));
        record(Stage::Read, Duration::from_millis(10));
        leave();
        time(Stage::Read, || ());
        let mut report = run.report(Duration::from_millis(50), 2);
        report.peak_rss = vec![("parse", 20 * 1024)];
        assert_eq!(report.stages[&Stage::Read], (Duration::from_millis(10), 1));
        assert_eq!(report.stages[&Stage::Parse("fern")], (Duration::from_millis(30), 2));
        assert_eq!(report.stages[&Stage::Write].1, 1);
        let text = report.to_string();
        let names: Vec<&str> = text.lines().skip(1).map(|l| l.trim_start().split("  ").next().unwrap()).collect();
        assert_eq!(names, ["read", "parse fern", "write", "stages (sum)", "wall", "peak RSS after parse"], "{text}");
        assert!(text.ends_with("\n  peak RSS after parse                20.0 MiB"), "{text}");
        assert!(text.starts_with("timings (2 job(s); stage times summed over threads):\n  read  "), "{text}");
        assert!(text.lines().nth(2).unwrap().contains("     2 x     0.030 s"), "{text}");
    }
}
