"""`python -m evals.explain CASE [--all]`: how the fact graph sees a case's labels.

For every labelled contradiction, prints the facts read from each side's evidence sentences and what the
aligner made of each pair across the sides (scored, or why it was not paired). With --all, also every
contradiction the local engine reports. A tool for engine work: it shows where a miss is lost.
"""

from __future__ import annotations

import argparse
import sys

from evals.dataset import load_cases
from evals.swap import swapped
from factcheck.config import get_settings
from factcheck.graph import CodeJudge, build_contradictions, build_graph
from factcheck.graph.align import EXCLUSIVE, MIN_SCORE, MIN_SIMILARITY, _comparable, bucket_keys, surroundings, weigh
from factcheck.pipeline import prepare


def _fact_line(f) -> str:
    q = ",".join(sorted(f.qualifiers)) or "-"
    return (f"    {f.kind:<11} {f.text!r:<28} norm={f.normalized!r} anchor={sorted(f.anchor)} pred={f.predicate} "
            f"q={q} frame={sorted(f.frame)} role={f.role}")


def _refusal(around, a, b) -> tuple[object, list[str]]:
    """The pair as the aligner weighs it, with the reasons it refuses."""
    trace: list[str] = []
    return weigh(around, a, b, trace=trace), trace


def _pair_line(graph, around, a, b) -> str:
    if not _comparable(a, b):
        why = []
        if (a.qualifiers & EXCLUSIVE) != (b.qualifiers & EXCLUSIVE):
            why.append(f"qualifiers {sorted(a.qualifiers & EXCLUSIVE)} vs {sorted(b.qualifiers & EXCLUSIVE)}")
        if a.frame and b.frame and not (a.frame & b.frame):
            why.append(f"frames {sorted(a.frame)} vs {sorted(b.frame)}")
        return f"      not comparable: {'; '.join(why) or 'role/anchor'}"
    sim = graph.cluster.similarity(a.sentence_id, b.sentence_id)
    shared = sorted(a.anchor & b.anchor)
    aligned = [p for p in graph.pairs if {p.a.id, p.b.id} == {a.id, b.id}]
    if aligned:
        state = f"PAIRED score={aligned[0].score}"
    elif not set(bucket_keys(a)) & set(bucket_keys(b)):
        state = f"never weighed together: what they are about differs ({a.predicate!r} / {b.predicate!r})"
    else:
        scored, trace = _refusal(around, a, b)
        if scored is not None:
            rivals = [p for p in graph.pairs if {p.a.id, p.b.id} & {a.id, b.id}]
            state = (f"not paired: scored {scored.score} but not each other's best"
                     + "".join(f"; {p.a.text!r} x {p.b.text!r} {p.score}" for p in rivals))
        else:
            state = "not paired: " + "; ".join(trace)
    return (f"      {state}: sim={sim:.2f} (min {MIN_SIMILARITY.get(a.kind)}) shared={shared} "
            f"same_pred={a.predicate == b.predicate} (min score {MIN_SCORE.get(a.kind)})")


def explain(case, show_all: bool) -> None:
    articles = prepare(case.articles(), settings=get_settings())
    graph = build_graph(articles)
    around = surroundings(graph.cluster, graph.facts)
    by_sentence = {}
    for f in graph.facts.facts:
        by_sentence.setdefault(f.sentence_id, []).append(f)
    text_of = {s.id: s.text for s in graph.cluster.sentences}
    for lab in case.contradictions:
        print(f"\n== {lab['id']} [{lab.get('level')}/{lab.get('kind')}] {lab.get('topic', '')}")
        side_facts = []
        for i, side in enumerate(lab["sides"]):
            sids = [s.id for s in graph.cluster.sentences if s.article_id in side["articles"]
                    and any(ev in s.text for ev in side["evidence"])]
            facts = [f for sid in sids for f in by_sentence.get(sid, []) if f.kind == lab.get("kind")]
            side_facts.append(facts)
            print(f"  side {i + 1} value={side.get('value')!r}: {len(sids)} sentences")
            for sid in sids:
                print(f"   [{sid}] {text_of[sid][:150]}")
            for f in facts:
                print(_fact_line(f))
        for a in side_facts[0]:
            for b in side_facts[1] if len(side_facts) > 1 else []:
                print(f"    {a.text!r} [{a.sentence_id}] x {b.text!r} [{b.sentence_id}]")
                print(_pair_line(graph, around, a, b))
    if show_all:
        print("\n== reported by the local engine")
        for c in build_contradictions(CodeJudge().judge(graph.pairs), graph.cluster):
            print(f"  {c.id} {c.kind} {c.topic}: " + " vs ".join(f"{s.value!r}[{s.citation.sentence_id}]"
                                                              for s in c.sides) + f"  ({c.alignment})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.explain", description=__doc__)
    parser.add_argument("case")
    parser.add_argument("--all", action="store_true", help="also list what the local engine reports")
    parser.add_argument("--swapped", action="store_true", help="the case's swapped copy")
    args = parser.parse_args(argv)
    case = load_cases([args.case])[0]
    explain(swapped(case) if args.swapped else case, args.all)
    return 0


if __name__ == "__main__":
    sys.exit(main())


def diagnose(case) -> list[str]:
    """One line per missed must label: where it was lost (no fact, not paired, judged alike, not reported)."""
    from evals.scorers import contradiction_matches
    from factcheck.pipeline import analyze

    report = analyze(case.articles(), engine="local", settings=get_settings())
    articles = prepare(case.articles(), settings=get_settings())
    graph = build_graph(articles)
    around = surroundings(graph.cluster, graph.facts)
    judged = {frozenset({j.pair.a.id, j.pair.b.id}): j for j in CodeJudge().judge(graph.pairs)}
    lines = []
    for lab in case.contradictions:
        if lab.get("level") != "must" or any(contradiction_matches(report, c, lab) for c in report.contradictions):
            continue
        side_facts = []
        for side in lab["sides"]:
            sids = {s.id for s in graph.cluster.sentences if s.article_id in side["articles"]
                    and any(ev in s.text for ev in side["evidence"])}
            side_facts.append([f for f in graph.facts.facts if f.sentence_id in sids and f.kind == lab["kind"]])
        if not all(side_facts):
            lines.append(f"{case.name}/{lab['id']} [{lab['kind']}]: NO FACT on side(s) "
                         f"{[i + 1 for i, fs in enumerate(side_facts) if not fs]}")
            continue
        verdicts = [judged[frozenset({a.id, b.id})].verdict for a in side_facts[0] for b in side_facts[1]
                    if frozenset({a.id, b.id}) in judged]
        if not verdicts:
            why = []
            for a in side_facts[0]:
                for b in side_facts[1]:
                    scored, trace = _refusal(around, a, b)
                    if scored is not None:
                        trace = ["not each other's best"]
                    why.append(f"{a.text!r} x {b.text!r}: {'; '.join(trace)}")
            lines.append(f"{case.name}/{lab['id']} [{lab['kind']}]: NOT PAIRED\n      " + "\n      ".join(why[:6]))
        elif "contradiction" not in verdicts:
            lines.append(f"{case.name}/{lab['id']} [{lab['kind']}]: JUDGED {sorted(set(verdicts))}")
        else:
            lines.append(f"{case.name}/{lab['id']} [{lab['kind']}]: PAIRED+CONTRADICTION but not matched in report")
    return lines
