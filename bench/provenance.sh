#!/bin/sh
# Provenance benchmark over a synthetic corpus (bench/src/org/warctrail/bench/SyntheticCorpus.java): reuse-detection
# cost per added document at 10k and N documents, recall of planted reuse, quote-trace latency p50/p95.
# Usage: bench/provenance.sh [--docs N] [--traces N]            in-memory implementations (phase 1)
#        bench/provenance.sh --sqlite [--docs N] [--traces N]   the real SQLite store, built in bench/out/provenance-store
#        bench/provenance.sh --sqlite --no-reuse [--out DIR]     the same import with version flags alone: the baseline
#                                                               reuse's CPU time and index share are measured against
set -e
cd "$(dirname "$0")/.."
main=org.warctrail.bench.ProvenanceBench
if [ "$1" = "--sqlite" ]; then main=org.warctrail.bench.ProvenanceStoreBench; shift; fi
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx6g -cp "target/classes:target/test-classes:$(cat target/cp.txt)" "$main" "$@"
