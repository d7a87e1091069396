#!/usr/bin/env bash
# Time from starting `gatehouse serve` on a copy of the sample workspace to its first 200 (curl every 5 ms).
#   bench/first-request.sh [runs=4] [port=4099]     (GATEHOUSE_CDS=0 measures without the class-data archive)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x engine/target/gatehouse ] || mvn -q -pl engine -DskipTests package
runs=${1:-4}; port=${2:-4099}
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
for i in $(seq 1 "$runs"); do
  rm -rf "$W/ws" && cp -r resources/sample-workspace "$W/ws"
  start=$(date +%s%N)
  engine/target/gatehouse serve -w "$W/ws" --port "$port" > /dev/null 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/prod/" 2>/dev/null)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "serve exited"; exit 1; }
    sleep 0.005
  done
  echo "run $i: first request after $(( ($(date +%s%N) - start) / 1000000 )) ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
