"""What a text says about other documents and what others say: references and claims."""

from __future__ import annotations

import re

from maktub.model import Claim, Reference
from maktub.understand.dates import first_date
from maktub.understand.names import ORG_WORDS, looks_like_person, strip_honorifics

ABBREVIATIONS = (r"(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bNo\.)(?<!\bHon\.)(?<!\bRt\.)"
                 r"(?<!\bGen\.)(?<!\bProf\.)(?<!\bCol\.)(?<!\bRetd\.)(?<!\b[A-Z]\.)")
SENTENCE_END = re.compile(r"(?<=[.!?۔؟])" + ABBREVIATIONS + r"[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9\u0600-\u06ff])")

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


WROTE_TO = re.compile(
    r"\b(?P<verb>wrote|writes|has\s+(?:also\s+)?written|had\s+(?:also\s+)?written|have\s+(?:also\s+)?written|"
    r"was\s+writing|is\s+writing|sent\s+(?:a|an|two|three)\s+(?:open\s+)?letters?|addressed\s+(?:a|an)\s+(?:open\s+)?letter|"
    r"(?:been\s+)?submitted\s+in\s+writing|(?:has|had)\s+(?:sent|written)\s+(?:a|an)\s+(?:open\s+)?letter)"
    r"(?:\s+(?:an?\s+)?(?:open\s+)?letters?)?(?:\s+(?:twice|again|earlier|jointly))?\s+to\s+(?P<to>[^,.;:]+)"
    r"(?P<appos>,\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})?"
)
RECIPIENT_END = re.compile(
    r"\s+(?:asking|requesting|with|about|on|in|twice|earlier|last|listing|demanding|seeking|urging|to|but|and\s+(?:had|has|was|is|received|asked)|"
    r"for|over|regarding|after|before|three|two|several|this|that|who|which|at|of\s+the\s+(?:same|case))\b.*$"
)
ABBREVIATED = re.compile(r"\b(Mr|Mrs|Ms|Dr|St|Rt|Hon|Prof|Gen|Col|Capt|Lt|Retd)\.")
PRONOUNS = {"him", "her", "them", "it", "us", "me", "you", "his", "their"}
URDU_WROTE = re.compile(r"(?P<from>(?:[\u0600-\u06ff]+\s+){1,4})نے\s+(?:[\u0600-\u06ff]+\s+){0,8}?"
                        r"(?P<to>(?:[\u0600-\u06ff]+\s+){1,4})کو\s+(?:ایک\s+)?خط\s+(?:لکھا|ارسال|بھیجا)")
URDU_FILLER = {"بھی", "اسی", "مسئلے", "پر", "نے", "ایک", "کے", "کی", "کا", "میں", "جناب", "محترم", "اور"}


def find_references(text: str, own_sender: str | None, own_recipient: str | None = None) -> list[Reference]:
    """Letters mentioned but not contained: 'the letters to Mian Nawaz Sharif', 'I wrote to Mr. Rana'."""
    refs: list[Reference] = []
    for sentence in sentences(text):
        sentence = ABBREVIATED.sub(r"\1", sentence)
        for m in LETTER_FROM.finditer(sentence):
            refs.append(Reference("letter", _clean_name(m.group("from")), [_clean_name(m.group("to"))],
                                  first_date(sentence), sentence))
        for m in LETTER_REF.finditer(sentence):
            recipients = [_clean_name(x) for x in re.split(r"\s*(?:,|\band\b|&)\s*", m.group("to"))]
            recipients = [r for r in recipients if r and r[0].isupper()]
            if not recipients:
                continue
            after = SUBJECT_AFTER.match(sentence[m.end() :])
            sender = _clean_name(after.group("who")) if after else _subject(sentence[: m.start()], own_sender)
            kind = "letter" if "letter" in m.group("what").lower() or "memorand" in m.group("what").lower() \
                else "other"
            plural = m.group("what").lower().endswith("s") and not m.group("what").lower().endswith("ss")
            groups = [[r] for r in recipients] if plural else [recipients]
            for group in groups:
                refs.append(Reference(kind, sender, group, first_date(sentence), sentence))  # type: ignore[arg-type]
        for m in WROTE_TO.finditer(sentence):
            recipient = _recipient(m.group("to"), m.group("appos"))
            if not recipient:
                continue
            if recipient.lower() in {"you", "your"} and own_recipient:
                recipient = own_recipient
            if any(recipient in r.recipients and r.quote == sentence for r in refs):
                continue
            refs.append(Reference("letter", _subject(sentence[: m.start()], own_sender), [recipient],
                                  first_date(sentence), sentence))
        for m in URDU_WROTE.finditer(sentence):
            sender = " ".join(w for w in m.group("from").split() if w not in URDU_FILLER)
            recipient = " ".join(w for w in m.group("to").split() if w not in URDU_FILLER)
            if recipient in {"آپ", "آپ کو"}:
                recipient = own_recipient or recipient
            if sender in {"میں", "ہم"}:
                sender = own_sender or sender
            refs.append(Reference("letter", sender or own_sender, [recipient], first_date(sentence), sentence))
    return refs


def _recipient(to: str, appos: str | None) -> str | None:
    """'the Chief Minister' + ', Zubair Ansari' -> 'Zubair Ansari'; 'the IG of Police' + ', Punjab' kept whole."""
    to = RECIPIENT_END.sub("", to.strip()).strip()
    to = re.sub(r"^(the|a|an)\s+", "", to, flags=re.IGNORECASE)
    if not to or to.lower() in PRONOUNS:
        return None
    if appos and not (looks_like_person(to) and len(strip_honorifics(to).split()) >= 2):
        name = appos.strip(" ,")
        from maktub.entities.gazetteer import is_place

        if is_place(name):
            return f"{to}, {name}"
        if len(name.split()) >= 2 and looks_like_person(name):
            return _clean_name(name)
    return _clean_name(to) if to[:1].isupper() or len(to.split()) <= 4 else None


def _subject(before: str, own: str | None) -> str | None:
    """Who did the writing: the name just before the verb, an appositive, 'the association', or 'I'."""
    clause = re.split(r"\b(?:said|says|told|added|that|and|but|when|after|because|while)\b", before)[-1]
    clause = clause.strip(" ,")
    appos = re.search(r",\s*((?:[A-Z][\w.'’-]+\s*){2,4}),?\s*$", before)
    if appos:
        return _clean_name(appos.group(1))
    if re.search(r"\b(I|we|our|my)\b", clause) or not clause:
        return own
    the = re.search(r"\bthe\s+([a-z]+)(?:['’]s)?\b", clause, re.IGNORECASE)
    if the and the.group(1).lower() in ORG_WORDS | {"cooperative", "union", "forum", "party", "front"}:
        return f"the {the.group(1).lower()}"  # resolved to the body it names by the entity stage
    names = [n for n in re.findall(r"((?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,4})", clause)
             if n.lower() not in {"the", "he", "she", "it", "they", "this", "a", "an"}]
    if names:
        return _clean_name(names[-1])
    return own


def _clean_name(text: str) -> str:
    """A person's name without titles; an office ('Inspector General of Police') as written."""
    text = re.sub(r"^(the|US|U\.S\.|British|Indian|Pakistani)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = text.strip().rstrip(".")
    stripped = strip_honorifics(text)
    if not stripped or not stripped[:1].isupper() or stripped.split()[0].lower() in {"of", "for", "and"}:
        return text.strip(" ,")
    return stripped


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
