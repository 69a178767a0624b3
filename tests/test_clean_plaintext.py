"""Tests of the plain-text page-furniture cleaner.

Every fixture below is invented for these tests (a fictional town, people and
outlets); no real article text is used.
"""

from __future__ import annotations

import time

import pytest

from presstrace.clean import CleanedText, CleanOptions, LineDecision, clean_plaintext

# ------------------------------------------------------------------ fixtures

P1 = (
    "The harbour authority in Lowmere said on Monday that it would close the old ferry pier "
    "for at least six months while engineers assess damage caused by last winter's storms."
)
P2 = (
    "Officials said the closure would affect roughly 4,000 commuters a day, most of whom "
    "will be moved to a temporary shuttle service running from the northern car park."
)
P3 = (
    "“We have no choice but to act now, before the structure deteriorates any further,” "
    "the authority's chief engineer, Dana Ruiz, told reporters at a briefing."
)
P4 = (
    "Local business owners have warned that the closure could cost them a significant share "
    "of their summer trade, and several asked the council for temporary rate relief."
)
P5 = (
    "A spokesperson for the council said the request would be discussed at its next meeting, "
    "which is scheduled for the second week of March."
)
SHORT_QUOTE = "“All the benches are completely gone,” her neighbour said."
WIRE_END = (
    "The authority expects to publish the engineers' full report before the end of the year, "
    "officials added. (ANI)"
)

# A page with a headline, a bare-name byline, a related headline between two
# paragraphs, an image caption and a promotional / syndication footer.
OUTLET_PAGE = "\n\n".join(
    [
        "Lowmere to shut historic ferry pier for repairs as storm damage mounts",
        "Jamie Okafor",
        P1,
        P2,
        "Coastal towns brace for another stormy winter",
        P3,
        "Engineers inspect the pier's pilings on Monday morning. Photo: AP",
        P4,
        "Ferry operator warns of higher fares next spring",
        P5,
        "Sign up today: a 50% early bird offer on Coastal Research: the Harbour Economy "
        "Report. This brand-new report brings you insider views on every trend in the port "
        "trade.",
        "More from The Lowmere Gazette:",
        "This article Lowmere to shut historic ferry pier for repairs first appeared on "
        "The Lowmere Gazette",
        "For the latest news from The Lowmere Gazette download our mobile app. Copyright 2020.",
    ]
)

# A wire story on a community site: newsletter prompt, caption, section label,
# headline, comment count, "By NAME", dateline, body, copyright footers, then
# a whole reader-comment section with long prose comments and promo links.
COMMUNITY_PAGE = "\n".join(
    [
        "Newsletter Signup Register / Login",
        "Workers repair the damaged pier in Lowmere on Monday. Photo: AP",
        "world",
        "",
        "Harbour chief defends pier closure",
        "",
        "9 Comments",
        "By MARIA SANTOS",
        "LOWMERE",
        "",
        P1,
        "",
        P2,
        "",
        P3,
        "",
        SHORT_QUOTE,
        "",
        P4,
        "",
        "© Copyright 2020 The Example Press. All rights reserved. This story may not be "
        "published or copied in any form.",
        "",
        "©2020 Example Media Inc.",
        "",
        "Discover the coast",
        "",
        "A travel guide to the northern harbour towns",
        "",
        "Learn More",
        "",
        "9 Comments",
        "Login to comment",
        "",
        "I have lived in this town for thirty years and the pier has been falling apart for "
        "most of them, so nobody should pretend that this closure comes as a surprise to anyone.",
        "",
        "3 ( +3 / -0 )",
        "",
        "The council knew about the pilings years ago and decided to spend the money on a new "
        "roundabout instead, which tells you everything about their priorities in this place.",
        "",
        "1 ( +3 / -2 )",
        "",
        "Log in to post a comment",
        "",
        "Forgot password?",
        "",
        "Facebook users",
        "",
        "Use your Facebook account to sign in or create an ExampleSite account; we will then "
        "email you an invitation to our alerts.",
        "",
        "Offer",
        "",
        "¥3000 Dinner ticket for a harbour-view restaurant!",
        "",
        "Savvy Coast",
        "",
        "Offer",
    ]
)

# A syndicated story with an advert line and a syndication note, no blank lines.
SYNDICATED_PAGE = "\n".join(
    [
        P1,
        P3,
        "Advertisement",
        P4,
        WIRE_END,
        "(Example News staff have not edited this story, which is auto-generated from a "
        "syndicated feed.)",
    ]
)

SIGNUP_FOOTER_PAGE = "\n\n".join(
    [
        P1,
        P2,
        P5,
        "Sign up for our morning headlines!",
        "By submitting your address, you agree to our terms.",
    ]
)

MENU = [
    "Lowmere harbour pier to close | The Example Times",
    "Skip to content",
    "Home",
    "News",
    "Sport",
    "Business",
    "Opinion",
    "Culture",
    "Weather",
    "Subscribe",
    "Log In",
]
FOOTER = [
    "Contact Us",
    "Work with us",
    "Advertise",
    "Privacy Policy",
    "Terms of Service",
    "Site Map",
]


def kept(result: CleanedText) -> list[str]:
    return [d.text.strip() for d in result.lines if d.keep]


def reason_of(result: CleanedText, text: str) -> str:
    for d in result.lines:
        if d.text.strip() == text:
            return d.reason
    raise AssertionError(f"line not found: {text!r}")


# ------------------------------------------------------------------ behaviour


def test_outlet_page_keeps_reporting_and_drops_furniture() -> None:
    r = clean_plaintext(OUTLET_PAGE)
    assert r.text.split("\n\n") == [P1, P2, P3, P4, P5]
    assert r.title == "Lowmere to shut historic ferry pier for repairs as storm damage mounts"
    assert r.byline == "Jamie Okafor"
    assert reason_of(r, "Coastal towns brace for another stormy winter") == "related-link"
    assert reason_of(r, "Engineers inspect the pier's pilings on Monday morning. Photo: AP") == (
        "caption"
    )
    assert reason_of(r, "More from The Lowmere Gazette:") == "related-link"
    assert reason_of(
        r, "For the latest news from The Lowmere Gazette download our mobile app. Copyright 2020."
    ) in {"copyright", "promo"}


def test_community_page_header_body_and_comment_section() -> None:
    r = clean_plaintext(COMMUNITY_PAGE)
    assert r.text.split("\n\n") == [P1, P2, P3, SHORT_QUOTE, P4]
    assert r.title == "Harbour chief defends pier closure"
    assert r.byline == "MARIA SANTOS"
    assert r.dateline == "LOWMERE"
    assert reason_of(r, "By MARIA SANTOS") == "byline"
    assert reason_of(r, "LOWMERE") == "dateline"
    assert reason_of(r, "Newsletter Signup Register / Login") == "signup"
    assert reason_of(r, "3 ( +3 / -0 )") == "comments"
    assert reason_of(r, "Login to comment") == "comments"
    # Long reader comments are prose, but they are not the article.
    assert not any(line.startswith(("I have lived", "The council knew")) for line in kept(r))
    assert not any("Facebook" in line or "Offer" in line for line in kept(r))


def test_short_quote_paragraph_is_reporting() -> None:
    r = clean_plaintext("\n\n".join([P1, SHORT_QUOTE, P2]))
    assert SHORT_QUOTE in kept(r)


def test_syndicated_page_without_blank_lines() -> None:
    r = clean_plaintext(SYNDICATED_PAGE)
    assert r.text.split("\n\n") == [P1, P3, P4, WIRE_END]
    assert reason_of(r, "Advertisement") == "advertisement"
    assert r.lines[-1].reason == "syndication"
    assert r.title is None


def test_signup_form_after_body_is_removed() -> None:
    r = clean_plaintext(SIGNUP_FOOTER_PAGE)
    assert r.text.split("\n\n") == [P1, P2, P5]
    terms = "By submitting your address, you agree to our terms."
    assert reason_of(r, terms) in {"signup", "promo"}


def test_menus_and_footer_links_are_dropped() -> None:
    page = "\n".join([*MENU, "Lowmere harbour pier to close", P1, P2, P3, P4, *FOOTER])
    r = clean_plaintext(page)
    assert r.text.split("\n\n") == [P1, P2, P3, P4]
    assert r.title == "Lowmere harbour pier to close"
    for item in MENU[1:] + FOOTER:
        assert item not in kept(r)


def test_reader_comments_longer_than_article_are_still_dropped() -> None:
    comment = (
        "Honestly I think the whole project was mismanaged from the very start and the people "
        "responsible should be made to explain themselves at a public meeting very soon."
    )
    thread: list[str] = []
    for i in range(12):
        thread += [comment, f"{i} ( +{i} / -0 )"]
    page = "\n".join([P1, P2, "12 Comments", "Login to comment", *thread])
    r = clean_plaintext(page)
    assert r.text.split("\n\n") == [P1, P2]


def test_cookie_banner_is_not_body() -> None:
    banner = (
        "This website uses cookies to improve your experience while you navigate through the "
        "website. Out of these cookies, the cookies that are categorized as necessary are stored "
        "on your browser as they are essential for the working of basic functionalities."
    )
    r = clean_plaintext("\n".join([P1, P2, P3, banner]))
    assert banner not in kept(r)
    assert reason_of(r, banner) == "cookies"


def test_decisions_cover_every_input_line() -> None:
    r = clean_plaintext(COMMUNITY_PAGE)
    src = COMMUNITY_PAGE.split("\n")
    assert [d.index for d in r.lines] == list(range(len(src)))
    assert [d.text for d in r.lines] == src
    assert all(isinstance(d, LineDecision) and d.reason for d in r.lines)
    assert all(d.reason == "blank" for d in r.lines if not d.text.strip())
    # Kept lines are exactly the body paragraphs.
    assert all(d.reason == "body" for d in r.lines if d.keep)


def test_whitespace_is_normalised_inside_paragraphs() -> None:
    messy = "  The harbour\tauthority  said\u00a0on Monday that it would close the old pier"
    messy += " for months.  "
    r = clean_plaintext(messy + "\r\n" + P2)
    assert r.text.split("\n\n")[0] == (
        "The harbour authority said on Monday that it would close the old pier for months."
    )


def test_options_are_frozen_and_used() -> None:
    opts = CleanOptions()
    with pytest.raises(AttributeError):
        opts.line_cost = 1.0  # type: ignore[misc]
    r = clean_plaintext(OUTLET_PAGE, CleanOptions(detect_header=False))
    assert r.title is None and r.byline is None
    assert r.text.split("\n\n") == [P1, P2, P3, P4, P5]


# ------------------------------------------------------------------ robustness


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "   \n\t\n  ",
        "one",
        "Advertisement",
        "© 2020",
        "9 Comments",
        "\u200b\u200b\ufeff",
        "🙂" * 50,
        "文章" * 400,
        "a" * 50_000,
        "\n".join(["x"] * 1000),
        "By",
        "By ",
        "(((((((((((((((((((((((((((((((",
        "....................................",
        "\x00\x01\x02 weird \udcff surrogate",
    ],
)
def test_never_crashes(text: str) -> None:
    r = clean_plaintext(text)
    assert isinstance(r.text, str)
    assert len(r.lines) == len(text.split("\n"))


def test_single_paragraph_is_kept() -> None:
    assert clean_plaintext(P1).text == P1


def test_large_input_is_fast() -> None:
    page = "\n".join([*MENU, P1, P2, SHORT_QUOTE, P3, P4, *FOOTER, ""])
    big = page * (5_000_000 // len(page) + 1)
    start = time.perf_counter()
    r = clean_plaintext(big)
    elapsed = time.perf_counter() - start
    assert elapsed < 10.0, elapsed
    assert r.text


def test_outlet_named_by_syndication_furniture() -> None:
    page = (
        "The town council approved the new harbour budget on Monday after a long debate about "
        "the cost of repairing the sea wall.\n"
        "This article Council approves harbour budget first appeared on Alden Evening Post\n"
        "For the latest news from the Alden Evening Post download our mobile app."
    )
    assert clean_plaintext(page).outlet == "Alden Evening Post"
    comments_box = "Use your account to login or register with PortNews. By doing so, you agree."
    assert clean_plaintext(comments_box + "\n" + page).outlet == "PortNews"
    assert clean_plaintext(page.split("\n", maxsplit=1)[0]).outlet is None
