# Sourced by the scripts that drive the benchmark client (benchmark.sh, sustained-benchmark.sh): the stack's
# health-check override, the build, and the URL the client talks to. The caller sets -euo pipefail, cds to the
# repository root, defines die and sets out (the results folder).

# bench_healthchecks: writes $out/healthchecks.yml. The test stack checks health every second (so tests start fast);
# each check is a process started in the container, which on two cores took about 3 % of the CPU the benchmark
# measures. Every 5 s here: slower to start, not to run.
bench_healthchecks() {
  cat >"$out/healthchecks.yml" <<'YAML'
services:
  postgres: {healthcheck: {interval: 5s}}
  orchestration: {healthcheck: {interval: 5s}}
  worker: {healthcheck: {interval: 5s}}
  worker-2: {healthcheck: {interval: 5s}}
YAML
}

# bench_build: Docker, the base images, the services and the benchmark client.
bench_build() {
  bash scripts/ensure-docker.sh
  bash scripts/build-local-base-images.sh
  echo "== building services and the benchmark client"
  ./mvnw -q -B -ntp -Pbenchmarks package -DskipTests -pl tasker-orchestration,workers/java,benchmarks -am \
    || die "the Maven build of the services and the benchmark client failed (output above)"
}

# bench_url COMPOSE...: the orchestration's URL for the load generator: its container over the Docker network where
# that answers, not the published port (docker-proxy copies every request and answer once more, on the same two
# cores); else http://localhost:8080.
bench_url() {
  local id ip
  id=$("$@" ps -q orchestration) || die "cannot find the orchestration's container"
  ip=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$id") \
    || die "cannot inspect the orchestration's container"
  if [[ -n $ip ]] && curl -fsS -o /dev/null --max-time 2 "http://$ip:8080/health/live"; then
    echo "http://$ip:8080"
  else
    echo http://localhost:8080
  fi
}
