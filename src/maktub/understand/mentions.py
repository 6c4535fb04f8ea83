"""What a text says about other documents and what others say: references and claims."""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from maktub.entities.urdu import urdu_names
from maktub.model import Claim, Reference
from maktub.understand.dates import first_date
from maktub.understand.names import ORG_WORDS, looks_like_person, strip_honorifics

ABBREVIATIONS = (
    r"(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bNo\.)(?<!\bHon\.)(?<!\bRt\.)"
    r"(?<!\bGen\.)(?<!\bProf\.)(?<!\bCol\.)(?<!\bRetd\.)(?<!\b[A-Z]\.)"
)
SENTENCE_END = re.compile(r"(?<=[.!?۔؟])" + ABBREVIATIONS + r"[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9\u0600-\u06ff])")

_NAME = r"(?:[A-Z][\w.'’-]*|bin|ibn|ul|al|of|the)"
_NAMES = rf"{_NAME}(?:\s+{_NAME}){{0,6}}"
LETTER_REF = re.compile(
    r"\b(?P<det>an?|the|my|his|her|their|our|its|your)?\s*(?P<what>open letters?|letters?|memorandums?|messages?|"
    r"notes?|faxes?|e-?mails?)\s+(?:dated\s+[\w ,]{4,24}?\s+)?(?:(?:he|she|they|I|we)\s+)?"
    r"(?:(?:was|were|had been|has been)\s+)?"
    r"(?:sent|written|addressed|dispatched|delivered|wrote)?\s*to\s+"
    rf"(?P<to>(?:(?:the\s+)?(?:US\s+|British\s+|Indian\s+)?{_NAMES})(?:\s+(?:and|&)\s+{_NAMES})*)"
)
LETTER_FROM = re.compile(rf"\bletter\s+from\s+(?P<from>{_NAMES})\s+to\s+(?P<to>{_NAMES})")
SUBJECT_AFTER = re.compile(rf"^\s*,\s*(?P<who>(?:Mr\.?|Mrs\.?|Ms\.?|Dr\.?|the\s+)?{_NAMES})\s+[a-z]")
FIRST_PERSON = re.compile(r"\b(I|my|we|our)\b")


def sentences(text: str) -> list[str]:
    """Split prose into sentences (keeping 'Mr. Hussain' together)."""
    out: list[str] = []
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
PREVIOUS_LETTER = re.compile(
    r"\b(?:(?P<det>our|my|your)\s+(?:earlier|previous|last|first|second)?\s*letters?\s+"
    r"(?:(?:of|dated)\s+\d|No\b|number|cited\s+above|referred\s+to\s+above|under\s+reference)"
    r"|(?P<vide>vide)\s+(?:(?:our|my|this\s+office'?s?)\s+)?letter\s+No\b)",
    re.IGNORECASE,
)
# 'I first raised this matter with your predecessor, the Honourable Richard Amherst, in a letter dated ...'
RAISED_WITH = re.compile(
    r"\b(?:raised|took\s+up|brought\s+up|taken\s+up|pursued)\s+(?:this|the|that)\s+(?:matter|issue|case|question)"
    r"\s+(?:up\s+)?with\s+(?P<to>[^.;]{3,120}?),?\s+(?:in|through|by|vide)\s+(?:a|an|my|our)\s+(?:open\s+)?letter",
    re.IGNORECASE,
)
LETTER_HINT_WORDS = (  # words that name a letter or a note, as substrings, for the test every sentence goes through
    "letter", "memorand", "message", "note", "fax", "email", "e-mail", "wrote", "write", "written", "writing",
    "خط", "مکتوب",
)  # fmt: skip
PERSON_SPAN = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}")
ABBREVIATIONS_DOTTED = (
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "St.",
    "Rt.",
    "Hon.",
    "Prof.",
    "Gen.",
    "Col.",
    "Capt.",
    "Lt.",
    "Retd.",
)
ABBREVIATED = re.compile(r"\b(Mr|Mrs|Ms|Dr|St|Rt|Hon|Prof|Gen|Col|Capt|Lt|Retd)\.")


def _without_abbreviation_dots(sentence: str) -> str:
    """'Mr. Hussain' -> 'Mr Hussain'; most sentences have none, which plain `in` tests find sooner."""
    for dotted in ABBREVIATIONS_DOTTED:
        if dotted in sentence:
            return ABBREVIATED.sub(r"\1", sentence)
    return sentence


PRONOUNS = {"him", "her", "them", "it", "us", "me", "you", "his", "their"}
URDU_WROTE = re.compile(
    r"(?P<from>(?:[\u0600-\u06ff]+\s+){1,4})نے\s+(?:[\u0600-\u06ff\d۰-۹]+\s+){0,8}?"
    r"(?P<to>(?:[\u0600-\u06ff]+\s+){1,5})(?:کو|کے\s+نام)\s+(?:ایک\s+)?خط\s+(?:لکھا|لکھ|ارسال|بھیجا)"
)
URDU_POSTPOSITIONS = {"کو", "نے", "میں", "سے", "پر", "بھی", "تک"}
URDU_PRONOUNS = {"انہوں", "انھوں", "اس", "اُنہوں", "اُس"}
URDU_FILLER = {
    "بھی",
    "اسی",
    "مسئلے",
    "پر",
    "نے",
    "ایک",
    "کے",
    "کی",
    "کا",
    "میں",
    "جناب",
    "محترم",
    "اور",
}


def _names_writing(low: str) -> bool:
    """Whether a sentence (in lower case) names a letter, a note or writing."""
    for word in LETTER_HINT_WORDS:  # a loop, not any(...): this runs on every sentence
        if word in low:
            return True
    return False


def find_references(
    text: str, own_sender: str | None, own_recipient: str | None = None, title: str | None = None
) -> list[Reference]:
    """Letters mentioned but not contained: 'the letters to Mian Nawaz Sharif', 'I wrote to Mr. Rana'.

    The title is left out: 'Our letter to the Chairman' names this document, not another.
    """
    refs: list[Reference] = []
    last_person: str | None = None
    own_sender = strip_honorifics(own_sender) if own_sender else own_sender
    own_recipient = strip_honorifics(own_recipient) if own_recipient else own_recipient
    for sentence in sentences(text):
        if not _names_writing(sentence.lower()):
            people = PERSON_SPAN.findall(sentence)
            if people:
                named = [p for p in people if looks_like_person(p) and not p.startswith("The ")]
                last_person = _clean_name(named[-1]) if named else last_person
            continue  # no letter, note or writing named: nothing to refer to
        if title and sentence.strip() == title.strip():
            continue
        sentence = _without_abbreviation_dots(sentence)
        earlier = PREVIOUS_LETTER.search(sentence)
        if earlier and own_recipient:
            mine = earlier.group("vide") or (earlier.group("det") or "").lower() in {"our", "my"}
            who = own_recipient if mine else own_sender
            sender = own_sender if mine else own_recipient
            refs.append(Reference("letter", sender, [who] if who else [], first_date(sentence), sentence))
        for m in RAISED_WITH.finditer(sentence):
            named = [_clean_name(p) for p in m.group("to").split(",")]
            people = [
                p for p in named if p and looks_like_person(p) and len(strip_honorifics(p).split()) >= 2
            ]
            recipient = people[-1] if people else (own_recipient if "your" in m.group("to").lower() else None)
            if recipient:
                sender = _subject(sentence[: m.start()], own_sender, last_person)
                refs.append(Reference("letter", sender, [recipient], first_date(sentence), sentence))
        for m in LETTER_FROM.finditer(sentence):
            refs.append(
                Reference(
                    "letter",
                    _clean_name(m.group("from")),
                    [_clean_name(m.group("to"))],
                    first_date(sentence),
                    sentence,
                )
            )
        for m in LETTER_REF.finditer(sentence):
            recipients = [_clean_name(x) for x in re.split(r"\s*(?:,|\band\b|&)\s*", m.group("to"))]
            recipients = [r for r in recipients if r and r[0].isupper()]
            if not recipients:
                continue
            after = SUBJECT_AFTER.match(sentence[m.end() :])
            if (m.group("det") or "").lower() == "your":
                sender = own_recipient
            elif after:
                sender = _clean_name(after.group("who"))
            else:
                sender = _subject(sentence[: m.start()], own_sender, last_person)
            kind = (
                "letter"
                if "letter" in m.group("what").lower() or "memorand" in m.group("what").lower()
                else "other"
            )
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
            refs.append(
                Reference(
                    "letter",
                    _subject(sentence[: m.start()], own_sender, last_person),
                    [recipient],
                    first_date(sentence),
                    sentence,
                )
            )
        for m in URDU_WROTE.finditer(sentence):
            sender = " ".join(w for w in m.group("from").split() if w not in URDU_FILLER)
            to_words = m.group("to").split()
            cut = max((i + 1 for i, w in enumerate(to_words) if w in URDU_POSTPOSITIONS), default=0)
            recipient = " ".join(w for w in to_words[cut:] if w not in URDU_FILLER)  # '… ۲۰۱۶ء کو آپ' -> 'آپ'
            if recipient in {"آپ", "آپ کو"}:
                recipient = own_recipient or recipient
            if sender in {"میں", "ہم"}:
                sender = own_sender or sender
            if sender.split()[-1:] and sender.split()[-1] in URDU_PRONOUNS:
                # 'X نے ایوان کو بتایا کہ انہوں نے … کے نام خط لکھ': the pronoun is the speaker named before it
                subjects = [
                    n.surface for n in urdu_names(sentence[: m.start()]) if n.cue in {"subject", "role"}
                ]
                sender = subjects[0] if subjects else own_sender or sender
            named = [n.surface for n in urdu_names(recipient) if n.type == "person"]
            recipient = named[-1] if named else recipient
            refs.append(
                Reference("letter", sender or own_sender, [recipient], first_date(sentence), sentence)
            )
        people = [
            p for p in PERSON_SPAN.findall(sentence) if looks_like_person(p) and not p.startswith("The ")
        ]
        if people:
            last_person = _clean_name(people[-1])
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


# What "the ..." can name as the writer: a body (made once, not per sentence).
BODY_WORDS = frozenset(ORG_WORDS | {"cooperative", "union", "forum", "party", "front"})


def _subject(before: str, own: str | None, last_person: str | None = None) -> str | None:
    """Who did the writing: the name just before the verb, an appositive, 'the association', or 'I'.

    'she' or 'he' is the person named last before it, in this sentence or the ones above.
    """
    parts = re.split(r"\b(?:said|says|told|added|that|and|but|when|after|because|while)\b", before)
    clause = parts[-1].strip(" ,")
    if re.fullmatch(r"(?i)(he|she)(\s+(has|had|have|also|then))*", clause):
        named = [p for p in PERSON_SPAN.findall(" ".join(parts[:-1])) if looks_like_person(p)]
        return _clean_name(named[-1]) if named else last_person
    appos = re.search(r",\s*((?:[A-Z][\w.'’-]+\s*){2,4}),?\s*$", before)
    if appos:
        return _clean_name(appos.group(1))
    if re.search(r"\b(I|we|our|my)\b", clause) or not clause:
        return own
    the = re.search(r"\bthe\s+([a-z]+)(?:['’]s)?\b", clause, re.IGNORECASE)
    if the and the.group(1).lower() in BODY_WORDS:
        return f"the {the.group(1).lower()}"  # resolved to the body it names by the entity stage
    names = [
        n
        for n in re.findall(r"((?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,4})", clause)
        if n.lower() not in {"the", "he", "she", "it", "they", "this", "a", "an"}
    ]
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


SAID_COLON = re.compile(r"^(?P<who>.{2,60}?)\s+(?:said|says|added|stated|declared)\s*:$")
CLAIM_VERB = re.compile(
    r"\b(?P<verb>said|says|stated|states|claimed|claims|alleged|alleges|accused|accuses|told|tells|denied|denies|"
    r"estimated|warned|insisted|maintained|asserted|charged|declared|revealed|disclosed|argued|blamed|termed|"
    r"called|suggested|confirmed|stating|claiming|alleging|reported)\b"
)
ACCORDING_TO = re.compile(r"\b(?i:according to)\s+")
IMPERSONAL = re.compile(
    r"\b[Ii]t (?:is|was|has been) (?P<verb>reported|alleged|claimed|learnt|learned|rumou?red|believed|"
    r"understood|said|feared|suspected)\s+that\s+(?P<rest>.+)$"
)
URDU_CLAIMS = [
    re.compile(
        r"(?P<who>(?:[\u0600-\u06ff]+\s+){1,6}?)(?:کا|کی|کے)\s+(?:الزام|دعویٰ|دعوی|کہنا)\s+(?:ہے|تھا)\s+کہ\s+(?P<rest>.+)"
    ),
    re.compile(r"(?P<who>(?:[\u0600-\u06ff]+\s+){1,6}?)کے\s+(?:اندازے\s+کے\s+)?مطابق\s+(?P<rest>.+)"),
    re.compile(
        r"(?P<who>(?:[\u0600-\u06ff]+\s+){1,6}?)نے\s+(?:ایک\s+بیان\s+میں\s+|اپنے\s+بیان\s+میں\s+)?"
        r"(?:کہا|الزام\s+لگایا|دعویٰ\s+کیا)\s+(?:ہے\s+|تھا\s+)?کہ\s+(?P<rest>.+)"
    ),
]
URDU_LEAD = {"جبکہ", "اور", "تاہم", "دوسری", "جانب", "ادھر", "انہوں", "اس", "موقع", "پر"}
PRONOUN_SUBJECTS = {"he", "she"}
LEADING_PHRASE = re.compile(r"^(?:.*,\s+)?(?=[A-Z])")


def find_claims(text: str) -> list[Claim]:
    """Claims with who makes them: 'According to ...', 'It is reported that ...', 'X alleged that ...'."""
    claims: list[Claim] = []
    last_person: str | None = None
    all_sentences = sentences(text)
    for n, sentence in enumerate(all_sentences):
        s = _without_abbreviation_dots(sentence)
        lead_in = SAID_COLON.match(s) if s.endswith((":", ":\n")) else None
        if lead_in and n + 1 < len(all_sentences):
            # 'Ms Whitcombe said:' and the quotation that follows it.
            s = f"{lead_in.group('who')} said {all_sentences[n + 1]}"
        claim = _claim_in(s, last_person)
        if claim:
            claims.append(dataclasses.replace(claim, about=[]))
        people = [
            p for p in PERSON_SPAN.findall(s) if looks_like_person(p) and not p.startswith(("The ", "A "))
        ]
        if people:
            last_person = strip_honorifics(people[-1])
    return claims


@lru_cache(maxsize=20_000)
def _claim_in(s: str, last_person: str | None) -> Claim | None:
    """The claim one sentence makes, if any (cached: a listing's items repeat its sentences)."""
    return _according(s) or _impersonal(s) or _said(s, last_person) or _urdu_claim(s)


def _according(s: str) -> Claim | None:
    m = ACCORDING_TO.search(s)
    if not m:
        return None
    rest = s[m.end() :]
    comma = rest.find(",")
    words = rest.split()
    if 0 < comma and len(rest[:comma].split()) <= 14:
        who, body = rest[:comma], rest[comma + 1 :]
    else:
        # 'According to a report published in the press Waseem Akthar ...': the source ends
        # where a capitalised word begins after it.
        cut = next((i for i, w in enumerate(words) if i >= 2 and w[:1].isupper()), len(words))
        who, body = " ".join(words[:cut]), " ".join(words[cut:])
    who = re.split(r"\s+who\b|\s+that\b", who)[0].strip()
    said = re.search(
        r"\b(?:suggested|said|says|stated|claimed|believes?|thinks?|alleged)\s+that\b[\s,]*", body
    )
    body = body[said.end() :] if said else body
    return Claim(body.strip(' ,“”"') or s, who)


def _impersonal(s: str) -> Claim | None:
    m = IMPERSONAL.search(s)
    return Claim(m.group("rest").strip(), f"it is {m.group('verb')} (unnamed sources)") if m else None


def _said(s: str, last_person: str | None) -> Claim | None:
    """'Traders alleged that ...', 'A police spokesman denied ...', 'He said ...' (he: the last person named)."""
    for m in CLAIM_VERB.finditer(s):
        subject = s[: m.start()].strip()
        appos = re.search(
            r",\s*((?:(?:Mr|Mrs|Ms|Dr)\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}),\s*(?:has\s+|had\s+|also\s+)?$",
            subject,
        )
        if appos:
            who = appos.group(1)
        else:
            subject = re.sub(
                r"\s+(?:has|had|have|also|further|then|again|later|on \w+|in a statement)$",
                "",
                subject,
            )
            subject = LEADING_PHRASE.sub("", subject) if "," in subject else subject
            subject = re.split(r"\s+who\b|\s+which\b|,", subject)[0].strip()
            if not subject or len(subject.split()) > 7:
                continue
            if subject.lower() in PRONOUN_SUBJECTS:
                if not last_person:
                    return None
                subject = last_person
            elif subject.lower() in {"it", "they", "we", "i", "this", "that", "there", "you"}:
                return None
            who = re.sub(r"^(the|a|an)\s+", "", subject, flags=re.IGNORECASE)
        if not who or not re.search(r"[A-Za-z]", who):
            continue
        rest = s[m.end() :]
        rest = re.sub(
            r"^\s*(?:in a statement|on \w+|in \w+|to reporters|to the press|also)?\s*,?\s*(?:that\s*,?\s*)?",
            "",
            rest,
        )
        if len(rest.split()) < 3:
            continue
        return Claim(rest.strip(' ,“”"'), strip_honorifics(who) if who[:1].isupper() else who)
    return None


def _urdu_claim(s: str) -> Claim | None:
    if "کہ" not in s and "مطابق" not in s:
        return None  # each pattern needs one of these words: most sentences (all English ones) have neither
    for rx in URDU_CLAIMS:
        m = rx.search(s)
        if m:
            who = [w for w in m.group("who").split() if w not in URDU_LEAD]
            if who:
                return Claim(m.group("rest").strip(), " ".join(who))
    return None
