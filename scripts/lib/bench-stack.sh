# Sourced by the measurement scripts (rows-per-task.sh, dag-size-benchmark.sh): a stack of their own under
# COMPOSE_PROJECT_NAME, with the fixed ports of docker-compose.integration.yml (stop a README stack first), taken
# down on exit; and SQL on its PostgreSQL. The caller sets -euo pipefail, cds to the repository root and defines die.
compose=(docker compose -f compose-devservices.yml -f docker-compose.integration.yml)
token=${TASKER_AUTH_TOKEN:-tasker-it-admin-token}

bench_stack_down() { "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true; }

bench_stack_up() {
  trap bench_stack_down EXIT
  bench_stack_down
  "${compose[@]}" up -d --build --wait postgres orchestration worker >/dev/null 2>&1 \
    || die "the stack did not start: ${compose[*]} up -d --build --wait"
  WAIT_TIMEOUT=120 scripts/wait-for-services.sh >/dev/null || die "the stack did not become ready"
}

# sql QUERY: its rows, fields separated by one space.
sql() { "${compose[@]}" exec -T postgres psql -U postgres -d tasker -AtXq -F ' ' -c "$1"; }

# api METHOD PATH [BODY]: the orchestration's answer; fails on an error status.
api() {
  curl -sf -X "$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    ${3:+-d "$3"} "http://localhost:8080$2"
}
