"""A page's title: the headline, never a byline, a numbered label or a row at the page's foot."""

from __future__ import annotations

import pytest

from conftest import extract_page


@pytest.mark.parametrize("label", ["Handout No. 412", "ہینڈ آؤٹ نمبر ۴۱۲"])
def test_numbered_labels_are_not_titles(tmp_path, label):
    docs = extract_page(
        tmp_path,
        "Residents accuse the council of sitting on the road fund\n"
        f"{label}\n\n"
        "More than a hundred residents of the ward staged a sit-in at the council office on Friday, "
        "demanding that the money set aside for their road be spent before the monsoon.\n",
    )
    assert docs[0]["title"] == "Residents accuse the council of sitting on the road fund"


TRAIL_AT_THE_HEAD = (
    "لطیف آباد آن لائن\n"
    "آپ یہاں ہیں: صفحہ اول » بلدیاتی مسائل » خطوط\n"
    "یو سی کے چیئرمین کا خط: لطیف آباد میں سیوریج کا بحران\n\n"
    "لطیف آباد کے کئی محلوں میں سیوریج کا پانی گلیوں میں کھڑا ہے اور شہری شدید مشکلات کا شکار ہیں جبکہ "
    "متعلقہ ادارے کوئی کارروائی نہیں کر رہے۔\n\n"
    "اس خبر کو شیئر کریں: فیس بک | ٹوئٹر | واٹس ایپ\n"
    "متعلقہ خبریں\n"
    "قاسم آباد میں پانی کی قلت کے خلاف شہریوں کا احتجاج\n"
    "حیدرآباد: بلدیاتی نمائندوں کو فنڈز کی فراہمی کا مطالبہ\n"
    "جملہ حقوق محفوظ ہیں © ۲۰۱۷ لطیف آباد آن لائن\n"
)
HEADLINE_OVER_DECK = (
    "Daily Sada\n"
    "Home | National | Province | Business | Sports\n"
    "Opposition walks out over water crisis\n"
    "Groundwater in the valley falls three feet a year, assembly told in a report on the crisis\n"
    "Report: Nazir Ahmed\n\n"
    "The opposition walked out of the provincial assembly on Wednesday after the speaker refused "
    "to allow a debate on the water crisis in the city and its suburbs.\n"
)


@pytest.mark.parametrize(
    "text,title",
    [
        # the trail at the head, not a share row at the foot, leads to the title
        (TRAIL_AT_THE_HEAD, "یو سی کے چیئرمین کا خط: لطیف آباد میں سیوریج کا بحران"),
        # a headline over its longer deck
        (HEADLINE_OVER_DECK, "Opposition walks out over water crisis"),
    ],
    ids=["trail-at-the-head", "headline-over-deck"],
)
def test_the_title_is_the_headline(tmp_path, text, title):
    assert extract_page(tmp_path, text)[0]["title"] == title


def test_a_byline_is_not_a_title(tmp_path):
    docs = extract_page(
        tmp_path,
        "Written by Bishnu Prasad Adhikari\n\n"
        "KATHMANDU, Aug 19: More than a hundred residents of the ward staged a sit-in at the council office, "
        "demanding that the money set aside for their road be spent before the monsoon.\n",
    )
    assert docs[0]["title"] != "Written by Bishnu Prasad Adhikari"
    assert docs[0]["authors"] == ["Bishnu Prasad Adhikari"]


def test_a_reference_number_is_not_a_title(tmp_path):
    docs = extract_page(
        tmp_path,
        "Missing workers: the chairman writes to the Governor\n\n"
        "Ref. No. AIF/CH/2009/47\n"
        "Dated: 5 March 2009\n\n"
        "Dear Governor,\n\n"
        "I write to draw your attention to seven of our workers who have been missing since January.\n\n"
        "Yours sincerely,\n"
        "Farhat Rizvi\n",
    )
    assert docs[0]["title"] != "Ref. No. AIF/CH/2009/47"
