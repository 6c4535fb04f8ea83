"""Generate a realistic, fictional corpus of saved web pages about public life.

The pages imitate what maktub reads in the wild: letters on campaign sites, news articles
with letter transcripts inside them, party press releases, dated news listings and Urdu
pages, each wrapped in its site's chrome (menus, breadcrumbs, weather headers, footers),
as complete HTML documents or as text dumps whose markup is already gone. Every person,
party and organisation is invented; cities and countries are real. Standard library only.

Usage::

    from pathlib import Path
    from maktub.sample import generate_corpus

    paths = generate_corpus(Path("/tmp/corpus"), 10_000, seed=7, html_share=0.5)
    # /tmp/corpus/site-03/letters/2004/letter-to-farhan-qureshi-00017.txt, ...

The same arguments always give byte-identical files. Existing files with the same names
are overwritten; other files in ``out_dir`` are left alone.
"""

from __future__ import annotations

import html
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

__all__ = ["generate_corpus"]

SITE_COUNT = 12  # enough distinct chromes for boilerplate learning, few enough to repeat
URDU_SITES = 2

MONTHS = "January February March April May June July August September October November December"
MONTHS_EN = MONTHS.split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS_UR = "جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر".split()
UR_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _pairs(spec: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in (item.split(":") for item in spec.split())]


# "*" marks a woman's name; the Urdu spelling follows the colon.
SA_GIVEN = _pairs(
    "Farhan:فرحان Tariq:طارق Nadeem:ندیم Imran:عمران Junaid:جنید Saima*:صائمہ Rubina*:روبینہ "
    "Kamran:کامران Zubair:زبیر Asif:آصف Waqar:وقار Bilal:بلال Adnan:عدنان Sadia*:سعدیہ "
    "Haroon:ہارون Qasim:قاسم Rizwan:رضوان Nabeel:نبیل Salman:سلمان Faisal:فیصل Sohail:سہیل "
    "Tahira*:طاہرہ Yasir:یاسر Naveed:نوید Zafar:ظفر Anwar:انور Shahid:شاہد Kashif:کاشف "
    "Mehreen*:مہرین Ghazala*:غزالہ Arif:عارف Shabnam*:شبنم Wajid:واجد Taimur:تیمور Khaliq:خالق"
)
SA_SURNAME = _pairs(
    "Qureshi:قریشی Siddiqui:صدیقی Rizvi:رضوی Jafri:جعفری Ansari:انصاری Baloch:بلوچ Memon:میمن "
    "Chandio:چانڈیو Abbasi:عباسی Khattak:خٹک Durrani:درانی Hashmi:ہاشمی Zaidi:زیدی Soomro:سومرو "
    "Naqvi:نقوی Farooqui:فاروقی Bhatti:بھٹی Mirza:مرزا Shaikh:شیخ Kazmi:کاظمی Qadirzai:قادرزئی "
    "Mehrwal:مہروال Sarwani:سروانی Pirzadani:پیرزادانی Lakhiar:لاکھیار Gondalvi:گوندلوی"
)
# Spellings seen for one surname across pages, as transliteration drifts.
VARIANTS = {
    "Qureshi": "Qureishi",
    "Siddiqui": "Siddiqi",
    "Farooqui": "Faruqi",
    "Hashmi": "Hashimi",
    "Jafri": "Jafery",
    "Durrani": "Durani",
    "Khattak": "Khatak",
    "Chandio": "Chandiyo",
}
UK_GIVEN = "Oliver Harriet* Graham Fiona* Rupert Alistair Imogen* Nigel Duncan Philippa* Gareth Eleanor* Hugh Rosalind* Malcolm".split()
UK_SURNAME = "Ashworth Pemberton Hollis Carrow Fenwick Thackwell Lydgate Marchbank Prescott Oakley Wetherby Stanmore Ellery Radcliffe".split()
US_GIVEN = "Bradley Courtney* Tyler Dwight Marcy* Chester Lorraine* Wendell Darlene* Russell Shelby* Garrett".split()
US_SURNAME = "Kowalczyk Hendricks Yarborough Castellano McAllister Brandt Whitcomb Delacourt Pruitt Lindqvist Okafor Sandoval".split()

PARTIES = [
    ("Awami Insaf Front", "AIF", "عوامی انصاف فرنٹ"),
    ("Qaumi Ittehad Tehreek", "QIT", "قومی اتحاد تحریک"),
    ("Sindh Watan Alliance", "SWA", "سندھ وطن اتحاد"),
    ("Pakistan Mazdoor Kisan League", "PMKL", "پاکستان مزدور کسان لیگ"),
    ("Muttahida Shehri Mahaz", "MSM", "متحدہ شہری محاذ"),
    ("Jamhoori Islah Party", "JIP", "جمہوری اصلاح پارٹی"),
    ("Baloch Haqooq Council", "BHC", "بلوچ حقوق کونسل"),
]
ORGS = [
    ("Karachi Citizens Forum", "KCF"),
    ("Overseas Pakistanis Welfare League", "OPWL"),
    ("Council for Muslim Unity", "CMU"),
    ("Sindh Human Rights Watchgroup", "SHRW"),
    ("Textile Workers Union of Faisalabad", "TWUF"),
    ("Association of Pakistani Physicians in Texas", "APPT"),
    ("British Pakistani Forum for Democracy", "BPFD"),
    ("Press Freedom Monitor South Asia", "PFMSA"),
]
# (role, role in Urdu); "{p}" is the person's party, "{c}" a city.
ROLES = [
    ("Chief Minister of Sindh", "وزیر اعلیٰ سندھ"),
    ("Governor of Punjab", "گورنر پنجاب"),
    ("Member National Assembly (MNA)", "رکن قومی اسمبلی"),
    ("Member Provincial Assembly (MPA)", "رکن صوبائی اسمبلی"),
    ("Founder & Leader of the {p}", "بانی و قائد"),
    ("Convener of the {p}", "کنوینر"),
    ("Secretary General of the {p}", "سیکریٹری جنرل"),
    ("Interior Minister", "وزیر داخلہ"),
    ("Prime Minister of Pakistan", "وزیر اعظم پاکستان"),
    ("President of Pakistan", "صدر پاکستان"),
    ("Mayor of {c}", "میئر"),
    ("Senator", "سینیٹر"),
]
UK_ROLES = ["Member of Parliament", "Foreign Secretary", "Prime Minister of the United Kingdom"]
US_ROLES = ["Senator", "Secretary of State", "Member of Congress"]
CITIES = {
    "Pakistan": "Karachi Lahore Hyderabad Islamabad Quetta Peshawar Multan Sukkur Rawalpindi".split(),
    "United Kingdom": "London Birmingham Manchester Bradford Leeds".split(),
    "United States": "Houston Dallas Chicago Plano".split(),
    "Canada": ["Toronto", "Mississauga"],
    "United Arab Emirates": ["Dubai"],
}
CITY_UR = dict(
    _pairs(
        "Karachi:کراچی Lahore:لاہور Hyderabad:حیدرآباد Islamabad:اسلام_آباد Quetta:کوئٹہ "
        "Peshawar:پشاور Multan:ملتان Sukkur:سکھر Rawalpindi:راولپنڈی London:لندن"
    )
)
PROVINCES = ["Sindh", "Punjab", "Balochistan", "Khyber Pakhtunkhwa"]
TOPICS = [
    "the law and order situation in {city}", "the shortage of drinking water in {city}",
    "the forthcoming local government elections", "the arrest of political workers in {city}",
    "load-shedding across {province}", "the rights of overseas Pakistanis",
    "the delimitation of constituencies", "provincial autonomy", "Muslim unity",
    "the relief effort after the floods in {province}", "the freedom of the press",
    "the census figures for {city}", "the quota system in government jobs",
    "the killings of political workers in {city}", "the price of wheat flour",
    "the condition of public hospitals in {city}", "the missing persons of {province}",
]
SHORT_TOPICS = "water shortage|load-shedding|missing workers|census figures|quota system|local polls|press freedom|flood relief|law and order|wheat prices|hospital funds".split("|")
BODY = [
    "The people of {city} have waited too long for a serious answer on {topic}.",
    "I have followed {topic} closely since {year}, and matters have only grown worse.",
    "Nobody in {city} seriously believes that {topic} can be settled by force.",
    "The {party} has promised action on {topic} more than once, yet little has changed on the ground.",
    "Workers of the {acr} gathered outside the press club in {city} on {weekday} afternoon.",
    "Officials in {city} declined to comment on {topic} when contacted.",
    "A delegation of the {org} met {ref} in {city} to discuss {topic}.",
    "There is no shortage of committees, reports and promises; what is missing is the will to act.",
    "Shopkeepers in the old quarters of {city} kept their shutters down for most of the day.",
    "The matter was raised in the provincial assembly, where the debate ended without a vote.",
    "Families of the missing men say they have written to every office they could think of.",
    "{ref} insisted that the {acr} would not be intimidated by threats or arrests.",
    "Critics argue that {topic} has been used for years to divide the people of {province}.",
    "Several speakers demanded an independent judicial inquiry into the events of last {weekday}.",
    "Figures compiled by the {org} suggest that the problem is far larger than officials admit.",
    "Residents of {city} complain that roads, schools and hospitals have been neglected for a decade.",
    "So far the government has offered little beyond statements of sympathy.",
    "Observers in {country} have also begun to ask questions about {topic}.",
    "The issue is hardly new: it was debated at length in {year} and again two years later.",
    "It would be a mistake to treat {topic} as the concern of one city or one party alone.",
    "In {city} alone, more than {n} complaints were lodged with the police in a single month.",
    "Leaders of the {acr} met late into the night to agree on a common position.",
    "Students, traders and labour unions joined the march, which passed off peacefully.",
    "The {org} has offered to mediate, but neither side has yet accepted the offer.",
    "Many in {city} still remember the promises made during the last election campaign.",
    "The provincial government says it has set aside funds, but no work has started.",
    "A spokesman for the {party} described the allegations as baseless and politically motivated.",
    "{other} of the {org} said the community in {city} was watching events closely.",
    "What is needed now is patience, honesty and a willingness to listen to the other side.",
    "Dialogue, not confrontation, is the only way forward for {province}.",
    "Copies of the correspondence have been shared with members of the {acr} central committee.",
    "The delay has cost lives, and those responsible must be held to account.",
    "I have also written to {other} on this subject and am still waiting for an answer.",
    "According to {source}, {claim}.",
    "It is reported that {claim}.",
    "{source_cap} alleged that {claim}.",
]
LETTER_OPEN = [
    "I am writing to draw your attention to {topic}.",
    "I write to you as an ordinary citizen who is deeply concerned about {topic}.",
    "Thank you for your letter of {date}, which reached me only last week.",
    "Further to our meeting in {city}, I would like to set out my views on {topic} in writing.",
    "Allow me to introduce myself: I am a retired engineer and a well-wisher of the people of {city}.",
    "On behalf of the members of the {org}, I wish to raise a matter of some urgency.",
]
LETTER_END = [
    "I would be grateful for an early reply.",
    "I hope you will give these suggestions the serious consideration they deserve.",
    "Please do not hesitate to contact me if you need any further information.",
    "I am enclosing copies of my earlier letters on the subject, including my letter to {other}.",
    "May God give you the courage to take the right decision. Warm regards.",
    "I look forward to hearing from you at your earliest convenience.",
]
SOURCES = [
    "a report published in the press", "a senior police official", "a spokesman for the {acr}",
    "eyewitnesses", "a local journalist", "a human rights activist in {city}",
    "a statement issued by the {org}", "documents seen by this newspaper", "a retired judge",
    "an aide to {ref}", "a former adviser to the Chief Minister",
]
CLAIMS = [
    "{ref} had been warned about the violence weeks in advance",
    "more than {n} workers of the {acr} were detained overnight",
    "funds meant for flood relief in {province} were diverted",
    "meetings in {city} were recorded without the knowledge of those present",
    "{ref} had met officials of the {org} in {city} in secret",
    "ballot boxes were removed from polling stations in {city}",
    "the water board in {city} had not paid its staff for months",
    "a list of {n} names had been handed to the provincial government",
]
POSITIONS = [
    "the government must immediately order a judicial inquiry into {topic}",
    "the people of {city} would not accept any further delay on {topic}",
    "the {acr} condemned the arrest of its workers in {city}",
    "the {party} would observe a day of mourning across {province}",
    "the international community should take notice of {topic}",
    "the rulers had failed to honour their promises on {topic}",
    "all political parties should sit together to find a solution to {topic}",
]
QUOTES = [
    "We will not allow anyone to play with the future of {city}",
    "The {acr} believes in peaceful struggle and will continue it",
    "Those behind these killings must be arrested and brought to justice",
    "Our workers have shown great patience, but patience has its limits",
    "The people of {province} are no longer prepared to be ignored",
    "We have nothing to hide and we welcome an open inquiry",
    "We stand with the victims and their families",
    "The doors of dialogue remain open",
    "{city} belongs to all its citizens, not to the extremists",
]
HEADLINES = [
    "{acr} accused of {accusation}", "{sname} calls for inquiry into {short}",
    "Protest in {city} over {short}", "{party} rejects claims about {short}",
    "Letter from {sname} to {rname} made public", "Questions over {short} after {city} meeting",
    "{city}: {n} arrested as tension rises", "What {sname} really told {rname}",
    "{org_acr} report raises alarm on {short}", "Opposition walks out over {short}",
]
ACCUSATIONS = ["spying on rivals", "misusing relief funds", "rigging local polls", "intimidating journalists", "harbouring absconders"]
COMMENTS = [
    "Well said.", "Who will answer for this?", "Thank you for publishing the full text.",
    "This is exactly what happened in our area too.", "Sad but true.",
    "The same story every year.", "May Allah protect {city}.", "Excellent analysis, keep it up.",
]
UR_BODY = [
    "{city} کے عوام طویل عرصے سے {topic} کے حل کے منتظر ہیں۔",
    "{party} نے بارہا {topic} پر کارروائی کا وعدہ کیا لیکن حالات میں کوئی تبدیلی نہیں آئی۔",
    "اطلاعات کے مطابق {city} میں گزشتہ روز متعدد کارکنوں کو گرفتار کر لیا گیا۔",
    "شہریوں کا کہنا ہے کہ سڑکوں، اسکولوں اور اسپتالوں کی حالت ابتر ہے۔",
    "انہوں نے مطالبہ کیا کہ واقعے کی آزادانہ عدالتی تحقیقات کرائی جائیں۔",
    "ان کا کہنا تھا کہ مسائل کا حل صرف بات چیت کے ذریعے ممکن ہے۔",
    "حکومت نے اب تک صرف ہمدردی کے بیانات پر اکتفا کیا ہے۔",
    "ہم آپ کی توجہ {city} کے شہریوں کو درپیش مشکلات کی جانب مبذول کرانا چاہتے ہیں۔",
    "یہ مسئلہ نیا نہیں بلکہ {year} سے مسلسل سنگین ہوتا جا رہا ہے۔",
    "صوبائی حکومت کا کہنا ہے کہ فنڈز مختص کر دیے گئے ہیں لیکن کام شروع نہیں ہوا۔",
    "کارکنوں نے پرامن رہنے کا عزم ظاہر کیا اور کہا کہ جدوجہد جاری رہے گی۔",
    "{ref} نے کہا کہ {party} کسی دباؤ میں نہیں آئے گی۔",
    "متاثرہ خاندانوں نے بتایا کہ انہوں نے ہر دفتر کا دروازہ کھٹکھٹایا۔",
]
UR_TOPICS = ["امن و امان کی صورتحال", "پانی کی قلت", "بلدیاتی انتخابات", "مہنگائی", "لوڈشیڈنگ", "لاپتہ کارکنوں کا مسئلہ", "سیلاب زدگان کی امداد"]
UR_POSITIONS = ["حکومت {topic} کا فوری نوٹس لے", "{city} کے عوام مزید تاخیر برداشت نہیں کریں گے", "تمام سیاسی جماعتیں مل بیٹھ کر مسائل کا حل نکالیں"]
UR_MENU = "صفحہ اول|ہمارے بارے میں|خطوط|خبریں|بیانات|تصاویر|آڈیو|ویڈیو|رابطہ|English".split("|")
MENU = "Home|About Us|Letters|Press Releases|News|Articles|Archives|Contact|Photo Gallery|Audio|Video|Urdu Section|Mission Statement|Maps of the Region|Population Figures|Links|Donate|Events|Opinion|Editorials|Karachi|Sindh|Pakistan|World|Diaspora|Interviews|Downloads|Newsletter|Sitemap|Privacy Policy|Login".split("|")
SITE_NAMES = "Voice of the Indus|The Sindh Ledger|Diaspora Dispatch|One Ummah Mission|Citizens' Letters|Mehran Review|Frontier Herald Online|South Asia Monitor|Open Letters Archive|Karachi Watch|Qaumi Awaz News|The Overseas Observer|Peace for Karachi|Haq Ki Awaz".split("|")
UR_SITE_NAMES = ["روزنامہ آواز", "سندھ نامہ", "قومی پیغام"]
STYLES = ["joomla", "wordpress", "party", "static"]
KIND_WEIGHTS = {  # letter, article, statement, listing
    "joomla": (6, 2, 1, 1), "wordpress": (1, 6, 2, 2), "party": (1, 1, 5, 4), "static": (4, 2, 3, 1),
}
SECTIONS = {"letter": "Letters", "article": "News", "statement": "Press Releases", "listing": "News Archive"}
CSS_WORDS = "header nav menu item link widget sidebar footer post entry meta title thumb grid col row btn search social share comment avatar reply pager badge".split()
CSS_PROPS = ["margin:0 auto", "padding:{a}px {b}px", "color:#{h}", "font-size:{a}px", "line-height:1.{b}", "border-bottom:1px solid #{h}", "display:flex", "background:#{h}", "text-transform:uppercase", "font-weight:{w}", "max-width:{c}px", "float:left", "list-style:none", "transition:all .{b}s ease"]


@dataclass
class _Person:
    given: str
    surname: str
    title: str
    role: str
    female: bool
    given_ur: str = ""
    surname_ur: str = ""

    @property
    def name(self) -> str:
        return f"{self.given} {self.surname}"

    @property
    def name_ur(self) -> str:
        return f"{self.given_ur} {self.surname_ur}".strip() or self.name


@dataclass
class _Site:
    key: str
    name: str
    domain: str
    style: str
    urdu: bool
    date_fmt: int
    weather: bool
    crumb: int
    menu: list[str]
    headlines: list[str]
    crawl_start: date
    head: str = ""
    nav: str = ""
    aside: str = ""
    foot: str = ""


@dataclass
class _Page:
    kind: str
    title: str
    when: date
    blocks: list[tuple[str, object]] = field(default_factory=list)
    updated: date | None = None
    urdu: bool = False


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


def _person(rng: random.Random, origin: str = "sa", party: str = "", city: str = "") -> _Person:
    if origin == "sa":
        (g, gu), (s, su) = rng.choice(SA_GIVEN), rng.choice(SA_SURNAME)
        role = rng.choice(ROLES)[0].format(p=party or rng.choice(PARTIES)[0], c=city or "Karachi")
    else:
        g, gu, su = rng.choice(UK_GIVEN if origin == "uk" else US_GIVEN), "", ""
        s = rng.choice(UK_SURNAME if origin == "uk" else US_SURNAME)
        role = rng.choice(UK_ROLES if origin == "uk" else US_ROLES)
    female = g.endswith("*")
    g = g.rstrip("*")
    titles = ["Ms", "Mrs", "Dr", "Begum"] if female else ["Mr", "Mr.", "Dr", "Syed", "Mian"]
    if origin != "sa":
        titles = ["Rt. Hon.", "Dr", "Ms" if female else "Mr"]
    return _Person(g, s, rng.choice(titles), role, female, gu.rstrip("*"), su)


def _ordinal(day: int) -> str:
    return "th" if 10 < day % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _date_en(d: date, fmt: int) -> str:
    m, wd = MONTHS_EN[d.month - 1], WEEKDAYS[d.weekday()]
    return [
        f"{m} {d.day}, {d.year}", f"{d.day} {m} {d.year}", f"{d.day}{_ordinal(d.day)} {m} {d.year}",
        f"{wd}, {d.day} {m} {d.year}", f"{d.day:02d}/{d.month:02d}/{d.year}", f"{wd}, {m} {d.day}, {d.year}",
    ][fmt % 6]


def _date_ur(rng: random.Random, d: date) -> str:
    text = f"{d.day} {MONTHS_UR[d.month - 1]} {d.year}"
    return text.translate(UR_DIGITS) if rng.random() < 0.6 else text


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "page"


def _address(rng: random.Random, city: str, country: str) -> list[str]:
    n = rng.randint(2, 2999)
    if country == "Pakistan":
        block = rng.choice("ABCDEFGHJKLN")
        return [f"House No. {n}, Block {block}, Sector {rng.randint(1, 16)}", f"{city}, Pakistan."]
    if country == "United Kingdom":
        street = rng.choice(["Harrowgate Road", "Kingsmead Avenue", "Alder Close", "Mill Lane"])
        return [f"{n} {street}", f"{city} {rng.choice('BEMNSW')}{rng.randint(1, 20)} {rng.randint(1, 9)}{rng.choice('ABDHJ')}{rng.choice('LNPRT')}, England."]
    street = rng.choice(["Willow Bend Drive", "Cedar Ridge Lane", "Maple Court", "Lakeview Parkway"])
    return [f"{n} {street}, {city}", f"{country}."]


def _phone(rng: random.Random, country: str) -> str:
    d = rng.randint
    if country == "Pakistan":
        return rng.choice(["Tel: ", "Ph: ", "Res. Tel : "]) + f"+92-21-{d(2000000, 9999999)}"
    if country == "United Kingdom":
        return rng.choice(["Tel: ", "Telephone: "]) + f"020 {d(7000, 8999)} {d(1000, 9999)}"
    return rng.choice(["Tel: ", "Res. Tel : ", "Phone: "]) + f"{d(201, 989)}-555-{d(1000, 9999)}"


def _slots(rng: random.Random, main: _Person, other: _Person, when: date) -> _Slots:
    """Per-document slots: a party, an organisation, two or three cities, the topics."""
    party, acr, _ = rng.choice(PARTIES)
    org, org_acr = rng.choice(ORGS)
    country = rng.choices(list(CITIES), weights=(6, 2, 2, 1, 1))[0]
    cities = rng.sample(CITIES["Pakistan"], 2) + [rng.choice(CITIES[country])]
    ref = rng.choice([f"Mr {main.surname}", main.name, f"{main.title} {main.name}"])
    if main.surname in VARIANTS and rng.random() < 0.15:  # a misspelt surname, as in the wild
        ref = f"{main.given} {VARIANTS[main.surname]}"
    slots = _Slots(
        rng,
        {"party": party, "acr": acr, "org": org, "org_acr": org_acr, "country": country,
         "sname": main.surname, "rname": other.surname, "year": str(when.year - rng.randint(1, 6)),
         "date": _date_en(when - timedelta(days=rng.randint(10, 90)), rng.randrange(6))},
        {"city": cities, "province": PROVINCES[:2] + [rng.choice(PROVINCES)],
         "topic": rng.sample(TOPICS, 3), "short": SHORT_TOPICS, "ref": [ref, main.name],
         "weekday": WEEKDAYS, "source": SOURCES, "claim": CLAIMS, "accusation": ACCUSATIONS,
         "n": [str(rng.randint(3, 400)) for _ in range(3)], "other": [other.name, f"Mr {other.surname}"]},
    )
    slots.pools["source_cap"] = [s[0].upper() + s[1:] for s in SOURCES]
    return slots


def _paragraphs(rng: random.Random, slots: _Slots, count: int, budget: int, first: list[str] | None = None) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    used = 0
    for i in range(count):
        sentences = [slots.fill(rng.choice(first))] if first and i == 0 else []
        sentences += [slots.fill(t) for t in rng.sample(BODY, rng.randint(2, 6))]
        text = " ".join(sentences)
        if out and used + len(text) > budget:
            break
        used += len(text)
        out.append(("p", text))
    return out


def _letter(rng: random.Random, when: date, budget: int, sender: _Person | None = None) -> tuple[_Page, _Person, _Person]:
    """A letter: dateline, recipient block, optional copy, salutation, body, closing, signature."""
    rcpt = _person(rng, rng.choices(["sa", "uk", "us"], weights=(7, 2, 1))[0])
    sender = sender or _person(rng, "sa")
    slots = _slots(rng, rcpt, sender, when)
    home = rng.choices(list(CITIES), weights=(4, 3, 3, 1, 1))[0]
    city = rng.choice(CITIES[home])
    rcity, rorg = slots["city"], rng.choice([slots["party"], slots["org"], f"Government of {slots['province']}"])
    dateline = _date_en(when, rng.randrange(6))
    blocks: list[tuple[str, object]] = [("p", f"{city}, {dateline}" if rng.random() < 0.3 else dateline)]
    rblock = [f"{rcpt.title} {rcpt.name},", f"{rcpt.role},"]
    if rng.random() < 0.6:
        rblock.append(f"{rorg},")
    rblock.append(rng.choice([f"{rcity}, Pakistan.", f"{rcity}.", "Islamabad."]))
    blocks.append(("lines", rblock))
    if rng.random() < 0.45:
        cc = _person(rng, "sa")
        label = rng.choice(["Copy to: ", "Copy to:  ", "cc: ", "CC: "])
        blocks.append(("p", f"{label}{cc.title} {cc.name}, {rng.choice(ROLES)[0].format(p=slots['party'], c=rcity)}."))
    if rng.random() < 0.3:
        blocks.append(("p", "Subject: " + slots.fill(rng.choice(TOPICS)).capitalize()))
    blocks.append(("p", rng.choice([f"Dear {rcpt.title} {rcpt.surname},", f"Dear {rcpt.title} {rcpt.name},", "Dear Sir," if not rcpt.female else "Dear Madam,", "Respected Sir,"])))
    if rng.random() < 0.35:
        blocks.append(("p", rng.choice(["Assalam-o-Alaikum.", "Assalamo Alaikum. I hope this finds you in good health.", "Greetings."])))
    blocks += _paragraphs(rng, slots, rng.randint(2, 6), budget, LETTER_OPEN)
    blocks.append(("p", slots.fill(rng.choice(LETTER_END))))
    blocks.append(("p", rng.choice(["Yours sincerely,", "Yours sincerely", "Sincerely,", "Yours faithfully,", "With best wishes and warm regards,\nYours sincerely,", "Respectfully yours,"])))
    sig = [f"{sender.title} {sender.name},"]
    if rng.random() < 0.4:
        sig.append(f"{sender.role},")
    sig += _address(rng, city, home if home != "United States" else "U.S.A")
    sig.append(_phone(rng, home))
    if rng.random() < 0.6:
        sig.append(f"E-mail: {sender.given.lower()}.{sender.surname.lower()}@mail{rng.randint(1, 9)}.example")
    blocks.append(("lines", sig))
    role = rcpt.role.split(" of the ")[0].split(" (")[0]
    title = rng.choice([f"Letter to {rcpt.name}, {role}", f"Open letter to the {role}", f"{sender.name} writes to {rcpt.name}", f"Letter to {rcpt.title} {rcpt.name}"])
    return _Page("letter", title, when, blocks), sender, rcpt


def _article(rng: random.Random, site: _Site, when: date, budget: int) -> _Page:
    """A news article: byline, date line, paragraphs with attributed claims, maybe a transcript."""
    main, other, author = _person(rng), _person(rng, rng.choice(["sa", "uk"])), _person(rng)
    slots = _slots(rng, main, other, when)
    title = slots.fill(rng.choice(HEADLINES))
    title = title[0].upper() + title[1:]
    byline = rng.choice([f"By {author.name}", f"By {author.title} {author.name}  : –", f"By {author.name} | {slots['city']}", f"{author.name}, Staff Reporter"])
    blocks: list[tuple[str, object]] = [("meta", byline)]
    pub = _date_en(when, site.date_fmt)
    blocks.append(("meta", rng.choice([f"Published: {pub}", f"Posted on {pub}", pub, f"{pub} at {rng.randint(1, 12)}:{rng.randint(0, 59):02d} pm"])))
    updated = when + timedelta(days=rng.randint(1, 900)) if rng.random() < 0.25 else None
    if updated:
        blocks.append(("meta", f"Last Updated: {_date_en(updated, 3)}"))
    transcript = rng.random() < 0.2
    blocks += _paragraphs(rng, slots, rng.randint(4, 12), budget // (2 if transcript else 1))
    if transcript:
        letter, _, _ = _letter(rng, when - timedelta(days=rng.randint(30, 3000)), budget // 2, main)
        blocks.append(("p", f"The full text of the letter from {main.name} to {letter.title.split(' to ')[-1]} is reproduced below."))
        blocks.append(("h", "Text of the letter:"))
        blocks += letter.blocks
    if rng.random() < 0.3:
        blocks.append(("p", f"({author.name} is a {rng.choice(['senior journalist', 'writer', 'columnist'])} based in {rng.choice(CITIES['United Kingdom'] + CITIES['Pakistan'])}.)"))
    return _Page("article", title, when, blocks, updated)


def _statement(rng: random.Random, when: date, budget: int) -> _Page:
    """A press statement: heading, place and date, a speaker who stated and said, quotes."""
    speaker = _person(rng)
    slots = _slots(rng, speaker, _person(rng), when)
    pr = "she" if speaker.female else "he"
    intro = rng.choice([f"{slots['city'].upper()}, {_date_en(when, 1)}:", f"{slots['city']} — {_date_en(when, 0)}.", ""])
    lead = rng.choice([
        f"{speaker.title} {speaker.name}, {speaker.role}, stated that {slots.fill(rng.choice(POSITIONS))}.",
        f"In a statement issued from {slots['city']}, {speaker.name} said that {slots.fill(rng.choice(POSITIONS))}.",
        f"{speaker.role} {speaker.name} has said that {slots.fill(rng.choice(POSITIONS))}.",
    ])
    blocks: list[tuple[str, object]] = [("h", rng.choice(["Press Release", "PRESS RELEASE", "Press Statement"])), ("p", f"{intro} {lead}".strip())]
    for para in _paragraphs(rng, slots, rng.randint(2, 7), budget):
        blocks.append(para)
        if rng.random() < 0.5:
            verb = rng.choice(["said", "added", "stated", "maintained"])
            blocks.append(("p", f"“{slots.fill(rng.choice(QUOTES))},” {pr} {verb}. {speaker.surname.join(['Mr ', '']) if not speaker.female else 'She'} {rng.choice(['demanded', 'urged', 'said'])} that {slots.fill(rng.choice(POSITIONS))}."))
    title = f"{slots.fill(rng.choice(QUOTES))} – {speaker.name}"
    return _Page("statement", title, when, blocks)


def _listing(rng: random.Random, site: _Site, when: date, budget: int) -> _Page:
    """A news listing: 8–20 dated items, statements ending '– Name', media link labels."""
    blocks: list[tuple[str, object]] = []
    day = when
    for _ in range(rng.randint(8, 20)):
        day -= timedelta(days=rng.randint(0, 6))
        speaker = _person(rng)
        slots = _slots(rng, speaker, _person(rng), day)
        r = rng.random()
        if r < 0.45:
            title = f"{slots.fill(rng.choice(QUOTES))} {rng.choice(['–', '--', '-'])} {speaker.name}"
            teaser = f"{speaker.title} {speaker.name}, {speaker.role}, stated that {slots.fill(rng.choice(POSITIONS))}"
            links = ["Complete Story", "Urdu Version"] if rng.random() < 0.5 else [rng.choice(["Complete Story", "Full Story"])]
            blocks.append(("item", (f"{_date_en(day, site.date_fmt)}", title, teaser, links)))
        elif r < 0.75:
            head = slots.fill(rng.choice(HEADLINES))
            blocks.append(("item", ("", f"{head[0].upper()}{head[1:]} - {_date_en(day, 1)}", None, ["Complete Story"])))
        elif r < 0.9:
            label = rng.choice(["Audio Report (Urdu)", f"Video Clip - {rng.choice(['Reuters', 'AP', 'Staff'])}", "Photographs", "More photographs -- Click here"])
            event = f"{slots['party']} rally in {slots['city']}"
            blocks.append(("item", (_date_en(day, 1), f"{event} - {_date_en(day, 1)}", None, [label])))
        else:
            parts = [f"Part {i}" for i in range(1, rng.randint(3, 6))]
            blocks.append(("item", (_date_en(day, 1), f"Interview with {speaker.name} - {_date_en(day, 1)}", None, parts)))
    title = rng.choice(["Latest News", "News and Statements", f"News Archive – {MONTHS_EN[when.month - 1]} {when.year}"])
    return _Page("listing", title, when, blocks)


def _urdu(rng: random.Random, when: date) -> _Page:
    """An Urdu page: a letter ('بخدمت جناب ...') or a statement, in Arabic script."""
    main, other = _person(rng), _person(rng)
    party_ur = rng.choice(PARTIES)[2]
    city = rng.choice(list(CITY_UR.values())).replace("_", " ")
    slots = _Slots(rng, {"party": party_ur, "ref": main.name_ur, "year": str(when.year - 3)}, {"city": [city, "کراچی"], "topic": UR_TOPICS})
    paras: list[tuple[str, object]] = [("p", " ".join(slots.fill(t) for t in rng.sample(UR_BODY, rng.randint(2, 5)))) for _ in range(rng.randint(2, 6))]
    role_ur = rng.choice(ROLES)[1]
    if rng.random() < 0.5:
        blocks: list[tuple[str, object]] = [("p", _date_ur(rng, when)), ("lines", [f"بخدمت جناب {main.name_ur} صاحب", role_ur, city]), ("p", rng.choice(["جناب عالی،", "محترم جناب،"])), ("p", "السلام علیکم!")]
        blocks += paras + [("lines", [rng.choice(["آپ کا مخلص", "والسلام", "نیک تمناؤں کے ساتھ"]), other.name_ur, city])]
        return _Page("letter", f"{main.name_ur} کے نام خط", when, blocks, urdu=True)
    lead = f"{city} ({_date_ur(rng, when)}) {party_ur} کے {role_ur} {other.name_ur} نے کہا ہے کہ {slots.fill(rng.choice(UR_POSITIONS))}۔"
    blocks = [("h", "پریس ریلیز"), ("p", lead)] + paras
    return _Page("statement", f"{other.name_ur} کا بیان", when, blocks, urdu=True)


def _css(rng: random.Random, rules: int) -> str:
    out = []
    for _ in range(rules):
        sel = f".{rng.choice(CSS_WORDS)}-{rng.choice(CSS_WORDS)}" + rng.choice(["", " a", ":hover", " li", " > span"])
        props = [p.format(a=rng.randint(2, 40), b=rng.randint(1, 9), c=rng.randint(3, 12) * 100, h=f"{rng.randrange(16**6):06x}", w=rng.choice([400, 600, 700])) for p in rng.sample(CSS_PROPS, rng.randint(2, 6))]
        out.append(f"{sel}{{{';'.join(props)}}}")
    return "\n".join(out)


def _make_site(rng: random.Random, index: int, urdu: bool, name: str) -> _Site:
    style = STYLES[index % len(STYLES)]
    menu = UR_MENU if urdu else ["Home"] + rng.sample(MENU[1:], rng.randint(10, 24))
    heads = []
    for _ in range(120):
        slots = _slots(rng, _person(rng), _person(rng), date(2005, 1, 1))
        h = slots.fill(rng.choice(HEADLINES))
        heads.append(h[0].upper() + h[1:])
    domain = f"www.{_slug(name).replace('-', '')}.example" if not urdu else f"www.urdu{index}.example"
    start = date(2017, 1, 1) + timedelta(days=rng.randint(0, 2000))
    site = _Site(f"site-{index:02d}", name, domain, style, urdu, rng.randrange(6), style == "wordpress" or rng.random() < 0.2, rng.randrange(4), menu, heads, start)
    cfg = ",".join(f'"{_slug(m) or i}":{{"id":{i},"href":"/{_slug(m)}/"}}' for i, m in enumerate(menu))
    site.head = (
        f'<link rel="stylesheet" href="/assets/css/{style}.min.css?v={rng.randint(100, 999)}">\n<style>\n{_css(rng, rng.randint(60, 220))}\n</style>\n'
        f"<script>window.siteConfig={{\"menu\":{{{cfg}}},\"lang\":\"{'ur' if urdu else 'en'}\"}};"
        f"(function(d,s){{var t=d.createElement(s);t.async=1;t.src='/assets/js/stats.js?id={rng.randrange(10**8)}';d.head.appendChild(t);}})(document,'script');</script>\n"
    )
    subs = [f'<li><a href="/{_slug(m)}/{_slug(h)}/">{html.escape(h)}</a></li>' for m in menu for h in rng.sample(heads, 3)]
    site.nav = '<nav id="main-nav" class="menu"><ul>' + "".join(f'<li class="menu-item"><a href="/{_slug(m)}/">{html.escape(m)}</a><ul class="sub-menu">{"".join(subs[i * 3:i * 3 + 3])}</ul></li>' for i, m in enumerate(menu)) + "</ul></nav>\n"
    months = "".join(f'<li><a href="/{y}/{mo:02d}/">{MONTHS_EN[mo - 1]} {y}</a></li>' for y in range(2016, 2000, -1) for mo in range(12, 0, -1))
    side = "".join(f'<li><a href="/page/{_slug(m)}/">{html.escape(m)}</a></li>' for m in rng.sample(MENU, 8))
    site.aside = f'<div class="widget widget-links"><h3>Links</h3><ul>{side}</ul></div><div class="widget widget-archive"><h3>Archives</h3><ul>{months}</ul></div>\n'
    cms = {"joomla": "Joomla!", "wordpress": "WordPress", "party": "PortalKit", "static": "SiteBuilder"}[style]
    copyright_line = f"جملہ حقوق محفوظ ہیں © {name}" if urdu else f"Copyright © {start.year - rng.randint(5, 15)}-{start.year} {name}. All rights reserved."
    site.foot = f'<footer id="footer"><p>{html.escape(copyright_line)}</p><p>Powered by <a href="/">{cms}</a></p></footer>\n<script>document.querySelectorAll(".menu-item").forEach(function(m){{m.addEventListener("mouseenter",function(){{m.classList.add("open")}});}});</script>\n'
    return site


def _make_sites(seed: int) -> list[_Site]:
    rng = random.Random(seed)
    names = rng.sample(SITE_NAMES, SITE_COUNT - URDU_SITES) + rng.sample(UR_SITE_NAMES, URDU_SITES)
    return [_make_site(rng, i + 1, i >= SITE_COUNT - URDU_SITES, n) for i, n in enumerate(names)]


def _crumb(site: _Site, page: _Page, section: str) -> str:
    if page.urdu:
        return f"صفحہ اول » {section} » {page.title}"
    return [
        f"Home » {section} » {page.when.year} » {page.title}",
        f"You are here: Home > {section} > {page.title}",
        f"You are here  : Home {section} {page.when.year} {page.title}",
        f"HomeAll Articles{page.title}",
    ][site.crumb]


def _render_text(rng: random.Random, site: _Site, page: _Page, crawl: date, section: str) -> str:
    top = [site.name]
    if site.weather:
        top.append(f"{rng.uniform(4, 41):.1f} C\n{_date_en(crawl, 5)}")
    if site.style == "joomla" and not page.urdu:
        top.append(f"Last Updated: {_date_en(page.updated or crawl, 3)}")
    if site.crumb == 3 and not page.urdu:
        top.append(_crumb(site, page, section))
    top.append(page.title + (" PDF Print E-mail" if site.style == "joomla" and not page.urdu else ""))
    body = []
    for kind, value in page.blocks:
        if kind == "lines":
            body.append("\n".join(value))  # type: ignore[arg-type]
        elif kind == "item":
            when, title, teaser, links = value  # type: ignore[misc]
            tail = ("." * rng.randint(3, 12) + " | ".join(links)) if teaser else "\n" + " - ".join(links)
            body.append(f"{when}\n{title}\n{teaser or ''}{tail}".lstrip())
        else:
            body.append(str(value))
    bottom = [] if site.crumb == 3 else [_crumb(site, page, section)]
    for m in site.menu[1:]:
        bottom += [m, m] if rng.random() < 0.3 else [m]
    if site.style == "wordpress":
        bottom += ["- Advertisement -", "Most Popular", "Recent Comments", "Share this:"]
    bottom.append(site.foot.split("<p>")[1].split("</p>")[0].replace("&#x27;", "'"))
    return "\n\n".join(top + body + bottom) + "\n"


def _render_html(rng: random.Random, site: _Site, page: _Page, crawl: date, section: str, target: int) -> str:
    e = html.escape
    lang = "ur" if page.urdu else "en"
    first = next((str(v) for k, v in page.blocks if k == "p"), page.title)[:155]
    meta = [f'<meta name="description" content="{e(first)}">', f'<meta property="og:title" content="{e(page.title)}">', f'<meta property="og:site_name" content="{e(site.name)}">']
    if page.kind == "article" and rng.random() < 0.6:
        meta.append(f'<meta property="article:published_time" content="{page.when.isoformat()}T{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}:00+05:00">')
    parts = [f'<!DOCTYPE html>\n<html lang="{lang}" dir="{"rtl" if page.urdu else "ltr"}">\n<head>\n<meta charset="utf-8">\n<title>{e(page.title)} | {e(site.name)}</title>\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' + "\n".join(meta) + "\n" + site.head + "</head>\n"]
    weather = f'<div class="top-bar"><span class="temp">{rng.uniform(4, 41):.1f} C</span> <span class="date">{_date_en(crawl, 5)}</span></div>' if site.weather else ""
    parts.append(f'<body class="{site.style} {page.kind}">\n<div id="page">\n<header id="masthead">{weather}<a class="logo" href="/">{e(site.name)}</a><form class="search" action="/search"><input name="q" placeholder="Search"></form></header>\n{site.nav}')
    crumbs = _crumb(site, page, section).replace("You are here  : ", "").replace("You are here: ", "").replace("HomeAll Articles", "Home » All Articles » ")
    parts.append(f'<div class="breadcrumbs">You are here: {" » ".join(e(c) for c in re.split(r" [»>] ", crumbs))}</div>\n<main id="content"><article class="post">\n<h1 class="entry-title">{e(page.title)}</h1>\n')
    if site.style == "joomla":
        parts.append('<div class="icons"><a href="?format=pdf">PDF</a> <a href="?print=1">Print</a> <a href="/mailto/">E-mail</a></div>\n')
    for kind, value in page.blocks:
        if kind == "lines":
            parts.append("<p>" + "<br>\n".join(e(x) for x in value) + "</p>\n")  # type: ignore[attr-defined]
        elif kind == "item":
            when, title, teaser, links = value  # type: ignore[misc]
            hrefs = " | ".join(f'<a href="/{_slug(lab)}/{_slug(title)}.{"mp3" if "Audio" in lab else "wmv" if "Video" in lab else "html"}">{e(lab)}</a>' for lab in links)
            body = f"<p>{e(teaser)}... {hrefs}</p>" if teaser else f'<p class="media">{hrefs}</p>'
            parts.append(f'<div class="news-item"><span class="date">{e(when)}</span><h3><a href="/news/{_slug(title)}.html">{e(title)}</a></h3>{body}</div>\n')
        else:
            tag = {"h": "h2", "meta": 'p class="byline"'}.get(kind, "p")
            parts.append(f"<{tag}>{e(str(value))}</{tag.split()[0]}>\n")
    parts.append('<div class="share"><h4>Share this:</h4><a href="#">Twitter</a> <a href="#">Facebook</a> <a href="#">WhatsApp</a> <a href="#">Email</a></div>\n</article>\n')
    tail = [f'</main>\n<aside id="sidebar"><div class="widget popular"><h3>Most Popular</h3><ul>{"".join(f"<li><a href=/{_slug(h)}/>{e(h)}</a></li>" for h in rng.sample(site.headlines, 6))}</ul></div>', site.aside, "</aside>\n", site.foot, "</div>\n</body>\n</html>\n"]
    size = sum(map(len, parts)) + sum(map(len, tail))
    related, comments = ['<section class="related"><h3>Related Articles</h3><ul>'], ['<section id="comments"><h3>Recent Comments</h3><ol>']
    while size < target:  # pad like real pages do: related stories and reader comments
        if rng.random() < 0.5:
            h = rng.choice(site.headlines)
            item = f'<li class="related-item"><a href="/{section.lower().replace(" ", "-")}/{_slug(h)}/"><img src="/images/thumbs/{_slug(h)[:20]}.jpg" alt="" width="120" height="80"></a><a href="/{_slug(h)}/">{e(h)}</a><span class="date">{_date_en(page.when - timedelta(days=rng.randint(1, 400)), site.date_fmt)}</span></li>'
            related.append(item)
        else:
            who = _person(rng)
            text = rng.choice(COMMENTS).format(city=rng.choice(CITIES["Pakistan"])) + " " + rng.choice(BODY).format(city=rng.choice(CITIES["Pakistan"]), topic="this issue", year="2002", party="party", acr="party", org="committee", ref="he", province="Sindh", weekday="Friday", country="the West", n="fifty", other="a colleague", source="a friend", source_cap="A friend", claim="nothing has changed")
            item = f'<li class="comment"><div class="comment-author"><img class="avatar" src="/avatar/{rng.randrange(10**6)}.png" alt=""> <cite>{e(who.given)} {who.surname[0]}.</cite> says:</div><div class="comment-meta">{_date_en(crawl - timedelta(days=rng.randint(1, 900)), 0)}</div><p>{e(text)}</p><a class="reply" href="#respond">Reply</a></li>'
            comments.append(item)
        size += len(item)
    parts.append("".join(related) + "</ul></section>\n" + "".join(comments) + "</ol></section>\n")
    return "".join(parts + tail)


def generate_corpus(out_dir: Path, count: int, seed: int = 7, html_share: float = 0.5, urdu_share: float = 0.1) -> list[Path]:
    """Write ``count`` fictional pages under ``out_dir`` (one subfolder per site) and return their paths."""
    sites = _make_sites(seed)
    english, urdu = [s for s in sites if not s.urdu], [s for s in sites if s.urdu]
    out_dir = Path(out_dir)
    made: set[Path] = set()
    paths: list[Path] = []
    for i in range(count):
        rng = random.Random(seed * 1_000_003 + i)  # per page, so page i does not depend on count
        is_urdu = rng.random() < urdu_share
        is_html = rng.random() < html_share
        site = rng.choice(urdu if is_urdu else english)
        when = date(1995, 1, 1) + timedelta(days=rng.randint(0, 7300))
        crawl = site.crawl_start + timedelta(days=rng.randint(0, 90))
        budget = 9000 if is_html else rng.randint(1200, 5500)
        if is_urdu:
            page = _urdu(rng, when)
            section = {"letter": "خطوط", "statement": "بیانات"}[page.kind]
        else:
            kind = rng.choices(list(SECTIONS), weights=KIND_WEIGHTS[site.style])[0]
            if kind == "letter":
                page = _letter(rng, when, budget)[0]
            elif kind == "article":
                page = _article(rng, site, when, budget)
            elif kind == "statement":
                page = _statement(rng, when, budget)
            else:
                page = _listing(rng, site, when, budget)
            section = SECTIONS[kind]
        folder = out_dir / site.key / ("urdu" if is_urdu else _slug(section)) / str(when.year)
        if folder not in made:
            folder.mkdir(parents=True, exist_ok=True)
            made.add(folder)
        name = f"{_slug(page.title) if not is_urdu else page.kind}-{i:05d}"
        if is_html:
            text = _render_html(rng, site, page, crawl, section, rng.randint(20_000, 58_000))
            path = folder / f"{name}.html"
        else:
            text = _render_text(rng, site, page, crawl, section)
            path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8", newline="\n")
        paths.append(path)
    return paths
