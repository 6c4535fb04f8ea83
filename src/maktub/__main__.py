"""Run the command line as `python -m maktub`."""

from __future__ import annotations

from maktub.cli import main

main()
