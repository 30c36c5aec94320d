#!/usr/bin/env bash
# Installs the system packages the build and tests need (Debian). Safe to run repeatedly.
#   libssl-dev  OpenSSL 3 headers: the test GM/T 0018 SDF library is built against libcrypto
#   openssl     the independent implementation the interop tests check our output with
#   gcc         builds the test SDF library
#   fonts-noto-cjk  Noto Serif CJK SC, the Song-style face seal pictures are drawn with
#   fonts-wqy-zenhei  WenQuanYi Zen Hei, TrueType outlines PDFBox can embed in PDF verification reports (Noto CJK is CFF)
#   chromium chromium-driver  Debian's headless browser and its WebDriver, for the public portal's end-to-end test
#   nodejs npm  the build compiles the evidence-anchor Solidity contract with the solc npm package and the tests run a
#               local ganache chain (both pinned in evidence-anchor-evm/package-lock.json); skipped when node and npm
#               are already on the PATH
set -euo pipefail
need=()
for pkg in libssl-dev openssl gcc fonts-noto-cjk fonts-wqy-zenhei chromium chromium-driver; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need[@]}"
fi
