"""Build tests/corpus/warc/crawl.warc.gz and warc/expected.json from the pages in warc/pages/.

    .venv/bin/python tests/corpus/make_warc.py

The WARC holds one warcinfo record, one request record and one HTTP response record per
page below. Record ids and dates are fixed, so running it twice gives the same records.
Two pages declare their charset only in the HTTP Content-Type header (no <meta charset>),
as crawled pages often do: a reader must take the charset from the HTTP headers.
All pages are fictional, written for maktub's tests.
"""

from __future__ import annotations

import json
import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent / "warc"
PAGES = HERE / "pages"

# (file under pages/, target URI, charset sent in the HTTP header, WARC-Date, expected record)
RECORDS: list[tuple[str, str, str, str, dict]] = [
    (
        "aif-statement-flood-anniversary.html",
        "https://example-party.org/statements/2012/flood-anniversary",
        "utf-8",
        "2013-10-07T09:12:04Z",
        {
            "kind": "statement",
            "title": "Flood victims still waiting, says AIF",
            "date": "2012-09-05",
            "language": "en",
            "authors": ["Farhat Rizvi"],
            "note": "'Monday, 7 October 2013' in the header is the crawl day.",
        },
    ),
    (
        "aif-urdu-judicial-commission.html",
        "https://example-party.org/urdu/statements/2012/judicial-commission",
        "utf-8",
        "2013-10-07T09:12:09Z",
        {
            "kind": "statement",
            "title": "کراچی آپریشن پر جوڈیشل کمیشن بنایا جائے – ہارون صدیقی",
            "date": "2012-12-27",
            "language": "ur",
            "authors": ["ہارون صدیقی"],
        },
    ),
    (
        "aif-news-listing-2012.html",
        "https://example-party.org/news/2012/",
        "utf-8",
        "2013-10-07T09:12:15Z",
        {
            "kind": "listing",
            "title": "News 2012",
            "date": None,
            "language": "en",
            "note": "Four dated items; two are statements by the speaker named after '--'.",
        },
    ),
    (
        "sta-strike-success.html",
        "https://sta.example.org.pk/press/2011/strike-success",
        "windows-1252",
        "2013-10-08T14:40:51Z",
        {
            "kind": "statement",
            "title": "Traders have given their verdict on the sales tax – Nadeem Baig",
            "date": "2011-08-04",
            "language": "en",
            "authors": ["Nadeem Baig"],
            "note": "No <meta charset>: the body is windows-1252 and only the HTTP header says so.",
        },
    ),
    (
        "courier-hydrants-article.html",
        "https://induscourier.example.com/2010/03/15/orangi-hydrants/",
        "utf-8",
        "2013-10-08T15:02:33Z",
        {
            "kind": "article",
            "title": "Six years on, Orangi's hydrants still run day and night",
            "date": "2010-03-15",
            "language": "en",
            "authors": ["Rehana Soomro"],
            "note": "'Friday, March 26, 2010' in the header is the crawl day.",
        },
    ),
    (
        "kamran-letter-nazim.html",
        "https://kamranaftab.example.net/letters/2005/letter-to-city-nazim",
        "iso-8859-1",
        "2013-10-08T15:20:10Z",
        {
            "kind": "letter",
            "title": "Letter to the City Nazim on hydrants",
            "date": "2005-01-10",
            "language": "en",
            "sender": "Kamran Aftab",
            "recipients": ["Aslam Pervez Khan"],
            "cc": ["Nadeem Baig"],
            "note": "No <meta charset>: the body is ISO-8859-1 and only the HTTP header says so.",
        },
    ),
]

# The one request record: the crawler's GET for the listing page.
REQUEST_FOR = "https://example-party.org/news/2012/"


def record_id(name: str) -> str:
    """A fixed WARC-Record-ID derived from a name, so the file is the same on every run."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'maktub-test:' + name)}>"


def build() -> None:
    """Write crawl.warc.gz and expected.json beside the pages folder."""
    out = HERE / "crawl.warc.gz"
    with open(out, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        info = writer.create_warcinfo_record(
            "crawl.warc.gz",
            {
                "software": "maktub tests/corpus/make_warc.py (warcio)",
                "format": "WARC File Format 1.0",
                "description": "Fictional pages written for maktub's golden corpus.",
                "isPartOf": "maktub-test-crawl",
            },
        )
        info.rec_headers.replace_header("WARC-Record-ID", record_id("warcinfo"))
        info.rec_headers.replace_header("WARC-Date", "2013-10-07T09:12:00Z")
        writer.write_record(info)
        for name, uri, charset, when, _ in RECORDS:
            body = (PAGES / name).read_text(encoding="utf-8").encode(charset)
            if uri == REQUEST_FOR:
                host = uri.split("/")[2]
                path = "/" + uri.split("/", 3)[3]
                req_headers = StatusAndHeaders(
                    f"GET {path} HTTP/1.1",
                    [
                        ("Host", host),
                        ("User-Agent", "maktub-test-crawler/0.1"),
                        ("Accept", "text/html,application/xhtml+xml"),
                    ],
                    is_http_request=True,
                )
                req = writer.create_warc_record(
                    uri,
                    "request",
                    payload=BytesIO(b""),
                    http_headers=req_headers,
                    warc_headers_dict={
                        "WARC-Record-ID": record_id("request:" + uri),
                        "WARC-Date": when,
                    },
                )
                writer.write_record(req)
            http_headers = StatusAndHeaders(
                "200 OK",
                [
                    ("Content-Type", f"text/html; charset={charset}"),
                    ("Content-Length", str(len(body))),
                    ("Server", "Apache"),
                ],
                protocol="HTTP/1.1",
            )
            resp = writer.create_warc_record(
                uri,
                "response",
                payload=BytesIO(body),
                http_headers=http_headers,
                warc_headers_dict={"WARC-Record-ID": record_id(uri), "WARC-Date": when},
            )
            writer.write_record(resp)
    expected = {
        "about": (
            "What `maktub extract warc/crawl.warc.gz` should find: one document per HTTP response, "
            "its `source` the record's target URI. Fictional pages; see ../README.md."
        ),
        "records": {uri: exp for _, uri, _, _, exp in RECORDS},
    }
    (HERE / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {out} ({len(RECORDS)} responses, 1 request, 1 warcinfo) and expected.json")


if __name__ == "__main__":
    build()
