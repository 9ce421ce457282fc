#!/usr/bin/env bash
# Cost per step as a DAG grows, on a stack of its own (project tasker-dag, the fixed ports of
# docker-compose.integration.yml: stop a README stack first). Registers chains of CHAIN_SIZES steps and fan-outs of
# FAN_SIZES steps (a root, N-2 branches, a join depending on all of them), every step a no-op
# (failure_workflow.slow with sleep_ms 0, which answers {"slept_ms": 0}); runs each RUNS times, one task at a time
# after 20 warm-up chains of 4, and prints the median time from the task's creation to its completion (database
# clock) and that time per step, beside the 4-step chain's. If per-step cost grows with the size, some statement
# of the hot path reads every step of the task on every step.
# Needs the services packaged (./mvnw package -DskipTests -pl tasker-orchestration,workers/java -am) and jq.
# Environment: CHAIN_SIZES ("4 25 100"), FAN_SIZES ("50 500"), RUNS (3). Prints a table; not a test.
set -euo pipefail
shopt -s inherit_errexit
die() { echo "error: $*" >&2; exit 1; }

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v jq >/dev/null || die "jq is needed to build the templates (apt-get install jq)"
export COMPOSE_PROJECT_NAME=tasker-dag
runs=${RUNS:-3}
read -r -a chains <<<"${CHAIN_SIZES:-4 25 100}"
read -r -a fans <<<"${FAN_SIZES:-50 500}"
# shellcheck source=lib/bench-stack.sh
source scripts/lib/bench-stack.sh
bench_stack_up

# template NAME DEPENDENCIES_JSON: a template of no-op steps step_1..step_K, step_i depending on the names listed
# at index i-1 of DEPENDENCIES_JSON (a JSON array of arrays).
template() {
  jq -cn --arg name "$1" --argjson deps "$2" '{
    namespace: "failure_workflow", name: $name, version: "1.0.0",
    description: "dag-size-benchmark: no-op steps", default_context: {sleep_ms: 0},
    steps: [$deps | to_entries[] | {name: "step_\(.key + 1)", handler: "failure_workflow.slow",
            dependencies: .value, timeout_seconds: 30,
            retry: {retryable: true, limit: 3, backoff_base_ms: 100, max_backoff_ms: 2000}}]}'
}
chain_deps() { jq -cn --argjson n "$1" '[range(0; $n) | if . == 0 then [] else ["step_\(.)"] end]'; }
fan_deps() {
  jq -cn --argjson n "$1" '[range(0; $n) | if . == 0 then [] elif . < $n - 1 then ["step_1"]
                             else [range(2; $n) | "step_\(.)"] end]'
}

register() { api POST /v1/templates "$(template "$1" "$2")" >/dev/null || die "registering template $1 failed"; }

# run NAME STEPS: creates one task of template NAME, waits for it (at most 5 min) and prints its creation-to-
# completion time in ms; fails unless every one of its STEPS steps completed with the no-op's exact result.
run() {
  local name=$1 steps=$2 uuid status='' checked
  uuid=$(api POST /v1/tasks "{\"namespace\":\"failure_workflow\",\"name\":\"$name\",\"version\":\"1.0.0\"}" \
    | jq -er .task_uuid) || die "creating a $name task failed"
  # The wait endpoint holds a request at most 60 s; five of them.
  for _ in 1 2 3 4 5; do
    status=$(curl -sf --max-time 70 -H "Authorization: Bearer $token" \
      "http://localhost:8080/v1/tasks/$uuid/wait?timeout=60s" | jq -er .status) \
      || die "waiting for $name task $uuid failed"
    [[ $status == complete || $status == error || $status == cancelled ]] && break
  done
  [[ $status == complete ]] || die "$name task $uuid ended $status"
  checked=$(sql "SELECT count(*) FROM tasker_workflow_steps WHERE task_uuid = '$uuid'
                  AND current_state = 'complete' AND results = '{\"slept_ms\": 0}'::jsonb") \
    || die "cannot check the steps of $uuid"
  [[ $checked -eq $steps ]] || die "$name task $uuid: $checked of $steps steps complete with the exact result"
  sql "SELECT round(extract(epoch FROM completed_at - created_at) * 1000, 1) FROM tasker_tasks
        WHERE task_uuid = '$uuid'" || die "cannot read the times of $uuid"
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

register dag_chain_4 "$(chain_deps 4)"
echo "== warm-up: 20 chains of 4"
for _ in $(seq 20); do run dag_chain_4 4 >/dev/null; done

results=()
measure() {
  local name=$1 steps=$2 i
  local times=()
  for ((i = 0; i < runs; i++)); do times+=("$(run "$name" "$steps")"); done
  results+=("$name $steps $(printf '%s\n' "${times[@]}" | median)")
}
for n in "${chains[@]}"; do
  register "dag_chain_$n" "$(chain_deps "$n")"
  measure "dag_chain_$n" "$n"
done
for n in "${fans[@]}"; do
  register "dag_fan_$n" "$(fan_deps "$n")"
  measure "dag_fan_$n" "$n"
done

echo "DAG size, $runs runs each (median), one task at a time, database clock"
printf '%s\n' "${results[@]}" | awk -v base="$(printf '%s\n' "${results[@]}" | awk '$1 == "dag_chain_4" {print $3 / 4}')" '
  BEGIN { printf "%-16s %6s %14s %10s %16s\n", "template", "steps", "complete ms", "ms/step", "x chain-4 /step" }
  { printf "%-16s %6d %14.1f %10.2f %16.2f\n", $1, $2, $3, $3 / $2, (base > 0 ? ($3 / $2) / base : 0) }'
