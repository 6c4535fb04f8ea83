"""What a text says about other documents and what others say: references and claims."""

from __future__ import annotations

import re

from maktub.model import Claim, Reference
from maktub.understand.dates import first_date
from maktub.understand.names import strip_honorifics

ABBREVIATIONS = r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\bHon)(?<!\bRt)(?<!\bGen)(?<!\bProf)(?<!\b[A-Z])"
SENTENCE_END = re.compile(ABBREVIATIONS + r"(?<=[.!?۔؟])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9\u0600-\u06ff])")

_NAME = r"(?:[A-Z][\w.'’-]*|bin|ibn|ul|al|of|the)"
_NAMES = rf"{_NAME}(?:\s+{_NAME}){{0,6}}"
LETTER_REF = re.compile(
    r"\b(?P<det>an?|the|my|his|her|their|our|its)?\s*(?P<what>open letters?|letters?|memorandums?|messages?|"
    r"notes?|faxes?|e-?mails?)\s+(?:(?:he|she|they|I|we)\s+)?(?:(?:was|were|had been|has been)\s+)?"
    r"(?:sent|written|addressed|dispatched|delivered|wrote)?\s*to\s+"
    rf"(?P<to>(?:(?:the\s+)?(?:US\s+|British\s+|Indian\s+)?{_NAMES})(?:\s+(?:and|&)\s+{_NAMES})*)"
)
LETTER_FROM = re.compile(rf"\bletter\s+from\s+(?P<from>{_NAMES})\s+to\s+(?P<to>{_NAMES})")
SUBJECT_AFTER = re.compile(rf"^\s*,\s*(?P<who>(?:Mr\.?|Mrs\.?|Ms\.?|Dr\.?|the\s+)?{_NAMES})\s+[a-z]")
FIRST_PERSON = re.compile(r"\b(I|my|we|our)\b")

ACCORDING = re.compile(
    r"\b(?i:according to)\s+(?P<who>(?:an?|the|some|several|many|credible|reliable)?\s*[^,.;“\"]+?)"
    r"(?=,|\s+who\b|\s+(?=[A-Z“\"])|\s+that\b)(?P<rest>.*)$"
)
IMPERSONAL = re.compile(
    r"\b[Ii]t (?:is|was|has been) (?P<verb>reported|alleged|claimed|learnt|learned|rumou?red|believed|"
    r"understood|said|feared|suspected)\s+that\s+(?P<rest>.+)$"
)
CLAIM_VERBS = (
    "said|says|stated|states|claimed|claims|alleged|alleges|called|calls|accused|accuses|told|tells|"
    "maintained|asserted|charged|warned|insisted|declared|announced|suggested|revealed|disclosed|added|"
    "argued|blamed|termed|described|denied|confirmed"
)
SPEAKER_VERB = re.compile(
    rf"(?P<who>(?:(?:Mr|Mrs|Ms|Dr|Prof|Gen)\.?\s+)?[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|bin|ul|al)){{0,4}})"
    rf"\s+(?:has\s+|had\s+|also\s+|further\s+)?(?P<verb>{CLAIM_VERBS})\b[\s,]*(?:that\s*,?\s*)?(?P<rest>.+)$"
)
NOT_SPEAKERS = {"It", "He", "She", "They", "We", "I", "This", "That", "There", "The", "A", "An", "Earlier",
                "Later", "Meanwhile", "However", "Moreover", "Yesterday", "Today", "Recently"}


def sentences(text: str) -> list[str]:
    """Split prose into sentences (keeping 'Mr. Hussain' together)."""
    out = []
    for para in re.split(r"\n\s*\n|\n", text):
        para = para.strip()
        if para:
            out.extend(s.strip() for s in SENTENCE_END.split(para) if s.strip())
    return out


def find_references(text: str, own_sender: str | None) -> list[Reference]:
    """Letters mentioned but not contained: 'the letters to Mian Nawaz Sharif and Madame Benazir Bhutto'."""
    refs: list[Reference] = []
    for sentence in sentences(text):
        for m in LETTER_FROM.finditer(sentence):
            refs.append(Reference("letter", _clean_name(m.group("from")), [_clean_name(m.group("to"))],
                                  first_date(sentence), sentence))
        for m in LETTER_REF.finditer(sentence):
            recipients = [_clean_name(x) for x in re.split(r"\s*(?:,|\band\b|&)\s*", m.group("to"))]
            recipients = [r for r in recipients if r and r[0].isupper()]
            if not recipients:
                continue
            sender = None
            after = SUBJECT_AFTER.match(sentence[m.end() :])
            if after:
                sender = _clean_name(after.group("who"))
            elif (m.group("det") or "").lower() in {"my", "our"} or FIRST_PERSON.search(sentence[: m.start()]):
                sender = own_sender
            else:
                sender = own_sender
            kind = "letter" if "letter" in m.group("what").lower() or "memorand" in m.group("what").lower() \
                else "other"
            plural = m.group("what").lower().endswith("s") and not m.group("what").lower().endswith("ss")
            groups = [[r] for r in recipients] if plural else [recipients]
            for group in groups:
                refs.append(Reference(kind, sender, group, first_date(sentence), sentence))  # type: ignore[arg-type]
    return refs


def _clean_name(text: str) -> str:
    text = re.sub(r"^(the|US|U\.S\.|British|Indian|Pakistani)\s+", "", text.strip())
    return strip_honorifics(text)


def find_claims(text: str) -> list[Claim]:
    """Claims with who makes them: 'According to ...', 'It is reported that ...', 'X alleged that ...'."""
    claims: list[Claim] = []
    for sentence in sentences(text):
        m = ACCORDING.search(sentence)
        if m:
            who = m.group("who").strip()
            rest = m.group("rest")
            said = re.search(r"\b(?:suggested|said|says|stated|claimed|believes?|thinks?|alleged)\s+that\b[\s,]*",
                             rest)
            claim_text = rest[said.end() :] if said else rest
            claims.append(Claim(claim_text.strip(" ,“”\"") or sentence, who))
            continue
        m2 = IMPERSONAL.search(sentence)
        if m2:
            claims.append(Claim(m2.group("rest").strip(), f"it is {m2.group('verb')} (unnamed sources)"))
            continue
        m3 = SPEAKER_VERB.search(sentence)
        if m3 and m3.group("who").split()[0] not in NOT_SPEAKERS:
            who = strip_honorifics(m3.group("who"))
            if len(who.split()) >= 1 and not who.isupper():
                claims.append(Claim(m3.group("rest").strip(" ,“”\""), who))
    return claims
