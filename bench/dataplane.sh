#!/usr/bin/env bash
# Data-plane benchmark of `gatehouse serve` beside nginx and haproxy (../shared/bench/peers.sh), figures as
# ratios to nginx measured in the same run (the machines are shared and noisy: absolute numbers drift).
#
#   1. builds engine/target/gatehouse if missing (BUILD=1 forces `mvn -q -o -pl engine package -DskipTests`)
#   2. imports a small API into a temp workspace and deploys it to `prod`:
#        ANY /proxy/{proxy+}  HTTP_PROXY -> http://127.0.0.1:18081/{proxy}   (peers.sh's backend)
#        GET /hello           MOCK answering the backend's body {"message":"hello","id":42}
#   3. starts `gatehouse serve` (GATEHOUSE_OPTS passed through), times start -> first 200, reads idle RSS
#   4. warms up, then runs peers.sh with GATEWAY_URL on the proxy route and again on the MOCK route
#   5. prints rps / p50 / p99 as ratios to nginx, and runs the 300-resource deploy harness (DeployLatencyBench)
#
# Usage: bench/dataplane.sh [seconds=10] [connections=50]     (env: PORT=18090 PEERS=... SKIP_DEPLOY=1)
# Needs nginx, haproxy, wrk, curl (apt-get install -y nginx haproxy wrk curl); installs nothing itself.
set -euo pipefail
D=${1:-10}; C=${2:-50}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEERS=${PEERS:-/work/shared/bench/peers.sh}
PORT=${PORT:-18090}
G=$ROOT/engine/target/gatehouse
missing=""
for t in nginx haproxy wrk curl; do command -v $t >/dev/null || missing="$missing $t"; done
if [ -n "$missing" ]; then echo "missing:$missing — run: apt-get install -y nginx haproxy wrk curl" >&2; exit 2; fi
[ -x "$PEERS" ] || [ -f "$PEERS" ] || { echo "peers.sh not found at $PEERS (set PEERS=...)" >&2; exit 2; }
if [ "${BUILD:-0}" = 1 ] || [ ! -x "$G" ]; then (cd "$ROOT" && mvn -q -o -pl engine package -DskipTests); fi

W=$(mktemp -d)
SERVE_PID=""
cleanup() { [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT

cat > "$W/api.json" <<'JSON'
{"openapi": "3.0.1", "info": {"title": "bench", "version": "1"},
 "paths": {
  "/hello": {"get": {"responses": {"200": {"description": "ok"}},
    "x-amazon-apigateway-integration": {"type": "mock",
      "requestTemplates": {"application/json": "{\"statusCode\": 200}"},
      "responses": {"default": {"statusCode": "200",
        "responseTemplates": {"application/json": "{\"message\":\"hello\",\"id\":42}"}}}}}},
  "/proxy/{proxy+}": {"x-amazon-apigateway-any-method": {
    "parameters": [{"name": "proxy", "in": "path", "required": true, "schema": {"type": "string"}}],
    "responses": {},
    "x-amazon-apigateway-integration": {"type": "http_proxy", "httpMethod": "ANY",
      "uri": "http://127.0.0.1:18081/{proxy}",
      "requestParameters": {"integration.request.path.proxy": "method.request.path.proxy"}}}}}}
JSON
"$G" import -w "$W/ws" "$W/api.json" >/dev/null
"$G" deploy bench -s prod -w "$W/ws" >/dev/null

# --- start-up: time to the first request served, idle RSS -----------------------------------------------------
MOCK=http://127.0.0.1:$PORT/prod/hello
PROXY=http://127.0.0.1:$PORT/prod/proxy/prod/hello   # the backend sees /prod/hello, like nginx's route
t0=$(date +%s%N)
"$G" serve -w "$W/ws" --port "$PORT" >"$W/serve.out" 2>"$W/serve.err" &
SERVE_PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$MOCK" 2>/dev/null)" = 200 ]; do
  kill -0 $SERVE_PID 2>/dev/null || { echo "serve died:"; cat "$W/serve.err"; exit 1; }
  sleep 0.005
done
t1=$(date +%s%N)
FIRST_MS=$(( (t1 - t0) / 1000000 ))
FIRST_CPU_MS=$(awk -v t="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / t }' /proc/$SERVE_PID/stat)
# the launcher execs java, so $SERVE_PID is the JVM
sleep 3
IDLE_RSS_MB=$(( $(ps -o rss= -p $SERVE_PID) / 1024 ))
echo "serve: first request served ${FIRST_MS} ms after start (JVM CPU by then ${FIRST_CPU_MS} ms; load average $(cut -d' ' -f1 /proc/loadavg)); idle RSS ${IDLE_RSS_MB} MB  (GATEHOUSE_OPTS='${GATEHOUSE_OPTS:-}')"

# --- throughput and latency beside nginx and haproxy ----------------------------------------------------------
echo "warm-up (peers.sh 5 $C on both routes, not counted)"
GATEWAY_URL=$PROXY bash "$PEERS" 5 "$C" >/dev/null
wrk -t1 -c"$C" -d5s "$MOCK" >/dev/null

to_us() { # 1.23ms -> 1230
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) m = 1; else if (v ~ /ms$/) m = 1000; else if (v ~ /s$/) m = 1000000; else m = 1; printf "%.0f", n * m }'
}
field() { # line key
  sed -n "s/.*$2=\([^ ]*\).*/\1/p" <<<"$1"
}
ratios() { # label output
  local nginx gw
  nginx=$(grep '^nginx' <<<"$2"); gw=$(grep '^gateway' <<<"$2")
  awk -v l="$1" -v gr="$(field "$gw" rps)" -v nr="$(field "$nginx" rps)" \
      -v g50="$(to_us "$(field "$gw" p50)")" -v n50="$(to_us "$(field "$nginx" p50)")" \
      -v g99="$(to_us "$(field "$gw" p99)")" -v n99="$(to_us "$(field "$nginx" p99)")" \
      'BEGIN { printf "%-11s rps %.2fx nginx   p50 %.2fx nginx   p99 %.2fx nginx\n", l, gr / nr, g50 / n50, g99 / n99 }'
}
cpu_ms() { awk -v t="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / t }' /proc/$SERVE_PID/stat; }
cpu_per_req() { # label output cpu-ms-used
  awk -v l="$1" -v r="$(field "$(grep '^gateway' <<<"$2")" rps)" -v ms="$3" -v d="$D" \
    'BEGIN { printf "%-11s gateway JVM CPU %.0f us per request (%.1f s CPU over %d s)\n", l, ms * 1000 / (r * d), ms / 1000, d }'
}
echo "== HTTP_PROXY route ($PROXY), ${D}s, $C connections"
c0=$(cpu_ms); OUT_PROXY=$(GATEWAY_URL=$PROXY bash "$PEERS" "$D" "$C"); CPU_PROXY=$(( $(cpu_ms) - c0 )); echo "$OUT_PROXY"
echo "== MOCK route ($MOCK), ${D}s, $C connections"
c0=$(cpu_ms); OUT_MOCK=$(GATEWAY_URL=$MOCK bash "$PEERS" "$D" "$C"); CPU_MOCK=$(( $(cpu_ms) - c0 )); echo "$OUT_MOCK"
BUSY_RSS_MB=$(( $(ps -o rss= -p $SERVE_PID) / 1024 ))
echo "== ratios (same run)"
ratios "HTTP_PROXY" "$OUT_PROXY"
ratios "MOCK" "$OUT_MOCK"
cpu_per_req "HTTP_PROXY" "$OUT_PROXY" "$CPU_PROXY"
cpu_per_req "MOCK" "$OUT_MOCK" "$CPU_MOCK"
echo "serve RSS after load ${BUSY_RSS_MB} MB"
kill $SERVE_PID; wait $SERVE_PID 2>/dev/null || true; SERVE_PID=""

# --- 300-resource deploy taking effect ------------------------------------------------------------------------
if [ "${SKIP_DEPLOY:-0}" != 1 ]; then
  echo "== deploy of a 300-resource API taking effect (DeployLatencyBench)"
  (cd "$ROOT" && mvn -q -o -pl tests test-compile)
  JAVA=$(sed -n 's/^exec "\$java_bin".*//p' "$G" >/dev/null; for j in "${GATEHOUSE_JAVA:-}" /usr/lib/jvm/temurin-25*/bin/java "${JAVA_HOME:-/nonexistent}/bin/java"; do [ -x "$j" ] && { echo "$j"; break; }; done)
  "$JAVA" --enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow ${GATEHOUSE_OPTS:-} \
    -cp "$ROOT/tests/target/test-classes:$(ls "$ROOT"/engine/target/gatehouse-engine-*.jar | head -1):$ROOT/engine/target/lib/*" \
    dev.gatehouse.tests.dataplane.DeployLatencyBench 20 | tail -1
fi
