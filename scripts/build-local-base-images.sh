#!/usr/bin/env bash
# Makes sure the base images Tasker's Dockerfiles and compose files need are available.
# For each one, in order: the public image is already present -> use it; the local substitute is present
# -> use it; the public image can be pulled -> use it; otherwise build the substitute without any registry
# (a Debian base from debootstrap, then a JRE and a PostgreSQL image on it).
# Substitutes in use are written to the repository's .env (gitignored), which docker compose reads and the
# Maven build passes to tests, so `./mvnw verify` and `docker compose` need nothing exported by hand.
# Idempotent: seconds when everything is present.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
env_file=${TASKER_ENV_FILE:-$root/.env}
debian_base=tasker-local/debian:bookworm

log() { printf '[base-images] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

docker info >/dev/null 2>&1 || die "docker is not usable: run scripts/ensure-docker.sh first"

debian_mirror() {
  local m
  m=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [[ -n $m ]] || m=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  echo "${m:-http://deb.debian.org/debian}"
}

build_debian_base() {
  have_image "$debian_base" && return 0
  [[ $(id -u) -eq 0 ]] || die "building $debian_base needs root (debootstrap)"
  command -v debootstrap >/dev/null 2>&1 || {
    log "installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  }
  local dir mirror
  dir=$(mktemp -d /tmp/tasker-debootstrap.XXXXXX)
  trap 'rm -rf "$dir"' RETURN
  mirror=$(debian_mirror)
  log "debootstrap bookworm from $mirror (about 30 s)"
  debootstrap --variant=minbase bookworm "$dir" "$mirror" >/dev/null
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
  # An imported image has an empty config: give it what a Dockerfile expects of a base.
  tar -C "$dir" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'LABEL org.tasker.local-base=true' \
    --change 'CMD ["bash"]' - "$debian_base" >/dev/null
  log "built $debian_base"
}

# resolve VAR PUBLIC LOCAL DOCKERFILE_DIR -> prints the image to use
resolve() {
  local var=$1 public=$2 local=$3 dir=$4
  if have_image "$public"; then
    log "$public present"; echo "$public"; return
  fi
  if have_image "$local"; then
    log "$public not present; using local substitute $local"; echo "$local"; return
  fi
  if timeout 120 docker pull -q "$public" >/dev/null 2>&1; then
    log "pulled $public"; echo "$public"; return
  fi
  log "$public cannot be pulled: building $local"
  build_debian_base
  docker build -q --build-arg DEBIAN_BASE="$debian_base" -t "$local" "$root/$dir" >/dev/null
  log "built $local"
  echo "$local"
}

start=$SECONDS
jre=$(resolve TASKER_JRE_IMAGE eclipse-temurin:17-jre tasker-local/jre:17 docker/local-base/jre)
pg=$(resolve TASKER_POSTGRES_IMAGE postgres:15 tasker-local/postgres:15 docker/local-base/postgres)

touch "$env_file"
tmp=$(mktemp)
grep -v -E '^(TASKER_JRE_IMAGE|TASKER_POSTGRES_IMAGE)=' "$env_file" > "$tmp" || true
[[ $jre == eclipse-temurin:17-jre ]] || echo "TASKER_JRE_IMAGE=$jre" >> "$tmp"
[[ $pg == postgres:15 ]] || echo "TASKER_POSTGRES_IMAGE=$pg" >> "$tmp"
mv "$tmp" "$env_file"
log "base images ready in $((SECONDS - start)) s (JRE: $jre, PostgreSQL: $pg; overrides in $env_file)"
