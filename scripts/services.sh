#!/usr/bin/env bash
# Throwaway PostgreSQL 15 + Redis 7 for Tenantry's tests, on 127.0.0.1 and free ports.
#
#   eval "$(scripts/services.sh start [RUNDIR])"   start both; prints `export ...` lines
#   scripts/services.sh stop [RUNDIR]              stop both and delete RUNDIR
#   scripts/services.sh env [RUNDIR]               print the `export ...` lines again
#   scripts/services.sh redis start|stop|restart|status [RUNDIR]
#   scripts/services.sh pg    start|stop|restart|status [RUNDIR]
#   scripts/services.sh list                       run dirs left in ${TMPDIR:-/tmp}
#   scripts/services.sh new-dir                    create and print an empty run dir
#
# RUNDIR defaults to $TENANTRY_TEST_SERVICES_DIR for everything but `start`, which
# creates a fresh ${TMPDIR:-/tmp}/tenantry-test-services-XXXXXX (or uses the given
# RUNDIR, which must be missing or empty). Everything a run needs lives in RUNDIR:
# PostgreSQL data, sockets, Redis' config/pid/log, and `env` (the export lines).
#
# PostgreSQL and Redis refuse to, or should not, run as root: as root both run as
# $TENANTRY_TEST_SERVICES_USER, default `postgres` (created by the postgresql-15
# package) or else a `tenantry-test` system user created on first use.
#
# Messages go to stderr; on success `start` prints only the export lines and the
# other commands print nothing.
set -euo pipefail

SELF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
readonly SELF
readonly PG_BIN=/usr/lib/postgresql/15/bin
readonly MARKER=.tenantry-test-services
readonly PG_SUPERUSER=tenantry_admin
readonly TIMEOUT="${TENANTRY_TEST_SERVICES_TIMEOUT:-60}"
readonly PORT_ATTEMPTS=8

# Our own psql/pg_isready calls name everything explicitly; keep the caller's
# libpq settings from redirecting them.
unset PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGPASSFILE PGSERVICE \
      PGSERVICEFILE PGOPTIONS PGSSLMODE PGCONNECT_TIMEOUT PGTARGETSESSIONATTRS || true
export LC_ALL=C

die() { echo "services.sh: $*" >&2; exit 1; }
note() { echo "services.sh: $*" >&2; }

# ---------------------------------------------------------------- users

svc_user=""
# Sets svc_user: empty when we are not root (run everything as ourselves).
choose_user() {
  svc_user=""
  [ "$(id -u)" -eq 0 ] || return 0
  if [ -n "${TENANTRY_TEST_SERVICES_USER:-}" ]; then
    svc_user=$TENANTRY_TEST_SERVICES_USER
    id -u "$svc_user" >/dev/null 2>&1 || die "TENANTRY_TEST_SERVICES_USER=$svc_user does not exist"
  elif id -u postgres >/dev/null 2>&1; then
    svc_user=postgres
  else
    svc_user=tenantry-test
    if ! id -u "$svc_user" >/dev/null 2>&1; then
      command -v useradd >/dev/null || die "running as root, no 'postgres' user and no useradd (install 'passwd') to create '$svc_user'"
      useradd --system --user-group --no-create-home --home-dir /nonexistent \
              --shell /usr/sbin/nologin "$svc_user" >/dev/null 2>&1 || true
      id -u "$svc_user" >/dev/null 2>&1 || die "could not create system user '$svc_user'"
    fi
  fi
  [ "$(id -u "$svc_user")" -ne 0 ] || die "service user '$svc_user' must not be root"
}

# Runs a command as the service user (or as ourselves when not root), from /, so
# that an unreadable cwd such as /root does not bother it.
as_svc() {
  if [ -n "$svc_user" ]; then
    (cd / && exec setpriv --reuid="$(id -u "$svc_user")" --regid="$(id -g "$svc_user")" --init-groups \
        env HOME="$rundir" USER="$svc_user" LOGNAME="$svc_user" "$@")
  else
    (cd / && exec "$@")
  fi
}

# mkdir owned by the service user.
mkdir_svc() {
  mkdir -p "$@"
  chmod 700 "$@"
  [ -z "$svc_user" ] || chown "$svc_user:$(id -gn "$svc_user")" "$@"
}

# True if PID exists and is not a zombie (PID 1 in a container may never reap it).
alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}

# ---------------------------------------------------------------- ports

port_in_use() {
  local port=$1
  if command -v ss >/dev/null; then
    [ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ] && return 0
  fi
  # Something answering on it? (covers a missing ss, and is cheap anyway)
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
  return 1
}

# Prints a port that nothing listens on, from 20000-31999 (below Linux's default
# ephemeral range), starting at a random place. Two runs may still race for one
# port; the start functions detect "address in use" and retry with another.
free_port() {
  local avoid=" ${1:-} " port i
  for ((i = 0; i < 200; i++)); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 12000))
    case "$avoid" in *" $port "*) continue ;; esac
    port_in_use "$port" || { echo "$port"; return 0; }
  done
  die "could not find a free TCP port on 127.0.0.1"
}

# ---------------------------------------------------------------- run dir/state

rundir=""
# Loaded from / saved to $rundir/state.
SVC_USER="" PG_PORT="" PG_ADMIN_PASSWORD="" REDIS_PORT=""

resolve_rundir() {
  local dir=${1:-${TENANTRY_TEST_SERVICES_DIR:-}}
  [ -n "$dir" ] || die "no run dir: pass it as an argument or set TENANTRY_TEST_SERVICES_DIR"
  [ -d "$dir" ] || die "run dir $dir does not exist"
  [ -f "$dir/$MARKER" ] || die "$dir is not a tenantry test services run dir (no $MARKER)"
  rundir=$(cd "$dir" && pwd)
}

load_state() {
  # shellcheck disable=SC1091
  . "$rundir/state"
  svc_user=$SVC_USER
}

save_state() {
  {
    printf 'SVC_USER=%q\n' "$svc_user"
    printf 'PG_PORT=%q\n' "${PG_PORT:-}"
    printf 'PG_ADMIN_PASSWORD=%q\n' "${PG_ADMIN_PASSWORD:-}"
    printf 'REDIS_PORT=%q\n' "${REDIS_PORT:-}"
  } >"$rundir/state.tmp"
  mv -f "$rundir/state.tmp" "$rundir/state"
}

print_env() {
  local redis_pid=""
  [ -f "$rundir/redis/redis.pid" ] && redis_pid=$(cat "$rundir/redis/redis.pid" 2>/dev/null || true)
  cat <<EOF
export TENANTRY_TEST_PG_URL='postgresql://tenantry:tenantry@127.0.0.1:$PG_PORT/tenantry'
export TENANTRY_TEST_PG_ADMIN_URL='postgresql://$PG_SUPERUSER:$PG_ADMIN_PASSWORD@127.0.0.1:$PG_PORT/postgres'
export TENANTRY_TEST_REDIS_URL='redis://127.0.0.1:$REDIS_PORT/0'
export TENANTRY_TEST_REQUIRE_SERVICES=1
export TENANTRY_TEST_SERVICES_DIR='$rundir'
export TENANTRY_TEST_PG_CTL='$rundir/pg-ctl'
export TENANTRY_TEST_REDIS_CTL='$rundir/redis-ctl'
export TENANTRY_TEST_REDIS_PID='$redis_pid'
EOF
}

write_ctl_scripts() {
  local what
  for what in pg redis; do
    cat >"$rundir/$what-ctl" <<EOF
#!/bin/sh
# $what-ctl start|stop|restart|status for the services in this run dir.
exec '$SELF' $what "\$@" '$rundir'
EOF
    chmod 755 "$rundir/$what-ctl"
  done
}

# ---------------------------------------------------------------- PostgreSQL

pg_log_tail() {
  echo "---- last lines of $rundir/pg/server.log ----" >&2
  tail -n 30 "$rundir/pg/server.log" >&2 2>/dev/null || true
  echo "----" >&2
}

pg_write_conf() {
  cat >"$rundir/pg/data/tenantry.conf" <<EOF
# Written by scripts/services.sh: throwaway test server, speed over durability.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$rundir/pg/sock'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
password_encryption = 'scram-sha-256'
logging_collector = off
EOF
  [ -z "$svc_user" ] || chown "$svc_user" "$rundir/pg/data/tenantry.conf"
}

pg_init() {
  mkdir_svc "$rundir/pg" "$rundir/pg/sock"
  PG_ADMIN_PASSWORD=$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$PG_ADMIN_PASSWORD" >"$rundir/pg/pwfile"
  chmod 600 "$rundir/pg/pwfile"
  [ -z "$svc_user" ] || chown "$svc_user" "$rundir/pg/pwfile"
  if ! as_svc "$PG_BIN/initdb" -D "$rundir/pg/data" -U "$PG_SUPERUSER" --pwfile="$rundir/pg/pwfile" \
        -E UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 --no-sync \
        >"$rundir/pg/initdb.log" 2>&1; then
    echo "---- $rundir/pg/initdb.log ----" >&2
    tail -n 30 "$rundir/pg/initdb.log" >&2
    die "initdb failed"
  fi
  rm -f "$rundir/pg/pwfile"
  echo "include 'tenantry.conf'" >>"$rundir/pg/data/postgresql.conf"
}

# Starts the server on $PG_PORT; returns 2 if the port was taken, dies on other errors.
pg_start_once() {
  pg_write_conf
  : >"$rundir/pg/server.log"
  [ -z "$svc_user" ] || chown "$svc_user" "$rundir/pg/server.log"
  if as_svc "$PG_BIN/pg_ctl" -D "$rundir/pg/data" -l "$rundir/pg/server.log" -w -t "$TIMEOUT" -s start \
       >"$rundir/pg/pg_ctl.log" 2>&1; then
    local i
    for ((i = 0; i < TIMEOUT * 5; i++)); do
      pg_isready -q -h 127.0.0.1 -p "$PG_PORT" -d postgres -t 2 && return 0
      sleep 0.2
    done
    pg_log_tail
    die "PostgreSQL started but does not accept connections on 127.0.0.1:$PG_PORT within ${TIMEOUT}s"
  fi
  if grep -qiE 'could not bind|address already in use' "$rundir/pg/server.log"; then
    pg_stop_quiet
    return 2
  fi
  cat "$rundir/pg/pg_ctl.log" >&2
  pg_log_tail
  die "PostgreSQL 15 did not start (data dir $rundir/pg/data)"
}

pg_start() {
  local attempt rc
  for ((attempt = 1; attempt <= PORT_ATTEMPTS; attempt++)); do
    rc=0
    pg_start_once || rc=$?
    [ "$rc" -eq 0 ] && return 0
    PG_PORT=$(free_port "$PG_PORT ${REDIS_PORT:-}")
    save_state
  done
  die "PostgreSQL: every port tried was taken"
}

pg_bootstrap() {
  local out
  if ! out=$(psql -X -q -v ON_ERROR_STOP=1 -h "$rundir/pg/sock" -p "$PG_PORT" -U "$PG_SUPERUSER" -d postgres 2>&1 <<'SQL'
CREATE ROLE tenantry LOGIN PASSWORD 'tenantry' CREATEDB CREATEROLE NOSUPERUSER;
CREATE DATABASE tenantry OWNER tenantry;
SQL
  ); then
    echo "$out" >&2
    die "could not create the 'tenantry' role and database"
  fi
}

pg_running() {
  [ -f "$rundir/pg/data/postmaster.pid" ] || return 1
  local pid
  pid=$(head -n 1 "$rundir/pg/data/postmaster.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && alive "$pid" && [ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" = "$rundir/pg/data" ]
}

# Stops the server if it runs: fast shutdown, then immediate, then SIGKILL.
pg_stop_quiet() {
  [ -d "$rundir/pg/data" ] || return 0
  pg_running || return 0
  local pid
  pid=$(head -n 1 "$rundir/pg/data/postmaster.pid")
  as_svc "$PG_BIN/pg_ctl" -D "$rundir/pg/data" -m fast -w -t 20 -s stop >/dev/null 2>&1 ||
    as_svc "$PG_BIN/pg_ctl" -D "$rundir/pg/data" -m immediate -w -t 10 -s stop >/dev/null 2>&1 || true
  alive "$pid" || return 0
  kill -KILL "$pid" 2>/dev/null || true
  # Backends exit on their own once they notice the postmaster is gone; make sure.
  local i left
  for ((i = 0; i < 20; i++)); do
    left=$(pg_children)
    [ -n "$left" ] || return 0
    sleep 0.25
  done
  # shellcheck disable=SC2086
  kill -KILL $left 2>/dev/null || true
}

# PIDs of processes whose cwd is the data dir (the postmaster and its children).
pg_children() {
  local p out=""
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/cwd" 2>/dev/null)" = "$rundir/pg/data" ] && out+="${p#/proc/} "
  done
  echo "$out"
}

# ---------------------------------------------------------------- Redis

redis_log_tail() {
  echo "---- last lines of $rundir/redis/redis.log ----" >&2
  tail -n 30 "$rundir/redis/redis.log" >&2 2>/dev/null || true
  echo "----" >&2
}

redis_write_conf() {
  cat >"$rundir/redis/redis.conf" <<EOF
# Written by scripts/services.sh: throwaway test server.
bind 127.0.0.1
port $REDIS_PORT
save ""
appendonly no
daemonize yes
pidfile $rundir/redis/redis.pid
logfile $rundir/redis/redis.log
dir $rundir/redis
EOF
  [ -z "$svc_user" ] || chown "$svc_user" "$rundir/redis/redis.conf"
}

redis_pid() {
  local pid
  pid=$(cat "$rundir/redis/redis.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && alive "$pid" && grep -q redis "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

# Starts Redis on $REDIS_PORT; returns 2 if the port was taken, dies on other errors.
redis_start_once() {
  [ -d "$rundir/redis" ] || mkdir_svc "$rundir/redis"
  redis_write_conf
  rm -f "$rundir/redis/redis.pid"
  : >"$rundir/redis/redis.log"
  [ -z "$svc_user" ] || chown "$svc_user" "$rundir/redis/redis.log"
  if ! as_svc redis-server "$rundir/redis/redis.conf" >"$rundir/redis/start.log" 2>&1; then
    cat "$rundir/redis/start.log" >&2
    redis_log_tail
    die "redis-server did not start"
  fi
  local i
  for ((i = 0; i < TIMEOUT * 10; i++)); do
    if [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ] && redis_pid >/dev/null; then
      return 0
    fi
    if grep -qi 'address already in use' "$rundir/redis/redis.log" 2>/dev/null; then
      redis_stop_quiet
      return 2
    fi
    if grep -qiE 'aborting|fatal' "$rundir/redis/redis.log" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  redis_log_tail
  redis_stop_quiet
  die "Redis did not start, or did not answer PING on 127.0.0.1:$REDIS_PORT within ${TIMEOUT}s"
}

redis_start() {
  local attempt rc
  for ((attempt = 1; attempt <= PORT_ATTEMPTS; attempt++)); do
    rc=0
    redis_start_once || rc=$?
    [ "$rc" -eq 0 ] && return 0
    REDIS_PORT=$(free_port "${PG_PORT:-} $REDIS_PORT")
    save_state
  done
  die "Redis: every port tried was taken"
}

# Restart keeps the port; if something else grabbed it meanwhile, that is an error.
redis_restart_same_port() {
  local rc=0
  redis_start_once || rc=$?
  [ "$rc" -eq 0 ] || { redis_log_tail; die "Redis could not get its port $REDIS_PORT back"; }
}

redis_stop_quiet() {
  local pid i
  pid=$(redis_pid) || return 0
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    alive "$pid" || { rm -f "$rundir/redis/redis.pid"; return 0; }
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$rundir/redis/redis.pid"
}

# ---------------------------------------------------------------- commands

cleanup_rundir() {
  pg_stop_quiet
  redis_stop_quiet
  rm -rf "$rundir"
}

# Creates and prints a fresh, empty run dir.
cmd_new_dir() {
  local base="${TMPDIR:-/tmp}"
  choose_user
  # As root the service user must reach the run dir: fall back to /tmp if
  # $TMPDIR lies somewhere it cannot traverse (e.g. under /root).
  if [ -n "$svc_user" ] && ! as_svc test -x "$base" 2>/dev/null; then base=/tmp; fi
  mktemp -d "$base/tenantry-test-services-XXXXXX"
}

cmd_start() {
  umask 077 # state and env hold the superuser's password
  if [ -n "${1:-}" ]; then
    mkdir -p "$1"
    [ -z "$(ls -A "$1")" ] || die "run dir $1 is not empty"
    rundir=$(cd "$1" && pwd)
  else
    rundir=$(cmd_new_dir)
  fi
  choose_user
  chmod 755 "$rundir"
  : >"$rundir/$MARKER"

  # From here on, a failure or interruption removes whatever was started.
  trap 'rc=$?; trap - EXIT INT TERM; cleanup_rundir; exit $rc' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  if [ -n "$svc_user" ] && ! as_svc test -x "$rundir/." ; then
    die "service user '$svc_user' cannot reach $rundir (check the permissions of its parent directories)"
  fi
  if ! command -v pg_isready >/dev/null || ! command -v psql >/dev/null; then
    die "psql/pg_isready missing: install postgresql-client-15 (scripts/install-deps.sh)"
  fi
  [ -x "$PG_BIN/initdb" ] || die "$PG_BIN/initdb missing: install postgresql-15 (scripts/install-deps.sh)"
  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    die "redis-server/redis-cli missing: install redis-server redis-tools (scripts/install-deps.sh)"
  fi

  # Ports to try first (else random free ones); a taken one is replaced.
  PG_PORT=${TENANTRY_TEST_SERVICES_PG_PORT:-$(free_port)}
  REDIS_PORT=${TENANTRY_TEST_SERVICES_REDIS_PORT:-$(free_port "$PG_PORT")}
  PG_ADMIN_PASSWORD=""
  save_state
  write_ctl_scripts
  pg_init
  save_state
  pg_start
  pg_bootstrap
  redis_start
  save_state
  print_env >"$rundir/env"

  trap - EXIT INT TERM
  cat "$rundir/env"
}

cmd_stop() {
  local dir=${1:-${TENANTRY_TEST_SERVICES_DIR:-}}
  if [ -n "$dir" ] && [ ! -e "$dir" ]; then
    note "$dir is already gone: nothing to stop"
    return 0
  fi
  resolve_rundir "$dir"
  load_state
  cleanup_rundir
}

cmd_env() {
  resolve_rundir "${1:-}"
  load_state
  print_env
}

cmd_redis() {
  local action=${1:-} pid
  resolve_rundir "${2:-}"
  load_state
  case "$action" in
    start) redis_pid >/dev/null || redis_restart_same_port ;;
    stop) redis_stop_quiet ;;
    restart) redis_stop_quiet; redis_restart_same_port ;;
    status) if pid=$(redis_pid); then echo "running pid $pid port $REDIS_PORT"; else echo stopped; return 3; fi ;;
    *) die "usage: services.sh redis start|stop|restart|status [RUNDIR]" ;;
  esac
  print_env >"$rundir/env"
}

cmd_pg() {
  local action=${1:-} rc=0
  resolve_rundir "${2:-}"
  load_state
  case "$action" in
    start) pg_running || { pg_start_once || rc=$?; } ;;
    stop) pg_stop_quiet ;;
    restart) pg_stop_quiet; pg_start_once || rc=$? ;;
    status) if pg_running; then echo "running pid $(head -n 1 "$rundir/pg/data/postmaster.pid") port $PG_PORT"; else echo stopped; return 3; fi ;;
    *) die "usage: services.sh pg start|stop|restart|status [RUNDIR]" ;;
  esac
  [ "$rc" -eq 0 ] || { pg_log_tail; die "PostgreSQL could not get its port $PG_PORT back"; }
}

cmd_list() {
  local d
  for d in "${TMPDIR:-/tmp}"/tenantry-test-services-* /tmp/tenantry-test-services-*; do
    [ -f "$d/$MARKER" ] || continue
    echo "$d"
  done | sort -u
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  new-dir) cmd_new_dir ;;
  stop) shift; cmd_stop "$@" ;;
  env) shift; cmd_env "$@" ;;
  redis) shift; cmd_redis "$@" ;;
  pg) shift; cmd_pg "$@" ;;
  list) cmd_list ;;
  *)
    sed -n '2,20p' "$SELF" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
