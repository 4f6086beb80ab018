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

# label, then the command; appends the first-frame time (ms) to $tmp/<label> and the process's
# CPU time (user + sys, ms) to $tmp/<label>.cpu: CPU time is the figure machine load inflates least.
probe() {
  local label="$1"
  shift
  "${display[@]}" /usr/bin/time -f "cpu %U %S" -o "$tmp/time" "$@" 2>&1 |
    sed -n 's/^meshcert: first frame after \([0-9]*\) ms$/\1/p' >>"$tmp/$label"
  awk '/^cpu/ {printf "%d\n", ($2 + $3) * 1000}' "$tmp/time" >>"$tmp/$label.cpu"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
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

echo "start-up, process start to first frame (and CPU time, .cpu), $runs runs each ($(nproc) cores, $(date -u +%F))"
echo "load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
for v in "${variants[@]}"; do
  for f in "$v" "$v.cpu"; do
    sort -n "$tmp/$f" | awk -v l="$f" '{a[NR]=$1} END {
      printf "%-19s min %5d  median %5d  max %5d ms\n", l, a[1], a[int((NR+1)/2)], a[NR] }'
  done
done
