"""The web app as a person uses it, in Debian's Chromium: search, names, network, Urdu, PDFs, and page health."""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Error,
    Locator,
    Page,
    Request,
    Response,
    ViewportSize,
    expect,
)
from pypdf import PdfReader

from browser import browser, run_axe, serve
from conftest import ROOT, SEEDS
from maktub.archive import Archive
from maktub.archive.ingest import IngestOptions, ingest
from maktub.sample import generate_corpus

LETTER = "faffb17e001ff9ce"  # seeds: M. Khaliq Qureshi's letter to Altaf Hussain, 28 December 1998
LETTER_TITLE = "Letter to Altaf Hussain, chief MQM"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
WINDOW: ViewportSize = {"width": 1280, "height": 900}
URDU_LETTERS = re.compile(r"[\u0600-\u06ff]+")
# The pages every reader passes through, by the name their screenshot gets; "urdu" is on the sample archive.
MAIN_PAGES = {
    "home": "/",
    "search": "/search?q=MQM",
    "letter": f"/documents/{LETTER}",
    "urdu": None,
    "entity": "/entities/altaf-hussain",
    "place": "/entities/karachi",
    "network": "/network",
    "map": "/map",
    "timeline": "/timeline",
    "browse": "/browse/letters/1998",
    "entities": "/entities",
    "api": "/api",
    "sign-in": "/login",
    "urdu-interface": f"/documents/{LETTER}?ui=ur",  # last: its cookie keeps the interface in Urdu
}
# The drawings d3 adds after the page loads, waited for before a screenshot or axe looks at the page.
DRAWINGS = {"network": "#network svg circle", "map": "#map svg circle", "place": "#place-map svg circle"}


def build_archive(path: Path, pages: Path) -> Path:
    """An archive at `path` of every page under `pages`, ingested in this process."""
    with Archive.open(path) as archive:
        ingest([str(pages)], archive, IngestOptions(workers=0))
    return path


@pytest.fixture(scope="module")
def seeds_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = build_archive(tmp_path_factory.mktemp("browser") / "seeds.db", SEEDS)
    with serve(path) as url:
        yield url


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("browser-sample")
    generate_corpus(folder / "pages", 40, seed=7)
    with serve(build_archive(folder / "maktub.db", folder / "pages")) as url:
        yield url


@pytest.fixture(scope="module")
def urdu_document(sample_url: str) -> str:
    """The URL of the first Urdu document the sample archive's JSON API finds."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(f"{sample_url}/api/search?q=lang%3Aur") as response:
        results = json.load(response)["results"]
    assert results, "the sample corpus has no Urdu document"
    return f"{sample_url}/documents/{results[0]['id']}"


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with browser() as launched:
        yield launched


@pytest.fixture
def page(chromium: Browser) -> Iterator[Page]:
    """A fresh tab in its own context: no cookies or cache from another test."""
    context = chromium.new_context()
    try:
        yield context.new_page()
    finally:
        context.close()


@dataclass
class Recorder:
    """What a tab asks for and what goes wrong in it: uncaught exceptions, console errors, failed responses."""

    requests: list[str] = field(default_factory=list)
    answered: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> Recorder:
        """Start recording `page`."""
        page.on("request", self._request)
        page.on("response", self._response)
        page.on("console", self._console)
        page.on("pageerror", self._uncaught)
        return self

    def clear(self) -> None:
        """Forget what was recorded, before the next page."""
        for kept in (self.requests, self.answered, self.errors):
            kept.clear()

    def _request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status} {response.url}")
        else:
            self.answered.append(response.url)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text} ({message.location['url']})")

    def _uncaught(self, error: Error) -> None:
        self.errors.append(f"uncaught {error}")


@dataclass
class Visit:
    """What one page did while it loaded: where it asked, what went wrong, what axe found."""

    url: str
    requests: list[str]
    errors: list[str]
    violations: list[dict[str, Any]]
    screenshot: Path


@pytest.fixture(scope="module")
def tour(chromium: Browser, seeds_url: str, urdu_document: str) -> dict[str, Visit]:
    """Each main page opened once, as a reader would, with its requests, errors, axe findings and a screenshot."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = chromium.new_context(viewport=WINDOW)
    tab = context.new_page()
    recorded = Recorder().attach(tab)
    visits: dict[str, Visit] = {}
    try:
        for name, path in MAIN_PAGES.items():
            url = urdu_document if path is None else seeds_url + path
            recorded.clear()
            # "load", then the drawings' fetches and the fonts: what networkidle would wait for, without its idle 0.5 s
            tab.goto(url, wait_until="load")
            if name in DRAWINGS:
                tab.wait_for_selector(DRAWINGS[name])
            tab.evaluate("document.fonts.ready.then(() => undefined)")
            shot = SCREENSHOTS / f"{name}.png"
            tab.screenshot(path=shot, full_page=True)
            visits[name] = Visit(url, list(recorded.requests), list(recorded.errors), run_axe(tab), shot)
    finally:
        context.close()
    return visits


def card_entry(page: Page, label: str) -> Locator:
    """The value beside `label` in the document's "About this document" card."""
    card = page.get_by_role("complementary", name="About this document")
    return card.locator(f"xpath=.//dt[normalize-space()='{label}']/following-sibling::dd[1]")


def search_for(page: Page, query: str) -> None:
    """Type `query` into the header's search box and press Enter, as a reader does."""
    box = page.get_by_label("Search the archive")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\?"))


def test_searching_by_sender_finds_the_letter_with_its_parties(page: Page, seeds_url: str) -> None:
    page.goto(seeds_url + "/")
    search_for(page, 'from:"Khaliq Qureshi"')
    expect(page.get_by_role("heading", name="1 result", exact=True)).to_be_visible()
    page.get_by_role("link", name=LETTER_TITLE).click()
    expect(page).to_have_url(f"{seeds_url}/documents/{LETTER}")
    expect(page.get_by_role("heading", level=1)).to_have_text(LETTER_TITLE)
    expect(card_entry(page, "From").get_by_role("link")).to_have_text("M. Khaliq Qureshi")
    expect(card_entry(page, "Copy to")).to_contain_text("Mohammed Younus")
    # the sender's name in the text is a link set apart from the words around it: its type's colour, underlined
    mention = page.locator(".text").get_by_role("link", name="Mr. M. Khaliq Qureshi")
    expect(mention).to_have_attribute("href", "/entities/m-khaliq-qureshi")
    look = mention.evaluate(
        "a => ({link: getComputedStyle(a).color, text: getComputedStyle(a.parentElement).color,"
        " underline: getComputedStyle(a).borderBottomStyle})"
    )
    assert look["link"] != look["text"] and look["underline"] == "dotted", look


def test_a_name_in_the_letter_leads_to_the_letters_its_person_received(page: Page, seeds_url: str) -> None:
    page.goto(f"{seeds_url}/documents/{LETTER}")
    page.locator(".text").get_by_role("link", name="Mr. Altaf Hussain", exact=True).first.click()
    expect(page).to_have_url(seeds_url + "/entities/altaf-hussain")
    expect(page.get_by_role("heading", level=1)).to_have_text("Altaf Hussain")
    received = page.locator("section", has=page.get_by_role("heading", name=re.compile(r"^Letters received")))
    expect(received.get_by_role("link", name=LETTER_TITLE)).to_have_attribute("href", f"/documents/{LETTER}")


def drawn_network(page: Page) -> tuple[int, int]:
    """The nodes and lines d3 drew, checked against the counts the page states above the drawing."""
    page.wait_for_selector("#network svg circle")
    nodes = page.locator("#network svg circle").count()
    lines = page.locator("#network svg line").count()
    stated = re.search(r"(\d+) people and bodies, (\d+) links", page.locator("main").inner_text())
    assert stated and (nodes, lines) == (int(stated[1]), int(stated[2])), (nodes, lines, stated)
    return nodes, lines


def edge_rows(page: Page) -> list[list[str]]:
    """The network's table as a reader sees it: from, to, how."""
    rows: list[list[str]] = page.locator("table.edges tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].slice(0, 3).map(c => c.innerText.trim()))"
    )
    return rows


def test_network_draws_the_letters_and_narrows_to_one_person(page: Page, seeds_url: str) -> None:
    page.goto(seeds_url + "/network")
    nodes, lines = drawn_network(page)
    assert nodes >= 3 and lines >= 2
    assert ["M. Khaliq Qureshi", "Altaf Hussain", "wrote to"] in edge_rows(page)
    page.get_by_label("Entity").fill("altaf-hussain")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"/network\?.*entity=altaf-hussain"))
    narrowed, _ = drawn_network(page)
    assert 0 < narrowed <= nodes
    assert all("Altaf Hussain" in row[:2] for row in edge_rows(page)), edge_rows(page)


def test_urdu_reads_right_to_left_in_the_local_nastaliq_and_is_found_by_its_words(
    page: Page, urdu_document: str, sample_url: str
) -> None:
    recorded = Recorder().attach(page)
    page.goto(urdu_document)
    text = page.locator(".text")
    style = text.evaluate(
        "el => ({direction: getComputedStyle(el).direction, family: getComputedStyle(el).fontFamily})"
    )
    assert style["direction"] == "rtl"
    assert style["family"].replace('"', "").startswith("Noto Nastaliq Urdu"), style
    loaded = page.evaluate(
        """async () => { await document.fonts.ready; return {
             check: document.fonts.check('16px "Noto Nastaliq Urdu"', 'ک'),
             faces: [...document.fonts].filter(f => f.family.replace(/"/g, '') === 'Noto Nastaliq Urdu'
                                                    && f.status === 'loaded').length}; }"""
    )
    # check() alone is true for a family no @font-face names, so a loaded face must exist too
    assert loaded["check"] and loaded["faces"] >= 1, loaded
    fonts = [u for u in recorded.answered if u.endswith(".woff2")]
    assert any(u.startswith(sample_url) and "nastaliq" in u for u in fonts), fonts
    paragraphs = text.locator("p").evaluate_all("ps => ps.map(p => [p.getAttribute('dir'), p.innerText])")
    assert paragraphs and all(d in ("rtl", "ltr") for d, _ in paragraphs), paragraphs
    english = [
        d for d, words in paragraphs if re.search("[A-Za-z]", words) and not URDU_LETTERS.search(words)
    ]
    assert english.count("ltr") == len(english), paragraphs
    # the English card beside the Urdu text stays left to right
    card = page.get_by_role("complementary", name="About this document")
    assert card.evaluate("el => getComputedStyle(el).direction") == "ltr"

    word = max(URDU_LETTERS.findall(text.inner_text()), key=len)
    search_for(page, word)
    expect(page.get_by_role("heading", name=re.compile(r"^\d+ results?$"))).to_be_visible()
    expect(page.locator(f'ol.hits a[href="{urdu_document.removeprefix(sample_url)}"]')).to_be_visible()


def downloaded_pdf(page: Page, url: str, tmp_path: Path) -> PdfReader:
    """Open `url`, click its PDF link, and read the file the browser saved."""
    page.goto(url)
    with page.expect_download() as caught:
        page.get_by_role("link", name="PDF", exact=True).click()
    saved = tmp_path / caught.value.suggested_filename
    caught.value.save_as(saved)
    return PdfReader(saved)


def embedded_fonts(pdf: PdfReader) -> set[str]:
    """The fonts whose glyphs the PDF carries, by name without subset prefix or hyphens: "NotoNastaliqUrdu"."""
    names = set()
    for pdf_page in pdf.pages:
        resources: Any = pdf_page["/Resources"]  # pypdf's dictionaries are typed as any PDF object
        fonts = resources.get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor")
            if descriptor and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                names.add(str(font["/BaseFont"]).split("+")[-1].replace("-", ""))
    return names


def test_pdf_downloads_of_the_letter_and_an_urdu_document(
    page: Page, seeds_url: str, urdu_document: str, tmp_path: Path
) -> None:
    letter = downloaded_pdf(page, f"{seeds_url}/documents/{LETTER}", tmp_path)
    words = " ".join(" ".join(p.extract_text() for p in letter.pages).split())
    assert LETTER_TITLE in words and "Assalamo" in words
    assert letter.metadata and letter.metadata.title == LETTER_TITLE
    # Nastaliq's ligatures come back jumbled from text extraction, so the font is checked, not the words
    urdu = downloaded_pdf(page, urdu_document, tmp_path)
    assert "NotoNastaliqUrdu" in embedded_fonts(urdu), embedded_fonts(urdu)


def test_no_serious_accessibility_violations(tour: dict[str, Visit]) -> None:
    found = {v.url: v.violations for v in tour.values() if v.violations}
    assert not found, json.dumps(found, indent=1)


def test_pages_ask_nothing_of_any_other_server(
    tour: dict[str, Visit], seeds_url: str, sample_url: str
) -> None:
    outside = {
        v.url: [r for r in v.requests if not r.startswith((seeds_url + "/", sample_url + "/", "data:"))]
        for v in tour.values()
    }
    assert all(v.requests for v in tour.values())
    assert not any(outside.values()), {u: r for u, r in outside.items() if r}


def test_pages_load_without_script_errors_or_missing_files(tour: dict[str, Visit]) -> None:
    errors = {v.url: v.errors for v in tour.values() if v.errors}
    assert not errors, json.dumps(errors, indent=1)


def test_reading_without_javascript(chromium: Browser, seeds_url: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(seeds_url + "/")
        search_for(page, "Khaliq")
        page.get_by_role("link", name=LETTER_TITLE).click()
        expect(page.locator(".text")).to_contain_text("Assalamo - Alaikum")
        expect(card_entry(page, "Copy to")).to_contain_text("Mohammed Younus")
        # the script that would show the print button never ran
        expect(page.locator(".print-button")).to_be_hidden()
    finally:
        context.close()


def test_screenshots_of_the_main_pages(tour: dict[str, Visit], capsys: pytest.CaptureFixture[str]) -> None:
    for visit in tour.values():
        head = visit.screenshot.read_bytes()[:24]
        assert head.startswith(b"\x89PNG"), visit.screenshot
        # a full-page shot is as wide as the page: wider than the window means something spills sideways
        width = int.from_bytes(head[16:20], "big")
        assert width == WINDOW["width"], f"{visit.url} is {width} px wide in a {WINDOW['width']} px window"
    with capsys.disabled():
        print(f"\nscreenshots of {len(tour)} pages: {SCREENSHOTS}")
