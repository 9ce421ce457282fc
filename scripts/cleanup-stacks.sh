#!/usr/bin/env bash
# Removes what Tasker's test runs may leave behind when a JVM is killed: every compose project with a
# container or network labelled org.tasker.project (with its volumes), Testcontainers databases started from
# the project's PostgreSQL images, and dangling images of the project. Never touches the local base images.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
log() { printf '[cleanup] %s\n' "$*" >&2; }
docker info >/dev/null 2>&1 || { log "docker is not running: nothing to clean"; exit 0; }

projects=$( { docker ps -a --filter label=org.tasker.project --format '{{.Label "com.docker.compose.project"}}'
              docker network ls --filter label=org.tasker.project --format '{{.Label "com.docker.compose.project"}}'; } \
            | sort -u | grep -v '^$' || true)
for p in $projects; do
  log "removing compose project $p"
  docker compose -p "$p" down -v --remove-orphans --timeout 5 >/dev/null 2>&1 || true
done

pg_image=$(grep -h '^TASKER_POSTGRES_IMAGE=' "$root/docker/base-images.properties" "$root/.env" 2>/dev/null | tail -n 1 | cut -d= -f2-)
if [[ -n $pg_image ]]; then
  leftovers=$(docker ps -aq --filter label=org.testcontainers --filter "ancestor=$pg_image" 2>/dev/null || true)
  if [[ -n $leftovers ]]; then
    log "removing Testcontainers databases left from $pg_image"
    docker rm -f -v $leftovers >/dev/null 2>&1 || true
  fi
fi

docker image prune -f --filter label=org.tasker.project=tasker >/dev/null 2>&1 || true
