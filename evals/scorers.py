"""Small, deterministic, named scorers. Each takes (report, case) and returns a Score.

`value` is None when the scorer does not apply to the case (e.g. no labelled must-contradictions).
`higher_is_better` tells the runner which direction is a regression.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from evals.dataset import Case
from factcheck.types import Citation, Contradiction, ContradictionSide, Report

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "dos": 2, "tres": 3, "cuatro": 4,
}


@dataclass
class Score:
    value: float | None
    details: list[str] = field(default_factory=list)


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


# ---------------------------------------------------------------- matching helpers

def _sentence_text(report: Report, citation: Citation) -> str:
    try:
        article = report.article(citation.article_id)
    except KeyError:
        return ""
    for s in article.sentences:
        if s.id == citation.sentence_id:
            return article.text[s.start : s.end]
    return ""


def _numbers(text: str) -> set[float]:
    found = {float(m.replace(",", "")) for m in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}
    found |= {float(n) for w, n in NUMBER_WORDS.items() if re.search(rf"\b{w}\b", text, re.I)}
    return found


def value_stated(value: str, text: str) -> bool:
    """Does `text` state `value`? Numbers compare as numbers (so '5.000' is 5 thousand only in context)."""
    if not value:
        return True
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value in text
    wanted = _numbers(value)
    if wanted:
        return bool(wanted & _numbers(text))
    return value.lower() in text.lower()


def side_matches(report: Report, side: ContradictionSide, label: dict) -> bool:
    if side.article_id not in label["articles"]:
        return False
    sentence = _sentence_text(report, side.citation)
    if not any(ev in sentence for ev in label["evidence"]):
        return False
    return value_stated(str(label.get("value", "")), f"{side.value} {side.normalized}")


def contradiction_matches(report: Report, item: Contradiction, label: dict) -> bool:
    first, second = label["sides"][0], label["sides"][1]
    for i, a in enumerate(item.sides):
        for j, b in enumerate(item.sides):
            if i == j or not (side_matches(report, a, first) and side_matches(report, b, second)):
                continue
            if label.get("within_article") and a.citation.sentence_id == b.citation.sentence_id:
                continue
            return True
    return False


def _matched_labels(report: Report, case: Case, level: str) -> tuple[list[str], list[str]]:
    labels = [c for c in case.contradictions if c.get("level", "must") == level]
    found = [lab["id"] for lab in labels if any(contradiction_matches(report, c, lab) for c in report.contradictions)]
    missed = [lab["id"] for lab in labels if lab["id"] not in found]
    return found, missed


def trap_matches(report: Report, item: Contradiction, trap: dict) -> bool:
    v1, v2 = trap["values"]
    sides = [s for s in item.sides if s.article_id in trap["articles"]]
    texts = [f"{s.value} {s.normalized}" for s in sides]
    return any(value_stated(v1, texts[i]) and value_stated(v2, texts[j])
               for i in range(len(texts)) for j in range(len(texts)) if i != j)


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


# ---------------------------------------------------------------- scorers

@scorer()
def must_recall(report: Report, case: Case) -> Score:
    found, missed = _matched_labels(report, case, "must")
    total = len(found) + len(missed)
    return Score(None if total == 0 else len(found) / total, [f"missed {m}" for m in missed])


@scorer()
def should_recall(report: Report, case: Case) -> Score:
    found, missed = _matched_labels(report, case, "should")
    total = len(found) + len(missed)
    return Score(None if total == 0 else len(found) / total, [f"missed {m}" for m in missed])


@scorer()
def contradiction_precision(report: Report, case: Case) -> Score:
    """Share of reported contradictions that match a labelled one (must, should or may)."""
    if not report.contradictions:
        return Score(None if case.contradictions else 1.0)
    unmatched = [c for c in report.contradictions
                 if not any(contradiction_matches(report, c, lab) for lab in case.contradictions)]
    details = [f"unlabelled {c.id}: {c.topic} ({' vs '.join(s.value for s in c.sides)})" for c in unmatched]
    return Score(1 - len(unmatched) / len(report.contradictions), details)


@scorer(higher_is_better=False, threshold=None)
def trap_false_positives(report: Report, case: Case) -> Score:
    hits = [f"{trap['id']} reported as {c.id}" for trap in case.traps for c in report.contradictions
            if trap_matches(report, c, trap) and not any(contradiction_matches(report, c, lab) for lab in case.contradictions)]
    return Score(float(len(hits)), hits)


@scorer(threshold=1.0)
def citation_exactness(report: Report, case: Case) -> Score:
    """Every quote equals the submitted text at its span, inside the cited sentence. Must be 100%."""
    submitted = {a.id: a.text for a in case.articles()}
    bad = []
    citations = _all_citations(report)
    for where, c in citations:
        text = submitted.get(c.article_id)
        sentence = _sentence_text(report, c)
        if text is None or text[c.start : c.end] != c.quote or not sentence or c.quote not in sentence:
            bad.append(f"{where}: {c.sentence_id} {c.start}-{c.end} {c.quote[:40]!r}")
    if not citations:
        return Score(None, ["no citations"])
    return Score(1 - len(bad) / len(citations), bad)


@scorer()
def key_fact_coverage(report: Report, case: Case) -> Score:
    facts = case.data.get("key_facts") or []
    if not facts:
        return Score(None)
    sentences = [s.text for s in report.summary]
    missing = [f["id"] for f in facts
               if not any(all(re.search(p, s, re.I) for p in alt) for alt in f["any"] for s in sentences)]
    return Score(1 - len(missing) / len(facts), [f"missing {m}" for m in missing])


@scorer()
def disputed_attribution(report: Report, case: Case) -> Score:
    """A summary sentence stating one side's value of a must-dispute also states the other's."""
    checked, bad = 0, []
    for lab in case.contradictions:
        if lab.get("level") != "must" or lab.get("within_article"):
            continue
        values = [str(side.get("value", "")) for side in lab["sides"]]
        if not all(values) or re.fullmatch(r"\d{4}-\d{2}-\d{2}", values[0]):
            continue
        for s in report.summary:
            stated = [v for v in values if re.search(rf"\b{re.escape(v)}\b", s.text)]
            if stated:
                checked += 1
                if len(stated) < len(values):
                    bad.append(f"{lab['id']}: states {stated} without {sorted(set(values) - set(stated))}: {s.text[:80]}")
    return Score(None if checked == 0 else 1 - len(bad) / checked, bad)


@scorer(higher_is_better=False)
def loaded_terms_carried(report: Report, case: Case) -> Score:
    text = _unquoted(_summary_text(report))
    hits = [t for t in case.data.get("loaded_terms_forbidden") or [] if re.search(rf"\b{re.escape(t)}\b", text, re.I)]
    return Score(float(len(hits)), hits)


@scorer()
def loaded_terms_found(report: Report, case: Case) -> Score:
    expected = case.data.get("loaded_terms_expected") or {}
    wanted = [(a, t) for a, terms in expected.items() for t in terms]
    if not wanted:
        return Score(None)
    got = {(t.article_id, t.term.lower()) for t in report.loaded_language}
    missing = [f"{a}: {t}" for a, t in wanted if (a, t.lower()) not in got]
    return Score(1 - len(missing) / len(wanted), missing)


@scorer()
def single_source_recall(report: Report, case: Case) -> Score:
    wanted = case.data.get("single_source_claims") or []
    if not wanted:
        return Score(None)
    missing = [w["evidence"] for w in wanted if not any(
        c.article_id == w["article"] and w["evidence"] in _sentence_text(report, c.citation)
        for c in report.single_source_claims)]
    return Score(1 - len(missing) / len(wanted), [f"missing: {m}" for m in missing])


@scorer()
def summary_numbers_supported(report: Report, case: Case) -> Score:
    if not report.summary:
        return Score(None)
    bad = []
    for s in report.summary:
        cited = set()
        for c in s.citations:
            source = report.article(c.article_id).source if c.article_id in {a.id for a in report.articles} else ""
            cited |= {m.replace(",", "") for m in re.findall(r"\d[\d,]*(?:\.\d+)?", _sentence_text(report, c) + " " + source)}
        stated = {m.replace(",", "").rstrip(".") for m in re.findall(r"\d[\d,]*(?:\.\d+)?", s.text)}
        if stated - cited:
            bad.append(f"{sorted(stated - cited)} not in cited sentences: {s.text[:80]}")
    return Score(1 - len(bad) / len(report.summary), bad)


@scorer()
def summary_length_ok(report: Report, case: Case) -> Score:
    bounds = case.expect.get("summary_words")
    if not bounds:
        return Score(None)
    words = len(_summary_text(report).split())
    return Score(1.0 if bounds[0] <= words <= bounds[1] else 0.0, [f"{words} words (want {bounds[0]}-{bounds[1]})"])


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
