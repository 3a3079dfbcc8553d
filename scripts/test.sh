#!/usr/bin/env bash
# Install, build, test: installs the Debian packages, configures and builds the
# `default` preset (./build), starts a throwaway PostgreSQL 15 and Redis on
# 127.0.0.1 (scripts/services.sh), runs `ctest --preset default` with their URLs
# exported, and always stops the servers and deletes their data afterwards.
#
#   scripts/test.sh                 everything
#   scripts/test.sh -R Catalog      extra arguments go to ctest
#   TENANTRY_TEST_KEEP_SERVICES=1 scripts/test.sh ...   leave the servers running
#
# Exits with ctest's exit status (or the failing step's). See docs/testing.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

services_dir=""
configure_log=""
ctest_pid=""

# shellcheck disable=SC2317 # invoked by trap
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ -z "$configure_log" ] || rm -f "$configure_log"
  if [ -n "$services_dir" ] && [ -d "$services_dir" ]; then
    if [ "${TENANTRY_TEST_KEEP_SERVICES:-0}" = 1 ] && [ -f "$services_dir/env" ]; then
      {
        echo "test.sh: services kept running in $services_dir"
        echo "  use them:  eval \"\$(scripts/services.sh env $services_dir)\""
        echo "  stop them: scripts/services.sh stop $services_dir"
      } >&2
    elif [ -f "$services_dir/.tenantry-test-services" ]; then
      scripts/services.sh stop "$services_dir" || echo "test.sh: could not stop the services in $services_dir" >&2
    else
      rmdir "$services_dir" 2>/dev/null || true # created, never started
    fi
  fi
  exit "$rc"
}
trap cleanup EXIT
# ctest runs in its own session (see below): pass the signal on to it and its tests.
# shellcheck disable=SC2317 # invoked by trap
on_signal() {
  if [ -n "$ctest_pid" ]; then
    kill -TERM -- "-$ctest_pid" 2>/dev/null || kill -TERM "$ctest_pid" 2>/dev/null || true
  fi
  exit "$1"
}
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

scripts/install-deps.sh

configure_log=$(mktemp "${TMPDIR:-/tmp}/tenantry-configure.XXXXXX")
if ! cmake --preset default >"$configure_log" 2>&1; then
  cat "$configure_log" >&2
  echo "test.sh: cmake --preset default failed" >&2
  exit 1
fi
cmake --build --preset default

# Create the run dir first so that the EXIT trap knows it even if we are
# interrupted while the servers start.
services_dir=$(scripts/services.sh new-dir)
services_env=$(scripts/services.sh start "$services_dir")
eval "$services_env"

# In the background and in a session of its own, so that a signal to this script
# is acted on at once (bash would otherwise wait for ctest to finish) and reaches
# every test process.
setsid -w ctest --preset default "$@" &
ctest_pid=$!
rc=0
wait "$ctest_pid" || rc=$?
ctest_pid=""
exit "$rc"
