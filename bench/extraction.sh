#!/usr/bin/env bash
# Extraction benchmark, in one run:
#  1. precision, recall and F1 of the main text on the article-extraction-benchmark, and single-thread pages/s of
#     the whole Extractor against its main-text step alone (ExtractionBench);
#  2. `warctrail extract --json` against Readability.js + jsdom (bench/js) on the same pages, each a fresh process
#     as a user runs it, alternating, 3 runs each: median wall and CPU (user + sys) seconds, and the ratios; then
#     the same on the first page alone and on the pages given twice, for how the ratio grows with the pages.
# Usage: bench/extraction.sh [--verbose] [--dump DIR] [--only KEY_PREFIX] [BENCHMARK_DIR]
# BENCHMARK_DIR defaults to /work/shared/extraction-benchmark. Readability.js and jsdom are installed into
# bench/js/node_modules on the first run (npm, pinned by bench/js/package-lock.json); without node the
# comparison is skipped and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
deps=$(cat target/cp.txt)

dir=/work/shared/extraction-benchmark
only=
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --verbose|-v) ;;
    --dump) i=$((i + 1)) ;;
    --only) i=$((i + 1)); only=${args[i]} ;;
    *) dir=${args[i]} ;;
  esac
done

java -cp "target/classes:target/test-classes:$deps" org.warctrail.bench.ExtractionBench "$@"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "extract --json vs Readability.js: skipped (node and npm are needed)"
  exit 0
fi
if [ ! -f bench/js/node_modules/@mozilla/readability/package.json ] || [ ! -f bench/js/node_modules/jsdom/package.json ]; then
  (cd bench/js && npm ci --no-audit --no-fund --loglevel=error)
fi

pages=("$dir"/html/"$only"*.html.gz)
runs=3
timing=$(mktemp)
trap 'rm -f "$timing"' EXIT
# warctrail as a user runs it: bin/warctrail (the jar with its class-data archive and JVM options) where the
# project has that launcher, else the product's class path as `java -jar target/warctrail.jar` has it
if [ -x bin/warctrail ]; then
  mvn -o -q package -DskipTests
  warctrail=(bin/warctrail extract --json)
  # the launcher's first run after a build writes the class-data archive: not timed
  "${warctrail[@]}" "${pages[@]}" >/dev/null 2>&1 || true
  how="bin/warctrail"
else
  warctrail=(java -cp "target/classes:$deps" org.warctrail.cli.Main extract --json)
  how="java -cp target/classes:... (no bin/warctrail)"
fi
readability=(node bench/js/readability.mjs)

# one run: prints "wall cpu" in seconds, the command's own output discarded
measure() {
  /usr/bin/time -f "%e %U %S" -o "$timing" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$timing"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Both on the same files, alternating, $runs runs each: medians and ratios.
compare() {
  local files=("$@") w_runs=() r_runs=() run
  for ((run = 1; run <= runs; run++)); do
    w_runs+=("$(measure "${warctrail[@]}" "${files[@]}")")
    r_runs+=("$(measure "${readability[@]}" "${files[@]}")")
  done
  w_wall=$(printf '%s\n' "${w_runs[@]}" | cut -d' ' -f1 | median); w_cpu=$(printf '%s\n' "${w_runs[@]}" | cut -d' ' -f2 | median)
  r_wall=$(printf '%s\n' "${r_runs[@]}" | cut -d' ' -f1 | median); r_cpu=$(printf '%s\n' "${r_runs[@]}" | cut -d' ' -f2 | median)
  echo "  (wall and CPU seconds of each run: warctrail ${w_runs[*]// /\/}; Readability.js ${r_runs[*]// /\/})"
  printf '  %-34s %8s %8s\n' "" "wall s" "CPU s"
  printf '  %-34s %8.2f %8.2f\n' "warctrail extract --json" "$w_wall" "$w_cpu"
  printf '  %-34s %8.2f %8.2f\n' "Readability.js + jsdom (node)" "$r_wall" "$r_cpu"
  awk -v ww="$w_wall" -v wc="$w_cpu" -v rw="$r_wall" -v rc="$r_cpu" -v n="${#files[@]}" 'BEGIN {
    printf "  warctrail is %.1fx faster in wall time, %.1fx in CPU time (%.1f vs %.1f pages/s wall)\n", rw / ww, rc / wc, n / ww, n / rw }'
}

echo "extract --json vs Readability.js + jsdom: ${#pages[@]} pages, one process per run, $runs runs each alternating, median"
echo "  (warctrail run as: $how)"
compare "${pages[@]}"
# A JVM's start-up and warm-up are paid once per run: the ratio on one page and on the pages given twice shows how
# it grows with the number of pages (what one page costs each, and what each page after it costs).
if [ -z "$only" ] && [ "${#pages[@]}" -gt 1 ]; then
  echo "the same, on the first page alone:"
  compare "${pages[0]}"
  echo "the same, on the ${#pages[@]} pages given twice (${#pages[@]} x 2 files):"
  compare "${pages[@]}" "${pages[@]}"
fi
