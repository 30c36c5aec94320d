#!/usr/bin/env bash
# Physical baseline for the crypto benchmarks: the machine's OpenSSL 3 on SM2 sign/verify, SM3 and SM4-CBC.
# 3 seconds per figure, about 2 minutes in all. OpenSSL divides by user CPU time (no -elapsed), so its figures
# compare with the "per CPU-s" columns of scripts/bench-crypto.sh, also on a machine busy with other work.
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
  speed -seconds 3 sm2
  speed -seconds 3 -evp sm3
  speed -seconds 3 -bytes 1048576 -evp sm3
  speed -seconds 3 -evp sm4-cbc
} 2>&1 | tee "$target/bench-openssl.log"
