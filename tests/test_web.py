"""The web app as a reader meets it, page by page, on an archive of the seed pages and one of the sample corpus."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from conftest import POSTGRES, SEEDS, fresh_postgres
from maktub.archive import Archive
from maktub.archive.ingest import IngestOptions, ingest
from maktub.sample import generate_corpus
from maktub.web import accounts
from maktub.web.app import create_app

LETTER = "faffb17e001ff9ce"  # seeds: M. Khaliq Qureshi's letter to Altaf Hussain, 28 December 1998
ARTICLE = "c9188c07bf2c1727"  # seeds: "MQM Caught Spying on Pakistan", with a transcribed letter inside
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def seeds_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "seeds.db"
    with Archive.open(path) as archive:
        ingest([str(SEEDS)], archive, IngestOptions(workers=0))
    return path


@pytest.fixture(scope="module")
def client(seeds_archive: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(seeds_archive))) as c:
        yield c


@pytest.fixture(scope="module")
def sample_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("sample")
    generate_corpus(folder / "pages", 40, seed=7)
    with Archive.open(folder / "maktub.db") as archive:
        ingest([str(folder / "pages")], archive, IngestOptions(workers=0))
    with TestClient(create_app(str(folder / "maktub.db"))) as c:
        yield c


def text_of(html: str) -> str:
    """The visible words of a page, tags dropped and spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_home_shows_counts_recent_documents_and_the_most_named(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    words = text_of(page.text)
    assert "22 documents from 3 pages" in words
    assert re.search(r"\b\d+ statements\b", words)
    assert 'href="/entities/altaf-hussain"' in page.text
    assert f'href="/documents/{LETTER}"' in page.text


def test_browse_by_kind_and_year_with_breadcrumbs(client: TestClient) -> None:
    kinds = client.get("/browse/letters")
    assert 'href="/browse/letters/1998"' in kinds.text
    shelf = client.get("/browse/letters/1998")
    assert shelf.status_code == 200
    assert "Letter to Altaf Hussain, chief MQM" in shelf.text
    crumbs = re.search(r'<nav class="crumbs".*?</nav>', shelf.text, re.S)
    assert crumbs and text_of(crumbs.group()) == "Home Browse Letters 1998"
    assert client.get("/browse/letters/19x8").status_code == 404
    assert client.get("/browse/poems").status_code == 404


def test_search_page_with_facets_snippets_and_a_clear_error(client: TestClient) -> None:
    page = client.get("/search", params={"q": 'from:"Khaliq Qureshi"'})
    assert page.status_code == 200
    assert f'href="/documents/{LETTER}"' in page.text
    assert "1 result" in text_of(page.text)
    found = client.get("/search", params={"q": "terrorism"})
    assert "<mark>" in found.text
    # each facet is a link that narrows the query
    assert "kind%3Astatement" in found.text
    bad = client.get("/search", params={"q": '"not closed'})
    assert bad.status_code == 400
    assert "a phrase is not closed" in bad.text


def test_document_page_shows_the_letter_its_parties_and_provenance(client: TestClient) -> None:
    page = client.get(f"/documents/{LETTER}")
    assert page.status_code == 200
    card = re.search(r'<aside class="card".*?</aside>', page.text, re.S)
    assert card
    card_text = text_of(card.group())
    assert "From M. Khaliq Qureshi" in card_text
    assert "To Altaf Hussain , Chief, Muttahida Qaumi Movement" in card_text
    assert "Copy to Mohammed Younus" in card_text
    assert "1998-12-28" in card_text
    # names in the text link to their entities
    mention = r'<a href="/entities/altaf-hussain" class="mention mention-person"[^>]*>Mr\. Altaf Hussain</a>'
    assert re.search(mention, page.text)
    # the removed chrome is there on demand, closed
    assert '<details id="boilerplate">' in page.text and "Last Updated: Monday, 23 January 2017" in page.text
    assert "seeds/000_9b4ded9706406cb4.txt" in page.text
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page.text, re.S).group(1)
    )
    assert data["@type"] == "Message"
    assert data["sender"]["name"] == "M. Khaliq Qureshi"
    assert data["dateSent"] == "1998-12-28"
    mailto = re.search(r'href="(mailto:[^"]+)"', page.text).group(1)
    assert "Letter%20to%20Altaf%20Hussain" in mailto and LETTER in mailto


def test_document_page_shows_children_and_claims_with_who_makes_them(client: TestClient) -> None:
    page = client.get(f"/documents/{ARTICLE}")
    words = text_of(page.text)
    assert "Transcript of MQM-Altaf letter to British Prime Minister" in words
    claims = re.search(r'<section aria-labelledby="claims">.*?</section>', page.text, re.S)
    assert claims
    claim_words = text_of(claims.group())
    assert "Claimed by: a report published in the press" in claim_words
    assert "none is established fact" in claim_words


def test_listing_shows_its_media_and_children(client: TestClient, seeds_archive: Path) -> None:
    with Archive.open(seeds_archive) as archive:
        listing = archive.db.value("SELECT id FROM documents WHERE kind = 'listing'")
    page = client.get(f"/documents/{listing}")
    words = text_of(page.text)
    assert "Urdu Version" in words and "Audio Report (Urdu)" in words
    assert "Altaf Hussain condemns terrorist attacks upon USA" in words


def test_entity_page_lists_letters_names_and_companions(client: TestClient) -> None:
    page = client.get("/entities/altaf-hussain")
    assert page.status_code == 200
    words = text_of(page.text)
    assert "Person · named in" in words
    received = re.search(r"Letters received.*?</section>", page.text, re.S)
    assert received and f"/documents/{LETTER}" in received.group()
    assert "Mr Altaf Hussain" in words  # an alias
    related = re.search(r'<section aria-labelledby="related">.*?</section>', page.text, re.S)
    assert related and "Muttahida Qaumi Movement" in related.group()
    assert "<svg" in page.text  # mentions over time, drawn on the server
    assert client.get("/entities/nobody-at-all").status_code == 404


def test_place_page_shows_country_and_population(client: TestClient) -> None:
    words = text_of(client.get("/entities/karachi").text)
    assert "Country PK" in words
    assert re.search(r"Population \d{1,3}(,\d{3})+", words)


def test_network_links_sender_to_recipient_and_copies(client: TestClient) -> None:
    graph = client.get("/api/relations").json()
    edges = {(e["source"], e["target"], e["kind"]) for e in graph["edges"]}
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    named = {(names[s], names[t], k) for s, t, k in edges}
    assert ("M. Khaliq Qureshi", "Altaf Hussain", "letter") in named
    assert ("M. Khaliq Qureshi", "Mohammed Younus", "cc") in named
    page = client.get("/network", params={"since": "1998", "until": "1998"})
    assert "wrote to" in page.text and "copied" in page.text
    later = client.get("/api/relations", params={"since": "1999"}).json()
    assert ("M. Khaliq Qureshi", "Altaf Hussain", "letter") not in {
        (n["name"], m["name"], e["kind"])
        for e in later["edges"]
        for n in later["nodes"]
        if n["id"] == e["source"]
        for m in later["nodes"]
        if m["id"] == e["target"]
    }


def test_timeline_and_map(client: TestClient) -> None:
    timeline = client.get("/timeline")
    assert 'id="y1998"' in timeline.text and 'id="y2001"' in timeline.text
    places = client.get("/api/places").json()
    karachi = next(p for p in places if p["slug"] == "karachi")
    assert karachi["country"] == "PK" and 24 < karachi["latitude"] < 26
    assert "/entities/karachi" in client.get("/map").text


def test_atom_feeds_for_the_archive_a_kind_an_entity_and_a_search(client: TestClient) -> None:
    def entries(url: str, **params: str) -> list[str]:
        response = client.get(url, params=params)
        assert response.headers["content-type"].startswith("application/atom+xml")
        feed = ET.fromstring(response.content)
        assert feed.find(f"{ATOM}updated") is not None and feed.find(f"{ATOM}author") is not None
        return [e.find(f"{ATOM}id").text.rsplit("/", 1)[1] for e in feed.findall(f"{ATOM}entry")]

    assert len(entries("/feed")) == 22
    assert entries("/feed/letters") and all(
        client.get(f"/api/documents/{i}").json()["kind"] == "letter" for i in entries("/feed/letters")
    )
    assert LETTER in entries("/feed/entities/mohammed-younus")
    assert entries("/feed", q="Khaliq") == [LETTER]


def test_json_api_is_described_by_openapi(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/documents/{doc_id}", "/api/entities/{slug}", "/api/search", "/api/relations"):
        assert path in spec["paths"]
    assert not any(p.startswith("/documents") for p in spec["paths"])  # pages are not API
    record = client.get(f"/api/documents/{LETTER}").json()
    assert record["cc"][0]["name"] == "Mohammed Younus"
    results = client.get("/api/search", params={"q": "kind:letter", "sort": "date"}).json()
    assert results["total"] == 2 and results["results"][0]["kind"] == "letter"
    error = client.get("/api/search", params={"q": "colour:red"})
    assert error.status_code == 400 and "unknown field colour:" in error.json()["error"]
    assert client.get("/api/documents/nope").status_code == 404
    entity = client.get("/api/entities/altaf-hussain").json()
    assert entity["letters_received"]["total"] >= 1 and "Mr Altaf Hussain" in entity["aliases"]


def test_pdf_holds_the_letters_text(client: TestClient) -> None:
    response = client.get(f"/documents/{LETTER}/pdf")
    assert response.headers["content-type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Letter to Altaf Hussain, chief MQM" in text
    assert "Assalamo - Alaikum" in " ".join(text.split())


def test_pages_load_nothing_from_outside_and_send_a_content_policy(client: TestClient) -> None:
    for url in ("/", f"/documents/{LETTER}", "/entities/karachi", "/network", "/map", "/search?q=MQM"):
        page = client.get(url)
        assert "default-src 'self'" in page.headers["content-security-policy"]
        loaded = re.findall(
            r'<(?:script|img)[^>]+src="([^"]+)"|<link rel="stylesheet" href="([^"]+)"', page.text
        )
        loaded = [a or b for a, b in loaded]
        assert loaded and all(not re.match(r"(https?:)?//", u) for u in loaded), url


def test_reading_a_document_counts_towards_most_viewed(seeds_archive: Path) -> None:
    app = create_app(str(seeds_archive))
    with TestClient(app) as c:
        for _ in range(3):
            c.get(f"/documents/{ARTICLE}")
    # the counts are written when the app stops, at the latest
    with TestClient(create_app(str(seeds_archive))) as c:
        viewed = re.search(r'<section aria-labelledby="viewed">.*?</section>', c.get("/").text, re.S)
    assert viewed and f"/documents/{ARTICLE}" in viewed.group() and "3 views" in viewed.group()


def test_urdu_documents_read_right_to_left_in_nastaliq(sample_client: TestClient) -> None:
    results = sample_client.get("/api/search", params={"q": "lang:ur", "per_page": 5}).json()
    assert results["total"] > 0
    page = sample_client.get(f"/documents/{results['results'][0]['id']}")
    assert re.search(r'<div class="text urdu" lang="ur" dir="rtl">', page.text)
    assert re.search(r'<p dir="rtl">', page.text)
    urdu_word = re.search(r"[\u0600-\u06ff]{3,}", page.text.split('<div class="text urdu"')[1]).group()
    found = sample_client.get("/search", params={"q": urdu_word})
    assert results["results"][0]["id"] in found.text or "result" in text_of(found.text)


def test_name_years_follow_ingest_and_revisions(tmp_path: Path) -> None:
    """Each name's documents by year, kept up at ingest, equal a count over the current documents."""
    pages = tmp_path / "pages"
    generate_corpus(pages, 12, seed=3)
    path = tmp_path / "a.db"
    with Archive.open(path) as archive:
        ingest([str(pages)], archive, IngestOptions(workers=0))
        first = sorted(p for p in pages.rglob("*") if p.is_file())[0]
        first.write_text(first.read_text(encoding="utf-8").replace("the", "a", 3), encoding="utf-8")
        ingest([str(pages)], archive, IngestOptions(workers=0))
        kept = archive.db.rows(
            "SELECT name_id, year, documents FROM name_years WHERE documents > 0 ORDER BY 1, 2"
        )
        counted = archive.db.rows(
            "SELECT dn.name_id, coalesce(d.year, 0), count(*) FROM doc_names dn JOIN documents d "
            "ON d.seq = dn.document_seq WHERE d.current = 1 GROUP BY 1, 2 ORDER BY 1, 2"
        )
        assert archive.db.value("SELECT count(*) FROM documents WHERE current = 0") > 0
    assert kept == counted and kept


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def sign_in(c: TestClient, name: str, password: str, next_page: str = "/") -> object:
    form = c.get("/login", params={"next": next_page})
    return c.post(
        "/login",
        data={"name": name, "password": password, "csrf": csrf_of(form.text), "next": next_page},
        follow_redirects=False,
    )


def test_signed_in_people_leave_notes_that_the_home_page_shows(seeds_archive: Path) -> None:
    with Archive.open(seeds_archive) as archive:
        accounts.add_user(archive, "amina", "a long enough password")
        accounts.add_user(archive, "bilal", "another long password")
        accounts.add_user(archive, "chief", "the admin's own password", role="admin")
    with TestClient(create_app(str(seeds_archive))) as c:
        assert "Sign in</a> to add a note" in c.get(f"/documents/{LETTER}").text
        wrong = sign_in(c, "amina", "not the password")
        assert wrong.status_code == 401 and "Wrong name or password." in wrong.text
        done = sign_in(c, "amina", "a long enough password", f"/documents/{LETTER}")
        assert done.status_code == 303 and done.headers["location"] == f"/documents/{LETTER}"
        cookie = next(h for h in done.headers.get_list("set-cookie") if h.startswith("maktub_session="))
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie
        page = c.get(f"/documents/{LETTER}")
        token = csrf_of(page.text)
        forged = c.post(
            f"/documents/{LETTER}/notes", data={"text": "forged", "csrf": "guess"}, follow_redirects=False
        )
        assert forged.status_code == 403
        saved = c.post(
            f"/documents/{LETTER}/notes",
            data={"text": "Compare with the 1999 reply.", "csrf": token},
            follow_redirects=False,
        )
        assert saved.status_code == 303
        note_id = int(saved.headers["location"].rsplit("note-", 1)[1])
        assert "Compare with the 1999 reply." in c.get(f"/documents/{LETTER}").text
        home = c.get("/").text
        assert "Recent notes" in home and "Compare with the 1999 reply." in home and "amina" in home
        c.post("/logout", data={"csrf": token}, follow_redirects=False)
        assert "Sign in</a> to add a note" in c.get(f"/documents/{LETTER}").text
        # someone else may not delete it; an admin may
        sign_in(c, "bilal", "another long password")
        other = csrf_of(c.get(f"/documents/{LETTER}").text)
        refused = c.post(f"/notes/{note_id}/delete", data={"csrf": other}, follow_redirects=False)
        assert refused.status_code == 403
        c.cookies.clear()
        sign_in(c, "chief", "the admin's own password")
        admin = csrf_of(c.get(f"/documents/{LETTER}").text)
        deleted = c.post(
            f"/notes/{note_id}/delete", data={"csrf": admin, "document": LETTER}, follow_redirects=False
        )
        assert deleted.status_code == 303
        assert "Compare with the 1999 reply." not in c.get(f"/documents/{LETTER}").text


def test_sign_in_is_limited_and_guarded(seeds_archive: Path) -> None:
    with Archive.open(seeds_archive) as archive:
        accounts.add_user(archive, "dana", "dana's own password")
    with TestClient(create_app(str(seeds_archive))) as c:
        no_token = c.post(
            "/login", data={"name": "dana", "password": "dana's own password"}, follow_redirects=False
        )
        assert no_token.status_code == 403
        elsewhere = sign_in(c, "dana", "dana's own password", "//elsewhere.example/")
        assert elsewhere.headers["location"] == "/"
        c.cookies.clear()
        for _ in range(5):
            assert sign_in(c, "dana", "wrong guess").status_code == 401
        locked = sign_in(c, "dana", "dana's own password")
        assert locked.status_code == 429 and int(locked.headers["retry-after"]) > 0
        assert "Too many failed sign-ins" in locked.text


@pytest.fixture(scope="module")
def postgres_client() -> Iterator[TestClient]:
    if not POSTGRES:
        pytest.skip("no PostgreSQL for this run (scripts/test.sh starts one: MAKTUB_TEST_POSTGRES)")
    url = fresh_postgres()
    with Archive.open(url) as archive:
        ingest([str(SEEDS)], archive, IngestOptions(workers=0))
    with TestClient(create_app(url)) as c:
        yield c


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/", "22 documents from 3 pages"),
        ("/browse/letters/1998", "Letter to Altaf Hussain, chief MQM"),
        ("/search?q=from%3A%22Khaliq+Qureshi%22", "1 result"),
        ("/search?q=kind%3Aletter&sort=date", "2 results"),
        (f"/documents/{LETTER}", "Copy to Mohammed Younus"),
        (f"/documents/{ARTICLE}", "Claimed by: a report published in the press"),
        ("/entities/altaf-hussain", "Letters received"),
        ("/entities?type=place", "Karachi"),
        ("/network", "wrote to"),
        ("/timeline", "2001"),
        ("/map", "Karachi"),
    ],
)
def test_the_same_pages_on_postgresql(
    postgres_client: TestClient, client: TestClient, path: str, expected: str
) -> None:
    for c in (client, postgres_client):
        page = c.get(path)
        assert page.status_code == 200, page.text[:500]
        assert expected in text_of(page.text)
    if path == "/":
        return  # the home page's most read and notes follow what other tests did on each archive
    # the same documents linked, in the same number
    links = [
        re.findall(r'href="/documents/([0-9a-f]+)"', c.get(path).text) for c in (client, postgres_client)
    ]
    assert sorted(links[0]) == sorted(links[1])


def test_a_translation_in_the_archive_is_shown_side_by_side(tmp_path: Path) -> None:
    """An English statement linking to its Urdu version, both in one crawl: the two texts side by side."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    english = (
        "<html><head><title>Flood relief for Thatta - Saima Lakhiar</title></head><body><main><article>"
        "<h1>Flood relief for Thatta - Saima Lakhiar</h1><p>Karachi, 4 August 2010</p>"
        "<p>The Sindh Relief Committee asked every volunteer to reach Thatta before the water rises again. "
        "Saima Lakhiar said that food and tents had been sent from Karachi and Hyderabad.</p>"
        "<p>She thanked the doctors who stayed in the camps for a second week.</p>"
        '<p><a href="/statements/flood-relief-thatta/urdu.html">Urdu Version</a></p></article></main></body></html>'
    )
    urdu = (
        "<html lang='ur'><head><title>ٹھٹھہ کے لیے سیلاب امداد</title></head><body><main><article>"
        "<h1>ٹھٹھہ کے لیے سیلاب امداد</h1>"
        "<p>سندھ ریلیف کمیٹی نے تمام رضاکاروں سے کہا کہ پانی دوبارہ بڑھنے سے پہلے ٹھٹھہ پہنچیں۔ "
        "صائمہ لاکھیر نے کہا کہ کراچی اور حیدرآباد سے خوراک اور خیمے بھیجے گئے ہیں۔</p>"
        "<p>انہوں نے ان ڈاکٹروں کا شکریہ ادا کیا جو دوسرے ہفتے بھی کیمپوں میں رہے۔</p></article></main></body></html>"
    )
    crawl = tmp_path / "crawl.warc.gz"
    with crawl.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, body in (
            ("https://relief.example.org/statements/flood-relief-thatta.html", english),
            ("https://relief.example.org/statements/flood-relief-thatta/urdu.html", urdu),
        ):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body.encode()), http_headers=headers
                )
            )
    path = tmp_path / "a.db"
    with Archive.open(path) as archive:
        ingest([str(crawl)], archive, IngestOptions(workers=0))
        doc_id = archive.db.value("SELECT id FROM documents WHERE language = 'en' ORDER BY seq LIMIT 1")
        urdu_id = archive.db.value("SELECT id FROM documents WHERE language = 'ur' ORDER BY seq LIMIT 1")
    with TestClient(create_app(str(path))) as c:
        page = c.get(f"/documents/{doc_id}").text
    side = re.search(r'<div class="side-by-side">.*?</div>\s*</section>\s*</div>', page, re.S)
    assert side, "no side-by-side view"
    assert "Saima Lakhiar said that food and tents" in text_of(side.group())
    assert "صائمہ لاکھیر نے کہا" in text_of(side.group()) and f'href="/documents/{urdu_id}"' in side.group()
    assert 'href="https://relief.example.org/statements/flood-relief-thatta/urdu.html"' in page


def test_an_entitys_timeline_lists_its_documents_by_year(client: TestClient) -> None:
    page = client.get("/timeline", params={"entity": "mohammed-younus"})
    assert page.status_code == 200
    assert re.search(r'<h1>Timeline: <a href="/entities/mohammed-younus"[^>]*>Mohammed Younus</a></h1>', page.text)
    year = re.search(r'<li id="y1998">.*?</li>\s*</ul>', page.text, re.S)
    assert year and f"/documents/{LETTER}" in year.group()
    assert 'id="y2001"' not in page.text  # he is named in 1998 only
    assert client.get("/timeline", params={"entity": "nobody-at-all"}).status_code == 404


def test_a_revised_letter_counts_once_on_its_peoples_pages(tmp_path: Path) -> None:
    """The page of a letter changed since it was stored: the entity pages count and list the new one only."""
    page = tmp_path / "pages" / "letter.txt"
    page.parent.mkdir()
    original = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    page.write_text(original, encoding="utf-8")
    path = tmp_path / "a.db"
    with Archive.open(path) as archive:
        ingest([str(page.parent)], archive, IngestOptions(workers=0))
        page.write_text(original.replace("Recently, I attended", "Last month, I attended"), encoding="utf-8")
        ingest([str(page.parent)], archive, IngestOptions(workers=0))
        assert archive.db.value("SELECT count(*) FROM documents WHERE kind = 'letter'") == 2
        current = archive.db.value("SELECT id FROM documents WHERE kind = 'letter' AND current = 1")
    with TestClient(create_app(str(path))) as c:
        entity = c.get("/api/entities/altaf-hussain").json()
        received = entity["letters_received"]
        assert received["total"] == 1 and [d["id"] for d in received["newest"]] == [current]
        assert entity["letters_sent"]["total"] == 0
        assert c.get("/api/entities/m-khaliq-qureshi").json()["letters_sent"]["total"] == 1


def test_the_api_page_describes_each_endpoint_without_outside_scripts(client: TestClient) -> None:
    page = client.get("/api")
    assert page.status_code == 200
    for path in ("GET /api/documents/{doc_id}", "GET /api/search", "GET /api/relations"):
        assert path in text_of(page.text)
    assert "sort" in text_of(page.text)  # the search's parameters
    assert client.get("/api/docs").status_code == 404  # Swagger UI would load its scripts from a CDN


def test_the_interface_reads_in_urdu_when_asked(client: TestClient) -> None:
    """?ui=ur turns the interface to Urdu, right to left, and a cookie keeps it; documents keep their own language."""
    client.cookies.clear()
    page = client.get("/", params={"ui": "ur"})
    assert '<html lang="ur" dir="rtl"' in page.text
    assert "ذخیرہ" in page.text and "حال ہی میں شامل" in page.text  # Browse, Recently added
    assert "maktub_ui=ur" in page.headers["set-cookie"]
    letter = client.get(f"/documents/{LETTER}").text  # the cookie, no parameter
    assert '<html lang="ur" dir="rtl"' in letter and "<dt>بنام</dt>" in letter  # To
    assert '<div class="text" lang="en" dir="ltr">' in letter  # the letter itself stays English
    english = client.get("/", params={"ui": "en"})
    assert '<html lang="en" dir="ltr"' in english.text and "Recently added" in english.text
    client.cookies.clear()
    asked = client.get("/", headers={"Accept-Language": "ur-PK,ur;q=0.9,en;q=0.5"})
    assert '<html lang="ur" dir="rtl"' in asked.text
    assert '<html lang="en" dir="ltr"' in client.get("/").text
