#!/usr/bin/env bash
# Profiles `gatehouse serve` under wrk load with JFR and prints where the CPU samples land (top frames and
# top self+caller pairs). Backend: peers.sh's nginx on 127.0.0.1:18081 (started here).
# Usage: bench/dataplane-profile.sh [proxy|mock] [seconds=15] [connections=50]   (env: PORT, GATEHOUSE_OPTS, KEEP=dir,
#        JFR=0 to measure without recording)
set -euo pipefail
ROUTE=${1:-proxy}; D=${2:-15}; C=${3:-50}; PORT=${PORT:-18090}
ROOT=$(cd "$(dirname "$0")/.." && pwd); G=$ROOT/engine/target/gatehouse
for t in nginx wrk jfr; do command -v $t >/dev/null || { echo "missing $t (apt-get install -y nginx wrk; jfr ships with the JDK)"; exit 2; }; done
W=${KEEP:-$(mktemp -d)}; mkdir -p "$W"
SERVE_PID=""
cleanup() { [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null; [ -f "$W/backend.pid" ] && kill "$(cat "$W/backend.pid")" 2>/dev/null; [ -z "${KEEP:-}" ] && rm -rf "$W"; true; }
trap cleanup EXIT
cat > "$W/backend.conf" <<CONF
worker_processes 1; pid $W/backend.pid; error_log $W/be.err; daemon on;
events { worker_connections 4096; }
http { access_log off;
  server { listen 127.0.0.1:18081 backlog=4096; keepalive_requests 1000000;
    location / { default_type application/json; return 200 '{"message":"hello","id":42}'; } } }
CONF
nginx -c "$W/backend.conf"
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
rm -rf "$W/ws"; "$G" import -w "$W/ws" "$W/api.json" >/dev/null; "$G" deploy bench -s prod -w "$W/ws" >/dev/null
case $ROUTE in proxy) URL=http://127.0.0.1:$PORT/prod/proxy/prod/hello ;; *) URL=http://127.0.0.1:$PORT/prod/hello ;; esac
JFR_OPTS="-XX:StartFlightRecording=filename=$W/serve.jfr,settings=profile,dumponexit=true"
[ "${JFR:-1}" = 0 ] && JFR_OPTS=""
GATEHOUSE_OPTS="${GATEHOUSE_OPTS:-} $JFR_OPTS" \
  "$G" serve -w "$W/ws" --port "$PORT" >"$W/serve.out" 2>"$W/serve.err" &
SERVE_PID=$!
until curl -s -o /dev/null "$URL" 2>/dev/null; do sleep 0.05; done
wrk -t1 -c"$C" -d5s "$URL" >/dev/null            # warm-up
cpu_ms() { awk -v t="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / t }' /proc/$SERVE_PID/stat; }
sys_ms() { awk -v t="$(getconf CLK_TCK)" '{ printf "%d", $15 * 1000 / t }' /proc/$SERVE_PID/stat; }
c0=$(cpu_ms); s0=$(sys_ms)
OUT=$(wrk -t1 -c"$C" -d"${D}s" --latency "$URL"); c1=$(cpu_ms); s1=$(sys_ms)
echo "kernel share of the gateway's CPU: $(( (s1 - s0) * 100 / (c1 - c0 + 1) ))%"
grep -E "Requests/sec|50%|75%|90%|99%|Non-2xx|Socket" <<<"$OUT"
awk -v ms=$((c1 - c0)) '/requests in/ { printf "gateway JVM CPU %.0f us per request (%d requests, load average %s)\n", ms * 1000 / $1, $1, la }' \
  la="$(cut -d' ' -f1 /proc/loadavg)" <<<"$OUT"
kill $SERVE_PID; wait $SERVE_PID 2>/dev/null || true; SERVE_PID=""
[ "${JFR:-1}" = 0 ] && exit 0
jfr print --events jdk.ExecutionSample "$W/serve.jfr" > "$W/samples.txt"
echo "== top frames (self), of $(grep -c 'jdk.ExecutionSample' "$W/samples.txt") samples"
awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print }' "$W/samples.txt" | sort | uniq -c | sort -rn | head -25
echo "== samples by thread kind"
awk '/sampledThread = / { t=$0; sub(/.*sampledThread = "/, "", t); sub(/".*/, "", t); gsub(/[0-9]+/, "N", t); print t }' "$W/samples.txt" | sort | uniq -c | sort -rn | head
echo "== top packages/classes anywhere in the stack (inclusive)"
awk '/stackTrace = \[/ { inst=1; delete seen; next } inst && /^[ \t]*\]/ { inst=0; next }
     inst { s=$0; sub(/^[ \t]+/, "", s); sub(/\(.*/, "", s); n=split(s, p, "."); c=p[1]; for (i=2;i<n;i++) c=c"."p[i];
            if (!(c in seen)) { seen[c]=1; cnt[c]++ } }
     END { for (c in cnt) print cnt[c], c }' "$W/samples.txt" | sort -rn | head -40
