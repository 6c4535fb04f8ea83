"""Generate a realistic, fictional corpus of saved web pages about public life.

Letters on campaign sites, news articles (some with a letter transcript inside), press
releases, dated news listings and Urdu pages, each wrapped in its site's chrome (menus,
breadcrumbs, weather headers, footers), as complete HTML documents (20-60 KB) or as text
dumps whose markup is gone (2-8 KB). People, parties and organisations are invented;
cities and countries are real. Usage::

    from maktub.sample import generate_corpus
    paths = generate_corpus(Path("/tmp/corpus"), 10_000, seed=7, html_share=0.5)
    # [/tmp/corpus/site-03/letters/2004/letter-to-farhan-qureshi-00017.txt, ...]

The same arguments give byte-identical files; page ``i`` does not depend on ``count``.
"""

from __future__ import annotations

import html
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

__all__ = ["generate_corpus"]

SITE_COUNT, URDU_SITES = 12, 2  # enough chromes to learn boilerplate from, few enough to repeat


def _words(text: str) -> list[str]:
    return [w.strip() for w in text.replace("\n", "|").split("|") if w.strip()]


def _pairs(text: str) -> list[tuple[str, ...]]:
    return [tuple(w.split(":")) for w in (_words(text) if "|" in text else text.split())]


def _mapping(text: str) -> dict[str, str]:
    return {k: v for k, v, *_ in _pairs(text)}


MONTHS_EN = "January February March April May June July August September October".split()
MONTHS_EN += ["November", "December"]
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS_UR = "جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر".split()
DATE_FORMATS = _words("{m} {d}, {y}|{d} {m} {y}|-|{wd}, {d} {m} {y}|-|{wd}, {m} {d}, {y}")
UR_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
# "*" marks a woman's name; the Urdu spelling follows the colon.
SA_GIVEN = _pairs("""
Farhan:فرحان Tariq:طارق Nadeem:ندیم Imran:عمران Junaid:جنید Saima*:صائمہ Rubina*:روبینہ
Kamran:کامران Zubair:زبیر Asif:آصف Waqar:وقار Bilal:بلال Adnan:عدنان Sadia*:سعدیہ Haroon:ہارون
Qasim:قاسم Rizwan:رضوان Nabeel:نبیل Salman:سلمان Faisal:فیصل Sohail:سہیل Tahira*:طاہرہ
Yasir:یاسر Naveed:نوید Zafar:ظفر Anwar:انور Shahid:شاہد Kashif:کاشف Mehreen*:مہرین
Ghazala*:غزالہ Arif:عارف Wajid:واجد Shabnam*:شبنم Taimur:تیمور Khaliq:خالق""")
SA_SURNAME = _pairs("""
Qureshi:قریشی Siddiqui:صدیقی Rizvi:رضوی Jafri:جعفری Ansari:انصاری Baloch:بلوچ Memon:میمن Mirza:مرزا
Chandio:چانڈیو Abbasi:عباسی Khattak:خٹک Durrani:درانی Hashmi:ہاشمی Zaidi:زیدی Soomro:سومرو
Naqvi:نقوی Farooqui:فاروقی Bhatti:بھٹی Shaikh:شیخ Kazmi:کاظمی Qadirzai:قادرزئی Mehrwal:مہروال
Sarwani:سروانی Pirzadani:پیرزادانی Lakhiar:لاکھیار Gondalvi:گوندلوی""")
# A second spelling of a surname, as transliteration drifts from page to page.
VARIANTS = _mapping("""Qureshi:Qureishi Siddiqui:Siddiqi Farooqui:Faruqi Hashmi:Hashimi
Jafri:Jafery Durrani:Durani Khattak:Khatak Chandio:Chandiyo""")
UK_GIVEN = "Oliver Harriet* Graham Fiona* Rupert Alistair Imogen* Nigel Duncan Philippa*".split()
UK_SURNAME = "Ashworth Pemberton Hollis Carrow Fenwick Thackwell Lydgate Marchbank".split()
US_GIVEN = "Bradley Courtney* Tyler Dwight Marcy* Chester Lorraine* Wendell Darlene*".split()
US_SURNAME = "Kowalczyk Hendricks Yarborough Castellano McAllister Brandt Whitcomb".split()
PARTIES = _pairs("""
Awami Insaf Front:AIF:عوامی انصاف فرنٹ | Qaumi Ittehad Tehreek:QIT:قومی اتحاد تحریک
Sindh Watan Alliance:SWA:سندھ وطن اتحاد | Pakistan Mazdoor Kisan League:PMKL:پاکستان مزدور کسان لیگ
Muttahida Shehri Mahaz:MSM:متحدہ شہری محاذ | Jamhoori Islah Party:JIP:جمہوری اصلاح پارٹی
Baloch Haqooq Council:BHC:بلوچ حقوق کونسل""")
ORGS = _pairs("""
Karachi Citizens Forum:KCF | Overseas Pakistanis Welfare League:OPWL | Council for Muslim Unity:CMU
Sindh Human Rights Watchgroup:SHRW | Textile Workers Union of Faisalabad:TWUF
Association of Pakistani Physicians in Texas:APPT | British Pakistani Forum for Democracy:BPFD
Press Freedom Monitor South Asia:PFMSA""")
# (role, the same in Urdu); "{p}" is a party, "{c}" a city.
ROLES = _pairs("""
Chief Minister of Sindh:وزیر اعلیٰ سندھ | Governor of Punjab:گورنر پنجاب | Senator:سینیٹر
Member National Assembly (MNA):رکن قومی اسمبلی | Member Provincial Assembly (MPA):رکن صوبائی اسمبلی
Founder & Leader of the {p}:بانی و قائد | Convener of the {p}:کنوینر | Mayor of {c}:میئر
Secretary General of the {p}:سیکریٹری جنرل | Interior Minister:وزیر داخلہ
Prime Minister of Pakistan:وزیر اعظم پاکستان | President of Pakistan:صدر پاکستان""")
ORG_POSTS = ["Convener", "Secretary", "President", "General Secretary", "Member"]
UK_ROLES = ["Member of Parliament", "Foreign Secretary", "Prime Minister of the United Kingdom"]
US_ROLES = ["Senator", "Secretary of State", "Member of Congress"]
CITIES = {
    "Pakistan": "Karachi Lahore Hyderabad Islamabad Quetta Peshawar Multan Sukkur".split(),
    "United Kingdom": "London Birmingham Manchester Bradford Leeds".split(),
    "United States": "Houston Dallas Chicago Plano".split(),
    "Canada": ["Toronto", "Mississauga"],
    "United Arab Emirates": ["Dubai"],
}
CITY_UR = "کراچی لاہور حیدرآباد کوئٹہ پشاور ملتان سکھر راولپنڈی لندن".split() + ["اسلام آباد"]
PROVINCES = ["Sindh", "Punjab", "Balochistan", "Khyber Pakhtunkhwa"]
TOPICS = _words("""
the law and order situation in {city} | the shortage of drinking water in {city}
the forthcoming local government elections | the arrest of political workers in {city}
load-shedding across {province} | the rights of overseas Pakistanis | Muslim unity
the delimitation of constituencies | provincial autonomy | the freedom of the press
the relief effort after the floods in {province} | the census figures for {city}
the quota system in government jobs | the killings of political workers in {city}
the price of wheat flour | the condition of public hospitals in {city}
the missing persons of {province}""")
SHORT_TOPICS = _words("""water shortage | load-shedding | missing workers | census figures
quota system | local polls | press freedom | flood relief | law and order | wheat prices""")
BODY = _words("""
The people of {city} have waited too long for a serious answer on {topic}.
Nobody in {city} seriously believes that {topic} can be settled by force.
The {party} has promised action on {topic} more than once, yet little has changed.
Workers of the {acr} gathered outside the press club in {city} on {weekday} afternoon.
Officials in {city} declined to comment on {topic} when contacted.
A delegation of the {org} met {ref} in {city} to discuss {topic}.
There is no shortage of committees, reports and promises; what is missing is the will to act.
Shopkeepers in the old quarters of {city} kept their shutters down for most of the day.
The matter was raised in the provincial assembly, where the debate ended without a vote.
Families of the missing men say they have written to every office they could think of.
{ref} insisted that the {acr} would not be intimidated by threats or arrests.
Critics argue that {topic} has been used for years to divide the people of {province}.
Several speakers demanded an independent judicial inquiry into the events of last {weekday}.
Figures compiled by the {org} suggest that the problem is far larger than officials admit.
Residents of {city} complain that roads, schools and hospitals have been neglected for years.
So far the government has offered little beyond statements of sympathy.
Observers in {country} have also begun to ask questions about {topic}.
The issue is hardly new: it was debated at length in {year} and again two years later.
It would be a mistake to treat {topic} as the concern of one city or one party alone.
In {city} alone, more than {n} complaints were lodged with the police in a single month.
Leaders of the {acr} met late into the night to agree on a common position.
Students, traders and labour unions joined the march, which passed off peacefully.
The {org} has offered to mediate, but neither side has yet accepted the offer.
Many in {city} still remember the promises made during the last election campaign.
The provincial government says it has set aside funds, but no work has started.
A spokesman for the {party} described the allegations as baseless and politically motivated.
{other} of the {org} said the community in {city} was watching events closely.
What is needed now is patience, honesty and a willingness to listen to the other side.
Copies of the correspondence have been shared with members of the {acr} central committee.
The delay has cost lives, and those responsible must be held to account.
Dialogue, not confrontation, is the only way forward for {province}.
According to {source}, {claim}. | It is reported that {claim}.
{source_cap} alleged that {claim}.""")
LETTER_BODY = _words("""
I have followed {topic} closely since {year}, and matters have only grown worse.
I have also written to {other} on this subject and am still waiting for an answer.
I do not belong to any political party, and I write only as a concerned citizen.
Let me be blunt: the present policy on {topic} has failed, and everyone in {city} knows it.
If you act now, history will remember you kindly; if you do not, it will not.
I raised the same point at a meeting of the {org} in {city}, where it was warmly received.""")
LETTER_OPEN = _words("""
I am writing to draw your attention to {topic}.
I write to you as an ordinary citizen who is deeply concerned about {topic}.
Thank you for your letter of {date}, which reached me only last week.
Further to our meeting in {city}, I would like to set out my views on {topic} in writing.
Allow me to introduce myself: I am a retired engineer and a well-wisher of the people of {city}.
On behalf of the members of the {org}, I wish to raise a matter of some urgency.""")
LETTER_END = _words("""
I would be grateful for an early reply. | I look forward to hearing from you at your convenience.
I hope you will give these suggestions the serious consideration they deserve.
Please do not hesitate to contact me if you need any further information.
I am enclosing copies of my earlier letters on the subject, including my letter to {other}.
May God give you the courage to take the right decision. Warm regards.""")
GREETINGS = _words("Assalam-o-Alaikum. | Assalamo Alaikum. I hope you are well. | Greetings.")
CLOSINGS = _words("""Yours sincerely, | Yours sincerely | Sincerely, | Yours faithfully,
Respectfully yours, | With best wishes and warm regards, Yours sincerely""")
SOURCES = _words("""a report published in the press | a senior police official | eyewitnesses
a spokesman for the {acr} | a local journalist | a human rights activist in {city} | a retired judge
a statement issued by the {org} | documents seen by this newspaper | an aide to {ref}
a former adviser to the Chief Minister""")
SOURCES_CAP = [s[:1].upper() + s[1:] for s in SOURCES]
CLAIMS = _words("""
{ref} had been warned about the violence weeks in advance
more than {n} workers of the {acr} were detained overnight
funds meant for flood relief in {province} were diverted
meetings in {city} were recorded without the knowledge of those present
{ref} had met officials of the {org} in {city} in secret
ballot boxes were removed from polling stations in {city}
the water board in {city} had not paid its staff for months
a list of {n} names had been handed to the provincial government""")
POSITIONS = _words("""
the government must immediately order a judicial inquiry into {topic}
the people of {city} would not accept any further delay on {topic}
the {acr} condemned the arrest of its workers in {city}
the {party} would observe a day of mourning across {province}
the international community should take notice of {topic}
the rulers had failed to honour their promises on {topic}
all political parties should sit together to find a solution to {topic}""")
DEMANDS = _words("""
those responsible for the violence in {city} be arrested without delay
an independent commission be set up to look into {topic}
the workers arrested in {city} be released at once | the government publish its report on {topic}
the federal government stop interfering in the affairs of {province}""")
QUOTES = _words("""
We will not allow anyone to play with the future of {city}
The {acr} believes in peaceful struggle and will continue it
Those behind these killings must be arrested and brought to justice
Our workers have shown great patience, but patience has its limits
The people of {province} are no longer prepared to be ignored
We have nothing to hide and we welcome an open inquiry
We stand with the victims and their families | The doors of dialogue remain open
{city} belongs to all its citizens, not to the extremists""")
SAID = ["said", "added", "stated", "maintained", "stressed"]
HEADLINES = _words("""
{acr} accused of {accusation} | {sname} calls for inquiry into {short}
Protest in {city} over {short} | {party} rejects claims about {short}
Letter from {sname} to {rname} made public | Questions over {short} after {city} meeting
{city}: {n} arrested as tension rises | What {sname} really told {rname}
{org_acr} report raises alarm on {short} | Opposition walks out over {short}""")
ACCUSATIONS = _words("""spying on rivals | misusing relief funds | rigging local polls
intimidating journalists | harbouring absconders""")
COMMENTS = _words("""Well said. | Who will answer for this? | Thank you for publishing this.
This is exactly what happened in our area too. | Sad but true. | The same story every year.
May Allah protect {city}. | Excellent analysis, keep it up.""")
MEDIA_EXT = _mapping("""Audio Report (Urdu):mp3 | Video Clip - Reuters:wmv | Video Clip:wmv
Photographs:html | More photographs -- Click here:html""")
UR_BODY = _words("""
{city} کے عوام طویل عرصے سے {topic} کے حل کے منتظر ہیں۔
{party} نے بارہا {topic} پر کارروائی کا وعدہ کیا لیکن حالات میں کوئی تبدیلی نہیں آئی۔
اطلاعات کے مطابق {city} میں گزشتہ روز متعدد کارکنوں کو گرفتار کر لیا گیا۔
شہریوں کا کہنا ہے کہ سڑکوں، اسکولوں اور اسپتالوں کی حالت ابتر ہے۔
انہوں نے مطالبہ کیا کہ واقعے کی آزادانہ عدالتی تحقیقات کرائی جائیں۔
ان کا کہنا تھا کہ مسائل کا حل صرف بات چیت کے ذریعے ممکن ہے۔
حکومت نے اب تک صرف ہمدردی کے بیانات پر اکتفا کیا ہے۔
ہم آپ کی توجہ {city} کے شہریوں کو درپیش مشکلات کی جانب مبذول کرانا چاہتے ہیں۔
یہ مسئلہ نیا نہیں بلکہ {year} سے مسلسل سنگین ہوتا جا رہا ہے۔
صوبائی حکومت کا کہنا ہے کہ فنڈز مختص کر دیے گئے ہیں لیکن کام شروع نہیں ہوا۔
کارکنوں نے پرامن رہنے کا عزم ظاہر کیا اور کہا کہ جدوجہد جاری رہے گی۔
{ref} نے کہا کہ {party} کسی دباؤ میں نہیں آئے گی۔
متاثرہ خاندانوں نے بتایا کہ انہوں نے ہر دفتر کا دروازہ کھٹکھٹایا۔""")
UR_TOPICS = _words("""امن و امان کی صورتحال | پانی کی قلت | بلدیاتی انتخابات | مہنگائی | لوڈشیڈنگ
لاپتہ افراد کی بازیابی | سیلاب زدگان کی امداد""")
UR_POSITIONS = _words("""حکومت {topic} کا فوری نوٹس لے
{city} کے عوام مزید تاخیر برداشت نہیں کریں گے
تمام سیاسی جماعتیں مل بیٹھ کر مسائل کا حل نکالیں""")
UR_HEADLINES = _words("""{city} میں {topic} کے خلاف احتجاج | {party} کا {topic} پر اظہار تشویش
{city} میں کارکنوں کی گرفتاری کی مذمت | {topic}: حکومت سے فوری اقدام کا مطالبہ""")
UR_COMMENTS = _words("بہت خوب۔ | بالکل درست فرمایا۔ | اللہ {city} کی حفاظت کرے۔ | یہی حال ہمارا ہے۔")
UR_SITE = (UR_HEADLINES, UR_COMMENTS, UR_BODY)
UR_MENU = _words("صفحہ اول|ہمارے بارے میں|خطوط|خبریں|بیانات|تصاویر|آڈیو|ویڈیو|رابطہ|English")
MENU = _words("""Home|About Us|Letters|Press Releases|News|Articles|Archives|Contact|Photo Gallery
Audio|Video|Urdu Section|Mission Statement|Maps of the Region|Population Figures|Links|Donate
Events|Opinion|Editorials|Karachi|Sindh|Pakistan|World|Diaspora|Interviews|Downloads|Newsletter
Sitemap|Privacy Policy|Login""")
SITE_NAMES = _words("""Voice of the Indus|The Sindh Ledger|Diaspora Dispatch|One Ummah Mission
Citizens' Letters|Mehran Review|Frontier Herald Online|South Asia Monitor|Open Letters Archive
Karachi Watch|Qaumi Awaz News|The Overseas Observer|Peace for Karachi|Haq Ki Awaz""")
UR_SITE_NAMES = ["روزنامہ آواز", "سندھ نامہ", "قومی پیغام"]
# style: (CMS named in the footer, weights of letter, article, statement, listing)
STYLES = {"joomla": ("Joomla!", (6, 2, 1, 1)), "wordpress": ("WordPress", (1, 6, 2, 2))}
STYLES |= {"party": ("PortalKit", (1, 1, 5, 4)), "static": ("Weebox", (4, 2, 3, 1))}
SECTIONS = {"letter": "Letters", "article": "News", "statement": "Press Releases"}
SECTIONS["listing"] = "News Archive"
UR_SECTIONS = {"letter": "خطوط", "statement": "بیانات"}
CSS_WORDS = _words("""header|nav|menu|item|link|widget|sidebar|footer|post|entry|meta|title|thumb
grid|col|row|btn|search|social|share|comment|avatar|reply|pager""")
AD_SIZES = ["728,90", "300,250", "320,50", "160,600", "970,250", "300,600"]
CSS_PROPS = _words("""margin:0 auto|padding:{a}px {b}px|color:#{h}|font-size:{a}px|line-height:1.{b}
border-bottom:1px solid #{h}|display:flex|background:#{h}|text-transform:uppercase|float:left
font-weight:700|max-width:{c}px|list-style:none|transition:all .{b}s ease""")
PAGE = """<!DOCTYPE html>
<html lang="{lang}" dir="{dir}">
<head>
<meta charset="utf-8"><title>{title} | {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{description}">
<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">
{meta}{head}</head>
<body class="{style} {kind}"><div id="page"><header id="masthead">{weather}
<a class="logo" href="/">{site}</a><form action="/search"><input name="q"></form></header>
{nav}<div class="breadcrumbs">You are here: {crumbs}</div>
<main id="content"><article class="post"><h1 class="entry-title">{title}</h1>
{body}<div class="share"><h4>Share this:</h4><a href="#">Twitter</a> <a href="#">Facebook</a>
<a href="#">WhatsApp</a></div></article>
<section class="related"><h3>Related Articles</h3><ul>{related}</ul></section>
<section id="comments"><h3>Recent Comments</h3><ol>{comments}</ol></section></main>
<aside id="sidebar"><div class="widget popular"><h3>Most Popular</h3><ul>{popular}</ul></div>
{aside}</aside>
{foot}</div>
<script>{script}</script>
</body></html>
"""
SITE_HEAD = """<link rel="stylesheet" href="/assets/css/{style}.min.css">
<style>
{css}
</style>
<script>window.siteConfig={{"menu":{{{cfg}}},"lang":"{lang}"}};
(function(d,s){{var t=d.createElement(s);t.async=1;t.src='/assets/js/stats.js?id={sid}';
d.head.appendChild(t);}})(document,'script');</script>
"""
SITE_FOOT = """<footer id="footer"><p>{notice}</p><p>Powered by <a href="/">{cms}</a></p></footer>
<script>document.querySelectorAll(".menu-item").forEach(function(m){{
m.addEventListener("mouseenter",function(){{m.classList.add("open")}});}});</script>
"""
RELATED = """<li class="related-item"><a href="/{slug}/"><img src="/images/thumbs/{n}.jpg" alt=""
 width="120" height="80"></a><a href="/{slug}/">{title}</a><span class="date">{when}</span></li>"""
COMMENT = """<li class="comment"><div class="comment-author"><img class="avatar" src="/av/{n}.png"
 alt=""> <cite>{who}</cite> says:</div><div class="comment-meta">{when}</div><p>{text}</p>
<a class="reply" href="#respond">Reply</a></li>"""
NEWS_ITEM = """<div class="news-item"><span class="date">{when}</span>
<h3><a href="/news/{slug}.html">{title}</a></h3>{body}</div>
"""
ICONS = """<div class="icons"><a href="?format=pdf">PDF</a> <a href="?print=1">Print</a>
<a href="/mailto/">E-mail</a></div>
"""


class _Person(NamedTuple):
    name: str
    given: str
    surname: str
    title: str
    role: str
    female: bool
    origin: str
    name_ur: str


Block = tuple[str, "str | list[str]"]  # ("p" | "h" | "meta", text) or ("lines" | "item", lines)


@dataclass
class _Page:
    kind: str
    title: str
    when: date
    blocks: list[Block]
    updated: date | None = None
    urdu: bool = False


@dataclass
class _Site:
    key: str
    name: str
    style: str
    urdu: bool
    date_fmt: int
    weather: bool
    crumb: int
    crawl_start: date
    notice: str
    menu: list[str] = field(default_factory=list)  # the side menu, as a text dump shows it
    headlines: list[str] = field(default_factory=list)
    comments: list[tuple[str, str]] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    script: list[str] = field(default_factory=list)
    chrome: dict[str, str] = field(default_factory=dict)  # pre-rendered HTML: head, nav, ...


class _Slots(dict[str, str]):
    """Template slots: fixed per document, or drawn afresh at each use from per-document pools."""

    def __init__(self, rng: random.Random, fixed: dict[str, str], pools: dict[str, list[str]]):
        super().__init__(fixed)
        self.rng, self.pools = rng, pools

    def __missing__(self, key: str) -> str:
        value = self.rng.choice(self.pools[key])
        return value.format_map(self) if "{" in value else value

    def fill(self, template: str) -> str:
        return template.format_map(self)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _person(rng: random.Random, origin: str = "sa", party: str = "", city: str = "") -> _Person:
    gu = su = ""
    if origin == "sa":
        (g, gu), (s, su) = rng.choice(SA_GIVEN), rng.choice(SA_SURNAME)
        role = rng.choice(ROLES)[0].format(p=party or rng.choice(PARTIES)[0], c=city or "Karachi")
    else:
        g = rng.choice(UK_GIVEN if origin == "uk" else US_GIVEN)
        s = rng.choice(UK_SURNAME if origin == "uk" else US_SURNAME)
        role = rng.choice(UK_ROLES if origin == "uk" else US_ROLES)
    female, g = g.endswith("*"), g.rstrip("*")
    titles = ["Ms", "Mrs", "Dr", "Begum"] if female else ["Mr", "Mr.", "Dr", "Syed", "Mian"]
    if origin != "sa":
        titles = ["Rt. Hon.", "Dr", "Ms" if female else "Mr"]
    name_ur = f"{gu.rstrip('*')} {su}" if gu else f"{g} {s}"
    return _Person(f"{g} {s}", g, s, rng.choice(titles), role, female, origin, name_ur)


def _date_en(d: date, fmt: int) -> str:
    m, wd, fmt = MONTHS_EN[d.month - 1], WEEKDAYS[d.weekday()], fmt % 6
    if fmt == 2:
        th = "th" if 10 < d.day < 14 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
        return f"{d.day}{th} {m} {d.year}"
    if fmt == 4:
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    return DATE_FORMATS[fmt].format(m=m, wd=wd, d=d.day, y=d.year)


def _date_ur(rng: random.Random, d: date) -> str:
    text = f"{d.day} {MONTHS_UR[d.month - 1]} {d.year}"
    return text.translate(UR_DIGITS) if rng.random() < 0.6 else text


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "page"


def _contact(rng: random.Random, city: str, country: str) -> list[str]:
    """Address lines and a phone number, in the style of the country."""
    n, d = rng.randint(2, 2999), rng.randint
    if country == "Pakistan":
        block = f"Block {rng.choice('ABCDEFGHJKLN')}, Sector {d(1, 16)}"
        return [f"House No. {n}, {block}", f"{city}, Pakistan.", f"+92-21-{d(2000000, 9999999)}"]
    if country == "United Kingdom":
        street = rng.choice(["Harrowgate Road", "Kingsmead Avenue", "Alder Close", "Mill Lane"])
        code = f"{rng.choice('BEMNSW')}{d(1, 20)} {d(1, 9)}{rng.choice('ADHJ')}P"
        return [f"{n} {street}", f"{city} {code}, England.", f"020 {d(7000, 8999)} {d(1000, 9999)}"]
    street = rng.choice(["Willow Bend Drive", "Cedar Ridge Lane", "Maple Court", "Lake Parkway"])
    land = "U.S.A." if country == "United States" else f"{country}."
    return [f"{n} {street}, {city}", land, f"{d(201, 989)}-555-{d(1000, 9999)}"]


def _slots(rng: random.Random, main: _Person, other: _Person, when: date) -> _Slots:
    """Per-document slots: one party and organisation, three cities, three topics."""
    party, acr, _ = rng.choice(PARTIES)
    org, org_acr = rng.choice(ORGS)
    country = rng.choices(list(CITIES), weights=(6, 2, 2, 1, 1))[0]
    cities = rng.sample(CITIES["Pakistan"], 2) + [rng.choice(CITIES[country])]
    ref = rng.choice([f"Mr {main.surname}", main.name, f"{main.title} {main.name}"])
    variant = VARIANTS.get(main.surname)
    if variant and rng.random() < 0.15:  # misspelt, as pages in the wild misspell names
        ref = f"{main.given} {variant}"
    fixed = {"party": party, "acr": acr, "org": org, "org_acr": org_acr}
    fixed |= {"sname": main.surname, "rname": other.surname, "year": str(when.year - 3)}
    fixed["country"] = f"the {country}" if country.startswith("United") else country
    fixed["date"] = _date_en(when - timedelta(days=rng.randint(10, 90)), rng.randrange(6))
    pools = {"city": cities, "province": PROVINCES[:2] + [rng.choice(PROVINCES)]}
    pools |= {"topic": rng.sample(TOPICS, 3), "short": SHORT_TOPICS, "ref": [ref, main.name]}
    pools |= {"weekday": WEEKDAYS, "source": SOURCES, "claim": CLAIMS, "accusation": ACCUSATIONS}
    pools |= {"n": [str(rng.randint(3, 400)) for _ in range(3)], "other": [other.name]}
    pools["source_cap"] = SOURCES_CAP
    return _Slots(rng, fixed, pools)


def _paragraphs(
    rng: random.Random, slots: _Slots, count: int, budget: int, pool: list[str] = BODY
) -> list[Block]:
    deck = rng.sample(pool, len(pool))  # no sentence twice in one document
    out: list[Block] = []
    used = 0
    for _ in range(count):
        k = rng.randint(2, 6)
        if len(deck) < k:
            deck = rng.sample(pool, len(pool))
        text = " ".join(slots.fill(deck.pop()) for _ in range(k))
        if out and used + len(text) > budget:
            break
        used += len(text)
        out.append(("p", text))
    return out


def _letter(rng: random.Random, site: _Site, when: date, budget: int, sender: _Person | None = None) -> _Page:
    """A letter: dateline, recipient block, maybe a copy, salutation, body, closing, signature."""
    rcity, known = rng.choice(CITIES["Pakistan"]), sender is not None
    rcpt = _person(rng, rng.choices(["sa", "uk", "us"], weights=(7, 2, 1))[0], city=rcity)
    sender = sender or _person(rng, "sa")
    slots = _slots(rng, rcpt, sender, when)
    home = rng.choices(list(CITIES), weights=(4, 3, 3, 1, 1))[0]
    city = rng.choice(CITIES[home])
    dateline = _date_en(when, rng.randrange(6))
    blocks: list[Block] = [("p", f"{city}, {dateline}" if rng.random() < 0.3 else dateline)]
    rblock = [f"{rcpt.title} {rcpt.name},", f"{rcpt.role},"]
    if rcpt.origin == "sa":
        org = rng.choice([slots["party"], slots["org"], f"Government of {slots['province']}"])
        rblock += [f"{org},"] if rng.random() < 0.6 else []
        rblock.append(rng.choice([f"{rcity}, Pakistan.", f"{rcity}.", "Islamabad."]))
    elif rcpt.origin == "uk":
        rblock.append(rng.choice(["House of Commons, London SW1A 0AA.", "London, England."]))
    else:
        rblock.append(rng.choice(["Washington, D.C. 20510, U.S.A.", "Washington, D.C."]))
    blocks.append(("lines", rblock))
    if rng.random() < 0.45:
        cc = _person(rng, "sa", slots["party"], rcity)
        label = rng.choice(["Copy to: ", "Copy to:  ", "cc: ", "CC: "])
        blocks.append(("p", f"{label}{cc.title} {cc.name}, {cc.role}."))
    if rng.random() < 0.3:
        blocks.append(("p", "Subject: " + _cap(slots.fill(rng.choice(TOPICS)))))
    dear = [f"Dear {rcpt.title} {rcpt.surname},", f"Dear {rcpt.title} {rcpt.name},"]
    blocks.append(("p", rng.choice(dear + ["Dear Madam," if rcpt.female else "Dear Sir,"])))
    if rng.random() < 0.35:
        blocks.append(("p", rng.choice(GREETINGS)))
    blocks.append(("p", slots.fill(rng.choice(LETTER_OPEN))))
    blocks += _paragraphs(rng, slots, rng.randint(2, 6), budget, BODY + LETTER_BODY)
    blocks += [("p", slots.fill(rng.choice(LETTER_END))), ("p", rng.choice(CLOSINGS))]
    post = sender.role if known else f"{rng.choice(ORG_POSTS)}, {slots['org']}"
    sig = [f"{sender.title} {sender.name},"] + ([f"{post},"] if rng.random() < 0.4 else [])
    *address, phone = _contact(rng, city, home)
    sig += address + [rng.choice(["Tel: ", "Ph: ", "Res. Tel : ", "Telephone: "]) + phone]
    if rng.random() < 0.6:
        box = f"{sender.given}.{sender.surname}@mail{rng.randint(1, 9)}.example".lower()
        sig.append(rng.choice(["E-mail: ", "Email: ", "e-mail: "]) + box)
    blocks.append(("lines", sig))
    role = rcpt.role.split(" of the ")[0].split(" (")[0]
    titles = [f"Letter to {rcpt.name}, {role}", f"Open letter to the {role}"]
    titles += [f"{sender.name} writes to {rcpt.name}", f"Letter to {rcpt.title} {rcpt.name}"]
    return _Page("letter", rng.choice(titles), when, blocks)


def _article(rng: random.Random, site: _Site, when: date, budget: int) -> _Page:
    """A news article: byline, date line, attributed claims, sometimes a letter transcript."""
    main, other, author = _person(rng), _person(rng, rng.choice(["sa", "uk"])), _person(rng)
    slots = _slots(rng, main, other, when)
    bylines = [f"By {author.name}", f"By {author.title} {author.name}  : –"]
    bylines += [f"By {author.name} | {slots['city']}", f"{author.name}, Staff Reporter"]
    pub = _date_en(when, site.date_fmt)
    dates = [f"Published: {pub}", f"Posted on {pub}", pub]
    dates.append(f"{pub} at {rng.randint(1, 12)}:{rng.randint(0, 59):02d} pm")
    blocks: list[Block] = [("meta", rng.choice(bylines)), ("meta", rng.choice(dates))]
    updated = when + timedelta(days=rng.randint(1, 900)) if rng.random() < 0.25 else None
    if updated:
        blocks.append(("meta", f"Last Updated: {_date_en(updated, 3)}"))
    transcript = rng.random() < 0.2
    blocks += _paragraphs(rng, slots, rng.randint(4, 12), budget // (2 if transcript else 1))
    if transcript:
        letter = _letter(rng, site, when - timedelta(days=rng.randint(30, 3000)), budget // 2, main)
        whom = letter.title.split(" to ")[-1]
        intro = f"The full text of the letter from {main.name} to {whom} is reproduced below."
        blocks += [("p", intro), ("h", "Text of the letter:")] + letter.blocks
    if rng.random() < 0.3:
        job = rng.choice(["a senior journalist", "a writer", "a columnist"])
        home = rng.choice(CITIES["United Kingdom"] + CITIES["Pakistan"])
        blocks.append(("p", f"({author.name} is {job} based in {home}.)"))
    return _Page("article", _cap(slots.fill(rng.choice(HEADLINES))), when, blocks, updated)


def _statement(rng: random.Random, site: _Site, when: date, budget: int) -> _Page:
    """A press statement: heading, place and date, a speaker who stated and said, quotes."""
    speaker = _person(rng)
    slots = _slots(rng, speaker, _person(rng), when)
    pronoun, city, name = "she" if speaker.female else "he", slots["city"], speaker.name
    intros = [f"{city.upper()}, {_date_en(when, 1)}:", f"{city} — {_date_en(when, 0)}.", ""]
    leads = [f"{speaker.title} {name}, {speaker.role}, stated that"]
    leads += [f"In a statement issued from {city}, {name} said that", f"{speaker.role} {name} said"]
    lead = f"{rng.choice(intros)} {rng.choice(leads)} {slots.fill(rng.choice(POSITIONS))}."
    heading = rng.choice(["Press Release", "PRESS RELEASE", "Press Statement"])
    blocks: list[Block] = [("h", heading), ("p", lead.strip())]
    again = "She" if speaker.female else f"Mr {speaker.surname}"
    for para in _paragraphs(rng, slots, rng.randint(2, 7), budget):
        blocks.append(para)
        if rng.random() < 0.5:
            quote = f"“{slots.fill(rng.choice(QUOTES))},” {pronoun} {rng.choice(SAID)}."
            verb, demand = rng.choice(["demanded", "urged"]), slots.fill(rng.choice(DEMANDS))
            blocks.append(("p", f"{quote} {again} {verb} that {demand}."))
        elif rng.random() < 0.5:
            position = slots.fill(rng.choice(POSITIONS))
            blocks.append(("p", f"{again} {rng.choice(SAID)} that {position}."))
    return _Page("statement", f"{slots.fill(rng.choice(QUOTES))} – {name}", when, blocks)


def _listing(rng: random.Random, site: _Site, when: date, budget: int) -> _Page:
    """A news listing: 8-20 dated items, statements ending '– Name', media link labels."""
    blocks: list[Block] = []
    day, slots = when, _slots(rng, _person(rng), _person(rng), when)  # a party's own listing
    for _ in range(rng.randint(8, 20)):
        day -= timedelta(days=rng.randint(0, 6))
        speaker = _person(rng, "sa", slots["party"])
        r, long_day = rng.random(), _date_en(day, 1)
        if r < 0.45:  # an item is [date, title, teaser, link labels...]
            title = f"{slots.fill(rng.choice(QUOTES))} {rng.choice(['–', '--', '-'])} {speaker.name}"
            said = slots.fill(rng.choice(POSITIONS))
            teaser = f"{speaker.title} {speaker.name}, {speaker.role}, stated that {said}"
            links = rng.choice([["Complete Story", "Urdu Version"], ["Complete Story"]])
            item = [_date_en(day, site.date_fmt), title, teaser] + links
        elif r < 0.75:
            item = ["", f"{_cap(slots.fill(rng.choice(HEADLINES)))} - {long_day}", "", "Full Story"]
        elif r < 0.9:
            event = f"{slots['party']} rally in {slots['city']} - {long_day}"
            item = [long_day, event, "", rng.choice(list(MEDIA_EXT))]
        else:
            parts = [f"Part {i}" for i in range(1, rng.randint(3, 6))]
            item = [long_day, f"Interview with {speaker.name} - {long_day}", ""] + parts
        blocks.append(("item", item))
    titles = ["Latest News", "News and Statements", f"News Archive – {MONTHS_EN[when.month - 1]}"]
    return _Page("listing", rng.choice(titles), when, blocks)


def _slots_ur(rng: random.Random, main: _Person, cities: list[str], when: date) -> _Slots:
    fixed = {"party": rng.choice(PARTIES)[2], "ref": main.name_ur, "year": str(when.year - 3)}
    return _Slots(rng, fixed, {"city": cities, "topic": UR_TOPICS})


def _urdu(rng: random.Random, site: _Site, when: date, budget: int) -> _Page:
    """An Urdu page: a letter ('بخدمت جناب ...') or a press statement, in Arabic script."""
    main, other, city = _person(rng), _person(rng), rng.choice(CITY_UR)
    slots = _slots_ur(rng, main, [city, "کراچی"], when)
    party = slots["party"]
    paras = _paragraphs(rng, slots, rng.randint(3, 7), budget // 2, UR_BODY)
    role = rng.choice(ROLES)[1]
    if rng.random() < 0.5:
        to = [f"بخدمت جناب {main.name_ur} صاحب", role, city]
        blocks: list[Block] = [("p", _date_ur(rng, when)), ("lines", to)]
        blocks += [("p", rng.choice(["جناب عالی،", "محترم جناب،"])), ("p", "السلام علیکم!")]
        sign = rng.choice(["آپ کا مخلص", "والسلام", "نیک تمناؤں کے ساتھ"])
        blocks += paras + [("lines", [sign, other.name_ur, city])]
        return _Page("letter", f"{main.name_ur} کے نام خط", when, blocks, urdu=True)
    said = slots.fill(rng.choice(UR_POSITIONS))
    lead = f"{city} ({_date_ur(rng, when)}) {party} کے {role} {other.name_ur} نے کہا ہے کہ {said}۔"
    blocks = [("h", "پریس ریلیز"), ("p", lead)] + paras
    return _Page("statement", f"{other.name_ur} کا بیان", when, blocks, urdu=True)


Builder = Callable[[random.Random, "_Site", date, int], _Page]
BUILDERS: dict[str, Builder] = {"letter": _letter, "article": _article, "statement": _statement}
BUILDERS |= {"listing": _listing, "urdu": _urdu}


def _make_site(rng: random.Random, index: int, urdu: bool, name: str) -> _Site:
    """One fictional site: its style, menus, date format, own stories and pre-rendered chrome."""
    e, style = html.escape, list(STYLES)[index % len(STYLES)]
    menu = UR_MENU if urdu else ["Home"] + rng.sample(MENU[1:], rng.randint(10, 24))
    start = date(2017, 1, 1) + timedelta(days=rng.randint(0, 2000))
    notice = f"Copyright © {start.year - rng.randint(5, 15)}-{start.year} {name}."
    notice = f"جملہ حقوق محفوظ ہیں © {name}" if urdu else f"{notice} All rights reserved."
    weather, crumb = style == "wordpress" or rng.random() < 0.2, rng.randrange(4)
    site = _Site(f"site-{index:02d}", name, style, urdu, rng.randrange(6), weather, crumb, start, notice)
    for m in menu[1:]:  # a text dump shows a side heading, sometimes followed by its link text
        site.menu += [m, m] if rng.random() < 0.3 else [m]
    for i in range(150):  # the site's own stories and readers, reused by every page's chrome
        slots = _slots(rng, _person(rng), _person(rng), date(2005, 1, 1))
        heads, comments, body = HEADLINES, COMMENTS, BODY
        if urdu:
            slots, heads, comments, body = _slots_ur(rng, _person(rng), CITY_UR, start), *UR_SITE
        head = _cap(slots.fill(rng.choice(heads)))
        when = _date_en(start - timedelta(days=rng.randint(1, 3000)), site.date_fmt)
        site.headlines.append(head)
        site.related.append(RELATED.format(slug=_slug(head), n=i, title=e(head), when=when))
        who, text = _person(rng), slots.fill(rng.choice(comments) + " " + rng.choice(body))
        site.comments.append((f"{who.given} {who.surname[0]}.", e(text)))
    css = []
    for _ in range(rng.randint(60, 220)):
        a, b, c, h = rng.randint(2, 40), rng.randint(1, 9), rng.randint(3, 12) * 100, rng.random()
        rule = rng.sample(CSS_PROPS, rng.randint(2, 6))
        props = ";".join(p.format(a=a, b=b, c=c, h=f"{int(h * 16**6):06x}") for p in rule)
        css.append(f".{rng.choice(CSS_WORDS)}-{rng.choice(CSS_WORDS)}{{{props}}}")
    cfg = ",".join(f'"m{i}":{{"href":"/{_slug(m)}/"}}' for i, m in enumerate(menu))
    spec = {"style": style, "css": "\n".join(css), "cfg": cfg, "lang": "ur" if urdu else "en"}
    site.chrome["head"] = SITE_HEAD.format(sid=rng.randrange(10**8), **spec)
    item = '<li><a href="/{}/">{}</a></li>'
    nav = []
    for m in menu:
        subs = "".join(item.format(_slug(h), e(h)) for h in rng.sample(site.headlines, 3))
        nav.append(f'<li class="menu-item"><a href="/{_slug(m)}/">{e(m)}</a><ul>{subs}</ul></li>')
    site.chrome["nav"] = f'<nav id="main-nav" class="menu"><ul>{"".join(nav)}</ul></nav>\n'
    months = [(y, m) for y in range(start.year, start.year - 4, -1) for m in range(12, 0, -1)]
    archive = "".join(item.format(f"{y}/{m:02d}", f"{MONTHS_EN[m - 1]} {y}") for y, m in months)
    links = "".join(item.format(f"page/{_slug(m)}", e(m)) for m in rng.sample(MENU, 8))
    site.chrome["aside"] = f'<div class="widget links"><h3>Links</h3><ul>{links}</ul></div>\n'
    site.chrome["aside"] += f'<div class="widget"><h3>Archives</h3><ul>{archive}</ul></div>\n'
    site.chrome["foot"] = SITE_FOOT.format(notice=e(notice), cms=STYLES[style][0])
    site.chrome["popular"] = "".join(item.format(_slug(h), e(h)) for h in site.headlines[:6])
    for i in range(600):  # ad slots and trackers: much of a real news page's weight is script
        unit, size, pos = f"{rng.choice(CSS_WORDS)}_{i}", rng.choice(AD_SIZES), rng.randint(1, 9)
        site.script.append(f'adq.push({{slot:"/{site.key}/{unit}",size:[{size}],pos:{pos}}});')
    return site


def _crumbs(site: _Site, page: _Page, section: str) -> list[str]:
    if page.urdu:
        return ["صفحہ اول", section, page.title]
    if site.crumb == 3:
        return ["Home", "All Articles", page.title]
    return ["Home", section] + ([str(page.when.year)] if site.crumb != 1 else []) + [page.title]


def _render_text(rng: random.Random, site: _Site, page: _Page, crawl: date, section: str) -> str:
    crumbs = _crumbs(site, page, section)
    crumb = [" » ".join(crumbs), "You are here: " + " > ".join(crumbs)]
    crumb += ["You are here  : " + " ".join(crumbs), "".join(crumbs)]  # markup gone, words glued
    top, bottom, english = [site.name], list[str](), not page.urdu
    if site.weather:
        top.append(f"{rng.uniform(4, 41):.1f} C\n{_date_en(crawl, 5)}")
    if site.style == "joomla" and english:
        top.append(f"Last Updated: {_date_en(page.updated or crawl, 3)}")
    (top if site.crumb in (0, 3) else bottom).append(crumb[0 if page.urdu else site.crumb])
    top.append(page.title + (" PDF Print E-mail" if site.style == "joomla" and english else ""))
    body = []
    for kind, value in page.blocks:
        if kind == "item" and isinstance(value, list):
            when, title, teaser, *links = value
            tail = " - ".join(links)
            if teaser:  # "...........Complete Story | Urdu Version"
                tail = f"{teaser}{'.' * rng.randint(3, 12)}{' | '.join(links)}"
            body.append("\n".join(line for line in (when, title, tail) if line))
        else:
            body.append("\n".join(value) if isinstance(value, list) else value)
    size, least = sum(map(len, top + body + site.menu)), rng.randint(2100, 3200)
    if page.urdu:
        size += sum(map(len, body))  # Arabic script takes two bytes a letter in UTF-8
    if size < least:  # short pages carry a related-stories list, as small sites do
        bottom.append("متعلقہ خبریں" if page.urdu else "Related Articles")
        for head in rng.sample(site.headlines, 40):
            bottom.append(head)
            size += len(head) + 2
            if size >= least:
                break
    bottom += site.menu
    if site.style == "wordpress":
        bottom += ["- Advertisement -", "Most Popular", "Recent Comments", "Share this:"]
    return "\n\n".join(top + body + bottom + [site.notice]) + "\n"


def _render_html(rng: random.Random, site: _Site, page: _Page, crawl: date, section: str, target: int) -> str:
    e = html.escape
    body = [ICONS] if site.style == "joomla" else []
    for kind, value in page.blocks:
        if kind == "item" and isinstance(value, list):
            when, title, teaser, *labels = value
            href = f"/{_slug(title)}/{{}}.{{}}"
            ext = [MEDIA_EXT.get(lab, "html") for lab in labels]
            hrefs = " | ".join(
                f'<a href="{href.format(_slug(lab), x)}">{e(lab)}</a>'
                for lab, x in zip(labels, ext, strict=True)
            )
            inner = f"<p>{e(teaser)}... {hrefs}</p>" if teaser else f"<p>{hrefs}</p>"
            body.append(NEWS_ITEM.format(when=when, slug=_slug(title), title=e(title), body=inner))
        elif isinstance(value, list):
            body.append("<p>" + "<br>\n".join(e(x) for x in value) + "</p>\n")
        else:
            tag = {"h": "h2", "meta": 'p class="byline"'}.get(kind, "p")
            body.append(f"<{tag}>{e(value)}</{tag.split()[0]}>\n")
    paras = (v for k, v in page.blocks if k == "p" and isinstance(v, str) and len(v) > 80)
    first = next(paras, page.title)
    meta = weather = ""
    if page.kind == "article" and rng.random() < 0.6:
        stamp = f"{page.when}T{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:00+05:00"
        meta = f'<meta property="article:published_time" content="{stamp}">\n'
    if site.weather:
        weather = f'<div class="top-bar">{rng.uniform(4, 41):.1f} C {_date_en(crawl, 5)}</div>'
    crumbs = _crumbs(site, page, section)
    links = [f'<a href="/{_slug(c)}/">{e(c)}</a>' for c in crumbs[:-1]] + [e(crumbs[-1])]
    fill = {"lang": "ur" if page.urdu else "en", "dir": "rtl" if page.urdu else "ltr"}
    fill |= {"title": e(page.title), "site": e(site.name), "description": e(first[:155])}
    fill |= {"meta": meta, "style": site.style, "kind": page.kind, "weather": weather}
    fill |= {"crumbs": " » ".join(links), "body": "".join(body)} | site.chrome
    size = sum(map(len, fill.values())) + len(PAGE) + (len(fill["body"]) if page.urdu else 0)
    related = rng.sample(site.related, rng.randint(3, 12))
    comments = []
    for _ in range(min(int(rng.expovariate(1 / 6)), 40)):  # most pages few comments, some many
        who, text = rng.choice(site.comments)
        when = _date_en(crawl - timedelta(days=rng.randint(1, 900)), 0)
        comments.append(COMMENT.format(n=rng.randrange(10**6), who=who, when=when, text=text))
    size += sum(map(len, related + comments))
    script = []
    for line in site.script[rng.randrange(50) :]:  # then scripts up to the page's weight
        if size >= target:
            break
        script.append(line)
        size += len(line) + 1
    fill |= {"related": "".join(related), "comments": "".join(comments)}
    return PAGE.format(script="\n".join(script), **fill)


def generate_corpus(
    out_dir: Path, count: int, seed: int = 7, html_share: float = 0.5, urdu_share: float = 0.1
) -> list[Path]:
    """Write ``count`` fictional pages under ``out_dir``, a folder per site; return their paths."""
    rng = random.Random(seed)
    names = rng.sample(SITE_NAMES, SITE_COUNT - URDU_SITES) + rng.sample(UR_SITE_NAMES, URDU_SITES)
    sites = [_make_site(rng, i + 1, i >= SITE_COUNT - URDU_SITES, n) for i, n in enumerate(names)]
    english, urdu = [s for s in sites if not s.urdu], [s for s in sites if s.urdu]
    made: set[Path] = set()
    paths: list[Path] = []
    for i in range(count):
        rng = random.Random(seed * 1_000_003 + i)  # one stream per page: page i ignores count
        is_urdu, is_html = rng.random() < urdu_share, rng.random() < html_share
        site = rng.choice(urdu if is_urdu else english)
        when = date(1995, 1, 1) + timedelta(days=rng.randint(0, 7300))
        crawl = site.crawl_start + timedelta(days=rng.randint(0, 90))
        budget = 9000 if is_html else rng.randint(1500, 5200)  # characters of body text
        kind = "urdu" if is_urdu else rng.choices(list(SECTIONS), STYLES[site.style][1])[0]
        page = BUILDERS[kind](rng, site, when, budget)
        section = UR_SECTIONS[page.kind] if is_urdu else SECTIONS[kind]
        folder = Path(out_dir, site.key, "urdu" if is_urdu else _slug(section), str(when.year))
        if folder not in made:
            folder.mkdir(parents=True, exist_ok=True)
            made.add(folder)
        name = f"{page.kind if is_urdu else _slug(page.title)}-{i:05d}"
        if is_html:
            text = _render_html(rng, site, page, crawl, section, rng.randint(20_000, 58_000))
        else:
            text = _render_text(rng, site, page, crawl, section)
        path = folder / f"{name}.{'html' if is_html else 'txt'}"
        path.write_text(text, encoding="utf-8", newline="\n")
        paths.append(path)
    return paths
