"""HTML pages: rendered to lines, chrome containers marked, main text and metadata from trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from maktub.model import Line, Link

BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "blockquote",
    "pre",
    "address",
    "dd",
    "dt",
    "dl",
    "form",
    "hr",
    "main",
    "figure",
    "figcaption",
    "center",
    "td",
    "th",
    "title",
    "option",
    "fieldset",
    "legend",
    "details",
    "summary",
}
DROP = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "embed",
    "select",
    "button",
    "input",
    "textarea",
    "head",
    "canvas",
    "map",
}
# Blocks after which the rendered text has a blank line (a paragraph break).
PARAGRAPH_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "address"}
CHROME_TAGS = {"nav", "header", "footer", "aside", "menu"}
BOX_TAGS = CHROME_TAGS - {"header", "footer"}  # inside an article, its own header and footer are content
# id/class words that CMS themes use for everything around the content.
CHROME_ATTR = re.compile(
    r"(^|[\s_-])(nav|navbar|navigation|menu|menubar|sidebar|side-bar|widget|footer|breadcrumbs?|masthead|"
    r"topbar|top-bar|banner|header|share|sharing|social|advert|ads|ad-slot|adsense|sponsor|related|popular|"
    r"trending|cookie|subscribe|newsletter|comments?|respond|reply|pagination|pager|tags|tagcloud|"
    r"copyright|skip|search|login|weather|ticker|toolbar)($|[\s_-])",
    re.IGNORECASE,
)
MAIN_ATTR = re.compile(
    r"(^|[\s_-])(content|main|article|post|entry|story|body-text|item-page)($|[\s_-])", re.I
)


@dataclass
class HtmlPage:
    """What an HTML page holds, as lines with verdicts plus metadata and links."""

    lines: list[Line]
    title: str | None = None
    title_full: str | None = None
    heading: str | None = None
    date: str | None = None
    authors: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True)


def parse_html(text: str, url: str | None = None) -> HtmlPage:
    """Render an HTML page to lines; mark chrome and what lies outside trafilatura's main text."""
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    try:
        # Plain lxml elements: lxml.html's element classes cost a Python call per node visited.
        tree = etree.fromstring(text, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        tree = None
    if tree is None:
        return HtmlPage([Line(t) for t in text.splitlines()])
    links = [Link(" ".join(_text_of(a).split()), a.get("href") or "") for a in tree.iter("a")]
    meta = _meta(tree)
    lines: list[Line] = []
    body = tree.find(".//body")
    _render(body if body is not None else tree, lines, [], "", False)
    lines = _squeeze(lines)
    main_text = _marked_main(tree, sum(len(ln.text) for ln in lines)) or _main_text(text, url)
    if main_text:
        _mark_outside_main(lines, main_text, [t for t in (meta.get("title"), meta.get("h1")) if t])
    page = HtmlPage(lines, links=links)
    page.title = meta.get("title") or meta.get("h1")
    page.title_full = meta.get("title_full")
    page.heading = meta.get("h1")
    page.date = meta.get("date")
    if meta.get("author"):
        page.authors = [meta["author"]]
    return page


def _text_of(el: etree._Element) -> str:
    """All the text inside an element; most links hold only their own text, read without an iterator."""
    if len(el) == 0:
        return el.text or ""
    return "".join(el.itertext())


TAG_CHROME = "page chrome (navigation, header, footer or aside element)"
CLASS_CHROME = "page chrome (menu, sidebar or widget by its class or id)"


def _render(el: etree._Element, lines: list[Line], buf: list[str], chrome: str, in_main: bool) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in DROP or not tag:
        return
    attrs = f"{el.get('id', '')} {el.get('class', '')} {el.get('role', '')}"
    named = not attrs.isspace()
    # <nav id="main-nav"> is the main menu, not the main content.
    main_like = tag in {"article", "main"} or (
        tag not in CHROME_TAGS and named and bool(MAIN_ATTR.search(attrs))
    )
    if not chrome and not main_like:
        # An article's own <header> (headline, byline) is content; the page's is chrome.
        if tag in CHROME_TAGS and not (in_main and tag in {"header", "footer"}):
            chrome = TAG_CHROME
        elif named and CHROME_ATTR.search(attrs):
            chrome = CLASS_CHROME
    in_main = in_main or main_like
    block = tag in BLOCK
    if block:
        _flush(lines, buf, chrome)
    if el.text:
        buf.append(el.text)
    for child in el:
        _render(child, lines, buf, chrome, in_main)
        if child.tail:
            buf.append(child.tail)
    if block:
        _flush(lines, buf, chrome)
        if tag in PARAGRAPH_TAGS:
            lines.append(Line(""))


def _flush(lines: list[Line], buf: list[str], chrome: str) -> None:
    if not buf:
        return  # most calls: a block right after another
    text = " ".join("".join(buf).split())
    buf.clear()
    if text:
        lines.append(Line(text, bool(chrome), chrome))


def _squeeze(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for ln in lines:
        if not ln.text and (not out or not out[-1].text):
            continue
        out.append(ln)
    return out


def _meta(tree: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    h1 = tree.find(".//h1")
    if h1 is not None:
        out["h1"] = " ".join("".join(h1.itertext()).split())
    title = tree.find(".//title")
    if title is not None and title.text:
        full = " ".join(title.text.split())
        out["title"] = re.split(r"\s+[|«»–—-]\s+[^|«»–—-]*$", full)[0]
        out["title_full"] = full
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").lower()
        value = (m.get("content") or "").strip()
        if not value:
            continue
        if (
            key
            in {
                "article:published_time",
                "datepublished",
                "date",
                "dc.date",
                "dc.date.issued",
                "publish-date",
                "pubdate",
                "og:published_time",
            }
            and "date" not in out
        ):
            iso = re.match(r"\d{4}-\d{2}-\d{2}", value)
            if iso:
                out["date"] = iso.group(0)
        elif key in {"author", "article:author", "dc.creator"} and "author" not in out and "://" not in value:
            out["author"] = value
    if "date" not in out:
        for t in tree.iter("time"):
            dt = t.get("datetime") or ""
            iso = re.match(r"\d{4}-\d{2}-\d{2}", dt)
            if iso and (t.get("itemprop") == "datePublished" or "publish" in (t.get("class") or "")):
                out["date"] = iso.group(0)
                break
    return out


def _marked_main(tree: etree._Element, page_chars: int) -> str:
    """The text of the one <article> (or else the one <main>) of a page that marks its content so.

    Such a page says itself where its content is, as readers like Firefox's Reader View trust;
    trafilatura's guess (four times the cost) is for pages that don't. An element holding less
    than MARKED_SHARE of the page's text is a teaser or a card, not the content: then trafilatura.
    """
    for tag in ("article", "main"):
        found = list(tree.iter(tag))
        if len(found) > 1:
            return ""
        if found:
            parts: list[str] = []
            _own_text(found[0], parts)
            text = "\n".join(t for t in (" ".join(p.split()) for p in parts) if t)
            return text if len(text) >= MARKED_SHARE * page_chars else ""
    return ""


def _only_a_link(el: etree._Element) -> bool:
    """A paragraph whose whole text is the text of the one link inside it (a headline's link is not)."""
    links = el.findall(".//a")
    if len(links) != 1:
        return False
    own = " ".join("".join(el.itertext()).split())
    return bool(own) and own == " ".join("".join(links[0].itertext()).split())


def _own_text(el: etree._Element, out: list[str]) -> None:
    """The text of an element without its boxes of chrome (share rows, related stories, comments)."""
    tag = el.tag if isinstance(el.tag, str) else ""
    attrs = f"{el.get('id', '')} {el.get('class', '')} {el.get('role', '')}"
    if (
        tag in DROP
        or tag in BOX_TAGS
        or (not attrs.isspace() and CHROME_ATTR.search(attrs))
        or (tag in {"p", "div"} and _only_a_link(el))  # 'Download the signed letter (PDF)': a link, not text
    ):
        return
    if el.text:
        out.append(el.text)
    for child in el:
        _own_text(child, out)
        if child.tail:
            out.append(child.tail)


MARKED_SHARE = 0.25


def _main_text(text: str, url: str | None) -> str:
    import lxml.html
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            lxml.html.fromstring(text),  # trafilatura needs lxml.html's elements: a tree of its own
            url=url,
            favor_recall=True,
            fast=True,  # only the content region is needed: the fallbacks cost 25% of the time, no score
            include_comments=False,
            include_tables=True,
            with_metadata=False,
            deduplicate=False,
        )
    except Exception:  # noqa: BLE001 - trafilatura raises many kinds on odd pages; fall back to all lines
        return ""
    if result is None:
        return ""
    return getattr(result, "text", None) or ""


def _norm(t: str) -> str:
    return " ".join(t.split()).casefold()


def _mark_outside_main(lines: list[Line], main_text: str, headings: list[str]) -> None:
    """Lines before the first and after the last line of the main text are chrome."""
    main = {_norm(t) for t in main_text.splitlines() if t.strip()}
    main_flat = _norm(main_text)

    def in_main(ln: Line) -> bool:
        n = ln.text.casefold()  # rendered lines are already whitespace-collapsed
        return n in main or (len(n) > 30 and n[:60] in main_flat)

    from maktub.clean.lines import chrome_reason

    # A 'Last updated' or share row at the end of the main text does not stretch it.
    inside = [
        i
        for i, ln in enumerate(lines)
        if ln.text
        and (not ln.boilerplate or ln.reason == CLASS_CHROME)
        and in_main(ln)
        and not chrome_reason(ln.text)
    ]
    if not inside:
        return
    first, last = inside[0], inside[-1]
    for ln in lines[first : last + 1]:
        # A theme's class names are a weaker signal than the main text: Blogger wraps every
        # post in a 'widget', and a letter's short lines sit between its paragraphs.
        if ln.reason == CLASS_CHROME:
            ln.boilerplate, ln.reason = False, ""
    for h1 in headings:
        wanted = _norm(h1)
        heading = next((i for i, ln in enumerate(lines[:first]) if ln.text.casefold() == wanted), None)
        if heading is not None and first - heading <= 12:
            first = heading
    for i, ln in enumerate(lines):
        if ln.text and not ln.boilerplate and (i < first or i > last):
            ln.boilerplate, ln.reason = True, "outside the main text"
