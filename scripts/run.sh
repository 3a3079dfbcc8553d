#!/usr/bin/env bash
# Install, build, start the console: installs the Debian packages, configures and
# builds the `default` preset (./build), then runs ./build/app/tenantry with the
# given arguments.
#
#   scripts/run.sh                                   the desktop console (needs a display)
#   scripts/run.sh serve --listen 127.0.0.1:8080     arguments pass through
#   xvfb-run -a scripts/run.sh                       the console on a virtual display
set -euo pipefail

# Build from the repo root; run the binary from the caller's directory so that
# relative paths among the arguments mean what the caller expects.
caller_dir=$PWD
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scripts/install-deps.sh

configure_log=$(mktemp "${TMPDIR:-/tmp}/tenantry-configure.XXXXXX")
if ! cmake --preset default >"$configure_log" 2>&1; then
  cat "$configure_log" >&2
  rm -f "$configure_log"
  echo "run.sh: cmake --preset default failed" >&2
  exit 1
fi
rm -f "$configure_log"
cmake --build --preset default

if [ $# -eq 0 ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  cat >&2 <<'EOF'
run.sh: built ./build/app/tenantry, but there is no display ($DISPLAY and
$WAYLAND_DISPLAY are unset), so the desktop console cannot start. Instead:
  scripts/run.sh serve --listen 127.0.0.1:8080   run the HTTP server without a GUI
  xvfb-run -a scripts/run.sh                     run the console on a virtual X display
EOF
  exit 1
fi

cd "$caller_dir"
exec "$root/build/app/tenantry" "$@"
