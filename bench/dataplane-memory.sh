#!/usr/bin/env bash
# How the gateway's heap behaves under load, per set of JVM options: the old generation's growth per request
# (promoted objects; with a collector that only reclaims the old generation in a full collection, this is what
# drives RSS up to the heap cap at a high request rate), the live old generation after a forced full GC, and RSS.
# Old-generation growth per request depends much less on the machine's load than RSS after a fixed time does.
#
#   for each OPTS argument: start `gatehouse serve` with GATEHOUSE_OPTS=OPTS (the launcher's defaults still apply;
#   naming a collector in OPTS replaces the launcher's collector settings), warm up 15 s on HTTP_PROXY, `jstat -gc`,
#   then SECONDS s of HTTP_PROXY and SECONDS s of POST /orders (wrk -t1 -c50), `jstat -gc` again, `jcmd GC.run`.
#   An empty argument "" measures the launcher's defaults.
#
# Usage: bench/dataplane-memory.sh [seconds=20] OPTS...   e.g. bench/dataplane-memory.sh 20 "" "-XX:+UseSerialGC"
#   env: PORT=18190 BACKEND_PORT=18181 GATEHOUSE=launcher (default engine/target/gatehouse) GATEHOUSE_JAVA
# Needs nginx, wrk, curl and a JDK with jstat/jcmd (the one the launcher runs).
set -uo pipefail
D=${1:-20}; shift || true
[ $# -gt 0 ] || set -- ""
ROOT=$(cd "$(dirname "$0")/.." && pwd); G=${GATEHOUSE:-$ROOT/engine/target/gatehouse}
PORT=${PORT:-18190}; BP=${BACKEND_PORT:-18181}
JDK_BIN=""
for j in "${GATEHOUSE_JAVA:+$(dirname "${GATEHOUSE_JAVA:-x}")}" /usr/lib/jvm/temurin-25*/bin "${JAVA_HOME:-/nonexistent}/bin"; do
  [ -n "$j" ] && [ -x "$j/jstat" ] && [ -x "$j/jcmd" ] && { JDK_BIN=$j; break; }
done
[ -n "$JDK_BIN" ] || { echo "no JDK with jstat and jcmd found (set GATEHOUSE_JAVA)"; exit 2; }
W=$(mktemp -d); P=""
cleanup() { set +e; [ -n "$P" ] && kill "$P" 2>/dev/null; [ -f "$W/be.pid" ] && kill "$(cat "$W/be.pid")"; rm -rf "$W"; }
trap cleanup EXIT
sed "s/127.0.0.1:18081/127.0.0.1:$BP/g" "$ROOT/bench/dataplane-api.json" > "$W/api.json"
cat > "$W/be.conf" <<CONF
worker_processes 1; pid $W/be.pid; error_log $W/be.err; daemon on;
events { worker_connections 4096; }
http { access_log off; server { listen 127.0.0.1:$BP backlog=4096; keepalive_requests 1000000;
    location / { default_type application/json; return 200 '{"message":"hello","id":42}'; } } }
CONF
nginx -c "$W/be.conf"
"$G" import -w "$W/ws" "$W/api.json" >/dev/null; "$G" deploy bench -s prod -w "$W/ws" >/dev/null
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%F %T UTC'); ${D}s legs"
# jstat -gc columns: S0C S1C S0U S1U EC EU OC OU MC MU CCSC CCSU YGC YGCT FGC ...
for opts in "$@"; do
  GATEHOUSE_OPTS="$opts" "$G" serve -w "$W/ws" --port "$PORT" --throttle-rate 1000000 --throttle-burst 1000000 \
    >"$W/s.out" 2>"$W/s.err" &
  P=$!
  until curl -s -o /dev/null "http://127.0.0.1:$PORT/prod/hello"; do
    kill -0 "$P" 2>/dev/null || { cat "$W/s.err"; exit 1; }; sleep 0.1
  done
  idle=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$P/status")
  wrk -t1 -c50 -d15s "http://127.0.0.1:$PORT/prod/proxy/prod/hello" >/dev/null
  g0=$("$JDK_BIN/jstat" -gc "$P" | tail -1)
  n=0
  r=$(wrk -t1 -c50 -d"${D}s" "http://127.0.0.1:$PORT/prod/proxy/prod/hello" | awk '/requests in/ { print $1 }'); n=$((n + r))
  r=$(wrk -t1 -c50 -d"${D}s" -s "$ROOT/bench/post-order.lua" "http://127.0.0.1:$PORT/prod/orders" | awk '/requests in/ { print $1 }'); n=$((n + r))
  g1=$("$JDK_BIN/jstat" -gc "$P" | tail -1)
  rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$P/status")
  "$JDK_BIN/jcmd" "$P" GC.run >/dev/null; sleep 1
  g2=$("$JDK_BIN/jstat" -gc "$P" | tail -1)
  echo "GATEHOUSE_OPTS='$opts': $n requests, idle RSS ${idle} MB, RSS after the load ${rss} MB, load average $(cut -d' ' -f1 /proc/loadavg)"
  paste <(echo "$g0") <(echo "$g1") <(echo "$g2") | awk -v n="$n" '{ c = NF / 3;
    printf "  old generation: %d -> %d KB used (capacity %d -> %d KB), live after a full GC %d KB\n", $8, $(c+8), $7, $(c+7), $(2*c+8);
    printf "  old-generation growth %.0f bytes per request over %d young collections (%d requests each)\n",
      ($(c+8) - $8) * 1024 / n, $(c+13) - $13, n / ($(c+13) - $13 + 0.0001) }'
  kill "$P"; wait "$P" 2>/dev/null; P=""
done
