#!/usr/bin/env bash
# Throwaway Anvil (Foundry's local EVM node) for tests.
#   eval "$(bash .ci/anvil.sh start)"   # exports AFFILIATES_ANVIL_URL, AFFILIATES_ANVIL_PID and AFFILIATES_ANVIL_DIR
#   bash .ci/anvil.sh stop              # stops the node whose PID is in $AFFILIATES_ANVIL_PID and removes its directory
#   bash .ci/anvil.sh install           # prints the path of the anvil binary, installing it from npm if missing
# Diagnostics go to stderr; stdout carries only the export lines (or the path).
set -euo pipefail

VERSION=1.7.1
CACHE=${AFFILIATES_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/affiliates-tools}
PACKAGE_DIR="$CACHE/anvil-$VERSION"
BINARY="$PACKAGE_DIR/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"

install() {
  if [[ ! -x "$BINARY" ]]; then
    echo "anvil.sh: installing @foundry-rs/anvil-linux-amd64@$VERSION into $PACKAGE_DIR" >&2
    mkdir -p "$PACKAGE_DIR"
    npm install --prefix "$PACKAGE_DIR" --no-save --no-audit --no-fund "@foundry-rs/anvil-linux-amd64@$VERSION" >&2
    chmod +x "$BINARY"
  fi
  echo "$BINARY"
}

start() {
  install >/dev/null
  local dir
  dir=$(mktemp -d /tmp/affiliates-anvil.XXXXXX)
  "$BINARY" --host 127.0.0.1 --port 0 --chain-id 31337 >"$dir/anvil.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$dir/pid"
  local attempt address
  for attempt in $(seq 1 100); do
    address=$(sed -n 's/^Listening on \([0-9.]*:[0-9]*\).*/\1/p' "$dir/anvil.log" | head -1)
    if [[ -n "$address" ]]; then
      echo "export AFFILIATES_ANVIL_DIR='$dir'"
      echo "export AFFILIATES_ANVIL_PID='$pid'"
      echo "export AFFILIATES_ANVIL_URL='http://$address'"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  cat "$dir/anvil.log" >&2 || true
  kill "$pid" 2>/dev/null || true
  rm -rf "$dir"
  echo "anvil.sh: could not start Anvil" >&2
  return 1
}

stop() {
  local dir=${1:-${AFFILIATES_ANVIL_DIR:-}}
  local pid=${AFFILIATES_ANVIL_PID:-}
  if [[ -n "$dir" && -f "$dir/pid" ]]; then
    pid=$(cat "$dir/pid")
  fi
  if [[ -z "$pid" ]]; then
    echo "anvil.sh: no Anvil to stop (pass its directory or set AFFILIATES_ANVIL_PID)" >&2
    return 1
  fi
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  [[ -n "$dir" ]] && rm -rf "$dir"
  return 0
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  install) install ;;
  *)
    echo "usage: $0 start | stop [dir] | install" >&2
    exit 2
    ;;
esac
