#!/usr/bin/env bash
# Profiles `gatehouse serve` under wrk load with JFR and prints what one request costs and where it goes:
#   - JVM CPU per request and its kernel share (load-dependent: quote it with the load average printed beside it)
#   - bytes allocated per request (JFR jdk.ThreadAllocationStatistics over the measured window only: exact, and
#     nearly independent of the machine's load, so it is the figure to compare between builds on a shared box)
#   - top self frames, samples per thread kind, top allocation sites (jdk.ObjectAllocationSample weights)
# The recording covers only the measured window (started and stopped with jcmd after the warm-up).
# Backend: peers.sh's nginx on 127.0.0.1:18081 (started here). API: bench/dataplane-api.json.
#
# Usage: bench/dataplane-profile.sh [proxy|mock|orders] [seconds=15] [connections=50]
#   env: PORT=18090, GATEHOUSE=launcher, GATEHOUSE_OPTS, KEEP=dir (keep the recording), JFR=0 (no recording:
#        CPU per request only), WARMUP=10 (s), NO_BACKEND=1 (a backend already answers on :18081),
#        JFR_OPTIONS='jdk.CPUTimeSample#enabled=true jdk.CPUTimeSample#throttle=2ms' SAMPLE_EVENT=jdk.CPUTimeSample
#        (JDK 25's CPU-time sampler: samples native and kernel time too, far more samples than jdk.ExecutionSample)
# Besides the whole JVM's CPU per request it prints the CPU per request by thread kind (/proc/PID/task), with the
# JIT compiler and GC threads apart: on a loaded machine the starved JIT dominates the whole-process figure.
set -euo pipefail
ROUTE=${1:-proxy}; D=${2:-15}; C=${3:-50}; PORT=${PORT:-18090}
ROOT=$(cd "$(dirname "$0")/.." && pwd); G=${GATEHOUSE:-$ROOT/engine/target/gatehouse}
for t in nginx wrk; do command -v $t >/dev/null || { echo "missing $t (apt-get install -y nginx wrk)"; exit 2; }; done
JDK_BIN=""
for j in "${GATEHOUSE_JAVA:+$(dirname "${GATEHOUSE_JAVA:-x}")}" /usr/lib/jvm/temurin-25*/bin "${JAVA_HOME:-/nonexistent}/bin"; do
  [ -n "$j" ] && [ -x "$j/jcmd" ] && [ -x "$j/jfr" ] && { JDK_BIN=$j; break; }
done
[ -n "$JDK_BIN" ] || [ "${JFR:-1}" = 0 ] || { echo "no JDK with jcmd and jfr found (set GATEHOUSE_JAVA)"; exit 2; }
W=${KEEP:-$(mktemp -d)}; mkdir -p "$W"
SERVE_PID=""
cleanup() { set +e; [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null; [ -f "$W/backend.pid" ] && kill "$(cat "$W/backend.pid")" 2>/dev/null; [ -z "${KEEP:-}" ] && rm -rf "$W"; true; }
trap cleanup EXIT
cat > "$W/backend.conf" <<CONF
worker_processes 1; pid $W/backend.pid; error_log $W/be.err; daemon on;
events { worker_connections 4096; }
http { access_log off;
  server { listen 127.0.0.1:18081 backlog=4096; keepalive_requests 1000000;
    location / { default_type application/json; return 200 '{"message":"hello","id":42}'; } } }
CONF
[ "${NO_BACKEND:-0}" = 1 ] || nginx -c "$W/backend.conf"   # NO_BACKEND=1: the caller's nginx already serves :18081
rm -rf "$W/ws"; "$G" import -w "$W/ws" "$ROOT/bench/dataplane-api.json" >/dev/null; "$G" deploy bench -s prod -w "$W/ws" >/dev/null
LUA=()
case $ROUTE in
  proxy) URL=http://127.0.0.1:$PORT/prod/proxy/prod/hello ;;
  mock) URL=http://127.0.0.1:$PORT/prod/hello ;;
  orders) URL=http://127.0.0.1:$PORT/prod/orders; LUA=(-s "$ROOT/bench/post-order.lua") ;;
  *) echo "route: proxy, mock or orders"; exit 2 ;;
esac
ARGS=()
"$G" serve --help 2>/dev/null | grep -q -- --throttle-rate && ARGS=(--throttle-rate 1000000 --throttle-burst 1000000)
# JFR is disabled while the launcher writes its class-data-sharing archive, so no archive for profiled runs
GATEHOUSE_CDS=0 "$G" serve -w "$W/ws" --port "$PORT" "${ARGS[@]}" >"$W/serve.out" 2>"$W/serve.err" &
SERVE_PID=$!
until curl -s -o /dev/null "http://127.0.0.1:$PORT/prod/hello" 2>/dev/null; do
  kill -0 $SERVE_PID 2>/dev/null || { cat "$W/serve.err"; exit 1; }; sleep 0.05
done
wrk -t1 -c"$C" -d"${WARMUP:-10}s" "${LUA[@]}" "$URL" >/dev/null            # warm-up
cpu_ms() { awk -v t="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / t }' /proc/$SERVE_PID/stat; }
sys_ms() { awk -v t="$(getconf CLK_TCK)" '{ printf "%d", $15 * 1000 / t }' /proc/$SERVE_PID/stat; }
LOAD=$(cut -d' ' -f1 /proc/loadavg)
# CPU ms per thread kind (thread names with digits folded): JIT compiler and GC threads are reported apart,
# since on a loaded machine the starved JIT dominates the whole-process figure; the request's own cost is
# the event loops' plus the virtual-thread carriers' share
threads_ms() { for t in /proc/$SERVE_PID/task/*; do
    awk -v t="$(getconf CLK_TCK)" '{ match($0, /\(.*\)/); n = substr($0, RSTART + 1, RLENGTH - 2); rest = substr($0, RSTART + RLENGTH + 1);
      split(rest, f, " "); gsub(/[0-9]+/, "N", n); gsub(/ /, "_", n); printf "%s %d\n", n, (f[12] + f[13]) * 1000 / t }' "$t/stat" 2>/dev/null
  done | awk '{ a[$1] += $2 } END { for (k in a) print k, a[k] }' | sort; }
threads_ms > "$W/threads0"
[ "${JFR:-1}" = 0 ] || "$JDK_BIN/jcmd" $SERVE_PID JFR.start name=bench settings=profile ${JFR_OPTIONS:-} >/dev/null
c0=$(cpu_ms); s0=$(sys_ms)
OUT=$(wrk -t1 -c"$C" -d"${D}s" --latency "${LUA[@]}" "$URL"); c1=$(cpu_ms); s1=$(sys_ms)
[ "${JFR:-1}" = 0 ] || "$JDK_BIN/jcmd" $SERVE_PID JFR.stop name=bench filename="$W/serve.jfr" >/dev/null
N=$(awk '/requests in/ { print $1 }' <<<"$OUT")
threads_ms > "$W/threads1"
echo "route $ROUTE ($URL), ${D}s, $C connections, load average $LOAD at start, $(cut -d' ' -f1 /proc/loadavg) at end"
grep -E "Requests/sec|50%|99%|Non-2xx|Socket" <<<"$OUT"
echo "gateway JVM CPU $(( (c1 - c0) * 1000 / N )) us per request ($N requests), kernel share $(( (s1 - s0) * 100 / (c1 - c0 + 1) ))%"
join "$W/threads0" "$W/threads1" | awk -v n="$N" '{ d = $3 - $2; if (d <= 0) next;
    k = ($1 ~ /Compiler/ ? "jit" : $1 ~ /GC|VM_Thread/ ? "gc+vm" : "request"); s[k] += d; if (k == "request") r = r sprintf(" %s=%d", $1, d * 1000 / n) }
  END { printf "per request by thread: request path %d us (%s ), JIT %d us, GC+VM %d us\n", s["request"] * 1000 / n, r, s["jit"] * 1000 / n, s["gc+vm"] * 1000 / n }'
kill $SERVE_PID; wait $SERVE_PID 2>/dev/null || true; SERVE_PID=""
[ "${JFR:-1}" = 0 ] && exit 0
JFR_TOOL=$JDK_BIN/jfr
"$JFR_TOOL" print --events jdk.ThreadAllocationStatistics "$W/serve.jfr" \
  | awk '/allocated = / { a = $3; gsub(/[^0-9.]/, "", a); u = $4 } /thread = / { t = $0; sub(/.*thread = "/, "", t); sub(/".*/, "", t);
           m = (u ~ /^kB/ ? 1024 : u ~ /^MB/ ? 1048576 : u ~ /^GB/ ? 1073741824 : 1); v = a * m;
           if (!(t in lo) || v < lo[t]) lo[t] = v; if (v > hi[t]) hi[t] = v }
         END { for (t in hi) s += hi[t] - lo[t]; printf "allocated %.0f bytes per request (%.0f MB over the window)\n", s / n, s / 1048576 }' n="$N"
SAMPLES=${SAMPLE_EVENT:-jdk.ExecutionSample}
"$JFR_TOOL" print --stack-depth 64 --events $SAMPLES "$W/serve.jfr" > "$W/samples.txt"
echo "== top frames (self), of $(grep -c "$SAMPLES" "$W/samples.txt") $SAMPLES samples"
awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print }' "$W/samples.txt" | sort | uniq -c | sort -rn | head -20
echo "== samples by thread kind"
awk '/sampledThread = / { t=$0; sub(/.*sampledThread = "/, "", t); sub(/".*/, "", t); gsub(/[0-9]+/, "N", t); print t }' "$W/samples.txt" | sort | uniq -c | sort -rn | head
echo "== gatehouse methods anywhere in the stack (inclusive samples)"
awk '/stackTrace = \[/ { inst=1; delete seen; next } inst && /^[ \t]*\]/ { inst=0; next }
     inst && /dev\.gatehouse/ { s=$0; sub(/^[ \t]+/, "", s); sub(/\(.*/, "", s); if (!(s in seen)) { seen[s]=1; cnt[s]++ } }
     END { for (c in cnt) print cnt[c], c }' "$W/samples.txt" | sort -rn | head -25
echo "== allocation by the innermost gatehouse frame (jdk.ObjectAllocationSample weight, % of the window's total)"
"$JFR_TOOL" print --stack-depth 64 --events jdk.ObjectAllocationSample "$W/serve.jfr" \
  | awk '/jdk.ObjectAllocationSample/ { w = 0; site = ""; inst = 0 }
         /weight = / { v = $3; gsub(/[^0-9.]/, "", v); u = $4; w = v * (u ~ /^kB/ ? 1024 : u ~ /^MB/ ? 1048576 : 1) }
         /stackTrace = \[/ { inst = 1; next }
         inst && /dev\.gatehouse/ && site == "" { site = $0; sub(/^[ \t]+/, "", site); sub(/\(.*/, "", site) }
         inst && /^[ \t]*\]/ { inst = 0; if (site == "") site = "(no gatehouse frame: Vert.x/Netty/JDK)"; tot += w; by[site] += w }
         END { for (s in by) printf "%5.1f%% %s\n", by[s] * 100 / tot, s }' | sort -rn | head -25
