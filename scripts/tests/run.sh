#!/usr/bin/env bash
# Runs every shell test of the project's scripts (scripts/tests/*.test.sh); exits 1 when any fails.
# .ci/run runs it after Docker is up and before the Maven build.
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")"
failed=()
for t in *.test.sh; do
  echo "== $t"
  bash "$t" || failed+=("$t")
done
if ((${#failed[@]} > 0)); then
  echo "failed shell tests: ${failed[*]}" >&2
  exit 1
fi
