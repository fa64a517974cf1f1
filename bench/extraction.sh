#!/bin/sh
# Main-text extraction benchmark: precision, recall, F1 and pages/s on the article-extraction-benchmark.
# Usage: bench/extraction.sh [--verbose] [--dump DIR] [--only KEY_PREFIX] [BENCHMARK_DIR]
set -e
cd "$(dirname "$0")/.."
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" org.warctrail.bench.ExtractionBench "$@"
