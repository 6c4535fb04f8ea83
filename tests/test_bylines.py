"""Who wrote an article: bylines as pages print them, and the agency of a wire story."""

from __future__ import annotations

from conftest import extract_page
from maktub.understand.article import find_byline


def test_a_byline_in_capitals_is_a_person():
    assert find_byline(["Ferry levy rejected", "By JUMA KAZUNGU"]) == (1, ["Juma Kazungu"])


def test_a_desk_in_capitals_is_no_one():
    assert find_byline(["Budget passed", "By POLITICAL REPORTER"]) is None


def test_a_wire_story_is_credited_to_its_agency(tmp_path):
    docs = extract_page(
        tmp_path,
        "Motorway talks in Islamabad\n\n"
        "ISLAMABAD, March 15 (APP): The provincial government on Saturday asked the federal government "
        "to share the cost of the proposed motorway, officials said after a meeting in the capital.\n\n"
        "The meeting agreed to set up a committee to report within a month, the officials said.\n",
    )
    assert docs[0]["kind"] == "article"
    assert docs[0]["authors"] == ["Associated Press of Pakistan"]
