#!/usr/bin/env bash
# Runs the seal-status JMH benchmarks (benchmarks module) on PostgreSQL at 127.0.0.1:5432 and prints each score
# next to its baseline measured in the same run. Builds benchmarks/target/benchmarks.jar first if it is missing or
# older than the sources.
#
#   scripts/bench-status.sh                          everything, about 8 minutes on 2 cores
#   scripts/bench-status.sh 'StatusQueryBenchmark'   only matching benchmarks (JMH regex)
#   BENCH_JMH_OPTS='-f 1 -wi 4 -w 2s -i 5 -r 2s -t 2' scripts/bench-status.sh 'statusOf'   other run settings
#
# StatusBenchReport creates a fresh database, loads 10^6 seals of which 10^5 revoked with COPY (about 40 s, with
# progress), publishes the first revocation list, runs JMH with the database handed to every fork, prints the
# summary and drops the database (also on Ctrl-C). DatabaseCpuProfiler adds the CPU time of the JVM and of the
# database's PostgreSQL backends, so the per-CPU figures hold on a machine shared with other work.
# Output: benchmarks/target/jmh-status.json (JMH JSON) and benchmarks/target/bench-status.log.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/benchmarks/target"
jar="$target/benchmarks.jar"
# the single-shot revocation list benchmarks take -wi/-i as publications; -w/-r apply to the query benchmarks
opts=${BENCH_JMH_OPTS:--f 1 -wi 4 -w 2s -i 5 -r 2s}
fixed=(-prof cn.hrss.seal.bench.status.DatabaseCpuProfiler -rf json -rff "$target/jmh-status.json")
benchmarks=${1:-'cn.hrss.seal.bench.status.'}

if [ ! -f "$jar" ] || [ -n "$(find "$root/benchmarks/src/main" "$root/seal-status/src/main" "$root/seal-core/src/main" \
      "$root/benchmarks/pom.xml" "$root/seal-status/pom.xml" "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
  echo "bench-status: building $jar"
  (cd "$root" && ./mvnw -B -q -pl benchmarks -am -DskipTests package)
fi

mkdir -p "$target"
{
  echo "# bench-status $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | head -1
  psql -h 127.0.0.1 -U postgres -Atc 'SELECT version()' 2>/dev/null || echo "PostgreSQL version: psql not available"
  echo "jmh options: $opts ${fixed[*]} $benchmarks"
  # shellcheck disable=SC2086  # opts is a list of options
  java -cp "$jar" cn.hrss.seal.bench.status.StatusBenchReport $opts "${fixed[@]}" "$benchmarks"
  echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$target/bench-status.log"
