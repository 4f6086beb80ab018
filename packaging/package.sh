#!/usr/bin/env bash
# Builds desktop packages with jpackage from target/meshcert.jar and target/lib/.
#   packaging/package.sh [app-image|deb|rpm|msi|dmg]   (default: app-image)
# Output goes to target/dist/. Run `./mvnw -q -DskipTests package` first (the script does it when
# the jar is missing). deb needs dpkg-deb and fakeroot; rpm needs rpmbuild (apt-get install rpm);
# msi needs WiX on Windows; dmg runs on macOS only.
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

common=(
  --input "$input"
  --main-jar meshcert.jar
  --main-class dev.meshcert.app.Launcher
  --name "$name"
  --app-version "$version"
  --vendor "MeshCert Inspector developers"
  --description "Inspect service-mesh mTLS certificates, SPIFFE identities and policies"
  --copyright "Copyright 2026 MeshCert Inspector developers"
  --java-options "-Xss2m"
  --add-modules "$modules"
  --jlink-options "--strip-debug --no-man-pages --no-header-files --compress=2"
  --dest target/dist
)

associations=()
for f in packaging/associations/*.properties; do
  associations+=(--file-associations "$f")
done

case "$type" in
  app-image)
    rm -rf "target/dist/$name"
    jpackage --type app-image "${common[@]}" --icon icons/meshcert.png
    echo "app image: target/dist/$name (launcher: target/dist/$name/bin/$name)"
    ;;
  deb)
    jpackage --type deb "${common[@]}" --icon icons/meshcert.png "${associations[@]}" \
      --license-file LICENSE \
      --linux-package-name meshcert-inspector --linux-shortcut --linux-menu-group Development \
      --linux-app-category devel --linux-deb-maintainer "meshcert@example.org" \
      --linux-package-deps libgtk-3-0
    ;;
  rpm)
    jpackage --type rpm "${common[@]}" --icon icons/meshcert.png "${associations[@]}" \
      --license-file LICENSE \
      --linux-package-name meshcert-inspector --linux-shortcut --linux-menu-group Development \
      --linux-rpm-license-type "Apache-2.0" --linux-package-deps gtk3
    ;;
  msi)
    jpackage --type msi "${common[@]}" --icon icons/meshcert.ico "${associations[@]}" \
      --license-file LICENSE --win-menu --win-shortcut --win-dir-chooser \
      --win-upgrade-uuid 6b1f0f0e-8a8f-4a55-9d57-4f3c6f1e2a10
    ;;
  dmg)
    jpackage --type dmg "${common[@]}" --icon icons/meshcert.icns "${associations[@]}" \
      --license-file LICENSE --mac-package-identifier dev.meshcert.inspector \
      --mac-package-name "MeshCert Inspector"
    ;;
  *)
    echo "unknown package type: $type (app-image, deb, rpm, msi, dmg)" >&2
    exit 2
    ;;
esac
ls -la target/dist
