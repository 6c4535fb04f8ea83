"""People and bodies named in Urdu text, where no trained model exists and no capital letters help.

A name is found the way a reader finds it: after an office or a courtesy title (چیئرمین،
جناب، وزیراعلیٰ پنجاب), before صاحب, as the subject of a statement (… نے کہا), after a
listing's dash; a body by the word that ends its name (فرنٹ، ایسوسی ایشن، کمیشن). Its
edges are the common words of the language: a name runs until a postposition, a verb or
another common word. A run that starts with a common given name is a person's name too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from maktub.understand.names import URDU_HONORIFICS, URDU_ORG_WORDS

# Function words, verbs and common nouns that end a name (or show a run is not one).
COMMON = set(
    """
    کا کی کے کو نے سے میں پر تک اور یا بھی ہی تو کہ جو جس جن جب تب اب یہ وہ ان اس ہم آپ میں تم
    ہے ہیں تھا تھی تھے ہو ہوا ہوئی ہوئے ہوں گا گی گے کر کرنے کرتے کرتی کیا کی کئے کیے کریں کرے
    کہا کہنا کہتے کہتی کہ دیا دی دیے دیں دے دینے لیا لی لیے لیں لے لینے گیا گئی گئے جائے جائیں
    رہا رہی رہے سکتا سکتی سکتے چاہیے چاہتا چاہتے والا والی والے بعد پہلے ساتھ خلاف لئے لیے طرف
    بارے دوران ذریعے مطابق تحت علاوہ سمیت بغیر درمیان اندر باہر سامنے پاس بجائے جانب حوالے
    آج کل یہاں وہاں جہاں کہاں کیوں کیسے کب کون کیا کچھ سب تمام ہر کوئی کسی کئی بہت زیادہ کم
    ایک دو تین چار پانچ چھ سات آٹھ نو دس سو ہزار لاکھ کروڑ پہلا دوسرا تیسرا
    انہوں انہیں ان کا اپنے اپنی اپنا ہمارے ہماری ہمارا آپ کے جناب صاحب صاحبہ محترم محترمہ
    حکومت سرکار عوام شہری شہر صوبہ صوبے صوبائی وفاقی ملک قوم قومی عوامی پولیس عدالت فیصلہ
    اجلاس بیان پریس کانفرنس خطاب اعلان مطالبہ احتجاج مظاہرہ ہڑتال بجٹ ٹیکس مسئلہ مسائل
    خط درخواست شکایت جواب سوال رپورٹ خبر خبریں اخبار ویڈیو تصاویر مزید پڑھیں
    جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر
    پیر منگل بدھ جمعرات جمعہ ہفتہ اتوار روز دن سال ماہ ہفتے صبح شام رات
    نہیں نہ مت ضرور صرف بلکہ لیکن مگر چونکہ کیونکہ اگر تاکہ حالانکہ پھر تاہم البتہ
    دفتر ہاؤس ہال مقام کارکن کارکنوں رہنما رہنماؤں ارکان رکن افراد لوگ لوگوں خاندان
    اسے اسی انہی یہی وہی پہلی پہلے بار مرتبہ دوبارہ مقامی جامع نئی نیا نئے پرانا بڑا بڑی بڑے
    خارجہ داخلہ خزانہ اطلاعات قانون تعلیم صحت دفاع ریلوے تجارت خوراک زراعت مملکت اعلیٰ اعظم
    عالی مدیر مدیران صاحبان حضور والا گرامی قدر محترمی
    متاثرہ متاثرین مظاہرین شرکا طلبہ طلبا اساتذہ وکلا خواتین بچے بزرگ نوجوان تاجر مزدور کسان
    """.split()
)
# Offices and roles written before a name (the name follows, perhaps after a place: وزیراعلیٰ پنجاب …).
ROLES = [
    "چیئرمین",
    "چیئرپرسن",
    "صدر",
    "نائب صدر",
    "جنرل سیکرٹری",
    "سیکرٹری جنرل",
    "سیکرٹری",
    "سیکریٹری جنرل",
    "جنرل",
    "سیکریٹری",
    "ڈپٹی سیکرٹری",
    "وزیراعلیٰ",
    "وزیر اعلیٰ",
    "وزیراعظم",
    "وزیر اعظم",
    "وزیر",
    "گورنر",
    "ترجمان",
    "قائد",
    "بانی",
    "سربراہ",
    "رہنما",
    "کنوینر",
    "سینیٹر",
    "میئر",
    "چیف جسٹس",
    "جسٹس",
    "کمشنر",
    "ڈپٹی کمشنر",
    "ڈائریکٹر",
    "ایڈیٹر",
    "کونسلر",
    "ناظم",
    "ایم این اے",
    "ایم پی اے",
    "انسپکٹر جنرل",
    "آئی جی",
    "ایس ایس پی",
    "ایس پی",
    "ایس ایچ او",
    "وکیل",
    "ایڈووکیٹ",
    *URDU_HONORIFICS,
]
# Common given names, in Urdu script: a run that starts with one is a person's name.
GIVEN_NAMES = set(
    """
    محمد احمد علی حسن حسین عمر عثمان ابوبکر عبداللہ عبدالرحمن عبدالستار عبدالقادر عبدالغفور
    عمران فرحت ندیم اسد کامران زبیر ہارون شوکت سلیم شبنم عائشہ فاطمہ زینب مریم خدیجہ نرگس رخسانہ
    نسیم نعیم رانا خواجہ جنید طارق طاہر طلعت ظفر اقبال اکبر اکرم اسلم اشرف اعجاز افضل امجد انور
    آصف آفتاب بلال بشیر بشریٰ پرویز ثاقب جاوید جمیل حامد حمید حنیف خالد خورشید راشد رشید رضوان
    رفیق ریاض زاہد ساجد سجاد سعید سلمان سہیل شاہد شہباز شفیق شکیل صادق صبا صدیق ضیا عابد عادل
    عارف عاصم عامر عباس عتیق عرفان عزیز عظیم غلام فاروق فیصل قاسم کاشف کریم لیاقت مجید محمود مختار
    مشتاق مصطفیٰ منیر منظور ناصر نثار نذیر نوید وسیم وقار یاسر یوسف یونس شاہ سید میاں چوہدری ملک
    بینظیر نواز مریم بلاول آصفہ ذوالفقار الطاف فاروق مصطفیٰ قمر رؤف غفور ثمینہ روبینہ شازیہ نادیہ
    """.split()
)
ORG_ENDINGS = sorted(
    (set(URDU_ORG_WORDS) - {"حکومت", "وزارت"})
    | {"فورم", "یونین", "کلب", "کمیشن", "بورڈ", "کارپوریشن", "بینک"},
    key=len,
)
ORG_TOKENS = {w for ending in ORG_ENDINGS for w in ending.split()}


def _by_first_word(phrases: list[list[str]]) -> dict[str, list[list[str]]]:
    """Phrases (as word lists) by their first word, each list in the order given: what can
    start at a token is looked up once, instead of every phrase being compared at every token."""
    out: dict[str, list[list[str]]] = {}
    for words in phrases:
        out.setdefault(words[0], []).append(words)
    return out


# Longest roles first: 'نائب صدر' before 'صدر'.
ROLES_BY_FIRST = _by_first_word([r.split() for r in sorted(ROLES, key=lambda r: -len(r.split()))])
ORG_ENDINGS_BY_FIRST = _by_first_word([e.split() for e in ORG_ENDINGS])
ROLE_SET = frozenset(ROLES)  # a token is a role (the list is for order, the set for lookups)
# Arabic-script letters and marks; the Urdu full stop ۔ and comma ، are punctuation, as is a line end.
TOKEN = re.compile(r"[\u0621-\u065f\u0670-\u06d3\u06d5-\u06ff\u200c]+|[،,.:؛;!?؟۔()\[\]\"“”'–—\n-]|\d+")
SPEECH_AFTER = {"نے", "صاحب", "صاحبہ"}
MAX_NAME = 4


@dataclass(frozen=True)
class UrduName:
    """A name found in Urdu text, with the cue that found it."""

    surface: str
    type: str
    cue: str


def tokens(text: str) -> list[str]:
    """Urdu words and the punctuation between them ('۔' and '،' apart from the words)."""
    return TOKEN.findall(text)


def urdu_names(text: str) -> list[UrduName]:
    """The people and bodies an Urdu text names (places come from the gazetteer)."""
    tokens = TOKEN.findall(text)
    out: list[UrduName] = []
    i = 0
    while i < len(tokens):
        role = next((r for r in ROLES_BY_FIRST.get(tokens[i], ()) if tokens[i : i + len(r)] == r), None)
        if role:
            start = i + len(role)
            if start < len(tokens) and _is_place_word(tokens[start]):
                start += 1  # 'وزیراعلیٰ پنجاب رانا نعیم اختر'
            run = _run(tokens, start)
            if run and not ORG_TOKENS & set(run):
                out.append(UrduName(" ".join(run), "person", "role"))
                i = start + len(run)
                continue
        i += 1
    for i, tok in enumerate(tokens):
        if tok in SPEECH_AFTER or tok in {"–", "—"} and i + 1 < len(tokens):
            run = _run_before(tokens, i) if tok in SPEECH_AFTER else _run(tokens, i + 1)
            if (
                run
                and (len(run) >= 2 or run[0] in GIVEN_NAMES)
                and (len(run) >= 2 or tok != "نے")
                and not ORG_TOKENS & set(run)
            ):
                out.append(UrduName(" ".join(run), "person", "subject" if tok == "نے" else "title"))
        elif tok in GIVEN_NAMES and (i == 0 or tokens[i - 1] in COMMON or not is_word(tokens[i - 1])):
            run = _run(tokens, i)
            if len(run) >= 2 and not ORG_TOKENS & set(run):
                out.append(UrduName(" ".join(run), "person", "given name"))
        for words in ORG_ENDINGS_BY_FIRST.get(tok, ()):
            if tokens[i : i + len(words)] == words:
                body = _run_before(tokens, i, allow_org=True)
                if body:
                    out.append(UrduName(" ".join([*body, *words]), "organization", "org word"))
    return out


WORD_START = re.compile(r"[\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]")


def is_word(tok: str) -> bool:
    return WORD_START.match(tok) is not None


def _is_place_word(tok: str) -> bool:
    from maktub.entities.gazetteer import find_place

    return find_place(tok, lone=False) is not None


def _plural(tok: str) -> bool:
    """Oblique plurals ('خاندانوں', 'شہریوں', 'تاجروں'): groups of people, never a name's word."""
    return tok.endswith("وں") and tok not in GIVEN_NAMES


def _run(tokens: list[str], start: int) -> list[str]:
    """The name that starts at `start`: words until a common word, punctuation or a role."""
    run: list[str] = []
    for tok in tokens[start : start + MAX_NAME + 1]:
        if not is_word(tok) or tok in COMMON or tok in ROLE_SET or _plural(tok):
            break
        run.append(tok)
    return run if 1 <= len(run) <= MAX_NAME else []


def _run_before(tokens: list[str], end: int, allow_org: bool = False) -> list[str]:
    """The name that ends just before `end`."""
    run: list[str] = []
    i = end - 1
    while i >= 0 and len(run) <= MAX_NAME:
        tok = tokens[i]
        if not is_word(tok) or (tok in COMMON and not (allow_org and tok in {"عوامی", "قومی", "صوبائی"})):
            break
        if _plural(tok) and not allow_org:
            break
        if tok in ROLE_SET:
            break
        run.insert(0, tok)
        i -= 1
    return run if 1 <= len(run) <= MAX_NAME else []
