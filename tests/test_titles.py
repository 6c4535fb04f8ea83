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


def test_the_title_follows_the_trail_at_the_head_not_a_share_row_at_the_foot(tmp_path):
    docs = extract_page(
        tmp_path,
        "لطیف آباد آن لائن\n"
        "آپ یہاں ہیں: صفحہ اول » بلدیاتی مسائل » خطوط\n"
        "یو سی کے چیئرمین کا خط: لطیف آباد میں سیوریج کا بحران\n\n"
        "لطیف آباد کے کئی محلوں میں سیوریج کا پانی گلیوں میں کھڑا ہے اور شہری شدید مشکلات کا شکار ہیں جبکہ "
        "متعلقہ ادارے کوئی کارروائی نہیں کر رہے۔\n\n"
        "اس خبر کو شیئر کریں: فیس بک | ٹوئٹر | واٹس ایپ\n"
        "متعلقہ خبریں\n"
        "قاسم آباد میں پانی کی قلت کے خلاف شہریوں کا احتجاج\n"
        "حیدرآباد: بلدیاتی نمائندوں کو فنڈز کی فراہمی کا مطالبہ\n"
        "جملہ حقوق محفوظ ہیں © ۲۰۱۷ لطیف آباد آن لائن\n",
    )
    assert docs[0]["title"] == "یو سی کے چیئرمین کا خط: لطیف آباد میں سیوریج کا بحران"


def test_a_byline_is_not_a_title(tmp_path):
    docs = extract_page(
        tmp_path,
        "Written by Bishnu Prasad Adhikari\n\n"
        "KATHMANDU, Aug 19: More than a hundred residents of the ward staged a sit-in at the council office, "
        "demanding that the money set aside for their road be spent before the monsoon.\n",
    )
    assert docs[0]["title"] != "Written by Bishnu Prasad Adhikari"
    assert docs[0]["authors"] == ["Bishnu Prasad Adhikari"]
