"""Typed records passed between stages. The `Report` is the contract every engine fills.

Every span is a pair of character offsets into `Article.text`, which is exactly the text the user
submitted (for a text file: its decoded content), so `article.text[start:end] == quote` always holds
for a verified citation.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "2"

# number: any figure (counts, money, percentages, scores, durations, distances); date: days, weekdays, times;
# name: who or where; status: the state of an event; attribution: who said it.
ContradictionKind = Literal["number", "date", "name", "status", "attribution", "other"]
Severity = Literal["low", "medium", "high"]
ExclusionKind = Literal[
    "header", "title", "dateline", "heading", "boilerplate", "caption", "repeated", "credit", "page_tail"
]
# Where an article's outlet name (`source`) came from, most trustworthy first (see factcheck.outlets):
# given: the record named it (API or JSON `source`); metadata: a --meta file or the `sources.yaml` beside the
# files; header: a `source:` header line; html: the page's og:site_name or publisher metadata; dateline: the
# agency in a dateline ("CAIRO (AP) —"); byline: "By ..., <outlet>"; credit: a line of the text naming a news
# organisation ("Associated Press" under the headline, "/ AP" after the last paragraph); url: the domain of the
# article's URL; file: nothing named one, so the file name stands in.
SourceOrigin = Literal["given", "metadata", "header", "html", "dateline", "byline", "credit", "url", "file"]
SOURCE_ORIGIN_HELP = "Where `source` came from: given, metadata, header, html, dateline, byline, credit, url or file."


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ArticleIn(_Record):
    """One article as a user submits it (REST/JSON input)."""

    id: str = Field(min_length=1, max_length=200, description="Unique id within the cluster.")
    source: str = Field(min_length=1, max_length=300, description="Outlet name, e.g. 'Associated Press'.")
    source_origin: SourceOrigin = Field(default="given", description=SOURCE_ORIGIN_HELP)
    url: str | None = Field(default=None, max_length=2_000)
    title: str | None = Field(default=None, max_length=1_000)
    published: str | None = Field(default=None, max_length=100, description="Publication date, ISO 8601 preferred.")
    text: str = Field(description="Full article text; every span in the report indexes this string.")


class Sentence(_Record):
    id: str = Field(description="Stable id '<article_id>:s<n>'.")
    start: int
    end: int


class ExcludedSpan(_Record):
    """Text kept in `Article.text` but left out of analysis (headers, page furniture)."""

    start: int
    end: int
    kind: ExclusionKind
    reason: str


class Article(_Record):
    id: str
    source: str
    source_origin: SourceOrigin = Field(default="given", description=SOURCE_ORIGIN_HELP)
    url: str | None = None
    title: str | None = None
    published: str | None = None
    text: str
    sentences: list[Sentence] = Field(default_factory=list)
    excluded_spans: list[ExcludedSpan] = Field(default_factory=list)
    copy_of: str | None = Field(default=None, description="Id of the article this one copies or rewrites.")
    copy_kind: Literal["copy", "rewrite"] | None = None
    copy_similarity: float | None = Field(
        default=None, description="Share of this article's sentences matched in `copy_of` (0-1)."
    )

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]


class Citation(_Record):
    article_id: str
    sentence_id: str
    start: int
    end: int
    quote: str = Field(description="Exactly article.text[start:end].")


class SummarySentence(_Record):
    text: str
    citations: list[Citation]
    kind: Literal["statement", "dispute"] = Field(
        default="statement", description="'dispute': the report's own sentence stating a disagreement with attribution.")
    verified: bool = True
    problems: list[str] = Field(default_factory=list, description="Why verification failed, if it did.")


class ContradictionSide(_Record):
    article_id: str
    source: str
    value: str = Field(description="The value as the article states it, e.g. 'at least 74'.")
    normalized: str = Field(description="Machine-comparable form, e.g. '>=74', '2024-02-14', 'began'.")
    citation: Citation
    value_start: int | None = Field(default=None, description="Offset of the value inside the article's text.")
    value_end: int | None = Field(default=None, description="End offset of the value inside the article's text.")
    also_in: list[str] = Field(default_factory=list, description="Other articles (often copies) stating this value.")
    version: int = Field(default=0, description="Sides with the same version state values that agree; "
                         "the contradiction is between versions.")


class Contradiction(_Record):
    id: str
    kind: ContradictionKind
    topic: str
    explanation: str
    severity: Severity
    likely_reason: str | None = None
    within_article: bool = False
    sides: list[ContradictionSide] = Field(min_length=2)
    alignment: str | None = Field(default=None, description="Why the sides were taken to be about the same thing.")
    verified: bool = True
    problems: list[str] = Field(default_factory=list)


class SingleSourceClaim(_Record):
    article_id: str
    text: str
    citation: Citation


class LoadedTerm(_Record):
    article_id: str
    term: str
    citation: Citation
    note: str | None = None


class EngineInfo(_Record):
    name: str
    model: str | None = None
    mode: str | None = Field(default=None, description="llm engine: 'judge' (code proposes, the model judges) or 'open'.")
    prompt_versions: dict[str, str] = Field(default_factory=dict)
    judge_authority: str | None = Field(
        default=None, description="judge mode: 'explain' (the model explains what the checks find and decides "
                                  "only what they cannot) or 'full' (the model judges every proposed pair).")


class Usage(_Record):
    llm_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cache_hits: int = 0
    reasks: int = 0
    seconds: float = 0.0
    estimated_cost_usd: float | None = None


class Report(_Record):
    schema_version: str = SCHEMA_VERSION
    articles: list[Article]
    independent_sources: int
    summary: list[SummarySentence] = Field(default_factory=list)
    contradictions: list[Contradiction] = Field(default_factory=list)
    single_source_claims: list[SingleSourceClaim] = Field(default_factory=list)
    loaded_language: list[LoadedTerm] = Field(default_factory=list)
    engine: EngineInfo
    usage: Usage = Field(default_factory=Usage)
    warnings: list[str] = Field(default_factory=list)

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)
