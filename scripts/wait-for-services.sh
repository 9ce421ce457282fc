#!/usr/bin/env bash
# Waits until PostgreSQL, the orchestration service and the worker of a running compose stack are ready,
# for at most WAIT_TIMEOUT seconds. On timeout it exits 1 and prints, for each service that is not ready,
# what it last answered and its last log lines.
#
# Usage: scripts/wait-for-services.sh [-t SECONDS]
# Environment: WAIT_TIMEOUT (default 120), ORCHESTRATION_URL (http://localhost:8080),
#   WORKER_URL (http://localhost:8081), COMPOSE_FILES (default: the fixed-port stack,
#   "-f compose-devservices.yml -f docker-compose.integration.yml"), LOG_LINES (default 40).
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
timeout=${WAIT_TIMEOUT:-120}
while getopts "t:h" opt; do
  case $opt in
    t) timeout=$OPTARG ;;
    *) sed -n '2,9p' "$0"; exit 2 ;;
  esac
done
[[ $timeout =~ ^[0-9]+$ ]] || { echo "timeout must be whole seconds, got '$timeout'" >&2; exit 2; }

orchestration_url=${ORCHESTRATION_URL:-http://localhost:8080}
worker_url=${WORKER_URL:-http://localhost:8081}
read -r -a compose_files <<< "${COMPOSE_FILES:--f compose-devservices.yml -f docker-compose.integration.yml}"
log_lines=${LOG_LINES:-40}
compose() { (cd "$root" && docker compose --ansi never "${compose_files[@]}" "$@"); }

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
  if ((SECONDS >= deadline)); then
    echo "Timed out after ${timeout} s waiting for: ${pending[*]}" >&2
    for s in "${pending[@]}"; do
      echo "--- $s is not ready; last answer: ${last[$s]:-none}" >&2
      echo "--- last $log_lines log lines of $s:" >&2
      compose logs --no-color --tail "$log_lines" "$s" >&2 2>&1 || echo "(no logs: is the stack running?)" >&2
    done
    exit 1
  fi
  sleep 1
done
echo "All services are ready in $((SECONDS - start)) s"
