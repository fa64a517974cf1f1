#!/bin/sh
# Fixity benchmark: verify of a store (every record read back, gzip CRC-32, block and payload digests, the index's
# rows) on the import benchmark's generated .warc.gz (made once into bench/out/ and reused), next to gzip -t and
# jwarc's validate on the same file; and a signed WACZ export of it verified. Runs with -Xmx64m: memory does not grow
# with the store. Run from the repository root:
#   bench/verify.sh            (or: BENCH_MB=100 bench/verify.sh for a smaller file)
set -e
cd "$(dirname "$0")/.."
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
exec java -Xmx64m -Dbench.runs=${BENCH_RUNS:-2} -Dbench.bytes=$(( ${BENCH_MB:-300} * 1048576 )) \
  -cp "target/classes:target/test-classes:$(cat target/bench-cp.txt)" org.warctrail.bench.VerifyBench bench/out
