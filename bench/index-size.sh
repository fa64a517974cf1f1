#!/bin/sh
# Index size against WARC size on real pages: the article-extraction-benchmark's pages, served at their real
# URLs by tools/news_proxy.py, captured into a fresh store (bench/out/index-size/store), then measured per table.
# Usage: bench/index-size.sh [BENCHMARK_DIR]   (default /work/shared/extraction-benchmark; needs python3, openssl)
set -e
cd "$(dirname "$0")/.."
pages=${1:-/work/shared/extraction-benchmark}
proxy=${NEWS_PROXY:-/work/shared/tools/news_proxy.py}
out=bench/out/index-size
mvn -o -q -DskipTests package
mvn -o -q test-compile
mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
rm -rf "$out" && mkdir -p "$out"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$out/k.pem" -out "$out/c.pem" -days 2 -subj /CN=proxy 2>/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 "$proxy" "$port" "$pages" "$out/c.pem" "$out/k.pem" "$out/proxy.log" &
proxy_pid=$!
trap 'kill $proxy_pid 2>/dev/null' EXIT
python3 -c "import json,sys; [print(v['url']) for v in json.load(open(sys.argv[1] + '/ground-truth.json')).values()]" "$pages" > "$out/urls.txt"
sleep 1
java -jar target/warctrail.jar capture --store "$out/store" --proxy "http://127.0.0.1:$port" --no-check-certificate \
  --delay 0 --max-pages 100000 $(cat "$out/urls.txt") | tail -1
java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" org.warctrail.bench.IndexSizeBench "$out/store"
