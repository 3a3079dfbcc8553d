#!/usr/bin/env bash
# Pictures of every console page, in English and in Simplified Chinese, on demo data:
# builds (as scripts/run.sh does), fills a throwaway catalog with `tenantry demo-data`, then
# runs the console twice under Xvfb with its embedded server started and `--screenshots`,
# while wrk sends it paced traffic from a handful of the demo tenants (and a few requests
# with a wrong key), so the Monitoring page has something to chart. Writes
# OUTDIR/console-<page>.png and OUTDIR/console-<page>-zh.png.
#
#   scripts/screenshots.sh OUTDIR            SCREENSHOT_PORT=18731 by default
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: scripts/screenshots.sh OUTDIR" >&2; exit 2; }
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
cd "$root"
port=${SCREENSHOT_PORT:-18731}

scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default
bin=$root/build/app/tenantry

work=$(mktemp -d "${TMPDIR:-/tmp}/tenantry-shots.XXXXXX")
console_pid=""
traffic_pid=""
cleanup() {
  [ -z "$traffic_pid" ] || kill "$traffic_pid" 2>/dev/null || true
  [ -z "$console_pid" ] || kill "$console_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" demo-data --data-dir "$work/data" --keys-file "$work/keys.txt" 2>/dev/null

# wrk's script: requests from the first eight tenants with keys, busier ones more often,
# one in two hundred with a wrong key; paced by delay() so the charts look like a working day.
{
  echo 'local tenants = {'
  head -n 8 "$work/keys.txt" | while read -r slug key; do
    echo "  {\"$slug\", \"$key\"},"
  done
  cat <<'LUA'
}
local weights = {8, 6, 5, 4, 3, 2, 2, 1}
local total = 0
for i = 1, #tenants do total = total + weights[i] end
request = function()
  local roll = math.random(total)
  local i = 1
  while roll > weights[i] do roll = roll - weights[i]; i = i + 1 end
  local key = tenants[i][2]
  if math.random(200) == 1 then key = "tnt_wrong" end
  return wrk.format("GET", "/api/v1/me", {["X-Tenant-ID"] = tenants[i][1], ["X-API-Key"] = key})
end
delay = function() return math.random(5, 40) end
LUA
} > "$work/traffic.lua"

for lang in en zh_CN; do
  echo "screenshots: console in $lang"
  XDG_CONFIG_HOME="$work/config-$lang" TENANTRY_LANG=$lang \
    xvfb-run -a -s "-screen 0 1440x900x24" \
    "$bin" --data-dir "$work/data" --listen "127.0.0.1:$port" --start-server --screenshots "$out" \
    2>"$work/console-$lang.log" &
  console_pid=$!
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.2
  done
  wrk -t1 -c4 -d120s -s "$work/traffic.lua" "http://127.0.0.1:$port" >/dev/null 2>&1 &
  traffic_pid=$!
  status=0
  wait "$console_pid" || status=$?
  console_pid=""
  kill "$traffic_pid" 2>/dev/null || true
  wait "$traffic_pid" 2>/dev/null || true
  traffic_pid=""
  grep '^screenshots:' "$work/console-$lang.log" || true
  if [ "$status" -ne 0 ]; then
    tail -n 20 "$work/console-$lang.log" >&2
    echo "screenshots: the console failed in $lang (exit $status)" >&2
    exit 1
  fi
done
ls -1 "$out"/console-*.png
