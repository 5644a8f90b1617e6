#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the repository's rules (.tc) and data files (JSON, CSV, RON).
# Inputs of `data` and `assess` start (after the separator, for `assess`) with a format byte:
# `j` JSON, `c` CSV, `r` RON. Safe to run again: it only adds or refreshes the seed files.
set -euo pipefail
cd "$(dirname "$0")"
repo=..
separator=$'\n#####\n'
mkdir -p corpus/check corpus/fmt corpus/data corpus/assess

rules=$(find "$repo/rules" "$repo/tests" "$repo/benches" -name '*.tc' 2>/dev/null | sort)
n=0
for f in $rules; do
  name=seed-$(echo "${f#"$repo"/}" | tr '/' '_')
  cp "$f" "corpus/check/$name"
  cp "$f" "corpus/fmt/$name"
  n=$((n + 1))
done
[ "$n" -ge 10 ] || { echo "seed.sh: only $n rules files found" >&2; exit 1; }

format_byte() {
  case "$1" in *.csv) printf c ;; *.ron) printf r ;; *) printf j ;; esac
}

# Data files of the basic example load against the data target's fixed rules.
for f in "$repo"/tests/spec/*/*.json "$repo"/tests/spec/*/*.csv "$repo"/tests/spec/*/*.ron \
         "$repo"/data/*.json "$repo"/data/*.csv; do
  [ -f "$f" ] || continue
  case "$f" in */cases.json) continue ;; esac
  name=seed-$(echo "${f#"$repo"/}" | tr '/' '_')
  { format_byte "$f"; cat "$f"; } > "corpus/data/$name"
done

# Rules with their data for assess: each example folder, and the shipped rules with their data.
pairs=()
for dir in "$repo"/tests/spec/*/; do
  for tc in "$dir"*.tc; do
    [ -f "$tc" ] || continue
    for d in "$dir"*.json "$dir"*.csv "$dir"*.ron; do
      [ -f "$d" ] && [ "$(basename "$d")" != cases.json ] && pairs+=("$tc|$d")
    done
  done
done
pairs+=("$repo/rules/quang-binh-2024.tc|$repo/data/quang-binh-2024.json")
pairs+=("$repo/rules/quang-binh-2024.tc|$repo/data/quang-binh-2024.csv")
pairs+=("$repo/rules/quang-binh-2025-draft.tc|$repo/data/quang-binh-2024.json")
for p in "${pairs[@]}"; do
  tc=${p%%|*}
  d=${p##*|}
  [ -f "$tc" ] && [ -f "$d" ] || { echo "seed.sh: missing $tc or $d" >&2; exit 1; }
  name=seed-$(basename "$tc" .tc)-$(basename "$d")
  { cat "$tc"; printf '%s' "$separator"; format_byte "$d"; cat "$d"; } > "corpus/assess/$name"
done
for t in check fmt data assess; do
  echo "seeded corpus/$t: $(ls "corpus/$t" | wc -l) files"
done
