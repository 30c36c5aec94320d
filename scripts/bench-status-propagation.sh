#!/usr/bin/env bash
# Status propagation across the tiers and outbox catch-up after a parent outage (docs/PERFORMANCE.md section 4):
# starts the demo topology from the jars with every node on its own PostgreSQL database (127.0.0.1:5432, user
# postgres), makes seals at the city and changes their status, and prints p50/p99 delays city -> ministry and
# ministry -> other province, then stops the province for 60 s while the city keeps working and times the catch-up.
#   scripts/bench-status-propagation.sh                  1,000 changes, 60-second outage (about 6 minutes)
#   BENCH_CHANGES=200 BENCH_OUTAGE_SECONDS=20 scripts/bench-status-propagation.sh
set -euo pipefail
cd "$(dirname "$0")/.."
for jar in deploy/seal-node/target/seal-node.jar deploy/national-platform-sim/target/national-platform-sim.jar \
           deploy/demo/target/seal-demo.jar; do
  [ -f "$jar" ] || { ./mvnw -B -q -DskipTests package; break; }
done
exec java -cp deploy/demo/target/seal-demo.jar -Dloader.main=cn.hrss.seal.demo.PropagationBenchmark \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  --changes "${BENCH_CHANGES:-1000}" --outage-seconds "${BENCH_OUTAGE_SECONDS:-60}" \
  --base-port "${BENCH_BASE_PORT:-19500}"
