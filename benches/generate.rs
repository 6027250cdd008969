//! Throughput and memory of a full in-memory generation (parse → resolve → render →
//! syn check → prettyplease), on the seeds and on the whole corpus.
//!
//!     cargo bench --bench generate            # all
//!     cargo bench --bench generate -- corpus  # by name
//!
//! Prints the median of N runs and the process's peak RSS (Linux `VmHWM`). No extra
//! crates: the numbers are wall-clock medians, which is what users feel.

use docs2rs::Generator;
use std::path::Path;
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

fn bench(name: &str, runs: usize, config: &Path) {
    let mut times = Vec::with_capacity(runs);
    let mut lines = 0;
    for _ in 0..runs {
        let g = Generator::from_config_file(config).expect("config loads");
        let start = Instant::now();
        let done = g.render().expect("generation succeeds");
        times.push(start.elapsed());
        lines = done.files.values().map(|f| f.lines().count()).sum();
    }
    let m = median(times);
    println!(
        "{name:<8} median of {runs}: {:>8.1} ms  ({lines} generated lines, {:.0} lines/s)  peak RSS so far {:.0} MiB",
        m.as_secs_f64() * 1e3,
        lines as f64 / m.as_secs_f64(),
        peak_rss_mib().unwrap_or(f64::NAN)
    );
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cases = [("seeds", 21, root.join("docs2rs.toml")), ("corpus", 5, root.join("tests/corpus/docs2rs.toml"))];
    for (name, runs, config) in cases {
        if filter.as_deref().is_none_or(|f| name.contains(f)) {
            bench(name, runs, &config);
        }
    }
}
