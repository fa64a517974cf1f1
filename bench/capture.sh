#!/bin/sh
# Capture against wget --warc-file on the same generated local site, alternating, median of ROUNDS, and the ratio.
# Usage: bench/capture.sh [PAGES] [ROUNDS]   (defaults: 2000 pages, 3 rounds)
set -e
cd "$(dirname "$0")/.."
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" org.warctrail.bench.CaptureBench "$@"
