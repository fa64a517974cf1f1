#!/bin/sh
# Search on a generated store of N documents (default 10,000) where one word is in every document: DocumentSearch CPU
# per request and /search requests/s (SearchBench), then the one-shot `warctrail search` and `trace` commands' wall
# time and CPU (user+sys) against rg (or grep -r) over the same text, median of 3 alternating rounds; with JVM flags
# too (AppCDS, C1 only), through bin/warctrail (which applies both), and with BEFORE_JAR=path the same commands with another build of the jar.
# Usage: [ONESHOT_ONLY=1] [BEFORE_JAR=jar] bench/search.sh [DOCUMENTS]  (from the root)
set -e
cd "$(dirname "$0")/.."
n=${1:-10000}
store=bench/out/search-store-$n
mvn -o -q test-compile
[ -f target/cp.txt ] || mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
[ -f target/warctrail.jar ] || mvn -o -q package -DskipTests
[ -n "$ONESHOT_ONLY" ] && [ -f "$store/quote.txt" ] || \
  java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" org.warctrail.bench.SearchBench "$n" "$store"
term=harbour
quote=$(cat "$store/quote.txt")
if command -v rg >/dev/null; then grepper="rg -c $term $store/text"; else grepper="grep -rc $term $store/text"; fi

jar=target/warctrail.jar
jsa=target/search-bench.jsa
rm -f $jsa
# AppCDS: a dynamic archive (JDK 13+) of the classes one `search` run loads, used by the runs given its flag
java -XX:ArchiveClassesAtExit=$jsa -jar $jar search $term --store "$store" >/dev/null 2>&1
# bin/warctrail, the launcher that applies both: its first run after a build makes its own archive
bin/warctrail search $term --store "$store" >/dev/null 2>&1
runs=$(mktemp)
# one run: label, then the command; appends "label wall_ms cpu_ms" to $runs
run() {
  label=$(echo "$1" | tr ' ' '+'); shift
  /usr/bin/time -f "%e %U %S" -o "$runs.t" "$@" >/dev/null 2>&1
  awk -v l="$label" '{printf "%s %d %d\n", l, $1 * 1000, ($2 + $3) * 1000}' "$runs.t" >> "$runs"
}
for round in 1 2 3; do
  for flags in "none" "-XX:SharedArchiveFile=$jsa" "-XX:SharedArchiveFile=$jsa -XX:TieredStopAtLevel=1"; do
    f=$flags; [ "$f" = none ] && f=
    run "after|$flags|--version" java $f -jar $jar --version
    run "after|$flags|search" java $f -jar $jar search $term --store "$store"
    run "after|$flags|search--json" java $f -jar $jar search $term --json --store "$store"
    run "after|$flags|trace" java $f -jar $jar trace "$quote" --store "$store"
  done
  run "launcher|bin/warctrail|--version" bin/warctrail --version
  run "launcher|bin/warctrail|search" bin/warctrail search $term --store "$store"
  run "launcher|bin/warctrail|search--json" bin/warctrail search $term --json --store "$store"
  run "launcher|bin/warctrail|trace" bin/warctrail trace "$quote" --store "$store"
  if [ -n "$BEFORE_JAR" ]; then
    run "before|none|search" java -jar "$BEFORE_JAR" search $term --store "$store"
    run "before|none|search--json" java -jar "$BEFORE_JAR" search $term --json --store "$store"
    run "before|none|trace" java -jar "$BEFORE_JAR" trace "$quote" --store "$store"
  fi
  run "reference|-|$(echo "$grepper" | cut -d' ' -f1-2)" $grepper
  run "reference|-|java -version" java -version
done
printf "one-shot commands on %s (%s documents, '%s' in all), median of 3 alternating rounds; load average %s\n" \
  "$store" "$n" "$term" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %-9s %-70s %-14s %8s %8s\n' jar flags command "wall ms" "CPU ms"
awk '{ key = $1; wall[key] = wall[key] " " $2; cpu[key] = cpu[key] " " $3; if (!(key in seen)) { seen[key] = 1; order[++k] = key } }
  END { for (i = 1; i <= k; i++) { key = order[i]; gsub(/\+/, " ", key); split(key, p, "|"); printf "  %-9s %-70s %-14s %8d %8d\n", p[1], p[2], p[3], med(wall[order[i]]), med(cpu[order[i]]) } }
  function med(s,  a, n, i, j, t) { n = split(s, a, " "); for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t } return a[int((n + 1) / 2)] }' "$runs"
rm -f "$runs" "$runs.t"
