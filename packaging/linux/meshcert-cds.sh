#!/bin/sh
# Makes the AppCDS archive of an installed MeshCert Inspector where it is installed.
#   <app>/lib/meshcert-cds.sh [make|remove]            (default: make)
# JDK 17 ties an archive to the absolute class path it was dumped with, so one made at build time
# is ignored once the app lives elsewhere (/opt/meshcert-inspector). The .deb's postinst and the
# .rpm's %post run this script: a static dump (-Xshare:dump) of the classes the window loads at
# start-up (lib/app/meshcert.classlist, recorded at build time by opening the window once under
# Xvfb) with the installed class path, read from the launcher's lib/app/meshcert.cfg. No display
# needed; a few seconds. The launcher asks for the archive with -XX:SharedArchiveFile under the
# JVM's default -Xshare:auto, so a missing or stale archive only means a slower start.
# Never fails the installation: a dump that goes wrong leaves no archive and says so.
set -u
lib="$(cd "$(dirname "$0")" && pwd)"
app="$lib/app"
archive="$app/meshcert.jsa"
case "${1:-make}" in
  remove)
    rm -f "$archive"
    exit 0
    ;;
  make) ;;
  *)
    echo "usage: $0 [make|remove]" >&2
    exit 2
    ;;
esac
java="$lib/runtime/bin/java"
list="$app/meshcert.classlist"
cfg="$app/meshcert.cfg"
if [ ! -x "$java" ] || [ ! -f "$list" ] || [ ! -f "$cfg" ]; then
  echo "meshcert: no AppCDS archive made (runtime, class list or launcher configuration missing)" >&2
  exit 0
fi
# The class path exactly as the launcher builds it: app.classpath entries in order, $APPDIR
# replaced by the folder of the .cfg file.
cp="$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\\\$APPDIR|$app|g" | paste -sd: -)"
rm -f "$archive"
tmp="$archive.tmp$$"
if "$java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$tmp" \
  -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$cp" >/dev/null 2>&1 && [ -s "$tmp" ]; then
  chmod 644 "$tmp" && mv -f "$tmp" "$archive"
  echo "meshcert: AppCDS archive made: $archive"
else
  rm -f "$tmp"
  echo "meshcert: no AppCDS archive made; the app starts without it" >&2
fi
exit 0
