#!/usr/bin/env bash
# The generated-input tests of ./mvnw verify, run long with a new seed: ApiFuzzIT (random requests for every
# operation of both services' OpenAPI documents, against a fresh compose stack: no 5xx, every 4xx in the error
# format, both ready afterwards) and TemplateYamlFuzzTest (generated template files for the validator).
#   REQUESTS  requests per service and template files (default 20000)
#   SEED      the seed (default: a random one, printed; give it again to replay a failure)
# Prints each run's counts (statuses by code, violations); exits non-zero on the first violation.
set -euo pipefail
shopt -s inherit_errexit
die() { echo "error: $*" >&2; exit 1; }

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
requests=${REQUESTS:-20000}
seed=${SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
[[ $requests =~ ^[0-9]+$ && $seed =~ ^-?[0-9]+$ ]] || die "REQUESTS and SEED must be integers (got '$requests', '$seed')"
log=target/fuzz-$seed.log
mkdir -p target
echo "== fuzz: $requests requests per service and template files, seed $seed (log: $log)"
bash scripts/ensure-docker.sh
bash scripts/build-local-base-images.sh
./mvnw -q -B -ntp install -DskipTests -pl tasker-orchestration,workers/java,tasker-testing -am \
  || die "the build of the services and the kit failed (output above)"
status=0
./mvnw -B -ntp verify -pl tasker-shared,integration-tests -Dtest=TemplateYamlFuzzTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ApiFuzzIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dtasker.fuzz.seed="$seed" -Dtasker.fuzz.requests="$requests" >"$log" 2>&1 || status=$?
grep -E "requests over|Tests run:.*Fuzz" "$log" || true
((status == 0)) || die "the fuzz run failed (seed $seed): see $log and integration-tests/target/it-diagnostics/"
echo "== no violations (seed $seed)"
