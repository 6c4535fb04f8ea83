"""The words of the web app's interface, in English and Urdu.

Templates write `{{ _("Browse") }}`; in Urdu the phrase is looked up here, and in English (or
for a phrase not here) it stands as written. The reader picks the language with `?ui=ur` or
`?ui=en` (kept in a cookie), else the browser's first choice decides. Documents keep their own
language whatever the interface's.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from starlette.requests import Request

LANGUAGES = {"en": "English", "ur": "اردو"}
COOKIE = "maktub_ui"
CURRENT: ContextVar[str] = ContextVar("ui", default="en")  # set for each page as it is rendered

URDU = {
    # the frame of every page
    "Skip to content": "مواد پر جائیے",
    "Sections": "حصے",
    "Browse": "ذخیرہ",
    "People": "افراد",
    "Network": "خط و کتابت",
    "Timeline": "زمانی ترتیب",
    "Map": "نقشہ",
    "Search the archive": "ذخیرے میں تلاش کیجیے",
    "Search": "تلاش",
    'Search: words, "phrases", kind:letter, from:"Name"': 'تلاش: الفاظ، "جملے"، kind:letter، from:"نام"',
    "Sign in": "لاگ اِن",
    "Sign out": "لاگ آؤٹ",
    "Atom feed": "ایٹم فیڈ",
    "Breadcrumb": "راستہ",
    "Home": "سرورق",
    "None.": "کچھ نہیں۔",
    "Interface in": "زبان",
    # kinds and types
    "letter": "خط", "statement": "بیان", "article": "مضمون", "listing": "فہرست", "page": "صفحہ",
    "letters": "خطوط", "statements": "بیانات", "articles": "مضامین", "listings": "فہرستیں", "pages": "صفحات",
    "Person": "شخص", "Organisation": "تنظیم", "Place": "مقام",
    "Organisations": "تنظیمیں", "Places": "مقامات",
    "English": "انگریزی", "Urdu": "اردو",
    # home and shelves
    "{documents} documents from {pages} pages, naming {entities} people, organisations and places.":
        "{pages} صفحات سے {documents} دستاویزات، جن میں {entities} افراد، تنظیموں اور مقامات کا ذکر ہے۔",
    "By kind": "اقسام",
    "Documents by year": "سال بہ سال دستاویزات",
    "Recently added": "حال ہی میں شامل",
    "Most viewed": "سب سے زیادہ پڑھی گئیں",
    "{n} views": "{n} بار پڑھی گئی",
    "Nothing read yet.": "ابھی کچھ نہیں پڑھا گیا۔",
    "Recent notes": "تازہ نوٹ",
    "The archive is empty.": "ذخیرہ خالی ہے۔",
    "Undated": "بغیر تاریخ",
    "{n} in all": "کل {n}",
    "page {page} of {pages}": "صفحہ {page} از {pages}",
    "Page {page} of {pages}": "صفحہ {page} از {pages}",
    "Pages": "صفحات",
    "← Previous": "→ پچھلا",
    "Next →": "اگلا ←",
    # search
    "Your query could not be read: {error}.": "تلاش کی عبارت پڑھی نہ جا سکی: {error}.",
    "Narrow the results": "نتائج محدود کیجیے",
    "Kind": "قسم",
    "Year": "سال",
    "Language": "زبان",
    "Counted over the newest {n} matches.": "تازہ ترین {n} نتائج میں سے گنے گئے۔",
    "{n} result": "{n} نتیجہ",
    "{n} results": "{n} نتائج",
    "More than {n} results": "{n} سے زیادہ نتائج",
    "Sort:": "ترتیب:",
    "relevance": "مطابقت",
    "newest": "تازہ ترین",
    "oldest": "قدیم ترین",
    "Atom feed of this search": "اس تلاش کی ایٹم فیڈ",
    # a document
    "Print": "پرنٹ",
    "Share by e-mail": "ای میل سے بھیجیے",
    "About this document": "دستاویز کے بارے میں",
    "Date": "تاریخ",
    "Updated": "تازہ کاری",
    "From": "از",
    "To": "بنام",
    "Copy to": "نقل",
    "By": "تحریر",
    "Read": "پڑھی گئی",
    "{n} times": "{n} بار",
    "{n} time": "{n} بار",
    "Named here": "اس میں مذکور",
    "Part of": "جزو:",
    "In this document": "اس دستاویز میں",
    "Claims": "دعوے",
    "What the document reports others as saying. Each is shown with who makes it; none is established fact.":
        "دستاویز میں دوسروں سے منسوب باتیں۔ ہر ایک کے ساتھ دعویٰ کرنے والے کا نام ہے؛ کوئی بھی ثابت شدہ حقیقت نہیں۔",
    "Claimed by:": "دعویٰ کرنے والا:",
    "unattributed": "نامعلوم",
    "about": "موضوع:",
    "Documents it mentions": "اس میں مذکور دستاویزات",
    "Look for it": "تلاش کیجیے",
    "Media and versions": "میڈیا اور دیگر نسخے",
    "Notes": "نوٹ",
    "No notes yet.": "ابھی کوئی نوٹ نہیں۔",
    "Delete": "حذف کیجیے",
    "Add a note as {name}": "{name} کی جانب سے نوٹ لکھیے",
    "Save note": "نوٹ محفوظ کیجیے",
    "to add a note.": "تاکہ نوٹ لکھ سکیں۔",
    "Provenance": "ماخذ",
    "Source": "ماخذ",
    "Captured": "محفوظ کیا گیا",
    "Stored": "ذخیرے میں شامل",
    "Revision": "نسخہ",
    "Revisions of this page": "اس صفحے کے نسخے",
    "Removed from the page as site chrome ({n} lines)": "سائٹ کے ڈھانچے کے طور پر ہٹائی گئی سطریں ({n})",
    "Removed from the page as site chrome ({n} line)": "سائٹ کے ڈھانچے کے طور پر ہٹائی گئی سطر ({n})",
    # an entity
    "named in {documents} documents ({mentions} mentions)": "{documents} دستاویزات میں ذکر ({mentions} بار)",
    "Search its documents": "اس کی دستاویزات تلاش کیجیے",
    "Names": "نام",
    "Also written:": "دیگر املا:",
    "Roles given in letters": "خطوط میں دیے گئے عہدے",
    "Country": "ملک",
    "Population": "آبادی",
    "Coordinates": "محلِ وقوع",
    "Mentions over time": "وقت کے ساتھ ذکر",
    "Documents naming {name} by year": "{name} کا ذکر، سال بہ سال",
    "No dated documents.": "کوئی تاریخ والی دستاویز نہیں۔",
    "And {n} undated.": "اور {n} بغیر تاریخ۔",
    "Letters sent": "بھیجے گئے خطوط",
    "Letters received": "موصول خطوط",
    "Copied in": "نقل میں شامل",
    "Statements": "بیانات",
    "All of them": "سب",
    "more than {n}": "{n} سے زیادہ",
    "Newest documents naming {name}": "{name} کے ذکر والی تازہ دستاویزات",
    "Named with": "ساتھ مذکور",
    "No one else.": "کوئی اور نہیں۔",
    "Counted over its newest {n} documents.": "اس کی تازہ ترین {n} دستاویزات میں سے گنا گیا۔",
    "{n} in all, most named first": "کل {n}، زیادہ مذکور پہلے",
    # network, timeline, map
    "Who wrote to whom": "کس نے کسے لکھا",
    "to": "تا",
    "Entity": "نام",
    "Show": "دکھائیے",
    "{nodes} people and bodies, {edges} links from {relations} relations.":
        "{nodes} افراد اور ادارے، {relations} روابط سے {edges} کڑیاں۔",
    "Letters are solid lines, copies dimmer, letters only mentioned dashed.":
        "خطوط ٹھوس لکیریں، نقول مدھم، صرف مذکورہ خطوط ٹوٹی لکیریں۔",
    "The same links as a table": "یہی روابط جدول میں",
    "How": "کیسے",
    "Documents": "دستاویزات",
    "wrote to": "خط لکھا",
    "copied": "نقل بھیجی",
    "letter mentioned": "خط کا ذکر",
    "No letters in this range.": "اس مدت میں کوئی خط نہیں۔",
    "(the newest 2,000)": "(تازہ ترین 2,000)",
    "and {n} more": "اور {n} مزید",
    "all": "سب",
    "The whole archive": "پورا ذخیرہ",
    "Counted over all its dated documents; listed from its newest {n}.":
        "گنتی اس کی تمام تاریخ والی دستاویزات کی؛ فہرست اس کی تازہ ترین {n} میں سے۔",
    "Dated documents by year": "سال بہ سال تاریخ والی دستاویزات",
    "All {n} of {year}": "{year} کی تمام {n}",
    "Places named in the archive": "ذخیرے میں مذکور مقامات",
    "{n} places with known coordinates, most named first": "معلوم محلِ وقوع والے {n} مقامات، زیادہ مذکور پہلے",
    # errors and signing in
    "Not found": "نہیں ملا",
    "Back to the home page": "سرورق پر واپس جائیے",
    "Name": "نام",
    "Password": "پاس ورڈ",
}  # fmt: skip


def say(text: str, **values: Any) -> str:
    """`text` in the interface's language of the page being rendered, with `values` filled in."""
    said = URDU.get(text, text) if CURRENT.get() == "ur" else text
    return said.format(**values) if values else said


def choose(request: Request) -> str:
    """The interface language for this request: asked for (?ui=), remembered, or the browser's first."""
    asked = request.query_params.get("ui") or request.cookies.get(COOKIE)
    if asked in LANGUAGES:
        return asked
    first = request.headers.get("accept-language", "").split(",")[0].strip().lower()
    return "ur" if first.startswith("ur") else "en"
