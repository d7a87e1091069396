#!/usr/bin/env bash
# Cost of observability on the data plane: the same MOCK route (GET /hello) served by one `gatehouse serve`,
# alternating rounds with the stage's observability OFF (no methodSettings, no accessLogSettings) and ON
# (*/* metricsEnabled, loggingLevel INFO, dataTraceEnabled, CLF access log), switched by rewriting the stage file
# (serve follows the disk, as on AWS no deploy is needed). Prints per round the requests/s and the serve
# process's CPU time per request (µs, from /proc: steadier than rps on a shared machine), then ON/OFF ratios,
# the load average, and the writer's dropped count from the admin port's /metrics.
#
# Usage: bench/observe.sh [seconds=10] [connections=50] [rounds=3]
#   env: PORT=18095 ADMIN_PORT=18096 GATEHOUSE=launcher (default engine/target/gatehouse, built if missing)
# Needs wrk, curl, python3.
set -euo pipefail
D=${1:-10}; C=${2:-50}; R=${3:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-18095}; ADMIN_PORT=${ADMIN_PORT:-18096}
G=${GATEHOUSE:-$ROOT/engine/target/gatehouse}
for t in wrk curl python3; do command -v $t >/dev/null || { echo "missing $t" >&2; exit 2; }; done
if [ ! -x "$G" ]; then (cd "$ROOT" && mvn -q -o -pl engine package -DskipTests); fi

W=$(mktemp -d); SERVE_PID=""
cleanup() { [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT
cat > "$W/api.json" <<'JSON'
{"openapi":"3.0.1","info":{"title":"bench","version":"1"},
 "paths":{"/hello":{"get":{"responses":{"200":{"description":"ok"}},
   "x-amazon-apigateway-integration":{"type":"mock","requestTemplates":{"application/json":"{\"statusCode\": 200}"},
     "responses":{"default":{"statusCode":"200","responseTemplates":{"application/json":"{\"message\":\"hello\",\"id\":42}"}}}}}}}}
JSON
"$G" import -w "$W/ws" "$W/api.json" >/dev/null
"$G" deploy bench -s prod -w "$W/ws" >/dev/null
STAGE=$(ls "$W"/ws/apis/*/stages/prod.json)

set_mode() { # $1 = on|off: rewrites the stage's AWS settings
  python3 - "$STAGE" "$1" <<'PY'
import json, sys
path, mode = sys.argv[1], sys.argv[2]
s = json.load(open(path))
if mode == "on":
    s["methodSettings"] = {"*/*": {"metricsEnabled": True, "loggingLevel": "INFO", "dataTraceEnabled": True}}
    s["accessLogSettings"] = {"format": "$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] \"$context.httpMethod $context.resourcePath $context.protocol\" $context.status $context.responseLength $context.requestId",
                              "destinationArn": "arn:aws:logs:us-east-1:123456789012:log-group:bench"}
else:
    s.pop("methodSettings", None); s.pop("accessLogSettings", None)
json.dump(s, open(path + ".tmp", "w"), indent=2)
PY
  mv "$STAGE.tmp" "$STAGE"
  sleep 2 # serve follows the disk every 500 ms
}

"$G" serve -w "$W/ws" --port "$PORT" --admin-port "$ADMIN_PORT" >"$W/serve.out" 2>"$W/serve.err" &
SERVE_PID=$!
URL="http://127.0.0.1:$PORT/prod/hello"
for i in $(seq 1 300); do curl -sf -o /dev/null "$URL" && break; sleep 0.1; done
JPID=$(pgrep -P $SERVE_PID java || echo $SERVE_PID) # the launcher may exec or fork java
TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14+$15}' /proc/$JPID/stat; }

echo "warm-up: 10 s per mode (not counted)"
set_mode on;  wrk -t1 -c"$C" -d10s "$URL" >/dev/null
set_mode off; wrk -t1 -c"$C" -d10s "$URL" >/dev/null

declare -A RPS CPU
for round in $(seq 1 "$R"); do
  for mode in off on; do
    set_mode $mode
    t0=$(cpu_ticks); out=$(wrk -t1 -c"$C" -d"${D}s" "$URL"); t1=$(cpu_ticks)
    reqs=$(echo "$out" | awk '/requests in/ {print $1}')
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    us=$(python3 -c "print(round(($t1-$t0)/$TCK*1e6/$reqs, 1))")
    RPS[$mode]="${RPS[$mode]:-} $rps"; CPU[$mode]="${CPU[$mode]:-} $us"
    echo "round $round $mode: $rps req/s, $us µs CPU/request ($reqs requests; load $(cut -d' ' -f1 /proc/loadavg))"
  done
done
python3 - "${RPS[off]}" "${RPS[on]}" "${CPU[off]}" "${CPU[on]}" <<'PY'
import sys, statistics as st
off, on, coff, con = ([float(x) for x in a.split()] for a in sys.argv[1:])
print(f"median rps   off {st.median(off):.0f}  on {st.median(on):.0f}  ratio on/off {st.median(on)/st.median(off):.3f}")
print(f"median CPU   off {st.median(coff):.1f} µs/req  on {st.median(con):.1f} µs/req  throughput-equivalent ratio off/on {st.median(coff)/st.median(con):.3f}")
PY
echo "load average: $(cat /proc/loadavg)"
curl -s "http://127.0.0.1:$ADMIN_PORT/metrics" | grep -E "^gatehouse_observe_(dropped_total|queued)|^apigateway_count_total"
echo "access log lines: $(cat "$W"/ws/.gatehouse/logs/access/*.log* 2>/dev/null | wc -l)"
