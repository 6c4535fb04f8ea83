#!/usr/bin/env bash
# Debian's Chromium for the browser tests: installs chromium and chromium-driver if missing and
# prints the browser's path. Never a browser downloaded by a tool (no `playwright install`).
set -euo pipefail
cd "$(dirname "$0")/.."
CHROMIUM=/usr/bin/chromium
if [ ! -x "$CHROMIUM" ]; then
    echo "== installing Chromium from the distribution's packages" >&2
    bash scripts/apt-install.sh chromium chromium-driver
fi
echo "$CHROMIUM"
