#!/usr/bin/env bash
# The service as its history grows, on a stack of its own (project tasker-history, the fixed ports of
# docker-compose.integration.yml: stop a README stack first; retention off, or it would delete the history).
# At each size of HISTORY_SIZES (finished tasks in the database, default "0 100000"): GET /v1/tasks with each
# filter and a deep page (median of 20 requests, curl's time), linear-4 latency (LATENCY_RUNS tasks one at a time,
# server-side created_at -> completed_at, p50/p99) and throughput (THROUGHPUT_TASKS tasks, 16 in flight,
# first created -> last completed). The history is written in SQL, in batches of 50 000: linear tasks over the
# last 90 days, 2 % in error and 1 % cancelled, each with its 4 steps, 3 edges and the 14 transitions a task
# records, tags seed and seed-0..seed-99, spread over the registered templates; then VACUUM ANALYZE and CHECKPOINT.
# The cursor walk follows next_cursor from the first page for up to 2 000 pages of 50 (offset 100 000): median and max
# of all its pages.
# Needs the services packaged (./mvnw package -DskipTests -pl tasker-orchestration,workers/java -am) and jq.
# Prints tables; not a test.
set -euo pipefail
shopt -s inherit_errexit
die() { echo "error: $*" >&2; exit 1; }

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v jq >/dev/null || die "jq is needed (apt-get install jq)"
export COMPOSE_PROJECT_NAME=tasker-history TASKER_RETENTION_ENABLED=false
read -r -a sizes <<<"${HISTORY_SIZES:-0 100000}"
latency_runs=${LATENCY_RUNS:-50}
throughput_tasks=${THROUGHPUT_TASKS:-500}
# shellcheck source=lib/bench-stack.sh
source scripts/lib/bench-stack.sh
bench_stack_up

seeded=0
# seed_to N: adds finished tasks until N are in the history.
seed_to() {
  local target=$1 batch
  while ((seeded < target)); do
    batch=$((target - seeded < 50000 ? target - seeded : 50000))
    sql "
      WITH templates AS (SELECT array_agg(named_task_uuid ORDER BY namespace, name) AS ids FROM tasker_named_tasks),
      t AS (
        INSERT INTO tasker_tasks (task_uuid, named_task_uuid, namespace, name, version, status, context, tags,
                                  correlation_id, created_at, updated_at, completed_at)
        SELECT gen_random_uuid(), n.named_task_uuid, n.namespace, n.name, n.version,
               CASE WHEN i % 50 = 0 THEN 'error' WHEN i % 97 = 0 THEN 'cancelled' ELSE 'complete' END,
               '{\"even_number\": 6}', ARRAY['seed', 'seed-' || (i % 100)], gen_random_uuid()::text,
               now() - interval '90 days' * random() - interval '1 hour' AS created,
               now(), now()
          FROM generate_series($seeded, $seeded + $batch - 1) i, templates,
               LATERAL (SELECT * FROM tasker_named_tasks WHERE named_task_uuid = ids[1 + i % cardinality(ids)]) n
        RETURNING task_uuid, status, created_at
      ), s AS (
        INSERT INTO tasker_workflow_steps (step_uuid, task_uuid, name, position, handler, dependencies, current_state,
                                           attempts, retry_limit, retryable, backoff_base_ms, max_backoff_ms,
                                           timeout_seconds, results, created_at, updated_at, completed_at)
        SELECT gen_random_uuid(), t.task_uuid, 'linear_step_' || p, p - 1,
               CASE p WHEN 1 THEN 'math.square_input' ELSE 'math.square_parent' END,
               CASE p WHEN 1 THEN '{}'::text[] ELSE ARRAY['linear_step_' || (p - 1)] END,
               CASE WHEN t.status = 'complete' OR (t.status = 'error' AND p < 4) THEN 'complete'
                    WHEN t.status = 'error' THEN 'error' ELSE 'cancelled' END,
               1, 3, true, 100, 2000, 30, jsonb_build_object('result', (6::numeric ^ (2 ^ p))::bigint),
               t.created_at, t.created_at, t.created_at
          FROM t, generate_series(1, 4) p
        RETURNING step_uuid, task_uuid, position, current_state, created_at
      ), e AS (
        INSERT INTO tasker_workflow_step_edges (task_uuid, from_step_uuid, to_step_uuid)
        SELECT a.task_uuid, a.step_uuid, b.step_uuid FROM s a JOIN s b
            ON b.task_uuid = a.task_uuid AND b.position = a.position + 1
      ), tt AS (
        INSERT INTO tasker_task_transitions (task_uuid, from_state, to_state, created_at)
        SELECT task_uuid, NULL, 'steps_in_process', created_at FROM t
        UNION ALL SELECT task_uuid, 'steps_in_process', status, created_at FROM t
      ), st AS (
        INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state, created_at)
        SELECT step_uuid, task_uuid, NULL, CASE position WHEN 0 THEN 'enqueued' ELSE 'pending' END, created_at FROM s
        UNION ALL SELECT step_uuid, task_uuid, CASE position WHEN 0 THEN 'enqueued' ELSE 'pending' END,
                         'in_progress', created_at FROM s WHERE current_state <> 'cancelled'
        UNION ALL SELECT step_uuid, task_uuid, 'in_progress', current_state, created_at FROM s
         WHERE current_state <> 'cancelled'
      )
      SELECT count(*) FROM t" >/dev/null || die "seeding the history failed at $seeded tasks"
    seeded=$((seeded + batch))
  done
  # A database that has run for months is vacuumed and checkpointed; a fresh burst of writes would have autovacuum
  # and a checkpoint run during the measurement instead.
  # Not in parallel: the container's /dev/shm (64 MB) is too small for parallel vacuum's shared memory at 1 000 000 tasks.
  sql "VACUUM (ANALYZE, PARALLEL 0)" >/dev/null || die "VACUUM ANALYZE failed"
  sql "CHECKPOINT" >/dev/null || die "CHECKPOINT failed"
}

# list LABEL QUERY: median and max of 20 requests of GET /v1/tasks?QUERY, in ms.
list() {
  local times=() i
  for i in $(seq 22); do
    t=$(curl -sf -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" \
      "http://localhost:8080/v1/tasks?$2") || die "GET /v1/tasks?$2 failed"
    ((i > 2)) && times+=("$t")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$1" -v size="$size" \
    '{v[NR] = $1 * 1000} END {printf "  %-9s %-44s %8.1f %8.1f\n", size, label, (v[10] + v[11]) / 2, v[NR]}'
}

# walk LABEL QUERY: follows next_cursor from the first page of QUERY for up to 2 000 pages; median and max of every
# page's time, in ms, and how many pages there were.
walk() {
  local times=() body cursor="" pages=0 out
  out=$(mktemp)
  while ((pages < 2000)); do
    t=$(curl -sf -o "$out" -w '%{time_total}' -H "Authorization: Bearer $token" \
      "http://localhost:8080/v1/tasks?$2${cursor:+&cursor=$cursor}") || die "GET /v1/tasks?$2 (cursor $cursor) failed"
    times+=("$t")
    pages=$((pages + 1))
    cursor=$(jq -r '.pagination.next_cursor // empty' "$out") || die "no JSON from GET /v1/tasks?$2"
    [[ -n $cursor ]] || break
  done
  rm -f "$out"
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$1 ($pages pages)" -v size="$size" \
    '{v[NR] = $1 * 1000} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
      printf "  %-9s %-44s %8.1f %8.1f\n", size, label, m, v[NR]}'
}

create_body='{"namespace":"linear_workflow","name":"mathematical_sequence","context":{"even_number":6},"tags":["%s"]}'

# latency: LATENCY_RUNS tasks one at a time; p50 and p99 of their server-side time.
latency() {
  local tag=latency-$size i uuid
  for i in $(seq "$latency_runs"); do
    uuid=$(api POST /v1/tasks "$(printf "$create_body" "$tag")" | jq -er .task_uuid) || die "create failed"
    curl -sf -o /dev/null --max-time 70 -H "Authorization: Bearer $token" \
      "http://localhost:8080/v1/tasks/$uuid/wait?timeout=60s" || die "waiting for $uuid failed"
  done
  sql "SELECT round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ms))::numeric, 1),
              round((percentile_cont(0.99) WITHIN GROUP (ORDER BY ms))::numeric, 1)
         FROM (SELECT extract(epoch FROM completed_at - created_at) * 1000 AS ms FROM tasker_tasks
                WHERE tags @> ARRAY['$tag'] AND status = 'complete') x" || die "cannot read the latencies"
}

# submit N TAG: N tasks tagged TAG, from one curl process with 16 requests in flight on kept-alive connections
# (the URL glob makes N requests; the service ignores the query parameter): a process per task would cost more
# CPU than the service spends on it.
submit() {
  curl -sf --no-progress-meter --parallel --parallel-max 16 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "$(printf "$create_body" "$2")" "http://localhost:8080/v1/tasks?n=[1-$1]" >/dev/null
}

# throughput: THROUGHPUT_TASKS tasks, 16 in flight; tasks/s from the first created to the last completed.
throughput() {
  local tag=throughput-$size deadline
  submit "$throughput_tasks" "$tag" || die "creating the throughput tasks failed"
  deadline=$((SECONDS + 600))
  until [[ $(sql "SELECT count(*) FROM tasker_tasks WHERE tags @> ARRAY['$tag'] AND status = 'complete'") \
           -ge $throughput_tasks ]]; do
    ((SECONDS < deadline)) || die "the throughput tasks did not complete within 600 s"
    sleep 0.2
  done
  sql "SELECT round(count(*) / extract(epoch FROM max(completed_at) - min(created_at))::numeric, 1)
         FROM tasker_tasks WHERE tags @> ARRAY['$tag']" || die "cannot read the throughput"
}

echo "== warm-up: 200 tasks"
submit 200 warmup || die "the warm-up failed"

lists=() runs=()
for size in "${sizes[@]}"; do
  echo "== history of $size finished tasks"
  seed_to "$size"
  day=$(date -u -d '1 day ago' +%Y-%m-%dT%H:%M:%SZ)
  lists+=("$(list "first page" "per_page=50")")
  lists+=("$(list "namespace=linear_workflow" "namespace=linear_workflow&per_page=50")")
  lists+=("$(list "status=complete" "status=complete&per_page=50")")
  lists+=("$(list "status=error" "status=error&per_page=50")")
  lists+=("$(list "tag=seed-7" "tag=seed-7&per_page=50")")
  lists+=("$(list "created_after=1 day ago" "created_after=$day&per_page=50")")
  lists+=("$(list "page 200 (offset 9950)" "page=200&per_page=50")")
  lists+=("$(list "page 2000 (offset 99950)" "page=2000&per_page=50")")
  lists+=("$(walk "cursor walk" "per_page=50")")
  lists+=("$(walk "cursor walk, status=complete" "status=complete&per_page=50")")
  read -r p50 p99 <<<"$(latency)"
  runs+=("$(printf '  %-9s %10s %10s %12s' "$size" "$p50" "$p99" "$(throughput)")")
done

echo "GET /v1/tasks, median and max of 20 requests (ms, client side, 50 a page)"
printf '  %-9s %-44s %8s %8s\n' history query median max
printf '%s\n' "${lists[@]}"
echo "linear_workflow (4 steps): latency of $latency_runs one at a time (server-side ms), throughput of $throughput_tasks"
printf '  %-9s %10s %10s %12s\n' history p50 p99 tasks/s
printf '%s\n' "${runs[@]}"
