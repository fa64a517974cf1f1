#!/bin/sh
# Times the version differ: a diff of two ~1 MB versions, and the change flags of 1,000 versions.
# Usage: bench/diff.sh [MEGABYTES]   (from the project root)
set -e
cd "$(dirname "$0")/.."
mvn -o -q test-compile
[ -f target/cp.txt ] || mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/cp.txt)" org.warctrail.bench.DiffBench "$@"
