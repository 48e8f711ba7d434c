import json
import shutil

import pytest

from factcheck.errors import InputError, TooLargeError
from factcheck.ingest import (
    article_from_text,
    articles_from_json,
    load_paths,
    load_uploads,
    parse_header,
    validate_cluster,
)
from factcheck.pipeline import prepare_article
from factcheck.types import ArticleIn
from tests.conftest import SEEDS


def art(i, text="Officials said the talks went on.", **kw):
    return ArticleIn(id=f"a{i}", source=f"S{i}", text=text, **kw)


@pytest.mark.parametrize(
    "text, meta, body_start",
    [
        ("source: x.com\nurl: http://x.com/a\nBody line.\n", {"source": "x.com", "url": "http://x.com/a"}, 34),
        ("Body only.\n", {}, 0),
        (" date 2024-02-14 CAIRO — Talks.", {}, 0),  # a date glued to the prose is prose, not a header line
        ("title: T\npublished: 2024-01-01\nBody.", {"title": "T", "published": "2024-01-01"}, 31),
        ("\ufeffsource: x.com\nBody.", {"source": "x.com"}, 15),  # a byte-order mark belongs to the header
        ("\ufeff date 2024-02-14 CAIRO — Talks.", {}, 0),
        ("\ufeffBody only.", {}, 0),
    ],
)
def test_parse_header(text, meta, body_start):
    assert parse_header(text) == (meta, body_start)


def test_text_file_keeps_exact_content_and_uses_stem_as_id(tmp_path):
    raw = "source: www.example.com\nurl: http://example.com/x\nA thing happened on Monday.\n"
    (tmp_path / "000_abc.txt").write_text(raw, encoding="utf-8")
    (tmp_path / "001_def.txt").write_text("No header here. Just prose.", encoding="utf-8")
    a, b = load_paths([tmp_path])
    assert (a.id, a.source, a.url, a.text) == ("000_abc", "www.example.com", "http://example.com/x", raw)
    assert (a.source_origin, b.id, b.source, b.source_origin) == ("header", "001_def", "001_def", "file")


def test_json_forms(tmp_path):
    one = {"id": "x", "source": "S", "text": "T."}
    assert [a.id for a in articles_from_json(one, name="f")] == ["x"]
    assert [a.id for a in articles_from_json({"articles": [one, {**one, "id": "y"}]}, name="f")] == ["x", "y"]
    (tmp_path / "c.json").write_text(json.dumps([one, {**one, "id": "y"}]))
    assert [a.id for a in load_paths([tmp_path / "c.json"])] == ["x", "y"]


def test_html_file_extracts_main_text(tmp_path):
    html = ("<html><head><title>Quake hits</title></head><body><nav>Home | News</nav><article><h1>Quake hits</h1>"
            "<p>A strong earthquake struck the coast on Monday, killing at least 12 people, officials said.</p>"
            "<p>Rescue teams were searching collapsed buildings through the night in three towns.</p>"
            "</article><footer>Cookie policy</footer></body></html>")
    (tmp_path / "q.html").write_text(html)
    [article] = load_paths([tmp_path / "q.html"])
    assert "at least 12 people" in article.text and "Cookie policy" not in article.text
    assert article.id == "q"


@pytest.mark.parametrize(
    "articles, error, words",
    [
        ([art(1)], InputError, "at least 2"),
        ([art(1), art(2, text="   \n\t ")], InputError, "'a2' has empty or whitespace-only"),
        ([art(1), art(1)], InputError, "'a1' is used more than once"),
        ([art(i) for i in range(51)], TooLargeError, "at most 50"),
        ([art(1), art(2, text="x" * 200_001)], TooLargeError, "'a2' has 200,001 characters"),
    ],
)
def test_validate_cluster_rejects_bad_input(articles, error, words, settings):
    with pytest.raises(error) as info:
        validate_cluster(articles, settings=settings)
    assert words in info.value.message


def test_undecodable_file_names_the_article(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"Fine text \xff\xfe broken")
    with pytest.raises(InputError) as info:
        load_paths([tmp_path / "bad.txt"])
    assert "'bad'" in info.value.message and "UTF-8" in info.value.message
    assert info.value.details["offset"] == 10


def test_bad_json_and_missing_fields(tmp_path):
    (tmp_path / "a.json").write_text("{not json")
    with pytest.raises(InputError, match="not valid JSON"):
        load_paths([tmp_path / "a.json"])
    with pytest.raises(InputError, match="'x'.*source"):
        articles_from_json({"id": "x", "text": "T."}, name="f")


def test_missing_path():
    with pytest.raises(InputError, match="No such file"):
        load_paths([__import__("pathlib").Path("/nonexistent/x.txt")])


def test_header_fallback_source_is_file_stem():
    a = article_from_text("Plain text.", article_id="stem")
    assert (a.source, a.source_origin) == ("stem", "file")


SEED_OUTLETS = {  # what the five seed files carry, read without seeds/sources.yaml
    "000_6c998b99b74eb829": ("Associated Press", "dateline"),  # "CAIRO (AP) —"
    "001_ab0ced552b81b7bf": ("Daily True News", "credit"),  # its last line
    "002_c062f87ad51a8b64": ("Associated Press", "credit"),  # "... / AP" after the last paragraph
    "003_7ff8e0f61f2ca11e": ("CGTN", "credit"),  # the line under the headline
    "004_71e9c51bfe0bbdae": ("004_71e9c51bfe0bbdae", "file"),  # nothing names it
}


def test_seed_outlets_are_inferred_from_the_files(tmp_path):
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tmp_path)
    assert {a.id: (a.source, a.source_origin) for a in load_paths([tmp_path])} == SEED_OUTLETS


SEED_NAMES = {"000_6c998b99b74eb829": "Associated Press", "001_ab0ced552b81b7bf": "Daily True News",
              "002_c062f87ad51a8b64": "AP reprint", "003_7ff8e0f61f2ca11e": "CGTN",
              "004_71e9c51bfe0bbdae": "The New York Times"}


@pytest.mark.parametrize(
    "pick, ids",
    [
        (lambda: [SEEDS], list(SEED_NAMES)),
        (lambda: sorted(SEEDS.iterdir()), list(SEED_NAMES)),  # `seeds/*`: sources.yaml itself is not an article
        (lambda: sorted(SEEDS.glob("00[03]*")), ["000_6c998b99b74eb829", "003_7ff8e0f61f2ca11e"]),
    ],
)
def test_sources_yaml_beside_the_files_names_their_outlets(pick, ids):
    articles = load_paths(pick())
    assert [(a.id, a.source, a.source_origin) for a in articles] == [(i, SEED_NAMES[i], "metadata") for i in ids]


@pytest.mark.parametrize(
    "files, words",
    [
        ({"a.txt": "Text one.", "a.html": "<html><body><article><p>Text two, long enough.</p></article></body></html>"},
         ["'a' is used more than once: by ", "a.html and by ", "a.txt. "]),
        ({"x.json": '[{"id": "a", "source": "S", "text": "T."}, {"id": "a", "source": "S", "text": "U."}]'},
         ["'a' is used more than once: by ", "x.json (item 0) and by ", "x.json (item 1). "]),
        ({"a.txt": "Text one.", "b.json": '{"id": "a", "source": "S", "text": "T."}'},
         ["'a' is used more than once: by ", "a.txt and by ", "b.json. "]),
    ],
)
def test_duplicate_ids_name_both_files(tmp_path, files, words):
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_paths([tmp_path])
    for word in words:
        assert word in info.value.message
    assert info.value.details["problem"] == "duplicate_id" and len(info.value.details["files"]) == 2


@pytest.mark.parametrize(
    "head, body, outlet",
    [
        ('<meta property="og:site_name" content="Example Daily">', "", ("Example Daily", "html")),
        ('<link rel="canonical" href="https://www.example.org/a">', "<p>By Jane Doe, The Herald</p>",
         ("The Herald", "byline")),
        ('<link rel="canonical" href="https://www.example.org/a">', "", ("example.org", "url")),
        ("", "", ("q", "file")),
    ],
)
def test_html_outlet_and_its_origin(tmp_path, head, body, outlet):
    page = (f"<html><head><title>Quake</title>{head}</head><body><article><h1>Quake</h1>{body}<p>A strong "
            "earthquake struck the coast on Monday, killing at least 12 people, officials said.</p></article>"
            "</body></html>")
    (tmp_path / "q.html").write_text(page, encoding="utf-8")
    [article] = load_paths([tmp_path / "q.html"])
    assert (article.source, article.source_origin) == outlet


def test_uploads_read_like_a_folder():
    uploads = [("dir/a.txt", b"CAIRO (AP) \xe2\x80\x94 Talks went on."), ("b.txt", b"Plain text."),
               ("sources.yaml", b"b: {source: Beta Times, published: '2024-02-13'}\nc: {source: Not loaded}")]
    a, b = load_uploads(uploads)
    assert (a.id, a.source, a.source_origin) == ("a", "Associated Press", "dateline")
    assert (b.id, b.source, b.source_origin, b.published) == ("b", "Beta Times", "metadata", "2024-02-13")


@pytest.mark.parametrize("text, published", [
    # a date line the page labels as its own: the publication date
    ("Posted: March 14th, 2013\nThe quake struck at 2:09 a.m. near the town of Cobb on Thursday.", "2013-03-14"),
    ("March 14, 2013\nThe quake struck at 2:09 a.m. near the town of Cobb on Thursday.", "2013-03-14"),
    ("Last updated on: November 11, 2011 19:04 IST\nThe navy said the frigate seized three boats.", "2011-11-11"),
    # a date the page tells under another label is not when it was published
    ("End of Watch: Friday, June 24, 2005\nIn April 2007 the suspect was found guilty of murder.", None),
    ("Born: 3 June 1961\nThe former mayor died in Galway last month at the age of 62.", None),
])
def test_the_publication_date_comes_only_from_a_line_dating_the_page(text, published):
    assert prepare_article(ArticleIn(id="a", source="A", text=text)).published == published
