#!/usr/bin/env bash
# Debian Chromium for the browser tests (Playwright drives it; it cannot download its own browser here).
#   eval "$(bash .ci/chromium.sh start)"   # installs chromium if missing, exports AFFILIATES_CHROMIUM
#   bash .ci/chromium.sh stop              # nothing to stop: each test run launches and closes its own browser
# Diagnostics go to stderr; stdout carries only the export line.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

start() {
  if [[ ! -x "$CHROMIUM" ]]; then
    echo "chromium.sh: installing chromium" >&2
    # The browser test fixture takes the same lock when it installs chromium itself.
    flock /tmp/affiliates-apt.lock apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive flock /tmp/affiliates-apt.lock apt-get install -y -q chromium chromium-driver >&2
  fi
  "$CHROMIUM" --version >&2 2>/dev/null || true
  echo "export AFFILIATES_CHROMIUM='$CHROMIUM'"
}

case "${1:-}" in
  start) start ;;
  stop) ;;
  *)
    echo "usage: $0 start | stop" >&2
    exit 2
    ;;
esac
