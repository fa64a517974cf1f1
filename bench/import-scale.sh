#!/bin/sh
# Import at scale: a 20,000-page generated .warc.gz (made once into bench/out/, pages like bench/import.sh's)
# imported in place, with extraction, FTS and derivation, into a fresh store in a JVM limited to -Xmx256m: docs/s
# per 2,000 documents (the first and last compared), peak heap (sampled, pool peaks, and the largest heap after a
# GC from the GC log), peak RSS (VmHWM), index size against WARC size, CPU seconds.
# Usage: bench/import-scale.sh [PAGES]   (from the project root)
set -e
cd "$(dirname "$0")/.."
mvn -o -q test-compile
[ -f target/cp.txt ] || mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
mkdir -p bench/out
gclog=bench/out/import-scale-gc.log
java -Xmx256m -Xlog:gc:file=$gclog -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
  org.warctrail.bench.ImportScaleBench bench/out "$@"
# lines like "[1.234s][info][gc] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 120M->35M(256M) 3.1ms"
awk '/Pause/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+M->[0-9]+M\([0-9]+M\)$/) { split($i, a, /M->|M\(/); \
  n++; if (a[2] + 0 > after) after = a[2] + 0; if (a[1] + 0 > before) before = a[1] + 0; \
  p = $NF; sub(/ms$/, "", p); pause += p; if (p + 0 > maxp) maxp = p + 0 } }
  END { printf "GC log %s: %d pauses, heap after GC at most %d MB (before GC at most %d MB), pauses %.0f ms in all, longest %.1f ms\n", \
  FILENAME, n, after, before, pause, maxp }' $gclog
