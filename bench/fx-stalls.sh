#!/usr/bin/env bash
# FX-thread stalls of the real app while its Cluster screen scans 1,000 pods, end to end: a mock
# API server in a process of its own (dev.meshcert.bench.MockClusterServer: 1,000 Istio sidecar
# pods in 25 namespaces, PeerAuthentications, watches held open), and the app launched as users
# launch it, with KUBECONFIG at that server, in a real GTK window under Xvfb (software rendering),
# with its stall probe on (-Dmeshcert.stallProbe, see src/main/java/dev/meshcert/app/StallProbe.java).
# The app opens the Cluster screen and scans; once the rows are shown and the live pod watch has
# been requested, it runs SETTLE more seconds (default 5: the watch's first sync) and is sent
# SIGTERM, which writes the probe's summary. Variants, interleaved so load hits each alike:
# `image-cds` (the app image with its AppCDS archive, target/dist/meshcert/bin/meshcert) and `jar`
# (`java -jar target/meshcert.jar`, the README's way).
#   bench/fx-stalls.sh [runs]        (default 5; needs xvfb-run or a DISPLAY)
# Build first: ./mvnw -o -q -DskipTests package && packaging/package.sh app-image (without the
# image only `jar` runs). Per run it prints the longest stall and every stall over 100 ms with the
# FX thread's CPU time in it, for the whole run and for the part after the first frame; the probe
# files (with where the FX thread was during each stall over 100 ms) stay in target/bench/fx-stalls/.
# Settings, logs and the single-instance lock go to throw-away folders, never the real home.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
settle="${SETTLE:-5}"
pods="${PODS:-1000}"
image=target/dist/meshcert
out=target/bench/fx-stalls
[ -f target/meshcert.jar ] || ./mvnw -q -B -o -DskipTests package
if [ ! -f target/bench/test-classpath.txt ] || [ ! -f target/test-classes/dev/meshcert/bench/MockClusterServer.class ]; then
  ./mvnw -q -B -o test-compile
  ./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench/test-classpath.txt
fi
display=()
if [ -z "${DISPLAY:-}" ]; then
  display=(xvfb-run -a -s "-screen 0 1600x1000x24")
fi
rm -rf "$out" && mkdir -p "$out"
tmp="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench/test-classpath.txt)" \
  dev.meshcert.bench.MockClusterServer "$tmp/kubeconfig" "$pods" 25 >"$out/server.txt" 2>&1 &
server_pid=$!
for _ in $(seq 120); do grep -q '^ready ' "$out/server.txt" && break; sleep 1; done
grep '^ready ' "$out/server.txt" || { echo "the mock API server did not start"; exit 1; }

# run LABEL N COMMAND...: one launch; the probe's file is $out/LABEL-N.txt.
run() {
  local label="$1" n="$2"
  shift 2
  local file="$PWD/$out/$label-$n.txt" home="$tmp/home-$label-$n" load pid="" rows="" watch=""
  load="$(cut -d' ' -f1 /proc/loadavg)"
  mkdir -p "$home"
  local requests_before
  requests_before=$(wc -l <"$out/server.txt")
  XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state" XDG_RUNTIME_DIR="$home/run" \
    KUBECONFIG="$tmp/kubeconfig" JAVA_TOOL_OPTIONS="-Dmeshcert.stallProbe=$file ${JAVA_TOOL_OPTIONS:-}" \
    "${display[@]}" "$@" >"$home/app.txt" 2>&1 &
  local launcher=$!
  for _ in $(seq 1200); do
    [ -z "$pid" ] && [ -f "$file" ] && pid="$(sed -n '1s/.*pid \([0-9]*\),.*/\1/p' "$file")"
    grep -q '^phase rows-shown ' "$file" 2>/dev/null && rows=1
    tail -n +"$((requests_before + 1))" "$out/server.txt" | grep -q 'GET /api/v1/pods?.*watch=true' && watch=1
    [ -n "$rows" ] && [ -n "$watch" ] && break
    sleep 0.1
  done
  [ -n "$rows" ] && [ -n "$watch" ] || echo "$label $n: no rows or no watch within 120 s"
  sleep "$settle"
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 100); do grep -q '^summary all:' "$file" 2>/dev/null && break; sleep 0.1; done
  wait "$launcher" 2>/dev/null || true
  echo "load $load" >>"$file"
  report "$label" "$n" "$file"
}

# report LABEL N FILE: one line for the whole run, one for the part after the first frame.
report() {
  awk -v label="$1" -v n="$2" '
    /^phase first-frame / { frame = $4 }
    /^phase rows-shown / { rows = $4 }
    /^load / { load = $2 }
    /^stall / {
      wall[++k] = $2; cpu[k] = $5; at[k] = $8; ph[k] = $11
    }
    function line(from, what,   i, longest, lcpu, over, list) {
      longest = 0; over = 0; list = ""
      for (i = 1; i <= k; i++) {
        if (at[i] < from) continue
        if (wall[i] > longest) { longest = wall[i]; lcpu = cpu[i] }
        if (wall[i] > 100) { over++; list = list sprintf(" %s/%s@%s(%s)", wall[i], cpu[i], at[i], ph[i]) }
      }
      printf "%-9s run %d %-17s longest %5d ms (fx-cpu %4d ms), %d over 100 ms%s\n",
        label, n, what, longest, lcpu, over, (over ? ":" list : "")
    }
    END {
      printf "%-9s run %d load %s, first frame at %s ms, rows shown at %s ms\n", label, n, load, frame, rows
      line(0, "whole run:")
      line(frame, "after 1st frame:")
    }' "$3" | tee -a "$out/report.txt"
}

variants=(jar)
[ -x "$image/bin/meshcert" ] && variants=(image-cds jar)
echo "FX-thread stalls, $pods pods, $runs runs per variant (${variants[*]}); $(nproc) cores, $(date -u +%FT%TZ)" |
  tee "$out/report.txt"
echo "stall lines: wall/fx-cpu@start ms since process start(phase); load = 1-min load average before the run" |
  tee -a "$out/report.txt"
for i in $(seq "$runs"); do
  for v in "${variants[@]}"; do
    case "$v" in
      image-cds) run image-cds "$i" "$image/bin/meshcert" ;;
      jar) run jar "$i" java -jar target/meshcert.jar ;;
    esac
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/report.txt"
