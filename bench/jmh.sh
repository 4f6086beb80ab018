#!/usr/bin/env bash
# Runs the JMH benchmarks in src/test/java/dev/meshcert/bench (see docs/performance.md).
#
#   bench/jmh.sh [JMH ARGS...]        e.g. bench/jmh.sh InspectBenchmark
#                                          bench/jmh.sh InspectBenchmark -f 1 -wi 2 -i 3
#
# Compiles the test classes (the JMH annotation processor runs with them) and starts
# org.openjdk.jmh.Main on the test class path.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
./mvnw -B -q -o test-compile
./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench/test-classpath.txt
exec java -cp "target/test-classes:target/classes:$(cat target/bench/test-classpath.txt)" \
  org.openjdk.jmh.Main "$@"
