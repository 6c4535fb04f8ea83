"""Dates as pages write them, in English and Urdu, to ISO."""

from __future__ import annotations

import pytest

from maktub.understand.dates import find_dates
from maktub.understand.letter import parse_letter


@pytest.mark.parametrize(
    "text,iso",
    [
        ("تاریخ: ۲۳ جنوری ۲۰۱۷ء", "2017-01-23"),  # Urdu writes ء after a year
        ("کراچی، ۱۴ مئی ۲۰۱۸ء", "2018-05-14"),
        ("Dated: 2012/11/03", "2012-11-03"),
        ("Date: 4th of August 2016", "2016-08-04"),
        ("15/10/2001", "2001-10-15"),
        ("December 28, 1998", "1998-12-28"),
    ],
)
def test_dates_are_found(text, iso):
    assert [d.iso for d in find_dates(text)] == [iso]


@pytest.mark.parametrize("text", ["Tel 0300-2001234", "in 20012 cases", "the 20000 people"])
def test_numbers_are_not_dates(text):
    assert find_dates(text) == []


def test_a_reference_line_with_a_date_label_dates_the_letter():
    lines = [
        "Ref. No. MLA/HNS/117/2016      Date: 4th of August 2016",
        "To,",
        "The Deputy Commissioner,",
        "Mysuru.",
        "Sir,",
        "The tanks are dry.",
        "Yours faithfully,",
        "K. R. Rao",
    ]
    assert parse_letter(lines).date == "2016-08-04"
