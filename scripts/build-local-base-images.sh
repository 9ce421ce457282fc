#!/usr/bin/env bash
# Makes sure the base images Tasker's Dockerfiles and compose files need are available.
# For each one: the public image is present -> use it; it can be pulled -> use it; otherwise build the local
# substitute from the repository's files (docker/local-base/<name>/) on a Debian base made without any registry
# (debootstrap). The substitute is built on every run, never trusted because an image of that name happens to
# exist: a file missing from the repository must fail here, not on the next machine. The layer cache makes an
# unchanged build take seconds.
# Substitutes in use are written to the repository's .env (gitignored), which docker compose reads and the
# Maven build passes to tests, so `./mvnw verify` and `docker compose` need nothing exported by hand.
# Any failure (debootstrap, import, build, a missing build context) stops it with a non-zero exit naming what
# failed.
#
# Environment (defaults in brackets; the overrides exist for scripts/tests/):
#   TASKER_ENV_FILE [<repo>/.env]  TASKER_LOCAL_BASE_DIR [<repo>/docker/local-base]
#   TASKER_LOCAL_IMAGE_PREFIX [tasker-local]  TASKER_DEBIAN_BASE_IMAGE [<prefix>/debian:bookworm]
#   TASKER_PUBLIC_JRE_IMAGE [eclipse-temurin:17-jre]  TASKER_PUBLIC_POSTGRES_IMAGE [postgres:15]
set -euo pipefail
shopt -s inherit_errexit

root=$(cd "$(dirname "$0")/.." && pwd)
env_file=${TASKER_ENV_FILE:-$root/.env}
contexts=${TASKER_LOCAL_BASE_DIR:-$root/docker/local-base}
prefix=${TASKER_LOCAL_IMAGE_PREFIX:-tasker-local}
debian_base=${TASKER_DEBIAN_BASE_IMAGE:-$prefix/debian:bookworm}
public_jre=${TASKER_PUBLIC_JRE_IMAGE:-eclipse-temurin:17-jre}
public_pg=${TASKER_PUBLIC_POSTGRES_IMAGE:-postgres:15}

log() { printf '[base-images] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

docker info >/dev/null 2>&1 || die "docker is not usable: run scripts/ensure-docker.sh first"
debootstrap_dir=
trap '[[ -z $debootstrap_dir ]] || rm -rf "$debootstrap_dir" "$debootstrap_dir.log"' EXIT

debian_mirror() {
  local m
  m=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [[ -n $m ]] || m=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  echo "${m:-http://deb.debian.org/debian}"
}

# The Debian base comes from the package mirror, not from the repository, so an existing one is reused.
build_debian_base() {
  have_image "$debian_base" && return 0
  [[ $(id -u) -eq 0 ]] || die "building $debian_base needs root (debootstrap)"
  if ! command -v debootstrap >/dev/null 2>&1; then
    log "installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed (installing debootstrap)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null \
      || die "apt-get install debootstrap failed"
  fi
  local dir mirror
  dir=$(mktemp -d /tmp/tasker-debootstrap.XXXXXX)
  debootstrap_dir=$dir
  mirror=$(debian_mirror)
  log "debootstrap bookworm from $mirror (about 30 s)"
  debootstrap --variant=minbase bookworm "$dir" "$mirror" >"$dir.log" 2>&1 || {
    tail -n 20 "$dir.log" >&2
    die "debootstrap of bookworm from $mirror failed (last lines of $dir.log above)"
  }
  rm -f "$dir.log"
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
  # An imported image has an empty config: give it what a Dockerfile expects of a base.
  tar -C "$dir" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'LABEL org.tasker.local-base=true' \
    --change 'CMD ["bash"]' - "$debian_base" >/dev/null \
    || die "docker import of the debootstrap tree as $debian_base failed"
  rm -rf "$dir"
  log "built $debian_base"
}

# build_substitute IMAGE CONTEXT: docker build from the repository's files, output shown only on failure.
build_substitute() {
  local image=$1 context=$2 build_log
  [[ -f $context/Dockerfile ]] || die "build context $context (its Dockerfile) not found: cannot build $image"
  build_debian_base
  build_log=$(mktemp /tmp/tasker-base-image.XXXXXX.log)
  if ! docker build --force-rm --build-arg DEBIAN_BASE="$debian_base" -t "$image" "$context" >"$build_log" 2>&1; then
    tail -n 30 "$build_log" >&2
    die "docker build of $image from $context failed (last lines above; full log $build_log)"
  fi
  rm -f "$build_log"
}

# resolve PUBLIC NAME TAG: sets `image` to the public image when present or pullable, else to the substitute
# <prefix>/NAME:TAG built from $contexts/NAME. Not run in $(...), so that a failure stops the script.
resolve() {
  local public=$1 name=$2 tag=$3
  if have_image "$public"; then
    log "$public present"; image=$public; return
  fi
  if timeout 120 docker pull -q "$public" >/dev/null 2>&1; then
    log "pulled $public"; image=$public; return
  fi
  image=$prefix/$name:$tag
  local t0=$SECONDS
  log "$public cannot be pulled: building $image from $contexts/$name"
  build_substitute "$image" "$contexts/$name"
  log "built $image ($((SECONDS - t0)) s)"
}

start=$SECONDS
image=
resolve "$public_jre" jre 17
jre=$image
resolve "$public_pg" postgres 15
pg=$image

touch "$env_file"
tmp=$(mktemp)
grep -v -E '^(TASKER_JRE_IMAGE|TASKER_POSTGRES_IMAGE)=' "$env_file" > "$tmp" || true
[[ $jre == eclipse-temurin:17-jre ]] || echo "TASKER_JRE_IMAGE=$jre" >> "$tmp"
[[ $pg == postgres:15 ]] || echo "TASKER_POSTGRES_IMAGE=$pg" >> "$tmp"
mv "$tmp" "$env_file"
log "base images ready in $((SECONDS - start)) s (JRE: $jre, PostgreSQL: $pg; overrides in $env_file)"
