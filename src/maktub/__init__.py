"""maktub: saved web pages about public life, turned into an archive people can search and trust."""

from __future__ import annotations

__version__ = "0.1.0"
