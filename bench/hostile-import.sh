#!/bin/sh
# Hostile-input import benchmark: WACZ files of 1,000 / 5,000 / 20,000 small WARC entries (time per entry must
# stay flat: linear import), a 4 GB-of-zeros WACZ entry and a whole-file gzip WARC holding 3 GB of zeros (time and
# peak memory until each bomb is stopped). Inputs are generated into bench/out/hostile/ (small on disk).
# Usage: bench/hostile-import.sh   (from the project root; ENTRIES="1000 5000" to choose the WACZ sizes)
set -e
cd "$(dirname "$0")/.."
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
exec java -Xmx512m -cp "target/classes:target/test-classes:$(cat target/bench-cp.txt)" \
  org.warctrail.bench.HostileImportBench bench/out/hostile ${ENTRIES:-1000 5000 20000}
