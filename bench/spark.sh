#!/bin/sh
# Spark job benchmark (issue 15): the job in local mode on a generated corpus of news pages (planted reuse and
# quotes; 50,000 documents by default, in 16 .warc.gz files) against single-machine `import` of the same files,
# and the reuse stage at 10,000 and at the full size. Corpora are generated once into bench/out/. Run from the
# repository root:  bench/spark.sh [DOCS]     (SPARK_CORES=N for local[N]; default: every core)
set -e
cd "$(dirname "$0")/.."
DOCS=${1:-50000}
CORES=${SPARK_CORES:-$(nproc)}
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
[ -f target/warctrail-spark.jar ] || mvn -o -q -Pspark -DskipTests package
# a copy of the classes, so that a build while the benchmark runs does not change them under it
rm -rf bench/out/spark-classes && mkdir -p bench/out/spark-classes && cp -r target/classes target/test-classes bench/out/spark-classes/
CP="bench/out/spark-classes/classes:bench/out/spark-classes/test-classes:$(cat target/bench-cp.txt)"
java -cp "$CP" org.warctrail.bench.SparkCorpus bench/out/spark-10000 10000 8
java -cp "$CP" org.warctrail.bench.SparkCorpus "bench/out/spark-$DOCS" "$DOCS" 16
# CPU seconds (user + sys) are what count on this shared machine: documents per CPU second = documents/s per core
# at full use; wall seconds are printed too.
cpu() { awk '{ printf "%.1f s wall, %.1f CPU s", $1, $2 + $3 }' "$1"; }

echo "== single machine: import (extraction, index, reuse and version flags) of $DOCS documents"
rm -rf bench/out/spark-store
/usr/bin/time -f "%e %U %S" -o bench/out/import.time \
  java -Xmx2g -cp "$CP" org.warctrail.cli.Main import --store bench/out/spark-store "bench/out/spark-$DOCS" | tail -1
awk -v d="$DOCS" '{ printf "import: %.1f s wall, %.1f CPU s = %.1f documents per CPU second (per core)\n", $1, $2 + $3, d / ($2 + $3) }' bench/out/import.time

for n in 10000 "$DOCS"; do
  echo "== Spark local[$CORES]: $n documents"
  rm -rf "bench/out/spark-out-$n"
  /usr/bin/time -f "%e %U %S" -o bench/out/spark.time \
    java -Xmx3g -jar target/warctrail-spark.jar --master "local[$CORES]" --input "bench/out/spark-$n" \
    --output "bench/out/spark-out-$n" 2>/dev/null | grep '^warctrail-spark:' > bench/out/spark.line
  cat bench/out/spark.line
  paste -d ' ' bench/out/spark.time bench/out/spark.line | awk -v n="$n" -v c="$CORES" '{
    cpu = $2 + $3;
    match($0, /extraction [0-9.]+/); e = substr($0, RSTART + 11, RLENGTH - 11);
    match($0, /reuse [0-9.]+ s/); r = substr($0, RSTART + 6, RLENGTH - 8);
    printf "spark %d documents: %.1f s wall, %.1f CPU s = %.1f documents per CPU second (per core), JVM start and all stages included; reuse stage %.1f s wall = %.2f ms per document\n",
      n, $1, cpu, n / cpu, r, r * 1000 / n }'
done
