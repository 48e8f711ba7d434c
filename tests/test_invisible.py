"""Invisible characters inside words hide no figure, and every citation still indexes the submitted text."""

from __future__ import annotations

import unicodedata

import pytest

from factcheck.pipeline import analyze
from factcheck.types import ArticleIn, Citation, Report


def citations(report: Report) -> list[Citation]:
    found = [c for s in report.summary for c in s.citations]
    found += [side.citation for c in report.contradictions for side in c.sides]
    return found + [c.citation for c in report.single_source_claims + report.loaded_language]


@pytest.mark.parametrize(
    "a, b, named",
    [
        ("At least 1\u200b2 people were killed in the fire on Monday, officials said.",
         "At least 15 people were killed in the fire on Monday, the police said.", "U+200B ZERO WIDTH SPACE at 10"),
        ("At least 12 people were kil\u00adled in the fire on Monday, officials said.",
         "At least 1\u20605 people were killed in the fire on Monday, the police said.", "U+00AD SOFT HYPHEN at 27"),
        ("\ufeffAt least 1\u200d2 people were killed in the fire on Monday, officials said.",
         "At least 15 peo\U000e0041ple were killed in the fire on Monday, the police said.", "U+200D ZERO WIDTH JOINER"),
    ],
    ids=["zero-width space in a figure", "soft hyphen in the verb, word joiner in a figure", "joiner and tag"],
)
def test_figures_with_invisible_characters_are_found_and_cited_exactly(settings, a, b, named):
    articles = [ArticleIn(id="a", source="Wire", text=a), ArticleIn(id="b", source="Paper", text=b)]
    report = analyze(articles, engine="local", settings=settings)
    assert [a.text for a in report.articles] == [a, b]
    assert [sorted(s.normalized for s in c.sides) for c in report.contradictions] == [[">=12", ">=15"]]
    for citation in citations(report):
        article = report.article(citation.article_id)
        [sentence] = [s for s in article.sentences if s.id == citation.sentence_id]
        assert article.text[citation.start : citation.end] == citation.quote
        assert sentence.start <= citation.start < citation.end <= sentence.end
    for side in (s for c in report.contradictions for s in c.sides):  # the value's own span maps back too
        value = report.article(side.article_id).text[side.value_start : side.value_end]
        visible = "".join(ch for ch in value if unicodedata.category(ch) != "Cf")
        assert visible.lower() in ("at least 12", "at least 15")
    assert all(s.verified for s in report.summary) and all(c.verified for c in report.contradictions)
    assert any(named in w and "invisible format character" in w for w in report.warnings)


def test_text_without_invisible_characters_is_untouched(settings, seed_articles):
    report = analyze(seed_articles, engine="local", settings=settings)
    assert not any("invisible" in w for w in report.warnings)
    assert [a.text for a in report.articles] == [a.text for a in seed_articles]
