#!/usr/bin/env bash
# Sustained load on a fresh stack (all services in Docker, one worker): the peak first (3 bursts of 500 linear
# tasks, as scripts/benchmark.sh measures it), then linear tasks at half that rate, open loop, for MINUTES (10), and
# the server-side latency of each WINDOW_SECONDS (30) window's tasks. Prints the table; JSON and an SVG plot go to
# target/benchmarks/ (sustained.json, sustained.svg). RATE (tasks/s) skips the peak. Not part of the tests.
set -euo pipefail
shopt -s inherit_errexit
die() { echo "error: $*" >&2; exit 1; }

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export COMPOSE_PROJECT_NAME=tasker-sustained
export TASKER_AUTH_TOKEN=${TASKER_AUTH_TOKEN:-tasker-it-admin-token}
out=target/benchmarks
mkdir -p "$out"
# shellcheck source=lib/bench-load.sh
source scripts/lib/bench-load.sh
bench_healthchecks
compose=(docker compose -f compose-devservices.yml -f docker-compose.integration.yml -f "$out/healthchecks.yml")

bench_build

# The services' logs are kept (target/benchmarks/sustained-compose.log): a window that went wrong is explained there
# and in the samples.
cleanup() {
  [[ -n ${sampler:-} ]] && kill "$sampler" 2>/dev/null
  "${compose[@]}" logs --timestamps >"$out/sustained-compose.log" 2>&1 || true
  "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup
echo "== starting the stack (one worker)"
"${compose[@]}" up -d --build --wait postgres orchestration worker >"$out/compose-up.log" 2>&1 \
  || { tail -n 30 "$out/compose-up.log" >&2; die "the stack did not start (last lines of $out/compose-up.log above)"; }
WAIT_TIMEOUT=120 scripts/wait-for-services.sh >/dev/null || die "the stack did not become ready (see above)"

url=$(bench_url "${compose[@]}")
# Every 5 s while it runs: the queue's depth and dead rows, steps in flight, autovacuum's and checkpoints' counts,
# and each container's CPU (target/benchmarks/sustained-samples.txt), to explain a window that went wrong.
sample() {
  while true; do
    printf '%s ' "$(date -u +%H:%M:%S)"
    "${compose[@]}" exec -T postgres psql -U postgres -d tasker -AtXq -F ' ' -c "
      SELECT 'queued', (SELECT count(*) FROM tasker_queue_messages),
             'in_progress', (SELECT count(*) FROM tasker_workflow_steps WHERE current_state = 'in_progress'),
             'queue_dead', (SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'tasker_queue_messages'),
             'autovacuums', (SELECT sum(autovacuum_count) FROM pg_stat_user_tables),
             'autoanalyzes', (SELECT sum(autoanalyze_count) FROM pg_stat_user_tables),
             'checkpoints', (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter),
             'waiting', (SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'),
             'on', (SELECT coalesce(string_agg(DISTINCT l.locktype || ':' || coalesce(l.relation::regclass::text, '')
                                                 || ':' || l.mode, ','), '-')
                      FROM pg_locks l WHERE NOT l.granted)" 2>&1 | tr '\n' ' '
    docker stats --no-stream --format '{{.Name}}={{.CPUPerc}}' 2>&1 | tr '\n' ' '
    echo
    sleep 5
  done >"$out/sustained-samples.txt"
}
sample &
sampler=$!
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar benchmarks/target/tasker-benchmarks.jar --url "$url" \
  --phase sustained --label sustained --minutes "${MINUTES:-10}" --window-seconds "${WINDOW_SECONDS:-30}" \
  ${RATE:+--rate "$RATE"} --out "$out/sustained.json" --svg "$out/sustained.svg" \
  || die "the sustained run failed (output above)"
