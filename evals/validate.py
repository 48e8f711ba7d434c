"""`python -m evals.validate [FILE ...]`: check that case files follow evals/README.md.

Checks the required fields, that every evidence string is found in a sentence of one of the articles it
names, and that a side's value is stated in its evidence sentence. Prints one line per problem; exit 1 if any.
"""

from __future__ import annotations

import sys
from pathlib import Path

from evals.dataset import CASES_DIR, GROUPS, KINDS, LEVELS, Case, load_case
from factcheck.checks import value_in_text
from factcheck.pipeline import prepare
from factcheck.config import get_settings
from factcheck.timeref import parse_anchor


def _prepared(case: Case) -> tuple[dict[str, list[str]], dict[str, object]]:
    """Each article's sentences, and its own date (values are read against it)."""
    articles = prepare(case.articles(), settings=get_settings())
    sentences = {a.id: [a.sentence_text(s) for s in a.sentences] for a in articles}
    return sentences, {a.id: parse_anchor(a.published) for a in articles}


def _find(evidence: str, ids: list[str], sentences: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(aid, s) for aid in ids for s in sentences.get(aid, []) if evidence in s]


def _states(value: str, hits: list[tuple[str, str]], kind: str, anchors: dict[str, object]) -> bool:
    return any(value_in_text(value, s, kind=kind, anchor=anchors.get(aid)) for aid, s in hits)


def _side_problems(where: str, side: dict, kind: str, sentences: dict[str, list[str]],
                   anchors: dict[str, object]) -> list[str]:
    problems = []
    ids = side.get("articles") or []
    for aid in ids:
        if aid not in sentences:
            problems.append(f"{where}: unknown article '{aid}'")
    evidence = side.get("evidence") or []
    if not evidence:
        problems.append(f"{where}: no evidence")
    value = str(side.get("value", ""))
    for ev in evidence:
        hits = _find(ev, ids, sentences)
        if not hits:
            problems.append(f"{where}: evidence {ev!r} is not inside any sentence of {ids} "
                            "(a string across a sentence break cannot match: cut it)")
            continue
        if value and not _states(value, hits, kind, anchors):
            problems.append(f"{where}: value {value!r} is not stated in the sentence holding {ev!r}")
    return problems


def validate(case: Case) -> list[str]:
    data = case.data
    problems = []
    if data.get("group") not in GROUPS:
        problems.append(f"group must be one of {GROUPS}")
    if data.get("group") in ("real", "written", "topics"):
        for key in ("origin", "checked_by", "checked_on"):
            if not data.get(key):
                problems.append(f"missing '{key}'")
    if data.get("group") in ("real", "topics") and not data.get("licence"):
        problems.append("a case of real news needs its 'licence' line")
    sentences, anchors = _prepared(case)
    ids = set()
    for lab in case.contradictions:
        where = f"contradiction {lab.get('id')}"
        if lab.get("id") in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(lab.get("id"))
        if lab.get("level") not in LEVELS:
            problems.append(f"{where}: level must be one of {LEVELS}")
        if lab.get("kind") not in KINDS:
            problems.append(f"{where}: kind must be one of {KINDS}")
        sides = lab.get("sides") or []
        if len(sides) < 2:
            problems.append(f"{where}: needs at least two sides")
        for i, side in enumerate(sides):
            problems += _side_problems(f"{where} side {i + 1}", side, lab.get("kind", "other"), sentences, anchors)
    for trap in case.traps:
        where = f"trap {trap.get('id')}"
        values, evidence = trap.get("values") or [], trap.get("evidence") or []
        if len(values) != 2:
            problems.append(f"{where}: needs two values")
        if evidence and len(evidence) != len(values):
            problems.append(f"{where}: one evidence string per value")
        for value, ev in zip(values, evidence):
            hits = _find(ev, trap.get("articles") or [], sentences)
            if not hits:
                problems.append(f"{where}: evidence {ev!r} is not inside any sentence of {trap.get('articles')}")
            elif not _states(str(value), hits, trap.get("kind", "other"), anchors):
                problems.append(f"{where}: value {value!r} is not stated in the sentence holding {ev!r}")
    for claim in data.get("single_source_claims") or []:
        if not _find(claim["evidence"], [claim["article"]], sentences):
            problems.append(f"single-source claim {claim['evidence']!r} is not inside a sentence of {claim['article']}")
    for fact in data.get("key_facts") or []:
        if not fact.get("id") or not fact.get("any"):
            problems.append(f"key fact {fact!r} needs 'id' and 'any'")
    return problems


def main(argv: list[str] | None = None) -> int:
    paths = [Path(p) for p in (argv if argv is not None else sys.argv[1:])] or sorted(CASES_DIR.glob("*.yaml"))
    failed = 0
    for path in paths:
        try:
            problems = validate(load_case(path))
        except Exception as exc:  # a malformed file is reported, and the others are still checked
            problems = [f"cannot load: {type(exc).__name__}: {exc}"]
        for p in problems:
            print(f"{path.name}: {p}")
        failed += bool(problems)
        if not problems:
            print(f"{path.name}: ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
