#!/usr/bin/env bash
# Runs the integration suite (integration-tests) N times in a row, each run on a fresh compose stack, and prints
# passes and failures per run and, at the end, how often each test failed: a test failing in every run is a
# bug (or a product bug its test documents), one failing in some runs is a flake - a bug to fix at its cause.
#
# Usage: scripts/soak.sh [-n RUNS] [-t MINUTES] [--no-install] [--with-unit-tests] [-- MAVEN_ARGS...]
#   -n RUNS             how many runs (default 10)
#   -t MINUTES          limit per run; a run over it is stopped and counted as failed (default 20)
#   --no-install        skip the one-off `./mvnw install -DskipTests` (the stack's images are built from the
#                       packaged services, so install first whenever main code changed)
#   --with-unit-tests   run surefire's unit tests in every run too (default: failsafe only, which is faster)
#   MAVEN_ARGS          passed on, e.g. -- -Dit.test=TaskApiIT
# Each run's log and, for a failed run, its diagnostics reports (integration-tests/target/it-diagnostics) are kept
# under integration-tests/target/soak/<start time>/run-<i>/.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=10
minutes=20
install=true
unit_tests=false
maven_args=()
while (($# > 0)); do
  case $1 in
    -n) runs=$2; shift 2 ;;
    -t) minutes=$2; shift 2 ;;
    --no-install) install=false; shift ;;
    --with-unit-tests) unit_tests=true; shift ;;
    --) shift; maven_args=("$@"); break ;;
    *) sed -n '2,16p' "$0"; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive number, got '$runs'" >&2; exit 2; }
[[ $minutes =~ ^[1-9][0-9]*$ ]] || { echo "MINUTES must be a positive number, got '$minutes'" >&2; exit 2; }

cd "$root" || exit 2
out="$root/integration-tests/target/soak/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"

if $install; then
  echo "installing the modules the stack's images are built from (log: $out/install.log)"
  ./mvnw -B -ntp install -DskipTests > "$out/install.log" 2>&1 || { echo "install failed, see $out/install.log" >&2; exit 1; }
fi

unit_args=()
$unit_tests || unit_args=(-Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false)

passed=0
failed=0
declare -A failures_by_test=()
for ((i = 1; i <= runs; i++)); do
  dir="$out/run-$i"
  mkdir -p "$dir"
  rm -rf "$root/integration-tests/target/it-diagnostics"
  start=$SECONDS
  # SIGTERM first, so the JVMs' shutdown hooks remove the compose stack; SIGKILL only if that hangs.
  timeout --kill-after=60 "$((minutes * 60))" \
    ./mvnw -B -ntp -pl integration-tests verify "${unit_args[@]}" "${maven_args[@]}" > "$dir/maven.log" 2>&1
  rc=$?
  took=$((SECONDS - start))
  summary=$(grep -E '^\[(INFO|ERROR|WARNING)\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' \
    "$dir/maven.log" | tail -n 1 | sed -E 's/^\[[A-Z]+\] //')
  if ((rc == 0)); then
    passed=$((passed + 1))
    echo "run $i/$runs: PASS  ${summary:-no test summary}  (${took} s)"
  else
    failed=$((failed + 1))
    [[ -d $root/integration-tests/target/it-diagnostics ]] && cp -r "$root/integration-tests/target/it-diagnostics" "$dir/"
    # Maven lists failed tests as "[ERROR]   Class.method:line message" under "Failures:" and "Errors:".
    tests=$(sed -n '/^\[ERROR\] \(Failures\|Errors\): *$/,/^\[\(INFO\|ERROR\)\] Tests run:/p' "$dir/maven.log" \
      | grep -oE '^\[ERROR\]   [A-Za-z0-9_.$]+' | sed -E 's/^\[ERROR\] +//' | sort -u)
    ((rc == 124 || rc == 137)) && tests=$'(run stopped after '"$minutes"$' min)\n'"$tests"
    echo "run $i/$runs: FAIL  ${summary:-no test summary}  (${took} s, exit $rc, log $dir/maven.log)"
    while IFS= read -r t; do
      [[ -z $t ]] && continue
      echo "    $t"
      failures_by_test[$t]=$((${failures_by_test[$t]:-0} + 1))
    done <<< "$tests"
  fi
done

echo
echo "soak: $runs runs, $passed passed, $failed failed (logs under $out)"
if ((${#failures_by_test[@]} > 0)); then
  echo "failed tests (runs failed of $runs):"
  for t in "${!failures_by_test[@]}"; do echo "  ${failures_by_test[$t]}  $t"; done | sort -k2
fi
((failed == 0))
