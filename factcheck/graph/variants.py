"""Names spelled two ways across the cluster: 'Jon Owen' / 'John Owen', 'Wolfe' / 'Wolff'.

A person's or an organisation's name written differently by two outlets (or twice by one) is a conflict a
fact-checker raises whatever sentence it stands in; places are left out, since transliterations of a
place ('Kiev' / 'Kyiv', 'Bern' / 'Berne') are not errors.
"""

from __future__ import annotations

from factcheck.checks import compare_names, name_tokens
from factcheck.graph.align import Pair
from factcheck.graph.facts import Fact, FactIndex
from factcheck.graph.parse import ParsedCluster

SPELLED_LABELS = {"person", "nickname"}  # a nickname is compared with nicknames only
SAME_CONTEXT = 0.45  # the two spellings must stand in sentences this alike at least once (the same person)
# Kinship nouns (closed-class English): a son and a daughter are two people, however alike their names.
KIN = {"son", "daughter", "wife", "husband", "mother", "father", "brother", "sister", "grandson", "granddaughter",
       "grandmother", "grandfather", "niece", "nephew", "aunt", "uncle", "widow", "widower", "cousin", "stepson",
       "stepdaughter", "fiancé", "fiancée", "girlfriend", "boyfriend"}


def _kin(mentions: list[Fact]) -> set[str]:
    return {f.role.removeprefix("title:") for f in mentions if f.role and f.role.removeprefix("title:") in KIN}


def two_people(index: FactIndex) -> set[frozenset[str]]:
    """Pairs of spellings one article writes both of: two people of one family ('Charlene Kafoury' and her
    son 'Charlie Kafoury'), not one name misspelled."""
    by_article: dict[str, set[str]] = {}
    for f in index.facts:
        if f.kind == "name":
            by_article.setdefault(f.article_id, set()).add(f.normalized)
    out: set[frozenset[str]] = set()
    for names in by_article.values():
        ordered = sorted(names)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if compare_names(a, b) == "variant":
                    out.add(frozenset({a, b}))
    return out


def _one_of_many(f: Fact) -> bool:
    """Is the name a member of a body, not a person's name: after an indefinite article ('a Texas Ranger', 'an
    Army Ranger', 'a Liberal Democrat')? Its plural ('Texas Rangers') is the body, not another spelling."""
    span = f.tokens()
    return span is not None and span.start > 0 and span.doc[span.start - 1].lower_ in ("a", "an")


def _one_given_name(a: Fact, b: Fact) -> bool:
    """Two full names with one first name and surnames spelled alike ('Aarav Ernethy' / 'Aarav Abernethy')."""
    ta, tb = name_tokens(a.text), name_tokens(b.text)
    return len(ta) >= 2 and len(tb) >= 2 and ta[0] == tb[0] and ta[-1] != tb[-1]


def _one_title(mentions_a: list[Fact], mentions_b: list[Fact]) -> bool:
    """Do the two spellings carry one title, other than a kinship ('the third victim' both times)?"""
    titles_a = {f.role for f in mentions_a if f.role and f.role.startswith("title:")}
    titles_b = {f.role for f in mentions_b if f.role and f.role.startswith("title:")}
    return any(t.removeprefix("title:") not in KIN for t in titles_a & titles_b)


def spelling_pairs(cluster: ParsedCluster, index: FactIndex) -> list[Pair]:
    """One pair per two spellings of a name, between their first mentions in two articles (or one)."""
    first: dict[tuple[str, str], Fact] = {}
    all_mentions: dict[str, list[Fact]] = {}
    # the small tagger often calls a person an organisation ('Ilana Varga' beside 'Ilona Varga', 'Daria Lindqvest'
    # beside 'Daria Lindqvist'): a name whose surname, or whose first name, a person of the cluster bears is a
    # person's name too
    people = [name_tokens(f.text) for f in index.facts if f.kind == "name" and f.label == "person"]
    surnames = {words[-1] for words in people if len(words) >= 2}
    given = {words[0] for words in people if len(words) >= 2}

    def spelled(f: Fact) -> bool:
        words = name_tokens(f.text)
        if _one_of_many(f):
            return False
        return f.label in SPELLED_LABELS or (f.label == "organisation" and len(words) >= 2
                                             and (words[-1] in surnames or words[0] in given))

    for f in index.facts:
        if f.kind == "name" and spelled(f):
            first.setdefault((f.article_id, f.normalized), f)
            all_mentions.setdefault(f.normalized, []).append(f)
    mentions = sorted(first.values(), key=lambda f: cluster.row[f.sentence_id])
    family = two_people(index)
    out = []
    seen: set[frozenset[str]] = set()
    for i, a in enumerate(mentions):
        for b in mentions[i + 1 :]:
            if a.normalized == b.normalized or (a.label == "nickname") != (b.label == "nickname"):
                continue
            if compare_names(a.text, b.text) != "variant" or frozenset({a.normalized, b.normalized}) in family:
                continue
            if a.label != "nickname" and not _one_given_name(a, b) and not _one_title(
                    all_mentions[a.normalized], all_mentions[b.normalized]) and max(
                    cluster.similarity(x.sentence_id, y.sentence_id)
                    for x in all_mentions[a.normalized] for y in all_mentions[b.normalized]) < SAME_CONTEXT:
                # 'Charlie' the son and 'Charlene' the widow: two people, not two spellings. A family shares a
                # surname, not a first name: 'Aarav Ernethy' / 'Aarav Abernethy' is one person whatever the
                # sentences say of him; so is a nickname ('known by the nickname "Sepy"' / 'the moniker of Sepe'),
                # and one person given one title ('the third victim, Bryant Dalton' / 'The third victim, identified
                # as Brian Dalton')
                continue
            if a.label == "nickname" and {a.head, b.head} & KIN and a.head != b.head:
                continue  # 'the fugitive, known as "Tito"' / 'his brother, nicknamed "Tino"': two people
            kin_a, kin_b = _kin(all_mentions[a.normalized]), _kin(all_mentions[b.normalized])
            if kin_a and kin_b and not kin_a & kin_b:
                continue  # "her son, Charlie" / "her daughter, Charlene": two people of one family
            key = frozenset({a.normalized, b.normalized, a.article_id, b.article_id})
            if key in seen:
                continue
            seen.add(key)
            out.append(Pair(a, b, 1.0, round(cluster.similarity(a.sentence_id, b.sentence_id), 4),
                            ("spelling",), tuple(sorted(a.entities & b.entities)), False))
    return out
