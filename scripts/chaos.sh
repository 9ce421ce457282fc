#!/usr/bin/env bash
# The chaos soak: MINUTES of mixed load (every example and failure workflow) on two workers while a random fault
# strikes every 15-30 s (a worker frozen past its heartbeat deadline, cut off the network, or killed; PostgreSQL
# or the orchestration killed with SIGKILL), then a check of every invariant over the whole history. Prints the
# report (tasks by kind and outcome, faults by kind, invariants, violations) and exits non-zero on any violation.
#
# Usage: scripts/chaos.sh [-m MINUTES] [-r TASKS_PER_SECOND] [-s SEED] [--no-install]
#   -m MINUTES      minutes of load and faults (default 10); the check after it takes a few more
#   -r RATE         tasks created per second, open loop (default 3)
#   -s SEED         seed of the draws of tasks and faults (default: the clock; the report names it)
#   --no-install    skip the one-off `./mvnw install -DskipTests` (the stack's images are built from the
#                   packaged services, so install first whenever main code changed)
# The Maven log and the report are kept under integration-tests/target/chaos/<start time>/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
minutes=10
rate=3
seed=
install=true
while (($# > 0)); do
  case $1 in
    -m) minutes=${2:-}; shift 2 ;;
    -r) rate=${2:-}; shift 2 ;;
    -s) seed=${2:-}; shift 2 ;;
    --no-install) install=false; shift ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
done
[[ $minutes =~ ^[1-9][0-9]*$ ]] || { echo "MINUTES must be a positive number, got '$minutes'" >&2; exit 2; }
[[ $rate =~ ^[0-9]+([.][0-9]+)?$ ]] || { echo "RATE must be a number of tasks per second, got '$rate'" >&2; exit 2; }
[[ -z $seed || $seed =~ ^-?[0-9]+$ ]] || { echo "SEED must be an integer, got '$seed'" >&2; exit 2; }

cd "$root"
out="$root/integration-tests/target/chaos/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
if $install; then
  echo "installing the modules the stack's images are built from (log: $out/install.log)"
  ./mvnw -B -ntp install -DskipTests > "$out/install.log" 2>&1 || { echo "install failed, see $out/install.log" >&2; exit 1; }
fi

# Retention would delete tasks finished over an hour ago before the check reads them in a long soak.
export TASKER_RETENTION_ENABLED=false
echo "chaos soak: $minutes min at $rate tasks/s${seed:+, seed $seed} (log: $out/maven.log)"
rc=0
# The load and faults, the settling (up to 4 min), the check and the stack's start and removal: MINUTES + 20.
timeout --kill-after=60 "$(((minutes + 20) * 60))" \
  ./mvnw -B -ntp -pl integration-tests verify -Pchaos -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dchaos.minutes="$minutes" -Dchaos.rate="$rate" -Dchaos.seed="$seed" > "$out/maven.log" 2>&1 || rc=$?

report=$root/integration-tests/target/chaos/report.txt
if [[ -f $report && $report -nt $out ]]; then
  cp "$report" "$out/report.txt"
  cat "$out/report.txt"
else
  echo "no report was written: the soak did not reach its check (see $out/maven.log)" >&2
  grep -E '^\[ERROR\]' "$out/maven.log" | head -n 20 >&2 || true
fi
((rc == 124 || rc == 137)) && echo "the soak was stopped after $((minutes + 20)) min" >&2
echo "chaos soak exit code $rc (log: $out/maven.log)"
exit "$rc"
