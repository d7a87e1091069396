#!/usr/bin/env bash
# Runs the engine's JMH benchmarks (engine test sources; not part of the default build or of surefire) with the GC
# profiler, so every result comes with gc.alloc.rate.norm — bytes allocated per operation, which does not depend on
# the machine's load. On a shared machine quote times only as ratios measured in the same session.
#
#   1. compiles the engine's test classes (BUILD=0 skips it: `mvn -q -o -pl engine -am test-compile`)
#   2. copies classes and test classes to a temp dir (so a rebuild meanwhile cannot pull them away)
#   3. runs org.openjdk.jmh.Main REGEX -prof gc with the JDK 25 the build uses, plus JMH_ARGS
#
# Usage: bench/jmh.sh [regex=DataPlaneBenchmarks] [extra JMH args...]
#   e.g. bench/jmh.sh 'DataPlaneBenchmarks|VtlBenchmarks|ValidationBenchmarks|MethodFilterBenchmarks.orders'
#        bench/jmh.sh DataPlaneBenchmarks.proxyRequest -f 2 -wi 8 -i 10
# Env: BUILD=0 (use the compiled classes), LOG=file (keep JMH's whole output), JMH_ARGS.
# Benchmarks: server.DataPlaneBenchmarks (the served pipeline per route, routing, response headers),
#   mapping.VtlBenchmarks (template render), validation.ValidationBenchmarks, mapping.MethodFilterBenchmarks.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
REGEX=${1:-DataPlaneBenchmarks}; shift || true
JAVA_BIN=""
for j in "${GATEHOUSE_JAVA:-}" /usr/lib/jvm/temurin-25*/bin/java "${JAVA_HOME:-/nonexistent}/bin/java"; do
  [ -n "$j" ] && [ -x "$j" ] && { JAVA_BIN=$j; break; }
done
[ -n "$JAVA_BIN" ] || { echo "no JDK 25 found (set GATEHOUSE_JAVA=/path/to/java)" >&2; exit 2; }
cd "$ROOT"
[ "${BUILD:-1}" = 0 ] || mvn -q -o -pl engine -am test-compile
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
mvn -q -o -pl engine dependency:build-classpath -Dmdep.outputFile="$W/cp.txt" -Dmdep.includeScope=test >/dev/null
cp -r engine/target/classes "$W/classes"; cp -r engine/target/test-classes "$W/test-classes"
echo "JMH $REGEX -prof gc $* — $(date -u '+%F %T UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
LOG=${LOG:-$W/jmh.log}
"$JAVA_BIN" -cp "$W/test-classes:$W/classes:$(cat "$W/cp.txt")" org.openjdk.jmh.Main "$REGEX" -prof gc ${JMH_ARGS:-} "$@" > "$LOG" 2>&1 || true
# failures first (a benchmark that throws has no result line), then the scores and bytes per operation
grep -B2 -A12 '<failure>' "$LOG" | head -60 || true
# JMH abbreviates the package (d.g.e.mapping.VtlBenchmarks...) when several packages are in one run
grep -E '^(Benchmark|([a-z]+\.)*[A-Za-z]+Benchmarks\.[A-Za-z0-9]+ |([a-z]+\.)*[A-Za-z]+Benchmarks\.[A-Za-z0-9]+:gc\.alloc\.rate\.norm)' "$LOG" || true
