"""Cleaning: site chrome removed from pages, every removed line kept for inspection."""

from __future__ import annotations

from maktub.clean.lines import clean_lines, is_link_label, is_menu_like, strip_trailing_labels
from maktub.clean.site import SiteProfile

__all__ = ["SiteProfile", "clean_lines", "is_link_label", "is_menu_like", "strip_trailing_labels"]
