#!/usr/bin/env bash
# Local functions benchmark (issue 11): cold starts and the warm AWS_PROXY overhead over MOCK.
#
#   1. compiles engine, app and tests (mvn -o -q -pl tests -am test-compile) and writes the tests' class path
#      (reactor modules resolve to their target/classes: nothing is installed into ~/.m2)
#   2. FunctionColdStartBench: a Node.js and a Java worker started ROUNDS times each; the first invocation's wall
#      time and REPORT's Init Duration (process start -> first /next), medians and maxima
#   3. FunctionProxyBench: a trivial Node.js handler behind AWS_PROXY and a MOCK method of the same deployed stage,
#      CALLS sequential keep-alive calls each (p50/p99), then throughput: a warm-up leg each, then TP_ROUNDS
#      rounds of MOCK and function legs alternating (the order swapped every round), CLIENTS keep-alive
#      connections for SECONDS each, driven by wrk in its own process (CLIENT=okhttp: clients in the JVM, as
#      before). Every leg prints rps, the load average, the JVM's CPU per call by thread kind (user + kernel,
#      from /proc/self/task: JIT and GC apart from the request path) and the workers' CPU per call. MOCK legs
#      above 10,000 rps meet the engine-wide throttle (AWS's default 10,000 rps): their 429s are counted as
#      non-200 answers and left out of the rps.
#   4. prints the load average before and after (the machine is shared: read the figures with it)
#
# Usage: bench/functions.sh [rounds=7] [calls=2000] [clients=16] [seconds=5]
#   env: TP_ROUNDS=3 (alternating throughput rounds), CLIENT=okhttp (no wrk)
# Needs node (Node.js 18+) and wrk on PATH (apt-get install -y wrk; without it the clients run in the JVM) and
# JDK 25 (JAVA=/path/to/java, default Temurin 25).
set -euo pipefail
ROUNDS=${1:-7}; CALLS=${2:-2000}; CLIENTS=${3:-16}; SECONDS_=${4:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
command -v node >/dev/null || { echo "node is missing (Node.js 18+)" >&2; exit 2; }
[ -x "$JAVA" ] || { echo "no JDK 25 at $JAVA (set JAVA=...)" >&2; exit 2; }
CP=$(mktemp)
trap 'rm -f "$CP"' EXIT
(cd "$ROOT" && mvn -o -q -pl tests -am test-compile dependency:build-classpath -Dmdep.outputFile="$CP" -Dmdep.includeScope=test)
CLASSPATH="$ROOT/tests/target/test-classes:$(cat "$CP")"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC') $(uname -n), $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# node $(node --version), $("$JAVA" -version 2>&1 | head -1)"
"$JAVA" -cp "$CLASSPATH" dev.gatehouse.tests.functions.FunctionColdStartBench "$ROUNDS"
"$JAVA" -Drounds="${TP_ROUNDS:-3}" -cp "$CLASSPATH" dev.gatehouse.tests.functions.FunctionProxyBench "$CALLS" "$CLIENTS" "$SECONDS_"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
