"""The Markdown report shows hostile input as text: rendered by a CommonMark renderer with raw HTML on, it
holds no tag, link or image that the input brought in, and the table keeps its columns."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from factcheck.pipeline import analyze
from factcheck.render import to_markdown
from factcheck.types import ArticleIn

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![x](https://tracker.invalid/p.png)",
    "<https://evil.invalid>",
    "`code` | pipe",
]


@pytest.mark.parametrize("payload", HOSTILE)
@pytest.mark.parametrize("field", ["source", "title", "text"])
def test_hostile_input_is_inert_in_markdown(settings, payload, field):
    base = {"text": "A fire killed 12 people in Springfield on Monday, officials said.", "source": "Wire"}
    other = ArticleIn(id="b", source="Paper", text="A fire killed 14 people in Springfield on Monday, police said.")
    fields = {**base, field: base[field] + " " + payload if field == "text" else payload}
    report = analyze([ArticleIn(id="a", **fields), other], engine="local", settings=settings)
    html = MarkdownIt("commonmark", {"html": True}).render(to_markdown(report))
    assert "<script" not in html and "<img" not in html and "<a " not in html
    lines = to_markdown(report).splitlines()
    header = next(line for line in lines if line.startswith("| id |"))
    table = [line for line in lines if line.startswith("| a |")]
    assert header.count(" | ") == 4 and table and table[0].count(" | ") == 4  # a '|' in a name adds no column


def test_contradiction_sides_are_whole_sentences_quoted_once_by_version():
    from tests.render_fixtures import toll_report

    text = to_markdown(toll_report())
    section = text[text.index("### c1"):text.index("## Citations")]
    assert "**The figures disagree** — Version A: Alpha News, Gamma Post — Version B: Beta Times" in section
    assert [line for line in section.splitlines() if line.startswith(("- ", "Version "))] == [
        "Version A:",
        "- **Alpha News**, published 2024-02-13 [a:s2]: “**At least 74** people were hurt, officials said.”",
        "- **Gamma Post**, published 2024-02-14 [c:s2]: “**At least 74** people were hurt in the fire, police said.”",
        "Version B:",
        "- **Beta Times**, no publication date [b:s2]: “Officials put the number of injured at **67** late on Monday.”",
    ]
    assert "*Compared because: both count people hurt in the warehouse fire*" in section
    assert "> " not in section and ">=" not in section  # no stray blockquote marker, no machine form
    html = MarkdownIt("commonmark").render(section)
    assert html.count("<strong>At least 74</strong>") == 2 and "<blockquote>" not in html


def test_dispute_sentences_are_marked():
    from tests.render_fixtures import toll_report

    lines = to_markdown(toll_report()).splitlines()
    assert [line[:41] for line in lines if line.startswith("**Disputed:**")] == [
        "**Disputed:** Reports differ on the toll:"]


def test_citations_quote_each_sentence_once():
    from tests.render_fixtures import toll_report

    text = to_markdown(toll_report())
    section = text[text.index("## Citations"):text.index("\n---\n")].splitlines()
    assert [line for line in section if line.startswith("- ")] == [
        "- [a:s1] Alpha News: the summary sentence above, word for word",
        "- [b:s1] Beta Times: The warehouse burned down on Monday.",
        "- [a:s2] Alpha News: At least 74 people were hurt, officials said.",
        "- [b:s2] Beta Times: Officials put the number of injured at 67 late on Monday.",
    ]
