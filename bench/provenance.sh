#!/bin/sh
# Provenance benchmark: reuse-detection cost per added document at 10k and N documents, recall of planted reuse,
# quote-trace latency p50/p95, over a synthetic corpus (see bench/src/org/warctrail/bench/SyntheticCorpus.java).
# Usage: bench/provenance.sh [--docs N] [--traces N]
set -e
cd "$(dirname "$0")/.."
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx6g -cp "target/classes:target/test-classes:$(cat target/cp.txt)" org.warctrail.bench.ProvenanceBench "$@"
