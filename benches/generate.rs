//! Throughput and memory of a full generation (read → parse → resolve → render → syn check
//! → format → write), end to end and per stage, on the seeds and on the whole corpus.
//!
//!     cargo bench --bench generate                  # seeds and corpus
//!     cargo bench --bench generate -- corpus        # by name
//!     DOCS2RS_BENCH_CONFIG=/tmp/corpus-5x/docs2rs.toml cargo bench --bench generate -- big
//!         # an N× corpus from benches/make_corpus.py
//!     DOCS2RS_BENCH_JOBS=1 cargo bench --bench generate   # one worker thread
//!
//! Prints the median of N runs end to end (each into an empty directory), the median of
//! each stage (as `--timings` reports it: summed over worker threads), and the process's
//! peak RSS so far (Linux `VmHWM`). No extra crates: wall-clock medians are what users feel.

use docs2rs::Generator;
use docs2rs::timings::{Report, Stage};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn bench(name: &str, runs: usize, config: &Path, jobs: usize) {
    let out = std::env::temp_dir().join(format!("docs2rs-bench-{name}-{}", std::process::id()));
    let mut times = Vec::with_capacity(runs);
    let mut reports: Vec<Report> = Vec::with_capacity(runs);
    let mut lines = 0;
    // One warm-up run (file cache, allocator), then the timed ones.
    for run in 0..=runs {
        let _ = std::fs::remove_dir_all(&out);
        let g = Generator::from_config_file(config).expect("config loads").with_out_dir(&out).with_jobs(jobs);
        let start = Instant::now();
        let done = g.generate().expect("generation succeeds");
        if run > 0 {
            times.push(start.elapsed());
            reports.extend(done.timings);
        }
        lines = done.files.values().map(|f| f.lines().count()).sum();
    }
    let _ = std::fs::remove_dir_all(&out);
    let m = median(times);
    println!(
        "{name:<8} median of {runs}: {:>8.1} ms end to end ({lines} generated lines, {:.0} lines/s, {} job(s)); peak RSS so far {:.0} MiB",
        m.as_secs_f64() * 1e3,
        lines as f64 / m.as_secs_f64(),
        reports.first().map_or(0, |r| r.jobs),
        peak_rss_mib().unwrap_or(f64::NAN)
    );
    let mut stages: BTreeMap<Stage, Vec<Duration>> = BTreeMap::new();
    for r in &reports {
        for (stage, (took, _)) in &r.stages {
            stages.entry(*stage).or_default().push(*took);
        }
    }
    let items = |stage: &Stage| reports[0].stages.get(stage).map_or(0, |(_, n)| *n);
    for (stage, took) in stages {
        println!("           {:<24} {:>6} x {:>8.1} ms", stage.label(), items(&stage), median(took).as_secs_f64() * 1e3);
    }
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let jobs: usize = std::env::var("DOCS2RS_BENCH_JOBS").ok().and_then(|j| j.parse().ok()).unwrap_or(0);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases: Vec<(&str, usize, PathBuf)> = vec![("seeds", 21, root.join("docs2rs.toml")), ("corpus", 5, root.join("tests/corpus/docs2rs.toml"))];
    if let Some(big) = std::env::var_os("DOCS2RS_BENCH_CONFIG") {
        cases.push(("big", 5, PathBuf::from(big)));
    }
    for (name, runs, config) in cases {
        if filter.as_deref().is_none_or(|f| name.contains(f)) {
            bench(name, runs, &config, jobs);
        }
    }
}
