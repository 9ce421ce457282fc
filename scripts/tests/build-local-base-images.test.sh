#!/usr/bin/env bash
# Tests of scripts/build-local-base-images.sh against the real Docker engine, with throw-away build contexts,
# image names and .env, so the project's own base images are never touched:
#   - a missing build context stops it: non-zero exit, a message naming the context;
#   - a failing docker build stops it: non-zero exit, a message naming the image (this is what `$(...)` swallowed);
#   - a working context is built and recorded in .env, and a changed file is built again on the next run
#     (an image of the same name never stands in for the repository's files).
# Needs a running Docker engine; builds only on a tiny empty base image, so it takes seconds.
set -euo pipefail
shopt -s inherit_errexit

script=$(cd "$(dirname "$0")/.." && pwd)/build-local-base-images.sh
work=$(mktemp -d /tmp/tasker-base-images-test.XXXXXX)
prefix=tasker-selftest-$$
base=$prefix/empty:base
cleanup() {
  rm -rf "$work"
  # A base image with dependent children cannot be removed in the same call as they are: go round until none is left.
  local ids
  for _ in 1 2 3; do
    ids=$(docker image ls -q --filter "reference=$prefix/*" | sort -u) || return 0
    [[ -n $ids ]] || return 0
    xargs docker image rm -f <<<"$ids" >/dev/null 2>&1 || true
  done
  echo "warning: test images $prefix/* left behind" >&2
}
trap cleanup EXIT

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# An empty image stands in for the debootstrap base: nothing to download.
tar -c -T /dev/null | docker import - "$base" >/dev/null

# run_script CONTEXTS_DIR: runs the script with the test's names; sets rc and out (stdout and stderr).
run_script() {
  set +e
  out=$(TASKER_LOCAL_BASE_DIR=$1 TASKER_ENV_FILE=$work/env TASKER_LOCAL_IMAGE_PREFIX=$prefix \
        TASKER_DEBIAN_BASE_IMAGE=$base TASKER_PUBLIC_JRE_IMAGE=$prefix/absent-jre:none \
        TASKER_PUBLIC_POSTGRES_IMAGE=$prefix/absent-postgres:none bash "$script" 2>&1)
  rc=$?
  set -e
}

# expect_failure NAME MESSAGE: the last run exited non-zero and said MESSAGE.
expect_failure() {
  if (( rc == 0 )); then fail "$1: exit 0, expected non-zero; output: $out"
  elif [[ $out != *"$2"* ]]; then fail "$1: exit $rc but no '$2' in: $out"
  else pass "$1 (exit $rc)"; fi
}

# 1. A build context missing from the repository.
mkdir -p "$work/missing"
run_script "$work/missing"
expect_failure "missing build context" "build context $work/missing/jre (its Dockerfile) not found"

# 2. A build that fails.
mkdir -p "$work/broken/jre"
printf 'ARG DEBIAN_BASE\nFROM ${DEBIAN_BASE}\nRUN ["/no-such-command"]\n' > "$work/broken/jre/Dockerfile"
run_script "$work/broken"
expect_failure "failing docker build" "docker build of $prefix/jre:17 from $work/broken/jre failed"
docker image inspect "$prefix/jre:17" >/dev/null 2>&1 && fail "failing docker build: an image $prefix/jre:17 exists"
left=$(docker ps -aq --filter "ancestor=$base")
[[ -z $left ]] || fail "failing docker build: it left containers behind: $left"

# 3. Working contexts: built, recorded in .env; a changed file is built again.
for name in jre postgres; do
  mkdir -p "$work/good/$name"
  printf 'ARG DEBIAN_BASE\nFROM ${DEBIAN_BASE}\nLABEL org.tasker.selftest=first\n' > "$work/good/$name/Dockerfile"
done
run_script "$work/good"
if (( rc != 0 )); then fail "working contexts: exit $rc: $out"
elif ! grep -qx "TASKER_JRE_IMAGE=$prefix/jre:17" "$work/env" || ! grep -qx "TASKER_POSTGRES_IMAGE=$prefix/postgres:15" "$work/env"; then
  fail "working contexts: .env does not name the substitutes: $(cat "$work/env")"
else pass "working contexts built and recorded in .env"; fi

sed -i 's/=first/=second/' "$work/good/jre/Dockerfile"
run_script "$work/good"
label=$(docker image inspect -f '{{index .Config.Labels "org.tasker.selftest"}}' "$prefix/jre:17" 2>/dev/null || echo none)
if (( rc != 0 )); then fail "changed file: exit $rc: $out"
elif [[ $label != second ]]; then fail "changed file: $prefix/jre:17 was not rebuilt (label $label, expected second)"
else pass "a changed Dockerfile is built again although the image existed"; fi

rm -f "$work/good/postgres/Dockerfile"
run_script "$work/good"
expect_failure "a context removed after an image was built from it" "build context $work/good/postgres (its Dockerfile) not found"

if (( failures > 0 )); then echo "$failures test(s) of build-local-base-images.sh failed" >&2; exit 1; fi
echo "build-local-base-images.sh: all tests passed"
