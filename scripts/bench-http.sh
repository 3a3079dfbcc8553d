#!/usr/bin/env bash
# Measures the server with wrk on loopback: a public route (/healthz, no pipeline work) and
# the tenant route /api/v1/me (resolve + authenticate + handler), on a fresh embedded catalog
# holding TENANTS tenants; then the same server restarted on the same data with
# --request-metering off, to show what counting, timing and logging each request costs; and
# with --quotas off, to show what the quota check costs. tenant-1 gets limits on every
# dimension (day, month, rate, in-flight, a custom rule, a route cost) set so high that
# nothing is refused: the check runs in full on every request.
# Build first (scripts/run.sh builds; or cmake --build --preset default).
#
#   scripts/bench-http.sh [TENANTS] [DURATION]      defaults: 10000 tenants, 10s
#   METERING_ROUNDS=3 scripts/bench-http.sh 1 6s   then alternate metering on/off 3 times more
#   QUOTA_ROUNDS=3 scripts/bench-http.sh 1 6s      alternate --quotas on/off 3 times
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tenants=${1:-10000}
duration=${2:-10s}
bin=build/app/tenantry
[ -x "$bin" ] || { echo "bench-http.sh: build first ($bin missing)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench-http.sh: wrk missing (scripts/install-deps.sh)" >&2; exit 1; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/tenantry-bench.XXXXXX")
server_pid=""
cleanup() {
  [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT

token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
export TENANTRY_ADMIN_TOKEN=$token

# start_server [extra serve flags...]: starts the server on the bench data, sets $base.
start_server() {
  : >"$dir/server.log"
  QT_LOGGING_RULES="tenantry.http.info=false" "$bin" serve --listen 127.0.0.1:0 --data-dir "$dir/data" "$@" \
    2>"$dir/server.log" &
  server_pid=$!
  port=""
  for _ in $(seq 100); do
    port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$dir/server.log")
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { cat "$dir/server.log" >&2; exit 1; }
  base="http://127.0.0.1:$port"
}

stop_server() {
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

start_server

echo "creating $tenants tenants..." >&2
key=""
for i in $(seq 1 "$tenants"); do
  body=$(curl -sf -X POST "$base/admin/v1/tenants" -H "Authorization: Bearer $token" \
    -d "{\"slug\": \"tenant-$i\"}")
  [ "$i" -eq 1 ] && key=$(printf '%s' "$body" | sed -n 's/.*"api_key":"\([^"]*\)".*/\1/p')
done

curl -sf -X PUT "$base/admin/v1/tenants/tenant-1/quotas" -H "Authorization: Bearer $token" -d '{
  "api_calls_per_day": 1000000000000, "api_calls_per_month": 1000000000000,
  "rate_per_second": 1000000, "burst": 1000000, "max_concurrent": 1000,
  "rules": [{"name": "me", "method": "GET", "route": "/api/v1/me", "window": "minute", "limit": 1000000000000}],
  "costs": [{"method": "POST", "route": "/api/v1/entities/*/records", "cost": 2}]}' >/dev/null

echo "== GET /healthz (no pipeline)"
wrk -t2 -c32 -d"$duration" "$base/healthz"
echo "== GET /api/v1/me (header identification + API key), $tenants tenants"
wrk -t2 -c32 -d"$duration" -H "X-Tenant-ID: tenant-1" -H "X-API-Key: $key" "$base/api/v1/me"
echo "== GET /t/tenant-1/api/v1/me (path identification + API key)"
wrk -t2 -c32 -d"$duration" -H "X-API-Key: $key" "$base/t/tenant-1/api/v1/me"
echo "server RSS: $(grep VmRSS /proc/$server_pid/status)"
stop_server

start_server --request-metering off
echo "== --request-metering off: GET /api/v1/me (header identification + API key), $tenants tenants"
wrk -t2 -c32 -d"$duration" -H "X-Tenant-ID: tenant-1" -H "X-API-Key: $key" "$base/api/v1/me"
stop_server

start_server --quotas off
echo "== --quotas off: GET /api/v1/me (header identification + API key), $tenants tenants"
wrk -t2 -c32 -d"$duration" -H "X-Tenant-ID: tenant-1" -H "X-API-Key: $key" "$base/api/v1/me"
stop_server

# Alternating the setting on the same data evens out the drift of a shared machine.
for round in $(seq 1 "${QUOTA_ROUNDS:-0}"); do
  for quotas in on off; do
    start_server --quotas "$quotas"
    wrk -t2 -c32 -d2s -H "X-Tenant-ID: tenant-1" -H "X-API-Key: $key" "$base/api/v1/me" >/dev/null # warm-up
    echo "== round $round, --quotas $quotas: $(wrk -t2 -c32 -d"$duration" -H "X-Tenant-ID: tenant-1" \
      -H "X-API-Key: $key" "$base/api/v1/me" | grep -E 'Requests/sec|Non-2xx' | tr '\n' ' ')"
    stop_server
  done
done
for round in $(seq 1 "${METERING_ROUNDS:-0}"); do
  for metering in on off; do
    start_server --request-metering "$metering"
    wrk -t2 -c32 -d2s -H "X-Tenant-ID: tenant-1" -H "X-API-Key: $key" "$base/api/v1/me" >/dev/null # warm-up
    echo "== round $round, --request-metering $metering: $(wrk -t2 -c32 -d"$duration" -H "X-Tenant-ID: tenant-1" \
      -H "X-API-Key: $key" "$base/api/v1/me" | grep Requests/sec)"
    stop_server
  done
done
