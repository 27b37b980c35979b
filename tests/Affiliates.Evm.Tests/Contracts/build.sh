#!/usr/bin/env bash
# Regenerates the committed *.bin bytecode from the *.sol sources with solc-js 0.8.37 from npm.
set -euo pipefail
cd "$(dirname "$0")"
CACHE=${AFFILIATES_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/affiliates-tools}/solc-0.8.37
[[ -d "$CACHE/node_modules/solc" ]] || npm install --prefix "$CACHE" --no-save --no-audit --no-fund solc@0.8.37 >&2
NODE_PATH="$CACHE/node_modules" node build.js
