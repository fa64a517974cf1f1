#!/bin/sh
# Search on a generated store of N documents (default 10,000) where one word is in every document: DocumentSearch CPU
# per request and /search requests/s (SearchBench), then the one-shot `warctrail search` and `trace` commands' wall
# time against rg (or grep -r) over the same text, median of 3. Usage: bench/search.sh [DOCUMENTS]  (from the root)
set -e
cd "$(dirname "$0")/.."
n=${1:-10000}
store=bench/out/search-store-$n
mvn -o -q test-compile
[ -f target/cp.txt ] || mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
[ -f target/warctrail.jar ] || mvn -o -q package -DskipTests
java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" org.warctrail.bench.SearchBench "$n" "$store"
term=harbour
quote=$(cat "$store/quote.txt")
if command -v rg >/dev/null; then grepper="rg -c $term $store/text"; else grepper="grep -rc $term $store/text"; fi

# median wall ms of 3 runs of a command, output discarded
median() {
  for i in 1 2 3; do
    s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 ))
  done | sort -n | sed -n 2p
}
# one-shot commands, each median of 3, as given and with JVM flags: AppCDS (a dynamic archive of the classes one
# `search` loads, JDK 13+), C1 only, and both
oneshot() {
  jar="java $1 -jar ${JAR:-target/warctrail.jar}"
  printf "one-shot wall, median of 3 (%s, flags: %s):\n" "${JAR:-target/warctrail.jar}" "${1:-none}"
  printf '  %-58s %6s ms\n' "warctrail --version" "$(median $jar --version)"
  printf '  %-58s %6s ms\n' "warctrail search $term --store S" "$(median $jar search $term --store "$store")"
  printf '  %-58s %6s ms\n' "warctrail search $term --json --store S" "$(median $jar search $term --json --store "$store")"
  printf '  %-58s %6s ms\n' "warctrail trace \"$(echo "$quote" | cut -c1-30)...\" --store S" "$(median $jar trace "$quote" --store "$store")"
}
jsa=target/search-bench.jsa
rm -f $jsa
java -XX:ArchiveClassesAtExit=$jsa -jar "${JAR:-target/warctrail.jar}" search $term --store "$store" >/dev/null 2>&1
oneshot ""
oneshot "-XX:SharedArchiveFile=$jsa"
oneshot "-XX:TieredStopAtLevel=1"
oneshot "-XX:SharedArchiveFile=$jsa -XX:TieredStopAtLevel=1"
printf '  %-58s %6s ms\n' "$(echo "$grepper" | cut -d' ' -f1-3) (over $n text files)" "$(median $grepper)"
printf '  %-58s %6s ms\n' "java -version (the JVM alone)" "$(median java -version)"
