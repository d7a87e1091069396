#!/usr/bin/env bash
# Cost of access control and the stage cache on the data plane (issue 12's benchmark), in one run of one
# `gatehouse serve`, alternating legs so a noisy machine moves both sides alike:
#
#   1. ACCESS: plain HTTP_PROXY (GET /prod/proxy/prod/hello) vs the same backend through GET /secure/{proxy+}, which
#      needs an API key in a usage plan with a throttle that never trips and a quota never reached, and a
#      COGNITO_USER_POOLS authorizer (claims cached 300 s) on every request, with a token from `gatehouse token mint`.
#      Median ratio access ÷ plain (target >= 0.8x).
#   2. CACHE: a stage-cache hit (GET /cached/{proxy+}, cachingEnabled, TTL 3600) vs nginx proxying the backend, as
#      bench/dataplane.sh measures routes (target >= 1.0x nginx's rps).
#   3. REDIS: the ACCESS route again with `serve --state redis://127.0.0.1:PORT` (a redis-server this script starts
#      on a free port and stops by its PID) alternating with an in-process engine; median ratio redis ÷ in-process.
#
# Prints the machine's load first (the checked figures need a quiet machine: load average < 1). Any non-2xx or
# socket error from the gateway in a measured leg is a FAILURE (exit 1).
#
# Usage: bench/access.sh [seconds=10] [connections=50]
#   env: ROUNDS=3 PORT=18090 REDIS_PORT=(free) WARMUP=30 GATEHOUSE=launcher (default engine/target/gatehouse)
#        ONLY=access|cache|redis  NGINX_MIN_RPS=25000  THROTTLE_RATE=1000000 (engine-wide limit, raised)
# Needs nginx, wrk, curl, python3, redis-server (apt-get install -y nginx wrk curl redis-server).
set -euo pipefail
D=${1:-10}; C=${2:-50}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-18090}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-30}
THROTTLE_RATE=${THROTTLE_RATE:-1000000}
NGINX_MIN_RPS=${NGINX_MIN_RPS:-25000}
ONLY=${ONLY:-}
G=${GATEHOUSE:-$ROOT/engine/target/gatehouse}
missing=""
for t in nginx wrk curl python3 redis-server; do command -v $t >/dev/null || missing="$missing $t"; done
if [ -n "$missing" ]; then echo "missing:$missing — run: apt-get install -y nginx wrk curl python3 redis-server" >&2; exit 2; fi
source "$ROOT/bench/lib.sh"   # busy_cores, start_nginx_references, cpu_ticks, to_us, median, leg, rounds

LOAD0=$(cut -d' ' -f1 /proc/loadavg)
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(busy_cores) cores busy over 1 s before the run; $(date -u '+%F %T UTC')"
awk -v l="$LOAD0" 'BEGIN { exit !(l >= 1) }' \
  && echo "WARNING: load average $LOAD0 >= 1: not a quiet machine; ratios will be noisy (the checked figures need < 1)"
if [ "${BUILD:-0}" = 1 ] || [ ! -x "$G" ]; then (cd "$ROOT" && mvn -q -o -pl engine -am package -DskipTests); fi

W=$(mktemp -d)
SERVE_PID=""; REDIS_PID=""
cleanup() {
  set +e
  [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null && wait "$REDIS_PID" 2>/dev/null
  for p in "$W"/*.pid; do [ -f "$p" ] && kill "$(cat "$p")" 2>/dev/null; done
  rm -rf "$W"
}
trap cleanup EXIT

# --- the API: bench/dataplane-api.json plus a guarded copy of its proxy route and a cached one ------------------
POOL=arn:aws:cognito-idp:us-east-1:123456789012:userpool/local
python3 - "$ROOT/bench/dataplane-api.json" "$W/api.json" "$POOL" <<'PY'
import json, sys
api = json.load(open(sys.argv[1]))
proxy = api["paths"]["/proxy/{proxy+}"]["x-amazon-apigateway-any-method"]
def get_route(extra):
    route = json.loads(json.dumps(proxy))
    route["x-amazon-apigateway-integration"]["httpMethod"] = "GET"
    route.update(extra)
    return {"get": route}
api["components"]["securitySchemes"] = {
    "api_key": {"type": "apiKey", "name": "x-api-key", "in": "header"},
    "pool": {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "cognito_user_pools",
             "x-amazon-apigateway-authorizer": {"type": "cognito_user_pools", "providerARNs": [sys.argv[3]],
                                                "authorizerResultTtlInSeconds": 300}}}
api["paths"]["/secure/{proxy+}"] = get_route({"security": [{"api_key": [], "pool": []}]})
cached = get_route({})
cached["get"]["x-amazon-apigateway-integration"]["cacheKeyParameters"] = ["method.request.path.proxy"]
api["paths"]["/cached/{proxy+}"] = cached
json.dump(api, open(sys.argv[2], "w"))
PY
"$G" import -w "$W/ws" "$W/api.json" >/dev/null
echo "{\"userPools\": {\"$POOL\": {\"localSigningKey\": true}}}" > "$W/ws/user-pools.json"
"$G" deploy bench -s prod -w "$W/ws" >/dev/null
KEY=benchkey0123456789abcdefghijklmnopqrstuv   # 40 characters, AWS's generated length
"$G" api-key create bench -w "$W/ws" --value "$KEY" >/dev/null
"$G" usage-plan create bench -w "$W/ws" --api bench --stage prod --rate 1000000 --burst 1000000 \
  --quota 2000000000 --period DAY >/dev/null
"$G" usage-plan add-key bench bench -w "$W/ws" >/dev/null
TOKEN=$("$G" token mint -w "$W/ws" --expires 2h)
# the stage cache: on, nothing cached but GET /cached/{proxy+} (TTL 3600 s)
python3 - "$(ls "$W"/ws/apis/*/stages/prod.json)" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
s["cacheClusterEnabled"] = True; s["cacheClusterSize"] = "0.5"; s["cacheClusterStatus"] = "AVAILABLE"
s["methodSettings"] = {"*/*": {"cachingEnabled": False},
                       "~1cached~1{proxy+}/GET": {"cachingEnabled": True, "cacheTtlInSeconds": 3600}}
json.dump(s, open(sys.argv[1], "w"), indent=2, sort_keys=True)
PY
cat > "$W/access.lua" <<LUA
wrk.headers["x-api-key"] = "$KEY"
wrk.headers["Authorization"] = "$TOKEN"
LUA

start_nginx_references
sleep 0.3
NGINX=http://127.0.0.1:18082/prod/hello
PLAIN=http://127.0.0.1:$PORT/prod/proxy/prod/hello
SECURE=http://127.0.0.1:$PORT/prod/secure/prod/hello
CACHED=http://127.0.0.1:$PORT/prod/cached/prod/hello

serve() { # [--state URL]: starts the gateway, waits for the plain route
  "$G" serve -w "$W/ws" --port "$PORT" --throttle-rate "$THROTTLE_RATE" --throttle-burst "$THROTTLE_RATE" "$@" \
    >"$W/serve.out" 2>"$W/serve.err" &
  SERVE_PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$PLAIN" 2>/dev/null)" = 200 ]; do
    kill -0 $SERVE_PID 2>/dev/null || { echo "serve died:"; cat "$W/serve.err"; exit 1; }
    sleep 0.05
  done
}
stop_serve() { kill "$SERVE_PID"; wait "$SERVE_PID" 2>/dev/null || true; SERVE_PID=""; }
expect() { # name code url [curl args…]: the route answers as AWS would
  local name=$1 want=$2 url=$3 got; shift 3
  got=$(curl -s -o "$W/check.out" -w '%{http_code}' "$@" "$url")
  [ "$got" = "$want" ] || { echo "FAILED: $name answered $got, not $want: $(head -c 300 "$W/check.out")" >&2; tail -5 "$W/serve.err" >&2; exit 1; }
}
checks() { # the guarded route refuses what AWS refuses, and admits the benchmark's request
  expect "secure without a key" 403 "$SECURE" -H "Authorization: $TOKEN"
  expect "secure without a token" 401 "$SECURE" -H "x-api-key: $KEY"
  expect "secure with key and token" 200 "$SECURE" -H "x-api-key: $KEY" -H "Authorization: $TOKEN"
  expect "cached" 200 "$CACHED"
  expect "nginx (reference)" 200 "$NGINX"
}

# pair LABEL A_NAME A_URL A_LUA B_NAME B_URL B_LUA : gateway legs alternating; median ratio B ÷ A
pair() {
  local label=$1 an=$2 au=$3 al=$4 bn=$5 bu=$6 bl=$7 i a b
  local -a RATIO=()
  echo "== $label: ${D}s legs, $C connections, $ROUNDS rounds (load $(cut -d' ' -f1 /proc/loadavg))"
  for ((i = 1; i <= ROUNDS; i++)); do
    if (( i % 2 )); then a=$(leg "gateway $an" "$au" "$al"); b=$(leg "gateway $bn" "$bu" "$bl")
    else b=$(leg "gateway $bn" "$bu" "$bl"); a=$(leg "gateway $an" "$au" "$al"); fi
    read -r ar a50 a99 abad acpu _ <<<"$a"; read -r br b50 b99 bbad bcpu _ <<<"$b"
    printf "round %d  %s rps=%-9s p50=%6s us p99=%7s us CPU %s us/req | %s rps=%-9s p50=%6s us p99=%7s us CPU %s us/req  non-2xx=%s/%s  load %s\n" \
      "$i" "$an" "$ar" "$a50" "$a99" "$acpu" "$bn" "$br" "$b50" "$b99" "$bcpu" "$abad" "$bbad" "$(cut -d' ' -f1 /proc/loadavg)"
    RATIO+=("$(awk -v x="$br" -v y="$ar" 'BEGIN { printf "%.3f", (y > 0 ? x / y : 0) }')")
  done
  printf "%s: median rps %.2fx (%s ÷ %s; per round: %s)\n" "$label" "$(printf '%s\n' "${RATIO[@]}" | median)" "$bn" "$an" "${RATIO[*]}" \
    | tee -a "$W/summary"
}

serve
checks
if [ -z "$ONLY" ] || [ "$ONLY" = access ] || [ "$ONLY" = cache ]; then
  echo "warm-up (${WARMUP}s per route, not counted)"
  for u in "$PLAIN" "$CACHED" "$NGINX"; do wrk -t1 -c"$C" -d"${WARMUP}s" "$u" >/dev/null; done
  wrk -t1 -c"$C" -d"${WARMUP}s" -s "$W/access.lua" "$SECURE" >/dev/null
fi
if [ -z "$ONLY" ] || [ "$ONLY" = access ]; then
  pair "ACCESS (API key + usage plan + throttle + cached Cognito JWT authorizer vs plain HTTP_PROXY; target >= 0.8x)" \
    plain "$PLAIN" "" access "$SECURE" "$W/access.lua"
fi
if [ -z "$ONLY" ] || [ "$ONLY" = cache ]; then
  rounds "CACHE-HIT" "$CACHED" "$NGINX"
  echo "(stage-cache hit vs nginx proxying the backend: target >= 1.0x)" | tee -a "$W/summary"
fi
stop_serve

if [ -z "$ONLY" ] || [ "$ONLY" = redis ]; then
  REDIS_PORT=${REDIS_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >"$W/redis.log" 2>&1 &
  REDIS_PID=$!
  until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 || (exec 3<>/dev/tcp/127.0.0.1/"$REDIS_PORT") 2>/dev/null; do
    kill -0 $REDIS_PID 2>/dev/null || { echo "redis-server died:"; cat "$W/redis.log"; exit 1; }
    sleep 0.05
  done
  echo "== REDIS: the ACCESS route with --state redis://127.0.0.1:$REDIS_PORT vs in-process, one engine at a time, alternating"
  declare -a RR=()
  for ((i = 1; i <= ROUNDS; i++)); do
    declare -A R=()
    if (( i % 2 )); then order="in-process redis"; else order="redis in-process"; fi
    for mode in $order; do
      if [ "$mode" = redis ]; then serve --state "redis://127.0.0.1:$REDIS_PORT"; else serve; fi
      checks
      wrk -t1 -c"$C" -d"${WARMUP}s" -s "$W/access.lua" "$SECURE" >/dev/null   # a fresh JVM each time: warm it as the first
      read -r rps p50 p99 bad cpu _ <<<"$(leg "gateway access $mode" "$SECURE" "$W/access.lua")"
      printf "round %d  %-10s rps=%-9s p50=%6s us p99=%7s us non-2xx=%s JVM CPU %s us/req  load %s\n" \
        "$i" "$mode" "$rps" "$p50" "$p99" "$bad" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
      R[$mode]=$rps
      stop_serve
    done
    RR+=("$(awk -v r="${R[redis]}" -v p="${R[in-process]}" 'BEGIN { printf "%.3f", (p > 0 ? r / p : 0) }')")
  done
  printf "REDIS: median rps %.2fx in-process state for the ACCESS route (per round: %s)\n" \
    "$(printf '%s\n' "${RR[@]}" | median)" "${RR[*]}" | tee -a "$W/summary"
  kill "$REDIS_PID"; wait "$REDIS_PID" 2>/dev/null || true; REDIS_PID=""
fi

echo "== summary ($(date -u '+%F %T UTC'), load average at start $LOAD0, now $(cut -d' ' -f1 /proc/loadavg))"
[ -f "$W/summary" ] && cat "$W/summary"
if [ -s "$W/failures" ]; then
  echo "FAILED: the gateway answered non-2xx or dropped connections during measured legs:" >&2
  sed 's/^/  /' "$W/failures" >&2
  exit 1
fi
echo "ok: every measured gateway request answered 2xx"
