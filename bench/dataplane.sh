#!/usr/bin/env bash
# Data-plane benchmark of `gatehouse serve` beside nginx and haproxy (../shared/bench/peers.sh), figures as
# ratios to nginx measured in the same run (the machines are shared and noisy: absolute numbers drift).
#
#   1. builds engine/target/gatehouse if missing (BUILD=1 forces `mvn -q -o -pl engine package -DskipTests`)
#   2. imports a small API into a temp workspace and deploys it to `prod`:
#        ANY /proxy/{proxy+}  HTTP_PROXY -> http://127.0.0.1:18081/{proxy}   (peers.sh's backend)
#        GET /hello           MOCK answering the backend's body {"message":"hello","id":42}
#        POST /orders         HTTP (non-proxy) -> http://127.0.0.1:18081/prod/hello with a JSON->JSON request
#                             template ($input.path/json, $input.params(), $context.*) and body validation
#                             against a 10-property model (request validator "body")
#   3. starts `gatehouse serve` (GATEHOUSE_OPTS passed through), times start -> first 200, reads idle RSS
#   4. warms up, then runs peers.sh with GATEWAY_URL on the proxy route and again on the MOCK route
#   5. prints rps / p50 / p99 as ratios to nginx
#   6. POST leg (peers.sh runs GET only): starts peers.sh's backend itself, then runs wrk with a ~1 KB JSON body
#      (bench/post-order.lua) on the HTTP_PROXY route and on POST /orders, alternating, ROUNDS pairs back to
#      back, and prints the template+validation route's rps as a ratio to HTTP_PROXY's (target >= 0.8x)
#   7. runs the 300-resource deploy harness (DeployLatencyBench)
#
# Usage: bench/dataplane.sh [seconds=10] [connections=50]
#   env: PORT=18090 PEERS=... SKIP_DEPLOY=1 ROUNDS=2 (POST pairs) POST_WARMUP=10 (s per POST route)
#        GATEHOUSE=launcher (default engine/target/gatehouse)
#        ONLY=post runs the POST leg alone (no peers.sh, no deploy harness), ONLY=peers skips it;
#        POST_ROUTES="proxy orders" picks its routes (e.g. POST_ROUTES=orders with a JFR recording in GATEHOUSE_OPTS)
# Needs nginx, haproxy, wrk, curl (apt-get install -y nginx haproxy wrk curl); installs nothing itself.
set -euo pipefail
D=${1:-10}; C=${2:-50}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEERS=${PEERS:-/work/shared/bench/peers.sh}
PORT=${PORT:-18090}
G=${GATEHOUSE:-$ROOT/engine/target/gatehouse}   # GATEHOUSE=/path/to/gatehouse runs a copy (builds wipe target/)
missing=""
for t in nginx haproxy wrk curl; do command -v $t >/dev/null || missing="$missing $t"; done
if [ -n "$missing" ]; then echo "missing:$missing — run: apt-get install -y nginx haproxy wrk curl" >&2; exit 2; fi
[ -x "$PEERS" ] || [ -f "$PEERS" ] || { echo "peers.sh not found at $PEERS (set PEERS=...)" >&2; exit 2; }
if [ "${BUILD:-0}" = 1 ] || [ ! -x "$G" ]; then (cd "$ROOT" && mvn -q -o -pl engine package -DskipTests); fi

W=$(mktemp -d)
SERVE_PID=""
cleanup() {
  [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null && wait "$SERVE_PID" 2>/dev/null
  [ -f "$W/backend.pid" ] && kill "$(cat "$W/backend.pid")" 2>/dev/null
  rm -rf "$W"
}
trap cleanup EXIT

cat > "$W/api.json" <<'JSON'
{
 "openapi": "3.0.1",
 "info": {
  "title": "bench",
  "version": "1"
 },
 "x-amazon-apigateway-request-validators": {
  "body": {
   "validateRequestBody": true,
   "validateRequestParameters": false
  }
 },
 "components": {
  "schemas": {
   "Order": {
    "type": "object",
    "required": [
     "orderId",
     "customer",
     "items",
     "total",
     "currency"
    ],
    "properties": {
     "orderId": {
      "type": "string",
      "pattern": "^ord-[0-9]+$"
     },
     "customer": {
      "type": "object",
      "required": [
       "id",
       "name"
      ],
      "properties": {
       "id": {
        "type": "integer"
       },
       "name": {
        "type": "string",
        "maxLength": 100
       },
       "email": {
        "type": "string"
       }
      }
     },
     "items": {
      "type": "array",
      "minItems": 1,
      "maxItems": 50,
      "items": {
       "type": "object",
       "required": [
        "sku",
        "qty"
       ],
       "properties": {
        "sku": {
         "type": "string"
        },
        "name": {
         "type": "string"
        },
        "qty": {
         "type": "integer",
         "minimum": 1
        },
        "price": {
         "type": "number",
         "minimum": 0
        }
       }
      }
     },
     "total": {
      "type": "number",
      "minimum": 0
     },
     "currency": {
      "type": "string",
      "enum": [
       "EUR",
       "USD",
       "GBP"
      ]
     },
     "shipping": {
      "type": "object",
      "properties": {
       "street": {
        "type": "string"
       },
       "city": {
        "type": "string"
       },
       "zip": {
        "type": "string"
       },
       "country": {
        "type": "string",
        "minLength": 2,
        "maxLength": 2
       }
      }
     },
     "priority": {
      "type": "boolean"
     },
     "notes": {
      "type": "string",
      "maxLength": 500
     },
     "createdAt": {
      "type": "string"
     },
     "tags": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    }
   }
  }
 },
 "paths": {
  "/hello": {
   "get": {
    "responses": {
     "200": {
      "description": "ok"
     }
    },
    "x-amazon-apigateway-integration": {
     "type": "mock",
     "requestTemplates": {
      "application/json": "{\"statusCode\": 200}"
     },
     "responses": {
      "default": {
       "statusCode": "200",
       "responseTemplates": {
        "application/json": "{\"message\":\"hello\",\"id\":42}"
       }
      }
     }
    }
   }
  },
  "/proxy/{proxy+}": {
   "x-amazon-apigateway-any-method": {
    "parameters": [
     {
      "name": "proxy",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {},
    "x-amazon-apigateway-integration": {
     "type": "http_proxy",
     "httpMethod": "ANY",
     "uri": "http://127.0.0.1:18081/{proxy}",
     "requestParameters": {
      "integration.request.path.proxy": "method.request.path.proxy"
     }
    }
   }
  },
  "/orders": {
   "post": {
    "x-amazon-apigateway-request-validator": "body",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/Order"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "ok"
     }
    },
    "x-amazon-apigateway-integration": {
     "type": "http",
     "httpMethod": "POST",
     "uri": "http://127.0.0.1:18081/prod/hello",
     "passthroughBehavior": "when_no_templates",
     "requestTemplates": {
      "application/json": "#set($allParams = $input.params())\n{\n  \"orderId\" : \"$input.path('$.orderId')\",\n  \"customer\" : {\"id\" : $input.path('$.customer.id'), \"name\" : \"$util.escapeJavaScript($input.path('$.customer.name'))\"},\n  \"items\" : $input.json('$.items'),\n  \"total\" : $input.path('$.total'),\n  \"currency\" : \"$input.path('$.currency')\",\n  \"shipTo\" : $input.json('$.shipping'),\n  \"params\" : {\n  #foreach($type in $allParams.keySet())\n    #set($params = $allParams.get($type))\n    \"$type\" : {\n    #foreach($paramName in $params.keySet())\n      \"$paramName\" : \"$util.escapeJavaScript($params.get($paramName))\"#if($foreach.hasNext),#end\n    #end\n    }#if($foreach.hasNext),#end\n  #end\n  },\n  \"context\" : {\n    \"requestId\" : \"$context.requestId\",\n    \"stage\" : \"$context.stage\",\n    \"httpMethod\" : \"$context.httpMethod\",\n    \"resourcePath\" : \"$context.resourcePath\",\n    \"sourceIp\" : \"$context.identity.sourceIp\"\n  }\n}"
     },
     "responses": {
      "default": {
       "statusCode": "200"
      }
     }
    }
   }
  }
 }
}
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

if [ "${ONLY:-}" != post ]; then
# --- throughput and latency beside nginx and haproxy ----------------------------------------------------------
  echo "warm-up (peers.sh 5 $C on both routes, not counted)"
  GATEWAY_URL=$PROXY bash "$PEERS" 5 "$C" >/dev/null
  wrk -t1 -c"$C" -d5s "$MOCK" >/dev/null

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
fi

# --- POST leg: HTTP_PROXY vs. template + validation, same ~1 KB JSON body --------------------------------------
if [ "${ONLY:-}" != peers ]; then
  ORDERS=http://127.0.0.1:$PORT/prod/orders
  LUA=$ROOT/bench/post-order.lua
  cat > "$W/backend.conf" <<CONF
worker_processes 1; pid $W/backend.pid; error_log $W/be.err; daemon on;
events { worker_connections 4096; }
http { access_log off;
  server { listen 127.0.0.1:18081 backlog=4096; keepalive_requests 1000000;
    location / { default_type application/json; return 200 '{"message":"hello","id":42}'; } } }
CONF
  nginx -c "$W/backend.conf" || { echo "could not start the backend on 127.0.0.1:18081 (in use?)" >&2; exit 1; }
  sleep 0.3
  code=$(curl -s -o "$W/orders.out" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    --data-binary "$(sed -n 's/^.*\[\[\(.*\)\]\].*$/\1/p' "$LUA" | tr -d '\n')" "$ORDERS")
  [ "$code" = 200 ] || { echo "POST /orders answered $code: $(cat "$W/orders.out")"; cat "$W/serve.err" | tail -5; exit 1; }
  post_url() { case $1 in proxy) echo "$PROXY" ;; orders) echo "$ORDERS" ;; esac; }
  ROUTES=${POST_ROUTES:-proxy orders}
  echo "warm-up (wrk -s post-order.lua ${POST_WARMUP:-10} s per route, not counted)"
  for r in $ROUTES; do wrk -t1 -c"$C" -d"${POST_WARMUP:-10}s" -s "$LUA" "$(post_url $r)" >/dev/null; done
  wrk_post() { # route -> "rps p50us p99us non2xx cpu_us_per_req"
    local out c0 c1 rps
    c0=$(cpu_ms); out=$(wrk -t1 -c"$C" -d"${D}s" --latency -s "$LUA" "$(post_url $1)" 2>&1); c1=$(cpu_ms)
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    awk -v rps="$rps" -v p50="$(to_us "$(awk '$1=="50%" {print $2}' <<<"$out")")" \
        -v p99="$(to_us "$(awk '$1=="99%" {print $2}' <<<"$out")")" \
        -v bad="$(awk '/Non-2xx/ {print $4} /Socket errors/ {print "socket:" $0}' <<<"$out" | tr ' ' '_' | tr '\n' ' ')" \
        -v ms=$((c1 - c0)) -v d="$D" \
        'BEGIN { printf "%s %s %s %s %.0f\n", rps, p50, p99, (bad == "" ? "0" : bad), ms * 1000 / (rps * d) }'
  }
  echo "== POST ~1 KB JSON (bench/post-order.lua), ${D}s, $C connections, ${ROUNDS:-2} rounds"
  declare -A SUM
  for ((i = 1; i <= ${ROUNDS:-2}; i++)); do
    for r in $ROUTES; do
      read -r rps p50 p99 bad cpu <<<"$(wrk_post $r)"
      SUM[$r]=$(awk -v a="${SUM[$r]:-0}" -v b="$rps" 'BEGIN { print a + b }')
      printf "round %d %-7s rps=%-9s p50=%6s us p99=%7s us non-2xx=%s gateway JVM CPU %s us/request (load %s)\n" \
        "$i" "$r" "$rps" "$p50" "$p99" "$bad" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
    done
  done
  if [ -n "${SUM[proxy]:-}" ] && [ -n "${SUM[orders]:-}" ]; then
    awk -v o="${SUM[orders]}" -v p="${SUM[proxy]}" 'BEGIN { printf "POST /orders (template + validation) rps %.2fx HTTP_PROXY (summed over rounds; target >= 0.8x)\n", o / p }'
  fi
fi
kill $SERVE_PID; wait $SERVE_PID 2>/dev/null || true; SERVE_PID=""

# --- 300-resource deploy taking effect ------------------------------------------------------------------------
if [ "${SKIP_DEPLOY:-0}" != 1 ] && [ "${ONLY:-}" != post ]; then
  echo "== deploy of a 300-resource API taking effect (DeployLatencyBench)"
  (cd "$ROOT" && mvn -q -o -pl tests test-compile)
  JAVA=$(sed -n 's/^exec "\$java_bin".*//p' "$G" >/dev/null; for j in "${GATEHOUSE_JAVA:-}" /usr/lib/jvm/temurin-25*/bin/java "${JAVA_HOME:-/nonexistent}/bin/java"; do [ -x "$j" ] && { echo "$j"; break; }; done)
  "$JAVA" --enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow ${GATEHOUSE_OPTS:-} \
    -cp "$ROOT/tests/target/test-classes:$(ls "$ROOT"/engine/target/gatehouse-engine-*.jar | head -1):$ROOT/engine/target/lib/*" \
    dev.gatehouse.tests.dataplane.DeployLatencyBench 20 | tail -1
fi
