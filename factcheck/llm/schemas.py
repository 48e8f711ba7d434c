"""Response models: the output contract the model fills. Field descriptions carry the schema's meaning to
the model; validators check citations and figures against the articles (passed as validation context)
so that instructor re-asks with the error text when the model cites what is not there."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field, ValidationInfo, field_validator, model_validator

from factcheck.checks import figures_compatible, figures_missing, parse_figure
from factcheck.verify import locate


def sentence_article(sentence_id: str) -> str:
    return re.sub(r":s\d+$", "", sentence_id)


Kind = Literal["number", "date", "name", "status", "attribution", "other"]


def _sentences(info: ValidationInfo) -> dict[str, str] | None:
    """Sentence id -> text, when validating strictly (None: parse only, for the last failed attempt)."""
    ctx = info.context or {}
    return ctx.get("sentences") if ctx.get("strict", True) else None


def check_ref(sentence_id: str, quote: str | None, sentences: dict[str, str]) -> None:
    if sentence_id not in sentences:
        raise ValueError(f"sentence id '{sentence_id}' does not exist; cite ids exactly as shown, e.g. "
                         f"'{next(iter(sentences), 'article:s1')}'")
    if quote and locate(sentences[sentence_id], quote) is None:
        raise ValueError(f"quote {quote!r} is not in sentence {sentence_id}; copy the words verbatim from that sentence")


class SentenceRef(BaseModel):
    sentence_id: str = Field(description="Id of a numbered source sentence, exactly as shown, e.g. 'gazette:s4'.")
    quote: str | None = Field(default=None, description="Optional short verbatim excerpt of that sentence.")

    @model_validator(mode="after")
    def _exists(self, info: ValidationInfo) -> SentenceRef:
        sentences = _sentences(info)
        if sentences is not None:
            check_ref(self.sentence_id, self.quote, sentences)
        return self


class SummaryItem(BaseModel):
    text: str = Field(description="One neutral sentence of the merged summary. Disputed facts are attributed "
                      "to each outlet ('AP reports X; the NYT, Y'). No loaded words.")
    citations: list[SentenceRef] = Field(description="The source sentences this sentence rests on (at least one).")

    @model_validator(mode="after")
    def _supported(self, info: ValidationInfo) -> SummaryItem:
        sentences = _sentences(info)
        if sentences is None:
            return self
        if not self.citations:
            raise ValueError(f"summary sentence {self.text[:60]!r} cites no source sentence")
        missing = figures_missing(self.text, [sentences.get(ref.sentence_id, "") for ref in self.citations])
        if missing:
            raise ValueError(f"summary sentence {self.text[:60]!r} states {sorted(missing)} but its cited "
                             "sentences do not contain those numbers; cite the sentences that do or remove them")
        return self


class Side(BaseModel):
    sentence_id: str = Field(description="The sentence where this outlet states its version.")
    quote: str = Field(description="Verbatim words from that sentence carrying the value, e.g. 'at least 40 passengers'.")
    value: str = Field(description="The value as the outlet states it, e.g. 'at least 40', 'March 4', 'declared'.")
    normalized: str = Field(description="Comparable form: '>=40', '2025-03-04', 'done' / 'considered'.")

    @model_validator(mode="after")
    def _exists(self, info: ValidationInfo) -> Side:
        sentences = _sentences(info)
        if sentences is not None:
            check_ref(self.sentence_id, self.quote, sentences)
        return self


class ContradictionItem(BaseModel):
    kind: Kind = Field(description="number | date | name | status | attribution | other")
    topic: str = Field(description="What the disagreement is about, e.g. 'passengers rescued from the ferry'.")
    explanation: str = Field(description="Why the sides cannot both be true, checkable by a reader.")
    severity: Literal["low", "medium", "high"]
    likely_reason: str | None = Field(default=None, description="E.g. different reporting times or scopes.")
    within_article: bool = Field(default=False, description="True when both sides are in the same article.")
    sides: list[Side] = Field(description="At least two sides, each from the outlet that states it.")

    @model_validator(mode="after")
    def _real_conflict(self, info: ValidationInfo) -> ContradictionItem:
        if _sentences(info) is None:
            return self
        if len(self.sides) < 2:
            raise ValueError(f"contradiction {self.topic!r} needs at least two sides")
        articles = {sentence_article(s.sentence_id) for s in self.sides}
        if not self.within_article and len(articles) < 2:
            raise ValueError(f"contradiction {self.topic!r}: sides must come from different articles "
                             "(or set within_article true)")
        if self.kind == "number":
            figures = [parse_figure(s.value) for s in self.sides]
            if all(figures) and all(figures_compatible(a, b) is True for i, a in enumerate(figures)
                                    for b in figures[i + 1 :]):
                raise ValueError(f"contradiction {self.topic!r}: the figures {[s.value for s in self.sides]} can all be "
                                 "true at once (e.g. '1,204' is 'more than 1,200'); report only real conflicts")
        return self


class SentenceClaim(BaseModel):
    sentence_id: str = Field(description="A sentence stating something no other outlet reports.")

    @field_validator("sentence_id")
    @classmethod
    def _exists(cls, v: str, info: ValidationInfo) -> str:
        sentences = _sentences(info)
        if sentences is not None and v not in sentences:
            raise ValueError(f"sentence id '{v}' does not exist")
        return v


class LoadedItem(BaseModel):
    sentence_id: str
    term: str = Field(description="The loaded or evaluative word(s), verbatim, used in the outlet's own voice.")

    @model_validator(mode="after")
    def _exists(self, info: ValidationInfo) -> LoadedItem:
        sentences = _sentences(info)
        if sentences is not None:
            check_ref(self.sentence_id, self.term, sentences)
        return self


class ClusterAnalysis(BaseModel):
    """Everything for one cluster in one answer (used when the cluster fits one call)."""

    summary: list[SummaryItem] = Field(description="Neutral merged summary, 5-10 sentences, 120-250 words.")
    contradictions: list[ContradictionItem] = Field(description="Real cross-source (and within-article) conflicts.")
    single_source_claims: list[SentenceClaim] = Field(default_factory=list)
    loaded_language: list[LoadedItem] = Field(default_factory=list)


class Claim(BaseModel):
    sentence_id: str
    statement: str = Field(description="The checkable claim, short, in neutral words.", max_length=200)
    value: str = Field(min_length=1, max_length=120,
                       description="The figure, date, name or state the claim carries, verbatim from the sentence.")

    @field_validator("sentence_id")
    @classmethod
    def _exists(cls, v: str, info: ValidationInfo) -> str:
        sentences = _sentences(info)
        if sentences is not None and v not in sentences:
            raise ValueError(f"sentence id '{v}' does not exist in this article")
        return v


class ArticleClaims(BaseModel):
    """Claims of one article (staged mode, one call per article)."""

    claims: list[Claim] = Field(max_length=15, description="At most 15 checkable claims, each with its value.")
    loaded_language: list[LoadedItem] = Field(default_factory=list)


class Comparison(BaseModel):
    """Cross-source comparison of extracted claims (staged mode)."""

    contradictions: list[ContradictionItem]
    single_source_claims: list[SentenceClaim] = Field(default_factory=list)


class Summary(BaseModel):
    summary: list[SummaryItem]


class Reworded(BaseModel):
    number: int = Field(description="The number of the statement, as listed.")
    text: str = Field(max_length=400, description="One plain neutral sentence saying only what all of the "
                      "statement's source sentences say.")


class Rewording(BaseModel):
    """Judge mode: the summary's statements rewritten; code checks each against its citations."""

    sentences: list[Reworded]


# ------------------------------------------------------------------------------------------- judge mode

Reason = Literal["rising tally", "different scope", "copying error", "different time", "spelling", "unclear"]


class PairJudgment(BaseModel):
    pair: int = Field(description="The number of the candidate pair, as listed.")
    same_thing: bool = Field(description="Do both sentences speak of the same thing (the same count, the same "
                             "event's day, the same role)?")
    verdict: Literal["compatible", "contradicting"] = Field(
        description="If the same thing: can both values be true at once?")
    kind: Kind
    explanation: str = Field(max_length=300, description="One neutral line a reader can check.")
    likely_reason: Reason | None = None


class Judgments(BaseModel):
    """Judge mode: a verdict for each proposed pair, and disagreements the proposals missed."""

    judgments: list[PairJudgment]
    added: list[ContradictionItem] = Field(default_factory=list, description="Disagreements the pairs missed "
                                           "(who did what, whether something happened, who said it).")

    @model_validator(mode="after")
    def _known_pairs(self, info: ValidationInfo) -> Judgments:
        count = (info.context or {}).get("pairs")
        if count is not None and (info.context or {}).get("strict", True):
            unknown = sorted({j.pair for j in self.judgments if not 1 <= j.pair <= count})
            if unknown:
                raise ValueError(f"pairs {unknown} do not exist: judge pairs 1 to {count}, each once")
        return self
