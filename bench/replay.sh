#!/bin/sh
# Replay throughput against jwarc's `serve` on the same WARC: a generated file of 3,000 pages, 20 stylesheets and
# 200 images (bench/out/replay/, made once), indexed in place into a store that `warctrail serve` serves, while
# `jwarc serve` (org.netpreserve.jwarc.tools.WarcTool serve, jwarc 0.36.0) reads the very same file.
# Load: bench/src LoadClient, 8 threads cycling over 200 distinct pages, a new connection per request as `ab -c 8`
# does. Not ab itself: ab takes one URL per run, without -k it waits for a close that jwarc never sends, and with -k
# jwarc answers the second request on a connection with a 404. ab (apt-get install apache2-utils) is used, when
# present, for a one-URL cross-check of warctrail alone.
# What is compared (jwarc does no server-side rewriting; WarcServer.java):
#   warctrail /web/{ts}id_/{url}   payload as archived      vs  jwarc as a proxy (GET {url}, Accept-Datetime): payload
#   warctrail /web/{ts}mp_/{url}   links rewritten on the server  vs  jwarc /replay/{ts}/{url} (x-serviceworker: 1):
#                                  payload with a <script> prepended; its service worker rewrites in the browser
# A warm-up round of each (not counted), then 3 alternating rounds; medians of requests/s, latency p50/p99, and
# server CPU per request (from /proc/PID/stat, reliable on a loaded machine where wall times are not).
# Usage: [REQUESTS=2000] bench/replay.sh   (from the project root)
set -e
cd "$(dirname "$0")/.."
requests=${REQUESTS:-2000}
mvn -o -q test-compile
[ -f target/cp.txt ] || mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
[ -f target/warctrail.jar ] || mvn -o -q -DskipTests package
cp="target/classes:target/test-classes:$(cat target/cp.txt)"
jwarc=$(tr ':' '\n' < target/cp.txt | grep '/jwarc-[0-9.]*\.jar$')
out=bench/out/replay
java -cp "$cp" org.warctrail.bench.ReplayBenchSetup $out
warc=$(ls $out/replay-*.warc.gz)
awk '{ print "/web/" $1 "id_/" $2 }' $out/urls.txt > $out/targets-wt-id.txt
awk '{ print "/web/" $1 "mp_/" $2 }' $out/urls.txt > $out/targets-wt-mp.txt
awk '{ print $2 }' $out/urls.txt > $out/targets-jw-proxy.txt
awk '{ print "/replay/" $1 "/" $2 }' $out/urls.txt > $out/targets-jw-replay.txt

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wt_port=$(free_port)
jw_port=$(free_port)
java -jar target/warctrail.jar serve --store $out/store --port $wt_port > $out/warctrail-serve.log 2>&1 &
wt_pid=$!
PORT=$jw_port java -cp "$jwarc" org.netpreserve.jwarc.tools.WarcTool serve "$warc" > $out/jwarc-serve.log 2>&1 &
jw_pid=$!
trap 'kill $wt_pid $jw_pid 2>/dev/null' EXIT
first=$(head -1 $out/urls.txt)
ts=${first%% *}
url=${first#* }
# both up within 120 s, or give up
deadline=$(( $(date +%s) + 120 ))
until curl -sf -o /dev/null "http://127.0.0.1:$wt_port/web/${ts}id_/$url" && \
      curl -sf -o /dev/null -x "http://127.0.0.1:$jw_port" "$url"; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "servers did not answer within 120 s; see $out/*-serve.log"; exit 1; }
  sleep 0.5
done

clk=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' /proc/$1/stat; }
runs=$(mktemp)
# one round: label, server pid, port, targets file, extra header...; appends "label rps p50 p99 failures cpu_ms/request"
round() {
  label=$1 pid=$2 port=$3 targets=$4; shift 4
  c0=$(cpu_ticks $pid)
  line=$(java -cp "$cp" org.warctrail.bench.LoadClient 127.0.0.1:$port $targets $requests 8 "$@")
  c1=$(cpu_ticks $pid)
  echo "$line" | awk -v l="$label" -v c=$(( c1 - c0 )) -v hz=$clk -v n=$requests \
    '{ printf "%s %s %s %s %s %.3f\n", l, $6, $8, $10, $12, c * 1000 / hz / n }' >> $runs
}
all_modes() {
  round warctrail-id_ $wt_pid $wt_port $out/targets-wt-id.txt
  round jwarc-proxy $jw_pid $jw_port $out/targets-jw-proxy.txt "Accept-Datetime: Mon, 01 Jan 2024 00:00:00 GMT"
  round warctrail-mp_ $wt_pid $wt_port $out/targets-wt-mp.txt
  round jwarc-replay $jw_pid $jw_port $out/targets-jw-replay.txt "x-serviceworker: 1"
}
all_modes
: > $runs  # the warm-up round is not counted
for r in 1 2 3; do all_modes; done

printf '\nreplay of %s, %d distinct pages, %d requests a round, 8 concurrent; median of 3 alternating rounds; load average %s\n' \
  "$warc" "$(wc -l < $out/urls.txt)" "$requests" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %-14s %10s %9s %9s %9s %18s\n' server req/s "p50 ms" "p99 ms" failures "server CPU ms/req"
awk '{ k = $1; rps[k] = rps[k] " " $2; p50[k] = p50[k] " " $3; p99[k] = p99[k] " " $4; f[k] += $5; cpu[k] = cpu[k] " " $6
       if (!(k in seen)) { seen[k] = 1; order[++n] = k } }
  END { for (i = 1; i <= n; i++) { k = order[i]; m[k] = med(rps[k]); c[k] = med(cpu[k])
          printf "  %-14s %10.1f %9.2f %9.2f %9d %18.3f\n", k, m[k], med(p50[k]), med(p99[k]), f[k], c[k] }
        printf "\n  id_ against jwarc as a proxy (both send the payload):  req/s %.2fx, server CPU per request %.2fx\n", \
          m["warctrail-id_"] / m["jwarc-proxy"], c["warctrail-id_"] / c["jwarc-proxy"]
        printf "  mp_ against jwarc /replay (rewritten on the server vs a script tag prepended):  req/s %.2fx, CPU %.2fx\n", \
          m["warctrail-mp_"] / m["jwarc-replay"], c["warctrail-mp_"] / c["jwarc-replay"] }
  function med(s,  a, n, i, j, t) { n = split(s, a, " "); for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t } return a[int((n + 1) / 2)] }' $runs
rm -f $runs

if command -v ab > /dev/null; then
  printf '\ncross-check with ab -c 8 -n %d on one page (warctrail only, see above):\n' "$requests"
  for mode in id_ mp_; do
    ab -q -c 8 -n "$requests" "http://127.0.0.1:$wt_port/web/${ts}${mode}/$url" 2>&1 | \
      awk -v m=$mode '/^Requests per second/ { r = $4 } /^Failed requests/ { f = $3 } END { printf "  warctrail %s: %s req/s, %s failed\n", m, r, f }'
  done
else
  echo "ab not installed (Debian: apt-get install apache2-utils): the one-URL ab cross-check is skipped"
fi
