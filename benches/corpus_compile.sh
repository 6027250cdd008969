#!/usr/bin/env bash
# How long the corpus client (tests/corpus-crate: 932 operations, split into 40 groups)
# takes to compile: debug, dependencies and build script already built, the crate's own
# compile only (its lib.rs touched; not incremental, as on a clean build). Median of RUNS
# (default 5) after a warm-up build.
#   benches/corpus_compile.sh                      all groups (default features)
#   benches/corpus_compile.sh purecloud-users ...  each named group alone
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_PROFILE_DEV_DEBUG="${CARGO_PROFILE_DEV_DEBUG:-0}" CARGO_INCREMENTAL=0
runs="${RUNS:-5}"

measure() {
  local label="$1"
  shift
  cargo build --quiet --locked -p docs2rs-corpus --lib "$@"
  local times=()
  for _ in $(seq "$runs"); do
    touch tests/corpus-crate/src/lib.rs
    local start
    start=$(date +%s%N)
    cargo build --quiet --locked -p docs2rs-corpus --lib "$@"
    times+=("$((($(date +%s%N) - start) / 1000000))")
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
  printf '%-40s median %6.1f s  (runs, ms: %s)\n' "$label" "$(echo "$median" | awk '{print $1 / 1000}')" "${times[*]}"
}

if [ "$#" -eq 0 ]; then
  measure "all groups (default features)"
fi
for group in "$@"; do
  measure "$group alone" --no-default-features --features "$group"
done
