#!/usr/bin/env bash
# Waits until PostgreSQL, the orchestration service and the worker of a running compose stack are ready,
# for at most WAIT_TIMEOUT seconds. On timeout it exits 1 and prints, for each service that is not ready,
# what it last answered and its last log lines.
#
# Usage: scripts/wait-for-services.sh [-t SECONDS] [-p PROJECT]
#   -p PROJECT  the compose project name the stack was started with (docker compose -p PROJECT ...);
#               default COMPOSE_PROJECT_NAME, else the compose files' own (tasker-integration)
# Environment: WAIT_TIMEOUT (default 120), COMPOSE_PROJECT_NAME, ORCHESTRATION_URL (http://localhost:8080),
#   WORKER_URL (http://localhost:8081), COMPOSE_FILES (default: the fixed-port stack,
#   "-f compose-devservices.yml -f docker-compose.integration.yml"), LOG_LINES (default 40).
# Exit codes: 0 ready, 1 not ready in time (or no such stack), 2 usage.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
timeout=${WAIT_TIMEOUT:-120}
project=${COMPOSE_PROJECT_NAME:-}
usage() { sed -n '6,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while getopts "t:p:h" opt; do
  case $opt in
    t) timeout=$OPTARG ;;
    p) project=$OPTARG ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
(($# == 0)) || { echo "unexpected argument '$1'" >&2; usage; }
[[ $timeout =~ ^[0-9]+$ ]] || { echo "timeout must be whole seconds, got '$timeout'" >&2; exit 2; }

orchestration_url=${ORCHESTRATION_URL:-http://localhost:8080}
worker_url=${WORKER_URL:-http://localhost:8081}
read -r -a compose_files <<< "${COMPOSE_FILES:--f compose-devservices.yml -f docker-compose.integration.yml}"
project_args=()
[[ -z $project ]] || project_args=(-p "$project")
log_lines=${LOG_LINES:-40}
compose() { (cd "$root" && docker compose --ansi never "${compose_files[@]}" "${project_args[@]}" "$@"); }
# The name compose resolves (flag, COMPOSE_PROJECT_NAME, or the files' `name:`), for messages.
project_name=$(compose config 2>/dev/null | awk '/^name:/ {print $2; exit}')
project_name=${project_name:-${project:-unknown}}

declare -A last
check() {
  case $1 in
    postgres) last[postgres]=$(compose exec -T postgres pg_isready -h 127.0.0.1 -U tasker -d tasker 2>&1) ;;
    orchestration) last[orchestration]=$(curl -sS --max-time 3 -w ' (HTTP %{http_code})' "$orchestration_url/health/ready" 2>&1)
      [[ ${last[orchestration]} == *"(HTTP 200)" ]] ;;
    worker) last[worker]=$(curl -sS --max-time 3 -w ' (HTTP %{http_code})' "$worker_url/health/ready" 2>&1)
      [[ ${last[worker]} == *"(HTTP 200)" ]] ;;
  esac
}

echo "waiting for the services of compose project $project_name (at most $timeout s)"
pending=(postgres orchestration worker)
start=$SECONDS
deadline=$((SECONDS + timeout))
while ((${#pending[@]} > 0)); do
  still=()
  for s in "${pending[@]}"; do
    if check "$s"; then
      echo "$s is ready ($((SECONDS - start)) s)"
    else
      still+=("$s")
    fi
  done
  pending=("${still[@]+"${still[@]}"}")
  ((${#pending[@]} == 0)) && break
  if [[ -z $(compose ps -a -q 2>/dev/null) ]]; then
    echo "compose project $project_name has no containers: start the stack first, or name its project" \
         "(-p PROJECT or COMPOSE_PROJECT_NAME, as given to docker compose -p)" >&2
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    echo "Timed out after ${timeout} s waiting for: ${pending[*]} (compose project $project_name)" >&2
    for s in "${pending[@]}"; do
      echo "--- $s is not ready; last answer: ${last[$s]:-none}" >&2
      if [[ -z $(compose ps -a -q "$s" 2>/dev/null) ]]; then
        echo "--- $s has no container in compose project $project_name" >&2
        continue
      fi
      echo "--- last $log_lines log lines of $s:" >&2
      compose logs --no-color --tail "$log_lines" "$s" >&2 2>&1 || echo "(its logs could not be read)" >&2
    done
    exit 1
  fi
  sleep 1
done
echo "All services are ready in $((SECONDS - start)) s"
