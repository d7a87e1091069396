#!/usr/bin/env sh
# Native packaging with jpackage (JDK 21+, toolchain.md): the console and the `gatehouse` CLI in one app image, and
# a .deb / .rpm of it.
#   installer/package.sh [app-image|deb|rpm|all]     (default: app-image; all = image + deb + rpm where rpmbuild exists)
#   MVN_FLAGS="-o" installer/package.sh deb          (extra Maven flags, e.g. offline)
# Output in installer/target: Gatehouse/ (the app image), gatehouse_<version>_amd64.deb, gatehouse-<version>-1.x86_64.rpm.
#
# The image: a jlinked runtime with the modules jdeps finds in the jars (a fallback list only if jdeps fails, with a
# warning), the JavaFX jars on the class path (no jmods needed), bin/Gatehouse (the console, icon + desktop entry) and
# bin/gatehouse (the CLI, jpackage --add-launcher with installer/gatehouse-cli.properties), lib/sample-workspace (a
# read-only copy the console copies to ~/Gatehouse/sample-workspace on first start) and lib/gatehouse-cli (the wrapper
# the packages link as /usr/bin/gatehouse; installer/linux/postinst, prerm and gatehouse.spec are jpackage 25's
# templates plus that link). The version is the one the Maven build wrote into the console jar (build.properties),
# the commit `git rev-parse --short HEAD`; both show in Help -> About.
# Start time: the runtime's own CDS archive (dumped below), and the console's launcher keeps an archive of the
# console's classes in ~/.cache/gatehouse (-XX:+AutoCreateSharedArchive; jpackage expands $HOME in the .cfg), written
# when the first start exits: later starts take about half the time (measured: 6 s -> 3 s on 2 busy cores).
# Memory (issue 9, BENCHMARKS.md): the console gets a bounded heap (GATEHOUSE_HEAP, default 1g) and G1 giving memory
# back after 30 s idle, as app/pom.xml's console command; the CLI the lean defaults of engine/target/gatehouse.
set -eu
cd "$(dirname "$0")/.."
kind=${1:-app-image}
case "$kind" in app-image|deb|rpm|all) ;; *) echo "usage: installer/package.sh [app-image|deb|rpm|all]" >&2; exit 2 ;; esac
major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1; }
jdk=""
for d in ${JAVA_HOME:-} $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
  d=${d%/}; m=$(major "$d" 2>/dev/null || true)
  if [ -n "$m" ] && [ "$m" -ge 21 ] && [ -x "$d/bin/jpackage" ]; then jdk=$d; break; fi
done
[ -n "$jdk" ] || { echo "package.sh: no JDK >= 21 with jpackage found" >&2; exit 1; }
out=installer/target
input=$out/input
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ "$commit" = unknown ] || git diff --quiet HEAD -- 2>/dev/null || commit="$commit-dirty"

rm -rf "$out" && mkdir -p "$input"

# 1. the jars: the console, the engine and their runtime dependencies
# shellcheck disable=SC2086
mvn -q ${MVN_FLAGS:-} -pl app -am -DskipTests -Dgatehouse.commit="$commit" package \
  dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/$input"
cp app/target/gatehouse-app-*.jar "$input/"
cp app/src/main/config/jul.properties "$input/"
arch=$(uname -m)
# JNA carries its native library for every platform too
case "$arch" in x86_64) jna_dir=linux-x86-64 ;; aarch64) jna_dir=linux-aarch64 ;; *) jna_dir=linux-$arch ;; esac
for j in "$input"/jna-*.jar; do
  [ -f "$j" ] && command -v zip >/dev/null && command -v unzip >/dev/null || continue
  unzip -Z1 "$j" 'com/sun/jna/*/libjnidispatch*' | grep -v "^com/sun/jna/$jna_dir/" | xargs -r zip -q -d "$j" >/dev/null
done
# sqlite-jdbc carries its native library for every platform (21 MB); a Linux image needs only this machine's
for j in "$input"/sqlite-jdbc-*.jar; do
  [ -f "$j" ] && command -v zip >/dev/null && command -v unzip >/dev/null || continue
  unzip -Z1 "$j" 'org/sqlite/native/*' | grep -v "^org/sqlite/native/Linux/$arch/" | grep -v '/$' \
    | xargs -r zip -q -d "$j" >/dev/null
done
jar=$(cd "$input" && ls gatehouse-app-*.jar | head -1)

# 2. the version, as the build wrote it (jpackage wants it numeric: 0.1.0-SNAPSHOT -> 0.1.0)
mkdir -p "$out/build-info" && (cd "$out/build-info" && "$jdk/bin/jar" xf "../input/$jar" dev/gatehouse/app/about/build.properties)
full_version=$(sed -n 's/^version=//p' "$out/build-info/dev/gatehouse/app/about/build.properties")
version=$(printf '%s' "$full_version" | sed 's/[-+].*//')
printf '%s' "$version" | grep -Eq '^[0-9]+(\.[0-9]+){0,2}$' || { echo "package.sh: no numeric version in the build ($full_version)" >&2; exit 1; }
echo "version $full_version (package $version), commit $commit, JDK $jdk"

# 3. the runtime's modules, from jdeps over every jar (plus what only reflection or TLS needs at run time). Some
# dependencies are modular jars whose module-info jdeps then follows (and fails on: "Module io.netty.codec not
# found"); jdeps reads copies without their module-info, all on the class path, as the image runs them.
extra=jdk.crypto.ec,jdk.zipfs,jdk.charsets
jd=$out/jdeps && mkdir -p "$jd"
modules=""
if command -v zip >/dev/null && command -v unzip >/dev/null; then
  for j in "$input"/*.jar; do
    if unzip -l "$j" | grep -q 'module-info\.class$'; then
      cp "$j" "$jd/" && zip -q -d "$jd/${j##*/}" 'module-info.class' 'META-INF/versions/*/module-info.class' >/dev/null 2>&1 || true
    else
      ln -s "$PWD/$j" "$jd/"
    fi
  done
  modules=$("$jdk/bin/jdeps" --multi-release 21 --ignore-missing-deps --print-module-deps \
    --class-path "$jd/*" "$jd"/*.jar 2>"$out/jdeps.log" | tail -1) || modules=""
  printf '%s' "$modules" | grep -Eq '^java\.base(,[a-z0-9.]+)*$' || { cat "$out/jdeps.log" >&2; modules=""; }
fi
if [ -n "$modules" ]; then
  echo "modules (jdeps): $modules"
else
  modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss,java.sql,java.xml,jdk.httpserver,jdk.jfr,jdk.unsupported
  echo "package.sh: WARNING jdeps failed or zip/unzip are missing (see $out/jdeps.log); using the FALLBACK module list: $modules" >&2
fi
for m in $(echo "$extra" | tr , ' '); do
  "$jdk/bin/java" --list-modules | grep -q "^$m@" && modules="$modules,$m"
done

# 4. the runtime: jlink (no --compress: the packages' xz compresses an uncompressed lib/modules far better than zip-6
# allows, and the JVM starts faster from it; native debug symbols stripped when objcopy exists), with its default CDS
# archive (--generate-cds-archive needs bin/java, so the runtime keeps the JDK's few native commands)
jlink_options="--strip-debug --no-man-pages --no-header-files"
command -v objcopy >/dev/null && jlink_options="$jlink_options --strip-native-debug-symbols=exclude-debuginfo-files"
# shellcheck disable=SC2086
"$jdk/bin/jlink" --add-modules "$modules" $jlink_options --generate-cds-archive --output "$out/runtime"
# classes_nocoops.jsa serves only heaps over 32 GB (without compressed oops); ours are 1 GB and 512 MB
rm -f "$out"/runtime/lib/server/classes_nocoops.jsa
rm -f "$out"/runtime/bin/jfr "$out"/runtime/bin/jrunscript "$out"/runtime/bin/jwebserver "$out"/runtime/bin/keytool "$out"/runtime/bin/rmiregistry

# 5. the app image and the packages, from the same arguments: console + CLI launcher + sample workspace + wrapper.
# The packages are built from the jars, not from the image: jpackage 25 then gives the desktop entry to the console
# only (with --app-image it also made one for the CLI launcher, ignoring its linux-shortcut=false).
mkdir -p "$out/content/sample-workspace"
cp -R resources/sample-workspace/. "$out/content/sample-workspace/"
rm -rf "$out/content/sample-workspace/.gatehouse"
cp installer/linux/gatehouse-cli "$out/content/gatehouse-cli"
jpackage_gatehouse() { # $1 = type, $2 = name; more jpackage arguments after them
  type=$1 name=$2; shift 2
  "$jdk/bin/jpackage" --type "$type" --name "$name" --app-version "$version" --vendor Gatehouse \
    --description "Gatehouse: a local API gateway and its console" \
    --icon resources/icons/gatehouse.png \
    --java-options --enable-native-access=ALL-UNNAMED --java-options -Dsun.misc.unsafe.memory.access=allow \
    --java-options --add-opens=java.base/java.lang=ALL-UNNAMED \
    --java-options "-Xmx${GATEHOUSE_HEAP:-1g}" --java-options -XX:+UseG1GC --java-options -XX:G1PeriodicGCInterval=30000 \
    --java-options '-Djava.util.logging.config.file=$APPDIR/jul.properties' \
    --java-options '-Dgatehouse.sampleWorkspace=$APPDIR/../sample-workspace' \
    --java-options '-Dgatehouse.cacheDir=$HOME/.cache/gatehouse' --java-options -XX:+AutoCreateSharedArchive \
    --java-options "-XX:SharedArchiveFile=\$HOME/.cache/gatehouse/console-$full_version.jsa" \
    --java-options -Xlog:cds=off --java-options -Xlog:cds+dynamic=off \
    --input "$input" --main-jar "$jar" --main-class dev.gatehouse.app.Launcher \
    --add-launcher gatehouse=installer/gatehouse-cli.properties \
    --app-content "$out/content/sample-workspace,$out/content/gatehouse-cli" \
    --runtime-image "$out/runtime" \
    --dest "$out" "$@"
}
jpackage_gatehouse app-image Gatehouse
echo "app image: $out/Gatehouse (console: $out/Gatehouse/bin/Gatehouse, CLI: $out/Gatehouse/bin/gatehouse)"
package() { # $1 = deb | rpm; postinst/prerm/spec add /usr/bin/gatehouse
  jpackage_gatehouse "$1" Gatehouse --resource-dir installer/linux --linux-package-name gatehouse \
    --linux-package-deps "$(if [ "$1" = rpm ]; then echo gtk3; else echo libgtk-3-0; fi)" --linux-app-category devel --linux-menu-group Development --linux-shortcut \
    --install-dir /opt
}
if [ "$kind" = deb ] || [ "$kind" = all ]; then
  command -v dpkg-deb >/dev/null || { echo "package.sh: dpkg-deb is missing (apt-get install dpkg-dev fakeroot)" >&2; exit 1; }
  package deb
  ls -l "$out"/*.deb
fi
if [ "$kind" = rpm ] || [ "$kind" = all ]; then
  if command -v rpmbuild >/dev/null; then
    package rpm
    ls -l "$out"/*.rpm
  elif [ "$kind" = rpm ]; then
    echo "package.sh: rpmbuild is missing (Debian/Ubuntu: apt-get install rpm)" >&2; exit 1
  else
    echo "package.sh: no rpmbuild, so no .rpm (Debian/Ubuntu: apt-get install rpm)"
  fi
fi
