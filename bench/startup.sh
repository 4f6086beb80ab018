#!/usr/bin/env bash
# Start-up time: process start to the first painted window (the app's start-up probe,
# -Dmeshcert.startupProbe=exit), for `java -jar`, for the packaged app image with and without
# its AppCDS archive, and (when the .deb is installed: packaging/package.sh deb, then
# dpkg -i target/dist/meshcert-inspector_*.deb) for the installed app with the archive its
# post-install step made and without it. Runs are interleaved so machine load hits every variant
# alike.
#   bench/startup.sh [runs]          (default 7; needs xvfb-run or a DISPLAY)
# Build first: ./mvnw -o -q -DskipTests package && packaging/package.sh app-image
# Settings, logs and the single-instance lock go to a throw-away folder, never the real home.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
[ -f target/meshcert.jar ] || ./mvnw -q -B -o -DskipTests package
image=target/dist/meshcert
installed=/opt/meshcert-inspector/bin/meshcert
display=()
if [ -z "${DISPLAY:-}" ]; then
  display=(xvfb-run -a -s "-screen 0 1600x1000x24")
fi
tmp="$(mktemp -d)"
export XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" XDG_RUNTIME_DIR="$tmp/run"

probe() { # label, then the command; appends one number (ms) to $tmp/<label>
  local label="$1"
  shift
  "${display[@]}" "$@" 2>&1 | sed -n 's/^meshcert: first frame after \([0-9]*\) ms$/\1/p' \
    >>"$tmp/$label"
}

variants=(jar)
[ -x "$image/bin/meshcert" ] && variants+=(image-cds image-nocds)
[ -x "$installed" ] && variants+=(installed-cds installed-nocds)
for i in $(seq "$runs"); do
  probe jar java -Dmeshcert.startupProbe=exit -jar target/meshcert.jar
  if [ -x "$image/bin/meshcert" ]; then
    JAVA_TOOL_OPTIONS="-Dmeshcert.startupProbe=exit" probe image-cds "$image/bin/meshcert"
    JAVA_TOOL_OPTIONS="-Dmeshcert.startupProbe=exit -Xshare:off" \
      probe image-nocds "$image/bin/meshcert"
  fi
  if [ -x "$installed" ]; then
    JAVA_TOOL_OPTIONS="-Dmeshcert.startupProbe=exit" probe installed-cds "$installed"
    JAVA_TOOL_OPTIONS="-Dmeshcert.startupProbe=exit -Xshare:off" probe installed-nocds "$installed"
  fi
done

echo "start-up, process start to first frame, $runs runs each ($(nproc) cores, $(date -u +%F))"
for v in "${variants[@]}"; do
  sort -n "$tmp/$v" | awk -v l="$v" '{a[NR]=$1} END {
    printf "%-12s min %5d  median %5d  max %5d ms\n", l, a[1], a[int((NR+1)/2)], a[NR] }'
done
