#!/usr/bin/env bash
# SDK export benchmark (issue 6): time per language for the sample PetStore stage and a generated 300-operation API
# (SdkExportBench, one JVM: first run and warm median per language), then one cold CLI run per language
# (`gatehouse sdk`, a fresh JVM each, as a user runs it).
#   bench/sdk.sh [runs=3] [languages=all]
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=$(ls -d /usr/lib/jvm/*/ | sort -rV | while read -r d; do
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$d/release" 2>/dev/null); [ "${v:-0}" -ge 21 ] && { echo "${d%/}/bin/java"; break; }; done)
mvn -q -o -pl engine install -DskipTests
mvn -q -o -pl tests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
cp -r engine/target/classes "$W/engine-classes"; cp -r tests/target/test-classes "$W/tests-test-classes"
echo "== SdkExportBench (one JVM)"
"$JAVA" -cp "$W/tests-test-classes:$W/engine-classes:$(cat tests/target/bench-cp.txt)" dev.gatehouse.tests.sdk.SdkExportBench "$PWD" "${1:-3}" "${2:-all}"
echo "== gatehouse sdk, cold JVM per language (PetStore stage prod)"
cp -r resources/sample-workspace "$W/ws"
for lang in $(echo "${2:-javascript,typescript,java,swift,kotlin,python,ruby,go}" | sed 's/all/javascript,typescript,java,swift,kotlin,python,ruby,go/' | tr ',' ' '); do
  s=$(date +%s%N); engine/target/gatehouse sdk petstore01 --stage prod --lang "$lang" --out "$W/cli" -w "$W/ws" >/dev/null 2>&1
  echo "$lang | $(( ($(date +%s%N) - s) / 1000000 )) ms"
done
s=$(date +%s%N); engine/target/gatehouse docs petstore01 --stage prod --out "$W/docs" -w "$W/ws" >/dev/null 2>&1
echo "docs | $(( ($(date +%s%N) - s) / 1000000 )) ms"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
