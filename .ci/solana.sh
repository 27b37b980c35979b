#!/usr/bin/env bash
# Local Solana JSON-RPC server over litesvm (tests/solana-rpc/server.mjs) for tests.
#   eval "$(bash .ci/solana.sh start)"   # exports AFFILIATES_SOLANA_RPC, AFFILIATES_SOLANA_PID and AFFILIATES_SOLANA_DIR
#   bash .ci/solana.sh stop              # stops the server named by AFFILIATES_SOLANA_PID and removes its directory
# litesvm is installed with `npm ci` from the committed lock file into a cache directory keyed by the lock's hash
# (AFFILIATES_CACHE, default ~/.cache/affiliates), so later starts reuse it. Diagnostics go to stderr; stdout carries
# only the export lines. The lock names only litesvm's linux-x64-gnu binary among its optional platform packages: the
# package source here serves no other platform's, and npm ci refuses a lock that lists packages it does not hold.
set -euo pipefail
shopt -s inherit_errexit

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SERVER_DIR="$ROOT/tests/solana-rpc"

install_modules() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "solana.sh: node and npm are needed (Debian: apt-get install -y nodejs npm)" >&2
    return 1
  fi
  local hash cache
  hash=$(sha256sum "$SERVER_DIR/package-lock.json" | cut -c1-16)
  cache="${AFFILIATES_CACHE:-$HOME/.cache/affiliates}/solana-rpc-$hash"
  if [[ ! -f "$cache/node_modules/litesvm/package.json" ]]; then
    echo "solana.sh: installing litesvm into $cache" >&2
    mkdir -p "$cache"
    cp "$SERVER_DIR/package.json" "$SERVER_DIR/package-lock.json" "$cache/"
    if ! (cd "$cache" && npm ci --no-audit --no-fund --loglevel=error) >&2; then
      rm -rf "$cache"
      echo "solana.sh: npm ci failed" >&2
      return 1
    fi
  fi
  echo "$cache"
}

start() {
  local modules dir pid url=""
  modules=$(install_modules) || return 1
  dir=$(mktemp -d /tmp/affiliates-solana.XXXXXX)
  nohup node "$SERVER_DIR/server.mjs" --modules "$modules" --port "${AFFILIATES_SOLANA_PORT:-0}" >"$dir/server.log" 2>&1 &
  pid=$!
  echo "$pid" >"$dir/pid"
  for _ in $(seq 1 300); do
    url=$(sed -n 's/^listening on \(http:.*\)$/\1/p' "$dir/server.log")
    [[ -n "$url" ]] && break
    if ! kill -0 "$pid" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  if [[ -z "$url" ]]; then
    cat "$dir/server.log" >&2 || true
    kill "$pid" 2>/dev/null || true
    rm -rf "$dir"
    echo "solana.sh: the litesvm RPC server did not start" >&2
    return 1
  fi
  echo "export AFFILIATES_SOLANA_DIR='$dir'"
  echo "export AFFILIATES_SOLANA_PID='$pid'"
  echo "export AFFILIATES_SOLANA_RPC='$url'"
}

stop() {
  local dir=${1:-${AFFILIATES_SOLANA_DIR:-}}
  if [[ -z "$dir" || ! -f "$dir/pid" ]]; then
    echo "solana.sh: no server directory (pass it or set AFFILIATES_SOLANA_DIR)" >&2
    return 1
  fi
  local pid
  pid=$(cat "$dir/pid")
  # Only the server this script started: the PID must still be node running server.mjs.
  if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "solana-rpc/server.mjs"; then
    kill "$pid"
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
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
