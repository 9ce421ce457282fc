#!/usr/bin/env bash
# Rows written and WAL bytes per linear task (linear_workflow/mathematical_sequence, 4 steps), on a stack of its
# own (project tasker-rows, the fixed ports of docker-compose.integration.yml: stop a README stack first):
# WARMUP tasks first (so the planner statistics the orchestration refreshes when a table doubles are not
# refreshed during the measurement), then TASKS tasks with 8 submitters, and the difference of
# pg_current_wal_lsn() and of pg_stat_user_tables over them, divided by TASKS. The WAL figure includes what the
# stack writes meanwhile on its own (heartbeats, the sweeper's wake-ups): a few hundred bytes a second.
# Needs the services packaged (./mvnw package -DskipTests -pl tasker-orchestration,workers/java -am).
# Environment: TASKS (500), WARMUP (1000). Prints a table; not a test.
set -euo pipefail
shopt -s inherit_errexit
die() { echo "error: $*" >&2; exit 1; }

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export COMPOSE_PROJECT_NAME=tasker-rows
tasks=${TASKS:-500}
warmup=${WARMUP:-1000}
# shellcheck source=lib/bench-stack.sh
source scripts/lib/bench-stack.sh
bench_stack_up

# submit N TAG: N tasks tagged TAG, 8 at a time; then waits (at most 10 min) until all of them are complete.
submit() {
  local n=$1 tag=$2 body deadline done_count
  body=$(printf '{"namespace":"linear_workflow","name":"mathematical_sequence","context":{"even_number":6},"tags":["%s"]}' "$tag")
  seq "$n" | xargs -P 8 -I{} curl -sf -o /dev/null -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "$body" http://localhost:8080/v1/tasks \
    || die "creating the $tag tasks failed"
  deadline=$((SECONDS + 600))
  while :; do
    done_count=$(sql "SELECT count(*) FROM tasker_tasks WHERE tags @> ARRAY['$tag'] AND status = 'complete'") \
      || die "cannot count the $tag tasks"
    [[ $done_count -ge $n ]] && break
    ((SECONDS < deadline)) || die "only $done_count of $n $tag tasks completed within 600 s"
    sleep 1
  done
}

# Table statistics are flushed by each backend when it goes idle, at most every 10 s: read them until they stop
# changing (three equal reads a second apart, at most 30 s).
stats() {
  local query="SELECT relname, n_tup_ins, n_tup_upd, n_tup_del, n_tup_hot_upd FROM pg_stat_user_tables
                WHERE relname LIKE 'tasker_%' AND relname <> 'tasker_workers' ORDER BY relname"
  local previous='' current same=0 deadline=$((SECONDS + 30))
  while ((same < 3 && SECONDS < deadline)); do
    current=$(sql "$query") || die "cannot read pg_stat_user_tables"
    if [[ $current == "$previous" ]]; then same=$((same + 1)); else same=0; fi
    previous=$current
    sleep 1
  done
  echo "$current"
}

echo "== warm-up: $warmup tasks"
submit "$warmup" rows-warmup
before_stats=$(stats)
before_lsn=$(sql "SELECT pg_current_wal_lsn()") || die "cannot read the WAL position"
echo "== measured: $tasks tasks"
submit "$tasks" rows-measured
after_lsn=$(sql "SELECT pg_current_wal_lsn()") || die "cannot read the WAL position"
after_stats=$(stats)
wal=$(sql "SELECT pg_wal_lsn_diff('$after_lsn', '$before_lsn')") || die "cannot compute the WAL difference"
transitions=$(sql "SELECT (SELECT count(*) FROM tasker_task_transitions x JOIN tasker_tasks t USING (task_uuid)
                            WHERE t.tags @> ARRAY['rows-measured']),
                          (SELECT count(*) FROM tasker_workflow_step_transitions x JOIN tasker_tasks t USING (task_uuid)
                            WHERE t.tags @> ARRAY['rows-measured'])") || die "cannot count the transitions"

echo "rows and WAL per linear task ($tasks tasks, after $warmup)"
LC_ALL=C join <(echo "$before_stats") <(echo "$after_stats") | awk -v n="$tasks" '
  BEGIN { printf "%-34s %9s %9s %9s %9s\n", "table", "inserted", "updated", "(HOT)", "deleted" }
  { ins = ($6 - $2) / n; upd = ($7 - $3) / n; del = ($8 - $4) / n; hot = ($9 - $5) / n
    ti += ins; tu += upd; td += del; th += hot
    printf "%-34s %9.2f %9.2f %9.2f %9.2f\n", $1, ins, upd, hot, del }
  END { printf "%-34s %9.2f %9.2f %9.2f %9.2f\n", "all", ti, tu, th, td }'
read -r task_transitions step_transitions <<<"$transitions"
awk -v n="$tasks" -v w="$wal" -v tt="$task_transitions" -v st="$step_transitions" 'BEGIN {
  printf "transitions: %.2f task + %.2f step = %.2f\n", tt / n, st / n, (tt + st) / n
  printf "WAL: %.0f bytes per task\n", w / n }'
