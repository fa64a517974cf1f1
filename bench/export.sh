#!/bin/sh
# WACZ export benchmark: the whole store and one page, on the import benchmark's generated .warc.gz (made once into
# bench/out/ and reused), next to gzip -dc on the same file. Runs with -Xmx64m: export memory does not grow with
# the store. Run from the repository root:
#   bench/export.sh            (or: BENCH_MB=100 bench/export.sh for a smaller file)
set -e
cd "$(dirname "$0")/.."
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
exec java -Xmx64m -Dbench.runs=${BENCH_RUNS:-2} -Dbench.bytes=$(( ${BENCH_MB:-300} * 1048576 )) \
  -cp "target/classes:target/test-classes:$(cat target/bench-cp.txt)" org.warctrail.bench.ExportBench bench/out
