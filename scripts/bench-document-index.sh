#!/usr/bin/env bash
# The evidence document index as the log grows (docs/PERFORMANCE.md section 3): rounds of 2,048 signing leaves
# (262,144 lookup keys each); per round the V9_8 B-tree fill of those keys (baseline) and the V9_9 sorted-run fill
# with its merges, in the same database, as µs per key and as a ratio; then lookup latency through the runs.
# Builds benchmarks/target/benchmarks.jar first if it is missing or older than the sources.
#
#   scripts/bench-document-index.sh            40 rounds (10.5 million keys) on an embedded H2 file, as the node's
#                                              defaults; about 15 minutes on 2 cores, ~1.5 GB disk in /tmp
#   scripts/bench-document-index.sh 80 pg      80 rounds on PostgreSQL at 127.0.0.1:5432 (scratch database
#                                              bench_document_index, dropped at the end)
#
# Output: benchmarks/target/bench-document-index.log.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/benchmarks/target"
jar="$target/benchmarks.jar"
rounds=${1:-40}
database=${2:-h2}

if [ ! -f "$jar" ] || [ -n "$(find "$root/benchmarks/src/main" "$root/evidence/src/main" "$root/seal-core/src/main" \
      "$root/benchmarks/pom.xml" "$root/evidence/pom.xml" "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
  echo "bench-document-index: building $jar"
  (cd "$root" && ./mvnw -B -q -pl benchmarks -am -DskipTests package)
fi

mkdir -p "$target"
{
  echo "# bench-document-index $(date -u '+%Y-%m-%d %H:%M UTC'), $rounds rounds, $database"
  echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | head -1
  # shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of options
  java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$jar" cn.hrss.seal.evidence.DocumentIndexBenchReport "$rounds" "$database"
  echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$target/bench-document-index.log"
