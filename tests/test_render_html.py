"""The HTML report: every citation is a mark holding exactly its quote, text is escaped, nothing is hidden."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from factcheck.config import Settings
from factcheck.pipeline import analyze
from factcheck.render.html import MAX_SIDE_BY_SIDE, ORIGIN_NOTES, to_html
from factcheck.types import (
    Article,
    Citation,
    Contradiction,
    ContradictionSide,
    EngineInfo,
    ExcludedSpan,
    LoadedTerm,
    Report,
    SingleSourceClaim,
    SummarySentence,
)
from tests.render_fixtures import toll_report

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    """What a reader would see: text per mark key (all parts, nested marks included), ids, links, excluded spans."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.mark_text: dict[str, str] = {}
        self.mark_parts: dict[str, int] = {}
        self.ids: set[str] = set()
        self.targets: list[str] = []
        self.excluded: list[dict] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self.feed(page)
        self.close()
        assert not self.stack, f"unclosed elements: {[t for t, _ in self.stack]}"

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            assert a["id"] not in self.ids, f"duplicate id {a['id']}"
            self.ids.add(a["id"])
        if tag == "a" and "data-target" in a:
            assert a["href"] == "#" + a["data-target"]
            self.targets.append(a["data-target"])
        if tag == "mark" and "data-key" in a:
            self.mark_text.setdefault(a["data-key"], "")
            self.mark_parts[a["data-key"]] = self.mark_parts.get(a["data-key"], 0) + 1
        if tag == "span" and "excluded" in a.get("class", "") and "data-kind" in a:  # not the legend's sample
            a["text"] = ""
            self.excluded.append(a)
        if tag not in VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        if any(t == "script" for t, _ in self.stack):
            self.scripts.append(data)
            return
        self.text.append(data)
        for tag, a in self.stack:
            if tag == "mark" and "data-key" in a:
                self.mark_text[a["data-key"]] += data
            if tag == "span" and "text" in a:
                a["text"] += data


def _citations(report: Report) -> list[Citation]:
    return ([c for s in report.summary for c in s.citations]
            + [side.citation for c in report.contradictions for side in c.sides]
            + [x.citation for x in report.single_source_claims] + [t.citation for t in report.loaded_language])


def _key(report: Report, c: Citation) -> str:
    index = [a.id for a in report.articles].index(c.article_id)
    return f"m{index}-{c.start}-{c.end}"


@pytest.fixture(scope="module")
def seed_report(seed_articles, tmp_path_factory) -> Report:
    tmp = tmp_path_factory.mktemp("html")
    local = Settings(OPENAI_API_KEY="", OPENAI_BASE_URL="", FACTCHECK_CACHE_DIR=tmp / "cache",
                     FACTCHECK_DATA_DIR=tmp / "data", _env_file=None)
    return analyze(seed_articles, engine="local", settings=local)


def test_every_seed_citation_is_a_mark_holding_its_quote(seed_report):
    page = Page(to_html(seed_report))
    citations = _citations(seed_report)
    assert citations and seed_report.contradictions
    for c in citations:
        key = _key(seed_report, c)
        assert key in page.ids, f"no <mark id={key}> for {c.sentence_id}"
        assert page.mark_text[key] == c.quote
    assert set(page.targets) <= page.ids  # every citation link lands on a mark
    assert {_key(seed_report, c) for c in citations} <= set(page.targets)


def test_seed_page_shows_the_whole_report(seed_report):
    page = to_html(seed_report)
    text = html.unescape(page)
    for article in seed_report.articles:
        assert article.source in text and article.id in text
    for c in seed_report.contradictions:
        assert c.topic in text and c.explanation in text and f"{c.severity.capitalize()} severity" in text
    assert f"{len(seed_report.single_source_claims)}" in text and "Loaded language" in text
    assert '<html lang="en">' in page and "<main" in page and "<nav" in page
    assert "http://" not in page.replace('href="http', "") and "https://" not in page  # no external assets


def test_full_article_text_is_kept_in_order(seed_report):
    page = Page(to_html(seed_report))
    shown = "".join(page.text)
    for article in seed_report.articles:
        assert article.text in shown


def _article(text: str, **kw) -> Article:
    return Article(id=kw.pop("id", "a"), source=kw.pop("source", "Alpha News"), text=text, **kw)


def _cite(article: Article, quote: str, *, start: int | None = None, n: int = 0) -> Citation:
    start = article.text.index(quote) if start is None else start
    return Citation(article_id=article.id, sentence_id=f"{article.id}:s{n}", start=start, end=start + len(quote),
                    quote=quote)


def _report(articles: list[Article], **kw) -> Report:
    return Report(articles=articles, independent_sources=len(articles), engine=EngineInfo(name="test"), **kw)


TEXT = ("Header: Alpha News\nOfficials said 74 people died on Monday in the city. "
        "<script>alert('pwned')</script> Rescuers said the toll was 67.")


def test_nested_and_crossing_spans_are_split_but_each_reads_as_its_quote():
    a = _article(TEXT, excluded_spans=[ExcludedSpan(start=0, end=18, kind="header", reason="metadata header")])
    sentence = "Officials said 74 people died on Monday in the city."
    cites = [
        _cite(a, sentence),                       # outer
        _cite(a, "74"),                           # nested inside it
        _cite(a, "74 people died"),               # nested, shares the start of "74"
        _cite(a, "Monday in the city. <script>"),  # crosses the end of the sentence
        _cite(a, "the city. <script>alert"),      # crosses the crossing one too
        _cite(a, "Header: Alpha"),                # inside an excluded span
    ]
    report = _report([a, _article("Other text.", id="b", source="Beta")],
                     summary=[SummarySentence(text="Officials said 74 died.", citations=cites)])
    page = Page(to_html(report))
    for c in cites:
        assert page.mark_text[_key(report, c)] == c.quote
    assert page.mark_parts[_key(report, cites[0])] == 1  # merely nested: one element
    assert page.mark_parts[_key(report, cites[3])] >= 2  # crossing: split into parts
    assert TEXT in "".join(page.text)


def test_same_span_cited_twice_is_one_mark_with_one_number():
    a = _article(TEXT)
    c = _cite(a, "74 people died")
    report = _report([a, _article("Other.", id="b")], summary=[
        SummarySentence(text="One.", citations=[c]), SummarySentence(text="Two.", citations=[c])])
    page = to_html(report)
    assert page.count(f'<mark id="{_key(report, c)}"') == 1
    assert page.count(">[1]</a>") == 2 and ">[2]</a>" not in page


@given(
    text=st.text(alphabet="ab <>&\"'\n", min_size=1, max_size=40),
    spans=st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)), max_size=8),
)
@hsettings(max_examples=60, deadline=None)
def test_any_overlap_of_spans_renders_each_quote_exactly(text, spans):
    a = _article(text)
    cites = [_cite(a, text[s : s + n], start=s) for s, n in spans if s + n <= len(text)]
    report = _report([a, _article("x.", id="b")], summary=[SummarySentence(text="S.", citations=cites)])
    page = Page(to_html(report))
    for c in cites:
        assert page.mark_text[_key(report, c)] == c.quote
    assert text in "".join(page.text)


def test_untrusted_text_is_escaped_everywhere():
    evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    a = _article(TEXT, source="Evil" + evil, title="T" + evil, url="javascript:alert(3)", published=evil)
    b = _article("Plain text.", id="b" + evil, source="Beta", copy_of=a.id, copy_kind="copy", copy_similarity=1.0)
    c = _cite(a, "<script>alert('pwned')</script>")
    side_b = Citation(article_id=b.id, sentence_id="b:s0", start=0, end=5, quote="Plain")
    report = _report(
        [a, b],
        summary=[SummarySentence(text="Summary " + evil, citations=[c])],
        contradictions=[Contradiction(
            id="c1", kind="other", topic="Topic" + evil, explanation="Why" + evil, severity="high",
            likely_reason="Because" + evil,
            sides=[ContradictionSide(article_id=a.id, source=a.source, value="v" + evil, normalized="n" + evil,
                                     citation=c),
                   ContradictionSide(article_id=b.id, source=b.source, value="w", normalized="w", citation=side_b)])],
        single_source_claims=[SingleSourceClaim(article_id=a.id, text="Claim" + evil, citation=c)],
        loaded_language=[LoadedTerm(article_id=a.id, term="t" + evil, citation=c, note="n" + evil)],
        warnings=["Warning" + evil],
    )
    page = to_html(report)
    parsed = Page(page)
    assert "<script>alert" not in page and "<img" not in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page
    assert all("alert" not in s for s in parsed.scripts)  # the only script is ours
    assert parsed.mark_text[_key(report, c)] == c.quote


def test_unverified_items_are_shown_with_their_problems():
    a = _article(TEXT)
    c = _cite(a, "74 people died")
    wrong = Citation(article_id="a", sentence_id="a:s9", start=0, end=4, quote="not the text")
    report = _report(
        [a, _article("Other text.", id="b")],
        summary=[SummarySentence(text="Seventy-four died.", citations=[c, wrong], verified=False,
                                 problems=["quote not found in article a"])],
        contradictions=[Contradiction(
            id="c1", kind="number", topic="Toll", explanation="74 vs 67", severity="medium", verified=False,
            problems=["side 2 cites a sentence without the number"], within_article=True,
            sides=[ContradictionSide(article_id="a", source="Alpha News", value="74", normalized="=74", citation=c),
                   ContradictionSide(article_id="a", source="Alpha News", value="67", normalized="=67",
                                     citation=_cite(a, "67"))])],
    )
    page = html.unescape(to_html(report))
    assert "Seventy-four died." in page and "quote not found in article a" in page
    assert "side 2 cites a sentence without the number" in page and "Within one article" in page
    assert page.count("Unverified") >= 3 and "Medium severity" in page
    assert "not located: the quote is not at offsets 0-4" in page  # a bad citation is flagged, not dropped


def test_excluded_spans_are_muted_and_explained_and_copies_labelled():
    a = _article(TEXT, excluded_spans=[ExcludedSpan(start=0, end=18, kind="header", reason="metadata header")])
    b = _article("Officials said 74 people died.", id="b", source="Reprint", copy_of="a", copy_kind="rewrite",
                 copy_similarity=0.5)
    page_html = to_html(_report([a, b]))
    page = Page(page_html)
    (span,) = page.excluded
    assert span["text"] == TEXT[:18] and span["data-kind"] == "header"
    assert "metadata header" in span["title"] and "Not analysed" in span["title"]
    assert 'class="col is-copy"' in page_html and "Rewrite of Alpha News, 50% of its sentences matched" in page_html


def _blocks(page: str, pattern: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", m)) for m in re.findall(pattern, page, flags=re.S)]


def test_contradiction_sides_show_sentence_value_outlet_date_by_version():
    page = to_html(toll_report())
    assert _blocks(page, r'<p class="verdict">(.*?)</p>') == [
        "The figures disagree: Version A: Alpha News, Gamma Post — Version B: Beta Times"]
    assert _blocks(page, r"<h4>(.*?)</h4>") == ["AVersion A", "BVersion B"]
    assert _blocks(page, r'<blockquote class="said">(.*?)</blockquote>') == [
        "At least 74 people were hurt, officials said.", "At least 74 people were hurt in the fire, police said.",
        "Officials put the number of injured at 67 late on Monday."]
    assert _blocks(page, r'<mark class="val">(.*?)</mark>') == ["At least 74", "At least 74", "67"]
    assert _blocks(page, r'<p class="who">(.*?)</p>') == [
        "Alpha News · published 2024-02-13", "Gamma Post · published 2024-02-14", "Beta Times · no publication date"]
    assert _blocks(page, r'<p class="align"><small>(.*?)</small></p>') == [
        "Why these statements were compared: both count people hurt in the warehouse fire"]
    assert "cannot both" not in page


def test_no_alignment_no_small_print():
    assert 'class="align"' not in to_html(toll_report(alignment=None))


def test_summary_citations_show_their_quoted_words_on_hover_and_focus():
    report = toll_report()
    page = to_html(report)
    described = re.findall(r'<a class="cite" [^>]*aria-describedby="([^"]+)"', page)
    cited = [(report.article(c.article_id).source, c.quote) for s in report.summary for c in s.citations]
    assert len(described) == len(cited) == len(set(described))
    for tip, (source, quote) in zip(described, cited, strict=True):
        [text] = _blocks(page, rf'<span class="tip" role="tooltip" id="{tip}">(.*?)</span>')
        assert text == f"{source}: “{quote}”"


def test_dispute_sentences_are_marked():
    page = to_html(toll_report())
    assert page.count('class="item is-dispute"') == 1
    assert _blocks(page, r'<span class="kind">(.*?)</span>') == ["Disputed"]


@pytest.mark.parametrize("origin", ["given", "metadata", "header", "html", "dateline", "byline", "credit", "url",
                                    "file"])
def test_each_article_says_where_its_outlet_name_came_from(origin):
    report = _report([_article("Text one.", source_origin=origin), _article("Text two.", id="b")])
    assert _blocks(to_html(report), r'<p class="origin muted">(.*?)</p>')[0] == ORIGIN_NOTES[origin]


def test_the_originals_are_picked_for_side_by_side_first(seed_report):
    page = to_html(seed_report)
    picked = re.findall(r'<input type="checkbox" value="(art-\d+)" checked>', page)
    copies = {f"art-{i}" for i, a in enumerate(seed_report.articles) if a.copy_of}
    assert copies and len(picked) == MAX_SIDE_BY_SIDE and not copies & set(picked)
    assert page.count('<input type="checkbox" value="art-') == len(seed_report.articles)
