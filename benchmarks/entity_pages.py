"""Fictional pages with exact gold entities, for measuring an entity recogniser fairly.

    python3 benchmarks/entity_pages.py                 # two sample pages with their gold
    python3 benchmarks/entity_pages.py --check         # 2,000 pages: every gold surface is in its text
    python3 benchmarks/entity_pages.py --check --pages 10000 --words 600 --seed 7

`generate_pages(count, seed, words)` yields `Page`s: plain text of about `words` words (a headline
line, a dateline or byline line, then paragraphs separated by blank lines) in three kinds -- news
articles (about half), press statements (a quarter) and letters (a quarter) -- set in Pakistan,
India or Britain. People and organisations are invented; places are real.

Gold is a tuple of `(surface, type)` pairs, type one of "person", "organization", "place", each
distinct pair once per page, in order of first appearance. A surface is the name as it stands in
the text, without honorific or role ("Haroon Siddiqui" in "Syed Haroon Siddiqui (MNA)", "Siddiqui"
in "Mr Siddiqui's office"), without a leading article ("Awami Insaf Front" in "the Awami Insaf Front"),
and acronyms introduced as "Full Name (ACR)" count as surfaces of their own. Upper-case datelines
("KARACHI") are listed as they appear. Names nested in other names are not produced, so the gold
is flat. Nationality and religious adjectives, roles, months, weekdays, festivals, legal sections
and headline words are never entities, and many of them are deliberately capitalised.

Standard library only; a page depends only on (seed, index), so a longer run extends a shorter one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

PERSON, ORG, PLACE = "person", "organization", "place"
_T = TypeVar("_T")
TYPES = (PERSON, ORG, PLACE)


@dataclass(frozen=True)
class Page:
    """One generated page: its name ("news-7-00012"), its text and its gold entity surfaces."""

    name: str
    text: str
    gold: tuple[tuple[str, str], ...]


# --------------------------------------------------------------------------------------------
# Vocabulary. Origins: "pk" Pakistani/Indian Muslim, "hi" Indian Hindu, "si" Sikh, "br" British.
# Tuples hold spelling variants of one name; the first is the most common.

_GIVEN: dict[str, Sequence[tuple[Sequence[str], str]]] = {
    "pk": [
        ((n,), "m")
        for n in (
            "Haroon Imran Tariq Asif Kamran Faisal Adnan Bilal Zubair Shahid Rashid Saleem Khurram Farhan "
            "Junaid Waqar Arif Nadeem Sohail Irfan Amjad Rizwan Anwar Zahid Hamza"
        ).split()
    ]
    + [(("Usman", "Osman"), "m"), (("Naveed", "Navid"), "m"), (("Javed", "Javaid"), "m")]
    + [
        ((n,), "f")
        for n in (
            "Farah Zainab Sana Nadia Rabia Samina Shazia Nasreen Bushra Hina Saima Mehreen Sadia Uzma Amna"
        ).split()
    ]
    + [(("Ayesha", "Aisha"), "f"), (("Fatima", "Fatema"), "f")],
    "hi": [((n,), "m") for n in "Rajesh Anil Vikram Sunil Manoj Arvind Rahul".split()]
    + [((n,), "f") for n in "Priya Sunita Kavita Anjali Meena Pooja".split()],
    "si": [((n,), "x") for n in "Harpreet Gurpreet Manjit Jaswinder Baljit".split()],
    "br": [
        ((n,), "m")
        for n in (
            "James Oliver Thomas William George Daniel Michael David Richard Andrew Peter Simon Stephen "
            "Matthew"
        ).split()
    ]
    + [
        ((n,), "f")
        for n in (
            "Sarah Emma Charlotte Rachel Helen Claire Lucy Catherine Hannah Victoria Joanne Rebecca"
        ).split()
    ],
}
_MUHAMMAD = ("Muhammad", "Mohammad", "Mohammed")

_SURNAMES: dict[str, list[tuple[str, ...]]] = {
    "pk": [
        (n,)
        for n in (
            "Siddiqui Qureshi Naqvi Malik Khan Shah Butt Zaidi Kazmi Hashmi Ansari Mirza Memon Soomro Khattak "
            "Durrani Awan Bukhari Tirmizi Jatoi Chandio Khoso Paracha Chughtai Dar Abbasi"
        ).split()
    ]
    + [
        ("Rizvi", "Rizwi"),
        ("Baig", "Beg"),
        ("Hussain", "Husain"),
        ("Jafri", "Jafry"),
        ("Farooqi", "Faruqi"),
        ("Lodhi", "Lodi"),
        ("Gillani", "Gilani"),
        ("Rehman", "Rahman"),
        ("Akhtar", "Akhter"),
        ("Mehmood", "Mahmood"),
    ],
    "hi": [
        (n,)
        for n in "Sharma Verma Patel Gupta Kapoor Mehta Joshi Iyer Reddy Banerjee Chatterjee Nair".split()
    ],
    "si": [(n,) for n in "Singh Dhillon Sandhu Grewal Gill".split()],
    "br": [
        (n,)
        for n in (
            "Thompson Hughes Bennett Harrison Fletcher Whitaker Morgan Turner Ellis Wilkinson Spencer Barker "
            "Holloway Pritchard Hargreaves Ashworth Gallagher Doyle Lawson Sutcliffe Crawford Whitfield"
        ).split()
    ]
    + [("Clarke", "Clark"), ("Stevens", "Stephens"), ("McKenzie", "Mackenzie"), ("Reid", "Reed")],
}

# Combinations that would name a well-known real person.
_REAL_PEOPLE = frozenset(
    "Imran Khan|Javed Akhtar|Imran Hashmi|Anil Kapoor|Farah Khan|Nadia Khan|Hamza Abbasi|Amjad Khan|"
    "Irfan Khan|Sarah Khan|Saleem Malik|Javed Hashmi|Faisal Qureshi|Shahid Khan|Rahul Sharma|Sana Khan|"
    "Fatima Bhutto|Zubair Khan|Arif Alvi|David Morgan|Peter Kay|Michael Gove".split("|")
)

_HONORIFICS: dict[tuple[str, str], tuple[str, ...]] = {
    ("pk", "m"): (
        "Mr",
        "Mr",
        "Syed",
        "Mian",
        "Chaudhry",
        "Haji",
        "Maulana",
        "Dr",
        "Justice (retd)",
        "Senator",
        "Sardar",
        "Professor",
    ),
    ("pk", "f"): ("Mrs", "Ms", "Begum", "Dr", "Senator", "Justice (retd)", "Professor", "Syeda"),
    ("hi", "m"): ("Mr", "Shri", "Dr", "Professor", "Justice (retd)"),
    ("hi", "f"): ("Mrs", "Ms", "Smt", "Dr", "Professor"),
    ("si", "m"): ("Mr", "Sardar", "Dr"),
    ("si", "f"): ("Mrs", "Ms", "Dr"),
    ("br", "m"): ("Mr", "Mr", "Dr", "Professor", "Sir", "Cllr", "Councillor"),
    ("br", "f"): ("Mrs", "Ms", "Dr", "Professor", "Dame", "Cllr", "Councillor"),
}
# Honorific -> how later mentions address the person ("" = Mr/Mrs/Ms by gender).
_SHORT_TITLE = {
    "Dr": "Dr",
    "Professor": "Professor",
    "Senator": "Senator",
    "Justice (retd)": "Justice",
    "Cllr": "Cllr",
    "Councillor": "Councillor",
    "Sir": "Sir",
    "Dame": "Dame",
}

_ORIGIN_MIX = {
    "pk": (("pk", 88), ("br", 8), ("hi", 4)),
    "in": (("hi", 50), ("pk", 30), ("si", 10), ("br", 10)),
    "uk": (("br", 45), ("pk", 40), ("hi", 8), ("si", 7)),
}

# Roles written before a name; lower-case ones are attributive ("party chairman Tariq Butt").
_PRE_ROLES = {
    "pk": (
        "Chief Minister",
        "Provincial Minister for Education",
        "Federal Minister for Water Resources",
        "Opposition Leader",
        "Deputy Commissioner",
        "Mayor",
        "Senator",
        "party chairman",
        "union leader",
        "senior lawyer",
        "human rights activist",
        "veteran journalist",
        "provincial health minister",
    ),
    "in": (
        "Chief Minister",
        "Minister of State",
        "District Magistrate",
        "Mayor",
        "MLA",
        "party president",
        "trade union leader",
        "senior advocate",
        "social activist",
        "former minister",
    ),
    "uk": (
        "Councillor",
        "Cllr",
        "Mayor",
        "Deputy Leader",
        "community organiser",
        "local councillor",
        "solicitor",
        "campaigner",
        "trade unionist",
        "former council leader",
    ),
}
_PARENS = {"pk": ("MNA", "MPA"), "in": ("MLA", "MP"), "uk": ("MP",)}

# ", {appositive}," after a full name; {O} is the person's organisation, {Lc} a city.
_APPOSITIVES = (
    "the party's spokesman",
    "a senior lawyer",
    "president of {O}",
    "general secretary of {O}",
    "who heads {O}",
    "a member of {O}",
    "a retired schoolteacher from {Lc}",
    "the provincial finance minister",
    "chief executive of {O}",
    "a spokesperson for {O}",
    "who chairs {O}",
    "an adviser to the Chief Minister",
    "a shopkeeper in {Lc}",
    "the opposition's candidate",
    "a former member of {O}",
)
_APPOSITIVES_UK = (
    "a spokesperson for {O}",
    "who chairs {O}",
    "a member of {O}",
    "the council's cabinet member for housing",
    "a GP in {Lc}",
    "the MP for {Lc}",
    "chief executive of {O}",
    "a volunteer with {O}",
)

_PARTY_NAMES = (
    "Awami Insaf Front",
    "Qaumi Ittehad Party",
    "Jamhoori Sada Movement",
    "Naya Nizam League",
    "Sachai Party",
    "Insaf Dost Front",
    "Awami Tabdeeli Party",
    "People's Reform Alliance",
    "National Justice Front",
    "Democratic Renewal Party",
    "Green Crescent Party",
    "United Citizens Alliance",
    "Haqooq-e-Awam Tehreek",
    "Awam Dost Tehreek",
    "Sabz Parcham League",
    "Progressive Citizens Front",
    "Mehnat Kash Council",
)
_PARTY_NAMES_IN = (
    "Bharat Nav Nirman Party",
    "Lok Adhikar Manch",
    "Jan Seva Dal",
    "Samajik Nyay Party",
    "Nagrik Ekta Front",
    "Kisan Nyay Sangathan",
    "Yuva Shakti Morcha",
)
_PARTY_NAMES_UK = (
    "Community First Party",
    "Northern Independents",
    "Unity Alliance",
    "Fair Deal Party",
    "Citizens' Voice Alliance",
    "People's Change Network",
)
_SECTORS = (
    "Traders",
    "Teachers",
    "Lawyers",
    "Nurses",
    "Transporters",
    "Fishermen",
    "Students",
    "Doctors",
    "Journalists",
    "Farmers",
    "Textile Workers",
    "Rickshaw Drivers",
    "Shopkeepers",
    "Tenants",
    "Taxi Drivers",
    "Market Vendors",
    "Sanitation Workers",
    "Power Loom Workers",
)
_SECTOR_LEAD = (
    "United",
    "Progressive",
    "Joint",
    "Central",
    "All",
    "Federal",
    "Young",
    "Independent",
    "Grand",
)
_SECTOR_TYPE = (
    "Association",
    "Union",
    "Federation",
    "Council",
    "Forum",
    "Alliance",
    "Ittehad",
    "Welfare Society",
    "Action Committee",
)
_NGO_NAMES = (
    "Umeed Foundation",
    "Sahara Welfare Trust",
    "Khidmat Network",
    "Bright Futures Trust",
    "Sapna Trust",
    "Nayi Subah Foundation",
    "Hamqadam",
    "Roshni",
    "Saaya",
    "Insaniyat",
    "Pehchaan",
    "Aas Welfare Society",
    "Safe Water Collective",
    "Women's Action Forum for Justice",
    "Citizens' Rights Watch",
    "Legal Aid Committee for Prisoners",
    "Open Doors Community Trust",
)
_COMPANY_FIRST = (
    "Meher",
    "Kohsar",
    "Zarnab",
    "Noor",
    "Sitara",
    "Falak",
    "Zaitoon",
    "Nagina",
    "Qandeel",
    "Northgate",
    "Brightwater",
    "Harbour Lane",
    "Zarrin",
    "Anmol",
    "Silverline",
)
_COMPANY_SECOND = (
    "Cement",
    "Textiles",
    "Pharmaceuticals",
    "Foods",
    "Steel",
    "Motors",
    "Holdings",
    "Logistics",
    "Builders",
    "Power",
    "Developers",
    "Packaging",
)
_COMPANY_SUFFIX = ("Ltd", "Limited", "Pvt Ltd", "plc")
_NEWSPAPERS = (
    "Daily Sahil",
    "Daily Paigham",
    "Weekly Nigah",
    "Morning Lantern",
    "Evening Courier",
    "Northern Gazette",
    "Daily Khabarnama",
    "Crescent Observer",
    "Weekly Aaina",
    "Frontier Herald",
    "Daily Jazba",
    "Saturday Ledger",
)
# Acronyms that are not organisations and may appear in the text, and those of well-known real bodies.
_NON_ORG_ACRONYMS = frozenset(
    "FIR GDP NGO MNA MPA MLA MP CEO GP NHS CNIC PM UK US UN IMF GST VAT SIM ATM".split()
)
_REAL_ACRONYMS = frozenset(
    "IDF IRA PLO RSS ANC NRA CIA FBI KGB UNDP WWF PFI ISIS TTP BLA PDM SNP PPP PTI MQM ANP BJP BSP SP AAP "
    "JUI PML TLP BNP NUT BBC CID FIA NAB ISI WHO UAE USA EU NATO PIA LDA CDA "
    "KMC HEC NDA UPA CPI TUC RMT NUS NFU PCB ICC FBR SBP SEC PAT PSP JI APS PMA UTA NPF UDF LDF".split()
)

_CITIES = {
    "pk": (
        "Karachi",
        "Lahore",
        "Islamabad",
        "Rawalpindi",
        "Peshawar",
        "Quetta",
        "Multan",
        "Faisalabad",
        "Hyderabad",
        "Sukkur",
        "Gujranwala",
        "Sialkot",
        "Abbottabad",
        "Larkana",
        "Gwadar",
        "Mardan",
        "Bahawalpur",
        "Mirpur Khas",
        "Thatta",
    ),
    "in": (
        "Delhi",
        "New Delhi",
        "Mumbai",
        "Lucknow",
        "Kolkata",
        "Chennai",
        "Amritsar",
        "Aligarh",
        "Bhopal",
        "Patna",
        "Hyderabad",
        "Ahmedabad",
        "Jaipur",
        "Srinagar",
        "Kanpur",
    ),
    "uk": (
        "London",
        "Birmingham",
        "Manchester",
        "Bradford",
        "Leeds",
        "Glasgow",
        "Leicester",
        "Luton",
        "Edinburgh",
        "Cardiff",
        "Oldham",
        "Slough",
        "Blackburn",
        "Rochdale",
        "Sheffield",
    ),
}
_NEIGHBOURHOODS = {
    "Karachi": (
        "Orangi Town",
        "Lyari",
        "Korangi",
        "Clifton",
        "Gulshan-e-Iqbal",
        "Saddar",
        "Malir",
        "Nazimabad",
    ),
    "Lahore": ("Model Town", "Gulberg", "Anarkali", "Shahdara", "Ichhra", "Johar Town"),
    "Islamabad": ("Bhara Kahu", "Tarnol"),
    "Rawalpindi": ("Satellite Town", "Dhok Hassu"),
    "Peshawar": ("Hayatabad", "Qissa Khwani"),
    "Quetta": ("Hazara Town",),
    "Hyderabad": ("Latifabad", "Qasimabad"),
    "Delhi": ("Chandni Chowk", "Jamia Nagar", "Shaheen Bagh", "Seelampur"),
    "Mumbai": ("Dharavi", "Bandra", "Kurla", "Mumbra"),
    "Lucknow": ("Aminabad", "Hazratganj"),
    "London": ("Southall", "Whitechapel", "Tower Hamlets", "Tooting", "Ilford", "Wembley"),
    "Birmingham": ("Small Heath", "Sparkbrook", "Alum Rock", "Handsworth"),
    "Bradford": ("Manningham", "Girlington"),
    "Manchester": ("Rusholme", "Longsight", "Cheetham Hill"),
    "Leeds": ("Harehills", "Beeston"),
    "Leicester": ("Belgrave", "Highfields"),
}
_REGIONS = {
    "pk": ("Sindh", "Punjab", "Balochistan", "Khyber Pakhtunkhwa", "Gilgit-Baltistan"),
    "in": (
        "Uttar Pradesh",
        "Bihar",
        "Maharashtra",
        "Gujarat",
        "Kerala",
        "West Bengal",
        "Telangana",
        "Punjab",
    ),
    "uk": ("Yorkshire", "West Midlands", "Lancashire", "Scotland", "Wales", "Greater Manchester"),
}
_HOME_COUNTRY = {"pk": ("Pakistan",), "in": ("India",), "uk": ("Britain", "United Kingdom", "England")}
_COUNTRIES = (
    "Pakistan",
    "India",
    "Britain",
    "Bangladesh",
    "Afghanistan",
    "Saudi Arabia",
    "United Arab Emirates",
    "Qatar",
    "China",
    "Iran",
    "Canada",
    "United States",
    "Malaysia",
    "Oman",
)
_FOREIGN_CITIES = (
    "Dubai",
    "Jeddah",
    "Riyadh",
    "Doha",
    "Kabul",
    "Dhaka",
    "Toronto",
    "New York",
    "Beijing",
    "Tehran",
    "Muscat",
    "Kuala Lumpur",
)

_NATIONALITY = {
    "pk": ("Pakistani",),
    "in": ("Indian",),
    "uk": ("British", "British Pakistani", "British Asian"),
}
_FESTIVALS = {
    "pk": ("Eid", "Eid ul Adha", "Ramadan", "Muharram"),
    "in": ("Eid", "Diwali", "Holi", "Ramadan"),
    "uk": ("Christmas", "Eid", "Ramadan", "Easter", "Diwali"),
}
_LANGUAGES = {
    "pk": ("Urdu", "English", "Sindhi", "Pashto", "Punjabi"),
    "in": ("Hindi", "Urdu", "English"),
    "uk": ("English", "Urdu", "Punjabi"),
}
_ROLES_ALONE = {
    "pk": (
        "the Chief Minister",
        "the Prime Minister",
        "the Governor",
        "the Deputy Commissioner",
        "the Inspector General of Police",
        "the Chief Justice",
        "the Speaker",
        "the Finance Minister",
    ),
    "in": (
        "the Chief Minister",
        "the District Magistrate",
        "the Prime Minister",
        "the Governor",
        "the Home Minister",
        "the Commissioner of Police",
    ),
    "uk": (
        "the Mayor",
        "the Home Secretary",
        "the Prime Minister",
        "the Leader of the Council",
        "the Chief Constable",
        "the Chancellor",
    ),
}
_SECTIONS = {
    "pk": (
        "Section 144",
        "Article 19 of the Constitution",
        "Article 25 of the Constitution",
        "Section 7 of the Anti-Terrorism Act",
    ),
    "in": ("Section 144", "Article 21 of the Constitution", "Section 188 of the Indian Penal Code"),
    "uk": (
        "Section 60 of the Criminal Justice and Public Order Act",
        "Article 8 of the Human Rights Act",
        "Section 14 of the Public Order Act",
    ),
}
_TOPICS = {
    "pk": (
        "water shortage",
        "load-shedding",
        "flood relief",
        "rise in fuel prices",
        "closure of the textile mill",
        "new property tax",
        "delay in salaries",
        "sewerage problem",
        "land dispute",
        "school fee increase",
        "gas shortage",
        "demolition drive",
    ),
    "in": (
        "water shortage",
        "flood relief",
        "rise in fuel prices",
        "demolition drive",
        "land dispute",
        "delay in salaries",
        "school fee increase",
        "power cuts",
    ),
    "uk": (
        "housing crisis",
        "council budget cuts",
        "bus fare increase",
        "hospital waiting lists",
        "closure of the library",
        "visa backlog",
        "rise in energy bills",
        "youth centre closure",
    ),
}
_RELIGIONS = ("Muslim", "Hindu", "Christian", "Sikh")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_SUBHEADINGS = (
    "Budget Debate Continues",
    "What Happens Next",
    "Opposition Reacts",
    "Funding Gap",
    "Residents Speak Out",
    "A Long History",
    "Questions Remain",
    "Promises And Delays",
    "Legal Challenge",
    "Traders Count The Cost",
    "Calls For Calm",
    "Security Tightened",
)

# --------------------------------------------------------------------------------------------
# Templates. Slots: {P} person (any form, may carry an appositive, so a verb must follow), {Pn} person
# with at most a title before, {Pb} bare name, {Pq} bare name inside quotes; {he} {He} {his} {His} {him}
# refer to the last person of the sentence; {O} organisation with article, {Oa} without (attributive),
# {N} newspaper; {L} any home place, {Lh} the page's home city, {Lc} a home city, {Ln} a neighbourhood,
# {Lr} a province or region, {Lk} a country, {Lf} a foreign city; the rest are non-entities.
# A prefix "PI|" keeps a template to Pakistan and India, "UK|" to Britain.

_HEADLINES_NEWS = (
    "{Ph} Rejects Budget Proposals",
    "Budget Debate Continues",
    "Traders Threaten Strike Over New Taxes",
    "{Lhh} Braces For Heavy Rain",
    "{Oh} Demands Inquiry Into Police Raid",
    "Water Crisis Deepens In {Lhh}",
    "Talks Stall As Deadline Nears",
    "{Ph} Vows To Fight On",
    "Protest Turns Violent In {Lhh}",
    "Families Wait For Flood Relief",
    "Council Approves Cuts Despite Protests",
    "Opposition Walks Out Of Assembly",
    "{Oh} Announces Candidates For By-Election",
    "Hospital Staff Go On Strike",
    "Fuel Prices Rise Again Ahead Of Eid",
    "{Ph} And {Ph} Clash Over {Topic}",
    "Court Orders Fresh Probe",
    "Residents Of {Lhh} Block Main Road",
    "New Plan For {Topic} Unveiled",
    "{Ph} Steps Down",
    "{Topic}: What We Know So Far",
)
_HEADLINES_STATEMENT = (
    "{Oh} Condemns Arrest Of Student Leaders",
    "{Oh} Calls For Fair Wages",
    "Statement On The {Topic}",
    "{Oh} Welcomes Court Verdict",
    "Press Statement: {Oh} Responds To Budget",
    "Joint Statement On {Topic}",
    "{Oh} Demands Action On {Topic}",
    "We Will Not Be Silenced",
    "{Oh} Statement On Events In {Lhh}",
)
_HEADLINES_LETTER = (
    "Open Letter To The Chief Minister On {Topic}",
    "Letter Regarding {Topic}",
    "Residents Of {Lhh} Write To {Ph}",
    "Letter: {Topic} In {Lhh}",
    "An Appeal On Behalf Of Affected Families",
    "Open Letter On {Topic}",
    "Letter To The Editor: {Topic}",
    "Complaint Concerning {Topic}",
)

_GENERAL = (
    "{P} said on {DAY} that the {TOPIC} in {L} had become impossible to ignore.",
    "Talks between {Pb} and {Pb} ended without agreement late on {DAY} night.",
    "{Pn}'s office confirmed that a meeting with {O} would take place in {Lc} next week.",
    "According to {Pb}, more than {NUM} families in {Ln} have been affected by the {TOPIC}.",
    "{Lc} saw the largest turnout in years as supporters of {O} gathered outside the press club.",
    "PI|{ROLE} said the provincial government would release {MONEY} before {FEST}.",
    "{ROLE} did not respond to requests for comment.",
    "PI|Police imposed Section 144 in parts of {Lc} after clashes between rival groups on {DAY}.",
    '"We have waited long enough," {Pn} told reporters in {Lc}.',
    '"{Pq} has promised us the same thing every year," said a shopkeeper in {Ln}.',
    "{O} accused the government of ignoring the {TOPIC} and demanded an inquiry within {NUM} days.",
    "Speaking at a rally in {L}, {P} criticised the budget as a betrayal of working families.",
    "{Oa} workers blocked the main road from {Lc} to {Lc} for several hours.",
    "Later, {Pb} and {Pb} met at the residence of {Pn} in {Ln}.",
    "In a statement issued on {DAY}, {O} said it would challenge the decision in court.",
    "The {TOPIC} was also raised in Parliament last month, where members from {Lr} walked out in protest.",
    "{P} is expected to visit {Lk} in {MONTH} to meet members of the diaspora.",
    "Residents of {Ln} complained that the {TOPIC} had worsened since {MONTH}.",
    "{Pb} denied the allegations and said {he} had never met anyone from {O}.",
    "It is the third time this year that {Lc} has faced such a crisis.",
    "Officials in {Lr} said a committee would submit its findings by the end of {MONTH}.",
    "A spokesman for {O} said the figures were misleading.",
    "{Pn} told the {N} that {he} would raise the matter with the Cabinet.",
    "PI|The Assembly was adjourned until {DAY} after opposition members staged a walkout.",
    "Traders in {Lc} kept their shops closed on {DAY} in response to a call by {O}.",
    "{Pb}'s supporters gathered outside the court, chanting slogans against {Pb}.",
    "Many families in {Ln} said they could not afford to celebrate {FEST} this year.",
    "The budget allocates {MONEY} for the {TOPIC}, up from {MONEY} last year.",
    "Every citizen is equal before the law, {Pb} reminded the audience, citing {SEC}.",
    "The {N} reported that {NUM} people had been detained in {Lc} since {DAY}.",
    "{Lc} and {Lc} recorded the highest temperatures in the country on {DAY}.",
    "Meanwhile, {P} announced that {O} would field candidates in every constituency in {Lr}.",
    "The decision was welcomed by {Pn}, who described it as long overdue.",
    "Critics, including {Pb}, argue that the scheme benefits only a handful of contractors.",
    "Flights between {Lc} and {Lf} were suspended for two days.",
    "{Pn}, whose family moved to {Lc} from {Lf} in the 1970s, said the community felt ignored.",
    "{Pb} was asked whether {he} would resign and said the question was premature.",
    "Every Friday since {MONTH}, volunteers from {O} have distributed food parcels in {Ln}.",
    "Sources close to {Pb} said {he} was unhappy with the appointment of {Pb} as adviser.",
    "Doctors at the main hospital in {Lc} said they had treated {NUM} patients since {DAY}.",
    "The Prime Minister is due to chair a meeting on the issue on {DAY}.",
    "The federal government has so far released only {MONEY} of the promised amount.",
    '"This is not about politics," {Pb} said. "It is about dignity."',
    '"{Pq} knows exactly what is happening in {Ln}," said one resident.',
    "Both {Pb} and {Pb} are members of {O}.",
    "Earlier this month, {O} and {O} signed an agreement to work together on the {TOPIC}.",
    "{Pn} also met representatives of {O} at {his} office in {Lc}.",
    "{DAY}'s protest in {Lh} was largely peaceful, police said.",
    "In {MONTH}, {Pb} resigned from {O}, citing differences with the leadership.",
    "Last year, {Lr} received less than half its share of funds, {Pb} said.",
    "Speaking in {LANG}, {Pb} thanked the people of {L} for their support.",
    "{RELIG} and {RELIG} community leaders in {Lc} issued a joint appeal for calm.",
    "{NAT} families in {Lc} have raised {MONEY} for flood victims in {Lr}.",
    "PI|Police registered an FIR against {NUM} unidentified people.",
    "The GDP figures published in {MONTH} showed growth slowing to {PCT}.",
    "{Pb} has represented {Lc} since {YEAR}.",
    "Party workers from {Lc}, {Lc} and {Lc} are expected to attend.",
    "The {TOPIC} has hit {Ln} hardest, according to a survey by {O}.",
    "{O} has been campaigning on the issue since {YEAR}.",
    "{Oa} chairman {Pb} called the move an attack on ordinary workers.",
    "A delegation led by {Pn} will travel to {Lf} next month.",
    "Neither {Pb} nor {O} could be reached for comment.",
    "On {DAY}, {Pn} chaired a meeting at the secretariat in {Lc}.",
    'Posters reading "{Pq} Zindabad" appeared overnight across {Lc}.',
    "{Lk} has offered technical help, according to {Pn}.",
    '{Pb} said {his} meeting with {Pb} had been "frank but useful".',
    "The Chief Minister's adviser, who asked not to be named, said the file had been sent back twice.",
    "Demonstrators marched from {Ln} to the press club, where {Pn} addressed them.",
    "When {Pb} arrived in {Lc}, hundreds of supporters were waiting at the airport.",
    "Police said {NUM} people were injured, among them a cousin of {Pn}.",
    "The money was transferred to an account held by {O}, the inquiry found.",
    "{Lr} has the lowest literacy rate in the country, a point {Pb} raised repeatedly.",
    "In an interview with the {N}, {P} said the party would not join any coalition.",
    "Those present included {Pn}, {Pn} and several members of {O}.",
    "UK|The council's cabinet met on {DAY} and approved cuts of {MONEY}.",
    "UK|Parents in {Ln} have started a petition, which {Pb} has promised to present to the council.",
    "UK|{Pn} said families in {Ln} were choosing between heating and eating.",
    "UK|Police in {Lr} said {NUM} people had been arrested after the march.",
    "PI|Load-shedding of up to 12 hours a day has been reported in {Ln}, residents said.",
    "PI|{Pn} warned that the strike would spread to {Lc} and {Lc} if talks failed.",
    "PI|The Deputy Commissioner said Section 144 would remain in force until {FEST}.",
)
_STATEMENT = (
    "{O} strongly condemns the arrest of {NUM} of its workers in {Lc} on {DAY}.",
    "{O} calls on {ROLE} to order an immediate and impartial inquiry.",
    '"Our members in {Lr} have shown remarkable patience," said {Oa} president {Pb}.',
    "We stand in solidarity with the people of {Ln} and demand that services be restored before {FEST}.",
    "{O} will hold a press conference at the press club in {Lh} on {DAY} at 3pm.",
    "The {Oa} central committee met in {Lc} under the chairmanship of {Pn}.",
    "The meeting was attended by {Pb}, {Pb} and {Pb}, among others.",
    "{O} reiterates its demand that the {TOPIC} be debated in Parliament.",
    "We also note with concern the remarks made by {Pn} on {DAY}.",
    "{O} welcomes the decision of {O} to join the campaign.",
    "The statement was signed by {Pb} on behalf of the executive council.",
    "Members are requested to gather at {Ln} after Friday prayers.",
    "{O} has written to {Pn} seeking an urgent meeting.",
    "{O} was founded in {YEAR} and has branches in {Lc}, {Lc} and {Lc}.",
    "{O} thanks its volunteers in {Lc} and {Lf} for their tireless work during {FEST}.",
    '"The government cannot hide behind committees any longer," {P} said.',
    "The {TOPIC} is not a natural disaster but the result of years of neglect.",
    "We demand the immediate release of {Pb}, who has been held without charge since {DAY}.",
    "{Pn} will lead a delegation to {Lr} next week to meet affected families.",
    "{O} has documented {NUM} cases in {Ln} alone.",
    "Our legal team, led by {Pn}, will file a petition on {DAY}.",
    "{O} rejects the allegations published in the {N} as baseless.",
    "The executive council also paid tribute to the late {Pb}, who served {O} for {NUM} years.",
    "We appeal to all members to remain peaceful and to cooperate with the authorities.",
    "{O} and {O} will jointly observe {DAY} as a day of protest across {Lr}.",
)
_LETTER = (
    "As you will be aware, {Ln} has been without a reliable service since {MONTH}.",
    "On {DAY} {DATE}, a delegation led by {Pn} met officials in {Lc}, but no assurance was given.",
    "We have written to your office three times, most recently on {DATE}, without reply.",
    "{Pb} of {O} has offered to assist with a survey of affected households.",
    "I would be grateful if you could meet a small delegation from {O} at your earliest convenience.",
    "We would also request that {Pn} be included in any such meeting, given {his} long experience.",
    "The situation in {Ln} is worse than in neighbouring areas.",
    "Many of our members travel daily between {Lc} and {Lc} for work.",
    "We trust that you will give this matter the attention it deserves.",
    "I enclose a copy of the report prepared by {O} in {MONTH}.",
    "Please do not hesitate to contact me, or {Pb} at our office in {Lc}.",
    "Your predecessor, {Pb}, gave us a written undertaking in {YEAR} that this would be resolved.",
    "With {FEST} approaching, families in {Ln} cannot afford further delays.",
    "The children of {Ln} deserve the same opportunities as those in {Lc}.",
    "I have lived in {Ln} for {NUM} years and have never seen conditions this bad.",
    "Last {MONTH}, {Pn} raised the issue in the Assembly, yet nothing has changed.",
    "Our association has {NUM} members, most of them daily wage earners.",
    "We are not asking for favours; we are asking for what {SEC} guarantees.",
    "It is our understanding that {O} was awarded the contract in {YEAR}.",
    "Several elderly residents, including {Pb}, have had to be taken to hospital in {Lc}.",
    "I also wish to draw your attention to a report in the {N} dated {DATE}.",
    "{Pb} and I would welcome the chance to show you the affected streets.",
    "We remain hopeful that a solution can be found before {FEST}.",
    "Sir, the people of {Lr} have been patient for too long.",
)

_LETTER_OPENERS = (
    "I am writing on behalf of the residents of {Ln} to draw your attention to the {T}.",
    "We, the undersigned members of {O}, write to you about the {T} in {Ln}.",
    "I write as a resident of {Ln} who has watched the {T} grow worse month by month.",
    "Please allow me to bring to your notice the {T}, which affects thousands of families in {Lh}.",
    "I am writing to you, on behalf of {O}, about the {T}.",
)
_LETTER_CLOSERS = (
    "We look forward to your early response.",
    "Thank you for your time and attention to this urgent matter.",
    "I look forward to hearing from you at your earliest convenience.",
    "May Allah reward your efforts.",
    "We hope for your kind consideration.",
)
_SLOT = re.compile(r"\{(\w+)\}")
_PARTS: dict[str, tuple[str, ...]] = {}  # template -> literal, slot, literal, ...
_FEMININE = {"he": "she", "He": "She", "his": "her", "His": "Her", "him": "her"}
_OTHER_CITIES = {c: tuple(x for k, v in _CITIES.items() if k != c for x in v) for c in _CITIES}
_CITIES_WITH_AREAS = {c: tuple(x for x in v if x in _NEIGHBOURHOODS) for c, v in _CITIES.items()}


def _tagged(templates: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {"pk": [], "in": [], "uk": []}
    for t in templates:
        tag, _, body = t.partition("|") if t[:3] in ("PI|", "UK|") else ("", "", t)
        for country in out:
            if not tag or (tag == "PI" and country != "uk") or (tag == "UK" and country == "uk"):
                out[country].append(body)
    return {k: tuple(v) for k, v in out.items()}


_GENERAL_BY = _tagged(_GENERAL)
_STATEMENT_BY = _tagged(_STATEMENT)
_LETTER_BY = _tagged(_LETTER)


def _pick(rng: random.Random, seq: Sequence[_T]) -> _T:
    """rng.choice, a third of the cost; the benchmark must make 10,000 pages in a few seconds."""
    return seq[int(rng.random() * len(seq))]


def _int(rng: random.Random, low: int, high: int) -> int:
    return low + int(rng.random() * (high - low + 1))


@functools.cache
def _acronym(name: str) -> str | None:
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper()]
    if len(words) < 3 or "'" in name:
        return None
    acr = "".join(w[0] for w in words)
    return None if acr in _NON_ORG_ACRONYMS or acr in _REAL_ACRONYMS or len(acr) > 5 else acr


# --------------------------------------------------------------------------------------------


@dataclass
class _Person:
    given: str
    given_alt: str | None
    surname: str
    surname_alt: str | None
    gender: str
    honorific: str
    pre_role: str | None
    paren: str | None
    org: _Org | None
    introduced: bool = False

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"

    @property
    def short_title(self) -> str:
        title = _SHORT_TITLE.get(self.honorific, "")
        if title:
            return title
        if self.gender == "m":
            return "Mr"
        return "Mrs" if self.honorific == "Mrs" or self.honorific == "Begum" else "Ms"


@dataclass
class _Org:
    name: str
    acronym: str | None
    article: bool
    kind: str
    suffix: str | None = None
    introduced: bool = False
    acr_introduced: bool = False
    force_acronym: bool = False


@dataclass
class _Builder:
    rng: random.Random
    country: str
    kind: str
    gold: dict[tuple[str, str], None] = field(default_factory=dict)
    people: list[_Person] = field(default_factory=list)
    pool: list[_Person] = field(default_factory=list)  # people the body may mention
    orgs: list[_Org] = field(default_factory=list)
    newspaper: _Org | None = None
    home: str = ""
    used: set[object] = field(default_factory=set)  # ids and place names already in this sentence
    head_people: list[_Person] = field(default_factory=list)
    topic: str = ""
    places: dict[str, list[str]] = field(default_factory=dict)
    areas: list[tuple[str, str]] = field(default_factory=list)
    last: _Person | None = None
    surnames: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    alt_spelling: bool = False

    # ---- entities ------------------------------------------------------------------------

    def add(self, surface: str, kind: str) -> str:
        self.gold.setdefault((surface, kind), None)
        return surface

    def new_person(self, origin: str | None = None, org: _Org | None = None) -> _Person:
        rng = self.rng
        if origin is None:
            r = rng.random() * 100
            origin = "pk"
            for name, weight in _ORIGIN_MIX[self.country]:
                origin = name
                r -= weight
                if r < 0:
                    break
        taken = self.surnames | {p.given for p in self.people}
        given, gender = "", "m"
        given_v: Sequence[str] = ("",)
        while True:
            given_v, gender = _pick(rng, _GIVEN[origin])
            surname_v = _pick(rng, _SURNAMES[origin])
            given = _pick(rng, given_v)
            surname = surname_v[0] if len(surname_v) == 1 else _pick(rng, surname_v)
            if f"{given} {surname}" in _REAL_PEOPLE or surname in taken or given in taken:
                continue
            if set(surname_v) & taken:
                continue
            break
        if gender == "x":
            gender = _pick(rng, "mf")
        given_alt = next((g for g in given_v if g != given), None)
        if origin == "pk" and gender == "m" and rng.random() < 0.15:
            mu = _pick(rng, _MUHAMMAD)
            given_alt = f"{_pick(rng, [m for m in _MUHAMMAD if m != mu])} {given}"
            given = f"{mu} {given}"
        surname_alt = next((s for s in surname_v if s != surname), None)
        hon_key = (origin, gender if gender in "mf" else "m")
        honorific = _pick(rng, _HONORIFICS[hon_key]) if rng.random() < 0.65 else ""
        pre_role = _pick(rng, _PRE_ROLES[self.country]) if rng.random() < 0.35 else None
        if pre_role and honorific in ("Justice (retd)", "Senator", "Cllr", "Councillor", "Sir", "Dame"):
            pre_role = None
        paren = _pick(rng, _PARENS[self.country]) if rng.random() < 0.15 else None
        person = _Person(given, given_alt, surname, surname_alt, gender, honorific, pre_role, paren, org)
        self.surnames.update(surname_v)
        self.surnames.add(given.split()[-1])
        self.people.append(person)
        return person

    def new_org(self, kind: str) -> _Org:
        rng = self.rng
        taken = {o.name for o in self.orgs}
        article, suffix = True, None
        for _ in range(50):
            if kind == "party":
                names = {"pk": _PARTY_NAMES, "in": _PARTY_NAMES_IN, "uk": _PARTY_NAMES_UK}[self.country]
                name = _pick(rng, names)
                article = not name.endswith(("Manch", "Dal", "Morcha", "Sangathan")) or rng.random() < 0.5
            elif kind == "assoc":
                name = f"{_pick(rng, _SECTOR_LEAD)} {_pick(rng, _SECTORS)} {_pick(rng, _SECTOR_TYPE)}"
            elif kind == "ngo":
                name = _pick(rng, _NGO_NAMES)
                article = len(name.split()) > 1
            elif kind == "company":
                name = f"{_pick(rng, _COMPANY_FIRST)} {_pick(rng, _COMPANY_SECOND)}"
                article = False
                suffix = _pick(rng, _COMPANY_SUFFIX) if rng.random() < 0.4 else None
            else:
                name = _pick(rng, _NEWSPAPERS)
            if name not in taken:
                break
        acr = _acronym(name) if kind in ("party", "assoc", "ngo") else None
        if acr in self.acronyms:
            acr = None
        if acr:
            self.acronyms.add(acr)
        org = _Org(name, acr, article, kind, suffix)
        self.orgs.append(org)
        return org

    def person(self, p: _Person, slot: str) -> str:
        rng = self.rng
        self.last = p
        self.used.add(id(p))
        if not p.introduced:
            p.introduced = True
            name = self.add(p.full, PERSON)
            if slot in ("Pb", "Pq"):
                return name
            r = rng.random()
            if r < 0.25:
                out = name
            elif r < 0.55 and p.honorific:
                out = f"{p.honorific} {name}"
            elif r < 0.75 and p.pre_role:
                out = f"{p.pre_role} {name}"
            elif p.honorific and rng.random() < 0.5:
                out = f"{p.honorific} {name}"
            else:
                out = name
            if slot == "P":
                r = rng.random()
                if r < 0.3:
                    out = f"{out}, {self.appositive(p)},"
                elif r < 0.45 and p.paren:
                    out = f"{out} ({p.paren})"
            return out
        surname = p.surname
        if p.surname_alt and self.alt_spelling and rng.random() < 0.4:
            surname = p.surname_alt
        r = rng.random()
        if r < 0.15:
            given = p.given_alt if p.given_alt and self.alt_spelling and rng.random() < 0.5 else p.given
            return self.add(f"{given} {surname}", PERSON)
        if slot in ("Pb", "Pq") or r < 0.6:
            return self.add(surname, PERSON)
        title = p.short_title
        if title in ("Sir", "Dame"):
            return f"{title} {self.add(p.given.split()[-1], PERSON)}"
        if r < 0.9 or not p.pre_role or not p.pre_role[0].isupper():
            return f"{title} {self.add(surname, PERSON)}"
        return f"{p.pre_role} {self.add(surname, PERSON)}"

    def appositive(self, p: _Person) -> str:
        rng = self.rng
        options = _APPOSITIVES_UK if self.country == "uk" else _APPOSITIVES
        a = ""
        while True:
            a = _pick(rng, options)
            if "{O}" in a and p.org is None:
                continue
            if "chief executive" in a and (p.org is None or p.org.kind != "company"):
                continue
            if "{O}" not in a and p.org is not None and p.org.kind == "company" and rng.random() < 0.7:
                continue
            break
        if "{O}" in a:
            assert p.org is not None
            self.used.add(id(p.org))
            a = a.replace("{O}", self.org(p.org, with_article=True))
        if "{Lc}" in a:
            a = a.replace("{Lc}", self.place("Lc"))
        return a

    def org(self, o: _Org, with_article: bool) -> str:
        rng = self.rng
        the = "the " if with_article and o.article else ""
        if not o.introduced:
            o.introduced = True
            name = self.add(f"{o.name} {o.suffix}" if o.suffix and rng.random() < 0.7 else o.name, ORG)
            if o.acronym and (o.force_acronym or rng.random() < 0.55):
                o.acr_introduced = True
                return f"{the}{name} ({self.add(o.acronym, ORG)})"
            return the + name
        if o.acr_introduced and o.acronym and rng.random() < 0.7:
            acr = self.add(o.acronym, ORG)
            return f"the {acr}" if with_article and rng.random() < 0.5 else acr
        return the + self.add(o.name, ORG)

    def set_places(self) -> None:
        """Each page keeps to a few places, mentioned repeatedly, as real pages do."""
        rng, c = self.rng, self.country
        cities = [x for x in _CITIES[c] if x != self.home]
        self.places["Lc"] = [self.home, *rng.sample(cities, _int(rng, 2, 4))]
        self.places["Lr"] = rng.sample(_REGIONS[c], 2)
        self.places["Lk"] = [_pick(rng, _HOME_COUNTRY[c]), *rng.sample(_COUNTRIES, 2)]
        self.places["Lf"] = rng.sample(_FOREIGN_CITIES, 1) + rng.sample(_OTHER_CITIES[c], 1)
        areas = []
        for _ in range(3):
            home_has = self.home in _NEIGHBOURHOODS
            city = self.home if home_has and rng.random() < 0.7 else _pick(rng, _CITIES_WITH_AREAS[c])
            area = _pick(rng, _NEIGHBOURHOODS[city])
            if (area, city) not in areas:
                areas.append((area, city))
        self.areas = areas

    def place(self, slot: str) -> str:
        rng = self.rng
        if slot == "L":
            r = rng.random()
            slot = "Lc" if r < 0.6 else "Lr" if r < 0.75 else "Ln" if r < 0.9 else "Lk"
        if slot == "Lh":
            self.used.add(self.home)
            return self.add(self.home, PLACE)
        if slot == "Ln":
            for _ in range(6):
                area, city = _pick(rng, self.areas)
                if area not in self.used:
                    break
            self.used.add(area)
            if city not in self.used and rng.random() < 0.25:
                self.used.add(city)
                return f"{self.add(area, PLACE)}, {self.add(city, PLACE)}"
            return self.add(area, PLACE)
        options = self.places[slot]
        name = options[0]
        for _ in range(6):
            # The first of each list (the home city, the home country) comes up most often.
            name = options[0] if rng.random() < 0.3 else _pick(rng, options)
            if name not in self.used:
                break
        else:
            name = _pick(rng, _CITIES[self.country] if slot == "Lc" else _COUNTRIES)
        self.used.add(name)
        return self.add(name, PLACE)

    # ---- rendering --------------------------------------------------------------------------

    def pick_person(self) -> _Person:
        rng = self.rng
        used = self.used
        main = self.pool[0]
        if id(main) not in used and rng.random() < 0.3:
            return main
        free = [p for p in self.pool if id(p) not in used]
        if not free:
            person = self.new_person(org=_pick(rng, self.orgs) if rng.random() < 0.5 else None)
            self.pool.append(person)
            return person
        if rng.random() < 0.5:
            fresh = [p for p in free if not p.introduced]
            if fresh:
                return _pick(rng, fresh)
        return _pick(rng, free)

    def pick_org(self) -> _Org:
        rng = self.rng
        main = self.orgs[0]
        if id(main) not in self.used and rng.random() < 0.4:
            o = main
        else:
            free = [o for o in self.orgs if id(o) not in self.used and o.kind != "paper"]
            o = _pick(rng, free) if free else self.new_org(_pick(rng, ("assoc", "ngo", "party")))
        self.used.add(id(o))
        return o

    def snapshot(self) -> tuple[int, list[_Person], list[_Org], list[_Person], list[bool], list[bool]]:
        return (
            len(self.gold),
            self.people[:],
            self.orgs[:],
            self.pool[:],
            [p.introduced for p in self.people],
            [o.introduced or o.acr_introduced for o in self.orgs],
        )

    def restore(
        self, state: tuple[int, list[_Person], list[_Org], list[_Person], list[bool], list[bool]]
    ) -> None:
        n, people, orgs, pool, p_flags, o_flags = state
        for key in list(self.gold)[n:]:
            del self.gold[key]
        self.people, self.orgs, self.pool = people, orgs, pool
        for p, flag in zip(people, p_flags, strict=True):
            p.introduced = flag
        for o, flag in zip(orgs, o_flags, strict=True):
            if not flag:
                o.introduced = o.acr_introduced = False

    def sentence(self, template: str) -> str:
        self.used = set()
        self.last = None
        parts = _PARTS.get(template)
        if parts is None:
            parts = _PARTS[template] = tuple(_SLOT.split(template))
        out = [parts[0]]
        for i in range(1, len(parts), 2):
            out.append(_SLOTS[parts[i]](self))
            out.append(parts[i + 1])
        return _cap("".join(out))

    def headline(self, template: str, topic: str) -> str:
        def fill(m: re.Match[str]) -> str:
            s = m.group(1)
            if s == "Ph":
                p = self.head_people[0] if "{Ph}" not in template[: m.start()] else self.head_people[1]
                return self.add(p.surname, PERSON)
            if s == "Oh":
                o = self.orgs[0]
                if o.acronym and self.rng.random() < 0.6:
                    o.force_acronym = True
                    return self.add(o.acronym, ORG)
                return self.add(o.name, ORG)
            if s == "Lhh":
                return self.add(self.home, PLACE)
            return _title(topic)

        return _SLOT.sub(fill, template)


def _money(b: _Builder) -> str:
    rng = b.rng
    if b.country == "uk":
        if rng.random() < 0.5:
            return f"£{_int(rng, 2, 95) / 10:.1f} million"
        return f"£{_int(rng, 10, 900)},000"
    r = rng.random()
    if r < 0.4:
        return f"Rs {_int(rng, 2, 95) / 10:.1f} billion"
    if r < 0.8:
        return f"Rs {_int(rng, 10, 900)} million"
    return f"Rs{_int(rng, 2, 60)},000"


def _slot_person(s: str) -> Callable[[_Builder], str]:
    return lambda b: b.person(b.pick_person(), s)


def _slot_pronoun(s: str) -> Callable[[_Builder], str]:
    return lambda b: _FEMININE[s] if b.last is not None and b.last.gender == "f" else s


def _slot_place(s: str) -> Callable[[_Builder], str]:
    return lambda b: b.place(s)


def _slot_pick(options: tuple[str, ...] | dict[str, tuple[str, ...]]) -> Callable[[_Builder], str]:
    if isinstance(options, dict):
        return lambda b: _pick(b.rng, options[b.country])
    return lambda b: _pick(b.rng, options)


_NUMBERS = ("3", "4", "6", "12", "15", "20", "35", "40", "60", "120", "200", "350", "1,200")
_SLOTS: dict[str, Callable[[_Builder], str]] = {
    "O": lambda b: b.org(b.pick_org(), with_article=True),
    "Oa": lambda b: b.org(b.pick_org(), with_article=False),
    "O0": lambda b: b.org(b.orgs[0], with_article=True),
    "N": lambda b: b.org(b.newspaper, with_article=False) if b.newspaper else "newspaper",
    "ROLE": _slot_pick(_ROLES_ALONE),
    "DAY": _slot_pick(_WEEKDAYS),
    "MONTH": _slot_pick(_MONTHS),
    "DATE": lambda b: f"{_int(b.rng, 1, 28)} {_pick(b.rng, _MONTHS)}",
    "YEAR": lambda b: str(_int(b.rng, 1985, 2022)),
    "NUM": _slot_pick(_NUMBERS),
    "PCT": lambda b: f"{_int(b.rng, 1, 9)}.{_int(b.rng, 0, 9)} per cent",
    "MONEY": _money,
    "FEST": _slot_pick(_FESTIVALS),
    "T": lambda b: b.topic,
    "TOPIC": lambda b: b.topic if b.rng.random() < 0.7 else _pick(b.rng, _TOPICS[b.country]),
    "LANG": _slot_pick(_LANGUAGES),
    "RELIG": _slot_pick(_RELIGIONS),
    "NAT": _slot_pick(_NATIONALITY),
    "SEC": _slot_pick(_SECTIONS),
    **{s: _slot_person(s) for s in ("P", "Pn", "Pb", "Pq")},
    **{s: _slot_pronoun(s) for s in _FEMININE},
    **{s: _slot_place(s) for s in ("L", "Lh", "Lc", "Ln", "Lr", "Lk", "Lf")},
}


def _cap(text: str) -> str:
    if text[:1].isupper():
        return text
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text if ch.isupper() else text[:i] + ch.upper() + text[i + 1 :]
    return text


def _title(phrase: str) -> str:
    return " ".join(w[0].upper() + w[1:] for w in phrase.split())


def _count(text: str) -> int:
    return len(text.split())


# --------------------------------------------------------------------------------------------


def _date(rng: random.Random) -> dt.date:
    return dt.date(_int(rng, 2015, 2024), _int(rng, 1, 12), _int(rng, 1, 28))


def _long_date(d: dt.date, weekday: bool = False) -> str:
    s = f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    return f"{_WEEKDAYS[d.weekday()]}, {s}" if weekday else s


def _page(index: int, seed: int, words: int) -> Page:
    rng = random.Random(f"maktub-entity-pages:{seed}:{index}")
    r = rng.random()
    kind = "news" if r < 0.5 else "statement" if r < 0.75 else "letter"
    r = rng.random()
    country = "pk" if r < 0.6 else "uk" if r < 0.85 else "in"
    b = _Builder(rng, country, kind)
    b.alt_spelling = rng.random() < 0.2
    b.home = _pick(rng, _CITIES[country])
    b.set_places()
    if kind == "statement":
        first = _pick(rng, ("party", "assoc", "ngo", "assoc"))
    else:
        first = _pick(rng, ("party", "assoc", "ngo", "company"))
    b.new_org(first)
    for k in rng.sample(("party", "assoc", "ngo", "company"), _int(rng, 1, 3)):
        b.new_org(k)
    b.newspaper = b.new_org("paper")
    orgs = [o for o in b.orgs if o.kind != "paper"]
    for i in range(_int(rng, 3, 6)):
        org = orgs[0] if i == 0 else _pick(rng, orgs) if rng.random() < 0.6 else None
        b.pool.append(b.new_person(org=org))
    b.head_people = b.pool[:2]
    topic = b.topic = _pick(rng, _TOPICS[country])
    target = words * rng.uniform(0.93, 1.07)
    when = _date(rng)

    head: list[str] = []
    finish: Callable[[], list[str]]  # the close, rendered after the body so that mentions keep their order
    if kind == "news":
        headline = b.headline(_pick(rng, _HEADLINES_NEWS), topic)
        reporter = b.new_person()
        r = rng.random()
        if r < 0.3:
            dateline = (
                f"By {b.add(reporter.full, PERSON)} | {b.add(b.home, PLACE)} | {_long_date(when, True)}"
            )
        elif r < 0.5:
            up = b.home.upper()
            dateline = f"Staff Reporter | {b.add(up, PLACE)}, {_MONTHS[when.month - 1]} {when.day}"
        elif r < 0.7:
            dateline = (
                f"{b.add(reporter.full, PERSON)}, {b.add(b.home, PLACE)} — Published {_long_date(when)}"
            )
        elif r < 0.85:
            dateline = f"Our Correspondent | {b.add(b.home, PLACE)} | {_long_date(when, True)}"
        else:
            dateline = (
                f"{b.add(b.home.upper(), PLACE)}: {_long_date(when)} — {b.add(reporter.full, PERSON)} reports"
            )
        pool = _GENERAL_BY[country]
        lead = _pick(
            rng,
            (
                "{Lh}: {P} on {DAY} called for an urgent review of the {T}.",
                "{P} has accused {O} of misleading the public over the {T}.",
                "Hundreds of people gathered in {Lh} on {DAY} to protest against the {T}, as {Pn} "
                "warned that the situation could get worse.",
                "The {T} dominated proceedings in {Lh} this week, with {Pn} and {O} trading accusations.",
            ),
        )
        head.append(b.sentence(lead))
        reserve = 6

        def finish() -> list[str]:
            b.used = set()
            if rng.random() < 0.3:
                return [f"Additional reporting by {b.add(b.new_person().full, PERSON)} in {b.place('Lc')}."]
            if rng.random() < 0.3:
                return [f"(With input from our correspondent in {b.place('Lf')})"]
            return []
    elif kind == "statement":
        headline = b.headline(_pick(rng, _HEADLINES_STATEMENT), topic)
        r = rng.random()
        if r < 0.4:
            dateline = f"Press Release | {b.add(b.home, PLACE)} | {_long_date(when)}"
        elif r < 0.7:
            dateline = f"FOR IMMEDIATE RELEASE — {b.add(b.home, PLACE)}, {_long_date(when, True)}"
        else:
            cell = b.org(b.orgs[0], True)
            dateline = f"Issued by the media cell of {cell} | {b.add(b.home, PLACE)}, {_long_date(when)}"
        pool = _STATEMENT_BY[country] + _STATEMENT_BY[country] + _GENERAL_BY[country]
        head.append(
            b.sentence(
                _pick(
                    rng,
                    (
                        "{O0} today expressed deep concern over the {T} in {Lh}.",
                        "{O0} strongly condemns the handling of the {T} by the authorities in {Lr}.",
                        "The central executive committee of {O0} met in {Lh} on {DAY} to discuss the {T}.",
                    ),
                )
            )
        )
        reserve = 16

        def finish() -> list[str]:
            media = b.new_person()
            role = _pick(
                rng, ("Media Officer", "Information Secretary", "Press Secretary", "Communications Lead")
            )
            phone = (
                f"0{_int(rng, 300, 349)} {_int(rng, 1000000, 9999999)}"
                if country != "uk"
                else (f"07{_int(rng, 100, 999)} {_int(rng, 100000, 999999)}")
            )
            contact = (
                f"For further information, please contact {b.add(media.full, PERSON)}, {role}, on {phone}."
            )
            return [contact, _pick(rng, ("ENDS", "###", "— ENDS —"))]
    else:
        # Addressee and signatory are not mentioned in the body by name.
        writer = b.pool.pop(0)
        addressee = b.pool.pop(0) if rng.random() < 0.65 else None
        if len(b.pool) < 2:
            b.pool.append(b.new_person(org=_pick(rng, orgs)))
        headlines = [h for h in _HEADLINES_LETTER if addressee is not None or "{Ph}" not in h]
        b.head_people = [addressee] if addressee is not None else []
        headline = b.headline(_pick(rng, headlines), topic)
        r = rng.random()
        if r < 0.5:
            dateline = f"{b.add(b.home, PLACE)}, {_long_date(when)}"
        elif r < 0.75:
            dateline = f"Dated {_long_date(when)}"
        else:
            dateline = f"Ref: {_int(rng, 10, 400)}/{when.year} — {_long_date(when, True)}"
        to_lines = ["To"]
        if addressee is not None:
            addressee.introduced = True
            hon = addressee.honorific or addressee.short_title
            to_lines.append(f"{hon} {b.add(addressee.full, PERSON)}")
            r = rng.random()
            if r < 0.25 and country != "uk":
                to_lines.append(f"Chief Minister of {b.add(_pick(rng, _REGIONS[country]), PLACE)}")
            elif r < 0.5 and addressee.org is not None:
                to_lines.append(f"Chairman, {b.org(addressee.org, False)}")
            elif r < 0.7:
                to_lines.append(f"Mayor of {b.add(b.home, PLACE)}")
            else:
                to_lines.append(
                    f"Deputy Commissioner, {b.add(b.home, PLACE)}"
                    if country != "uk"
                    else f"Leader of the Council, {b.add(b.home, PLACE)}"
                )
        else:
            r = rng.random()
            if r < 0.4 and country != "uk":
                to_lines.append(f"The Chief Minister of {b.add(_pick(rng, _REGIONS[country]), PLACE)}")
            elif r < 0.7:
                to_lines += ["The Editor", b.org(b.newspaper, False)]
            else:
                to_lines += [
                    "The Leader of the Council" if country == "uk" else "The Commissioner",
                    "Civic Centre",
                ]
        if b.home in _NEIGHBOURHOODS and rng.random() < 0.6:
            block = _pick(rng, "ABCDEFG")
            to_lines.append(f"Block {block}, {b.add(_pick(rng, _NEIGHBOURHOODS[b.home]), PLACE)}")
        to_lines.append(b.add(b.home, PLACE))
        head.append("\n".join(to_lines))
        if rng.random() < 0.4:
            head.append(f"Subject: {_title(topic)} In {b.place('Ln')}")
        if addressee is not None:
            r = rng.random()
            if r < 0.7:
                title = addressee.short_title
                sur = addressee.given.split()[-1] if title in ("Sir", "Dame") else addressee.surname
                head.append(f"Dear {title} {b.add(sur, PERSON)},")
            elif r < 0.85:
                head.append(f"Dear {b.add(addressee.given.split()[-1], PERSON)},")
            else:
                head.append("Dear Sir," if addressee.gender == "m" else "Dear Madam,")
        else:
            head.append(_pick(rng, ("Dear Sir,", "Dear Sir or Madam,", "Sir,", "Dear Editor,")))
        head.append(b.sentence(_pick(rng, _LETTER_OPENERS)))
        writer.introduced = True
        reserve = 20

        def finish() -> list[str]:
            b.used = set()
            out = [_pick(rng, _LETTER_CLOSERS)]
            sign = [
                _pick(rng, ("Yours sincerely,", "Yours faithfully,", "With kind regards,", "Yours truly,"))
            ]
            full = b.add(writer.full, PERSON)
            sign.append(f"{writer.honorific} {full}" if writer.honorific and rng.random() < 0.6 else full)
            if writer.org is not None:
                role = _pick(
                    rng, ("General Secretary", "President", "Chairperson", "Convener", "Coordinator")
                )
                sign.append(
                    f"{role}, {b.org(writer.org, False)}"
                    if rng.random() < 0.5
                    else f"{role}\n{b.org(writer.org, False)}"
                )
            else:
                sign.append(f"Resident, {b.place('Ln')}")
            out.append("\n".join(sign))
            if rng.random() < 0.4:
                cc = b.pool[-1]
                out.append(f"cc: {b.person(cc, 'Pn')}\ncc: {b.org(_pick(rng, orgs), False)}")
            return out

        pool = _LETTER_BY[country] + _LETTER_BY[country] + _GENERAL_BY[country]

    # Body: sentences in paragraphs of 2-5 until the word budget (less a reserve for the close) is met.
    seen: set[str] = set()
    retries = 0
    words_so_far = _count(headline) + _count(dateline) + sum(_count(x) for x in head)
    paragraphs = head[:]
    para: list[str] = []
    size = _int(rng, 2, 5)
    while words_so_far < target - reserve:
        pick = int(rng.random() * len(pool))
        for _ in range(8):
            if pool[pick] not in seen:
                break
            pick = int(rng.random() * len(pool))
        seen.add(pool[pick])
        near_end = words_so_far > target - reserve - 40
        state = b.snapshot() if near_end else None
        s = b.sentence(pool[pick])
        if state is not None and words_so_far + _count(s) + reserve > words * 1.1 and retries < 6:
            b.restore(state)  # too long to end on: undo its mentions and try another
            retries += 1
            continue
        para.append(s)
        words_so_far += _count(s)
        if len(para) >= size:
            paragraphs.append(" ".join(para))
            para = []
            size = _int(rng, 2, 5)
            if kind == "news" and len(paragraphs) > 2 and rng.random() < 0.15:
                sub = _pick(rng, _SUBHEADINGS)
                paragraphs.append(sub)
                words_so_far += _count(sub)
    if para:
        paragraphs.append(" ".join(para))
    text = "\n\n".join([f"{headline}\n{dateline}", *paragraphs, *finish()]) + "\n"
    gold = sorted(b.gold, key=lambda g: text.find(g[0]))  # stable: ties keep the order of insertion
    return Page(f"{kind}-{seed}-{index:05d}", text, tuple(gold))


def generate_pages(count: int, seed: int = 7, words: int = 600) -> Iterator[Page]:
    """Yield `count` fictional pages of about `words` words (±15%), deterministic for `seed`."""
    for index in range(count):
        yield _page(index, seed, words)


# --------------------------------------------------------------------------------------------


def _check(pages: int, seed: int, words: int) -> int:
    start = time.perf_counter()
    kinds: Counter[str] = Counter()
    types: Counter[str] = Counter()
    word_counts: list[int] = []
    gold_counts: list[int] = []
    problems: list[str] = []
    for page in generate_pages(pages, seed, words):
        kinds[page.name.split("-")[0]] += 1
        n = _count(page.text)
        word_counts.append(n)
        gold_counts.append(len(page.gold))
        if not 0.85 * words <= n <= 1.15 * words:
            problems.append(f"{page.name}: {n} words")
        for surface, kind in page.gold:
            types[kind] += 1
            if kind not in TYPES:
                problems.append(f"{page.name}: bad type {kind!r}")
            if not re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", page.text):
                problems.append(f"{page.name}: {surface!r} ({kind}) not in text")
    elapsed = time.perf_counter() - start
    again = [p.text for p in generate_pages(3, seed, words)]
    if again != [p.text for p in generate_pages(3, seed, words)]:
        problems.append("not deterministic")
    mix = ", ".join(f"{k} {v / pages:.0%}" for k, v in sorted(kinds.items()))
    print(f"{pages} pages in {elapsed:.2f}s; {mix}")
    print(
        f"words per page: mean {sum(word_counts) / pages:.0f}, min {min(word_counts)}, max {max(word_counts)}"
    )
    per_type = ", ".join(f"{k} {types[k] / pages:.1f}" for k in TYPES)
    print(
        f"gold surfaces per page: mean {sum(gold_counts) / pages:.1f} ({per_type}), "
        f"min {min(gold_counts)}, max {max(gold_counts)}"
    )
    for line in problems[:20]:
        print("PROBLEM", line)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="verify gold surfaces on many pages")
    parser.add_argument("--pages", type=int, default=2000, help="pages for --check (default 2000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args(argv)
    if args.check:
        return _check(args.pages, args.seed, args.words)
    show = print
    for page in generate_pages(2, args.seed, args.words):
        show(f"===== {page.name} ({_count(page.text)} words, {len(page.gold)} gold) =====")
        show(page.text)
        for surface, kind in page.gold:
            show(f"  {kind:<12} {surface}")
        show("")
    return 0


if __name__ == "__main__":
    sys.exit(main())
