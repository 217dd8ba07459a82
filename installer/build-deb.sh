#!/usr/bin/env bash
# Builds the Linux x86_64 app image and .deb of Pareto Workbench with the JDK's jpackage, into installer/target/:
#   installer/target/image/paretowb/           the app image (bin/paretowb, lib/app/paretowb.jar, lib/runtime)
#   installer/target/paretowb_VERSION-1_amd64.deb
# The package installs under /usr: the command /usr/bin/paretowb, the app in /usr/lib/paretowb, and a menu entry
# with its icon. Builds app/target/paretowb.jar first when it is missing.
# Needs JDK 17 (jpackage, jlink, jdeps), fakeroot, dpkg-deb and zip (Debian: apt-get install fakeroot zip).
set -euo pipefail
installer=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$installer")
target=$installer/target
resources=$installer/src/main/jpackage
jar=$root/app/target/paretowb.jar

for tool in jpackage jdeps jar fakeroot dpkg-deb zip; do
  command -v "$tool" > /dev/null || { echo "build-deb.sh: $tool not found (Debian: apt-get install openjdk-17-jdk-headless fakeroot zip)" >&2; exit 1; }
done

[ "$(uname -m)" = x86_64 ] || { echo "build-deb.sh: makes the Linux x86_64 package; this is $(uname -m)" >&2; exit 1; }

step() { echo "build-deb.sh: $* ($SECONDS s)"; }

if [ ! -f "$jar" ]; then
  step "building $jar"
  (cd "$root" && mvn -B -q package -DskipTests)
fi

# The package version: the project's version without -SNAPSHOT (a Debian version starts with a digit).
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' "$root/pom.xml" | head -n 1)

rm -rf "$target"
mkdir -p "$target/input"

# The shaded jar carries native libraries for every platform (ONNX Runtime's for Windows and macOS come with
# debug symbols); a Linux x86_64 package keeps only Linux x86_64's, which nearly halves the jar. Files only:
# the directory entries stay.
step "copying the jar without other platforms' native libraries"
cp "$jar" "$target/input/paretowb.jar"
jar tf "$jar" \
  | grep -E '^(ai/onnxruntime/native/[^/]+|jnilib/[^/]+|com/sun/jna/[^/]+-[^/]+|org/sqlite/native/[^/]+)/.*[^/]$' \
  | grep -v -E '^(ai/onnxruntime/native/linux-x64|jnilib/linux-x86_64|com/sun/jna/linux-x86-64|org/sqlite/native/Linux/x86_64)/' \
  > "$target/foreign-natives.txt" || true
if [ -s "$target/foreign-natives.txt" ]; then
  zip -q -d "$target/input/paretowb.jar" -@ < "$target/foreign-natives.txt"
fi

# A runtime with only the modules the jar uses (jdeps), plus what is reached by reflection or service lookup:
# locale data (numbers formatted as the user's JDK would), the zip file system.
step "finding the Java modules the jar needs"
# (the module list is jdeps' last line; warnings, such as split packages, come before it)
modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$target/input/paretowb.jar" | tail -n 1)
modules="$modules,jdk.localedata,jdk.zipfs"
step "modules: $modules"

# The same application for both: the jar, a runtime of those modules, the icon.
app=(--name paretowb --app-version "$version" --vendor "Pareto Workbench"
  --description "Compress neural networks and measure accuracy, latency and size"
  --input "$target/input" --main-jar paretowb.jar
  --add-modules "$modules"
  --jlink-options "--strip-native-commands --strip-debug --no-man-pages --no-header-files --compress=2"
  --icon "$resources/paretowb.png")

step "making the app image"
jpackage --type app-image --dest "$target/image" "${app[@]}"

# The .deb is made from the jar again, not from the app image: made from the image, it carries the launcher
# library twice. The payload is mostly compressed already (the jar, the runtime's modules), so xz, dpkg-deb's
# default, makes the package a few percent smaller than gzip for ten times the time (minutes here);
# DPKG_DEB_COMPRESSOR_TYPE=xz asks for it.
# --install-dir /usr lays the package out the Debian way: /usr/bin/paretowb is the launcher itself.
# jpackage finds the runtime's own library dependencies (libstdc++6, libxtst6 among them) but not JavaFX's.
step "making the .deb"
export DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip}
jpackage --type deb --dest "$target" "${app[@]}" \
  --resource-dir "$resources" \
  --install-dir /usr \
  --linux-package-name paretowb --linux-app-category science \
  --linux-shortcut --linux-menu-group "Development;Science;" \
  --linux-package-deps "libgtk-3-0, libgl1, libxxf86vm1"

deb=$(ls "$target"/paretowb_*.deb)
step "done: $deb, $(stat -c %s "$deb") bytes"
