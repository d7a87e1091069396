#!/usr/bin/env bash
# Smoke test of the packaged product (opt-in; slower than the unit suite and not part of `mvn verify`):
#   installer/smoke.sh              builds the .deb with installer/package.sh, then checks it
#   SMOKE_BUILD=0 installer/smoke.sh   checks the .deb already in installer/target
#   SMOKE_STARTS=5 (console starts to time; median reported), SMOKE_MAX_DEB_MB=80, SMOKE_MAX_START_MS=2500
# Checks: .deb size; `dpkg -x` into a scratch root and the CLI there; `dpkg -i` (as root, when gatehouse is not
# already installed): /usr/bin/gatehouse --version, `gatehouse serve` on a copy of the sample workspace on a free
# loopback port (GET /prod/ answers 200), the installed console under Xvfb (first start copies the sample to the
# home, the main window shows; screenshot installer/target/smoke/console.png; time to main window, median of
# SMOKE_STARTS), then `dpkg -r gatehouse` leaves nothing under /opt/gatehouse and no /usr/bin/gatehouse.
# Needs: dpkg, curl, python3 (a free port), Xvfb, xdotool, ImageMagick `import`, and the package's Depends
#   (apt-get install -y --no-install-recommends xvfb xauth xdotool imagemagick libgtk-3-0 xdg-utils curl).
# Runs everything on loopback with its own HOME (-Duser.home) under installer/target/smoke; kills only its own PIDs.
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$PWD
out=$root_dir/installer/target/smoke
max_mb=${SMOKE_MAX_DEB_MB:-80}
max_ms=${SMOKE_MAX_START_MS:-2500}
starts=${SMOKE_STARTS:-5}
pids=()
fail=0
note() { printf 'smoke: %s\n' "$*"; }
bad() { printf 'smoke: FAIL %s\n' "$*" >&2; fail=1; }
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
ms() { date +%s%3N; }

if [ "${SMOKE_BUILD:-1}" != 0 ]; then installer/package.sh deb; fi
deb=$(ls installer/target/gatehouse_*_amd64.deb | head -1)
rm -rf "$out" && mkdir -p "$out"

# 1. size
bytes=$(stat -c %s "$deb")
note "$(basename "$deb"): $bytes bytes ($((bytes / 1000000)) MB), Installed-Size $(dpkg-deb -f "$deb" Installed-Size) KiB"
[ "$bytes" -le $((max_mb * 1000000)) ] || bad ".deb is larger than $max_mb MB"

# 2. dpkg -x into a scratch root
dpkg -x "$deb" "$out/root"
v=$("$out/root/opt/gatehouse/bin/gatehouse" --version) || bad "scratch-root gatehouse --version failed"
note "scratch root: gatehouse --version -> $(echo "$v" | tr '\n' ' ')"
"$out/root/opt/gatehouse/lib/gatehouse-cli" --version >/dev/null || bad "scratch-root wrapper failed"
[ -f "$out/root/opt/gatehouse/lib/sample-workspace/workspace.json" ] || bad "no sample workspace in the image"
ls "$out"/root/usr/share/applications/*.desktop >/dev/null 2>&1 || ls "$out"/root/opt/gatehouse/lib/*.desktop >/dev/null 2>&1 \
  || bad "no desktop entry in the package"

# 3. dpkg -i
installed=0
if [ "$(id -u)" = 0 ]; then
  state=$(dpkg-query -W -f='${db:Status-Status}' gatehouse 2>/dev/null || true)
  if [ -n "$state" ] && [ "$state" != not-installed ] && [ "$state" != config-files ]; then
    note "gatehouse is already installed here: skipping dpkg -i / dpkg -r (remove it first to test them)"
  else
    missing=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/([^)]*)//; s/ //g' | while read -r p; do
      [ -z "$p" ] || dpkg -s "$p" >/dev/null 2>&1 || printf '%s ' "$p"; done)
    [ -z "$missing" ] || { bad "dependencies missing for dpkg -i: $missing(apt-get install -y $missing)"; exit 1; }
    dpkg -i "$deb" >"$out/dpkg-i.log" 2>&1 || { cat "$out/dpkg-i.log" >&2; bad "dpkg -i failed"; dpkg -r gatehouse >/dev/null 2>&1; exit 1; }
    installed=1
  fi
else
  note "not root: skipping dpkg -i (the scratch root stands in)"
fi
if [ "$installed" = 1 ]; then
  prefix=""; cli=/usr/bin/gatehouse
  [ "$(command -v gatehouse)" = /usr/bin/gatehouse ] || bad "gatehouse is not /usr/bin/gatehouse on PATH"
else
  prefix=$out/root; cli=$out/root/opt/gatehouse/lib/gatehouse-cli
fi
v=$("$cli" --version) || bad "$cli --version failed"
note "$cli --version -> $(echo "$v" | tr '\n' ' ')"

# 4. gatehouse serve on a copy of the sample workspace (never the image's copy)
cp -R "$prefix/opt/gatehouse/lib/sample-workspace" "$out/workspace"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$cli" serve -w "$out/workspace" --host 127.0.0.1 --port "$port" >"$out/serve.log" 2>&1 &
serve_pid=$!; pids+=("$serve_pid")
code=000
for _ in $(seq 1 150); do
  code=$(curl -s -o "$out/prod.html" -w '%{http_code}' "http://127.0.0.1:$port/prod/" || true)
  [ "$code" = 200 ] && break
  kill -0 "$serve_pid" 2>/dev/null || break
  sleep 0.2
done
if [ "$code" = 200 ]; then note "serve: GET http://127.0.0.1:$port/prod/ -> 200 ($(stat -c %s "$out/prod.html") bytes)"
else cat "$out/serve.log" >&2; bad "serve: GET /prod/ -> $code"; fi
kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true

# 5. the console under Xvfb
console=$prefix/opt/gatehouse/bin/Gatehouse
display=""
for n in $(seq 91 120); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=:$n; break; }; done
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!; pids+=("$xvfb_pid")
for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
export DISPLAY=$display
home=$out/home && mkdir -p "$home"
times=()
for i in $(seq 1 "$starts"); do
  t0=$(ms)
  HOME=$home JAVA_TOOL_OPTIONS="-Duser.home=$home" "$console" >"$out/console-$i.log" 2>&1 &
  cpid=$!; pids+=("$cpid")
  shown=""
  for _ in $(seq 1 600); do
    if xdotool search --onlyvisible --name '^Gatehouse' >/dev/null 2>&1; then shown=$(ms); break; fi
    kill -0 "$cpid" 2>/dev/null || break
    sleep 0.02
  done
  if [ -z "$shown" ]; then cat "$out/console-$i.log" >&2; bad "console start $i: no main window"; kill "$cpid" 2>/dev/null || true; wait "$cpid" 2>/dev/null || true; continue; fi
  times+=($((shown - t0)))
  if [ "$i" = 1 ]; then
    # the first start copies the sample to the home and opens it
    for _ in $(seq 1 100); do xdotool search --onlyvisible --name '^Gatehouse — ' >/dev/null 2>&1 && break; sleep 0.1; done
    sleep 2
    import -display "$display" -window root "$out/console.png"
    note "console: title '$(xdotool search --onlyvisible --name '^Gatehouse' getwindowname 2>/dev/null | head -1)', screenshot $out/console.png"
    [ -f "$home/Gatehouse/sample-workspace/workspace.json" ] || bad "first start did not copy the sample workspace to the home"
  elif [ "$i" = 2 ]; then
    ls "$home"/.cache/gatehouse/console-*.jsa >/dev/null 2>&1 || bad "the first start left no class-data archive in ~/.cache/gatehouse"
  fi
  kill "$cpid" 2>/dev/null || true; wait "$cpid" 2>/dev/null || true
done
if [ "${#times[@]}" -gt 0 ]; then
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  note "console time to main window (ms): ${times[*]} (the first start writes the class-data archive); median $median (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  [ "$median" -le "$max_ms" ] || bad "console median start $median ms > $max_ms ms"
fi
if [ -d "$prefix/opt/gatehouse" ] && find "$prefix/opt/gatehouse" -newer "$deb" -type f | grep -q .; then
  bad "something was written under $prefix/opt/gatehouse: $(find "$prefix/opt/gatehouse" -newer "$deb" -type f | head -3)"
fi
kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true

# 6. dpkg -r
if [ "$installed" = 1 ]; then
  dpkg -r gatehouse >"$out/dpkg-r.log" 2>&1 || { cat "$out/dpkg-r.log" >&2; bad "dpkg -r failed"; }
  [ ! -e /opt/gatehouse ] || bad "dpkg -r left /opt/gatehouse: $(find /opt/gatehouse | head -5)"
  [ ! -e /usr/bin/gatehouse ] && [ ! -L /usr/bin/gatehouse ] || bad "dpkg -r left /usr/bin/gatehouse"
  note "dpkg -r gatehouse: nothing left under /opt/gatehouse, no /usr/bin/gatehouse"
  dpkg --purge gatehouse >/dev/null 2>&1 || true # the maintainer scripts' record (state config-files)
fi
[ "$fail" = 0 ] && note OK || { note FAILED; exit 1; }
