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
#   IDLE_WAIT=10 bench/fx-stalls.sh  (before each run, wait up to 10 min for an idle machine)
#   PODS=1 bench/fx-stalls.sh        (the control: the same launch with one pod)
#   LATENCY=600 bench/fx-stalls.sh   (every API answer 600 ms late: a distant cluster)
# Build first: ./mvnw -o -q -DskipTests package && packaging/package.sh app-image (without the
# image only `jar` runs). Per run it prints the longest stall and every stall over 100 ms with the
# FX thread's CPU time in it, for the whole run, after the first frame and from the rows on; the probe
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
  dev.meshcert.bench.MockClusterServer "$tmp/kubeconfig" "$pods" 25 "${LATENCY:-0}" >"$out/server.txt" 2>&1 &
server_pid=$!
for _ in $(seq 120); do grep -q '^ready ' "$out/server.txt" && break; sleep 1; done
grep '^ready ' "$out/server.txt" || { echo "the mock API server did not start"; exit 1; }

# CPU ticks (1/100 s): the whole machine's busy time, and one process's own.
busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# With IDLE_WAIT=N, waits up to N minutes before each run for 3 s in which the machine was
# less than 10 % busy (of one core).
wait_idle() {
  local b0 b1 i
  for i in $(seq $((IDLE_WAIT * 20))); do
    b0=$(busy) && sleep 3 && b1=$(busy)
    [ $((b1 - b0)) -lt 30 ] && return 0
  done
  echo "(the machine was not idle within $IDLE_WAIT min; running anyway)"
}

# run LABEL N COMMAND...: one launch; the probe's file is $out/LABEL-N.txt. Besides the load
# average, it notes the CPU time that processes other than this benchmark's (the app, the server,
# Xvfb) used during the run: the only figure that tells an otherwise idle machine.
run() {
  local label="$1" n="$2"
  shift 2
  [ "${IDLE_WAIT:-0}" -gt 0 ] && wait_idle
  local file="$PWD/$out/$label-$n.txt" home="$tmp/home-$label-$n" load pid="" rows="" watch=""
  load="$(cut -d' ' -f1 /proc/loadavg)"
  mkdir -p "$home"
  local requests_before busy0 server0 started
  requests_before=$(wc -l <"$out/server.txt")
  busy0=$(busy) server0=$(ticks "$server_pid") started=$(date +%s%N)
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
  local own other secs
  own=$(($(ticks "$server_pid") - server0 + $(ticks "$pid")))
  for x in $(pgrep -P "$launcher" Xvfb); do own=$((own + $(ticks "$x"))); done
  other=$(($(busy) - busy0 - own)) secs=$((($(date +%s%N) - started) / 10000000))
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 100); do grep -q '^summary all:' "$file" 2>/dev/null && break; sleep 0.1; done
  wait "$launcher" 2>/dev/null || true
  echo "load $load, others $((other < 0 ? 0 : other * 100 / secs)) % of a core" >>"$file"
  report "$label" "$n" "$file"
}

# report LABEL N FILE: one line for the whole run, one for the stalls that begin after the first
# frame (the pulse painting it is start-up), one for those that end after the rows were shown (the
# pulse showing them, then the live watch's first sync).
report() {
  awk -v label="$1" -v n="$2" '
    /^phase first-frame / { frame = $4 }
    /^phase rows-shown / { rows = $4 }
    /^load / { load = $2 " " $3 " " $4 " " $5 " " $6 " " $7 " " $8 }
    /^stall / {
      wall[++k] = $2; cpu[k] = $5; at[k] = $8; ph[k] = $11
    }
    # the stalls that begin at or after FROM, or with ENDING those that end after it
    function line(from, ending, what,   i, longest, lcpu, over, list) {
      longest = 0; lcpu = 0; over = 0; list = ""
      for (i = 1; i <= k; i++) {
        if ((ending ? at[i] + wall[i] : at[i]) < from) continue
        if (wall[i] > longest) { longest = wall[i]; lcpu = cpu[i] }
        if (wall[i] > 100) { over++; list = list sprintf(" %s/%s@%s(%s)", wall[i], cpu[i], at[i], ph[i]) }
      }
      printf "%-9s run %d %-18s longest %5d ms (fx-cpu %4d ms), %d over 100 ms%s\n",
        label, n, what, longest, lcpu, over, (over ? ":" list : "")
    }
    END {
      printf "%-9s run %d load %s, first frame at %s ms, rows shown at %s ms\n", label, n, load, frame, rows
      line(0, 0, "whole run:")
      line(frame, 0, "after 1st frame:")
      line(rows, 1, "from the rows on:")
    }' "$3" | tee -a "$out/report.txt"
}

variants=(jar)
[ -x "$image/bin/meshcert" ] && variants=(image-cds jar)
echo "FX-thread stalls, $pods pods, latency ${LATENCY:-0} ms, $runs runs per variant (${variants[*]}); $(nproc) cores, $(date -u +%FT%TZ)" |
  tee "$out/report.txt"
echo "stall lines: wall/fx-cpu@start ms since process start(phase); load: 1-min average before the run;" \
  "others: CPU used by processes other than the app, the server and Xvfb during the run" |
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
