#!/usr/bin/env bash
# Debian's Chromium for the browser tests: installs chromium and chromium-driver if missing and
# prints the browser's path. Never a browser downloaded by a tool (no `playwright install`).
set -euo pipefail
CHROMIUM=/usr/bin/chromium
if [ ! -x "$CHROMIUM" ]; then
    echo "== installing Chromium from the distribution's packages" >&2
    SUDO=""
    if [ "$(id -u)" != "0" ]; then
        command -v sudo >/dev/null || { echo "chromium.sh: not root and no sudo: apt-get install chromium chromium-driver" >&2; exit 1; }
        SUDO="sudo"
    fi
    apt_install() {
        $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
            chromium chromium-driver >&2
    }
    # The package lists are refreshed only when the install fails without them: an update costs a minute.
    apt_install || { $SUDO apt-get update -q >&2 && apt_install; }
fi
echo "$CHROMIUM"
