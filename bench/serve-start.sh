#!/bin/sh
# serve's start-up on a store whose derived data is all pending (as after a schema upgrade): the home page's first
# answer when the backlog is derived before listening, against the background worker, and the worker's total time.
# Usage: bench/serve-start.sh [DOCUMENTS]   (from the project root; default 5,000)
set -e
cd "$(dirname "$0")/.."
mvn -o -q test-compile
[ -f target/cp.txt ] || mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" org.warctrail.bench.ServeStartBench "$@"
