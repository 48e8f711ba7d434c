"""Layer 5 of the fact graph: one contradiction per disputed fact, every version listed.

Facts joined by judged pairs form groups (one thing, reported by several sentences). A group in which
some pair was judged a contradiction becomes one `Contradiction`: its facts are sorted into camps of
values that can all be true together, and each camp gives one side per independent outlet (copies that
state the same value are listed in `also_in`).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from factcheck.checks import compare_names
from factcheck.graph.align import Pair, fated_count
from factcheck.graph.facts import BACK_STATES, Fact, _back_on, _subject, _verb_of, deed_thing
from factcheck.graph.judge import Judgment, _one_titled_person, check_pair
from factcheck.graph.parse import ParsedCluster
from factcheck.types import Contradiction, ContradictionSide, Severity
from factcheck.verify import cite

MAX_CONTRADICTIONS = 100  # per cluster: a report a reader can check, whatever the input


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _camps(facts: list[Fact], cluster: ParsedCluster) -> list[list[Fact]]:
    """Facts sorted into groups whose values can all be true together (first fit, in reading order)."""
    camps: list[list[Fact]] = []
    for f in facts:
        for camp in camps:
            if all(check_pair(Pair(f, g, 0.0, cluster.similarity(f.sentence_id, g.sentence_id), (), (), False)).verdict
                   != "contradiction" for g in camp):
                camp.append(f)
                break
        else:
            camps.append([f])
    return camps


def _side(fact: Fact, others: list[Fact], cluster: ParsedCluster, version: int) -> ContradictionSide:
    article = cluster.article[fact.article_id]
    return ContradictionSide(
        article_id=article.id, source=article.source, value=fact.text, normalized=fact.normalized,
        citation=cite(article, fact.sentence_id), value_start=fact.start, value_end=fact.end,
        also_in=sorted({o.article_id for o in others if o.article_id != fact.article_id}), version=version)


def _sides(camp: list[Fact], cluster: ParsedCluster, version: int) -> list[ContradictionSide]:
    """One side per independent outlet in the camp; its copies are listed with it."""
    by_root: dict[str, list[Fact]] = defaultdict(list)
    for f in camp:
        by_root[f.sentence.root_id].append(f)
    sides = []
    for root in sorted(by_root, key=lambda r: min(cluster.row[f.sentence_id] for f in by_root[r])):
        facts = sorted(by_root[root], key=lambda f: (f.article_id != root, cluster.row[f.sentence_id]))
        sides.append(_side(facts[0], facts[1:], cluster, version))
    return sides


def _severity(kind: str, facts: list[Fact], judgments: list[Judgment]) -> Severity:
    if kind == "number":
        values = [f.figure.value for f in facts if f.figure]
        spread = (max(values) - min(values)) / max(abs(max(values)), 1e-9) if values else 0
        return "high" if spread >= 0.2 or all(f.figure.tally for f in facts) else "medium"
    if kind in ("name", "attribution"):
        spelling = any("spelled" in j.explanation for j in judgments)
        return "low" if spelling else "high"
    return "high" if kind in ("date", "status") else "medium"


SUBJECT_WORDS = 6  # a subject longer than this is shortened to its head and the words naming it
HYPHENS = ("-", "–")
QUOTES = ('"', "“", "”", "'", "‘", "’")


def _subject_words(verb, span) -> list[str]:
    """A verb's subject as written up to its head ('the 24-year-old actress', 'St Benedict's Hospital', 'the
    Pinecrest-based chipmaker'; a long one shortened to its head and the words naming it), without what follows
    the head ('People who walked daily' -> 'people'); nothing for a pronoun or for the value itself."""
    subject = _subject(verb)
    if subject is None or subject.pos_ == "PRON" or subject.ent_type_ in ("DATE", "TIME"):
        return []  # not 'the day' of 'The day after ..., a climber fell 700 meters' (the parser's slip)
    first = subject.left_edge
    if span.start <= subject.i < span.end or first.i < span.end and span.start <= subject.i:
        return []
    tokens = list(verb.doc[first.i : subject.i + 1])
    if len(tokens) > SUBJECT_WORDS or any(t.is_punct and t.text not in HYPHENS + QUOTES for t in tokens):
        tokens = sorted([subject, *(c for c in subject.children if c.dep_ in ("compound", "det"))], key=lambda t: t.i)
    text = verb.doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    if tokens[0].pos_ in ("DET", "PRON"):
        text = text[0].lower() + text[1:]  # 'The talks', 'Its shares'; a capital that may be a name stays
    return text.split()


PHRASE_WORDS = 5  # a verb's complement short enough to name what happened ('to the streets', 'the match')


def _plain_words(tokens) -> bool:
    """Words a topic can carry: no number, time, pronoun standing for a noun, or stray sign."""
    return not any(t.like_num or t.is_punct and t.text not in HYPHENS + QUOTES or t.ent_type_ in ("DATE", "TIME")
                   or t.pos_ == "PRON" and t.dep_ != "poss"
                   or not t.is_punct and (any(c.isdigit() for c in t.text) or not any(c.isalpha() for c in t.text))
                   for t in tokens)


def _as_written(tokens) -> list[str]:
    """Tokens in order as the article writes them: 'cross-conference games', not 'cross - conference games'."""
    words: list[str] = []
    for prev, tok in zip([None, *tokens], tokens):
        glued = prev is not None and prev.i + 1 == tok.i and not prev.whitespace_
        words[-1:] = [words[-1] + tok.text] if glued else [*words[-1:], tok.text]
    return words


def _complement(verb, span, *, bare: bool = False) -> list[str]:
    """What completes a verb, as written and short: its object ('saw the match'), else the first phrase after it
    ('took to the streets', 'checked into Betty Ford Center'); a long one by its noun and the words naming it
    ('issued an out-of-band emergency patch' -> 'issued an emergency patch'); never the value itself, a time,
    or another figure. `bare`: the noun with its article alone ('in Israeli attacks' -> 'in attacks'), none of
    one outlet's words that qualify it."""
    parts = [c for c in verb.children if c.dep_ in ("dobj", "acomp")] + [
        c for c in verb.children if c.dep_ == "prep" and c.i > verb.i]
    for part in parts:
        head = next((c for c in part.children if c.dep_ == "pobj"), None) if part.dep_ == "prep" else part
        if head is None or span.start <= head.i < span.end:
            continue
        prep = [part] if part.dep_ == "prep" else []
        if bare:
            words = prep + sorted([head, *(c for c in head.children if c.dep_ == "det")], key=lambda t: t.i)
            if _plain_words(words) and not any(span.start <= t.i < span.end for t in words):
                return [t.text for t in words]
            continue
        compact = sorted([head, *(c for c in head.children if c.dep_ in ("det", "compound")
                                  or c.dep_ == "amod" and not list(c.children) and _plain_words([c]))],
                         key=lambda t: t.i)
        if any(span.start <= t.i < span.end for t in part.subtree):  # the value sits inside: the noun alone,
            # for an object ('serving a 12-year sentence'), not the value's own phrase ('at 6:41pm PST')
            if not prep and _plain_words(compact) and not any(span.start <= t.i < span.end for t in compact):
                return [t.text for t in compact]  # 'was serving a sentence' (of 'a 12-year sentence')
            continue
        first = min([head, *(c.left_edge for c in head.children if c.dep_ in ("det", "amod", "compound", "poss"))],
                    key=lambda t: t.i)
        tokens = list(verb.doc[first.i : head.i + 1])  # the noun and the words before it, not what follows it
        whole = (not prep or part.i + 1 == first.i) and len(tokens) <= PHRASE_WORDS and _plain_words(tokens) \
            and not sum(t.text in QUOTES for t in tokens) % 2  # not a quotation the phrase would cut
        if whole:
            return verb.doc.text[(prep or tokens)[0].idx : head.idx + len(head.text)].split()
        if _plain_words(compact):
            return [t.text for t in prep + compact]
    return []


def _auxiliaries(verb) -> list[str]:
    return [c.text for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]


def _finite(verb) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to"
                                                      for c in verb.children)


def _clause(f: Fact) -> str:
    """The words of a fact's own clause that say what it is about, as written: its subject and its verb, with
    what completes the verb when short: 'the talks made progress', 'Whitlock resigned', 'the 26-year-old
    actress checked into Betty Ford Center'. '' when the verb is not finite ('a tiebreak to lift the trophy')."""
    span = f.tokens()
    verb = _verb_of(span.root) if span is not None else None
    if verb is None or not _finite(verb):
        return ""
    words = _subject_words(verb, span)
    if not words:
        return ""
    tail = [c.text for c in verb.children if c.dep_ == "prt"]
    if _back_on(verb):  # 'power was back on'
        tail = [t.text for c in verb.children if c.dep_ in ("advmod", "acomp", "prt") for t in c.subtree
                if t.lower_ == "back" or t.lower_ in BACK_STATES]
    return " ".join(words + _auxiliaries(verb) + [verb.text] + tail + _complement(verb, span))


def _dated_noun(f: Fact) -> str:
    """The thing a date is the day of, when the date hangs from its noun: 'Saturday's final' -> 'the final',
    'the Monday meeting' -> 'the meeting'."""
    span = f.tokens()
    if span is None or span.root.dep_ not in ("poss", "compound", "nmod") or span.root.head.pos_ != "NOUN":
        return ""
    noun = span.root.head
    return f"the {noun.text}" if _plain_words([noun]) else ""


# The question a measure answers, by what it measures (general English).
HOW = {"length": "how far", "speed": "how fast", "area": "how large an area", "mass": "how heavy",
       "volume": "how much", "temperature": "how hot"}


def _question(f: Fact, *, completed: bool = True) -> str:
    """What a figure answers, in the words of its own clause: 'how many people were injured', 'how many rifles
    the navy seized', 'how far the man fell', 'how much the shares fell', 'the net profit Brennick reported';
    '' when the clause does not say it plainly (the figure hangs from a preposition or another noun, the verb
    is 'be' or not a finite verb, or a pronoun is all the subject there is)."""
    span = f.tokens()
    if span is None or f.figure is None or f.figure.score or any(t.ent_type_ == "ORDINAL" for t in span):
        return ""  # a rank ('the third coach fired') is not a count
    root, plain = span.root, f.figure.measure == (None, None, False, False)
    head = f.head or ""
    noun = None
    if root.pos_ == "NOUN" and root.lemma_.lower() == head and not root.like_num:
        noun = root  # 'dozens'
    elif root.dep_ in ("nummod", "quantmod", "compound", "amod") and root.head.lemma_.lower() == head:
        noun = root.head  # '18 people', 'six rifles'
    elif not plain and root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() == head:
        noun = root.head.head  # 'a net profit of €412 million' (not 'a mother of 13': her children, not mothers)
    if noun is not None and (noun.pos_ != "NOUN" or plain and noun.tag_ != "NNS"):
        return ""  # 'how many' asks of a plural: 'one person' leaves the question to the other side's 'people'
    node = noun if noun is not None else root
    verb = node.head
    if verb.pos_ != "VERB" or not _finite(verb) or verb.lemma_.lower() == "be" or node.i == verb.i:
        return ""
    if f.figure.dimension == "duration":
        return ""  # 'two weeks before he was killed': a time before or after, not what the verb measures
    named = [] if noun is None else _as_written(sorted([noun, *(
        t for c in noun.children if c.dep_ in ("amod", "compound") and _plain_words(list(c.subtree))
        for t in c.subtree)], key=lambda t: t.i))
    verb_words = _auxiliaries(verb) + [verb.text] + [c.text for c in verb.children if c.dep_ == "prt"]
    if node.dep_ in ("nsubj", "nsubjpass"):
        complement = _complement(verb, span, bare=not completed)
        if not (plain and named) or not complement and verb.lemma_.lower() in ("have", "do", "get", "make"):
            return ""  # not 'how many models have'
        return " ".join(["how", "many", *named, *verb_words, *complement])  # 'how many people were injured'
    if node.dep_ not in ("dobj", "npadvmod"):
        return ""
    subject = _subject_words(verb, span)
    if not subject:
        return ""
    if plain:
        what = ["how", "many", *named] if named else []  # 'how many rifles the navy seized'
    elif f.figure.currency or f.figure.percent:
        what = ["the", *named] if named else ["how", "much"]  # 'the net profit Orvane reported', 'how much shares fell'
    else:
        what = [] if named else HOW.get(f.figure.dimension or "", "").split()  # 'how far the man fell'
    return " ".join([*what, *subject, *verb_words]) if what else ""


# What a name of each kind is called in a topic.
NAME_OF = {"person": "a name", "place": "a place name", "organisation": "an organisation's name",
           "nickname": "the nickname"}


def _most_asked(facts: list[Fact]) -> str:
    """The question most of a dispute's sides answer. The words that qualify what completes the verb ('in
    Israeli attacks') are one outlet's, so they are kept only when two sides' clauses say them alike; else the
    noun alone ('how many people were killed in attacks')."""
    for completed in (True, False):
        questions = Counter(q for q in (_question(f, completed=completed) for f in facts) if q)
        question = max(questions, key=lambda q: (questions[q], -list(questions).index(q)), default="")
        if question and (questions[question] >= 2 or not completed):
            return question
    return ""


def _title_words(f: Fact) -> str:
    """The title written before a name, as written ('Transport Commissioner' of 'Transport Commissioner Siobhan
    Reddy'), else the title the fact carries ('spokeswoman')."""
    span = f.tokens()
    words = []
    i = span.start - 1 if span is not None else -1
    while i >= 0 and span.start - i <= 3 and f.sentence.doc[i].dep_ == "compound" \
            and f.sentence.doc[i].ent_type_ != "PERSON":
        words.insert(0, f.sentence.doc[i].text)
        i -= 1
    return " ".join(words) or (f.role or "").removeprefix("title:") or "official"


def _name_topic(facts: list[Fact]) -> str:
    """What a name dispute is about, in words: 'the spelling of the spokeswoman's name' (one name written two
    ways), 'where Chohan lived', 'who the head coach is', 'who won the Harwick seat', 'who was shot'."""
    f = facts[0]
    names = list(dict.fromkeys(x.name or x.text for x in facts))
    spelled = all(compare_names(x, y) in ("same", "variant") for i, x in enumerate(names) for y in names[i + 1:])
    title = next((x.role.removeprefix("title:") for x in facts if x.role and x.role.startswith("title:")), None)
    if spelled:
        if f.label == "nickname":
            return "the spelling of the nickname"
        if title:
            return f"the spelling of the {title}'s name"
        return "the spelling of " + ("the speaker's name" if f.role == "speaker" else NAME_OF.get(f.label, "a name"))
    titled = next((x for i, x in enumerate(facts) for y in facts[i + 1:] if _one_titled_person(x, y)), None)
    if titled is not None:  # 'Transport Commissioner Siobhan Reddy' / 'Transport Commissioner Shivaun Reddy'
        return f"who the {_title_words(titled)} is"
    if f.role == "venue":
        return "where it was published"
    if f.role == "home":
        resident = next((who for x in facts for kind, who in x.parties if kind == "resident"), None)
        return f"where {resident.title()} lived" if resident else "where they lived"
    if title:
        return f"who the {title} is"
    if f.role == "speaker":
        return "who said it"
    for x in facts:
        span = x.tokens()
        verb = _verb_of(span.root) if span is not None else None
        if verb is None or not _finite(verb) or x.role not in ("subj", "obj"):
            continue
        words = _auxiliaries(verb) + [verb.text] + [c.text for c in verb.children if c.dep_ == "prt"]
        if x.role == "subj" or span.root.dep_ == "nsubjpass":  # 'who won the seat', 'who was shot'
            return " ".join(["who", *words, *_complement(verb, span)])
        subject = _subject_words(verb, span)
        if subject:
            return " ".join(["whom", *subject, *words])  # 'whom the board appointed'
    return "who or where"


def _topic(kind: str, facts: list[Fact]) -> str:
    f = facts[0]
    doc = f.sentence.doc
    words = [t.text for t in doc if (t.lemma_.lower() in f.anchor or t.text.lower() in f.anchor)
             and t.pos_ not in ("PRON", "DET")][:4]  # not 'It second yard game'
    about = " ".join(dict.fromkeys(words)) or (f.predicate or "")
    if kind == "number" and all("lasting" in x.qualifiers for x in facts):
        noun = next((x.head for x in facts if x.head), None)  # "a six-hour blockade"
        clause = next((c for c in map(_clause, facts) if c), "")
        return f"how long the {noun} lasted" if noun else f"how long {clause}" if clause else "how long it lasted"
    if kind == "number" and "deciding" in f.qualifiers:
        return "the score of the deciding set"
    if kind == "number" and "record" in f.qualifiers:
        split = next((x.head for x in facts if "split" in x.qualifiers), None)
        side = f.name or "a side"
        owner = side + ("'" if side.endswith("s") else "'s")
        return f"{owner} won-lost record" + (f" ({split})" if split else "")
    if kind == "number":
        question = _most_asked(facts)
        if question:
            return question
        return f"{about} ({f.predicate})" if f.predicate and f.predicate not in about else about or "a figure"
    if kind == "date":
        clause = next((c for c in map(_clause, facts) if c), "")
        if clause:
            return f"when {clause}"
        owner = next((o for o in map(_dated_noun, facts) if o), "")
        return f"the {'time' if f.when.time else 'day'} of {owner}" if owner else f"when: {f.predicate or about}"
    if kind == "name" and f.role == "area":
        return "which part of town"
    if kind == "name" and f.role == "end":
        return "where it ended up"
    if kind == "name":
        return _name_topic(facts)
    who = next((x.name for x in facts if x.name and x.name != "(pronoun)"), None)
    if kind == "status" and f.role == "quality":
        return f"how well {who} was {f.predicate}"
    if kind == "status" and f.role == "target":
        return f"whom {who} was aiming at"
    if kind == "status" and f.role == "damage":
        return f"how badly the {f.head} was damaged"
    if kind == "status" and f.role == "death place":
        return f"where {who} died" if who else "where the person died"
    if kind == "status" and f.role == "charge":
        return f"what {who} was charged with" if who else "what the accused was charged with"
    if kind == "status" and any(x.predicate == "fate" for x in facts) and (count := fated_count(f)) is not None:
        return f"whether the {count:g} were rescued or held"  # 'rescued 26 Somali crewmembers' / 'apprehending 26 ...'
    if kind == "status" and "deed" in f.qualifiers:  # 'fired tear gas' / 'did not deploy tear gas'
        return f"what was done with the {deed_thing(f)}"
    if kind == "status":
        if who:
            return f"what happened to {who}"
        nouns = [t.text for t in doc if t.lemma_.lower() in f.anchor and t.pos_ == "NOUN"][:2]
        return f"what happened to the {' '.join(nouns)}" if nouns else f"whether '{f.predicate}' happened"
    if f.role == "stance":
        return f"whether {f.name} gave it as its word"
    return "who said it"


def _likely_reason(kind: str, sides: list[ContradictionSide], cluster: ParsedCluster, judgments) -> str | None:
    articles = [cluster.article[s.article_id] for s in sides]
    if len({s.article_id for s in sides}) == 1:
        return "The article contradicts itself."
    if any(a.copy_of and a.copy_of in {s.article_id for s in sides} for a in articles):
        return "A copy of another outlet's story changed what the original says."
    if kind in ("name", "attribution") and any("spelled" in j.explanation for j in judgments):
        return "A spelling difference: check which is right."
    dates = {a.published for a in articles if a.published}
    if kind == "number" and len(dates) > 1:
        return "Reported at different times: a tally may have changed between reports."
    return None


def _one_per_article(members: list[Judgment], cluster: ParsedCluster) -> list[Fact]:
    """Each article's best-paired fact in the group. Two values of one article in one group come from a chain
    of alignments through other articles ('five boats' ~ '5 boats' ~ 'three boats'), not from the article
    contradicting itself; a pair inside one article (a real self-contradiction) keeps both."""
    if all(j.pair.within_article for j in members):
        return sorted({f.id: f for j in members for f in (j.pair.a, j.pair.b)}.values(),
                      key=lambda f: cluster.row[f.sentence_id])
    best: dict[str, tuple[float, Fact]] = {}
    for j in members:
        if j.pair.within_article:
            continue
        for f in (j.pair.a, j.pair.b):
            if f.article_id not in best or j.pair.score > best[f.article_id][0]:
                best[f.article_id] = (j.pair.score, f)
    return sorted((f for _, f in best.values()), key=lambda f: cluster.row[f.sentence_id])


def build(judgments: list[Judgment], cluster: ParsedCluster, *, judge: str = "code") -> list[Contradiction]:
    """Contradictions from judged pairs: one per group of facts about one thing."""
    uf = _UnionFind()
    facts: dict[str, Fact] = {}
    for j in judgments:
        if j.verdict in ("same", "contradiction"):
            uf.union(j.pair.a.id, j.pair.b.id)
            facts[j.pair.a.id], facts[j.pair.b.id] = j.pair.a, j.pair.b
    groups: dict[str, list[Judgment]] = defaultdict(list)
    for j in judgments:
        if j.verdict in ("same", "contradiction"):
            groups[uf.find(j.pair.a.id)].append(j)
    out = []
    for root, members in sorted(groups.items()):
        disputed = [j for j in members if j.verdict == "contradiction"]
        if not disputed:
            continue
        group_facts = _one_per_article(members, cluster)
        camps = _camps(group_facts, cluster)
        if len(camps) < 2 and any(j.problems for j in disputed):
            camps = [[f] for f in group_facts]  # a judge's contradiction the checks overrule: kept, unverified
        if len(camps) < 2:
            continue
        kind = disputed[0].kind
        sides = [side for version, camp in enumerate(camps) for side in _sides(camp, cluster, version)]
        if len({s.article_id for s in sides}) < 2 and len({s.citation.sentence_id for s in sides}) < 2:
            continue
        best = max(disputed, key=lambda j: j.pair.score)
        problems = list(dict.fromkeys(p for j in disputed for p in j.problems))
        out.append(Contradiction(
            id=f"c{len(out) + 1}", kind=kind, topic=_topic(kind, group_facts), explanation=best.explanation,
            severity=_severity(kind, group_facts, disputed),
            likely_reason=best.reason or _likely_reason(kind, sides, cluster, disputed),
            within_article=len({s.article_id for s in sides}) == 1, sides=sides,
            alignment=f"{best.pair.why()}; judged by {judge}", verified=not problems, problems=problems))
    rank = {"high": 0, "medium": 1, "low": 2}
    out.sort(key=lambda c: (rank[c.severity], c.within_article, -len(c.sides), c.id))
    return [c.model_copy(update={"id": f"c{i + 1}"}) for i, c in enumerate(out[:MAX_CONTRADICTIONS])]
