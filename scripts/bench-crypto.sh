#!/usr/bin/env bash
# Runs the crypto JMH suite (benchmarks module) and prints each score as a ratio to raw BouncyCastle SM2 measured
# in the same run. Builds benchmarks/target/benchmarks.jar first if it is missing or older than the sources.
#
#   scripts/bench-crypto.sh                      whole suite, about 10 minutes with the SDF device
#   scripts/bench-crypto.sh 'Sm2Benchmark|DeviceBenchmark.signDigest'   only matching benchmarks (JMH regex)
#   BENCH_JMH_OPTS='-f 2 -i 10' scripts/bench-crypto.sh                 other run settings
#
# CpuTimeProfiler adds the CPU time each benchmark used, so the summary also gives ratios per CPU-second: on a
# machine shared with other work those are the ratios to trust (the wall-clock ones follow the neighbours' load).
# Threads are not set here: each benchmark declares its own with @Threads (1, or 2 for the *2Threads variants),
# and JMH's -t would override them. Output: benchmarks/target/jmh-crypto.json (JMH JSON) and
# benchmarks/target/bench-crypto.log (everything printed, including the summary).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/benchmarks/target"
jar="$target/benchmarks.jar"
opts=${BENCH_JMH_OPTS:--f 1 -wi 5 -w 3s -i 5 -r 3s}
fixed=(-prof cn.hrss.seal.bench.crypto.CpuTimeProfiler -rf json -rff "$target/jmh-crypto.json")
# The device benchmarks also run on the SDF device over the test GM/T 0018 library seal-core builds (gcc).
sdf_library="$root/seal-core/target/native/libsdftest.so"

stale() {
  [ ! -f "$jar" ] && return 0
  [ ! -f "$sdf_library" ] && return 0
  [ -n "$(find "$root/benchmarks/src/main" "$root/seal-core/src/main" "$root/benchmarks/pom.xml" \
            "$root/seal-core/pom.xml" "$root/pom.xml" -newer "$jar" -print -quit)" ]
}
if stale; then
  echo "bench-crypto: building $jar"
  (cd "$root" && ./mvnw -B -q -pl benchmarks -am -DskipTests package)
fi

mkdir -p "$target"
if [ -f "$sdf_library" ]; then
  export SEAL_BENCH_SDF_LIBRARY="$sdf_library" SDF_TEST_KEYSTORE="$target/sdftest-keystore.txt"
  rm -f "$SDF_TEST_KEYSTORE"
  fixed+=(-p device=soft,sdf)
else
  echo "bench-crypto: $sdf_library not built, device benchmarks run on the soft device only"
fi
{
  echo "# bench-crypto $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | head -1
  echo "jmh options: $opts ${fixed[*]} $*"
  # shellcheck disable=SC2086  # opts is a list of options
  java -cp "$jar" cn.hrss.seal.bench.crypto.CryptoBenchReport $opts "${fixed[@]}" "$@"
  echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$target/bench-crypto.log"
