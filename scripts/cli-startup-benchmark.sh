#!/usr/bin/env bash
# Start-up of the packaged tasker-cli, as an operator sees it: wall time of `--version`, `task get ID` and
# `task list --limit 5`, RUNS times each (default 10, after 2 warm-up runs), median and p90, with and without
# the class-data archive the build makes (tasker-cli/pom.xml). Needs a running stack (the README's fixed-port
# one by default: TASKER_ORCHESTRATION_URL, TASKER_AUTH_TOKEN) and a packaged CLI. Not a test: prints numbers.
# Run it on an otherwise idle machine: a build running beside it moves every figure.
set -euo pipefail
shopt -s inherit_errexit

root=$(cd "$(dirname "$0")/.." && pwd)
cli=$root/scripts/tasker-cli
runs=${RUNS:-10}
export TASKER_AUTH_TOKEN=${TASKER_AUTH_TOKEN:-tasker-it-admin-token}
die() { echo "error: $*" >&2; exit 1; }

"$cli" system health --orchestration >/dev/null || die "no orchestration answers at ${TASKER_ORCHESTRATION_URL:-http://localhost:8080}: start the stack (README: Start the stack and talk to it)"
id=$("$cli" task create --namespace linear_workflow --name mathematical_sequence --input '{"even_number": 6}' -q --wait) \
  || die "could not create the task to read back"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# measure LABEL ARGS...: prints "LABEL  median  p90  min  max" in ms.
measure() {
  local label=$1 t0 i times=()
  shift
  for i in 1 2; do "$cli" "$@" >/dev/null; done
  for ((i = 0; i < runs; i++)); do
    t0=$(now_ms)
    "$cli" "$@" >/dev/null
    times+=($(( $(now_ms) - t0 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '
    { v[NR] = $1 }
    END {
      median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      p90 = v[int(0.9 * NR + 0.999999)]
      printf "%-32s %8d %8d %8d %8d\n", label, median, p90, v[1], v[NR]
    }'
}

echo "tasker-cli start-up, $runs runs each, wall ms ($(java -version 2>&1 | head -n 1))"
printf '%-32s %8s %8s %8s %8s\n' command median p90 min max
for mode in off on; do
  export TASKER_CLI_CDS=$mode
  suffix=" (archive $mode)"
  measure "--version$suffix" --version
  measure "task get ID$suffix" task get "$id"
  measure "task list --limit 5$suffix" task list --limit 5
done
