#!/bin/sh
# The server under hostile requests: a catastrophic-regex CDX filter, and /search while four clients ask for the
# whole CDX and do not read. Usage: bench/server.sh [CAPTURES]   (from the project root)
set -e
cd "$(dirname "$0")/.."
mvn -o -q test-compile
[ -f target/cp.txt ] || mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" org.warctrail.bench.ServerBench "$@"
