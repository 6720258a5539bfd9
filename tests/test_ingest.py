"""read_sources: every input kind becomes Articles, every bad input one InputError."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from amity.ingest import read_sources
from amity.model import Article, InputError

STORY = (
    "Lakeford and Rivertown become sister cities\n"
    "\n"
    "The mayors of Lakeford and Rivertown signed a sister city agreement on Monday.\n"
    "\n"
    "Both councils expect student exchanges to begin next spring.\n"
)

PAGE = """<!DOCTYPE html>
<html>
<head>
  <title>Lakeford and Rivertown become sister cities | Town Herald</title>
  <meta property="article:published_time" content="2024-03-02T09:30:00+01:00">
</head>
<body>
  <nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
  <article>
    <h1>Lakeford and Rivertown become sister cities</h1>
    <p>The mayors of Lakeford and Rivertown signed a sister city agreement on Monday,
    ending two years of talks between the neighbouring councils.</p>
    <p>Both councils expect the first student exchanges to begin next spring, with
    a trade fair planned for the autumn.</p>
  </article>
  <footer>Copyright Town Herald. All rights reserved.</footer>
</body>
</html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Town Herald</title>
    <link>https://herald.example/</link>
    <description>Local news</description>
    <item>
      <title>Rivertown hosts Lakeford delegation</title>
      <link>https://herald.example/news/delegation</link>
      <guid>https://herald.example/news/delegation</guid>
      <pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>
      <description>&lt;p&gt;A delegation from Lakeford arrived in Rivertown.&lt;/p&gt;\
&lt;p&gt;They toured the port.&lt;/p&gt;</description>
    </item>
    <item>
      <title>Second story</title>
      <description>Councillors discussed a cultural exchange.</description>
    </item>
  </channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Town Herald</title>
  <id>urn:uuid:town-herald</id>
  <updated>2024-03-06T00:00:00Z</updated>
  <entry>
    <title>Trade fair announced</title>
    <id>urn:uuid:trade-fair</id>
    <updated>2024-03-06T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Lakeford will host a trade fair.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def read(*paths: str | Path, max_bytes: int = 10_000_000) -> list[Article | InputError]:
    return list(read_sources([str(p) for p in paths], max_bytes=max_bytes))


def only_article(results: list[Article | InputError]) -> Article:
    assert len(results) == 1 and isinstance(results[0], Article), results
    return results[0]


def only_error(results: list[Article | InputError]) -> InputError:
    assert len(results) == 1 and isinstance(results[0], InputError), results
    return results[0]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def feed_stdin(monkeypatch: pytest.MonkeyPatch, content: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(content)))


# --- plain text -----------------------------------------------------------


def test_a_text_file_is_one_article_named_after_the_file(tmp_path: Path) -> None:
    article = only_article(read(write(tmp_path / "a01.txt", STORY)))
    assert article.doc == "a01.txt"
    assert article.text == STORY
    assert article.source == str(tmp_path / "a01.txt")


def test_the_headline_of_a_text_file_stays_in_the_text(tmp_path: Path) -> None:
    article = only_article(read(write(tmp_path / "a01.txt", STORY)))
    assert article.title is None
    assert article.text.startswith("Lakeford and Rivertown become sister cities\n")
    assert article.full_text == STORY


def test_a_text_file_gets_its_date_from_a_header(tmp_path: Path) -> None:
    article = only_article(read(write(tmp_path / "a.md", " date 2025-02-05\n" + STORY)))
    assert article.published == "2025-02-05"


def test_a_text_file_gets_its_date_from_a_dateline(tmp_path: Path) -> None:
    text = "Twinning talks open\n\nLAKEFORD, Feb. 5, 2024 – The Rivertown delegation arrived.\n"
    assert only_article(read(write(tmp_path / "a.txt", text))).published == "2024-02-05"


def test_a_text_file_gets_its_date_from_its_last_line(tmp_path: Path) -> None:
    article = only_article(read(write(tmp_path / "a.text", STORY + "\n25.12 2021\n")))
    assert article.published == "2021-12-25"


def test_a_text_file_without_a_stated_date_has_none(tmp_path: Path) -> None:
    assert only_article(read(write(tmp_path / "a.txt", STORY))).published is None


def test_windows_line_endings_and_a_bom_are_normalised(tmp_path: Path) -> None:
    raw = ("\ufeff" + STORY).replace("\n", "\r\n").encode("utf-8")
    assert only_article(read(write(tmp_path / "a.txt", raw))).text == STORY


# --- HTML -----------------------------------------------------------------


def test_an_html_page_gives_main_text_title_and_date(tmp_path: Path) -> None:
    article = only_article(read(write(tmp_path / "story.html", PAGE)))
    assert article.doc == "story.html"
    assert article.title == "Lakeford and Rivertown become sister cities"  # site name dropped
    assert "signed a sister city agreement on Monday" in article.text
    assert "Copyright" not in article.text and "Sport" not in article.text
    assert article.published == "2024-03-02"


def test_html_paragraphs_are_separated_by_blank_lines(tmp_path: Path) -> None:
    article = only_article(read(write(tmp_path / "story.htm", PAGE)))
    assert "neighbouring councils.\n\nBoth councils" in article.text


def test_an_html_page_without_date_markup_uses_the_text(tmp_path: Path) -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2024-03-02T09:30:00+01:00">', "")
    assert only_article(read(write(tmp_path / "a.html", page))).published is None
    dated = page.replace("</article>", "<p>25.12.2023</p></article>")
    assert only_article(read(write(tmp_path / "b.html", dated))).published == "2023-12-25"


def test_an_html_date_in_json_ld_is_read(tmp_path: Path) -> None:
    page = PAGE.replace(
        '<meta property="article:published_time" content="2024-03-02T09:30:00+01:00">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-01-09"}</script>',
    )
    assert only_article(read(write(tmp_path / "a.html", page))).published == "2024-01-09"


def test_a_tiny_page_falls_back_to_the_body_text(tmp_path: Path) -> None:
    article = only_article(read(write(tmp_path / "a.html", "<html><body><p>Twin towns.</p></body></html>")))
    assert article.text == "Twin towns."


def test_malformed_html_still_yields_its_text(tmp_path: Path) -> None:
    broken = "<html><body><p>The councils <b>agreed <div>to twin</p></span> the towns</html"
    article = only_article(read(write(tmp_path / "broken.html", broken)))
    assert "The councils" in article.text and "the towns" in article.text


def test_html_without_any_text_is_an_error(tmp_path: Path) -> None:
    page = "<html><head><script>var x = 1;</script></head><body>  </body></html>"
    error = only_error(read(write(tmp_path / "blank.html", page)))
    assert error.reason == "no article text found in HTML"


def test_html_in_its_declared_charset_is_decoded(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Астана и Алматы.</p></body></html>'
    article = only_article(read(write(tmp_path / "ru.html", page.encode("windows-1251"))))
    assert article.text == "Астана и Алматы."


def test_html_that_is_not_utf8_and_declares_nothing_is_an_error(tmp_path: Path) -> None:
    error = only_error(read(write(tmp_path / "a.html", "<p>Café crème</p>".encode("latin-1"))))
    assert error.reason == "not valid UTF-8 text"


# --- JSON Lines and JSON --------------------------------------------------


def test_json_lines_give_one_article_per_line(tmp_path: Path) -> None:
    lines = [
        {"doc": "k-1", "title": "Twin towns", "text": "Lakeford and Rivertown signed.", "url": "https://x.example/1",
         "published": "2024-04-25T10:00:00Z"},
        {"id": 42, "text": "Rivertown hosted a delegation."},
        {"text": "A story with no identifier."},
    ]
    path = write(tmp_path / "corpus.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n")
    first, second, third = read(path)
    assert first == Article(doc="k-1", text="Lakeford and Rivertown signed.", title="Twin towns",
                            url="https://x.example/1", published="2024-04-25", source=f"{path}:1")
    assert second.doc == "42"
    assert third.doc == "corpus.jsonl:3"


def test_json_lines_without_a_date_detect_it_from_the_text(tmp_path: Path) -> None:
    record = {"doc": "d", "title": "Twin towns", "text": "Date: 2025-02-05\nThe towns signed.", "published": None}
    assert only_article(read(write(tmp_path / "c.ndjson", json.dumps(record)))).published == "2025-02-05"


def test_a_stated_date_that_is_no_date_of_the_contract_is_refused_not_stored(tmp_path: Path) -> None:
    record = {"doc": "d", "text": "The towns signed.", "published": "spring 2024"}
    assert only_error(read(write(tmp_path / "c.jsonl", json.dumps(record)))).reason == \
        "'published' field is not a date: 'spring 2024' (write YYYY-MM-DD)"


def test_bad_json_lines_are_reported_and_good_lines_still_come_through(tmp_path: Path) -> None:
    content = (
        '{"doc": "good-1", "text": "First story."}\n'
        '{"doc": "broken", "text": \n'
        '{"doc": "no-text", "title": "Headline only"}\n'
        "\n"
        '{"doc": "empty", "text": "   "}\n'
        '["not", "an", "object"]\n'
        '{"doc": "good-2", "text": "Second story."}\n'
    )
    path = write(tmp_path / "mixed.jsonl", content)
    results = read(path)
    assert [r.doc for r in results if isinstance(r, Article)] == ["good-1", "good-2"]
    errors = {e.source: e.reason for e in results if isinstance(e, InputError)}
    assert errors[f"{path}:2"].startswith("invalid JSON: ")
    assert errors[f"{path}:3"] == "missing 'text' field"
    assert errors[f"{path}:5"] == "'text' field is blank"
    assert errors[f"{path}:6"] == "expected a JSON object, got a list"


def test_a_json_line_that_is_not_utf8_is_reported_alone(tmp_path: Path) -> None:
    content = b'{"doc": "a", "text": "Caf\xe9"}\n{"doc": "b", "text": "Fine."}\n'
    error, article = read(write(tmp_path / "c.jsonl", content))
    assert error == InputError(f"{tmp_path / 'c.jsonl'}:1", "not valid UTF-8 text")
    assert isinstance(article, Article) and article.doc == "b"


def test_an_oversize_json_line_is_skipped_but_the_file_is_streamed(tmp_path: Path) -> None:
    content = json.dumps({"doc": "big", "text": "x" * 500}) + "\n" + json.dumps({"doc": "small", "text": "ok"}) + "\n"
    path = write(tmp_path / "c.jsonl", content)
    big, small = read(path, max_bytes=100)
    assert big == InputError(f"{path}:1", "line larger than the 100-byte limit")
    assert isinstance(small, Article) and small.doc == "small"


def test_a_json_file_may_hold_one_object_or_a_list(tmp_path: Path) -> None:
    single = write(tmp_path / "one.json", json.dumps({"title": "T", "text": "One story."}, indent=2))
    many = write(tmp_path / "many.json", json.dumps([{"text": "First."}, {"id": "b", "text": "Second."}]))
    assert only_article(read(single)).doc == "one.json"
    assert [a.doc for a in read(many)] == ["many.json#1", "b"]


def test_a_json_file_holding_json_lines_is_read_line_by_line(tmp_path: Path) -> None:
    path = write(tmp_path / "lines.json", '{"text": "First."}\n{"text": "Second."}\n')
    assert [a.doc for a in read(path)] == ["lines.json:1", "lines.json:2"]


# --- feeds ----------------------------------------------------------------


def test_an_rss_feed_gives_one_article_per_item(tmp_path: Path) -> None:
    first, second = read(write(tmp_path / "herald.rss", RSS))
    assert first == Article(
        doc="https://herald.example/news/delegation",
        text="A delegation from Lakeford arrived in Rivertown.\n\nThey toured the port.",
        title="Rivertown hosts Lakeford delegation",
        url="https://herald.example/news/delegation",
        published="2024-03-05",
        source=f"{tmp_path / 'herald.rss'}#1",
    )
    assert second.doc == "herald.rss#2"
    assert second.text == "Councillors discussed a cultural exchange."
    assert second.published is None


def test_an_atom_feed_uses_entry_ids_and_updated_dates(tmp_path: Path) -> None:
    article = only_article(read(write(tmp_path / "herald.atom", ATOM)))
    assert article.doc == "urn:uuid:trade-fair"
    assert article.title == "Trade fair announced"
    assert article.text == "Lakeford will host a trade fair."
    assert article.published == "2024-03-06"


def test_a_feed_date_is_the_day_as_written_not_shifted_to_utc(tmp_path: Path) -> None:
    late = RSS.replace("Tue, 05 Mar 2024 08:00:00 GMT", "Tue, 05 Mar 2024 23:30:00 -0500")
    assert read(write(tmp_path / "late.rss", late))[0].published == "2024-03-05"


def test_a_broken_feed_is_one_clear_error(tmp_path: Path) -> None:
    error = only_error(read(write(tmp_path / "broken.xml", '<?xml version="1.0"?><rss><channel><title>Cut')))
    assert error.reason.startswith("not a readable RSS/Atom feed: ")
    assert "\n" not in error.reason


def test_a_feed_without_entries_is_an_error(tmp_path: Path) -> None:
    empty = '<rss version="2.0"><channel><title>Quiet week</title></channel></rss>'
    assert only_error(read(write(tmp_path / "quiet.xml", empty))).reason == "feed has no entries"


# --- folders and paths ----------------------------------------------------


def test_a_folder_is_read_recursively_in_name_order_skipping_hidden_entries(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", STORY)
    write(tmp_path / "a.html", PAGE)
    write(tmp_path / "nested" / "deeper" / "c.md", STORY)
    write(tmp_path / "nested" / "e.jsonl", json.dumps({"doc": "from-jsonl", "text": "Hi."}))
    write(tmp_path / ".draft.txt", STORY)
    write(tmp_path / ".git" / "e.txt", STORY)
    assert [a.doc for a in read(tmp_path)] == ["a.html", "b.txt", "c.md", "from-jsonl"]


def test_files_with_unknown_extensions_are_sniffed(tmp_path: Path) -> None:
    write(tmp_path / "notes", STORY)
    write(tmp_path / "page.php", PAGE)
    write(tmp_path / "dump.data", json.dumps({"doc": "j", "text": "From JSON."}))
    write(tmp_path / "feed.cgi", RSS)
    results = read(tmp_path / "notes", tmp_path / "page.php", tmp_path / "dump.data", tmp_path / "feed.cgi")
    assert [a.doc for a in results] == ["notes", "page.php", "j", "https://herald.example/news/delegation",
                                        "feed.cgi#2"]


def test_a_missing_path_is_reported_and_the_rest_are_read(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", STORY)
    missing, article = read(tmp_path / "nope", good)
    assert missing == InputError(str(tmp_path / "nope"), "no such file or folder")
    assert isinstance(article, Article)


# --- stdin ----------------------------------------------------------------


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, STORY.encode())
    article = only_article(read("-"))
    assert (article.doc, article.text) == ("stdin", STORY)


def test_stdin_json_lines_are_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"text": f"Story {n}.", "title": "T"}) for n in range(1, 2001)]
    feed_stdin(monkeypatch, ("\n" + "\n".join(lines) + "\n").encode())
    results = read("-")
    assert len(results) == 2000
    assert (results[0].doc, results[-1].doc) == ("stdin:2", "stdin:2001")
    assert results[-1].text == "Story 2000."


@pytest.mark.parametrize(("content", "title"), [(PAGE, "Lakeford and Rivertown become sister cities"),
                                                  (RSS, "Rivertown hosts Lakeford delegation")])
def test_stdin_html_and_feeds_are_sniffed(monkeypatch: pytest.MonkeyPatch, content: str, title: str) -> None:
    feed_stdin(monkeypatch, content.encode())
    assert read("-")[0].title == title


def test_empty_stdin_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, b"")
    assert only_error(read("-")) == InputError("stdin", "empty input")


def test_binary_stdin_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, b"\x7fELF\x02\x01\x01\x00\x00\x00")
    assert only_error(read("-")) == InputError("stdin", "binary file, not text")


def test_oversize_stdin_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, STORY.encode())
    assert only_error(read("-", max_bytes=50)).reason == "larger than the 50-byte limit"


# --- bad input ------------------------------------------------------------


def test_bad_files_each_give_one_error_and_the_good_ones_are_read(tmp_path: Path) -> None:
    write(tmp_path / "a_empty.txt", b"")
    write(tmp_path / "b_blank.txt", "  \n\n ")
    write(tmp_path / "c_image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(tmp_path / "d_latin1.txt", "Café crème".encode("latin-1"))
    write(tmp_path / "e_noise.txt", bytes(range(1, 32)) * 20)
    write(tmp_path / "f_good.txt", STORY)
    results = read(tmp_path)
    assert [(Path(r.source).name, r.reason) for r in results if isinstance(r, InputError)] == [
        ("a_empty.txt", "empty file"),
        ("b_blank.txt", "empty file"),
        ("c_image.png", "binary file, not text"),
        ("d_latin1.txt", "not valid UTF-8 text"),
        ("e_noise.txt", "binary file, not text"),
    ]
    assert [a.doc for a in results if isinstance(a, Article)] == ["f_good.txt"]


def test_a_binary_file_with_a_text_extension_is_still_binary(tmp_path: Path) -> None:
    error = only_error(read(write(tmp_path / "a.jsonl", b'{"text": "x\x00"}\n')))
    assert error.reason == "binary file, not text"


def test_an_oversize_file_is_rejected_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "long.txt", STORY * 10)

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    assert only_error(read(path, max_bytes=100)) == InputError(str(path), "larger than the 100-byte limit")


def test_the_default_limit_is_reported_in_megabytes(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", b"")
    with path.open("wb") as handle:  # sparse: 10 MB + 1 byte without writing them
        handle.truncate(10_000_001)
    assert only_error(read(path)).reason == "larger than the 10 MB limit"


def test_an_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = write(tmp_path / "locked.txt", STORY)
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    error, article = read(locked, write(tmp_path / "ok.txt", STORY))
    assert error == InputError(str(locked), "cannot read: Permission denied")
    assert isinstance(article, Article)


@pytest.mark.parametrize("article", [
    Article(doc="a.txt", text="Porto and Lyon renewed their twinning.\r\nThe mayors met.  \n"),
    Article(doc="b", text="Kyiv hosted a delegation from Vilnius.", title="Kyiv and Vilnius"),
    Article(doc="c", text="Tartu and Turku met again.", title="Tartu and Turku"),
])
def test_an_articles_content_hash_ignores_line_endings_and_trailing_space_but_not_its_title(article: Article):
    respaced = Article(doc=article.doc, text=article.text.replace("\r\n", "\n").replace("\n", "\r\n") + " \n\n",
                       title=article.title)
    retitled = Article(doc=article.doc, text=article.text, title=(article.title or "") + " again")

    assert respaced.content_hash == article.content_hash
    assert retitled.content_hash != article.content_hash
    assert len(article.content_hash) == 64
