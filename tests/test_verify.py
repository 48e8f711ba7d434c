import pytest

from factcheck.errors import CitationError
from factcheck.pipeline import prepare_article
from factcheck.types import ArticleIn, Citation, SummarySentence
from factcheck.verify import cite, citation_problems, locate

ART = prepare_article(ArticleIn(id="a", source="S", text="Title Line\n\nThe raid killed at least 74 people, “officials” said. Talks went on."))


@pytest.mark.parametrize(
    "quote, expected",
    [
        ("at least 74 people", "at least 74 people"),
        ('"officials" said', "“officials” said"),  # quote style ignored
        ("AT LEAST   74", "at least 74"),  # case and spacing ignored
    ],
)
def test_locate_returns_exact_original_text(quote, expected):
    span = locate(ART.text, quote)
    assert span and ART.text[span[0] : span[1]] == expected


def test_cite_whole_sentence_and_quote():
    whole = cite(ART, "a:s1")
    assert whole.quote == "The raid killed at least 74 people, “officials” said."
    part = cite(ART, "a:s1", "killed at least 74")
    assert ART.text[part.start : part.end] == part.quote == "killed at least 74"


@pytest.mark.parametrize("sid, quote", [("a:s9", None), ("a:s1", "at least 75"), ("a:s2", "killed")])
def test_cite_rejects_what_is_not_there(sid, quote):
    with pytest.raises(CitationError):
        cite(ART, sid, quote)


def test_citation_problems_catch_forged_spans():
    good = cite(ART, "a:s1", "at least 74")
    assert citation_problems({"a": ART}, good) == []
    shifted = good.model_copy(update={"start": good.start + 1})
    assert any("quote does not equal" in p for p in citation_problems({"a": ART}, shifted))
    wrong_sentence = good.model_copy(update={"sentence_id": "a:s2"})
    assert any("outside sentence" in p for p in citation_problems({"a": ART}, wrong_sentence))
    assert citation_problems({}, good) == ["cites unknown article 'a'"]


@pytest.mark.parametrize("text, verified", [
    ("The raid killed at least 74 people, officials said.", True),
    ("The raid killed at least 75 people, officials said.", False),  # a figure the citation does not state
    ("The raid killed seventy people, officials said.", False),  # number words are figures too
    ("The raid on Bristol killed at least 74 people.", False),  # a name the citation does not carry
    ("Talks went on.", False),  # says something else than the cited sentence
])
def test_summary_citations_must_carry_the_sentence(text, verified):
    from factcheck.types import EngineInfo, Report
    from factcheck.verify import verify_report

    report = Report(articles=[ART], independent_sources=1, engine=EngineInfo(name="t"),
                    summary=[SummarySentence(text=text, citations=[cite(ART, "a:s1")])])
    assert verify_report(report).summary[0].verified is verified


def test_verify_report_marks_but_keeps_bad_items(settings):
    from factcheck.types import EngineInfo, Report
    from factcheck.verify import verify_report

    bad = Citation(article_id="a", sentence_id="a:s1", start=0, end=5, quote="Title")
    report = Report(articles=[ART], independent_sources=1, engine=EngineInfo(name="t"),
                    summary=[SummarySentence(text="Talks went on.", citations=[cite(ART, "a:s2")]),
                             SummarySentence(text="Something.", citations=[bad]),
                             SummarySentence(text="Uncited.", citations=[])])
    checked = verify_report(report)
    assert [s.verified for s in checked.summary] == [True, False, False]
    assert len(checked.summary) == 3
    assert "cites no source sentence" in checked.summary[2].problems
