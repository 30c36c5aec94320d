#!/usr/bin/env bash
# Seal application benchmarks (docs/PERFORMANCE.md section 3), in one run:
#   api  the node's data-signing API (POST /api/v1/sign/data) against raw SM2 signing on the same machine: starts
#        deploy/seal-node/target/seal-node.jar on a free loopback port with a temporary data directory, creates
#        a business administrator, an operator and a reviewer, makes a seal through the seal-making API, creates
#        an API client, grants it a standing authorisation, takes a client token, runs JMH's raw SM2 baseline
#        (Sm2Benchmark.bcSign2Threads) briefly and then the load driver with 2 client threads once per mode
#        (BENCH_LOAD_MODES: single requests, batches of 100 digests time-stamped and without time stamps),
#        prints the ratios and stops the node;
#   jmh  the in-process JMH suite: PDF signing latency (1 and 100 pages, p50/p99), verification of a signed PDF,
#        OFD and detached SES_Signature, all with raw SM2 sign/verify as baselines in the same run.
#
#   scripts/bench-application.sh            both parts, about 10 minutes on 2 cores
#   scripts/bench-application.sh api        only the API part
#   scripts/bench-application.sh jmh        only the JMH part
#   BENCH_LOAD_SECONDS=60 BENCH_LOAD_THREADS=2 BENCH_JMH_OPTS='-f 1 -wi 3 -w 3s -i 5 -r 5s' ...   other settings
#   BENCH_NODE_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/node.jfr,settings=profile'   JVM options of the node
#
# Builds benchmarks/target/benchmarks.jar and the node jar first if they are missing or older than the sources.
# Fails with exit status 3 and says so when the node has no data-signing endpoint yet (404).
# Output: benchmarks/target/bench-application.log (everything printed), benchmarks/target/jmh-application*.json,
# the node's log in benchmarks/target/bench-application-node.log.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/benchmarks/target"
jar="$target/benchmarks.jar"
node_jar="$root/deploy/seal-node/target/seal-node.jar"
parts=${1:-all}
jmh_opts=${BENCH_JMH_OPTS:--f 1 -wi 3 -w 3s -i 5 -r 5s}
baseline_opts=${BENCH_BASELINE_OPTS:--f 1 -wi 3 -w 3s -i 5 -r 3s}   # run before and after the load
load_seconds=${BENCH_LOAD_SECONDS:-120}   # holds several evidence index fills (every ~16 s under batch load)
load_warmup=${BENCH_LOAD_WARMUP:-15}
# every mode runs this long unmeasured before any is measured: the node's JIT compiles for minutes under these
# loads (PrintCompilation; the load driver's CPU-by-thread line shows the compiler threads' share)
jit_warmup=${BENCH_JIT_WARMUP:-60}
load_modes=${BENCH_LOAD_MODES:-single,batch100,batch100-untimed}
load_threads=${BENCH_LOAD_THREADS:-2}
cpu_profiler=cn.hrss.seal.bench.crypto.CpuTimeProfiler
case "$parts" in all | api | jmh) ;; *) echo "usage: $0 [all|api|jmh]" >&2; exit 2 ;; esac

newer_sources() { # $1 = artefact; true when a main source or pom is newer
  [ -n "$(find "$root"/*/src/main "$root"/deploy/*/src/main "$root"/pom.xml "$root"/*/pom.xml -newer "$1" \
            -print -quit 2>/dev/null)" ]
}
build=(benchmarks)
[ "$parts" = jmh ] || build+=(deploy/seal-node)   # the node only for the API part
for artefact in "$jar" $([ "$parts" = jmh ] || echo "$node_jar"); do
  if [ ! -f "$artefact" ] || newer_sources "$artefact"; then
    echo "bench-application: building $(IFS=,; echo "${build[*]}")"
    (cd "$root" && ./mvnw -B -q -pl "$(IFS=,; echo "${build[*]}")" -am -DskipTests package)
    break
  fi
done
mkdir -p "$target"

node_pid=""
data_dir=""
cleanup() {
  if [ -n "$node_pid" ] && kill -0 "$node_pid" 2>/dev/null; then
    kill "$node_pid" 2>/dev/null || true   # SIGTERM: graceful shutdown
    for _ in $(seq 60); do kill -0 "$node_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$node_pid" 2>/dev/null || true
  fi
  [ -n "$data_dir" ] && rm -rf "$data_dir"
  return 0
}
fail() { echo "bench-application: $1" >&2; exit "${2:-1}"; }

# --- the node's HTTP API, as a business system and the operators use it ---------------------------------------
base=""
http_code=""
http_body=""
call() { # method path token [json]; sets http_code and http_body
  local out
  out=$(curl -sS -o - -w '\n%{http_code}' -X "$1" "$base$2" ${3:+-H "Authorization: Bearer $3"} \
        -H 'Content-Type: application/json' --data-binary "${4:-}")
  http_code=${out##*$'\n'}
  http_body=${out%$'\n'*}
}
expect() { # step expected-status...
  local step=$1; shift
  for s in "$@"; do [ "$http_code" = "$s" ] && return 0; done
  if [ "$http_code" = 404 ]; then
    fail "$step: the node answered 404 (endpoint not on this node yet): $http_body" 3
  fi
  fail "$step: HTTP $http_code: $http_body"
}
field() { # name; first string field of that name in http_body
  sed -n 's/.*"'"$1"'":"\([^"]*\)".*/\1/p' <<<"$http_body" | head -1
}
token() { # username password
  call POST /api/v1/auth/login "" "{\"username\":\"$1\",\"password\":\"$2\"}"
  expect "login $1" 200
  field token
}
random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }

api_part() {
  [ -f "$node_jar" ] || fail "$node_jar missing"
  data_dir=$(mktemp -d "${TMPDIR:-/tmp}/seal-bench-node.XXXXXX")
  local port admin_password password node_log
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  admin_password="Bench9Admin$(random_hex 6)"
  password="Bench9User$(random_hex 6)"
  node_log="$target/bench-application-node.log"
  echo "node: $node_jar on port $port, data in $data_dir, log $node_log"
  # the node's own environment, without any seal settings of the caller's shell that would change the scenario
  env $(env | sed -n 's/^\(SEAL_[A-Za-z0-9_]*\)=.*/-u \1/p') SEAL_BOOTSTRAP_ADMIN="admin:$admin_password" \
    java ${BENCH_NODE_JAVA_OPTS:-} -jar "$node_jar" --server.port="$port" --server.address=127.0.0.1 --seal.data-dir="$data_dir" \
    >"$node_log" 2>&1 &
  node_pid=$!
  for _ in $(seq 360); do
    kill -0 "$node_pid" 2>/dev/null || fail "node exited at start-up, see $node_log"
    curl -sf "$base/actuator/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -sf "$base/actuator/health" >/dev/null || fail "node not healthy within 180 s, see $node_log"
  echo "node: up (pid $node_pid)"

  local admin operator reviewer business es_id client_id client_secret client valid_until
  admin=$(token admin "$admin_password")
  for user in "bench-business:BUSINESS_ADMIN" "bench-operator:SEAL_OPERATOR" "bench-reviewer:SEAL_REVIEWER"; do
    call POST /api/v1/users "$admin" "{\"username\":\"${user%%:*}\",\"password\":\"$password\",\
\"displayName\":\"${user%%:*}\",\"roles\":[\"${user##*:}\"]}"
    expect "create user ${user%%:*}" 201
  done
  business=$(token bench-business "$password")
  operator=$(token bench-operator "$password")
  reviewer=$(token bench-reviewer "$password")

  # a seal as docs/SEAL-LIFECYCLE.md makes it: application (operator), approval (reviewer), making (operator)
  call POST /api/v1/seal-applications "$operator" '{"unitCreditCode":"9135052155323005XL","unitRegionCode":"350521",
    "unitType":"PUBLIC_INSTITUTION","unitName":"泉州市社会保险中心","unitAddress":"泉州市丰泽区",
    "agentName":"张三","agentIdNumber":"11010519491231002X","agentPhone":"13800138000",
    "approverUnitName":"泉州市人力资源和社会保障局","approverRegionCode":"350500",
    "sealName":"业务专用章","sealType":"99","scope":"INDUSTRY","validityDays":365}'
  expect "seal application" 201
  local application
  application=$(field id)
  call POST "/api/v1/seal-applications/$application/approve" "$reviewer" '{"opinion":"同意"}'
  expect "approval" 200
  call POST "/api/v1/seal-applications/$application/make" "$operator"
  expect "making" 200
  es_id=$(field esId)
  echo "seal: $es_id"

  call POST /api/v1/api-clients "$business" '{"name":"bench load driver"}'
  expect "API client" 200 201
  client_id=$(field clientId)
  client_secret=$(field clientSecret)
  valid_until=$(date -u -d '+1 day' '+%Y-%m-%dT%H:%M:%SZ')
  call POST /api/v1/authorisations "$business" "{\"clientId\":\"$client_id\",\"esId\":\"$es_id\",\
\"purposes\":[\"bench\"],\"validUntil\":\"$valid_until\",\"dailyLimit\":100000000}"
  expect "authorisation" 200 201
  call POST /api/v1/auth/client-token "" "{\"clientId\":\"$client_id\",\"clientSecret\":\"$client_secret\"}"
  expect "client token" 200
  client=$(field token)

  # one request before anything long runs: a node without the endpoint fails here, clearly
  local probe
  probe=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$base/api/v1/sign/data" \
          -H "Authorization: Bearer $client" -F "esId=$es_id" -F purpose=bench -F "sm3=$(random_hex 32)")
  [ "$probe" = 404 ] && fail "POST /api/v1/sign/data answered 404: this node has no data-signing endpoint yet" 3
  [ "${probe:0:1}" = 2 ] || fail "POST /api/v1/sign/data answered $probe to the first request"

  echo "load: $load_threads threads; $jit_warmup s JIT warm-up per mode, then per mode $load_warmup s warm-up and" \
       "$load_seconds s measured ($load_modes);" \
       "baseline: $baseline_opts"
  # shellcheck disable=SC2086  # baseline_opts is a list of options
  SEAL_BENCH_TOKEN="$client" java -cp "$jar" cn.hrss.seal.bench.application.ApiSignRateReport \
    --node "$base" --es-id "$es_id" --purpose bench --threads "$load_threads" --warm-up "$load_warmup" \
    --duration "$load_seconds" --node-pid "$node_pid" --clock-ticks "$(getconf CLK_TCK)" --modes "$load_modes" \
    --jit-warm-up "$jit_warmup" \
    --jmh 'Sm2Benchmark.bcSign2Threads$' $baseline_opts -prof "$cpu_profiler" \
    -rf json -rff "$target/jmh-application-baseline.json"
  echo "load at end of API part: $(cut -d' ' -f1-3 /proc/loadavg)"
  cleanup
  node_pid=""
  data_dir=""
}

jmh_part() {
  echo "jmh options: $jmh_opts -prof $cpu_profiler"
  # shellcheck disable=SC2086  # jmh_opts is a list of options
  java -cp "$jar" cn.hrss.seal.bench.application.ApplicationBenchReport \
    'cn.hrss.seal.bench.application.|Sm2Benchmark.bc(Sign|Verify)$' $jmh_opts -prof "$cpu_profiler" \
    -rf json -rff "$target/jmh-application.json"
}

main() {
  # the node is stopped and its directory removed however this ends (also on Ctrl-C)
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  echo "# bench-application $parts $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cores: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | head -1
  echo "code: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [ "$parts" != jmh ]; then api_part; fi
  if [ "$parts" != api ]; then jmh_part; fi
  echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
}
main 2>&1 | tee "$target/bench-application.log"
