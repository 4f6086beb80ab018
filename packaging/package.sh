#!/usr/bin/env bash
# Builds desktop packages with jpackage from target/meshcert.jar and target/lib/.
#   packaging/package.sh [app-image|deb|rpm|msi|dmg]   (default: app-image)
# Output goes to target/dist/. Run `./mvnw -q -DskipTests package` first (the script does it when
# the jar is missing). deb needs dpkg-deb and fakeroot; rpm needs rpmbuild (apt-get install rpm);
# msi needs WiX on Windows; dmg runs on macOS only.
#
# Every type starts from the app image. On Linux the app image gets an AppCDS archive
# (lib/app/meshcert.jsa, see docs/performance.md "Start-up"): a base CDS archive for the trimmed
# runtime, then one training run that opens the window under Xvfb and archives the classes it
# loaded (-XX:ArchiveClassesAtExit); the launcher's configuration points -XX:SharedArchiveFile at
# it. MESHCERT_NO_CDS=1 skips that (CI does, to stay cheap); so does a machine without Xvfb or a
# display.
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"
name="meshcert"
version="$(sed -n 's:.*<app.version>\(.*\)</app.version>.*:\1:p' pom.xml)"
[ -f target/meshcert.jar ] || ./mvnw -q -B -DskipTests package

input=target/jpackage-input
rm -rf "$input" && mkdir -p "$input"
cp target/meshcert.jar "$input/"
cp -r target/lib "$input/lib"
mkdir -p target/dist

# The JDK modules the app and its libraries use (jdeps over target/lib, plus the service
# providers jdeps cannot see: EC crypto, PKCS#11-free TLS, locale data, zip file system).
modules="java.base,java.desktop,java.logging,java.management,java.naming,java.net.http"
modules+=",java.scripting,java.sql,java.xml,java.security.jgss,jdk.crypto.ec,jdk.unsupported"
modules+=",jdk.localedata,jdk.zipfs,jdk.jfr,jdk.charsets,jdk.net"

about=(
  --name "$name"
  --app-version "$version"
  --vendor "MeshCert Inspector developers"
  --description "Inspect service-mesh mTLS certificates, SPIFFE identities and policies"
  --copyright "Copyright 2026 MeshCert Inspector developers"
  --dest target/dist
)

associations=()
for f in packaging/associations/*.properties; do
  associations+=(--file-associations "$f")
done

icon=icons/meshcert.png
case "$(uname -s)" in
  Darwin) icon=icons/meshcert.icns ;;
  MINGW* | MSYS* | CYGWIN*) icon=icons/meshcert.ico ;;
esac

app_image() {
  rm -rf "target/dist/$name" "target/dist/$name.app"
  jpackage --type app-image "${about[@]}" --icon "$icon" \
    --input "$input" --main-jar meshcert.jar --main-class dev.meshcert.app.Launcher \
    --java-options "-Xss2m" \
    --add-modules "$modules" \
    --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2"
  if [ "$(uname -s)" = Linux ] && [ "${MESHCERT_NO_CDS:-}" != 1 ]; then
    app_cds "target/dist/$name"
  fi
  echo "app image: target/dist/$name (launcher: target/dist/$name/bin/$name)"
}

# AppCDS for the Linux app image. The training run uses throw-away settings, log and runtime
# folders, never the builder's own.
app_cds() {
  local image="$1" launcher="$1/bin/$name" cfg="$1/lib/app/$name.cfg"
  local display=()
  if [ -z "${DISPLAY:-}" ]; then
    if ! command -v xvfb-run >/dev/null; then
      echo "AppCDS skipped: no DISPLAY and no xvfb-run" >&2
      return 0
    fi
    display=(xvfb-run -a -s "-screen 0 1600x1000x24")
  fi
  local tmp
  tmp="$(mktemp -d)"
  # jlink (JDK 17) ships no default CDS archive, and a dynamic archive needs one as its base.
  JAVA_TOOL_OPTIONS="-Xshare:dump" "$launcher" >"$tmp/dump.log" 2>&1 || true
  XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" XDG_RUNTIME_DIR="$tmp/run" \
    JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$image/lib/app/$name.jsa -Dmeshcert.startupProbe=exit" \
    timeout 120 "${display[@]}" "$launcher" >"$tmp/train.log" 2>&1 || true
  if [ -s "$image/lib/app/$name.jsa" ]; then
    sed -i "/^\[JavaOptions\]/a java-options=-XX:SharedArchiveFile=\$APPDIR/$name.jsa" "$cfg"
    echo "AppCDS archive: $image/lib/app/$name.jsa ($(du -h "$image/lib/app/$name.jsa" | cut -f1))"
  else
    echo "AppCDS skipped: the training run made no archive (see $tmp/train.log)" >&2
  fi
}

installer() {
  local kind="$1"
  shift
  jpackage --type "$kind" "${about[@]}" --app-image "target/dist/$name" \
    "${associations[@]}" --license-file LICENSE "$@"
}

case "$type" in
  app-image)
    app_image
    ;;
  deb)
    app_image
    installer deb --icon "$icon" \
      --linux-package-name meshcert-inspector --linux-shortcut --linux-menu-group Development \
      --linux-app-category devel --linux-deb-maintainer "meshcert@example.org" \
      --linux-package-deps libgtk-3-0
    ;;
  rpm)
    app_image
    installer rpm --icon "$icon" \
      --linux-package-name meshcert-inspector --linux-shortcut --linux-menu-group Development \
      --linux-rpm-license-type "Apache-2.0" --linux-package-deps gtk3
    ;;
  msi)
    app_image
    installer msi --win-menu --win-shortcut --win-dir-chooser \
      --win-upgrade-uuid 6b1f0f0e-8a8f-4a55-9d57-4f3c6f1e2a10
    ;;
  dmg)
    rm -rf "target/dist/$name.app"
    jpackage --type app-image "${about[@]}" --icon "$icon" \
      --input "$input" --main-jar meshcert.jar --main-class dev.meshcert.app.Launcher \
      --java-options "-Xss2m" --add-modules "$modules" \
      --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2" \
      --mac-package-identifier dev.meshcert.inspector --mac-package-name "MeshCert Inspector"
    jpackage --type dmg "${about[@]}" --app-image "target/dist/$name.app" \
      "${associations[@]}" --license-file LICENSE \
      --mac-package-identifier dev.meshcert.inspector --mac-package-name "MeshCert Inspector"
    ;;
  *)
    echo "unknown package type: $type (app-image, deb, rpm, msi, dmg)" >&2
    exit 2
    ;;
esac
ls -la target/dist
