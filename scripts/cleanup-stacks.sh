#!/usr/bin/env bash
# Removes what Tasker's test runs leave behind when a test JVM is killed: compose projects labelled
# org.tasker.project (with their volumes), Testcontainers databases started from the project's PostgreSQL image,
# and dangling images of the project. Never touches the local base images.
#
# Stacks of test runs still going on are spared, so a CI run does not wreck another run on the same machine:
# the integration tests name their project tasker-it-<pid of the test JVM>-<random>, and a project whose JVM is
# alive is kept. Testcontainers databases carry no owner, so only those older than TASKER_CLEANUP_MIN_AGE_MINUTES
# (default 30; no test JVM keeps one that long) are removed. Projects of other names (e.g. tasker-integration, the
# benchmark stack started by hand) are kept too. --all removes everything regardless.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
all=false
[[ ${1:-} == --all ]] && all=true
min_age_minutes=${TASKER_CLEANUP_MIN_AGE_MINUTES:-30}
log() { printf '[cleanup] %s\n' "$*" >&2; }
docker info >/dev/null 2>&1 || { log "docker is not running: nothing to clean"; exit 0; }

# True when the project belongs to a test JVM that is still running.
owner_alive() {
  local pid
  [[ $1 =~ ^tasker-it-([0-9]+)- ]] || return 1
  pid=${BASH_REMATCH[1]}
  [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' </proc/"$pid"/cmdline | grep -q java
}

projects=$( { docker ps -a --filter label=org.tasker.project --format '{{.Label "com.docker.compose.project"}}'
              docker network ls --filter label=org.tasker.project --format '{{.Label "com.docker.compose.project"}}'; } \
            | sort -u | grep -v '^$' || true)
for p in $projects; do
  if ! $all; then
    if [[ $p != tasker-it-* ]]; then
      log "keeping compose project $p (not a test run's; --all removes it)"
      continue
    fi
    if owner_alive "$p"; then
      log "keeping compose project $p: its test JVM is still running"
      continue
    fi
  fi
  log "removing compose project $p"
  docker compose -p "$p" down -v --remove-orphans --timeout 5 >/dev/null 2>&1 || true
done

pg_image=$(grep -h '^TASKER_POSTGRES_IMAGE=' "$root/docker/base-images.properties" "$root/.env" 2>/dev/null | tail -n 1 | cut -d= -f2-)
if [[ -n $pg_image ]]; then
  now=$(date +%s)
  for id in $(docker ps -aq --filter label=org.testcontainers --filter "ancestor=$pg_image" 2>/dev/null); do
    created=$(date -d "$(docker inspect -f '{{.Created}}' "$id" 2>/dev/null)" +%s 2>/dev/null || echo "$now")
    if $all || (( now - created >= min_age_minutes * 60 )); then
      log "removing Testcontainers database $id left from $pg_image"
      docker rm -f -v "$id" >/dev/null 2>&1 || true
    fi
  done
fi

docker image prune -f --filter label=org.tasker.project=tasker >/dev/null 2>&1 || true
