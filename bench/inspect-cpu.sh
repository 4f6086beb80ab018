#!/usr/bin/env bash
# Issue 3's ratio in process CPU time: reading the 10,000-certificate bundle alone against the
# whole analysis, alternately in one warm JVM (dev.meshcert.bench.InspectCpu). See
# docs/performance.md, "Inspection (JMH)".
#
#   bench/inspect-cpu.sh [RUNS]        (default 16; the first half warms up)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
./mvnw -B -q -o test-compile
./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench/test-classpath.txt
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench/test-classpath.txt)" \
  dev.meshcert.bench.InspectCpu "$@"
