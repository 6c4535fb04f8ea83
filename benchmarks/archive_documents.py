"""Generated archive rows for the search benchmark: `Prepared` pages, no extraction behind them.

    from archive_documents import Corpus
    corpus = Corpus(seed=7)
    for pages in corpus.batches(1_000_000): archive.add(pages)

Each page holds one document: a letter, an article, a statement or a listing, in English or
(one in ten) Urdu, dated over 1995–2024 (one in twenty undated), of 40–600 words (about 300
on average, 1.8 kB of text). Words come from a Zipf-like vocabulary, so some words are in most
documents and others in a handful: about 45% function words ("the", "of"; "کے", "میں") and
the rest content words drawn with weight 1/rank from 150,000 made-up English words and 30,000
made-up Urdu ones. The content words are built from syllables and end in a, o or u, so that
neither FTS5's porter stemmer nor PostgreSQL's English one changes them and none is a stop
word: a word picked from the index is the word a person types, on both backends.

Each document names a few people, organisations and places drawn from generated pools with
weight about 1/rank (the most named are in a sixth of all documents), as mentions with their
offsets in the text; letters have a sender and a recipient, articles an author, statements a
speaking body or person. The stored record is the contract JSON, text included, as `maktub
extract` prints it, so rows are as wide as a real archive's.

Batch `b` is generated from its own generator seeded with (seed, b), so the corpus depends
only on the seed and the count, not on how it is consumed. Needs numpy (installed with spaCy).
"""

from __future__ import annotations

import hashlib
import json
import random
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from maktub.archive.prepare import Prepared, PreparedDocument

BATCH = 1000  # pages per batch, and per seeded generator
FIRST_YEAR, YEARS = 1995, 30
KINDS = ("letter", "article", "statement", "listing")
KIND_SHARE = (0.30, 0.35, 0.25, 0.10)
WORDS = {"letter": (120, 420), "article": (180, 600), "statement": (100, 360), "listing": (40, 160)}
URDU_SHARE = 0.10
UNDATED_SHARE = 0.05
FUNCTION_SHARE = 0.45  # of the running words: about what English prose has
SENTENCE_END = 1 / 13  # one word in thirteen ends a sentence
ENGLISH_WORDS, URDU_WORDS = 150_000, 30_000
PEOPLE, ORGANISATIONS = 6_000, 1_500

FUNCTION_EN = (
    "the of and to a in that is was for on with as by at from it be this are have has were will not "
    "an or but which their they its been would said also who more after had his her we our them all"
).split()
FUNCTION_UR = "کے کی میں سے کو نے اور ہے کہ پر یہ تھا ہیں تھی گیا کیا ایک بھی اس ان کا وہ جو تو".split()
CONSONANTS = "b d f g h k l m n p r s t v z".split() + ["sh", "kh", "ch"]
VOWELS = ["a", "i", "o", "u", "e"]
LAST_VOWELS = ["a", "o", "u"]  # no e, i or ou at the end: stemmers leave the word alone
UR_CONSONANTS = list("بپتٹجچحخدڈرزسشصطعغفقکگلمنوہی")
UR_VOWELS = ["ا", "ی", "و", ""]

# (English, Urdu) spellings of given names and surnames; a person has both.
GIVEN = [
    tuple(pair.split(":"))
    for pair in """Farhan:فرحان Tariq:طارق Nadeem:ندیم Imran:عمران Junaid:جنید Saima:صائمہ Rubina:روبینہ
    Kamran:کامران Zubair:زبیر Asif:آصف Waqar:وقار Bilal:بلال Adnan:عدنان Sadia:سعدیہ Haroon:ہارون
    Qasim:قاسم Rizwan:رضوان Nabeel:نبیل Salman:سلمان Faisal:فیصل Sohail:سہیل Tahira:طاہرہ Yasir:یاسر
    Naveed:نوید Zafar:ظفر Anwar:انور Shahid:شاہد Kashif:کاشف Mehreen:مہرین Ghazala:غزالہ Arif:عارف
    Wajid:واجد Shabnam:شبنم Taimur:تیمور Khaliq:خالق Usman:عثمان Hamid:حامد Javed:جاوید Nasreen:نسرین
    Fauzia:فوزیہ Akbar:اکبر Mansoor:منصور Ayesha:عائشہ Zahid:زاہد Raheel:راحیل""".split()
]
SURNAME = [
    tuple(pair.split(":"))
    for pair in """Qureshi:قریشی Siddiqui:صدیقی Rizvi:رضوی Jafri:جعفری Ansari:انصاری Baloch:بلوچ Memon:میمن
    Mirza:مرزا Chandio:چانڈیو Abbasi:عباسی Khattak:خٹک Durrani:درانی Hashmi:ہاشمی Zaidi:زیدی Soomro:سومرو
    Naqvi:نقوی Farooqui:فاروقی Bhatti:بھٹی Shaikh:شیخ Kazmi:کاظمی Qadirzai:قادرزئی Mehrwal:مہروال
    Sarwani:سروانی Pirzadani:پیرزادانی Lakhiar:لاکھیار Gondalvi:گوندلوی Chaudhry:چودھری Malik:ملک
    Butt:بٹ Awan:اعوان Gillani:گیلانی Khoso:کھوسو Jatoi:جتوئی Leghari:لغاری Bugti:بگٹی Mengal:مینگل
    Tareen:ترین Niazi:نیازی Paracha:پراچہ Lodhi:لودھی""".split()
]
ORG_PLACE = """Karachi Lahore Sindh Punjab Quetta Hyderabad Multan Sukkur Peshawar Overseas British
    National Provincial Citizens Workers Students Traders Lawyers Doctors Teachers""".split()
ORG_THEME = """Welfare Rights Unity Justice Democracy Development Peace Reform Progress Education Labour
    Health Press Water Housing""".split()
ORG_TYPE = "Forum League Council Association Union Front Society Movement Trust Alliance".split()
PLACES = [
    tuple(pair.split(":"))
    for pair in """Karachi:کراچی Lahore:لاہور Hyderabad:حیدرآباد Quetta:کوئٹہ Peshawar:پشاور Multan:ملتان
    Sukkur:سکھر Rawalpindi:راولپنڈی London:لندن Islamabad:اسلام_آباد Faisalabad:فیصل_آباد
    Larkana:لاڑکانہ Nawabshah:نوابشاہ Mirpurkhas:میرپورخاص Gwadar:گوادر Turbat:تربت Sialkot:سیالکوٹ
    Gujranwala:گوجرانوالہ Bahawalpur:بہاولپور Abbottabad:ایبٹ_آباد Mardan:مردان Swat:سوات Dubai:دبئی
    Birmingham:برمنگھم Manchester:مانچسٹر Bradford:بریڈفورڈ Toronto:ٹورنٹو Houston:ہیوسٹن
    Chicago:شکاگو Jeddah:جدہ Sindh:سندھ Punjab:پنجاب Balochistan:بلوچستان Thatta:ٹھٹھہ
    Jacobabad:جیکب_آباد Khairpur:خیرپور Dadu:دادو Badin:بدین Shikarpur:شکارپور Kotri:کوٹری""".split()
]


@dataclass(frozen=True)
class Name:
    """One generated entity: its type, English name and Urdu name."""

    type: str
    en: str
    ur: str


def _zipf_cdf(n: int, exponent: float = 1.0) -> np.ndarray:
    weights = 1.0 / np.arange(1, n + 1, dtype=np.float64) ** exponent
    cdf = np.cumsum(weights)
    return cdf / cdf[-1]


def _draw(rng: np.random.Generator, cdf: np.ndarray, size: int) -> np.ndarray:
    """`size` ranks (0-based) with the probabilities of `cdf`."""
    return np.minimum(np.searchsorted(cdf, rng.random(size), side="right"), len(cdf) - 1)


def _made_up_words(rng: random.Random, count: int, make: object) -> list[str]:
    seen: dict[str, None] = {}
    while len(seen) < count:
        word = make(rng)  # type: ignore[operator]
        if word not in seen:
            seen[word] = None
    return list(seen)


def _english_word(rng: random.Random) -> str:
    head = "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(rng.randint(1, 3)))
    return head + rng.choice(CONSONANTS) + rng.choice(LAST_VOWELS)


def _urdu_word(rng: random.Random) -> str:
    head = "".join(rng.choice(UR_CONSONANTS) + rng.choice(UR_VOWELS) for _ in range(rng.randint(2, 3)))
    return head + rng.choice(UR_CONSONANTS)


class _Forms:
    """Every word of one language in four forms (plain, ends a sentence, starts one, both)."""

    def __init__(self, words: list[str], stop: str, capitalise: bool) -> None:
        self.size = len(words)
        up = [w[:1].upper() + w[1:] for w in words] if capitalise else words
        table = [*words, *(w + stop for w in words), *up, *(w + stop for w in up)]
        self.table = np.array(table, dtype=object)


def fingerprint() -> str:
    """A short hash of this module's source: a saved archive is reused only if it matches."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def _vocabulary_random(seed: int) -> random.Random:
    return random.Random(f"maktub search benchmark {seed}")


def english_vocabulary(seed: int) -> list[str]:
    """The made-up English words of the corpus of `seed`, most frequent first."""
    return _made_up_words(_vocabulary_random(seed), ENGLISH_WORDS, _english_word)


class Corpus:
    """The generated archive of one seed: vocabulary, name pools and pages, batch by batch."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        rng = _vocabulary_random(seed)
        self.english = _made_up_words(rng, ENGLISH_WORDS, _english_word)
        self.urdu = _made_up_words(rng, URDU_WORDS, _urdu_word)
        self.forms = {
            "en": _Forms(FUNCTION_EN + self.english, ".", capitalise=True),
            "ur": _Forms(FUNCTION_UR + self.urdu, "۔", capitalise=False),
        }
        self.function = {"en": len(FUNCTION_EN), "ur": len(FUNCTION_UR)}
        self.cdf = {
            "function_en": _zipf_cdf(len(FUNCTION_EN)),
            "function_ur": _zipf_cdf(len(FUNCTION_UR)),
            "content_en": _zipf_cdf(ENGLISH_WORDS),
            "content_ur": _zipf_cdf(URDU_WORDS),
        }
        people: dict[str, Name] = {}
        while len(people) < PEOPLE:
            given, surname = rng.choice(GIVEN), rng.choice(SURNAME)
            middle = rng.choice(GIVEN) if rng.random() < 0.7 else None
            parts = [given, *([middle] if middle and middle != given else []), surname]
            en = " ".join(p[0] for p in parts)
            people.setdefault(en, Name("person", en, " ".join(p[1] for p in parts)))
        orgs: dict[str, Name] = {}
        while len(orgs) < ORGANISATIONS:
            en = f"{rng.choice(ORG_PLACE)} {rng.choice(ORG_THEME)} {rng.choice(ORG_TYPE)}"
            orgs.setdefault(en, Name("organization", en, en))
        self.people = list(people.values())
        self.orgs = list(orgs.values())
        self.places = [Name("place", en, ur.replace("_", " ")) for en, ur in PLACES]
        for pool in (self.people, self.orgs):  # popularity is by rank: shuffle who is popular
            rng.shuffle(pool)
        self.pools = {"person": self.people, "organization": self.orgs, "place": self.places}
        self.name_cdf = {type_: _zipf_cdf(len(pool), 0.9).tolist() for type_, pool in self.pools.items()}

    def batches(self, count: int, batch: int = BATCH) -> Iterator[list[Prepared]]:
        """`count` pages in lists of `batch`; batch b of BATCH pages is always the same pages."""
        pages: list[Prepared] = []
        for number in range((count + BATCH - 1) // BATCH):
            pages.extend(self.batch(number, min(BATCH, count - number * BATCH)))
            while len(pages) >= batch:
                yield pages[:batch]
                pages = pages[batch:]
        if pages:
            yield pages

    def batch(self, number: int, size: int) -> list[Prepared]:
        """Pages number*BATCH .. number*BATCH+size-1."""
        rng = np.random.default_rng([self.seed, number])
        pick = random.Random(f"{self.seed}/{number}")  # for the choices made page by page
        kinds = rng.choice(len(KINDS), size=size, p=KIND_SHARE)
        urdu = rng.random(size) < URDU_SHARE
        low = np.array([WORDS[KINDS[k]][0] for k in kinds])
        high = np.array([WORDS[KINDS[k]][1] for k in kinds])
        lengths = rng.integers(low, high + 1)
        days = rng.integers(0, YEARS * 365, size)
        undated = rng.random(size) < UNDATED_SHARE
        texts: dict[int, list[str]] = {}
        for language, chosen in (("en", ~urdu), ("ur", urdu)):
            rows = np.flatnonzero(chosen)
            if len(rows):
                for row, tokens in zip(rows, self._tokens(rng, language, lengths[rows]), strict=True):
                    texts[int(row)] = tokens
        pages = []
        for i in range(size):
            n = number * BATCH + i
            language = "ur" if urdu[i] else "en"
            date = (
                None
                if undated[i]
                else str(np.datetime64(f"{FIRST_YEAR}-01-01") + np.timedelta64(int(days[i]), "D"))
            )
            pages.append(self._page(pick, n, KINDS[kinds[i]], language, date, texts[i]))
        return pages

    def _tokens(self, rng: np.random.Generator, language: str, lengths: np.ndarray) -> list[list[str]]:
        """The running words of each document, with sentence starts and ends marked."""
        total = int(lengths.sum())
        function = rng.random(total) < FUNCTION_SHARE
        ranks = np.where(
            function,
            _draw(rng, self.cdf[f"function_{language}"], total),
            self.function[language] + _draw(rng, self.cdf[f"content_{language}"], total),
        )
        ends = rng.random(total) < SENTENCE_END
        stops = np.cumsum(lengths)
        ends[stops - 1] = True
        starts = np.zeros(total, dtype=bool)
        starts[0] = True
        starts[1:] = ends[:-1]
        forms = self.forms[language]
        words = forms.table[ranks + forms.size * (ends + 2 * starts)].tolist()
        out, at = [], 0
        for stop in stops.tolist():
            out.append(words[at:stop])
            at = stop
        return out

    def _names(self, rng: random.Random, type_: str, count: int) -> list[Name]:
        pool, cdf = self.pools[type_], self.name_cdf[type_]
        return list(dict.fromkeys(pool[min(bisect(cdf, rng.random()), len(pool) - 1)] for _ in range(count)))

    def _page(
        self, rng: random.Random, n: int, kind: str, language: str, date: str | None, words: list[str]
    ) -> Prepared:
        people = self._names(rng, "person", rng.randint(1, 3))
        orgs = self._names(rng, "organization", rng.randint(0, 2))
        places = self._names(rng, "place", rng.randint(0, 2))
        ur = language == "ur"

        def spelled(name: Name) -> str:
            return name.ur if ur else name.en

        parties: list[tuple[str, Name]] = []
        if kind == "letter":
            sender = people[0]
            recipient = self._names(rng, "person", 1)[0]
            parties = [("from", sender), ("to", recipient)]
            head = f"{'محترم' if ur else 'Dear'} {spelled(recipient)},"
            tail = f"{'آپ کا مخلص' if ur else 'Yours sincerely,'} {spelled(sender)}"
            title_words = ["خط", spelled(recipient), "کے نام"] if ur else ["Letter", "to", spelled(recipient)]
        elif kind == "statement":
            speaker = orgs[0] if orgs else people[0]
            parties = [("author", speaker)]
            head = f"{spelled(speaker)}{' کا بیان:' if ur else ' issued the following statement:'}"
            tail = ""
            title_words = [spelled(speaker), *words[1:4]]
        elif kind == "article":
            author = people[0]
            parties = [("author", author)]
            head, tail = "", f"{'تحریر:' if ur else 'By'} {spelled(author)}"
            title_words = words[: rng.randint(4, 8)]
        else:
            head, tail = ("فہرست:" if ur else "Archive listing:"), ""
            title_words = ["فہرست" if ur else "Listing", *words[:3]]
        mentioned = [*people, *orgs, *places]
        for _, name in parties:
            if name not in mentioned:
                mentioned.append(name)
        # The body's words in chunks, a name between two chunks; offsets are counted as it is built.
        cuts = sorted(rng.randrange(1, max(2, len(words))) for _ in mentioned)
        parts: list[str] = []
        length = 0

        def add(piece: str) -> int:
            nonlocal length
            if not piece:
                return length
            if parts:
                length += 1  # the space between
            parts.append(piece)
            length += len(piece)
            return length - len(piece)

        add(head)
        offsets: dict[Name, list[tuple[int, int]]] = {name: [] for name in mentioned}
        start = 0
        for cut, name in zip(cuts, mentioned, strict=True):
            add(" ".join(words[start:cut]))
            spelling = spelled(name)
            at = add(spelling)
            offsets[name].append((at, at + len(spelling)))
            start = cut
        add(" ".join(words[start:]))
        if tail:
            at = add(tail)
            signer = parties[0][1]  # the sender of a letter, the author of an article
            offsets[signer].append((at + len(tail) - len(spelled(signer)), at + len(tail)))
        text = " ".join(parts)
        title = " ".join(w.rstrip(".۔") for w in title_words)
        doc_id = hashlib.blake2b(f"{self.seed}/{n}/document".encode(), digest_size=8).hexdigest()
        content_hash = hashlib.blake2b(f"{self.seed}/{n}/page".encode(), digest_size=8).hexdigest()
        entities = [(name.type, spelled(name), ()) for name in mentioned]
        mentions = [(name.type, spelled(name), s, e) for name in mentioned for s, e in offsets[name]]
        party_rows = [(role, spelled(name), name.type) for role, name in parties]
        names = " · ".join(dict.fromkeys([spelled(name) for name in mentioned]))
        location = f"https://site{n % 40}.example/{kind}s/{n}.html"
        record = {
            "id": doc_id, "source": location, "parent": None, "kind": kind, "title": title,
            "language": language, "date": date, "updated": None,
            "authors": [spelled(name) for role, name in parties if role == "author"],
            "sender": next(({"name": spelled(name)} for role, name in parties if role == "from"), None),
            "recipients": [{"name": spelled(name)} for role, name in parties if role == "to"],
            "cc": [], "text": text, "boilerplate": [],
            "entities": [{"name": spelled(name), "type": name.type, "aliases": []} for name in mentioned],
            "references": [], "claims": [], "media": [],
        }  # fmt: skip
        document = PreparedDocument(
            id=doc_id,
            parent=None,
            position=0,
            kind=kind,
            title=title,
            language=language,
            date=date,
            year=int(date[:4]) if date else None,
            text=text,
            names=names,
            record=json.dumps(record, ensure_ascii=False),
            entities=entities,
            mentions=mentions,
            parties=party_rows,
        )
        return Prepared(
            location=location,
            site=f"site{n % 40}.example",
            content_hash=content_hash,
            format="html",
            size=len(text.encode()) + 4000,
            captured=None,
            documents=[document],
        )
