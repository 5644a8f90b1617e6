#!/usr/bin/env bash
# Runs each fuzz target (check, data, assess, fmt) for SECONDS (default 60), one after another,
# and prints the executions per target. Needs the nightly toolchain; installs cargo-fuzz if
# missing. A crash stops the run: its input is in fuzz/artifacts/TARGET/ (reproduce with
# `cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-…`).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
targets=${TARGETS:-check data assess fmt}
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz
fi
./seed.sh
mkdir -p logs
summary=()
for t in $targets; do
  echo "== $t: ${seconds}s"
  # -a: debug assertions (arithmetic overflow panics instead of wrapping silently).
  if ! cargo +nightly fuzz run -a "$t" "corpus/$t" -- \
      -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
      >"logs/$t.log" 2>&1; then
    tail -40 "logs/$t.log"
    echo "== $t FAILED: see fuzz/logs/$t.log and fuzz/artifacts/$t/" >&2
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "logs/$t.log" | grep -o '[0-9]*$' || echo '?')
  summary+=("$t: $runs executions in ${seconds}s")
done
printf '%s\n' "${summary[@]}"
