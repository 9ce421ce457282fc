#!/usr/bin/env bash
# Tests of scripts/wait-for-services.sh that need no running stack: a project name with no containers (given
# with -p, or with COMPOSE_PROJECT_NAME) is reported at once, naming the project; bad usage exits 2.
set -euo pipefail
shopt -s inherit_errexit

script=$(cd "$(dirname "$0")/.." && pwd)/wait-for-services.sh
project=tasker-no-such-stack-$$
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# check NAME EXPECTED_EXIT EXPECTED_TEXT COMMAND...
check() {
  local name=$1 expected=$2 text=$3 out rc start=$SECONDS
  shift 3
  set +e
  out=$("$@" 2>&1)
  rc=$?
  set -e
  if [[ $rc != "$expected" ]]; then fail "$name: exit $rc, expected $expected; output: $out"
  elif [[ $out != *"$text"* ]]; then fail "$name: no '$text' in: $out"
  elif (( SECONDS - start > 20 )); then fail "$name: took $((SECONDS - start)) s, expected an answer at once"
  else echo "ok: $name (exit $rc, $((SECONDS - start)) s)"; fi
}

check "-p names a project without containers" 1 "compose project $project has no containers" \
  env WORKER_URL=http://127.0.0.1:9 ORCHESTRATION_URL=http://127.0.0.1:9 bash "$script" -p "$project" -t 60
check "COMPOSE_PROJECT_NAME names it too" 1 "compose project $project has no containers" \
  env COMPOSE_PROJECT_NAME="$project" WORKER_URL=http://127.0.0.1:9 ORCHESTRATION_URL=http://127.0.0.1:9 bash "$script" -t 60
check "a timeout that is not a number" 2 "timeout must be whole seconds, got 'soon'" bash "$script" -t soon
check "an unknown argument" 2 "unexpected argument 'extra'" bash "$script" extra

if (( failures > 0 )); then echo "$failures test(s) of wait-for-services.sh failed" >&2; exit 1; fi
echo "wait-for-services.sh: all tests passed"
