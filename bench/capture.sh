#!/bin/sh
# Capture throughput against wget --warc-file on the same local site, in one run.
# Usage: bench/capture.sh [PAGES]
set -e
cd "$(dirname "$0")/.."
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" org.warctrail.bench.CaptureBench "$@"
