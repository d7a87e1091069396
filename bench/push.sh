#!/usr/bin/env bash
# Push benchmark: `gatehouse push` of a 300-resource API to a local headless engine, end to end (the CLI process
# start, the preview against the remote, put-rest-api overwrite, create-deployment, the remote's deploy).
#
#   1. prints the machine's state first: load average and cores busy over one second (checked figures need a quiet
#      machine: load average < 1)
#   2. builds engine/target/gatehouse if missing (BUILD=1 forces `mvn -q -o -pl engine -am package -DskipTests`)
#   3. generates an OpenAPI 3.0 document with RESOURCES resources (default 300: /r000 … and /r000/{id} …, each with
#      a MOCK GET answering 200), imports it into a temp workspace
#   4. starts the target: `gatehouse serve --port DATA --admin-port ADMIN --credentials FILE` on an empty workspace,
#      and adds it as remote `bench` (remotes.json in a temp GATEHOUSE_CONFIG_HOME; nothing of the user's is read)
#   5. times `gatehouse push API --to bench --stage prod` RUNS times (default 5; the first creates the API, the
#      others overwrite it with the same definition); prints every run with the CPU seconds the push process and
#      the target engine spent on it (a figure a loaded machine does not inflate the way it does wall time), the
#      first, and the median of all runs
#   6. checks the pushed stage answers on the target's data plane (a 200 from GET /prod/r000 via curl)
#
# Usage: bench/push.sh            env: RESOURCES=300 RUNS=5 DATA=18190 ADMIN=18191 GATEHOUSE=launcher
#                                      GATEHOUSE_OPTS=... (JVM options of every gatehouse process, read by the launcher)
# Needs curl and python3; installs nothing itself. Loopback only; stops what it started.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RESOURCES=${RESOURCES:-300}
RUNS=${RUNS:-5}
DATA=${DATA:-18190}
ADMIN=${ADMIN:-18191}
G=${GATEHOUSE:-$ROOT/engine/target/gatehouse}
for t in curl python3 /usr/bin/time; do command -v $t >/dev/null || { echo "missing: $t" >&2; exit 2; }; done

busy_cores() { # cores busy over one second, from /proc/stat
  local a b
  a=$(awk '/^cpu / { print $2+$3+$4+$7+$8+$9, $5+$6 }' /proc/stat); sleep 1
  b=$(awk '/^cpu / { print $2+$3+$4+$7+$8+$9, $5+$6 }' /proc/stat)
  awk -v a="$a" -v b="$b" -v n="$(nproc)" 'BEGIN { split(a, x, " "); split(b, y, " ");
    busy = y[1] - x[1]; idle = y[2] - x[2]; printf "%.1f", (busy + idle > 0 ? busy / (busy + idle) * n : 0) }'
}
LOAD0=$(cut -d' ' -f1 /proc/loadavg)
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(busy_cores) cores busy over 1 s before the run; $(date -u '+%F %T UTC')"
awk -v l="$LOAD0" 'BEGIN { exit !(l >= 1) }' && echo "WARNING: load average >= 1: figures from this run are not the checked ones"

if [ "${BUILD:-0}" = 1 ] || [ ! -x "$G" ]; then (cd "$ROOT" && mvn -q -o -pl engine -am package -DskipTests); fi

W=$(mktemp -d /tmp/gatehouse-push-bench.XXXXXX)
SERVER=""
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$W"
}
trap cleanup EXIT

# --- the API: RESOURCES resources, half top-level, half {id} children, each GET a MOCK ---------------------------
python3 - "$RESOURCES" > "$W/api.json" <<'EOF'
import json, sys
n = int(sys.argv[1])
get = {"responses": {"200": {"description": "ok"}},
       "x-amazon-apigateway-integration": {"type": "mock", "requestTemplates": {"application/json": "{\"statusCode\": 200}"},
           "responses": {"default": {"statusCode": "200", "responseTemplates": {"application/json": "{\"ok\": true}"}}}}}
paths = {}
tops = (n + 1) // 2
for i in range(tops):
    paths["/r%03d" % i] = {"get": get}
    if len(paths) < n:
        paths["/r%03d/{id}" % i] = {"get": dict(get, parameters=[{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}])}
print(json.dumps({"openapi": "3.0.1", "info": {"title": "push-bench", "version": "1"}, "paths": paths}))
EOF
"$G" import -w "$W/local" "$W/api.json" >/dev/null
echo "API: $RESOURCES resources (plus the root), each with GET → MOCK; imported into $W/local"

# --- the target engine ------------------------------------------------------------------------------------------
mkdir -p "$W/remote" "$W/config"
printf '{\n  "formatVersion" : 1,\n  "name" : "push target"\n}\n' > "$W/remote/workspace.json"
printf '[bench]\naws_access_key_id = AKIDPUSHBENCH\naws_secret_access_key = push-bench-secret\n' > "$W/credentials"
chmod 600 "$W/credentials"
"$G" serve -w "$W/remote" --port "$DATA" --admin-port "$ADMIN" --credentials "$W/credentials" \
  > "$W/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 600); do
  grep -q "Control plane" "$W/serve.log" 2>/dev/null && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$W/serve.log" >&2; exit 1; }
  sleep 0.1
done
grep -q "Control plane" "$W/serve.log" || { echo "the target engine did not start in 60 s" >&2; cat "$W/serve.log" >&2; exit 1; }
export GATEHOUSE_CONFIG_HOME="$W/config"
"$G" remote add bench --url "http://127.0.0.1:$ADMIN" --access-key AKIDPUSHBENCH --secret-key push-bench-secret >/dev/null

# --- timed pushes -----------------------------------------------------------------------------------------------
server_cpu() { # CPU seconds (user + system) of the target engine so far, from /proc (the launcher execs java)
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$SERVER/stat"
}
times=()
for i in $(seq 1 "$RUNS"); do
  c0=$(server_cpu)
  t0=$(date +%s.%N)
  if ! /usr/bin/time -f '%U %S' -o "$W/cpu-$i" "$G" push push-bench --to bench --stage prod -w "$W/local" > "$W/push-$i.log" 2>&1; then
    echo "FAILURE: push $i failed:" >&2; cat "$W/push-$i.log" >&2; exit 1
  fi
  t1=$(date +%s.%N)
  c1=$(server_cpu)
  s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$W/cpu-$i")
  engine=$(awk -v a="$c0" -v b="$c1" 'BEGIN { printf "%.2f", b - a }')
  times+=("$s")
  echo "push $i: ${s} s wall; CPU: push process ${cpu} s, target engine ${engine} s   ($(grep -m1 -E '^(created|updated)' "$W/push-$i.log"))"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }')

# --- the pushed stage answers -----------------------------------------------------------------------------------
code=$(curl -s -o "$W/answer" -w '%{http_code}' "http://127.0.0.1:$DATA/prod/r000")
if [ "$code" != 200 ]; then echo "FAILURE: GET /prod/r000 on the target answered $code: $(cat "$W/answer")" >&2; exit 1; fi
echo "target GET /prod/r000 → 200 $(cat "$W/answer")"
echo "push of $RESOURCES resources, end to end: first ${times[0]} s, median of $RUNS ${median} s (load average before: $LOAD0)"
