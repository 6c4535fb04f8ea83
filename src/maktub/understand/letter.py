"""Letters: dateline, sender, recipients, copies, salutation, closing and signature."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from maktub.model import Party
from maktub.understand.dates import find_dates, is_date_line, is_place_dateline
from maktub.understand.names import (
    ORG_WORDS,
    ROLE_WORDS,
    URDU_ORG_WORDS,
    has_honorific,
    is_org_name,
    looks_like_person,
    strip_honorifics,
)

SALUTATION = re.compile(
    r"^(my\s+)?(dear(est)?|respected|respectable|hon'?ble|honou?rable|esteemed)\b.{0,70}$"
    r"|^(sir|madam|sir\s*/\s*madam|gentlemen|to whom it may concern)\s*[,:!]?$"
    r"|^(محترم|محترمہ|جناب|عزت مآب|مکرمی)\s.{0,60}[،,!]?$|^السلام\s*علیکم",
    re.IGNORECASE,
)
CLOSING = re.compile(
    r"(^|\b)(yours\s+(sincerely|faithfully|truly|respectfully|obediently|ever)|sincerely(\s+yours)?"
    r"|(faithfully|truly|respectfully|cordially|obediently)\s+yours|cordially|with\s+(kind\s+)?respect"
    r"|(with\s+)?(best|warm|warmest|kind|kindest)\s+(regards|wishes)|regards|respectfully(\s+yours)?"
    r"|faithfully|thanking you|wassalam|والسلام|آپ\s+کا\s+مخلص|خیر\s+اندیش|فقط|نیاز\s+مند|نیک\s+تمناؤں\s+کے\s+ساتھ"
    r"|مخلص|دعاگو)[\s,.!]*$",
    re.IGNORECASE,
)
CC_LINE = re.compile(
    r"^(copy\s+to|copies\s+to|copy\s+for\s+information(?:\s+to)?|cc|c\.c\.|c/c|copy|نقل\s+برائے\s+اطلاع|نقول|نقل)"
    r"\s*[:.\-]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
NUMBERING = re.compile(r"^\s*(?:\(?[0-9۰-۹]{1,2}[.)\-۔]|[a-z]\)|[•*\-–])\s*")
PHONE = re.compile(
    r"(?:(?:res\.?|off\.?|office|home|cell|mobile|mob\.?)\s*)?(?:tel|telephone|phone|ph|fax|cell|mobile|mob|"
    r"contact|فون|موبائل)\.?(?:\s*no\.?)?\s*[:.#-]?\s*(?P<num>\+?\(?\d[\d\s\-()/.]{4,}\d)",
    re.IGNORECASE,
)
BARE_PHONE = re.compile(r"^\+?\(?\d[\d\s\-()/.]{6,}\d\.?$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
LABEL = re.compile(
    r"^(permanent\s+|postal\s+|mailing\s+|home\s+|office\s+)?(address|from|to|sender|recipient|"
    r"پتہ|منجانب|بنام|بخدمت)\s*[:,]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
DATE_LABEL = re.compile(r"\b(date|dated|تاریخ)\s*[:\-]", re.IGNORECASE)
ATTENTION = re.compile(
    r"^(?:kind\s+)?(?:attention|attn\.?|for the attention of)\s*[:\-]?\s*(?P<who>.+)$", re.IGNORECASE
)
OFFICE = re.compile(
    r"^the\s+(?P<role>(?:[A-Z][\w'’-]*\s+){0,3}(?:chairman|chairperson|president|secretary|minister|governor|"
    r"director|director general|commissioner|registrar|editor|principal|vice chancellor|chief executive|"
    r"manager|officer|inspector general|superintendent|mayor|speaker|ambassador|high commissioner|"
    r"chief justice|chief minister|prime minister|managing director|collector|deputy commissioner)\b.*)$",
    re.IGNORECASE,
)
SUBJECT = re.compile(r"^(subject|sub|re|ref|موضوع)\s*[:.\-]\s*\S", re.IGNORECASE)


@dataclass
class LetterParts:
    """What a letter's lines say about who wrote it, to whom, and when."""

    date: str | None = None
    sender: Party | None = None
    recipients: list[Party] = field(default_factory=list)
    cc: list[Party] = field(default_factory=list)
    salutation: str | None = None
    closing: str | None = None
    subject: str | None = None


def find_salutation(lines: list[str], start: int = 0, stop: int | None = None) -> int | None:
    """Index of the first salutation line ('Dear Mr. Hussain,') in lines[start:stop]."""
    for i in range(start, len(lines) if stop is None else min(stop, len(lines))):
        t = lines[i]
        if len(t.split()) <= 12 and SALUTATION.match(t) and not t.endswith("."):
            return i
    return None


def find_closing(lines: list[str], start: int) -> int | None:
    """Index of the closing line ('Yours sincerely') after `start`."""
    for i in range(start, len(lines)):
        t = lines[i]
        if len(t.split()) <= 14 and CLOSING.search(t):
            return i
    return None


def signature_end(lines: list[str], after: int) -> int:
    """Index one past the signature block that follows the closing or the last paragraph."""
    end = after + 1
    while end < len(lines) and end <= after + 7:
        t = lines[end]
        if len(t.split()) > 14 or t.startswith("(") or CC_LINE.match(t):
            break
        end += 1
    return end


def parse_letter(lines: list[str], starts: set[int] | None = None) -> LetterParts:
    """Parse the lines of one letter (boilerplate already removed) into its parts.

    `starts` holds the indexes of lines with a blank line above them, when known.
    """
    parts = LetterParts()
    tail_from = 0
    sal = find_salutation(lines)
    head = lines[:sal] if sal is not None else lines[: min(len(lines), 8)]
    if sal is not None:
        parts.salutation = lines[sal]
    body_start = (sal + 1) if sal is not None else 0
    closing = find_closing(lines, body_start)
    if closing is not None:
        parts.closing = lines[closing]
        tail_from = closing + 1
        tail = lines[tail_from:]
        if parts.closing and not CLOSING.match(parts.closing):
            parts.closing = CLOSING.search(parts.closing).group(0).strip()  # type: ignore[union-attr]
    else:
        last_prose = max(
            (i for i in range(body_start, len(lines)) if len(lines[i].split()) > 14),
            default=len(lines) - 1,
        )
        tail_from = last_prose + 1
        tail = lines[tail_from:]
    head_starts = None if starts is None else {i for i in starts if i < len(head)} | {0}
    tail_starts = None if starts is None else {i - tail_from for i in starts if i >= tail_from} | {0}
    header_parties, direction = _parse_block(head, parts, head_starts)
    signature, _ = _parse_block(tail, parts, tail_starts)
    signer = signature[0] if signature else None
    if signer is not None:
        same = next((p for p in header_parties if _same_person(p.name, signer.name)), None)
        if same is not None:
            _merge(same, signer)
            signer = same
            header_parties.remove(same)
        parts.sender = signer
        parts.recipients = header_parties
    elif direction.get(0) == "from" or len(header_parties) >= 2:
        parts.sender = header_parties[0]
        parts.recipients = header_parties[1:]
    else:
        parts.recipients = header_parties
    if parts.date is None:
        for t in lines[-6:]:
            if is_date_line(t) or is_place_dateline(t):
                parts.date = find_dates(t)[0].iso
    return parts


def _same_person(a: str, b: str) -> bool:
    ka, kb = a.casefold().split(), b.casefold().split()
    return bool(ka and kb) and (ka == kb or ka[-1] == kb[-1] and (ka[0][0] == kb[0][0]))


def _merge(into: Party, other: Party) -> None:
    for key in ("role", "organization", "address", "phone", "email"):
        if getattr(into, key) is None:
            setattr(into, key, getattr(other, key))


def _parse_block(
    lines: list[str], parts: LetterParts, starts: set[int] | None = None
) -> tuple[list[Party], dict[int, str]]:
    """Group header or signature lines into parties: a name line starts one, the rest describe it.

    Inside a block (no blank line between), a line opens a new party only when it carries a
    courtesy title; otherwise it describes the party above (its role, body or address).
    """
    parties: list[Party] = []
    direction: dict[int, str] = {}
    pending = ""
    addresses: dict[int, list[str]] = {}
    cc_mode = False
    known_blocks = starts is not None
    starts = starts or set()
    for n, raw in enumerate(lines):
        t = _plain_signature(raw.strip())
        if not t:
            continue
        new_block = n in starts or not known_blocks
        attention = ATTENTION.match(t)
        if attention and parties:
            person = attention.group("who").strip(" ,.")
            office = parties[-1]
            office.role = office.role or re.sub(r"^the\s+", "", office.name, flags=re.IGNORECASE)
            office.name = strip_honorifics(person)
            continue
        if SUBJECT.match(t):
            labelled = DATE_LABEL.search(t)
            if labelled and find_dates(t[labelled.start() :]):
                # 'Ref. No. MLA/117/2016    Date: 4th of August 2016': a reference, then the date
                parts.date = parts.date or find_dates(t[labelled.start() :])[0].iso
                continue
            parts.subject = t.split(":", 1)[-1].strip()
            cc_mode = False
            continue
        cc = CC_LINE.match(t)
        if cc and (cc.group("rest") or t.rstrip(":").strip() == cc.group(1)):
            cc_mode = True
            if cc.group("rest"):
                parts.cc.extend(_parse_cc(cc.group("rest")))
            continue
        if cc_mode:
            if len(t.split()) <= 16 and not CLOSING.search(t) and not SALUTATION.match(t):
                parts.cc.extend(_parse_cc(t))
                continue
            cc_mode = False
        if CLOSING.search(t) and len(t.split()) <= 14:
            continue
        dates = find_dates(t)
        if dates and (is_date_line(t) or is_place_dateline(t)):
            parts.date = parts.date or dates[0].iso
            continue
        if dates and (PHONE.search(t) or DATE_LABEL.search(t)):
            # 'Tel: 92-21 23rd September 2001', 'Ref. No. 117/2016    Date: 4th of August 2016'
            parts.date = parts.date or dates[-1].iso if DATE_LABEL.search(t) else parts.date or dates[0].iso
            if DATE_LABEL.search(t):
                continue
            t = (t[: dates[0].start] + t[dates[0].end :]).strip()
        label = LABEL.match(t)
        if label:
            word = label.group(2).lower()
            pending = {"from": "from", "sender": "from", "منجانب": "from"}.get(
                word, "to" if word in {"to", "recipient", "بنام", "بخدمت"} else ""
            )
            t = label.group("rest").strip()
            if not t:
                continue
        name_part = re.split(r"[,،]", t)[0]
        office_match = OFFICE.match(name_part) if len(name_part.split()) <= 8 else None
        if office_match and (new_block or not parties or pending):
            parties.append(Party(name_part.strip(" ,.")))
            parties[-1].role = office_match.group("role")
            if pending:
                direction[len(parties) - 1] = pending
                pending = ""
            continue
        opens = not parties or new_block or has_honorific(name_part) or bool(pending)
        if opens and looks_like_person(name_part) and not _is_known_place(name_part):
            party = Party(strip_honorifics(name_part))
            rest = t[len(name_part) :].strip(" ,")
            parties.append(party)
            if pending:
                direction[len(parties) - 1] = pending
                pending = ""
            if rest:
                _describe(party, rest, addresses.setdefault(len(parties) - 1, []))
            continue
        if not parties:
            if is_org_name(t) and not re.search(r"\d", t) and len(t.split()) <= 8 and not t.isupper():
                parties.append(Party(t.strip(" ,.")))
            continue
        _describe(parties[-1], t, addresses.setdefault(len(parties) - 1, []))
    for i, lines_ in addresses.items():
        if lines_:
            parties[i].address = ", ".join(x.strip(" ,") for x in lines_)
    return parties, direction


def _plain_signature(t: str) -> str:
    """'(K. R. NAGARAJU)' -> 'K. R. Nagaraju'; 'Sd/-' alone -> ''."""
    if re.fullmatch(r"\(?\s*(sd|signed)\s*/?-?\s*\)?", t, re.IGNORECASE):
        return ""
    if t.startswith("(") and t.endswith(")") and t.count("(") == 1:
        t = t[1:-1].strip()
    letters = [ch for ch in t if ch.isalpha()]
    if (
        letters
        and all(ch.isupper() for ch in letters if ch.isascii())
        and len(t.split()) <= 5
        and t.isascii()
    ):
        if not re.search(r"\d", t) and not re.fullmatch(r"[A-Z]{2,8}", t):
            t = " ".join(w if len(w.rstrip(".,")) <= 1 else w.capitalize() for w in t.split())
    return t


def _describe(party: Party, t: str, address: list[str]) -> None:
    """Attach one line to a party as its phone, e-mail, role, organisation or address."""
    email = EMAIL.search(t)
    if email:
        party.email = party.email or email.group(0)
        t = (t[: email.start()] + t[email.end() :]).strip(" ,;:-")
        t = re.sub(r"^(e-?mail|email)\s*[:.]?\s*$", "", t, flags=re.IGNORECASE)
        if not t:
            return
    phone = PHONE.search(t)
    if phone or BARE_PHONE.match(t):
        party.phone = party.phone or (phone.group("num") if phone else t).strip(" .")
        t = (t[: phone.start()] + t[phone.end() :]).strip(" ,;:.") if phone else ""
        if not t:
            return
    words = [w.strip(",.&()،").lower() for w in t.split()]
    if party.role is None and (
        words
        and words[0] in ROLE_WORDS
        or (not re.search(r"\d", t) and any(w in ROLE_WORDS for w in words[:4]))
    ):
        role, org = split_role(t)
        party.role = role
        party.organization = party.organization or org
        return
    if party.organization is None and is_org_name(t) and not re.search(r"\d", t):
        party.organization = _org_span(t) or t.strip(" ,.")
        return
    address.append(t.strip(" ,"))


def split_role(text: str) -> tuple[str, str | None]:
    """'Chief of Muttahida Qaumi Movement,' -> ('Chief', 'Muttahida Qaumi Movement')."""
    text = text.strip(" ,.;،")
    if "،" in text:
        role, _, rest = text.partition("،")
        if any(w in rest for w in URDU_ORG_WORDS):
            return role.strip(), rest.strip(" ،")
    org = _org_span(text)
    if not org:
        return text, None
    role = text[: text.find(org)].strip(" ,&-–")
    role = re.sub(r"\s+(of|of the|at|in|for)$", "", role, flags=re.IGNORECASE).strip()
    return role or text, org


def _org_span(text: str) -> str | None:
    """The capitalised run that names a body inside a line, without roles or a trailing acronym."""
    tokens = re.findall(r"[\w'’&.-]+|\([A-Z]{2,8}\)|,", text)
    best: list[str] = []
    run: list[str] = []
    for tok in tokens + [","]:
        low = tok.lower().strip(".")
        starts_ok = tok[:1].isupper() and low not in ROLE_WORDS
        if run and (tok[:1].isupper() or low in {"of", "for", "and", "the", "e", "ul", "i"}) and tok != ",":
            run.append(tok)
            continue
        if not run and starts_ok and tok != ",":
            run = [tok]
            continue
        while run and run[-1].lower() in {"of", "for", "and", "the", "e", "ul", "i"}:
            run.pop()
        if any(w.lower().strip(".") in ORG_WORDS for w in run) and len(run) > len(best):
            best = run
        run = [tok] if starts_ok and tok != "," else []
    if not best:
        acronym = re.search(r"\b(?:of|at)\s+(?:the\s+)?([A-Z]{2,8})\b", text)
        return acronym.group(1) if acronym else None
    return " ".join(t for t in best if not t.startswith("("))


def _parse_cc(text: str) -> list[Party]:
    """Copy recipients: people ('Mr. Nadeem Baig, President, STA') or offices as written."""
    out = []
    for chunk in re.split(
        r";|\band\b(?=\s+(?:mr|mrs|ms|dr|the)\b)", NUMBERING.sub("", text), flags=re.IGNORECASE
    ):
        chunk = chunk.strip(" ,.۔")
        if not chunk:
            continue
        pieces = re.split(r"\s*[,،]\s*", chunk)
        while len(pieces) > 1 and _is_known_place(pieces[-1]):
            pieces.pop()  # 'Minister for Interior, Islamabad': the office, not its town
        first = pieces[0]
        if looks_like_person(first) and (has_honorific(first) or len(strip_honorifics(first).split()) >= 2):
            party = Party(strip_honorifics(first))
            places = [p for p in pieces[1:] if _is_known_place(p)]
            rest = ", ".join(p for p in pieces[1:] if p not in places)
            if rest:
                party.role, party.organization = split_role(rest)
            if places:
                party.address = ", ".join(places)
        else:
            sep = "، " if "،" in chunk else ", "
            party = Party(sep.join(pieces))
        out.append(party)
    return out


def _is_known_place(text: str) -> bool:
    from maktub.entities.gazetteer import is_place

    return is_place(text.strip(" ,."))
