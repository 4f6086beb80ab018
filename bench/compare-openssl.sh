#!/usr/bin/env bash
# Times `meshcert inspect --json` against `openssl storeutl -noout -text -certs` on the same
# 10,000-certificate PEM bundle, side by side. See docs/performance.md.
#
#   bench/compare-openssl.sh [RUNS] [COUNT]     (defaults: 10 runs, 10000 certificates)
#   MESHCERT_JAVA_OPTIONS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" bench/compare-openssl.sh
#                                               (JVM options for meshcert, e.g. the CLI launcher's)
#
# Builds target/meshcert.jar and the test classes when missing, generates the bundle once
# (target/bench/bundle-COUNT.pem), then runs both commands RUNS times, interleaved so that load
# from other processes hits both alike. Uses hyperfine when installed, else a loop with
# `date +%s%N`; prints mean, median, min and max wall time of each.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
count="${2:-10000}"
mkdir -p target/bench
bundle="target/bench/bundle-$count.pem"

if [ ! -f target/meshcert.jar ] || [ ! -d target/test-classes/dev/meshcert/bench ]; then
  ./mvnw -B -q -o -DskipTests package test-compile
fi
if [ ! -f "$bundle" ]; then
  [ -f target/bench/test-classpath.txt ] ||
    ./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/bench/test-classpath.txt
  echo "generating $bundle ($count certificates)..." >&2
  java -cp "target/test-classes:target/classes:$(cat target/bench/test-classpath.txt)" \
    dev.meshcert.bench.InspectBenchmarkBundle "$bundle" "$count"
fi

read -r -a jvm_options <<<"${MESHCERT_JAVA_OPTIONS:-}"
meshcert=(java "${jvm_options[@]}" -jar target/meshcert.jar inspect --json "$bundle")
openssl_cmd=(openssl storeutl -noout -text -certs "$bundle")

# Both must succeed (exit 0 or 1: findings are not failures) before they are timed.
set +e
"${meshcert[@]}" >/dev/null; rc=$?
set -e
if [ "$rc" -gt 1 ]; then
  echo "meshcert inspect failed with exit code $rc" >&2
  exit 1
fi
"${openssl_cmd[@]}" >/dev/null

echo "meshcert: ${meshcert[*]}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $(openssl version)"

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 1 --runs "$runs" -i \
    --command-name "meshcert inspect --json" "${meshcert[*]} > /dev/null" \
    --command-name "openssl storeutl -text" "${openssl_cmd[*]} > /dev/null"
  exit 0
fi

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
m=() o=()
for ((i = 1; i <= runs; i++)); do
  t=$(date +%s%N); "${meshcert[@]}" >/dev/null || true; m+=("$(ms "$t")")
  t=$(date +%s%N); "${openssl_cmd[@]}" >/dev/null; o+=("$(ms "$t")")
done

stats() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1; s += $1 }
    END { med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
          printf "mean %6.0f ms  median %6.0f ms  min %6d ms  max %6d ms  (%d runs)\n",
                 s / NR, med, v[1], v[NR], NR }'
}
echo "meshcert inspect --json : $(stats "${m[@]}")"
echo "openssl storeutl -text  : $(stats "${o[@]}")"
echo "runs, ms (meshcert openssl):"
for ((i = 0; i < runs; i++)); do echo "  ${m[$i]} ${o[$i]}"; done
