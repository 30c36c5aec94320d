#!/usr/bin/env bash
# Physical baseline for the crypto benchmarks: the machine's OpenSSL 3 on SM2 sign/verify, SM3 and SM4-CBC.
# Wall-clock time (-elapsed) like JMH, 3 seconds per figure; about 2 minutes in all.
# Output: benchmarks/target/bench-openssl.log.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/benchmarks/target"
mkdir -p "$target"
speed() {
  echo
  echo "\$ openssl speed $*"
  openssl speed "$@" 2>&1 | grep -vE '^(Doing|version:|built on:|options:|compiler:|CPUINFO:)'
}
{
  echo "# bench-openssl $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
  openssl version
  speed -elapsed -seconds 3 sm2
  speed -elapsed -seconds 3 -multi 2 sm2
  speed -elapsed -seconds 3 -evp sm3
  speed -elapsed -seconds 3 -bytes 1048576 -evp sm3
  speed -elapsed -seconds 3 -evp sm4-cbc
} 2>&1 | tee "$target/bench-openssl.log"
