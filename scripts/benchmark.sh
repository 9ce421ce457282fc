#!/usr/bin/env bash
# End-to-end benchmarks against a freshly started stack (all services in Docker):
#   (c) the database's own capacity (pgbench, 1 and 4 clients) on the stack's PostgreSQL,
#   (a) latency of linear_workflow (4 steps) and mixed_dag_workflow (7 steps), one task at a time,
#   (b) throughput of N linear tasks submitted at once, with one worker and then with two, and the CPU each
#       process (PostgreSQL, orchestration, worker, load generator) spent per task in the one-worker phase,
#   and, for (a)'s linear tasks, the time of each hop (claim, report, apply, enqueue) from the step transitions.
# Prints the tables; JSON results go to target/benchmarks/. Not part of the tests.
# Environment: WARMUP (20), RUNS (200), TASKS (500), ROUNDS (3), SUBMITTERS (16), PGBENCH_SECONDS (10).
set -euo pipefail
shopt -s inherit_errexit
die() { echo "error: $*" >&2; exit 1; }

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# Its own project name, so a stack started by hand (tasker-integration) is left alone; docker compose and
# scripts/wait-for-services.sh both read it from the environment.
export COMPOSE_PROJECT_NAME=tasker-bench
# The compose stack runs with authentication on; its admin key is a test value from compose-devservices.yml.
export TASKER_AUTH_TOKEN=${TASKER_AUTH_TOKEN:-tasker-it-admin-token}
out=target/benchmarks
mkdir -p "$out"
# shellcheck source=lib/bench-load.sh
source scripts/lib/bench-load.sh
bench_healthchecks
compose=(docker compose -f compose-devservices.yml -f docker-compose.integration.yml -f "$out/healthchecks.yml"
         --profile two-workers)

bench_build

cleanup() { "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true; }
trap cleanup EXIT
cleanup
echo "== starting the stack (one worker)"
"${compose[@]}" up -d --build --wait postgres orchestration worker >"$out/compose-up.log" 2>&1 \
  || { tail -n 30 "$out/compose-up.log" >&2; die "the benchmark stack did not start (last lines of $out/compose-up.log above)"; }
WAIT_TIMEOUT=120 scripts/wait-for-services.sh >/dev/null || die "the benchmark stack did not become ready (see above)"

echo "== (c) database capacity: pgbench on the stack's PostgreSQL (${PGBENCH_SECONDS:-10} s each)"
"${compose[@]}" exec -T postgres sh -c 'createdb -U postgres pgbench_db && pgbench -U postgres -i -s 10 -q pgbench_db' >/dev/null 2>&1 \
  || die "pgbench could not initialise its database in the stack's PostgreSQL"
pgbench() { "${compose[@]}" exec -T postgres pgbench -U postgres -c "$1" -j "$1" -T "${PGBENCH_SECONDS:-10}" pgbench_db 2>/dev/null \
  | awk '/^tps = / {print $3; exit}'; }
tps1=$(pgbench 1) || die "pgbench with 1 client failed"
tps4=$(pgbench 4) || die "pgbench with 4 clients failed"
printf '  pgbench TPC-B: 1 client %s tps, 4 clients %s tps\n' "$tps1" "$tps4"
printf '{"pgbench_tps_1_client": %s, "pgbench_tps_4_clients": %s}\n' "$tps1" "$tps4" > "$out/pgbench.json"

# The load generator shares the two cores with what it measures: C1 only and the serial collector halve its CPU
# (a short run spends much of it compiling), which leaves more to the services.
url=$(bench_url "${compose[@]}")
bench=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar benchmarks/target/tasker-benchmarks.jar --url "$url"
       --warmup "${WARMUP:-20}" --runs "${RUNS:-200}" --tasks "${TASKS:-500}" --rounds "${ROUNDS:-3}"
       --submitters "${SUBMITTERS:-16}")
# cpu_ms SERVICE: the CPU time its container has used so far, in ms (cgroup v1 cpuacct, or v2 cpu.stat).
cpu_ms() {
  local id
  id=$("${compose[@]}" ps -q "$1") || return 1
  if [[ -r /sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage ]]; then
    echo $(($(cat "/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage") / 1000000))
  else
    awk '/^usage_usec/ {print int($2 / 1000)}' "/sys/fs/cgroup/system.slice/docker-$id.scope/cpu.stat"
  fi
}
# children_ms VAR: sets VAR to the CPU time (user + system) of this shell's finished children, in ms. Not in a
# $(...): a subshell's times are its own.
children_ms() {
  times >"$out/.times"
  printf -v "$1" '%s' "$(awk 'NR == 2 {split($1, u, /[ms]/); split($2, s, /[ms]/);
    print int((u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000)}' "$out/.times")"
}

echo "== (a) latency, one worker"
"${bench[@]}" --phase latency --label one-worker --out "$out/one-worker-latency.json"
echo "== (b) throughput, one worker"
declare -A cpu_before
for s in postgres orchestration worker; do cpu_before[$s]=$(cpu_ms "$s") || die "cannot read the CPU time of $s"; done
children_ms gen_before
"${bench[@]}" --phase throughput --label one-worker --out "$out/one-worker.json"
children_ms gen_after
# Where the CPU of the throughput phase went, per task: the untimed burst and the rounds, all linear tasks.
phase_tasks=$(( ${TASKS:-500} * ${ROUNDS:-3} + (${TASKS:-500} < 100 ? ${TASKS:-500} : 100) ))
{
  printf 'CPU per task in the one-worker throughput phase (%d linear tasks), ms:' "$phase_tasks"
  total=0
  for s in postgres orchestration worker; do
    used=$(( $(cpu_ms "$s") - ${cpu_before[$s]} ))
    total=$((total + used))
    printf ' %s %s,' "$s" "$(awk -v u="$used" -v n="$phase_tasks" 'BEGIN {printf "%.2f", u / n}')"
  done
  gen=$((gen_after - gen_before))
  total=$((total + gen))
  printf ' load generator %s; total %s\n' "$(awk -v u="$gen" -v n="$phase_tasks" 'BEGIN {printf "%.2f", u / n}')" \
    "$(awk -v u="$total" -v n="$phase_tasks" 'BEGIN {printf "%.2f", u / n}')"
} | tee "$out/cpu-per-task.txt"

# Where a linear task's time goes, hop by hop: the measured latency tasks (the first 220 linear_workflow tasks,
# less the 20 warm-ups), from their step transitions' database timestamps.
echo
echo "per-hop time of the measured linear_workflow tasks (step transitions, database clock), ms"
"${compose[@]}" exec -T postgres psql -U postgres -d tasker -q -P footer=off -c "
WITH measured AS (
    SELECT task_uuid FROM tasker_tasks WHERE namespace = 'linear_workflow'
     ORDER BY created_at OFFSET ${WARMUP:-20} LIMIT ${RUNS:-200}),
hops AS (
    SELECT lag(s.name || ' ' || t.to_state) OVER w || ' -> ' || s.name || ' ' || t.to_state AS hop,
           extract(epoch FROM t.created_at - lag(t.created_at) OVER w) * 1000 AS ms, t.created_at
      FROM tasker_workflow_step_transitions t JOIN tasker_workflow_steps s USING (step_uuid)
     WHERE t.task_uuid IN (SELECT task_uuid FROM measured)
    WINDOW w AS (PARTITION BY t.task_uuid ORDER BY t.created_at, t.id))
SELECT hop, round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric, 2) AS p50,
       round(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)::numeric, 2) AS p95, count(*) AS n
  FROM hops WHERE ms IS NOT NULL AND hop NOT LIKE '% pending -> %' GROUP BY hop ORDER BY min(created_at);" | tee "$out/hops.txt"

echo "== (b) throughput, two workers"
"${compose[@]}" up -d --wait worker-2 >"$out/compose-up.log" 2>&1 \
  || { tail -n 30 "$out/compose-up.log" >&2; die "worker-2 did not start (last lines of $out/compose-up.log above)"; }
"${bench[@]}" --phase throughput --label two-workers --out "$out/two-workers.json"

steps1=$(python3 -c "import json;print(round(json.load(open('$out/one-worker.json'))['throughput']['steps_per_second']))" 2>/dev/null || echo "?")
echo
echo "one worker: ${steps1} steps/s (median round). A linear task commits 5 transactions: its creation and 4 step reports,"
echo "each of which applies its result and claims the slot's next step; compare 5/4 x steps/s with pgbench's ${tps4} tps"
echo "(4 clients, TPC-B) for the share of the database's capacity."
