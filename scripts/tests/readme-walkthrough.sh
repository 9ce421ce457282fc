#!/usr/bin/env bash
# Runs the README's newcomer path as written, so that it cannot drift from what works:
#   1. every ```bash block of "## Start the stack and talk to it", in one shell, from the repository root (it
#      builds, starts the fixed-port stack, talks to it and takes it down), checking the documented results;
#   2. with that stack started again, the ```bash blocks of "## tasker-cli" before "### Commands", then the
#      example of every row of the command table, each expected to exit 0 unless its cell says "(exit N".
# The dev-mode commands wait for a key press, so they are not run here. Uses the fixed ports 5433, 8080, 8081;
# .ci/run runs it after the Maven build. Exit 1 names every command that failed.
set -euo pipefail
shopt -s inherit_errexit

root=$(cd "$(dirname "$0")/../.." && pwd)
readme=$root/README.md
work=$(mktemp -d /tmp/tasker-readme.XXXXXX)
compose=(docker compose -f compose-devservices.yml -f docker-compose.integration.yml)
cleanup() { (cd "$root" && "${compose[@]}" down -v --remove-orphans --timeout 5 >/dev/null 2>&1) || true; rm -rf "$work"; }
trap cleanup EXIT

failures=()
fail() { echo "FAIL: $*" >&2; failures+=("$1"); }

# bash_blocks FROM UNTIL: the ```bash blocks between the heading line FROM and the next heading matching UNTIL.
bash_blocks() {
  awk -v from="$1" -v until="$2" '
    $0 == from { inside = 1; next }
    inside && $0 ~ until { exit }
    inside && /^```bash$/ { code = 1; next }
    inside && code && /^```$/ { code = 0; next }
    inside && code { print }' "$readme"
}

# table_examples: "expected-exit<TAB>command" for every row of the command table.
table_examples() {
  awk '
    $0 == "### Commands" { inside = 1; next }
    inside && /^#/ { exit }
    inside && /^\| `/ {
      line = $0; sub(/ \|$/, "", line)
      n = split(line, cells, / \| /); cell = cells[n]
      expected = 0
      if (match(cell, /\(exit [0-9]+/)) expected = substr(cell, RSTART + 6, RLENGTH - 6)
      if (match(cell, /`[^`]+`/)) print expected "\t" substr(cell, RSTART + 1, RLENGTH - 2)
    }' "$readme"
}

echo "== README: Start the stack and talk to it"
start_script=$(bash_blocks "## Start the stack and talk to it" "^## ")
[[ -n $start_script ]] || { echo "no bash block under '## Start the stack and talk to it' in $readme" >&2; exit 1; }
if (cd "$root" && env -u TASKER_AUTH_TOKEN bash -euo pipefail -c "$start_script") >"$work/start.log" 2>&1; then
  grep -Eq '^orchestration +healthy' "$work/start.log" || fail "system health: no 'orchestration  healthy' line"
  grep -Eq '^worker +healthy' "$work/start.log" || fail "system health: no 'worker  healthy' line"
  grep -Fq 'linear_step_4 = {"result":2821109907456}' "$work/start.log" \
    || fail "task create --wait: no 'linear_step_4 = {\"result\":2821109907456}'"
  echo "ok: the start section ran as written"
else
  tail -n 40 "$work/start.log" >&2
  fail "the start section (last lines of its output above)"
fi

echo "== README: tasker-cli"
(cd "$root" && "${compose[@]}" up -d --wait >"$work/up.log" 2>&1) \
  || { tail -n 30 "$work/up.log" >&2; echo "the fixed-port stack did not start again" >&2; exit 1; }
intro=$(bash_blocks "## tasker-cli" "^### Commands")
# The examples run in an empty directory (config init writes ./tasker-client.toml there) and share $id.
mkdir -p "$work/cwd"
examples=$work/examples.sh
{
  echo "cd '$root'"
  echo "$intro"
  echo "cd '$work/cwd'"
  echo 'status=0'
  while IFS=$'\t' read -r expected command; do
    printf 'rc=0; ( %s ) >>%q 2>&1 || rc=$?\n' "$command" "$work/examples.log"
    printf 'if [[ $rc != %s ]]; then echo "FAIL: exit $rc, README says %s: %s" >&2; status=1; else echo "ok: %s"; fi\n' \
      "$expected" "$expected" "${command//\"/\\\"}" "${command//\"/\\\"}"
  done < <(table_examples)
  echo 'exit $status'
} > "$examples"
(( $(table_examples | wc -l) >= 15 )) || fail "the command table has fewer examples than expected ($(table_examples | wc -l))"
if ! env -u TASKER_AUTH_TOKEN bash -uo pipefail "$examples"; then
  tail -n 40 "$work/examples.log" >&2
  fail "tasker-cli examples (their output above)"
fi

if ((${#failures[@]} > 0)); then
  echo "README walkthrough: ${#failures[@]} failure(s): ${failures[*]}" >&2
  exit 1
fi
echo "README walkthrough: every command ran as written"
