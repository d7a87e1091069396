#!/usr/bin/env bash
# Data-plane benchmark of `gatehouse serve` beside nginx (and haproxy), figures as ratios to nginx measured in the
# same run, in alternating rounds, so that a shared, noisy machine moves both sides alike.
#
#   1. prints the machine's state first: load average and the number of cores busy over one second (the checked
#      figures need a quiet machine: load average < 1)
#   2. builds engine/target/gatehouse if missing (BUILD=1 forces `mvn -q -o -pl engine -am package -DskipTests`)
#   3. imports bench/dataplane-api.json into a temp workspace and deploys it to `prod`:
#        ANY /proxy/{proxy+}  HTTP_PROXY -> http://127.0.0.1:18081/{proxy}   (the nginx backend below)
#        GET /hello           MOCK answering the backend's body {"message":"hello","id":42}
#        POST /orders         HTTP (non-proxy) -> http://127.0.0.1:18081/prod/hello with a JSON->JSON request
#                             template and body validation against a 10-property model
#   4. starts the references (the same configuration as ../shared/bench/peers.sh): backend nginx on :18081 (1
#      worker, a small JSON body for every path), nginx reverse proxy on :18082 (1 worker, upstream keep-alive),
#      haproxy on :18083 (1 thread)
#   5. starts `gatehouse serve` with the engine-wide throttle raised (--throttle-rate/--throttle-burst
#      THROTTLE_RATE, default 1,000,000: AWS's default 10,000 rps would answer 429 and measure the throttle, not the
#      gateway); times start -> first 200, reads idle RSS; checks every route answers 200 once
#   6. warms up, then ROUNDS rounds per route (HTTP_PROXY and MOCK, both against nginx proxying the backend):
#      wrk on nginx and on the gateway back to back, the order swapped every round; prints every leg, then the
#      median per-round ratio (rps, p50, p99), the gateway's JVM CPU per request (and its kernel share) and warns
#      when nginx itself ran slow or unevenly; then the gateway's GC pauses over those legs (from -Xlog:gc), to set
#      beside its p99
#   7. POST leg: wrk with a ~1 KB JSON body (bench/post-order.lua) on HTTP_PROXY and on POST /orders, alternating,
#      ROUNDS pairs; median of the per-round ratios orders ÷ HTTP_PROXY (target >= 0.8x)
#   8. observe leg: HTTP_PROXY with the stage's execution logging (INFO, data trace), access log and detailed
#      metrics OFF vs ON in the same server, alternating; median ON ÷ OFF rps (issue 14's target >= 0.9x)
#   9. spike leg: the minimal fully asynchronous Vert.x proxy (bench/reference/MinimalVertxProxy.java, no filters)
#      beside nginx in the same rounds: what this machine makes of the design's 18-20 us floor today (SPIKE=0 skips)
#  9b. threading leg: HTTP_PROXY in a server per mode, the request's virtual thread on the JDK's scheduler vs (auto) on the
#      connection's event loop (server Threading), alternating; request-path CPU per request by thread kind
#  10. the 300-resource deploy harness (DeployLatencyBench, compiled here with javac against the engine jar)
#
# Any non-2xx answer or socket error from the gateway during a measured leg is a FAILURE: it is printed at once
# and in the summary, and the script exits 1 (the figures of such a run measure the error path, not the gateway).
#
# Usage: bench/dataplane.sh [seconds=10] [connections=50]
#   env: ROUNDS=3  PORT=18090  GATEHOUSE=launcher (default engine/target/gatehouse; a copy survives rebuilds)
#        GATEHOUSE_OPTS=... (JVM options of the server)  THROTTLE_RATE=1000000
#        ONLY=peers|post|observe|spike|threading|deploy (one part)  SKIP_DEPLOY=1  HAPROXY=0 (skip haproxy's leg)
#        THREADING=0 (skip the threading leg in a full run)
#        POST_ROUTES="proxy orders"  WARMUP=30 (s per route)  NGINX_MIN_RPS=25000 (warn below; quiet box: 31-34k)
#        DATA_TRACE=0 (the observe leg's ON without data trace: AWS's INFO lines without request/response data)
#        OBSERVE_SETTLE=3 (s of unmeasured traffic after each observe switch)
# Needs nginx, haproxy, wrk, curl (apt-get install -y nginx haproxy wrk curl); installs nothing itself.
set -euo pipefail
D=${1:-10}; C=${2:-50}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-18090}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-30}   # the proxy route is still JIT-compiling after 5 s (CPU per request fell 418 → 132 µs over three rounds)
THROTTLE_RATE=${THROTTLE_RATE:-1000000}
NGINX_MIN_RPS=${NGINX_MIN_RPS:-25000}
ONLY=${ONLY:-}
G=${GATEHOUSE:-$ROOT/engine/target/gatehouse}
missing=""
for t in nginx haproxy wrk curl; do command -v $t >/dev/null || missing="$missing $t"; done
if [ -n "$missing" ]; then echo "missing:$missing — run: apt-get install -y nginx haproxy wrk curl" >&2; exit 2; fi

# --- the machine before we start ----------------------------------------------------------------------------
source "$ROOT/bench/lib.sh"   # busy_cores, start_nginx_references, to_us, median, leg, rounds
LOAD0=$(cut -d' ' -f1 /proc/loadavg)
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(busy_cores) cores busy over 1 s before the run; $(date -u '+%F %T UTC')"
awk -v l="$LOAD0" 'BEGIN { exit !(l >= 1) }' \
  && echo "WARNING: load average $LOAD0 >= 1: not a quiet machine; ratios will be noisy (the checked figures need < 1)"

if [ "${BUILD:-0}" = 1 ] || [ ! -x "$G" ]; then (cd "$ROOT" && mvn -q -o -pl engine -am package -DskipTests); fi

W=$(mktemp -d)
SERVE_PID=""
cleanup() {
  set +e   # a failed kill or the server's exit status must not stop the clean-up half way (nginx left running)
  [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null
  for p in "$W"/*.pid; do [ -f "$p" ] && kill "$(cat "$p")" 2>/dev/null; done
  rm -rf "$W"
}
trap cleanup EXIT

"$G" import -w "$W/ws" "$ROOT/bench/dataplane-api.json" >/dev/null
"$G" deploy bench -s prod -w "$W/ws" >/dev/null

# --- references: the same configuration as ../shared/bench/peers.sh ------------------------------------------
cat > "$W/haproxy.cfg" <<CONF
global
  nbthread 1
  maxconn 4096
  pidfile $W/haproxy.pid
  daemon
defaults
  mode http
  timeout connect 5s
  timeout client 30s
  timeout server 30s
  http-reuse always
frontend fe
  bind 127.0.0.1:18083
  default_backend be
backend be
  server s1 127.0.0.1:18081
CONF
start_nginx_references
if [ "${HAPROXY:-1}" = 1 ]; then haproxy -f "$W/haproxy.cfg" || { echo "could not start haproxy on :18083" >&2; exit 1; }; fi
sleep 0.3
NGINX=http://127.0.0.1:18082/prod/hello
HAPROXY_URL=http://127.0.0.1:18083/prod/hello

# --- start-up: time to the first request served, idle RSS -----------------------------------------------------
MOCK=http://127.0.0.1:$PORT/prod/hello
PROXY=http://127.0.0.1:$PORT/prod/proxy/prod/hello   # the backend sees /prod/hello, like nginx's route
ORDERS=http://127.0.0.1:$PORT/prod/orders
LUA=$ROOT/bench/post-order.lua
SERVE_ARGS=()
if "$G" serve --help 2>/dev/null | grep -q -- --throttle-rate; then
  SERVE_ARGS=(--throttle-rate "$THROTTLE_RATE" --throttle-burst "$THROTTLE_RATE")
else
  echo "WARNING: this gatehouse has no --throttle-rate: AWS's default engine limit (10,000 rps) applies and may answer 429"
fi
t0=$(date +%s%N)
# the young collections' pauses are logged (uptime-stamped) to compare with the p99 of the measured legs
GATEHOUSE_OPTS="${GATEHOUSE_OPTS:-} -Xlog:gc:file=$W/gc.log:uptime" \
  "$G" serve -w "$W/ws" --port "$PORT" "${SERVE_ARGS[@]}" >"$W/serve.out" 2>"$W/serve.err" &
SERVE_PID=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$MOCK" 2>/dev/null)" = 200 ]; do
  kill -0 $SERVE_PID 2>/dev/null || { echo "serve died:"; cat "$W/serve.err"; exit 1; }
  sleep 0.005
done
t1=$(date +%s%N)
FIRST_MS=$(( (t1 - t0) / 1000000 ))
# the launcher execs java, so $SERVE_PID is the JVM
FIRST_CPU_MS=$(awk -v t="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / t }' /proc/$SERVE_PID/stat)
sleep 3
IDLE_RSS_MB=$(( $(ps -o rss= -p $SERVE_PID) / 1024 ))
echo "serve: first request served ${FIRST_MS} ms after start (JVM CPU by then ${FIRST_CPU_MS} ms); idle RSS ${IDLE_RSS_MB} MB  (GATEHOUSE_OPTS='${GATEHOUSE_OPTS:-}' ${SERVE_ARGS[*]})"

BODY=$(sed -n 's/^.*\[\[\(.*\)\]\].*$/\1/p' "$LUA" | tr -d '\n')
check_route() { # name url [post] — a few tries: a cold first template render can pass its 1 s limit on a busy box
  local code i
  for i in 1 2 3 4 5 6 7 8 9 10; do
    if [ -n "${3:-}" ]; then
      code=$(curl -s -o "$W/check.out" -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary "$BODY" "$2")
    else code=$(curl -s -o "$W/check.out" -w '%{http_code}' "$2"); fi
    [ "$code" = 200 ] && break
    sleep 0.5
  done
  [ "$code" = 200 ] || { echo "FAILED: $1 ($2) answered $code: $(head -c 300 "$W/check.out")" >&2; tail -5 "$W/serve.err" >&2; exit 1; }
}
jvm_uptime_s() { # seconds since the JVM $1 started, as -Xlog's uptime decorations count them (within ~10 ms)
  awk -v hz="$(getconf CLK_TCK)" -v up="$(cut -d' ' -f1 /proc/uptime)" '{ printf "%.3f", up - $22 / hz }' "/proc/$1/stat"
}
gc_pauses() { # gc.log from to — the collections' pauses between two uptimes (the gateway's legs, its nginx legs between)
  awk -v from="$2" -v to="$3" '/Pause/ { t = $1; gsub(/[][s]/, "", t); if (t + 0 < from + 0 || t + 0 > to + 0) next
         p = $NF; sub(/ms$/, "", p); print p }' "$1" | sort -n \
  | awk -v span="$(awk -v a="$2" -v b="$3" 'BEGIN { print b - a }')" '{ a[++n] = $1; s += $1 }
       END { if (!n) { print "gc: no pauses in the measured legs"; exit }
             k = int(n * 0.9); if (k < 1) k = 1
             printf "gc during the measured legs (nginx legs included): %d pauses, %.1f per second, mean %.2f ms, p90 %.2f ms, max %.2f ms, %.2f%% of the time\n",
               n, n / span, s / n, a[k], a[n], s / 10 / span }'
}
check_route HTTP_PROXY "$PROXY"; check_route MOCK "$MOCK"; check_route "POST /orders" "$ORDERS" post
check_route "nginx (reference)" "$NGINX"

if [ -z "$ONLY" ] || [ "$ONLY" = peers ]; then
  echo "warm-up (${WARMUP}s per route, not counted)"
  for u in "$PROXY" "$MOCK" "$NGINX"; do wrk -t1 -c"$C" -d"${WARMUP}s" "$u" >/dev/null; done
  GC_FROM=$(jvm_uptime_s $SERVE_PID)
  rounds HTTP_PROXY "$PROXY" "$NGINX"
  rounds MOCK "$MOCK" "$NGINX"
  gc_pauses "$W/gc.log" "$GC_FROM" "$(jvm_uptime_s $SERVE_PID)" | tee -a "$W/summary"
  if [ "${HAPROXY:-1}" = 1 ]; then
    read -r hr h50 h99 _ <<<"$(leg haproxy "$HAPROXY_URL")"
    echo "haproxy (one leg, for context): rps=$hr p50=$h50 us p99=$h99 us" | tee -a "$W/summary"
  fi
  echo "serve RSS after the load: $(( $(ps -o rss= -p $SERVE_PID) / 1024 )) MB (idle was ${IDLE_RSS_MB} MB)" | tee -a "$W/summary"
fi

# --- POST leg: HTTP_PROXY vs. template + validation, same ~1 KB JSON body --------------------------------------
if [ -z "$ONLY" ] || [ "$ONLY" = post ]; then
  post_url() { case $1 in proxy) echo "$PROXY" ;; orders) echo "$ORDERS" ;; esac; }
  PR=${POST_ROUTES:-proxy orders}
  echo "warm-up (wrk -s post-order.lua $((WARMUP * 2)) s per route, not counted)"
  for r in $PR; do wrk -t1 -c"$C" -d"$((WARMUP * 2))s" -s "$LUA" "$(post_url $r)" >/dev/null; done
  echo "== POST ~1 KB JSON (bench/post-order.lua), ${D}s legs, $C connections, $ROUNDS rounds"
  declare -a PRATIO=()
  for ((i = 1; i <= ROUNDS; i++)); do
    declare -A RPS=()
    for r in $PR; do
      read -r rps p50 p99 bad cpu k <<<"$(leg "gateway POST $r" "$(post_url $r)" "$LUA")"
      RPS[$r]=$rps
      printf "round %d %-7s rps=%-9s p50=%6s us p99=%7s us non-2xx=%s gateway JVM CPU %s us/request (%s%% kernel, load %s)\n" \
        "$i" "$r" "$rps" "$p50" "$p99" "$bad" "$cpu" "$k" "$(cut -d' ' -f1 /proc/loadavg)"
      echo "$r $cpu" >> "$W/post-cpu"
    done
    [ -n "${RPS[proxy]:-}" ] && [ -n "${RPS[orders]:-}" ] && PRATIO+=("$(awk -v o="${RPS[orders]}" -v p="${RPS[proxy]}" 'BEGIN { printf "%.3f", o / p }')")
  done
  if [ ${#PRATIO[@]} -gt 0 ]; then
    printf "POST /orders (template + validation) median rps %.2fx HTTP_PROXY over %d rounds (per round: %s; target >= 0.8x); JVM CPU us/request median: proxy %s, orders %s\n" \
      "$(printf '%s\n' "${PRATIO[@]}" | median)" "${#PRATIO[@]}" "${PRATIO[*]}" \
      "$(awk '$1 == "proxy" { print $2 }' "$W/post-cpu" | median)" "$(awk '$1 == "orders" { print $2 }' "$W/post-cpu" | median)" | tee -a "$W/summary"
  fi
fi

# --- observe leg: the HTTP_PROXY route with the stage's observability off and on, same server ------------------
# ON = */* metricsEnabled, loggingLevel INFO, dataTraceEnabled (DATA_TRACE=0: off, AWS's INFO without request and
# response data) and a CLF access log (what bench/observe.sh sets);
# OFF = no methodSettings, no accessLogSettings (stage-level metrics are always kept, as on AWS). Switched by
# rewriting the stage file: serve follows the disk. Issue 14's target: ON >= 0.9x OFF.
if [ -z "$ONLY" ] || [ "$ONLY" = observe ]; then
  STAGE_FILE=$(ls "$W"/ws/apis/*/stages/prod.json)
  cp "$STAGE_FILE" "$W/stage-off.json"
  python3 - "$STAGE_FILE" "$W/stage-on.json" "${DATA_TRACE:-1}" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
s["methodSettings"] = {"*/*": {"metricsEnabled": True, "loggingLevel": "INFO", "dataTraceEnabled": sys.argv[3] == "1"}}
s["accessLogSettings"] = {"format": "$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] \"$context.httpMethod $context.resourcePath $context.protocol\" $context.status $context.responseLength $context.requestId",
                          "destinationArn": "arn:aws:logs:us-east-1:123456789012:log-group:bench"}
json.dump(s, open(sys.argv[2], "w"), indent=2)
PY
  observe_mode() { cp "$W/stage-$1.json" "$STAGE_FILE.tmp"; mv "$STAGE_FILE.tmp" "$STAGE_FILE"; sleep 2; }  # follower: 500 ms
  echo "== observe: HTTP_PROXY with the stage's logging (INFO, data trace $([ "${DATA_TRACE:-1}" = 1 ] && echo on || echo off)), access log and metrics OFF vs ON, ${D}s legs, $ROUNDS rounds"
  # both modes warm before the first round: warmed ON alone, round 1's OFF leg ran partly on code compiled for
  # ON (63-65 us a request against 48-50 in later OFF legs) and round 1 read ~1.02x whatever the build
  observe_mode on; wrk -t1 -c"$C" -d"${WARMUP}s" "$PROXY" >/dev/null
  observe_mode off; wrk -t1 -c"$C" -d"$(( (WARMUP + 1) / 2 ))s" "$PROXY" >/dev/null
  declare -a ORATIO=() OCPU_OFF=() OCPU_ON=()
  for ((i = 1; i <= ROUNDS; i++)); do
    if (( i % 2 )); then order="off on"; else order="on off"; fi
    declare -A ORPS=()
    for m in $order; do
      observe_mode $m
      # each mode measured settled: the first seconds after a switch recompile what the other mode deoptimized
      # (an ON leg right after an OFF one ran at 55-59 us a request, right after another ON leg at 49-52)
      wrk -t1 -c"$C" -d"${OBSERVE_SETTLE:-3}s" "$PROXY" >/dev/null
      read -r rps p50 p99 bad cpu k <<<"$(leg "gateway observe-$m" "$PROXY")"
      ORPS[$m]=$rps; if [ $m = off ]; then OCPU_OFF+=("$cpu"); else OCPU_ON+=("$cpu"); fi
      printf "round %d observe %-3s rps=%-9s p50=%6s us p99=%7s us non-2xx=%s JVM CPU %s us/request (load %s)\n" \
        "$i" "$m" "$rps" "$p50" "$p99" "$bad" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
    done
    ORATIO+=("$(awk -v a="${ORPS[on]}" -v b="${ORPS[off]}" 'BEGIN { printf "%.3f", a / b }')")
  done
  observe_mode off
  printf "observe ON ÷ OFF (HTTP_PROXY) median rps %.2fx over %d rounds (per round: %s; target >= 0.9x); JVM CPU us/request median: off %s, on %s; access log lines %s\n" \
    "$(printf '%s\n' "${ORATIO[@]}" | median)" "$ROUNDS" "${ORATIO[*]}" "$(printf '%s\n' "${OCPU_OFF[@]}" | median)" \
    "$(printf '%s\n' "${OCPU_ON[@]}" | median)" "$(cat "$W"/ws/.gatehouse/logs/access/*.log* 2>/dev/null | wc -l)" | tee -a "$W/summary"
fi
kill $SERVE_PID; wait $SERVE_PID 2>/dev/null || true; SERVE_PID=""

# engine_java: JAVA_BIN (a JDK 25, as the launcher picks the newest) and CP (the engine jar and its libraries next to
# $G) for the harnesses this script compiles with javac
engine_java() {
  JAVA_BIN=""
  for j in "${GATEHOUSE_JAVA:-}" /usr/lib/jvm/temurin-25*/bin/java "${JAVA_HOME:-/nonexistent}/bin/java"; do
    [ -n "$j" ] && [ -x "$j" ] && { JAVA_BIN=$j; break; }
  done
  [ -n "$JAVA_BIN" ] || { echo "no JDK 25 found (set GATEHOUSE_JAVA)" >&2; exit 1; }
  ENGINE_DIR=$(cd "$(dirname "$(readlink -f "$G")")" && pwd)   # engine/target, or the copy GATEHOUSE points at
  JAR=$(ls "$ENGINE_DIR"/gatehouse-engine-*.jar 2>/dev/null | grep -v sources | head -1 || true)
  [ -n "$JAR" ] || { echo "no gatehouse-engine jar next to $G" >&2; exit 1; }
  CP="$JAR:$ENGINE_DIR/lib/*"
}

# --- spike leg: the design's floor measured today ---------------------------------------------------------------
# bench/reference/MinimalVertxProxy.java, the fully asynchronous Vert.x proxy of ../shared/DESIGN.md's last section
# (18-20 us per request when it was measured, 2026-11-25), no filters, with the launcher's heap and collector, against
# the same nginx backend and beside the same nginx reference: its CPU per request is what this machine makes of the
# floor today, to read the gateway's figure (and issue 17's absolute 25 us) against.
if [ "$ONLY" = spike ] || { [ -z "$ONLY" ] && [ "${SPIKE:-1}" = 1 ]; }; then
  engine_java
  mkdir -p "$W/spike-classes"
  "$(dirname "$JAVA_BIN")/javac" -nowarn -d "$W/spike-classes" -cp "$CP" "$ROOT/bench/reference/MinimalVertxProxy.java"
  SPIKE_PORT=$((PORT + 1))
  "$JAVA_BIN" -Xms64m -Xmx512m -XX:+UseG1GC -Xmn48m -XX:GCTimeRatio=4 -cp "$W/spike-classes:$CP" \
    MinimalVertxProxy "$SPIKE_PORT" 18081 >"$W/spike.out" 2>&1 &
  SERVE_PID=$!   # leg and rounds read the CPU of $SERVE_PID
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$SPIKE_PORT/prod/hello" 2>/dev/null)" = 200 ]; do
    kill -0 $SERVE_PID 2>/dev/null || { echo "minimal proxy died:"; cat "$W/spike.out"; exit 1; }
    sleep 0.05
  done
  echo "warm-up (${WARMUP}s, minimal Vert.x proxy, not counted)"
  wrk -t1 -c"$C" -d"${WARMUP}s" "http://127.0.0.1:$SPIKE_PORT/prod/hello" >/dev/null
  rounds "spike (minimal Vert.x proxy, no filters)" "http://127.0.0.1:$SPIKE_PORT/prod/hello" "$NGINX"
  kill $SERVE_PID; wait $SERVE_PID 2>/dev/null || true; SERVE_PID=""
  cpu_of() { sed -n "s/^$1 .*gateway JVM CPU \([0-9]*\) us\/request.*/\1/p" "$W/summary" | head -1; }
  GW_CPU=$(cpu_of HTTP_PROXY); SPIKE_CPU=$(cpu_of spike)
  if [ -n "$GW_CPU" ] && [ -n "$SPIKE_CPU" ]; then
    awk -v g="$GW_CPU" -v s="$SPIKE_CPU" 'BEGIN { printf "HTTP_PROXY CPU per request %.2fx the spike'"'"'s in this run (%s vs %s us): the pipeline above the design'"'"'s floor today\n", g / s, g, s }' \
      | tee -a "$W/summary"
  fi
fi

# --- threading leg: the HTTP_PROXY route with the request's virtual thread on the JDK's scheduler vs the default -
# (auto: on the connection's event loop, as this plan never blocks; -Dgatehouse.dataplane.threading=virtual|auto),
# each in its own server, alternating;
# CPU per request by thread kind from /proc (bench/dataplane-profile.sh, JFR off), the JIT's share apart
if [ "$ONLY" = threading ] || { [ -z "$ONLY" ] && [ "${THREADING:-1}" = 1 ]; }; then
  echo "== threading: HTTP_PROXY, virtual-thread scheduler vs auto (event-loop carrier), ${D}s legs after ${WARMUP}s warm-up, $ROUNDS rounds"
  declare -a TV=() TL=()
  for ((i = 1; i <= ROUNDS; i++)); do
    if (( i % 2 )); then order="virtual auto"; else order="auto virtual"; fi
    for m in $order; do
      out=$(NO_BACKEND=1 GATEHOUSE="$G" PORT=$PORT JFR=0 WARMUP=$WARMUP GATEHOUSE_OPTS="${GATEHOUSE_OPTS:-} -Dgatehouse.dataplane.threading=$m" \
            "$ROOT/bench/dataplane-profile.sh" proxy "$D" "$C" 2>&1) || { echo "$out" >&2; echo "threading $m: profile run failed" >> "$W/failures"; continue; }
      rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out"); req=$(sed -n 's/.*request path \([0-9]*\) us.*/\1/p' <<<"$out")
      grep -qE 'Non-2xx|Socket errors' <<<"$out" && echo "threading $m: non-2xx or socket errors" >> "$W/failures"
      echo "round $i threading $m: $rps rps; $(grep 'per request by thread' <<<"$out") (load $(cut -d' ' -f1 /proc/loadavg))"
      if [ $m = virtual ]; then TV+=("$req"); else TL+=("$req"); fi
    done
  done
  printf "threading: request-path CPU us/request (event loops + carriers + observe writer, JIT and GC apart) median virtual %s, auto %s\n" \
    "$(printf '%s\n' "${TV[@]}" | median)" "$(printf '%s\n' "${TL[@]}" | median)" | tee -a "$W/summary"
fi

# --- 300-resource deploy taking effect ------------------------------------------------------------------------
if [ "${SKIP_DEPLOY:-0}" != 1 ] && { [ -z "$ONLY" ] || [ "$ONLY" = deploy ]; }; then
  echo "== deploy of a 300-resource API taking effect (DeployLatencyBench)"
  engine_java
  mkdir -p "$W/bench-classes"
  "$(dirname "$JAVA_BIN")/javac" -nowarn -d "$W/bench-classes" -cp "$CP" \
    "$ROOT/tests/src/test/java/dev/gatehouse/tests/dataplane/DeployLatencyBench.java" \
    "$ROOT/tests/src/test/java/dev/gatehouse/tests/dataplane/Definitions.java"
  "$JAVA_BIN" --enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow ${GATEHOUSE_OPTS:-} \
    -cp "$W/bench-classes:$CP" dev.gatehouse.tests.dataplane.DeployLatencyBench 20 | tail -1 | tee -a "$W/summary"
fi

echo "== summary ($(date -u '+%F %T UTC'), load average at start $LOAD0, now $(cut -d' ' -f1 /proc/loadavg))"
[ -f "$W/summary" ] && cat "$W/summary"
if [ -s "$W/failures" ]; then
  echo "FAILED: the gateway answered non-2xx or dropped connections during measured legs:" >&2
  sed 's/^/  /' "$W/failures" >&2
  exit 1
fi
echo "ok: every measured gateway request answered 2xx"
