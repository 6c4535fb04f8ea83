"""The words of web-site chrome: link labels, widget headings, footer phrases.

These are the generic labels of CMS templates (Joomla, WordPress, Blogger, news sites),
not the wording of any one page.
"""

from __future__ import annotations

import re

# fmt: off
# Labels of links that lead elsewhere: they say nothing on their own.
LINK_LABELS = [
    "click here", "read more", "read full story", "full story", "complete story", "more", "continue reading",
    "read the rest", "details", "more details", "view more", "see more", "more photographs", "more photos",
    "more pictures", "back", "back to top", "top", "previous", "next", "prev", "older", "newer", "first",
    "last", "page", "older posts", "newer posts", "older entries", "newer entries", "previous article",
    "next article", "previous post", "next post", "home", "print", "e-mail", "email", "pdf", "share", "tweet",
    "like", "reply", "permalink", "comments", "no comments", "leave a comment", "leave a reply", "add comment",
    "view all", "see all", "download", "listen", "watch", "here", "link",
    "facebook", "twitter", "whatsapp", "linkedin", "instagram", "youtube", "reddit", "pinterest", "telegram",
    "email this", "share on facebook", "share on twitter",
    # Urdu: complete story, read more, click here, print, e-mail, more
    "مکمل خبر", "مزید پڑھیں", "یہاں کلک کریں", "کلک کریں", "پرنٹ کریں", "ای میل کریں", "مزید",
]

# Words of media links ('Audio Report (Urdu) | Video'): a row of only these is a row of links.
MEDIA_WORDS = [
    "audio", "video", "videos", "clip", "report", "photos", "photo", "photographs", "pictures", "gallery",
    "urdu", "english", "sindhi", "version", "pdf", "letter", "text", "watch the speech", "listen",
    "آڈیو", "ویڈیو", "رپورٹ", "تصاویر", "اردو", "انگریزی", "ورژن", "متن",
]

# Headings of widgets, menus and footers that CMS themes print around the content.
CHROME_PHRASES = [
    r"-*\s*advert\w*\s*-*", r"sponsored( content| links)?", r"most (popular|read|viewed|shared|commented)",
    r"recent (comments|posts|articles|news|entries)", r"related (posts|articles|news|stories|links)",
    r"popular (posts|articles|news)", r"latest (posts|articles|stories)", r"trending( now)?",
    r"share (this|on|via)\b.*", r"like this:?", r"follow us\b.*", r"subscribe\b.*", r"(\w+\s+)?powered by\b.*",
    r"copyright\b.*", r"©.*", r".*all rights reserved\.?", r"tags?\s*:.*", r"categor(y|ies)\s*:.*",
    r"filed (under|in)\b.*", r"posted in\b.*", r"skip to (main )?content", r"search( for)?\s*:?", r"menu",
    r"main menu", r"navigation", r"log ?in", r"sign ?(in|up)", r"register", r"site ?map", r"privacy policy",
    r"terms (of use|and conditions|of service)", r"you may also like", r"(leave|post) a (reply|comment)",
    r"\d+\s+comments?", r"comments? \(\d+\)", r"rss( feed)?", r"newsletter", r"print( this)?( page| article)?",
    r"pdf\s*print\s*e-?mail", r"hits:\s*\d+", r"written by\s*:?\s*administrator", r"joomla!?\b.*",
    r"wordpress\b.*", r"blogger\b.*", r"scroll to top", r"go to top", r"loading\.*", r"toggle navigation",
    r"you must be logged in.*", r"logged in as.*", r"archives?", r"blogroll", r"meta", r"categories",
    r"calendar", r"your email address will not be published.*", r"required fields are marked.*",
    r"(posted|published) by\s*:?\s*admin\b.*", r"views?\s*:\s*[\d,]+", r"(\w+\s+)?designed by\b.*",
    r"related(:.*)?", r"more from\b.*", r"also in this issue:?", r"quick links", r"useful links", r"back to\b.*",
    r"download\b.{0,40}", r"print this (story|article|page|post)\b.*", r"e-?mail this (story|article|page|post)",
    r"like\s+loading\.*", r"your (name|e-?mail|message|comment)\s*\*?", r"submit", r"send us a message",
    r"showing posts with label\b.*", r"labels?\s*:.*", r"about me", r"view my complete profile",
    r"blog archive", r"(newer|older) posts?\b.*", r"[▼►▶].*", r"\S+( \S+)? said\.\.\.", r"site maintained by\b.*",
    r".*best viewed (in|with)\b.*", r"\(c\)\s*\d{4}\b.*", r"login to comment", r"log in to (reply|comment)",
    r"\d+ (comments?|responses?|replies)( to\b.*|:)?", r"(\d+ )?responses? to\b.*", r"post a comment",
    r"view (previous|next) topic.*", r"(previous|next) topic.*", r"showing \d+\s*-\s*\d+ of \d+.*",
    r"page \d+ of \d+", r"back to top", r"printer[- ]friendly( version)?", r"subscribe to:.*",
    r"this is google'?s cache of\b.*", r"full version", r"text-only version", r"view source",
    r"tip: to quickly find\b.*", r"this page (is|was) archived\b.*",
    # Urdu: all rights reserved, more news
    r"جملہ حقوق محفوظ ہیں.*", r"مزید خبریں.*", r"زمرہ\s*:.*", r"ٹیگز\s*:.*", r"زمرے\s*:.*",
]
# fmt: on

# Phrases that introduce a page's breadcrumb trail.
BREADCRUMB_START = re.compile(
    r"^(you are here|you are in|current page|breadcrumbs?)\s*[:»>-]?|^home\s*(»|›|>|/|\||::|→|>>)"
    r"|^home(?=[A-Z][a-z])",
    re.IGNORECASE,
)
CRUMB_SEPARATORS = re.compile(r"\s(»|›|>|/|\||::|→|>>)\s")

WEATHER = re.compile(r"^-?\d{1,2}(\.\d)?\s*°?\s*[CF]\b(\s+[A-Z][\w ]{0,30})?$|^°[CF]", re.IGNORECASE)

LAST_UPDATED = re.compile(
    r"^(page\s+)?(last\s+)?(updated|modified|revised)(\s+on)?\s*[:\-]?\s*(?P<rest>.*\d.*)$"
    r"|^(آخری\s+(ترمیم|اپ\s*ڈیٹ)|اپ\s*ڈیٹ).*[0-9۰-۹].*",
    re.IGNORECASE,
)
POST_META = re.compile(
    r"^(posted|published|filed)(\s+(on|at|in))?\s*[:\-]?\s*.*(\d|\bby\b).*$", re.IGNORECASE
)
# The start of a comment thread: what follows it is readers', not the page's.
COMMENTS_START = re.compile(
    r"^(\d+\s+(comments?|responses?|replies)\b.*|(leave a (reply|comment)|post a comment|comments|responses)\s*:?"
    r"|\S+( \S+)? said\.\.\.|\d+ responses? to\b.*|you must be logged in.*)$",
    re.IGNORECASE,
)

MEDIA_LABELS: list[tuple[str, str, str | None]] = [
    # (regex, media kind, language): the labels listings use for attached media.
    (r"\burdu version\b|\bin urdu\b|اردو ورژن|اردو میں", "translation", "ur"),
    (r"\benglish version\b|\bin english\b", "translation", "en"),
    (r"\bsindhi version\b", "translation", "sd"),
    (r"\baudio\b|\bpodcast\b|\blisten\b|\.mp3\b|آڈیو", "audio", None),
    (r"\bvideo\b|\bwatch\b|\.mp4\b|ویڈیو", "video", None),
    (r"\bphotographs?\b|\bphotos?\b|\bpictures\b|\bgallery\b|تصاویر", "photos", None),
    (r"\bpdf\b(?! print)", "pdf", None),
]

CHROME_RE = re.compile(r"^(" + "|".join(CHROME_PHRASES) + r")$", re.IGNORECASE)
LABEL_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(x) for x in LINK_LABELS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
PART_RE = re.compile(r"\b(part|page|episode)\s*\d+\b", re.IGNORECASE)
LANGUAGE_IN_LABEL = {"urdu": "ur", "english": "en", "sindhi": "sd", "arabic": "ar", "punjabi": "pa"}
