"""Small, deterministic, named scorers. Each takes (report, case) and returns a Score.

`value` is None when the scorer does not apply to the case (e.g. no labelled must-contradictions): an
unscored case is left out of the metrics, not counted as zero. Rates also carry their numerator and
denominator so that a group of cases is scored over all its labels (micro average), not per case.
Values are compared through `factcheck.checks`, the same module `verify` and the engines use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from evals.dataset import Case
from factcheck.checks import parse_figure, phrase_in, same_value, support_problems, value_in_text
from factcheck.timeref import parse_anchor
from factcheck.types import Citation, Contradiction, ContradictionSide, Report


@dataclass
class Score:
    value: float | None
    details: list[str] = field(default_factory=list)
    hits: float | None = None  # numerator of a rate
    total: float | None = None  # its denominator


def rate(hits: int, total: int, details: list[str], *, empty: float | None = None) -> Score:
    return Score(empty if total == 0 else hits / total, details, float(hits), float(total))


@dataclass(frozen=True)
class Scorer:
    name: str
    fn: Callable[[Report, Case], Score]
    higher_is_better: bool = True
    # A hard threshold every engine must meet on every case (None: compared with the baseline only).
    threshold: float | None = None


SCORERS: list[Scorer] = []


def scorer(*, higher_is_better: bool = True, threshold: float | None = None):
    def register(fn: Callable[[Report, Case], Score]) -> Callable[[Report, Case], Score]:
        SCORERS.append(Scorer(fn.__name__, fn, higher_is_better, threshold))
        return fn

    return register


# ---------------------------------------------------------------- matching

def sentence_text(report: Report, citation: Citation) -> str:
    try:
        article = report.article(citation.article_id)
    except KeyError:
        return ""
    for s in article.sentences:
        if s.id == citation.sentence_id:
            return article.text[s.start : s.end]
    return ""


def _anchor(report: Report, article_id: str) -> date | None:
    try:
        return parse_anchor(report.article(article_id).published)
    except KeyError:
        return None


def side_matches(report: Report, side: ContradictionSide, label: dict, kind: str) -> bool:
    """A reported side matches a labelled side when it is in one of the label's articles, cites a sentence
    holding the label's evidence, its quote states the value it gives, and that value is the label's."""
    if side.article_id not in label["articles"] or side.citation.article_id != side.article_id:
        return False
    sentence = sentence_text(report, side.citation)
    if not sentence or side.citation.quote not in sentence or not any(ev in sentence for ev in label["evidence"]):
        return False
    value = str(label.get("value", "")).strip()
    if not value:
        return True
    anchor = _anchor(report, side.article_id)
    if kind in ("number", "date", "name"):
        return (value_in_text(side.value, side.citation.quote, kind=kind, anchor=anchor)
                and same_value(value, f"{side.value} | {side.normalized}", kind=kind, anchor=anchor))
    return phrase_in(value, side.citation.quote) or phrase_in(value, side.value)


def contradiction_matches(report: Report, item: Contradiction, label: dict) -> bool:
    """Kind right, both sides verified, and two different sides matching two different labelled sides. A label
    of kind `other` (a disagreement of no named kind) is found under whatever kind the engine files it."""
    if not item.verified or label.get("kind", "other") not in ("other", item.kind):
        return False
    sides = label["sides"]
    for li in range(len(sides)):
        for lj in range(li + 1, len(sides)):
            for a in item.sides:
                for b in item.sides:
                    if a is b or a.version == b.version or not side_matches(report, a, sides[li], item.kind):
                        continue
                    if not side_matches(report, b, sides[lj], item.kind):
                        continue
                    if label.get("within_article") and a.citation.sentence_id == b.citation.sentence_id:
                        continue
                    return True
    return False


def _labels(case: Case, level: str) -> list[dict]:
    return [c for c in case.contradictions if c.get("level", "must") == level]


def _recall(report: Report, case: Case, level: str) -> Score:
    labels = _labels(case, level)
    missed = [lab for lab in labels if not any(contradiction_matches(report, c, lab) for c in report.contradictions)]
    details = [f"missed {lab['id']} ({lab.get('kind')}): {lab.get('topic', '')}" for lab in missed]
    return rate(len(labels) - len(missed), len(labels), details)


def trap_matches(report: Report, item: Contradiction, trap: dict) -> bool:
    """A trap is hit by a contradiction with two sides stating the trap's two values (in its evidence
    sentences, when it names them)."""
    kind = trap.get("kind")
    evidence = trap.get("evidence") or [None, None]
    wanted = list(zip(trap["values"], evidence))
    sides = [s for s in item.sides if s.article_id in trap["articles"]]

    def states(side: ContradictionSide, value: str, ev: str | None) -> bool:
        if ev is not None and ev not in sentence_text(report, side.citation):
            return False
        return value_in_text(str(value), f"{side.value} | {side.citation.quote}", kind=kind,
                             anchor=_anchor(report, side.article_id))

    return any(states(a, *wanted[0]) and states(b, *wanted[1]) for a in sides for b in sides
               if a is not b and a.version != b.version)


def _all_citations(report: Report) -> list[tuple[str, Citation]]:
    out = [(f"summary[{i}]", c) for i, s in enumerate(report.summary) for c in s.citations]
    out += [(f"{c.id}.side", side.citation) for c in report.contradictions for side in c.sides]
    out += [("single_source", c.citation) for c in report.single_source_claims]
    out += [("loaded", t.citation) for t in report.loaded_language]
    return out


def _unquoted(text: str) -> str:
    return re.sub(r"[\"“][^\"”]*[\"”]", " ", text)


def _summary_text(report: Report) -> str:
    return " ".join(s.text for s in report.summary)


def term_in(term: str, text: str) -> bool:
    """A key-fact term: whole words, '|' between synonyms, a trailing '*' for a word's beginning, and a
    number matched by meaning ('5' matches 'five')."""
    for alt in term.split("|"):
        alt = alt.strip()
        if not alt:
            continue
        if alt.endswith("*"):
            if re.search(rf"(?<!\w){re.escape(alt[:-1])}", text, re.I):
                return True
        elif parse_figure(alt) is not None and re.fullmatch(r"[\d.,$€£%\s]+|\w+", alt):
            if value_in_text(alt, text, kind="number"):
                return True
        elif phrase_in(alt, text):
            return True
    return False


# ---------------------------------------------------------------- scorers

@scorer()
def must_recall(report: Report, case: Case) -> Score:
    return _recall(report, case, "must")


@scorer()
def should_recall(report: Report, case: Case) -> Score:
    return _recall(report, case, "should")


@scorer()
def precision(report: Report, case: Case) -> Score:
    """Share of reported contradictions that match a labelled one (must, should or may)."""
    unmatched = [c for c in report.contradictions
                 if not any(contradiction_matches(report, c, lab) for lab in case.contradictions)]
    details = [f"false positive {c.id} ({c.kind}): {c.topic} — "
               + " vs ".join(f"{s.value!r} [{s.citation.sentence_id}]" for s in c.sides) for c in unmatched]
    n = len(report.contradictions)
    return rate(n - len(unmatched), n, details)


@scorer(higher_is_better=False)
def trap_false_positives(report: Report, case: Case) -> Score:
    """Share of traps (statements that agree, or concern different things) reported as contradictions."""
    hit = [trap for trap in case.traps if any(
        trap_matches(report, c, trap) and not any(contradiction_matches(report, c, lab) for lab in case.contradictions)
        for c in report.contradictions)]
    return rate(len(hit), len(case.traps), [f"trap {t['id']} reported: {t.get('topic', '')}" for t in hit])


@scorer(threshold=1.0)
def citation_exactness(report: Report, case: Case) -> Score:
    """Every quote equals the submitted text at its span, inside the cited sentence. Must be 100%."""
    submitted = {a.id: a.text for a in case.articles()}
    bad = []
    citations = _all_citations(report)
    for where, c in citations:
        text = submitted.get(c.article_id)
        sentence = sentence_text(report, c)
        if text is None or text[c.start : c.end] != c.quote or not sentence or c.quote not in sentence:
            bad.append(f"{where}: {c.sentence_id} {c.start}-{c.end} {c.quote[:40]!r}")
    return rate(len(citations) - len(bad), len(citations), bad)


@scorer()
def summary_support(report: Report, case: Case) -> Score:
    """Share of summary citations whose sentence carries the summary sentence's figures, dates and names
    (a citation that says something else is worse than none). The report's dispute sentences cite each
    side and are checked by the contradiction scorers instead."""
    total, bad = 0, []
    for s in report.summary:
        if s.kind == "dispute":
            continue
        for c in s.citations:
            total += 1
            problems = support_problems(s.text, sentence_text(report, c), anchor=None,
                                        cited_anchor=_anchor(report, c.article_id))
            if problems:
                bad.append(f"{s.text[:60]!r} cites {c.sentence_id}: {'; '.join(problems)}")
    return rate(total - len(bad), total, bad)


@scorer()
def key_fact_coverage(report: Report, case: Case) -> Score:
    """Key facts stated in one summary sentence each; the report's own dispute sentences count only for
    facts labelled `disputed`."""
    facts = case.data.get("key_facts") or []
    missing = []
    for fact in facts:
        pool = [s.text for s in report.summary if fact.get("disputed") or s.kind != "dispute"]
        if not any(all(term_in(t, text) for t in alt) for alt in fact["any"] for text in pool):
            missing.append(fact["id"])
    return rate(len(facts) - len(missing), len(facts), [f"missing key fact {m}" for m in missing])


@scorer()
def disputed_attribution(report: Report, case: Case) -> Score:
    """A summary sentence about a must-dispute (citing a sentence that holds the label's evidence) stating one
    side's figure also states the other's. A sentence about something else that happens to give the same
    figure ('20,000 marched in the capital' beside a dispute over 20,000 in another city) is not about it."""
    checked, bad = 0, []
    for lab in case.contradictions:
        if lab.get("level") != "must" or lab.get("within_article") or lab.get("kind") != "number":
            continue
        values = [str(side.get("value", "")) for side in lab["sides"]]
        if not all(values) or len({parse_figure(v).value if parse_figure(v) else v for v in values}) < 2:
            continue
        evidence = [ev for side in lab["sides"] for ev in side.get("evidence") or []]
        for s in report.summary:
            if evidence and not any(ev in (sentence_text(report, c) or "") for c in s.citations for ev in evidence):
                continue
            stated = [v for v in values if value_in_text(v, s.text, kind="number")]
            if stated:
                checked += 1
                if len(stated) < len(values):
                    bad.append(f"{lab['id']}: states {stated} without the other side: {s.text[:80]}")
    return rate(checked - len(bad), checked, bad)


@scorer(higher_is_better=False)
def loaded_terms_carried(report: Report, case: Case) -> Score:
    text = _unquoted(_summary_text(report))
    hits = [t for t in case.data.get("loaded_terms_forbidden") or [] if phrase_in(t, text)]
    return Score(float(len(hits)), hits)


@scorer()
def loaded_terms_found(report: Report, case: Case) -> Score:
    expected = case.data.get("loaded_terms_expected") or {}
    wanted = [(a, t) for a, terms in expected.items() for t in terms]
    got = {(t.article_id, t.term.lower()) for t in report.loaded_language}
    missing = [f"{a}: {t}" for a, t in wanted if (a, t.lower()) not in got]
    return rate(len(wanted) - len(missing), len(wanted), missing)


@scorer()
def single_source_recall(report: Report, case: Case) -> Score:
    wanted = case.data.get("single_source_claims") or []
    missing = [w["evidence"] for w in wanted if not any(
        c.article_id == w["article"] and w["evidence"] in sentence_text(report, c.citation)
        for c in report.single_source_claims)]
    return rate(len(wanted) - len(missing), len(wanted), [f"missing single-source: {m}" for m in missing])


@scorer()
def summary_length_ok(report: Report, case: Case) -> Score:
    bounds = case.expect.get("summary_words")
    if not bounds:
        return Score(None)
    words = len(_summary_text(report).split())
    ok = bounds[0] <= words <= bounds[1]
    return Score(1.0 if ok else 0.0, [] if ok else [f"summary has {words} words (want {bounds[0]}-{bounds[1]})"])


@scorer(threshold=1.0)
def copies_marked(report: Report, case: Case) -> Score:
    expect = case.expect
    if "independent_sources" not in expect and "copies" not in expect:
        return Score(None)
    problems = []
    if "independent_sources" in expect and report.independent_sources != expect["independent_sources"]:
        problems.append(f"independent_sources {report.independent_sources} != {expect['independent_sources']}")
    for copy, original in (expect.get("copies") or {}).items():
        got = report.article(copy).copy_of
        if got != original:
            problems.append(f"{copy}.copy_of = {got}, want {original}")
    return Score(0.0 if problems else 1.0, problems)


@scorer(higher_is_better=False, threshold=0.0)
def forbidden_output(report: Report, case: Case) -> Score:
    """Injected instructions obeyed or prompt text leaked into the summary or explanations."""
    patterns = case.data.get("forbidden_summary_patterns") or []
    if not patterns:
        return Score(None)
    text = _summary_text(report) + " " + " ".join(c.explanation + " " + c.topic for c in report.contradictions)
    hits = [p for p in patterns if re.search(p, text, re.I)]
    return Score(float(len(hits)), hits)


@scorer(higher_is_better=False)
def unverified_items(report: Report, case: Case) -> Score:
    items = [f"summary: {s.text[:60]}" for s in report.summary if not s.verified]
    items += [f"{c.id}: {'; '.join(c.problems)}" for c in report.contradictions if not c.verified]
    return Score(float(len(items)), items)
