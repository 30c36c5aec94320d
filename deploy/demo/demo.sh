#!/usr/bin/env bash
# The three-tier federation demo on loopback (docs/DEMO.md): national-platform simulator, ministry, Fujian and
# Guangdong provinces and Xiamen city, each its own process with its own H2 database and key store. It registers the
# lower nodes through access test and registration, makes a cross-industry seal at Xiamen (national code relayed via
# Fujian and the ministry), signs a PDF with it, verifies it on Guangdong's portal (through the ministry), revokes
# it at Xiamen and shows Guangdong's verification turn FAILED, printing each step. When the build installed ganache
# (evidence-anchor-evm), a local EVM chain runs too: the signing's evidence receipt, cosigned by Fujian and anchored,
# is checked by seal-cli against the chain.
#
#   deploy/demo/demo.sh                  build the jars if missing, run, stop everything at the end
#   deploy/demo/demo.sh --keep-running   leave the nodes up (ports 19400-19404) to look around; Ctrl-C stops them
#   DEMO_BASE_PORT=29400 deploy/demo/demo.sh   other ports
set -euo pipefail
cd "$(dirname "$0")/../.."
jars=(deploy/seal-node/target/seal-node.jar deploy/national-platform-sim/target/national-platform-sim.jar
      seal-cli/target/seal-cli.jar deploy/demo/target/seal-demo.jar)
for jar in "${jars[@]}"; do
  if [[ ! -f "$jar" ]]; then
    echo "building the jars (./mvnw -B -q -DskipTests package) ..."
    ./mvnw -B -q -DskipTests package
    break
  fi
done
work="${DEMO_WORK:-$(mktemp -d -t seal-demo.XXXXXX)}"
exec java -jar deploy/demo/target/seal-demo.jar --work "$work" --base-port "${DEMO_BASE_PORT:-19400}" \
  --node-jar deploy/seal-node/target/seal-node.jar \
  --sim-jar deploy/national-platform-sim/target/national-platform-sim.jar --cli-jar seal-cli/target/seal-cli.jar "$@"
