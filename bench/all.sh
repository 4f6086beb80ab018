#!/usr/bin/env bash
# Reruns every benchmark of docs/performance.md, one after the other, and keeps each one's output
# in target/bench/all/<name>.txt (plus a summary with the machine, the date and each exit code).
#
#   bench/all.sh            every benchmark (about 30-40 minutes on 2 cores)
#   bench/all.sh NAME...    only these (names as in the lines below, e.g. `bench/all.sh openssl`)
#
# Run it on an otherwise idle machine: the numbers are wall-clock times. One failing benchmark does
# not stop the others; the exit code is 1 when any failed.
#
# Adding a benchmark: append one `step NAME COMMAND...` line below (a script in bench/ or a JMH
# class through bench/jmh.sh) and give it a section in docs/performance.md.
set -uo pipefail
cd "$(dirname "$0")/.."
out=target/bench/all
mkdir -p "$out"
summary="$out/summary.txt"
wanted=("$@")
failed=0

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(free -g | awk '/Mem:/ { print $2 " GiB" }'), load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
} | tee "$summary"

# Builds once up front, so that no benchmark times a compilation.
./mvnw -B -q -o -DskipTests package test-compile || exit 1
./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench/test-classpath.txt || exit 1

step() {
  local name="$1"
  shift
  if [ "${#wanted[@]}" -gt 0 ] && [[ ! " ${wanted[*]} " == *" $name "* ]]; then
    return 0
  fi
  echo "== $name: $*" | tee -a "$summary"
  local start rc
  start=$(date +%s)
  "$@" >"$out/$name.txt" 2>&1
  rc=$?
  echo "   exit $rc after $(($(date +%s) - start)) s, output in $out/$name.txt" | tee -a "$summary"
  tail -n 15 "$out/$name.txt"
  [ "$rc" -eq 0 ] || failed=1
}

# name        command (see docs/performance.md for what each measures)
step openssl   bench/compare-openssl.sh 10 10000
step openssl-c1 env MESHCERT_JAVA_OPTIONS='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' bench/compare-openssl.sh 10 10000
step inspect   bench/jmh.sh InspectBenchmark -f 1 -wi 3 -i 5
step inspect-cpu bench/inspect-cpu.sh 16
step chain     bench/jmh.sh ChainBenchmark -f 1 -wi 3 -i 8
step lint      bench/jmh.sh LintBenchmark -f 1 -wi 3 -i 5
step probe     bench/jmh.sh ProbeBenchmark -f 1 -wi 3 -i 5
step fx-pulse  bash -c './mvnw -B -o -q test -Dtest="FxPulseTest,ClusterPulseTest" -Dfxpulse.count=10000 && cat target/fx-pulse/report.txt target/fx-pulse/cluster.txt'
step fuzz      bash -c './mvnw -B -o -q test -Dtest=MutationFuzzTest && cat target/fuzz/report.txt'
step mesh-scan bench/jmh.sh MeshScanBenchmark -p parallelism=32,1 -wi 2 -i 3
step cluster   bash -c 'bench/jmh.sh ClusterListingBenchmark -f 1 -wi 2 -i 4 -w 2s -r 3s -prof gc && java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench/test-classpath.txt)" dev.meshcert.bench.ClusterListingBenchmark'
step startup   bash -c 'packaging/package.sh app-image && bench/startup.sh 7'
step fx-stalls bash -c 'packaging/package.sh app-image && bench/fx-stalls.sh 5'
step mesh      bench/jmh.sh MeshViewsBenchmark -f 1 -wi 3 -i 5

exit "$failed"
