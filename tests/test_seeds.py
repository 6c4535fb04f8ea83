"""The three seed pages: the fields a reader of each page would check first."""

from __future__ import annotations

from conftest import children, top


def test_every_line_follows_the_contract(seed_docs, validator):
    assert seed_docs
    for doc in seed_docs:
        errors = sorted(validator.iter_errors(doc), key=str)
        assert not errors, (doc["source"], [e.message for e in errors])


def test_ids_are_stable_and_unique(seed_docs):
    from conftest import SEEDS, extract_lines

    again, _ = extract_lines(*sorted(SEEDS.glob("*.txt")))
    assert [d["id"] for d in again] == [d["id"] for d in seed_docs]
    assert len({d["id"] for d in seed_docs}) == len(seed_docs)


def test_campaign_letter_is_parsed(seed_docs):
    letter = top(seed_docs, "000_")
    assert letter["kind"] == "letter"
    assert letter["title"] == "Letter to Altaf Hussain, chief MQM"
    assert letter["date"] == "1998-12-28"
    assert letter["updated"] == "2017-01-23"
    assert letter["sender"]["name"] == "M. Khaliq Qureshi"
    assert "Plano" in letter["sender"]["address"] and "75093" in letter["sender"]["address"]
    assert letter["sender"]["phone"].replace("-", "") == "9723805106"
    [recipient] = letter["recipients"]
    assert recipient["name"] == "Altaf Hussain"
    assert recipient["organization"] == "Muttahida Qaumi Movement"
    assert "London" in recipient["address"]
    [cc] = letter["cc"]
    assert cc["name"] == "Mohammed Younus" and "Organizer" in cc["role"]


def test_campaign_site_chrome_is_removed_and_kept_for_inspection(seed_docs):
    letter = top(seed_docs, "000_")
    text_lines = letter["text"].splitlines()
    for chrome in (
        "One Man Mission",
        "Mission Statement",
        "Muslim Population",
        "Flags of Muslim Countries",
    ):
        assert chrome not in text_lines
        assert chrome in letter["boilerplate"]
    assert any(line.startswith("You are here") for line in letter["boilerplate"])
    assert "Dear Mr. Altaf Hussain," in text_lines
    assert "Res. Tel : 972-380-5106." in text_lines


def test_letters_mentioned_become_references(seed_docs):
    letter = top(seed_docs, "000_")
    recipients = {r for ref in letter["references"] if ref["kind"] == "letter" for r in ref["recipients"]}
    assert {"Nawaz Sharif", "Benazir Bhutto"} <= recipients
    assert all(ref["sender"] == "M. Khaliq Qureshi" for ref in letter["references"])


def test_news_article_ignores_the_crawl_day_header(seed_docs):
    article = top(seed_docs, "002_")
    assert article["kind"] == "article"
    assert article["date"] is None  # 'Thursday, May 26, 2022' is the header of the day it was saved
    assert article["authors"] == ["Shahid Qureshi"]
    assert article["title"] == "MQM Caught Spying on Pakistan – Offer to UK PM"
    assert "11.5 C" in article["boilerplate"]
    assert "Most Popular" in article["boilerplate"]


def test_transcribed_letter_is_a_child_document(seed_docs):
    article = top(seed_docs, "002_")
    [letter] = [c for c in children(seed_docs, article) if c["kind"] == "letter"]
    assert "letter to British Prime Minister" in letter["title"]
    assert letter["date"] == "2001-09-23"
    assert letter["sender"]["name"] == "Altaf Hussain"
    assert letter["sender"]["role"].startswith("Founder")
    assert "494 Azizaabad" in letter["sender"]["address"]
    [blair] = letter["recipients"]
    assert blair["name"] == "Tony Blair" and "Prime Minister" in blair["role"]
    assert "10 Downing Street" in blair["address"]
    assert letter["text"].startswith("Altaf Hussain")
    assert "Dear Prime Minister" in letter["text"]


def test_claims_keep_who_makes_them(seed_docs):
    article = top(seed_docs, "002_")
    by = {c["attributed_to"]: c["text"] for c in article["claims"]}
    assert "spying devices" in by["a report published in the press"]
    assert "Paranoia" in by["a mental health expert"]
    assert "biggest blunder" in by["Altaf Hussain"]


def test_listing_items_statements_and_media(seed_docs):
    listing = top(seed_docs, "003_")
    assert listing["kind"] == "listing"
    items = children(seed_docs, listing)
    statements = [i for i in items if i["kind"] == "statement"]
    assert len(statements) >= 6
    assert all(s["authors"] == ["Altaf Hussain"] for s in statements)
    dated = {i["title"]: i["date"] for i in items if i["date"]}
    assert dated["Terrorism in the name of religion in Karachi"] == "2001-10-12"
    media = {(m["kind"], m["language"]) for m in listing["media"]}
    assert {("audio", "ur"), ("translation", "ur")} <= media
    assert {"video", "photos"} <= {k for k, _ in media}
    assert "Part 1 - Part 2 - Part 3 - Part 4 - Part 5" in listing["boilerplate"]


def test_letter_known_only_from_a_mention(seed_docs):
    listing = top(seed_docs, "003_")
    refs = [r for r in listing["references"] if r["kind"] == "letter"]
    assert any(r["sender"] == "Altaf Hussain" and r["recipients"] == ["George W. Bush"] for r in refs)


def test_short_forms_resolve_within_a_page(seed_docs):
    listing = top(seed_docs, "003_")
    [altaf] = [e for e in listing["entities"] if e["name"] == "Altaf Hussain"]
    assert "Mr Hussain" in altaf["aliases"] or "Hussain" in altaf["aliases"]
    letter = top(seed_docs, "000_")
    [mqm] = [
        e for e in letter["entities"] if e["type"] == "organization" and "MQM" in e["aliases"] + [e["name"]]
    ]
    assert any("Mutahida" in a for a in mqm["aliases"] + [mqm["name"]])
