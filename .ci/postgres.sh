#!/usr/bin/env bash
# Throwaway PostgreSQL 15 cluster for tests and benchmarks.
#   eval "$(bash .ci/postgres.sh start)"   # exports AFFILIATES_PG_CONNECTION and AFFILIATES_PG_DIR
#   bash .ci/postgres.sh stop              # stops the cluster in $AFFILIATES_PG_DIR and removes it
# Diagnostics go to stderr; stdout carries only the export lines.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin

ensure_installed() {
  if [[ ! -x "$PG_BIN/initdb" ]]; then
    echo "postgres.sh: installing postgresql" >&2
    apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  ensure_installed
  local dir
  dir=$(mktemp -d /tmp/affiliates-pg.XXXXXX)
  chown postgres "$dir"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
  # A throwaway cluster needs no durability across OS crashes; without fsync, tests and benchmarks measure
  # PostgreSQL's work rather than this machine's disk flushes.
  local settings="-c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  local attempt port
  for attempt in $(seq 1 20); do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" && continue
    if runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-k $dir -c listen_addresses=127.0.0.1 -p $port $settings" start >&2; then
      echo "export AFFILIATES_PG_DIR='$dir'"
      echo "export AFFILIATES_PG_CONNECTION='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
      return 0
    fi
    echo "postgres.sh: start on port $port failed (attempt $attempt)" >&2
  done
  cat "$dir/server.log" >&2 || true
  rm -rf "$dir"
  echo "postgres.sh: could not start PostgreSQL" >&2
  return 1
}

stop() {
  local dir=${1:-${AFFILIATES_PG_DIR:-}}
  if [[ -z "$dir" || ! -d "$dir/data" ]]; then
    echo "postgres.sh: no cluster directory (pass it or set AFFILIATES_PG_DIR)" >&2
    return 1
  fi
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *)
    echo "usage: $0 start | stop [dir]" >&2
    exit 2
    ;;
esac
