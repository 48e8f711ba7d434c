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
from factcheck.graph.align import transliterated

TABLE = Path(__file__).parent / "swaps.yaml"
_NOT_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
              "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
              "The", "A", "An", "AP", "Mr", "Mrs", "Ms", "Dr", "St", "Jr"}
_NAME_LABELS = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "people"}


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def fixed_map() -> dict[str, str]:
    """Countries with their adjectives and peoples, key nouns and verbs traded whatever their part of speech,
    and idioms kept whole ("opened fire")."""
    out: dict[str, str] = {}
    for old, new in table()["countries"]:
        out.update(zip(old, new))
    out.update({str(k): str(v) for k, v in table()["words"].items() if not isinstance(v, dict)})
    out.update({str(p): str(p) for p in table().get("idioms") or []})
    return out


def tagged_words() -> dict[str, dict[str, str]]:
    """Words traded only as one part of speech, or differently as each ('shooting' the noun is 'gunfight';
    'shooting' the verb stays)."""
    return {str(k): {str(pos): str(w) for pos, w in v.items()} for k, v in table()["words"].items() if isinstance(v, dict)}


def _tagged(text: str) -> dict[int, str]:
    """Offset -> replacement for each word of `text` traded by its part of speech, as the tagger reads it there."""
    from factcheck.nlp import load_pipeline

    words = tagged_words()
    if not any(w in text for w in words):
        return {}
    return {t.idx: words[t.text][t.pos_] for t in load_pipeline()(text) if t.text in words and t.pos_ in words[t.text]}


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
    seen: list[str] = []  # the names met so far, traded or kept
    capitalised = set(re.findall(r"\b[A-Z][a-z]{3,}\b", " ".join(texts)))  # also the names the tagger misses
    for word, kind in _names(texts):
        if word in keep or word.lower() in lower or word in mapping or word.lower() in {w.lower() for w in mapping}:
            continue
        seen.append(word)
        spelled = next((old for old in mapping if old not in fixed and compare_names(old, word) == "variant"
                        and len(old) > 2), None)
        respelled = respell(spelled, word, mapping[spelled]) if spelled is not None else ""
        if respelled and compare_names(mapping[spelled], respelled) == "variant":
            mapping[word] = respelled  # "Wolfe" / "Wolff": the outlets' two spellings stay two spellings of one name
            continue
        written = next((old for old in [*seen, *sorted(capitalised)] if kind == "place" and old != word
                        and transliterated(old, word)), None)
        if written is not None:  # "Thessaloniki" / "Salonika": one place written two ways stays one place
            mapping[word] = transliterate(mapping[written]) if written in mapping else word
            continue
        pool = pools["place" if kind == "place" else kind]
        if used[kind if kind in used else "place"] >= len(pool):
            continue  # pool exhausted: leave the word (reported by `python -m evals.swap`)
        key = kind if kind in used else "place"
        mapping[word] = pool[used[key]]
        used[key] += 1
    return mapping


def transliterate(name: str) -> str:
    """Another writing of a place name, as 'Salonika' is of 'Thessaloniki': a few first letters dropped and an 'a'
    added ('Eskerfeld' -> 'Erfelda'), the name itself where no such writing reads as one."""
    for cut in range(len(name) // 3, 0, -1):
        rest = name[cut:]
        other = rest[:1].upper() + rest[1:] + "a"
        if transliterated(name, other):
            return other
    return name


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


def apply(mapping: dict[str, str], text: str, tagged: dict[int, str] | None = None) -> str:
    """Replace whole words in one pass (so pairs can trade places), with ALL-CAPS forms too. `tagged`: offset ->
    replacement of the words traded by their part of speech (see `_tagged`); elsewhere such a word stays."""
    full = dict(mapping)
    full.update({k.upper(): v.upper() for k, v in mapping.items() if len(k) > 2 and k.upper() not in full})
    keys = set(full) | set(tagged_words()) if tagged is not None else set(full)
    pattern = _pattern(tuple(sorted(keys, key=len, reverse=True)))
    return pattern.sub(lambda m: full.get(m.group()) or (tagged or {}).get(m.start(), m.group()), text)


@lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def _move(value: Any, mapping: dict[str, str], texts: list[tuple[str, dict[int, str]]]) -> Any:
    """Apply the map to every string inside a label structure, keeping ids, levels, kinds and articles. A string
    quoted from an article (`texts`: each with its tagged words) is traded as its words were there."""
    if isinstance(value, str):
        for text, tagged in texts:
            at = text.find(value) if value else -1
            if at >= 0:
                return apply(mapping, value, {i - at: w for i, w in tagged.items() if at <= i < at + len(value)})
        if "|" in value or value.endswith("*"):
            # a key fact's alternatives ('fire|ablaze|torched', 'damage|injur*'): the word, and each of its trades
            # (a stem, each trade of a word it begins: 'injur*' -> 'wound', 'wounded', 'wounds')
            words = value.split("|")
            extra = [w for word in words for w in tagged_words().get(word, {}).values()]
            extra += [new for word in words if word.endswith("*") for old, new in sorted(mapping.items())
                      if old.lower().startswith(word[:-1].lower())]
            return "|".join(dict.fromkeys([apply(mapping, word) for word in words] + extra))
        return apply(mapping, value, _tagged(value))
    if isinstance(value, list):
        return [_move(v, mapping, texts) for v in value]
    if isinstance(value, dict):
        keep = {"id", "level", "kind", "articles", "article", "within_article", "disputed", "source", "url",
                "published"}
        return {k: (v if k in keep else _move(v, mapping, texts)) for k, v in value.items()}
    return value


def swapped(case: Case) -> Case:
    mapping = case_map(case)
    data = dict(case.data)
    articles = [a.model_dump(exclude_none=True) for a in case.articles()]
    texts = [(a["text"], _tagged(a["text"])) for a in articles]
    for a, (text, tagged) in zip(articles, texts):
        a["text"] = apply(mapping, text, tagged)
        if a.get("title"):
            a["title"] = apply(mapping, a["title"], _tagged(a["title"]))
    data["inputs"] = {"articles": articles}
    for key in ("contradictions", "traps", "key_facts", "single_source_claims"):
        if data.get(key):
            data[key] = _move(data[key], mapping, texts)
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
