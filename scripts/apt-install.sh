#!/usr/bin/env bash
# Install Debian packages quietly: `bash scripts/apt-install.sh PACKAGE...`. Uses sudo when not root, and
# refreshes the package lists only when the install fails without them (an update costs a minute).
set -euo pipefail
SUDO=""
if [ "$(id -u)" != "0" ]; then
    command -v sudo >/dev/null || { echo "apt-install.sh: not root and no sudo: apt-get install $*" >&2; exit 1; }
    SUDO="sudo"
fi
apt_install() {
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2
}
apt_install "$@" || { $SUDO apt-get update -q >&2 && apt_install "$@"; }
