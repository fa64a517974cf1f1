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
CP="target/classes:target/test-classes:$(cat target/bench-cp.txt)"
[ -f target/warctrail-spark.jar ] || mvn -o -q -Pspark -DskipTests package
java -cp "$CP" org.warctrail.bench.SparkCorpus bench/out/spark-10000 10000 8
java -cp "$CP" org.warctrail.bench.SparkCorpus "bench/out/spark-$DOCS" "$DOCS" 16
now() { date +%s.%N; }

echo "== single machine: import (extraction, index, reuse and version flags) of $DOCS documents on $(nproc) cores"
rm -rf bench/out/spark-store
t0=$(now)
java -Xmx2g -cp "$CP" org.warctrail.cli.Main import --store bench/out/spark-store "bench/out/spark-$DOCS" | tail -1
t1=$(now)
awk -v d="$DOCS" -v s="$(echo "$t1 - $t0" | bc)" -v c="$(nproc)" \
  'BEGIN { printf "import: %.1f s = %.1f documents/s = %.1f documents/s per core\n", s, d / s, d / s / c }'

for n in 10000 "$DOCS"; do
  echo "== Spark local[$CORES]: $n documents"
  rm -rf "bench/out/spark-out-$n"
  t0=$(now)
  line=$(java -Xmx3g -jar target/warctrail-spark.jar --master "local[$CORES]" --input "bench/out/spark-$n" \
    --output "bench/out/spark-out-$n" 2>/dev/null | grep '^warctrail-spark:')
  t1=$(now)
  echo "$line"
  echo "$line" | awk -v n="$n" -v c="$CORES" -v wall="$(echo "$t1 - $t0" | bc)" '{
    match($0, /extraction [0-9.]+/); e = substr($0, RSTART + 11, RLENGTH - 11);
    match($0, /reuse [0-9.]+ s/); r = substr($0, RSTART + 6, RLENGTH - 8);
    printf "spark %d docs: %.1f s wall with JVM start; extraction stage %.1f documents/s per core; reuse stage %.1f s = %.2f ms per document\n",
      n, wall, n / e / c, r, r * 1000 / n }'
done
