#!/usr/bin/env bash
# Set up maktub in .venv from the lock file, and the web app's front-end libraries from npm: needs
# Python 3.11+ with venv and pip; installs Node.js and npm from apt when npm is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check "uv==0.13.8"
.venv/bin/uv pip install --quiet --python .venv/bin/python -r requirements.lock
.venv/bin/uv pip install --quiet --python .venv/bin/python --no-deps -e .
# Compile to bytecode once: this machine sets PYTHONDONTWRITEBYTECODE, and without .pyc files every
# process (each ingest worker too) would compile spaCy and the rest anew, seconds each time.
.venv/bin/python -m compileall -q -j 0 .venv/lib/python*/site-packages src >/dev/null 2>&1 || true
# WeasyPrint (a document as PDF) draws text with Pango and subsets fonts with HarfBuzz; Latin text
# falls back to DejaVu. Installed from Debian's packages when missing.
PDF_LIBRARIES="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
# shellcheck disable=SC2086
dpkg -s $PDF_LIBRARIES >/dev/null 2>&1 || bash scripts/apt-install.sh $PDF_LIBRARIES
# The web app's front-end libraries, from npm into src/maktub/web/static/vendor/.
bash scripts/assets.sh
