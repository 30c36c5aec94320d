#!/usr/bin/env bash
# Seed 000's service levels (docs/PERFORMANCE.md section 6): the demo federation from the jars, every node on its own
# PostgreSQL database (127.0.0.1:5432, user postgres), a local ganache chain; three institutions at Xiamen register and
# sign three-party contracts; prints p50/p99/max of registration, signing, query, time to the chain, chain query and
# SM3 throughput beside the targets.
#   scripts/bench-service-levels.sh                 20 contracts (about 5 minutes)
#   BENCH_CONTRACTS=50 scripts/bench-service-levels.sh
set -euo pipefail
cd "$(dirname "$0")/.."
for jar in deploy/seal-node/target/seal-node.jar deploy/national-platform-sim/target/national-platform-sim.jar \
           seal-cli/target/seal-cli.jar deploy/demo/target/seal-demo.jar; do
  [ -f "$jar" ] || { ./mvnw -B -q -DskipTests package; break; }
done
exec java -cp deploy/demo/target/seal-demo.jar -Dloader.main=cn.hrss.seal.demo.ServiceLevelsBenchmark \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  --contracts "${BENCH_CONTRACTS:-20}" --base-port "${BENCH_BASE_PORT:-19600}"
