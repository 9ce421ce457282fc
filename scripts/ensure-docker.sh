#!/usr/bin/env bash
# Makes `docker` and `docker compose` usable on this machine.
# When Docker already answers, it changes nothing. Otherwise, on Debian as root, it installs the engine
# (docker.io) and Compose v2 (Debian 13's docker-compose package, pinned low so nothing else comes from
# trixie) and starts dockerd in the background. Every wait is bounded.
set -euo pipefail
shopt -s inherit_errexit

DOCKERD_LOG=${DOCKERD_LOG:-/var/log/tasker-dockerd.log}
DOCKERD_START_TIMEOUT=${DOCKERD_START_TIMEOUT:-60}

log() { printf '[ensure-docker] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

compose_ok() { docker compose version >/dev/null 2>&1; }

if docker info >/dev/null 2>&1 && compose_ok; then
  log "docker $(docker version --format '{{.Server.Version}}' 2>/dev/null) and $(docker compose version --short 2>/dev/null | sed 's/^/compose /') already usable"
  exit 0
fi

[[ -r /etc/debian_version ]] || die "docker is not usable and this is not Debian: install Docker Engine and Compose v2 yourself"
[[ $(id -u) -eq 0 ]] || die "docker is not usable and installing it needs root: run this script as root (or install Docker yourself)"

export DEBIAN_FRONTEND=noninteractive
apt_updated=false
apt_update() { $apt_updated || { apt-get update -qq || die "apt-get update failed"; apt_updated=true; }; }

if ! command -v dockerd >/dev/null 2>&1; then
  log "installing docker.io (engine)"
  apt_update
  apt-get install -y -qq --no-install-recommends docker.io iptables >/dev/null || die "apt-get install docker.io iptables failed"
fi

if ! compose_ok; then
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  if [[ $codename == bookworm ]]; then
    # Compose v2 is not packaged for Debian 12; trixie's build needs only libc6 >= 2.34.
    mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    [[ -n $mirror ]] || mirror=$(awk '/^deb / && $3 ~ /^bookworm$/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
    [[ -n $mirror ]] || mirror=http://deb.debian.org/debian
    if [[ ! -f /etc/apt/sources.list.d/tasker-trixie.list ]]; then
      log "adding the trixie suite from $mirror with a low pin, for docker-compose only"
      echo "deb $mirror trixie main" > /etc/apt/sources.list.d/tasker-trixie.list
      printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' > /etc/apt/preferences.d/tasker-trixie
      apt_updated=false
    fi
    apt_update
    apt-get install -y -qq --no-install-recommends -t trixie docker-compose >/dev/null \
      || die "apt-get install -t trixie docker-compose failed"
  else
    apt_update
    apt-get install -y -qq --no-install-recommends docker-compose-plugin >/dev/null 2>&1 \
      || apt-get install -y -qq --no-install-recommends docker-compose >/dev/null \
      || die "apt-get install of docker-compose-plugin and of docker-compose failed"
  fi
  compose_ok || die "docker compose still does not answer after installing Compose v2"
fi

if ! docker info >/dev/null 2>&1; then
  log "starting dockerd (log: $DOCKERD_LOG)"
  nohup dockerd >"$DOCKERD_LOG" 2>&1 &
  deadline=$((SECONDS + DOCKERD_START_TIMEOUT))
  until docker info >/dev/null 2>&1; do
    if (( SECONDS >= deadline )); then
      tail -n 30 "$DOCKERD_LOG" >&2 || true
      die "dockerd did not answer within ${DOCKERD_START_TIMEOUT}s (last lines of $DOCKERD_LOG above)"
    fi
    sleep 0.5
  done
fi

log "docker $(docker version --format '{{.Server.Version}}') and compose $(docker compose version --short) ready"
