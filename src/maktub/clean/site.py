"""Lines that repeat across the pages of one site in a batch are that site's chrome."""

from __future__ import annotations

from collections import Counter, defaultdict

# A line seen on at least 3 pages of a site, and on at least 40% of them, is site chrome.
# Tuned on generated multi-page sites: 3 keeps one-off quotes, 40% keeps recurring sign-offs.
MIN_PAGES = 3
MIN_SHARE = 0.4
MAX_WORDS = 20  # longer lines are content even when repeated (a quoted paragraph)


class SiteProfile:
    """Counts, per site, on how many pages each short line appears."""

    def __init__(self) -> None:
        self.pages: Counter[str] = Counter()
        self.lines: defaultdict[str, Counter[int]] = defaultdict(Counter)
        self._repeated: dict[str, tuple[int, set[int]]] = {}  # site -> (pages then, its chrome)

    def add(self, site: str, lines: list[str]) -> None:
        """Record the lines of one page of `site`."""
        self.pages[site] += 1
        seen = {hash(key) for key in map(_key, lines) if key}
        self.lines[site].update(seen)

    def repeated(self, site: str) -> set[int]:
        """Hashes of the lines that are chrome on `site`."""
        pages = self.pages[site]
        if pages < MIN_PAGES:
            return set()
        known = self._repeated.get(site)
        if known is None or known[0] != pages:  # worked out once per site, until it learns more
            floor = max(MIN_PAGES, MIN_SHARE * pages)
            known = self._repeated[site] = (pages, {h for h, n in self.lines[site].items() if n >= floor})
        return known[1]

    def is_repeated(self, repeated: set[int], line: str) -> bool:
        """True when `line` is in the chrome set of its site."""
        key = _key(line)
        return bool(key) and hash(key) in repeated


def _key(line: str) -> str:
    line = " ".join(line.split())
    if not line or len(line.split()) > MAX_WORDS:
        return ""
    return line.casefold()
