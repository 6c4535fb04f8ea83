"""Media and translations attached to a document: audio, video, photos, other-language versions."""

from __future__ import annotations

import re

from maktub.clean.vocabulary import LANGUAGE_IN_LABEL, MEDIA_LABELS
from maktub.model import Link, Media

# Words that hint at media, as substrings: a plain `in` is several times faster than a regex's
# alternation, and this test runs on every line of every document.
MEDIA_HINT_WORDS = (
    "version", "urdu", "english", "sindhi", "audio", "podcast", "listen", "video", "watch", "photo", "picture",
    "gallery", "pdf", ".mp3", ".mp4", "اردو", "آڈیو", "ویڈیو", "تصاویر",
)  # fmt: skip
_MEDIA = [(re.compile(rx, re.IGNORECASE), kind, lang) for rx, kind, lang in MEDIA_LABELS]
_LANGUAGES = [(re.compile(rf"\b{word}\b", re.IGNORECASE), tag) for word, tag in LANGUAGE_IN_LABEL.items()]
_EXTENSIONS = {
    ".mp3": "audio",
    ".wav": "audio",
    ".ogg": "audio",
    ".m4a": "audio",
    ".ram": "audio",
    ".rm": "audio",
    ".mp4": "video",
    ".avi": "video",
    ".wmv": "video",
    ".mov": "video",
    ".webm": "video",
    ".flv": "video",
    ".pdf": "pdf",
}


def media_in_label(label: str, url: str | None = None) -> Media | None:
    """The media a link label (and its target) stands for, if any."""
    label = " ".join(label.split())
    if not label or len(label.split()) > 10:
        return None
    kind = None
    language = None
    if url:
        path = url.lower().split("?")[0]
        for ext, k in _EXTENSIONS.items():
            if path.endswith(ext):
                kind = k
    for rx, k, lang in _MEDIA:
        if rx.search(label):
            kind = kind or k
            language = language or lang
            break
    if kind is None:
        return None
    if language is None:
        for rx, tag in _LANGUAGES:
            if rx.search(label):
                language = tag
    if kind == "translation" and language is None:
        return None
    return Media(kind, label, language, url)  # type: ignore[arg-type]


LABEL_SPLIT = re.compile(r"\s*[|•·]\s*|\s+-{1,2}\s+|\.{3,}")


def link_targets(links: list[Link]) -> dict[str, str]:
    """Each link label (casefolded) and the first target it points to."""
    out: dict[str, str] = {}
    for ln in links:
        out.setdefault(ln.label.strip().casefold(), ln.url)
    return out


def media_in_line(line: str, targets: dict[str, str] | None = None) -> list[Media]:
    """Media named by a line of link labels ('Complete Story | Urdu Version')."""
    found: list[Media] = []
    low = line.lower()
    for word in MEDIA_HINT_WORDS:  # a loop, not any(...): this runs on every line of every page
        if word in low:
            break
    else:
        return found
    for part in LABEL_SPLIT.split(line):
        url = targets.get(part.strip().casefold()) if targets else None
        m = media_in_label(part, url)
        if m:
            found.append(m)
    return found


def dedupe_media(items: list[Media]) -> list[Media]:
    """Media without repeats (same kind, language and target)."""
    seen = set()
    out = []
    for m in items:
        key = (m.kind, m.language, m.url or m.label.casefold())
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out
