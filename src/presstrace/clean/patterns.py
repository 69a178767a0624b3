"""Regular expressions that recognise page furniture in one line of text.

Every pattern here is generic (phrases any site may use), never a string taken
from a particular page: the cleaner must work on sites it has never seen.
Patterns are only trusted on *short* lines (see ``furniture_reason``) because a
long paragraph of reporting may well mention "subscribers" or "cookies".
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# Whole-line labels that are never reporting.
_ADVERT = re.compile(
    r"^(?:advertisement|advertising|advertisment|ad|ads|sponsored(?: content| links?| stories)?|"
    r"paid (?:content|post|partner content)|promoted(?: content| stories)?|"
    r"(?:story|article|content) continues below(?: advertisement| this ad)?|"
    r"continue reading(?: the main story| below| the article| below advertisement)?|"
    r"scroll (?:down )?to continue(?: with content| reading)?|skip (?:this )?ad|"
    r"anzeige|werbung|publicidade|publicité|реклама|iklan)\W*$",
    _I,
)

_SIGNUP = re.compile(
    r"\b(?:sign[ -]?up|sign[ -]?in|log[ -]?in|log[ -]?out|register(?:ed)? (?:now|free|for)|"
    r"subscribe|subscription|subscriber|newsletters?|unsubscribe|create (?:an|your|a free) account|"
    r"forgot (?:your )?password|enter your e-?mail|your e-?mail address|e-?mail address|"
    r"by (?:submitting|signing up|clicking|registering)|agree to (?:the|our) terms|"
    r"terms (?:of|and) (?:use|service|conditions)|privacy (?:policy|notice|statement)|"
    r"already have an account|inbox|get (?:our|the) (?:latest|best|top)|"
    r"receive (?:our|the) (?:latest|news|newsletter|daily)|delivered (?:to|straight to) your)\b",
    _I,
)

_PROMO = re.compile(
    r"\b(?:download (?:our|the) (?:\w+ )?app|get (?:our|the) app|early bird|special offer|"
    r"limited[- ]time offer|% off|discount code|promo code|free trial|buy tickets|"
    r"for the latest news from|learn more|find out more|click here|tap here|"
    r"cookies?|javascript|ad ?blocker|whitelist|disable your ad|"
    r"support (?:our|independent) journalism|become a (?:member|patron|supporter)|"
    r"donate|paywall|premium (?:content|article|members?)|affiliate (?:links?|commission)|"
    r"(?:receive|earn) (?:a )?(?:small )?(?:share of (?:the )?)?(?:commission|compensation)|"
    r"comment(?:ing)? (?:policy|guidelines)|please be respectful|may be reached at)\b",
    _I,
)

# A promotional paragraph announces itself in its first words, however long
# it runs ("Sign up now for our early bird offer ...").
_PROMO_START = re.compile(
    r"^\W*(?:sign up|subscribe (?:to|now|today|for|and)|register (?:now|today|for|here)|"
    r"download (?:our|the)|click here|tap here|get unlimited|start your free|"
    r"try \w+ (?:free|for)|want more (?:stories|news|articles)|get access to|"
    r"have a (?:news )?tip\b|got a (?:news )?tip\b)\b",
    _I,
)

_SHARE = re.compile(
    r"^(?:(?:share|tweet|email|e-mail|print|pin|save|copy(?: link)?|link copied|whatsapp|"
    r"facebook|twitter|x|linkedin|reddit|pinterest|telegram|flipboard|messenger|sms|"
    r"instagram|youtube|tiktok|rss|more|comments?|shares?|\d+)\W*){1,8}$|"
    r"^(?:share|follow|like|find|join|connect with) (?:us|this|on|our|the|me|him|her)\b.{0,80}$|"
    r"^share (?:this|the|on|via|to)\b.{0,60}$|^follow (?:@|the|[A-Z]).{0,60}$|"
    r"^(?:tweet|share|email) this\b.{0,40}$",
    _I,
)

# "Photo: AP", "Credit... Name/Agency", "(AP Photo/Name)", "Image source, Getty".
_CAPTION = re.compile(
    r"(?:^|[\s(\[|/—–-])(?:photo|photos|photograph|photography|image|images|picture|pictures|"
    r"pic|credit|credits|illustration|graphic|video|source|foto|fotos|фото|bild)"
    r"(?:\s*(?:credit|courtesy|source|by))?\s*(?::|\.\.\.|…|/|©|\|)"
    r"|\b(?:getty images|shutterstock|istock(?:photo)?|ap photo|file photo|handout photo)"
    r"[^.!?]{0,60}[)\]]?\s*$|"
    r"\b(?:reuters|afp|ap|epa|dpa|xinhua|ani|pti)\s*/\s*\w[^.!?]{0,40}$|^image source\b|"
    r"^image caption\b|^caption\b|^(?:image|photo|picture) copyright\b|"
    # Wire captions: "In this Dec. 12, 2006, file photo, ...", "This undated photo shows ..."
    r"^(?:in )?this (?:[\w.,]+ ){0,5}(?:file|handout|undated) (?:photo|image|picture)s?\b|"
    r"^(?:in )?this (?:photo|image|picture|frame grab|video grab|screenshot)s? (?:taken|"
    r"provided|released|made available|shows?|showing|obtained|distributed|posted)\b|"
    # "... on July 25. Jane Doe / AP file", "(NASA/JPL/Univ.)" closing a caption
    r"/\s*(?:ap|afp|reuters|getty images?|epa|pool|file)\b[\w ]{0,12}$|\([^()\s]*/[^()]*\)\s*$",
    _I,
)

# Cookie and consent banners can be long prose, so they get their own rule:
# "cookies" together with the words such banners always use.
_COOKIES = re.compile(
    r"\bcookies?\b.{0,300}\b(?:website|site|browser|consent|accept|opt[- ]out|your experience|"
    r"settings|preferences|privacy)\b|\b(?:website|site|we) uses? cookies\b",
    _I,
)

_COPYRIGHT = re.compile(
    r"(?:^|\s)(?:©|\(c\)|copyright\b|&copy;)|\ball rights reserved\b|"
    r"\bmay not be (?:published|reproduced|copied|redistributed)\b|"
    r"\b(?:reproduction|redistribution) (?:is )?(?:prohibited|forbidden|not permitted)\b",
    _I,
)

_SYNDICATION = re.compile(
    r"\b(?:first (?:appeared|published) (?:on|in|at)|"
    r"originally (?:appeared|published) (?:on|in|at)|"
    r"has not been edited by|auto-generated from a syndicated feed|syndicated feed|"
    r"republished (?:with|under)|reproduced with permission|is republished from|"
    r"this (?:article|story|post) (?:was|is) (?:produced|published) (?:by|in partnership))\b",
    _I,
)

_RELATED = re.compile(
    r"^(?:more (?:from|on|in|about|stories|news|articles|like this)|"
    r"related(?: (?:articles?|stories|"
    r"posts?|news|content|coverage|topics|reading|links?))?|read (?:more|next|also|this)|"
    r"also read|see (?:also|more)|recommended(?: for you| stories| reading)?|you (?:may|might) "
    r"(?:also )?(?:like|enjoy|be interested)|most (?:popular|read|viewed|shared|commented)|"
    r"trending(?: now| stories)?|top stories|latest(?: news| stories| articles)?|editor'?s picks?|"
    r"don'?t miss|must read|watch(?: now| next)?|up next|popular(?: now| stories)?|"
    r"what to read next|further reading|in (?:this|other) news|more to explore|"
    r"keep reading|next (?:article|story|post)|previous (?:article|story|post)|"
    r"also on \w+)\b.{0,80}$",
    _I,
)

_CREDIT_START = re.compile(r"^(?:image|photo|picture) (?:copyright|credit|source)", _I)

# Related-link lines that carry the linked headline after a label.
_RELATED_LONG = re.compile(r"^(?:also on \S+|(?:read|see) (?:more|also)\s*:|related\s*:)", _I)

_NAVIGATION = re.compile(
    r"^(?:home|menu|search|sections?|skip to (?:content|main content|navigation|site index)|"
    r"site (?:index|map|information navigation)|main menu|navigation|close|open|back to top|"
    r"top|next|previous|prev|page \d+(?: of \d+)?|contact(?: us)?|about(?: us)?|careers|"
    r"help|faq|terms|privacy|accessibility|sitemap|archives?|tags?|topics?|categories|"
    r"filed under|posted in|tagged|toggle navigation|go to home page)\b\W{0,5}.{0,60}$",
    _I,
)

# Strong markers that a reader-comment section starts here.
_COMMENTS_START = re.compile(
    r"^(?:\d[\d,.]*\s*(?:comments?|responses?|replies|reactions)|comments?(?:\s*\(\d+\))?|"
    r"(?:log ?in|sign ?in|register|subscribe) to "
    r"(?:comment|leave a comment|post a comment|reply|join)|"
    r"you must be (?:logged in|a registered user) to .{0,40}|"
    r"(?:leave|add|post|write|submit) (?:a |your )?(?:comment|reply|response)s?"
    r"(?:\s+cancel reply)?|"
    r"your email address will not be published.{0,60}|"
    r"comments? (?:are|is) (?:closed|disabled|now closed)|"
    r"join the (?:discussion|conversation|debate)|"
    r"(?:show|view|read|see|load|hide) (?:all |more )?(?:\d+ )?comments?|"
    r"reader (?:comments|reactions)|"
    r"discussion|conversation|what do you think\??|have your say|"
    r"commenting (?:is|has been) .{0,40}|"
    r"sort by (?:newest|oldest|best|top)|newest first|oldest first|powered by disqus|disqus)\W*$",
    _I,
)

# A vote tally under a reader comment, e.g. "3 ( +3 / -0 )" or "+12 / -3".
_VOTES = re.compile(r"^[-+]?\d+\s*\(\s*\+\s*\d+\s*/\s*-\s*\d+\s*\)$|^\+\d+\s*/\s*-\d+$")

# A comment's action row ("Reply", "Report abuse", "Like", "5 likes") and the
# log-in box that closes comment sections.
_COMMENT_FURNITURE = re.compile(
    r"^(?:reply|report(?: abuse| comment)?|flag|like|"
    r"upvote|downvote|permalink|\d+\s*(?:likes?|points?|votes?|replies|reply))\W*$|"
    r"^(?:facebook users|facebook connect|forgot password\??|user registration|"
    r"login with your .{1,40} account|use your facebook account.*)$|"
    r"^\d+\s*(?:minutes?|hours?|days?|weeks?|months?|years?|mins?|hrs?)\s+ago\b.{0,40}$",
    _I,
)

# A line that is just a date / time stamp ("Nov. 19, 2019 5:04 PM ET", "2019-11-20").
_DATESTAMP = re.compile(
    r"^(?:(?:published|updated|posted|last updated|modified|on)\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*\d{0,4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"sept|oct|nov|dec)[a-z]*\.?\s+\d{4})"
    r"(?:\s*(?:,|at|-|–|\|)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\W*$",
    _I,
)

_BYLINE = re.compile(
    r"^(?:by|written by|words by|story by|reporting by|from)\s+(?P<name>[^\d@|]{2,80}?)"
    r"(?:\s*[,|/–—-]\s*.{0,60})?$",
    _I,
)

_URLISH = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b|@\w{2,}", _I)


# Cheap substring tests run before the costlier searches: most lines contain
# none of these words, and ``in`` is much faster than a regex scan.
_COPYRIGHT_HINTS = (
    "©",
    "copyright",
    "(c)",
    "rights reserved",
    "may not be",
    "reproduction",
    "redistribution",
    "&copy;",
)
_SYNDICATION_HINTS = (
    "appeared",
    "published",
    "edited by",
    "syndicated",
    "republished",
    "reproduced",
    "produced",
)


def _has(low: str, hints: tuple[str, ...]) -> bool:
    return any(h in low for h in hints)


# A line that is only a news agency's name: the credit under a photo or above a wire story.
_AGENCY_ONLY = re.compile(
    r"^\W*(?:by )?(?:the )?(?:associated press|reuters|afp|agence france-presse|ap|upi|ani|pti|"
    r"xinhua|dpa|efe|ansa|kyodo|yonhap|tass|bloomberg|press association|pa media)\W*$",
    _I,
)


def furniture_reason(text: str, n_words: int) -> str | None:
    """Label a line as page furniture, or ``None`` if nothing matches.

    Most patterns only apply to short lines: a long prose paragraph that
    happens to contain "subscribe" or "copyright" is still reporting.
    """
    if _VOTES.match(text) or _COMMENT_FURNITURE.match(text):
        return "comments"
    if n_words <= 12 and _COMMENTS_START.match(text):
        return "comments"
    if n_words <= 4 and _ADVERT.match(text):
        return "advertisement"
    if n_words <= 12 and _SHARE.match(text):
        return "share"
    low = text.lower()
    if n_words <= 150 and "cookie" in low and _COOKIES.search(text):
        return "cookies"
    if n_words <= 40 and _CREDIT_START.match(text):
        return "caption"
    if n_words <= 4 and _AGENCY_ONLY.match(text):
        return "credit"
    if n_words <= 60 and _has(low, _SYNDICATION_HINTS) and _SYNDICATION.search(text):
        return "syndication"
    if n_words <= 40 and _has(low, _COPYRIGHT_HINTS) and _COPYRIGHT.search(text):
        return "copyright"
    if n_words <= 80 and _PROMO_START.match(text):
        return "promo"
    if n_words <= 30 and _SIGNUP.search(text):
        return "signup"
    if n_words <= 40 and _PROMO.search(text):
        return "promo"
    if (n_words <= 14 or (n_words <= 40 and _RELATED_LONG.match(text))) and _RELATED.match(text):
        return "related-link"
    if n_words <= 40 and _CAPTION.search(text):
        return "caption"
    if n_words <= 10 and _DATESTAMP.match(text):
        return "date"
    if n_words <= 8 and _NAVIGATION.match(text):
        return "navigation"
    if n_words <= 6 and _URLISH.search(text):
        return "boilerplate"
    return None


# A bare "Comments" is as often a share-bar button as a section heading.
_BARE_COMMENTS = re.compile(r"^comments?\W*$", _I)


# Blog comment headers: "Jane Roe on September 12, 2018 at 4:47 pm said:" (WordPress and
# its many themes), and "12 thoughts on “Title”" above the thread.
_COMMENT_HEADER = re.compile(
    r"^\S.{0,80}?\s(?:on|at|-|–|\|)\s.{0,40}?\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:said|says|wrote|writes|commented)\s*:?$|"
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) "
    r"(?:thoughts?|responses?|comments?|replies|reactions) (?:on|to) .{1,160}$",
    _I,
)


def is_comment_start(text: str, n_words: int) -> bool:
    """True for lines that open a reader-comment section."""
    if n_words <= 40 and _COMMENT_HEADER.match(text):
        return True
    return n_words <= 12 and bool(_COMMENTS_START.match(text)) and not _BARE_COMMENTS.match(text)


def is_vote_tally(text: str) -> bool:
    """True for the vote counts printed under reader comments."""
    return bool(_VOTES.match(text))


# A copyright line that closes a page or an article ("© 2019 Foo. All rights
# reserved."), as opposed to a photo credit ("Image copyright Getty Images").
_FOOTER_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright|&copy;)\s*(?:©\s*)?(?:\d{4}|[^\W\d_][^.]{0,60}\b(?:19|20)\d{2}\b)|"
    r"\ball rights reserved\b|\bmay not be (?:published|reproduced|copied|redistributed)\b",
    _I,
)


def is_footer(text: str, n_words: int) -> bool:
    """Copyright / syndication lines that close an article."""
    if n_words > 60:
        return False
    low = text.lower()
    if _has(low, _SYNDICATION_HINTS) and _SYNDICATION.search(text):
        return True
    if not _has(low, _COPYRIGHT_HINTS):
        return False
    return bool(_FOOTER_COPYRIGHT.search(text)) and not text.lower().startswith(
        ("image", "photo", "picture")
    )


def byline_name(text: str) -> str | None:
    """The name in a "By NAME" line, or ``None``."""
    m = _BYLINE.match(text)
    if not m:
        return None
    name = m.group("name").strip(" ,.;:")
    words = name.split()
    if not 1 <= len(words) <= 8:
        return None
    # "By the way, ..." or "From the start ..." are prose, not bylines:
    # a name is mostly capitalised words.
    caps = sum(1 for w in words if w[:1].isupper())
    if caps < max(1, (len(words) + 1) // 2):
        return None
    return name
