#!/usr/bin/env bash
# Set up maktub and run every check: lint, types, and the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "== ruff"
.venv/bin/ruff check src tests benchmarks scripts
echo "== mypy"
.venv/bin/mypy
echo "== PostgreSQL (a throwaway cluster on loopback, stopped at the end)"
MAKTUB_TEST_POSTGRES="$(bash scripts/postgres.sh start)"
export MAKTUB_TEST_POSTGRES
trap 'bash scripts/postgres.sh stop' EXIT
echo "== Chromium (Debian's, for the browser tests)"
MAKTUB_CHROMIUM="$(bash scripts/chromium.sh)"
export MAKTUB_CHROMIUM
echo "== pytest"
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
