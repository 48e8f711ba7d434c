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
    table = [line for line in to_markdown(report).splitlines() if line.startswith("| a |")]
    assert table and table[0].count(" | ") == 3  # an outlet name with '|' does not add a column
