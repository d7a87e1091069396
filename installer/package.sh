#!/usr/bin/env sh
# Native packaging of the console with jpackage (JDK 21+): an app image, and a .deb on Debian/Ubuntu.
#   installer/package.sh [app-image|deb|all]     (default: app-image)
# Output: installer/target/Gatehouse (app image) and installer/target/gatehouse_*.deb.
# No JavaFX jmods are needed: the JavaFX jars go on the class path of the image, jlink builds the runtime.
# Memory (issue 9, BENCHMARKS.md): a bounded heap (GATEHOUSE_HEAP, default 1g) and G1 giving memory back after 30 s
# idle, as app/pom.xml's console command; a user changes them in the image's lib/app/Gatehouse.cfg ([JavaOptions]).
set -eu
cd "$(dirname "$0")/.."
kind=${1:-app-image}
major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
jdk=""
for d in ${JAVA_HOME:-} $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
  d=${d%/}; m=$(major "$d" 2>/dev/null || true)
  if [ -n "$m" ] && [ "$m" -ge 21 ] && [ -x "$d/bin/jpackage" ]; then jdk=$d; break; fi
done
[ -n "$jdk" ] || { echo "package.sh: no JDK >= 21 with jpackage found" >&2; exit 1; }
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | sed -n 2p | sed 's/-SNAPSHOT//')
input=installer/target/input
rm -rf installer/target && mkdir -p "$input"
mvn -q -pl app -am -DskipTests package dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/$input"
cp app/target/gatehouse-app-*.jar "$input/"
jar=$(cd "$input" && ls gatehouse-app-*.jar | head -1)
"$jdk/bin/jpackage" --type app-image --name Gatehouse --app-version "$version" --vendor Gatehouse \
  --java-options --enable-native-access=ALL-UNNAMED --java-options -Dsun.misc.unsafe.memory.access=allow \
  --java-options "-Xmx${GATEHOUSE_HEAP:-1g}" --java-options -XX:+UseG1GC --java-options -XX:G1PeriodicGCInterval=30000 \
  --input "$input" --main-jar "$jar" --main-class dev.gatehouse.app.Launcher \
  --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.sql,jdk.jfr,jdk.unsupported,jdk.crypto.ec,jdk.zipfs \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands --compress=zip-6" \
  --dest installer/target
echo "app image: installer/target/Gatehouse (run installer/target/Gatehouse/bin/Gatehouse)"
if [ "$kind" = deb ] || [ "$kind" = all ]; then
  "$jdk/bin/jpackage" --type deb --name gatehouse --app-version "$version" --vendor Gatehouse \
    --app-image installer/target/Gatehouse --linux-package-name gatehouse --linux-package-deps libgtk-3-0 \
    --linux-app-category devel --linux-shortcut --dest installer/target
  ls installer/target/*.deb
fi
