#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the integration tests.
#
#   bash scripts/pg-test-server.sh start   # initdb in a temp dir, start on 127.0.0.1:<free port>;
#                                          # prints DATABASE_URL=postgresql://… as its last line
#   bash scripts/pg-test-server.sh stop    # stops it and deletes the cluster
#   bash scripts/pg-test-server.sh status  # prints DATABASE_URL when running
#
# State (data dir, port, pid) is kept in $PG_TEST_STATE (default data/pg-test-server.env).
# Trust authentication on 127.0.0.1 only; nothing here is for production. Every step has a
# timeout, so a broken cluster fails the run instead of hanging it.
set -euo pipefail

cd "$(dirname "$0")/.."
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
STATE="${PG_TEST_STATE:-$PWD/data/pg-test-server.env}"
FIRST_PORT="${PG_TEST_PORT:-55432}"

log() { echo "[pg-test-server] $*" >&2; }

# pg_t SECONDS cmd…: runs a PostgreSQL program with a time limit. initdb and postgres refuse
# to run as root, so as root they run as the postgres user.
pg_t() {
  local secs="$1"
  shift
  if [ "$(id -u)" = 0 ]; then
    timeout "$((secs + 5))" runuser -u postgres -- timeout "$secs" "$@"
  else
    timeout "$secs" "$@"
  fi
}

# A stopped postmaster may linger as a zombie when no init reaps orphans: that is not alive.
alive() {
  local st
  st="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
  [ -n "$st" ] && [[ "$st" != Z* ]]
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

read_state() {
  PGDIR="" PGPORT_USED="" PGPID=""
  # shellcheck disable=SC1090
  [ -f "$STATE" ] && . "$STATE"
  return 0
}

url_for() { echo "postgresql://postgres@127.0.0.1:$1/postgres"; }

stop_cluster() {
  read_state
  if [ -z "${PGDIR:-}" ]; then
    log "not running (no state file)"
    return 0
  fi
  if [ -d "$PGDIR/data" ]; then
    pg_t 30 "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m fast -w -t 20 stop >/dev/null 2>&1 || true
  fi
  # If pg_ctl could not stop it, end the postmaster we started (by its pid, nothing broader).
  if [ -n "${PGPID:-}" ] && alive "$PGPID"; then
    log "pg_ctl stop did not finish; sending SIGQUIT to postmaster $PGPID"
    kill -QUIT "$PGPID" 2>/dev/null || true
    for _ in $(seq 1 50); do alive "$PGPID" || break; sleep 0.1; done
    alive "$PGPID" && kill -KILL "$PGPID" 2>/dev/null
  fi
  case "$PGDIR" in
    /tmp/kefu-pg-test.*|"${TMPDIR:-/tmp}"/kefu-pg-test.*) rm -rf "$PGDIR" ;;
    *) log "not deleting unexpected dir $PGDIR" ;;
  esac
  rm -f "$STATE"
  log "stopped"
}

start_cluster() {
  read_state
  if [ -n "${PGDIR:-}" ] && [ -n "${PGPID:-}" ] && alive "$PGPID"; then
    log "already running on port $PGPORT_USED"
    echo "DATABASE_URL=$(url_for "$PGPORT_USED")"
    return 0
  fi
  [ -n "${PGDIR:-}" ] && stop_cluster
  if [ ! -x "$PG_BIN/initdb" ]; then
    WITH_POSTGRES=1 bash scripts/ensure-system.sh
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    log "user postgres is missing (the postgresql package creates it)"
    exit 1
  fi

  local dir
  dir="$(mktemp -d "${TMPDIR:-/tmp}/kefu-pg-test.XXXXXX")"
  chmod 755 "$dir"
  mkdir -p "$dir/data" "$dir/sock"
  [ "$(id -u)" = 0 ] && chown -R postgres "$dir"
  mkdir -p "$(dirname "$STATE")"
  # Written at once, so `stop` can clean up even a cluster that never started.
  printf 'PGDIR=%q\nPGPORT_USED=\nPGPID=\n' "$dir" >"$STATE"

  log "initdb in $dir/data"
  if ! pg_t 120 "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    stop_cluster
    exit 1
  fi

  local port="$FIRST_PORT" tries=0
  while :; do
    tries=$((tries + 1))
    if [ "$tries" -gt 30 ]; then
      log "no free port found from $FIRST_PORT"
      stop_cluster
      exit 1
    fi
    if port_in_use "$port"; then
      port=$((port + 1))
      continue
    fi
    # fsync off and small buffers: a test cluster trades durability for speed.
    if pg_t 60 "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-h 127.0.0.1 -p $port -k $dir/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null 2>&1; then
      break
    fi
    log "could not start on port $port; trying the next one"
    tail -n 5 "$dir/server.log" >&2 || true
    pg_t 20 "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
    port=$((port + 1))
  done

  local pid
  pid="$(head -n 1 "$dir/data/postmaster.pid")"
  printf 'PGDIR=%q\nPGPORT_USED=%q\nPGPID=%q\n' "$dir" "$port" "$pid" >"$STATE"
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (pid $pid, dir $dir)"
  echo "DATABASE_URL=$(url_for "$port")"
}

case "${1:-}" in
  start) start_cluster ;;
  stop) stop_cluster ;;
  status)
    read_state
    if [ -n "${PGPID:-}" ] && alive "$PGPID"; then
      echo "DATABASE_URL=$(url_for "$PGPORT_USED")"
    else
      log "not running"
      exit 1
    fi
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
