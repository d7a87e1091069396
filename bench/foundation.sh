#!/usr/bin/env bash
# Foundation benchmarks (issue 2): importing a generated 1,000-path OpenAPI document, and opening a workspace
# of 50 APIs. Both are plain mains in test sources (not timed unit tests); each prints every run and the median.
#   bench/foundation.sh [import-runs=8] [open-runs=10]
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=$(ls -d /usr/lib/jvm/*/ | sort -rV | while read -r d; do
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$d/release" 2>/dev/null); [ "${v:-0}" -ge 21 ] && { echo "${d%/}/bin/java"; break; }; done)
mvn -q -o -pl engine,app install -DskipTests
mvn -q -o -pl engine,tests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
cp -r engine/target/classes "$W/engine-classes"; cp -r engine/target/test-classes "$W/engine-test-classes"
cp -r tests/target/test-classes "$W/tests-test-classes"
echo "== import of a generated 1,000-path OAS 3.0 document (ImportBench)"
"$JAVA" -cp "$W/tests-test-classes:$W/engine-classes:$(cat tests/target/bench-cp.txt)" dev.gatehouse.tests.openapi.ImportBench 1000 "${1:-8}"
echo "== open a workspace of 50 APIs x 40 resources (WorkspaceOpenBench)"
"$JAVA" -cp "$W/engine-test-classes:$W/engine-classes:$(cat engine/target/bench-cp.txt)" dev.gatehouse.engine.workspace.WorkspaceOpenBench 50 40 "${2:-10}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
