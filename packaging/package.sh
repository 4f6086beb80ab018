#!/usr/bin/env bash
# Builds desktop packages with jpackage from target/meshcert.jar and target/lib/.
#   packaging/package.sh [app-image|deb|rpm|msi|dmg]   (default: app-image)
# Output goes to target/dist/. Run `./mvnw -q -DskipTests package` first (the script does it when
# the jar is missing). deb needs dpkg-deb and fakeroot; rpm needs rpmbuild (apt-get install rpm);
# msi needs WiX on Windows; dmg runs on macOS only.
#
# Every type starts from the app image. On Linux the app image gets an AppCDS archive
# (lib/app/meshcert.jsa, see docs/performance.md "Start-up"): one training run opens the window
# under Xvfb and records the classes it loads (lib/app/meshcert.classlist), then
# lib/meshcert-cds.sh (from packaging/linux/) dumps a static archive of them for the image's class
# path; the launcher's configuration points -XX:SharedArchiveFile at it (the JVM's default
# -Xshare:auto starts without it when it is missing or stale). JDK 17
# ties the archive to the absolute class path, so the .deb and .rpm pack the image without the
# archive and make it after installing (packaging/linux/postinst, prerm, meshcert-inspector.spec:
# jpackage's own scripts plus that step). MESHCERT_NO_CDS=1 skips the training run (CI does, to
# stay cheap); so does a machine without Xvfb or a display.
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"
name="meshcert"
# Where the .deb and .rpm install the app: jpackage puts it in /opt/<linux-package-name>
install_dir=/opt/meshcert-inspector
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
    --add-launcher "$name-cli=packaging/cli-launcher.properties" \
    --add-modules "$modules" \
    --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2"
  if [ "$(uname -s)" = Linux ] && [ "${MESHCERT_NO_CDS:-}" != 1 ]; then
    app_cds "target/dist/$name"
  fi
  echo "app image: target/dist/$name (launchers: target/dist/$name/bin/$name, the window and" \
    "the command line; target/dist/$name/bin/$name-cli, the command line only)"
}

# AppCDS for the Linux app image: one training run opens the window under Xvfb and records the
# classes it loads (-XX:DumpLoadedClassList, kept as lib/app/meshcert.classlist); then
# lib/meshcert-cds.sh (packaging/linux/, shipped in the image) dumps a static archive of them with
# the image's class path. The installers run the same script after installing, because JDK 17
# ties the archive to the absolute class path. The training run uses throw-away settings, log and
# runtime folders, never the builder's own.
app_cds() {
  local image="$1" launcher="$1/bin/$name" cfg="$1/lib/app/$name.cfg"
  local list="$1/lib/app/$name.classlist"
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
  XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" XDG_RUNTIME_DIR="$tmp/run" \
    JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list -Dmeshcert.startupProbe=exit" \
    timeout 120 "${display[@]}" "$launcher" >"$tmp/train.log" 2>&1 || true
  if [ ! -s "$list" ]; then
    rm -f "$list"
    echo "AppCDS skipped: the training run recorded no classes (see $tmp/train.log)" >&2
    return 0
  fi
  install -m 755 packaging/linux/meshcert-cds.sh "$image/lib/meshcert-cds.sh"
  "$image/lib/meshcert-cds.sh" make
  # Under the JVM's default -Xshare:auto a missing or stale archive (moved image, failed
  # post-install dump) means a start without it, never a failed start. Not written out: an
  # explicit -Xshare:auto here would override -Xshare:off given in JAVA_TOOL_OPTIONS.
  sed -i "/^\[JavaOptions\]/a java-options=-XX:SharedArchiveFile=\$APPDIR/$name.jsa" "$cfg"
  if [ -s "$image/lib/app/$name.jsa" ]; then
    echo "AppCDS archive: $image/lib/app/$name.jsa ($(du -h "$image/lib/app/$name.jsa" | cut -f1))"
  fi
}

# The image an installer packs: the app image without its archive (the archive only fits the
# build folder; the package's post-install script makes the one for the installed folder).
installer_image() {
  local copy=target/dist/installer-image
  rm -rf "$copy" && mkdir -p "$copy"
  cp -a "target/dist/$name" "$copy/"
  rm -f "$copy/$name/lib/app/$name.jsa"
  echo "$copy/$name"
}

installer() {
  local kind="$1" image="target/dist/$name"
  shift
  if [ "$(uname -s)" = Linux ]; then
    # postinst/prerm (.deb) and the spec (.rpm): jpackage's own scripts plus the AppCDS step, with
    # the install folder filled in (jpackage fills its placeholders in the spec, not in postinst)
    image="$(installer_image)"
    local resources=target/jpackage-resources
    rm -rf "$resources" && mkdir -p "$resources"
    for f in postinst prerm meshcert-inspector.spec; do
      sed "s|@INSTALL_DIR@|$install_dir|g" "packaging/linux/$f" >"$resources/$f"
    done
    chmod 755 "$resources/postinst" "$resources/prerm"
    # The menu entries (jpackage's template otherwise): the window's named as people know it and
    # given the files a file manager opens with it (%F; without it they are dropped), the command
    # line's hidden from menus (a console program started from a menu shows nothing).
    # Each media type once: jpackage writes one per association, and two pairs of extensions
    # (crt/der, p12/pfx) share theirs.
    local mimes
    mimes="$(sed -n 's/^mime-type=//p' packaging/associations/*.properties | sort -u | tr '\n' ';')"
    sed "s|^DESKTOP_MIMES\$|MimeType=$mimes|" packaging/linux/meshcert.desktop >"$resources/meshcert.desktop"
    cp packaging/linux/meshcert-cli.desktop "$resources/"
    set -- --resource-dir "$resources" "$@"
  fi
  jpackage --type "$kind" "${about[@]}" --app-image "$image" \
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
