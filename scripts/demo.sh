#!/usr/bin/env bash
# Set up maktub and run the demo: a bundled sample corpus, extracted and summarised.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/maktub demo "$@"
