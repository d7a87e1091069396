# Shared pieces of the wrk benchmarks beside nginx (bench/dataplane.sh, bench/access.sh): sourced, not run.
# Expects from the caller: C (connections), D (seconds per leg), ROUNDS, W (a scratch folder), SERVE_PID (the
# gateway's JVM, for its CPU time), NGINX_MIN_RPS; writes "$W/summary" and "$W/failures".

busy_cores() { # cores busy over one second, from /proc/stat
  local a b
  a=$(awk '/^cpu / { print $2+$3+$4+$7+$8+$9, $5+$6 }' /proc/stat); sleep 1
  b=$(awk '/^cpu / { print $2+$3+$4+$7+$8+$9, $5+$6 }' /proc/stat)
  awk -v a="$a" -v b="$b" -v n="$(nproc)" 'BEGIN { split(a, x, " "); split(b, y, " ");
    busy = y[1] - x[1]; idle = y[2] - x[2]; printf "%.1f", (busy + idle > 0 ? busy / (busy + idle) * n : 0) }'
}
# the references of ../shared/bench/peers.sh: backend nginx on :18081 (1 worker, a small JSON body for every
# path), nginx reverse proxy on :18082 (1 worker, upstream keep-alive); their pid files are in $W
start_nginx_references() {
cat > "$W/backend.conf" <<CONF
worker_processes 1; pid $W/backend.pid; error_log $W/be.err; daemon on;
events { worker_connections 4096; }
http { access_log off;
  server { listen 127.0.0.1:18081 backlog=4096; keepalive_requests 1000000;
    location / { default_type application/json; return 200 '{"message":"hello","id":42}'; } } }
CONF
cat > "$W/proxy.conf" <<CONF
worker_processes 1; pid $W/proxy.pid; error_log $W/px.err; daemon on;
events { worker_connections 4096; }
http { access_log off;
  upstream be { server 127.0.0.1:18081; keepalive 64; }
  server { listen 127.0.0.1:18082 backlog=4096; keepalive_requests 1000000;
    location / { proxy_pass http://be; proxy_http_version 1.1; proxy_set_header Connection ""; } } }
CONF
nginx -c "$W/backend.conf" || { echo "could not start the backend on 127.0.0.1:18081 (in use? another bench running?)" >&2; exit 1; }
nginx -c "$W/proxy.conf" || { echo "could not start nginx on 127.0.0.1:18082 (in use?)" >&2; exit 1; }
}

cpu_ticks() { awk '{ print $14 + $15, $15 }' /proc/$SERVE_PID/stat; }

to_us() { # 1.23ms -> 1230
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) m = 1; else if (v ~ /ms$/) m = 1000; else if (v ~ /s$/) m = 1000000; else m = 1; printf "%.0f", n * m }'
}
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# leg NAME URL [lua] -> one line "rps p50us p99us bad cpu_us kernel_pct"; bad = non-2xx + socket errors;
# cpu figures only for the gateway (the JVM's utime+stime over the leg)
leg() {
  local name=$1 url=$2 lua=${3:-} out c0 c1 rps bad
  c0=$(cpu_ticks)
  if [ -n "$lua" ]; then out=$(wrk -t1 -c"$C" -d"${D}s" --latency -s "$lua" "$url" 2>&1)
  else out=$(wrk -t1 -c"$C" -d"${D}s" --latency "$url" 2>&1); fi
  c1=$(cpu_ticks)
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  bad=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) n += $i } END { print n + 0 }' <<<"$out")
  awk -v rps="${rps:-0}" -v p50="$(to_us "$(awk '$1=="50%" { print $2 }' <<<"$out")")" \
      -v p99="$(to_us "$(awk '$1=="99%" { print $2 }' <<<"$out")")" -v bad="$bad" \
      -v c0="$c0" -v c1="$c1" -v t="$(getconf CLK_TCK)" -v d="$D" -v gw="$([[ $name == gateway* ]] && echo 1 || echo 0)" \
      'BEGIN { split(c0, a, " "); split(c1, b, " "); ms = (b[1] - a[1]) * 1000 / t; sys = (b[2] - a[2]) * 1000 / t;
               cpu = (gw && rps > 0) ? ms * 1000 / (rps * d) : 0; k = (gw && ms > 0) ? sys * 100 / ms : 0;
               printf "%s %s %s %d %.0f %.0f\n", rps, p50, p99, bad, cpu, k }'
  if [[ $name == gateway* ]] && [ "$bad" != 0 ]; then
    echo "$name: $bad non-2xx responses or socket errors in ${D}s on $url" >> "$W/failures"   # leg runs in a subshell
    echo "FAILURE: $name answered $bad non-2xx responses / socket errors on $url:" >&2
    grep -E 'Non-2xx|Socket errors' <<<"$out" >&2 || true
  fi
}

# rounds ROUTE_LABEL GATEWAY_URL REFERENCE_URL [lua] : alternating legs, prints each and the medians
rounds() {
  local label=$1 gw=$2 ref=$3 lua=${4:-} i first second r g n
  local -a R G N
  echo "== $label: $gw vs nginx $ref, ${D}s legs, $C connections, $ROUNDS rounds (load $(cut -d' ' -f1 /proc/loadavg))"
  for ((i = 1; i <= ROUNDS; i++)); do
    if (( i % 2 )); then first=nginx; second=gateway; else first=gateway; second=nginx; fi
    for who in $first $second; do
      if [ $who = nginx ]; then n=$(leg nginx "$ref" "$lua"); N+=("$n")
      else g=$(leg "gateway $label" "$gw" "$lua"); G+=("$g"); fi
    done
    read -r nr n50 n99 nbad _ _ <<<"${N[-1]}"; read -r gr g50 g99 gbad gcpu gk <<<"${G[-1]}"
    printf "round %d  nginx rps=%-9s p50=%6s us p99=%7s us | gateway rps=%-9s p50=%6s us p99=%7s us non-2xx=%s  JVM CPU %s us/req (%s%% kernel)  load %s\n" \
      "$i" "$nr" "$n50" "$n99" "$gr" "$g50" "$g99" "$gbad" "$gcpu" "$gk" "$(cut -d' ' -f1 /proc/loadavg)"
    R+=("$(awk -v a="$gr" -v b="$nr" -v a50="$g50" -v b50="$n50" -v a99="$g99" -v b99="$n99" \
      'BEGIN { printf "%.3f %.3f %.3f", a / b, a50 / b50, a99 / b99 }')")
  done
  local rr r50 r99 cpu nmed nmin nmax
  rr=$(printf '%s\n' "${R[@]}" | awk '{ print $1 }' | median)
  r50=$(printf '%s\n' "${R[@]}" | awk '{ print $2 }' | median)
  r99=$(printf '%s\n' "${R[@]}" | awk '{ print $3 }' | median)
  cpu=$(printf '%s\n' "${G[@]}" | awk '{ print $5 }' | median)
  nmed=$(printf '%s\n' "${N[@]}" | awk '{ print $1 }' | median)
  nmin=$(printf '%s\n' "${N[@]}" | awk '{ print $1 }' | sort -g | head -1)
  nmax=$(printf '%s\n' "${N[@]}" | awk '{ print $1 }' | sort -g | tail -1)
  printf "%-11s median of %d rounds: rps %.2fx nginx   p50 %.2fx   p99 %.2fx   gateway JVM CPU %s us/request   (nginx median %s rps)\n" \
    "$label" "$ROUNDS" "$rr" "$r50" "$r99" "$cpu" "$nmed" | tee -a "$W/summary"
  awk -v lo="$nmin" -v hi="$nmax" 'BEGIN { exit !(hi > 0 && lo / hi < 0.85) }' \
    && echo "WARNING: nginx varied from $nmin to $nmax rps between rounds: the machine's load changed during the run" | tee -a "$W/summary"
  if [ -z "$lua" ]; then
    awk -v m="$nmed" -v min="$NGINX_MIN_RPS" 'BEGIN { exit !(m < min) }' \
      && echo "WARNING: nginx ran slow ($nmed rps median, below NGINX_MIN_RPS=$NGINX_MIN_RPS): the machine is busy; quote ratios with care" | tee -a "$W/summary"
  fi
  return 0
}

