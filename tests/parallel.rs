//! Parallel runs produce what a serial run produces: the same files, byte for byte, and
//! the same diagnostics in the same order, whatever the number of worker threads.

use docs2rs::Generator;
use docs2rs::config::ApiConfig;
use docs2rs::timings::Stage;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("docs2rs-parallel-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Every file under `dir` (split APIs are folders): relative path → bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for path in std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()) {
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                out.push((path.strip_prefix(base).unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// The corpus pages whose names start with A to C (346 of 1168: models and eight API
/// groups, with references to models left out, hence warnings), plus pages that only yield
/// diagnostics: empty, binary, invalid UTF-8.
fn corpus_slice() -> PathBuf {
    let dir = tmp("slice");
    let docs = root().join("tests/corpus/purecloud-ruby-v29/docs");
    for entry in std::fs::read_dir(&docs).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with(['A', 'B', 'C']) {
            std::fs::copy(&path, dir.join(&name)).unwrap();
        }
    }
    std::fs::write(dir.join("Empty page.md"), "").unwrap();
    std::fs::write(dir.join("Binary.md"), [0u8, 1, 2, 0, 0, 7]).unwrap();
    std::fs::write(dir.join("Latin1.md"), b"## PureCloud::Latin1\n\nCaf\xe9\n").unwrap();
    dir
}

fn assert_same_render(generator: impl Fn() -> Generator, what: &str) {
    let serial = generator().with_jobs(1).render().expect("serial run succeeds");
    assert!(serial.files.len() >= 2, "{what}: {:?}", serial.files.keys());
    for jobs in [2, 8] {
        let parallel = generator().with_jobs(jobs).render().expect("parallel run succeeds");
        assert_eq!(parallel.files.keys().collect::<Vec<_>>(), serial.files.keys().collect::<Vec<_>>(), "{what}, {jobs} jobs");
        for (name, code) in &serial.files {
            assert!(parallel.files[name] == *code, "{what}: {name} differs with {jobs} jobs");
        }
        assert_eq!(parallel.diagnostics, serial.diagnostics, "{what}, {jobs} jobs");
        assert_eq!(parallel.notes, serial.notes, "{what}, {jobs} jobs");
    }
}

#[test]
fn seeds_render_the_same_with_one_or_many_workers() {
    assert_same_render(|| Generator::from_config_file(root().join("docs2rs.toml")).unwrap(), "seeds");
}

#[test]
fn a_corpus_slice_renders_the_same_with_one_or_many_workers_diagnostics_included() {
    let slice = corpus_slice();
    let generator = || Generator::new().with_api(ApiConfig::new("purecloud").with_input(&slice)).with_lib(true);
    assert_same_render(generator, "corpus slice");
    let serial = generator().with_jobs(1).render().unwrap();
    let messages: Vec<String> = serial.diagnostics.iter().map(ToString::to_string).collect();
    for file in ["Empty page.md", "Binary.md", "Latin1.md"] {
        assert!(messages.iter().any(|m| m.contains(file)), "a diagnostic for {file}: {messages:#?}");
    }
}

#[test]
fn written_files_are_byte_identical_with_one_or_many_workers() {
    let (one, many) = (tmp("one"), tmp("many"));
    let seeds = || Generator::from_config_file(root().join("docs2rs.toml")).unwrap();
    let a = seeds().with_jobs(1).with_out_dir(&one).generate().unwrap();
    let b = seeds().with_jobs(4).with_out_dir(&many).generate().unwrap();
    assert_eq!(a.report, b.report);
    assert_eq!(files(&one), files(&many));
}

#[test]
fn a_run_reports_its_stages_and_workers() {
    let done = Generator::from_config_file(root().join("docs2rs.toml")).unwrap().with_jobs(2).render().unwrap();
    let timings = done.timings.expect("render reports timings");
    assert_eq!(timings.jobs, 2);
    let text = timings.to_string();
    for stage in ["read", "parse swagger-markdown", "parse fern", "resolve", "render", "syn check", "format"] {
        assert!(text.lines().any(|l| l.trim_start().starts_with(&format!("{stage}  "))), "{stage} in\n{text}");
    }
    let parsed: usize = timings.stages.iter().filter(|(stage, _)| matches!(stage, Stage::Parse(_))).map(|(_, (_, n))| n).sum();
    assert_eq!(timings.stages[&Stage::Read].1, parsed, "every file read is parsed once:\n{text}");
    assert!(parsed > 10, "{text}");
}

#[test]
fn the_cli_prints_timings_per_stage_only_when_asked() {
    let out = tmp("cli");
    let run = |extra: &[&str]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_docs2rs"))
            .current_dir(root())
            .args(["generate", "--quiet", "--jobs", "2", "--out"])
            .arg(&out)
            .args(extra)
            .output()
            .expect("docs2rs runs");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    let err = run(&["--timings"]);
    let labels: Vec<&str> = err.lines().skip_while(|l| !l.starts_with("timings")).skip(1).map(|l| l.trim_start().split("  ").next().unwrap()).collect();
    assert!(err.contains("timings (2 job(s); stage times summed over threads):\n  read "), "{err}");
    let stages = [
        "read",
        "parse fern",
        "parse page",
        "parse readme",
        "parse swagger-markdown",
        "resolve",
        "render",
        "syn check",
        "format",
        "write",
        "stages (sum)",
        "wall",
    ];
    let position = |label: &str| labels.iter().position(|l| *l == label).unwrap_or_else(|| panic!("{label} in\n{err}"));
    let positions: Vec<usize> = stages.iter().map(|s| position(s)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "stages in pipeline order:\n{err}");
    assert!(!run(&[]).contains("timings"), "no timings unless asked");
}
