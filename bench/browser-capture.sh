#!/bin/sh
# Browser capture against the socket crawler on the same fixture pages (pages/s), and the browser's memory.
# Usage: bench/browser-capture.sh [PAGES] [ROUNDS]
set -e
cd "$(dirname "$0")/.."
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" org.warctrail.bench.BrowserCaptureBench "$@"
