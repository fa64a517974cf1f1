#!/bin/sh
# Import benchmark: gzip -dc (floor), jwarc's cdx tool and warctrail's import on one generated ~300 MB .warc.gz,
# in one run. The file is generated once into bench/out/ and reused. Run from the repository root:
#   bench/import.sh            (or: BENCH_MB=100 bench/import.sh for a smaller file)
# Import runs with -Xmx256m to show that memory does not grow with the file. BENCH_DERIVATION_ONLY=1 runs only
# the ~8,000-page import with extraction, with and without derivation (reuse, version flags), against jwarc cdx;
# both in this JVM (warm, best of two) and as a user runs it (bin/warctrail import, a fresh JVM, all derived).
set -e
cd "$(dirname "$0")/.."
mvn -o -q package -DskipTests  # target/warctrail.jar, for bin/warctrail import as a user runs it
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
exec java -Xmx256m -Dbench.derivation.only=${BENCH_DERIVATION_ONLY:+true} -Dbench.bytes=$(( ${BENCH_MB:-300} * 1048576 )) \
  -cp "target/classes:target/test-classes:$(cat target/bench-cp.txt)" org.warctrail.bench.ImportBench bench/out
