"""The invariance run: a case with names, nationalities, places and key words swapped, labels moved along.

The table is evals/swaps.yaml (documented there). `swapped(case)` returns a new Case named
`<name>~swapped` in group `swapped`, whose article texts and labels went through the same word map, so
every evidence string is still a substring of its sentence. `python -m evals.swap CASE` prints the map.
"""

from __future__ import annotations

import os
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from evals.dataset import Case, load_cases
from factcheck.checks import compare_names

TABLE = Path(__file__).parent / "swaps.yaml"
_NOT_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
              "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
              "The", "A", "An", "AP", "Mr", "Mrs", "Ms", "Dr", "St", "Jr"}
_NAME_LABELS = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "people"}


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def fixed_map() -> dict[str, str]:
    """Countries with their adjectives and peoples, and key nouns and verbs."""
    out: dict[str, str] = {}
    for old, new in table()["countries"]:
        out.update(zip(old, new))
    out.update({str(k): str(v) for k, v in table()["words"].items()})
    return out


def _names(texts: list[str]) -> list[tuple[str, str]]:
    """(word, role) for every word of a person, place or group name spaCy finds, in order of appearance."""
    from factcheck.nlp import load_pipeline

    nlp = load_pipeline()
    found: dict[str, str] = {}
    for doc in nlp.pipe(texts):
        for ent in doc.ents:
            role = _NAME_LABELS.get(ent.label_)
            if role is None:
                continue
            words = [t for t in ent if t.is_alpha and t.text[0].isupper() and t.text not in _NOT_NAMES]
            for i, tok in enumerate(words):
                kind = role if role != "person" else ("last" if i == len(words) - 1 else "first")
                found.setdefault(tok.text, kind)
    return list(found.items())


def case_map(case: Case) -> dict[str, str]:
    """The full word map for one case: the fixed table plus its own names traded for pool entries."""
    fixed = fixed_map()
    mapping = dict(fixed)
    pools = {k: [p for p in v if p not in mapping.values()] for k, v in table()["pools"].items()}
    used: dict[str, int] = {k: 0 for k in pools}
    texts = [a.text for a in case.articles()]
    keep = set(table().get("keep") or [])
    lower = set(re.findall(r"\b[a-z][a-z'-]+\b", " ".join(texts)))
    for word, kind in _names(texts):
        if word in keep or word.lower() in lower or word in mapping or word.lower() in {w.lower() for w in mapping}:
            continue
        spelled = next((old for old in mapping if old not in fixed and compare_names(old, word) == "variant"
                        and len(old) > 2), None)
        respelled = respell(spelled, word, mapping[spelled]) if spelled is not None else ""
        if respelled and compare_names(mapping[spelled], respelled) == "variant":
            mapping[word] = respelled  # "Wolfe" / "Wolff": the outlets' two spellings stay two spellings of one name
            continue
        pool = pools["place" if kind == "place" else kind]
        if used[kind if kind in used else "place"] >= len(pool):
            continue  # pool exhausted: leave the word (reported by `python -m evals.swap`)
        key = kind if kind in used else "place"
        mapping[word] = pool[used[key]]
        used[key] += 1
    return mapping


def respell(old: str, variant: str, new: str) -> str:
    """`new` changed as `variant` differs from `old`, at the same end: respell('Wolfe', 'Wolff', 'Holmquist') is
    'Holmquisf', respell('Calamita', 'LaCalamita', 'Ibarra') is 'LaIbarra', respell('John', 'Jon', 'Bodil') is
    'Bodl'."""
    p = len(os.path.commonprefix([old, variant]))
    s = len(os.path.commonprefix([old[p:][::-1], variant[p:][::-1]]))
    was, now = old[p : len(old) - s], variant[p : len(variant) - s]
    if p >= s:  # the change is nearer the end: make it as far from the end of the new name
        cut = max(0, len(new) - s - len(was))
        out = new[:cut] + now + new[cut + len(was) :]
    else:
        out = new[:p] + now + new[p + len(was) :]
    return out[:1].upper() + out[1:] if variant[:1].isupper() else out


def apply(mapping: dict[str, str], text: str) -> str:
    """Replace whole words in one pass (so pairs can trade places), with ALL-CAPS forms too."""
    full = dict(mapping)
    full.update({k.upper(): v.upper() for k, v in mapping.items() if len(k) > 2 and k.upper() not in full})
    pattern = _pattern(tuple(sorted(full, key=len, reverse=True)))
    return pattern.sub(lambda m: full[m.group()], text)


@lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def _move(value: Any, mapping: dict[str, str]) -> Any:
    """Apply the map to every string inside a label structure, keeping ids, levels, kinds and articles."""
    if isinstance(value, str):
        return apply(mapping, value)
    if isinstance(value, list):
        return [_move(v, mapping) for v in value]
    if isinstance(value, dict):
        keep = {"id", "level", "kind", "articles", "article", "within_article", "disputed", "source", "url",
                "published"}
        return {k: (v if k in keep else _move(v, mapping)) for k, v in value.items()}
    return value


def swapped(case: Case) -> Case:
    mapping = case_map(case)
    data = dict(case.data)
    articles = [a.model_dump(exclude_none=True) for a in case.articles()]
    for a in articles:
        a["text"] = apply(mapping, a["text"])
        if a.get("title"):
            a["title"] = apply(mapping, a["title"])
    data["inputs"] = {"articles": articles}
    for key in ("contradictions", "traps", "key_facts", "single_source_claims"):
        if data.get(key):
            data[key] = _move(data[key], mapping)
    data["name"] = f"{case.name}~swapped"
    data["group"] = "swapped"
    data["swap_map"] = mapping
    return Case(name=data["name"], path=case.path, data=data)


def main(argv: list[str] | None = None) -> int:
    names = argv if argv is not None else sys.argv[1:]
    for case in load_cases(names or None):
        if case.data.get("group") not in ("seeds", "real"):
            continue
        mapping = case_map(case)
        own = {k: v for k, v in mapping.items() if k not in fixed_map()}
        print(f"{case.name}: {len(own)} names swapped: " + ", ".join(f"{k} -> {v}" for k, v in own.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
