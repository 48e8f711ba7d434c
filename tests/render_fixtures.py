"""A small hand-built report whose contradiction exercises what the reports show of each side: the whole
sentence, the value (from offsets, or found), the outlet and date, versions, the alignment reason."""

from __future__ import annotations

from factcheck.segment import segment
from factcheck.types import (
    Article,
    Citation,
    Contradiction,
    ContradictionSide,
    EngineInfo,
    Report,
    SummarySentence,
)

ALPHA = "A fire destroyed a warehouse on Monday. At least 74 people were hurt, officials said."
BETA = "The warehouse burned down on Monday. Officials put the number of injured at 67 late on Monday."
GAMMA = "Firefighters worked through the night. At least 74 people were hurt in the fire, police said."


def article(article_id: str, source: str, text: str, **kw) -> Article:
    return Article(id=article_id, source=source, text=text, sentences=segment(text, article_id=article_id, excluded=[]),
                   **kw)


def sentence_citation(a: Article, n: int, quote: str | None = None) -> Citation:
    s = a.sentences[n]
    start = a.text.index(quote, s.start) if quote else s.start
    end = start + len(quote) if quote else s.end
    return Citation(article_id=a.id, sentence_id=s.id, start=start, end=end, quote=a.text[start:end])


def side(a: Article, n: int, value: str, normalized: str, *, version: int, offsets: bool = True,
         quote: str | None = None) -> ContradictionSide:
    start = a.text.find(value)
    extra = {"value_start": start, "value_end": start + len(value)} if offsets else {}
    return ContradictionSide(article_id=a.id, source=a.source, value=value, normalized=normalized,
                             citation=sentence_citation(a, n, quote), version=version, **extra)


def toll_report(*, versions: tuple[int, int, int] = (1, 2, 1), alignment: str | None = "both count people hurt "
                "in the warehouse fire") -> Report:
    alpha = article("a", "Alpha News", ALPHA, published="2024-02-13")
    beta = article("b", "Beta Times", BETA)
    gamma = article("c", "Gamma Post", GAMMA, published="2024-02-14")
    sides = [side(alpha, 1, "At least 74", ">=74", version=versions[0]),
             side(beta, 1, "67", "=67", version=versions[1], offsets=False),  # an older engine: no offsets
             side(gamma, 1, "at least 74", ">=74", version=versions[2], offsets=False, quote="At least 74 people")]
    contradiction = Contradiction(id="c1", kind="number", topic="People hurt in the fire", explanation="74 vs 67.",
                                  severity="high", sides=sides, alignment=alignment)
    summary = [SummarySentence(text="A fire destroyed a warehouse on Monday.", citations=[
                   sentence_citation(alpha, 0), sentence_citation(beta, 0, "burned down")]),
               SummarySentence(text="Reports differ on the toll: Alpha News says 74; Beta Times says 67.",
                               citations=[s.citation for s in sides[:2]], kind="dispute")]
    return Report(articles=[alpha, beta, gamma], independent_sources=3, summary=summary,
                  contradictions=[contradiction], engine=EngineInfo(name="test"))
