#!/usr/bin/env bash
# The evidence log at 10^7 entries on PostgreSQL at 127.0.0.1:5432 (trust auth as postgres): append rate (one leaf
# per transaction, batches of 100 and 1000) as a ratio to the SM3 leaf-hashing rate of the same leaves measured in
# the same run; then fills the log to N entries with COPY (leaves and the real SM3 subtree hashes, computed as an
# append does) and times roots, inclusion and consistency proofs (p50/p99 of random queries, each proof verified
# offline), and the append rate again at N. Builds benchmarks/target/benchmarks.jar first if it is missing or older
# than the sources.
#
#   scripts/bench-evidence.sh                 N = 10^7, 1000 queries each; about 15 minutes on 2 cores, ~10 GB disk
#   scripts/bench-evidence.sh 1000000 500     N = 10^6, 500 queries each
#   BENCH_KEEP=1 scripts/bench-evidence.sh    keep the database bench_evidence afterwards (dropped by default)
#   BENCH_JAVA_OPTS=-Dbench.pg.params=?reWriteBatchedInserts=true scripts/bench-evidence.sh   JDBC URL parameters
#
# Uses the scratch database bench_evidence (dropped first if it exists, and at the end).
# Output: benchmarks/target/bench-evidence.log.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/benchmarks/target"
jar="$target/benchmarks.jar"
size=${1:-10000000}
queries=${2:-1000}

if [ ! -f "$jar" ] || [ -n "$(find "$root/benchmarks/src/main" "$root/evidence/src/main" "$root/seal-core/src/main" \
      "$root/benchmarks/pom.xml" "$root/evidence/pom.xml" "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
  echo "bench-evidence: building $jar"
  (cd "$root" && ./mvnw -B -q -pl benchmarks -am -DskipTests package)
fi

mkdir -p "$target"
{
  echo "# bench-evidence $(date -u '+%Y-%m-%d %H:%M UTC'), N = $size, $queries queries"
  echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | head -1
  psql -h 127.0.0.1 -U postgres -Atc "SELECT version() || '; ' || string_agg(name || '=' || setting, ', ')
      FROM pg_settings WHERE name IN ('shared_buffers', 'synchronous_commit', 'fsync')" 2>/dev/null \
    || echo "PostgreSQL version: psql not available"
  # shellcheck disable=SC2086  # BENCH_JAVA_OPTS is a list of options
  java -Xmx2g ${BENCH_KEEP:+-Dbench.keep=true} ${BENCH_JAVA_OPTS:-} -cp "$jar" cn.hrss.seal.evidence.EvidenceBenchReport "$size" "$queries"
  echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$target/bench-evidence.log"
