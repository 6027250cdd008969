#!/usr/bin/env python3
"""docs2rs against OpenAPI Generator on the same API, in one run (issue 13).

    cargo build --release
    python3 benches/make_corpus.py 1 /tmp/corpus-1x
    python3 benches/compare.py /tmp/corpus-1x             # medians of 5 after a warm-up
    python3 benches/compare.py --docs2rs-only /tmp/corpus-1x /tmp/corpus-2x /tmp/corpus-5x

CORPUS is a directory from make_corpus.py: docs2rs reads its docs2rs.toml (the SDK docs),
OpenAPI Generator 7.26.0 (generator `rust`, on the machine's Java) the swagger.json the
docs were generated from (with --skip-validate-spec: one response in it has no
description, which the generator otherwise refuses). Each run writes into an empty
directory; the two tools take turns (docs2rs, generator, docs2rs, ...) so that load from
elsewhere hits both alike.
Prints wall time, CPU time and peak RSS (the process and its children: the generator's
JVM) per run, the medians, and the ratio. OpenAPI Generator is installed with pip into --venv
(default ~/.cache/docs2rs-bench/venv, outside the repository) when missing.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GENERATOR_VERSION = "7.26.0"


def run(cmd, out_dir):
    """Wall seconds, CPU seconds and peak RSS (MiB) of one run of `cmd` into a fresh `out_dir`."""
    shutil.rmtree(out_dir, ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(map(str, cmd))}\n{stderr.decode(errors='replace')[-3000:]}")
    # ru_maxrss (KiB) covers the process and its waited-for descendants (the JVM).
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def generator_cli(venv):
    cli = venv / "bin" / "openapi-generator-cli"
    if not cli.exists():
        print(f"installing openapi-generator-cli=={GENERATOR_VERSION} into {venv}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin/pip"), "install", "--quiet", f"openapi-generator-cli=={GENERATOR_VERSION}"], check=True)
    return cli


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("corpora", type=Path, nargs="+", metavar="CORPUS", help="directories made by benches/make_corpus.py")
    p.add_argument("--docs2rs-only", action="store_true", help="time docs2rs alone (growth over N× corpora)")
    p.add_argument("--runs", type=int, default=5, help="timed runs of each tool (default 5)")
    p.add_argument("--docs2rs", type=Path, default=REPO / "target/release/docs2rs", help="the docs2rs binary (default: target/release/docs2rs)")
    p.add_argument("--venv", type=Path, default=Path.home() / ".cache/docs2rs-bench/venv", help="venv for OpenAPI Generator")
    p.add_argument("--jobs", type=int, help="docs2rs --jobs (default: all cores)")
    args = p.parse_args()
    if not args.docs2rs.is_file():
        sys.exit(f"{args.docs2rs}: not built; run `cargo build --release`")
    cli = None if args.docs2rs_only else generator_cli(args.venv.expanduser())
    for corpus in args.corpora:
        compare(corpus.resolve(), args, cli)


def compare(corpus, args, cli):
    if not (corpus / "docs2rs.toml").is_file() or not (corpus / "swagger.json").is_file():
        sys.exit(f"{corpus}: no docs2rs.toml and swagger.json; make one with benches/make_corpus.py")
    work = Path(tempfile.mkdtemp(prefix="docs2rs-compare-"))
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    # name -> (command, its output directory)
    tools = {"docs2rs": ([str(args.docs2rs), "generate", "--quiet", "--config", str(corpus / "docs2rs.toml"), "--out", str(work / "docs2rs"), *jobs], work / "docs2rs")}
    if cli:
        cmd = [str(cli), "generate", "-g", "rust", "-i", str(corpus / "swagger.json"), "-o", str(work / "generator"), "--skip-validate-spec"]
        tools["openapi-generator"] = (cmd, work / "generator")
    results = {name: [] for name in tools}
    try:
        for i in range(args.runs + 1):
            for name, (cmd, out) in tools.items():
                wall, cpu, rss = run(cmd, out)
                label = "warm-up" if i == 0 else f"run {i}"
                print(f"{label:>8} {name:<18} {wall:7.3f} s {cpu:7.3f} s CPU {rss:7.0f} MiB", flush=True)
                if i > 0:
                    results[name].append((wall, cpu, rss))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    med = {name: [statistics.median(column) for column in zip(*r)] for name, r in results.items()}
    print(f"\nmedians of {args.runs} ({corpus}):")
    for name, (wall, cpu, rss) in med.items():
        print(f"  {name:<18} {wall:7.3f} s wall {cpu:7.3f} s CPU {rss:7.0f} MiB peak RSS")
    if cli:
        (w1, c1, m1), (w2, c2, m2) = med["docs2rs"], med["openapi-generator"]
        print(f"  docs2rs is {w2 / w1:.1f}x faster (wall), uses {c2 / c1:.1f}x less CPU time and {m2 / m1:.1f}x less memory")
    print()


if __name__ == "__main__":
    main()
