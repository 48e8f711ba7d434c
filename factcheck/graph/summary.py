"""The merged summary and the single-source list, both from the fact graph.

A sentence is corroborated by another outlet's sentence only when the two say the same thing: alike once
their values are masked, no aligned fact of theirs in dispute, and the other sentence carrying every
figure, date and name of the first (`checks.support_problems`, the test `verify` and the evals apply to
every summary citation). The most widely reported statements and the leads come first (how widely is read
again with the sentence encoder before a sentence is taken), no two chosen sentences say the same thing,
sentences that lean on their context ("He said ...", "A deal, however, ...") are left out and those opening
on a bare "The official ..." ranked down, and each dispute is stated with every outlet's version; a
statement taking one side of a dispute between independent outlets, or giving one side's figure of any
dispute, is used without the phrase that does ('Marin won the runoff on Sunday' without 'with 51.8% of
the vote'), or left out where the disputed value is what it says. A statement no other independent outlet
carries is a single-source claim, so nothing can be both corroborated and single-source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from factcheck.checks import find_figures, name_tokens, parse_figure, support_problems
from factcheck.copies import _trigrams
from factcheck.embed import embed
from factcheck.graph.facts import MEASURING, REPORTING, FactIndex
from factcheck.graph.judge import Judgment
from factcheck.graph.parse import DATELINE, ParsedCluster, ParsedSentence
from factcheck.injection import looks_like_instruction
from factcheck.lexicon import LOADED_OF
from factcheck.types import Contradiction, LoadedTerm, SingleSourceClaim, SummarySentence
from factcheck.verify import cite

SAME_STATEMENT = 0.62  # masked-sentence similarity from which two sentences may say the same thing
SAME_MEANING = 0.68  # MiniLM similarity from which a supporting sentence says what the summary sentence says
REDUNDANT = 0.8  # a candidate this alike to a chosen sentence adds nothing
TOLD_ALREADY = 0.8  # MiniLM similarity from which a chosen sentence may already tell what a candidate tells
VERBATIM = 0.5  # share of word trigrams above which a match is reused agency text, not confirmation
MIN_WORDS, MAX_WORDS = 4, 45  # 'No injuries were reported.' says something
SHORT_WORDS = 7  # a sentence shorter than this is read again for whether it stands alone
TRIMMED_MIN_WORDS = 7  # what is left of a sentence taking a side ('Police said they had arrested people' is not)
SAME_SOURCE_PENALTY = 0.35
LEAD_WEIGHT = 2.0
ANAPHORIC = 0.5  # a sentence opening on a bare 'The official' / 'The operation' ranks as if this much less reported
MAX_SINGLE_PER_ARTICLE = 6
BORNE_WEIGHT = 1.0  # a figure or date another outlet gives alike ranks a sentence as one more outlet saying it
MAX_BORNE = 2  # ... for at most this many of its figures and dates
RETOLD = 0.6  # MiniLM similarity from which a sentence giving only facts the summary gives tells them again
DEMONSTRATIVES = {"this", "that", "these", "those"}  # 'rejected those terms': what terms, the sentence before said
# Openings that lean on the sentence before: pronouns, demonstratives and connectives (closed-class English
# words; "As a result, the quake could be felt across the region", "Later in the round ...").
_LEANS = re.compile(r"^(?:He|She|They|It|We|I|You|This|That|These|Those|His|Her|Their|Its|Both|Such|Also|But|And|"
                    r"However|Meanwhile|Still|Yet|So|Then|As a result|In addition|Instead|Later|Earlier|"
                    r"There(?!\s+(?:is|are|was|were|has|have|had|will)\b)|"  # not 'There were no injuries'
                    r"Afterwards|Therefore|Thus|Moreover|Furthermore|Nevertheless|Nonetheless|Similarly|Likewise|"
                    r"Otherwise|Even so)\b")
# The same connectives set off by commas inside the sentence ("A deal, on the other hand, would ...").
_LEANS_INSIDE = re.compile(r",\s*(?:on the other hand|however|meanwhile|though|in turn|in contrast|by contrast|"
                           r"instead|as a result|in addition|therefore|nevertheless|nonetheless|even so)\s*,", re.I)
_RELATIVE_DAY = re.compile(r"\b(?:yesterday|today|tomorrow|tonight|last night|this morning|this week)\b", re.I)
_QUOTE_MARK = re.compile(r"(?P<close>”|[,.!?]\s?[\"'’](?=\s|$))|[“‘]|(?<![A-Za-z])[\"']")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|``.*?''")
DATELINE_MARKS = {"—", "-", "–", "(", ")"}
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


@dataclass
class _Candidate:
    sentence: ParsedSentence
    support: dict[str, str] = field(default_factory=dict)  # other root -> its sentence saying the same
    score: float = 0.0
    confirmed: bool = False  # support read again with the sentence encoder (see _confirm_support)
    text: str = ""  # what the summary says: the sentence, or its clause that takes no side (see `undisputed`)
    borne: frozenset[str] = frozenset()  # the figures and dates it gives that another outlet gives alike


def loaded_spans(text: str) -> list[tuple[int, int, str]]:
    """Loaded terms used in the writer's own voice (outside quotation marks): (start, end, group)."""
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    return [(m.start(), m.end(), LOADED_OF[m.group().lower()]) for m in _WORD.finditer(text)
            if m.group().lower() in LOADED_OF and not any(s <= m.start() < e for s, e in quoted)]


def _text(ps: ParsedSentence) -> str:
    return DATELINE.sub("", ps.text).strip()


def _quote_cut(text: str) -> bool:
    """Is a sentence a piece of a quotation that runs over more than one sentence: its end, opened in a sentence
    before ('There was blood,' said Ms Armstead.', 'I want to get out," Adgate said.'), or its start, closed in a
    sentence after ('The mayor said: "We will rebuild.')? The end: its first quotation mark closes one (a curly
    closing mark, or a straight or single one right after the quotation's last punctuation). The start: it opens
    more curly double marks than it closes, or leaves an odd straight double mark open. Marks written as in
    tokenized corpora (``, '') count as curly ones."""
    text = text.replace("``", "“").replace("''", "”")
    mark = _QUOTE_MARK.search(text)
    if mark is not None and mark.group("close") is not None:
        return True
    if text.count("“") > text.count("”"):
        return True
    straight = [m.start() for m in re.finditer('"', text)]
    return len(straight) % 2 == 1 and (straight[-1] == 0 or text[straight[-1] - 1].isspace())


def _short_but_whole(ps: ParsedSentence) -> bool:
    """Does a short sentence say something by itself ('No injuries were reported.')? Not the tail of a quote
    cut at its reporting clause ('Sheriff Lee Baca said.', 'to me it was too hard.'), an exclamation ('What a
    remarkable story.'), or a clause whose object needs the sentence before ('Kansas City had several.')."""
    doc = ps.doc
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1 or not _text(ps)[:1].isupper():
        return False
    root = roots[0]
    if root.pos_ not in ("VERB", "AUX") or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children):
        return False
    if root.lemma_.lower() in REPORTING and any(c.dep_ == "nsubj" for c in root.children) \
            and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in root.children):
        return False  # 'Sheriff Lee Baca said.'; not 'No injuries were reported.'
    if any(c.dep_ == "dobj" and c.pos_ in ("DET", "PRON", "ADJ") for c in root.children):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "dobj")
                   and any(d.dep_ == "det" and d.lower_ in DEMONSTRATIVES for d in c.children)
                   for c in root.children)


def _advice(ps: ParsedSentence) -> bool:
    """Does the writer say, in their own voice, what someone should do ('The judge should know never to trust
    ...', 'Voters ought to ask why')? An opinion, not a report; 'Residents should boil water, the council said'
    is the council's."""
    roots = [t for t in ps.doc if t.dep_ == "ROOT"]
    return any(root.lemma_.lower() not in REPORTING and not any(t.lemma_.lower() == "accord" for t in ps.doc)
               and (root.lower_ == "ought" or any(c.dep_ == "aux" and c.lower_ in ("should", "ought")
                                                   for c in root.children))
               for root in roots)


def self_contained(ps: ParsedSentence, *, loaded: bool = False) -> bool:
    """Does a sentence say something by itself? `loaded`: a loaded term in the writer's voice is allowed (the
    caller drops it, see `unloaded`)."""
    text = _text(ps)
    words = text.split()
    if len(words) < SHORT_WORDS and not _short_but_whole(ps):
        return False
    return (MIN_WORDS <= len(words) <= MAX_WORDS and not _LEANS.match(text) and not _LEANS_INSIDE.search(text)
            and not _advice(ps)
            and (loaded or not loaded_spans(text))
            and not text.startswith(('"', "“", "'", "‘", "``")) and not _quote_cut(text)
            and not looks_like_instruction(text)
            and text[-1:] in ".!?\"”’")


def _supporters(ps: ParsedSentence, cluster: ParsedCluster, disputed: set[str], text: str | None = None) -> dict[str, str]:
    """For each other independent outlet, its sentence that says what `ps` says (if any), or `text`, the part
    of it the summary keeps."""
    sims = cluster.similar_to(ps.id)
    grams = _trigrams(ps.text)
    best: dict[str, tuple[float, str]] = {}
    for i in sims.argsort()[::-1]:
        if sims[i] < SAME_STATEMENT:
            break
        other = cluster.sentences[i]
        if other.root_id == ps.root_id or other.article_id != other.root_id or other.id in disputed:
            continue
        if other.root_id in best:
            continue
        if grams and len(grams & _trigrams(other.text)) / len(grams) >= VERBATIM:
            continue  # reused agency text is not independent confirmation
        if support_problems(text or _text(ps), other.text, anchor=ps.anchor, cited_anchor=other.anchor):
            continue
        best[other.root_id] = (float(sims[i]), other.id)
    return {root: sid for root, (_, sid) in sorted(best.items())}


def _disputed_figures(contradictions: list[Contradiction]) -> set[tuple]:
    """The figures outlets dispute, as (value, measure): a statement giving one of them takes a side. (The
    counted noun does not narrow it: outlets count one thing with different nouns, 'three counts' / 'three
    charges'.)"""
    out = set()
    for c in contradictions:
        if c.kind != "number":
            continue
        for side in c.sides:
            fig = parse_figure(side.value)
            if fig is not None and not fig.score:
                out.add((fig.value, fig.measure))
    return out


def _bare_definite_subject(ps: ParsedSentence) -> bool:
    """Does the sentence open on 'the' and a common noun that only an earlier sentence says more of ('The
    operation offered a glimpse ...', 'The official said ...')? 'The Red Cross said' and 'The two trains
    collided' say who or what."""
    doc = ps.doc
    start = next((t.i for t in doc if not t.is_space and t.text not in DATELINE_MARKS), None)
    if start is None or start + 1 >= len(doc) or doc[start].lower_ != "the":
        return False
    noun = doc[start].head
    return (noun.pos_ == "NOUN" and noun.dep_ in ("nsubj", "nsubjpass") and noun.i == start + 1
            and all(c.dep_ in ("det", "prep", "punct") for c in noun.children))


# What a phrase does in its clause, where dropping it leaves the clause saying the rest: how, when, with what
# ('with 51.8% of the vote', 'on Tuesday', 'escaping with jewellery worth £250,000', 'and 12 were hurt').
DROPPABLE = {"prep", "advcl", "npadvmod", "conj", "acl", "relcl", "nummod", "quantmod", "advmod", "tmod"}


def unloaded(ps: ParsedSentence) -> set[int] | None:
    """The tokens to drop so that a sentence says what it says without the writer's loaded words: an adjective
    or adverb goes with what modifies it ('brought unprecedented destruction' -> 'brought destruction', 'a
    brazen raid' -> 'a raid'), as does a lower-case word before its noun ('regime forces' -> 'forces'): what
    is left says less, never more. None when a loaded word is more than a modifier ('the regime said', 'a
    massacre') or one of a list ('a brutal and senseless attack'), which cannot go cleanly."""
    drop: set[int] = set()
    for start, end, _ in loaded_spans(ps.text):
        tokens = [t for t in ps.doc if t.idx < end and start < t.idx + len(t)]
        if len(tokens) != 1:
            return None
        word = tokens[0]
        modifier = word.dep_ in ("amod", "advmod") or (word.dep_ == "compound" and word.text.islower()
                                                         and word.i + 1 == word.head.i)  # 'brazen raid' tagged a noun
        if not modifier or word.head.pos_ not in ("NOUN", "PROPN", "VERB", "ADJ") \
                or any(c.dep_ in ("cc", "conj") for c in (*word.children, *word.head.children)):
            return None
        drop |= {t.i for t in word.subtree}
    return drop


def source_asides(ps: ParsedSentence) -> set[int]:
    """The tokens of a relative clause set off by commas that tells more of who is speaking, which the summary
    leaves out: 'A senior official, who asked to remain anonymous, said ...', '..., according to two officials
    briefed on the talks, who spoke on condition of anonymity.' What the source says stays whole."""
    drop: set[int] = set()
    for verb in ps.doc:
        if verb.lemma_.lower() not in REPORTING:
            continue
        if verb.lemma_.lower() == "accord":
            sources = [t for t in verb.subtree if t.dep_ == "pobj"]
        else:
            sources = [c for c in verb.children if c.dep_ == "nsubj"]
        for source in sources:
            for clause in source.subtree:
                if clause.dep_ != "relcl" or clause.i == 0 or ps.doc[clause.left_edge.i - 1].text != "," \
                        or clause.left_edge.lower_ not in ("who", "whom", "whose"):
                    continue
                drop |= {t.i for t in clause.subtree} | {clause.left_edge.i - 1}
                after = clause.right_edge.i + 1
                if after < len(ps.doc) and ps.doc[after].text == ",":
                    drop.add(after)
    return drop


def undisputed(ps: ParsedSentence, spans: list[tuple], also: Iterable[int] = ()) -> str | None:
    """The sentence without the phrases holding its disputed values, when what is left still says something:
    'Marin won the runoff on Sunday[ with 51.8% of the vote]'. `spans`: (start, end) offsets in the sentence,
    with, for a name, the words every outlet's spelling shares ('Marin' of 'Teodor Marin' / 'Tudor Marin'),
    which stay. None when a disputed value is the clause's verb, subject or object ('the bridge reopened' /
    'stays shut'), or what is left of the main clause is its verb alone. `also`: tokens dropped as well (see
    `unloaded`)."""
    doc = ps.doc
    drop: set[int] = set(also)
    for start, end, *shared in spans:
        tokens = [t for t in doc if t.idx < end and start < t.idx + len(t)]
        if not tokens:
            return None
        if shared and shared[0] and any(t.lower_ in shared[0] for t in tokens):
            # one person named two ways ('Teodor Marin' / 'Tudor Marin'): the name all outlets give stays
            drop |= {t.i for t in tokens if t.lower_ not in shared[0]}
            continue
        phrase = min(tokens, key=lambda t: len(list(t.ancestors)))
        while phrase.dep_ not in DROPPABLE or phrase.head.pos_ not in ("VERB", "AUX", "NOUN", "PROPN") \
                or not all(t in phrase.subtree for t in tokens):  # the whole value ('2,000ft' is three tokens)
            if phrase.dep_ in ("ROOT", "nsubj", "nsubjpass", "dobj", "attr", "ccomp", "xcomp", "appos") \
                    or phrase.head == phrase:
                return None
            phrase = phrase.head
        while phrase.head.dep_ in ("advcl", "acl") and phrase.head.tag_ in ("VBG", "VBN") and all(
                c == phrase or c.dep_ in ("aux", "auxpass", "punct", "mark") for c in phrase.head.children):
            phrase = phrase.head  # 'starting on Monday' goes whole, not only 'on Monday'
        if any(t.dep_ == "prep" and t.head.pos_ in ("VERB", "AUX") and t.head.lemma_.lower() in MEASURING
               for t in (phrase, *phrase.ancestors)):
            return None  # 'put turnout at 64 percent', 'jewellery valued at £800,000': the verb needs it
        phrase = _whole_measure(phrase)
        if phrase is None:
            return None
        drop |= {t.i for t in phrase.subtree}
        first = min(t.i for t in phrase.subtree)
        if phrase.dep_ == "nummod" and first > 0 and doc[first - 1].tag_ == "NN" and doc[first - 1] != phrase.head:
            drop.add(first - 1)  # the word naming the measure before the figure ('a magnitude 4.6 earthquake')
        if phrase.dep_ == "conj":
            drop |= {t.i for t in phrase.head.children if t.dep_ in ("cc", "punct") and t.i < phrase.i}
    if any(t.dep_ == "nummod" and t.i in drop and t.head.i not in drop and t.head.tag_ in ("NN", "NNP")
           and not any(c.dep_ in ("det", "poss") and c.i not in drop for c in t.head.children) for t in doc):
        return None  # 'One person has been arrested' would read 'Person has been arrested'
    if any(_bare(verb, drop) for verb in _main_verbs(doc)) \
            or not any(t.pos_ in ("VERB", "AUX") for t in doc if t.i not in drop):
        return None  # 'the unbeaten week ended', 'walking was linked': what is left says nothing
    kept = [t for t in doc if t.i not in drop]
    text = "".join(_article_before(t, kept[k + 1] if k + 1 < len(kept) else None) + _space_after(t, kept, k)
                   for k, t in enumerate(kept))
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"[,;:\s]+([.!?][\"”’']?)$", r"\1", text.strip())
    text = DATELINE.sub("", text).strip()
    if kept and kept[0].i != next(t.i for t in doc if not t.is_space):
        # the sentence's opening went ('Early Friday, around 1:30 a.m., the actress ...', '40 trains were ...')
        text = re.sub(r"^[,;:\s]+", "", text)
        text = text[:1].upper() + text[1:]
    return text or None


def _whole_measure(phrase):
    """The phrase to drop for a figure, grown to the measure it is part of: 'a 4.6-magnitude quake' loses
    '4.6-magnitude', 'with a preliminary magnitude of 4.6' goes whole. None when the words around the figure
    would not read without it: a number before a verb is what a verb measures or its subject ('an earthquake
    measuring 4.6 rattled the coast'), whatever the parse says; what a measuring verb counts needs its figure."""
    doc = phrase.doc
    last = max(t.i for t in phrase.subtree)
    if phrase.dep_ == "nummod" and last + 1 < len(doc) and doc[last + 1] != phrase.head \
            and (doc[last + 1].tag_.startswith("VB") or doc[last + 1].tag_ == "MD"):
        return None  # the figure is not what precedes its noun: a verb's object or subject, whatever the parse
    if phrase.dep_ == "nummod" and phrase.head.dep_ == "dobj" and phrase.head.head.lemma_.lower() in MEASURING:
        return None  # 'the march drew 25,000 people': without the figure the verb says nothing
    if phrase.dep_ == "nummod" and phrase.head.dep_ in ("compound", "nmod", "amod") \
            and phrase.head.head.pos_ in ("NOUN", "PROPN"):
        return phrase.head  # '4.6-magnitude' of 'a 4.6-magnitude earthquake'
    noun = phrase.head
    if phrase.dep_ == "prep" and phrase.lower_ == "of" and noun.pos_ == "NOUN" and noun.dep_ == "pobj" \
            and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX", "NOUN", "PROPN"):
        return noun.head  # 'with a preliminary magnitude of 4.6': the measure says nothing without its figure
    return phrase


def _space_after(token, kept: list, k: int) -> str:
    """The space after a kept token: its own, or one where a dropped phrase took the space ('official, who
    asked ..., said' -> 'official said')."""
    following = kept[k + 1] if k + 1 < len(kept) else None
    if token.whitespace_ or following is None or following.i == token.i + 1 or following.is_punct:
        return token.whitespace_
    return " "


def _article_before(token, following) -> str:
    """'a' / 'an' as the word now after it needs, once a figure between them is gone ('a 4.6 earthquake')."""
    if token.lower_ not in ("a", "an") or following is None or following.i == token.i + 1:
        return token.text
    form = "an" if following.text[:1].lower() in "aeio" else "a"
    return form.capitalize() if token.text[:1].isupper() else form


COMPLEMENTS = {"dobj", "dative", "attr", "acomp", "oprd", "prep", "agent", "xcomp", "ccomp", "prt"}  # not adjuncts


def _main_verbs(doc) -> list:
    """The verbs of a sentence's main clause: its root, what a reporting root reports ('police said [thieves
    raided ...]'), and a verb a copula carries ('was linked')."""
    main = [t for t in doc if t.dep_ == "ROOT"]
    main += [c for v in main if v.lemma_.lower() in REPORTING for c in v.children if c.dep_ == "ccomp"]
    main += [c for v in main for c in v.children if c.dep_ in ("acomp", "xcomp") and c.pos_ == "VERB"]
    return main


def _bare(verb, drop: set[int]) -> bool:
    """Is a clause's verb left with nothing but its subject once `drop` is taken out?"""
    if verb.i in drop or verb.pos_ not in ("VERB", "AUX"):
        return False
    had = [c for c in verb.children if c.dep_ in COMPLEMENTS]
    return bool(had) and all(c.i in drop for c in had)


def _candidates(cluster: ParsedCluster, disputed: dict[str, list[tuple]],
                figures: set[tuple] = frozenset(),
                borne: dict[str, dict[str, str]] | None = None) -> list[_Candidate]:
    """Each sentence the summary may use, with the outlets that say the same. A sentence taking a side in a
    dispute is offered without the phrases that do (see `undisputed`). `borne`: by sentence, its figures and
    dates another independent outlet gives alike (see `_borne_out`): each its text still gives ranks it as one
    more outlet saying it would."""
    out = []
    for ps in cluster.sentences:
        if ps.article_id != ps.root_id or not self_contained(ps, loaded=True):
            continue
        loaded = unloaded(ps) if loaded_spans(ps.text) else set()
        if loaded is None:
            continue  # a loaded word that cannot go without the sentence
        spans = list(disputed.get(ps.id, ()))
        spans += [(f.start, f.end) for f in find_figures(ps.text) if not f.score and (f.value, f.measure) in figures]
        text = _text(ps)
        asides = source_asides(ps)
        if asides and not (spans or loaded):
            text = undisputed(ps, [], asides) or text  # an aside that cannot go cleanly stays
        elif spans or loaded:
            text = undisputed(ps, spans, loaded | asides)
            if text is None or len(text.split()) < TRIMMED_MIN_WORDS or text == _text(ps) or _LEANS.match(text) \
                    or support_problems(text, ps.text, anchor=ps.anchor, cited_anchor=ps.anchor):
                continue  # too little left, or what is left reads a figure the sentence does not give ('AK 47')
        cand = _Candidate(ps, _supporters(ps, cluster, set(disputed), text), text=text)
        deixis = 0.3 if _RELATIVE_DAY.search(ps.text) and ps.anchor is None else 0.0
        deixis += ANAPHORIC if _bare_definite_subject(ps) else 0.0
        cand.score = len(cand.support) + LEAD_WEIGHT * (1 - ps.position) ** 2 - deixis
        cand.borne = frozenset(group for value, group in (borne or {}).get(ps.id, {}).items() if value in text)
        cand.score += BORNE_WEIGHT * min(len(cand.borne), MAX_BORNE)
        out.append(cand)
    return out


class _Meaning:
    """Sentence vectors from the sentence encoder (MiniLM), computed once per sentence and only when asked."""

    def __init__(self, cluster: ParsedCluster) -> None:
        self.cluster = cluster
        self.vectors: dict[str, object] = {}

    def similarity(self, a: str, b: str) -> float:
        missing = [sid for sid in dict.fromkeys((a, b)) if sid not in self.vectors]
        if missing:
            self.vectors.update(zip(missing, embed([_text(self.cluster.by_id[sid]) for sid in missing], short=True)))
        return float(self.vectors[a] @ self.vectors[b])

    def alike(self, a: str, b: str) -> bool:
        return self.similarity(a, b) >= SAME_MEANING


def _told_already(meaning: _Meaning, cand: _Candidate, chosen: _Candidate) -> bool:
    """Does a chosen sentence already tell what a candidate tells: alike in meaning, and the candidate giving no
    figure, date or name the chosen one lacks ('Four men rammed their car into the store on Monday' after
    'Four men rammed their car into an upmarket jewellery store in central Paris on Monday')? A retelling that
    adds 'for a three-month stay' adds something."""
    if meaning.cluster.similarity(cand.sentence.id, chosen.sentence.id) < SAME_STATEMENT \
            or meaning.similarity(cand.sentence.id, chosen.sentence.id) < TOLD_ALREADY:
        return False  # the fast vectors first: the encoder reads only sentences that may say the same
    problems = support_problems(cand.text, chosen.text, anchor=cand.sentence.anchor,
                                cited_anchor=chosen.sentence.anchor)
    return not any(p.startswith(("figure", "date", "name")) for p in problems)


def _retold(meaning: _Meaning, cand: _Candidate, chosen: list[_Candidate]) -> bool:
    """Does a candidate tell again the facts chosen sentences gave ('Three people, one of them a pregnant woman,
    were killed when protesters threw petrol bombs at a bank' after 'Three people have died after rioters set
    fire to a bank')? Every figure and date of it that outlets give alike is in the summary already, and it
    reads alike (MiniLM) a chosen sentence giving one of them."""
    if not cand.borne or not cand.borne <= frozenset().union(*(c.borne for c in chosen)):
        return False
    return any(cand.borne & c.borne and meaning.similarity(cand.sentence.id, c.sentence.id) >= RETOLD
               for c in chosen)


def _confirm_support(meaning: _Meaning, cand: _Candidate) -> bool:
    """Read a candidate and its supporters again with the sentence encoder, which tells 'a disagreement on how
    many prisoners Israel would release' from 'Israel has proposed a cease-fire in which hostages would be
    freed' where the fast static vectors cannot; a supporter that does not say the same thing is dropped.
    True when the support shrank (the candidate's rank must be taken again)."""
    kept = {root: sid for root, sid in cand.support.items() if meaning.alike(cand.sentence.id, sid)}
    shrank = len(kept) < len(cand.support)
    cand.score -= len(cand.support) - len(kept)
    cand.support, cand.confirmed = kept, True
    return shrank


def _between_outlets(cluster: ParsedCluster, c: Contradiction) -> bool:
    """Do independent outlets disagree? False where only copies depart from what every independent outlet says
    (a rewrite turning 'threatened to expand' into 'escalated')."""
    root_of = {ps.article_id: ps.root_id for ps in cluster.sentences}
    return len({s.version for s in c.sides if root_of.get(s.article_id, s.article_id) == s.article_id}) > 1


def _value_span(ps: ParsedSentence | None, side) -> tuple[int, int]:
    """Where a side's value stands in its sentence (the whole sentence when that cannot be told)."""
    if ps is not None and side.value_start is not None and side.value_end is not None:
        start, end = side.value_start - ps.start, side.value_end - ps.start
        if ps.text[start:end] == side.value:
            return start, end
    if ps is not None and side.value in ps.text:
        start = ps.text.index(side.value)
        return start, start + len(side.value)
    return 0, 10**9


def _disputed_sentences(cluster: ParsedCluster, contradictions: list[Contradiction]) -> dict[str, list[tuple]]:
    """The sentences that take a side, with where their disputed values stand (offsets in the sentence): every
    side of a dispute between independent outlets, and the copies' sides of a dispute only copies make. Where
    only a copy departs, the independent outlets' sentences say what they all say and may enter the summary
    whole (the dispute is still stated, and a disputed figure is still left out, see `_candidates`)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for c in contradictions:
        between = _between_outlets(cluster, c)
        for side in c.sides:
            ps = cluster.by_id.get(side.citation.sentence_id)
            if between or ps is None or ps.article_id != ps.root_id:
                shared = frozenset.intersection(*(frozenset(name_tokens(x.value)) for x in c.sides)) \
                    if c.kind == "name" else frozenset()
                out.setdefault(side.citation.sentence_id, []).append((*_value_span(ps, side), shared))
    return out


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def dispute_sentence(c: Contradiction) -> SummarySentence:
    groups: dict[int, list] = {}
    for side in c.sides:
        groups.setdefault(side.version, []).append(side)  # sides of one version agree: stated once
    parts = []
    for sides in groups.values():
        names = list(dict.fromkeys(s.source for s in sides))
        values = " / ".join(f"“{v}”" for v in dict.fromkeys(s.value for s in sides))  # agreeing wordings, each once
        parts.append(f"{_join(names)} {'says' if len(names) == 1 else 'say'} {values}")
    topic = c.topic[0].lower() + c.topic[1:] if c.topic else "a detail"
    return SummarySentence(text=f"Reports differ on {topic}: " + "; ".join(parts) + ".",
                           citations=[s.citation for s in c.sides], kind="dispute")


def _prominence(cluster: ParsedCluster, c: Contradiction) -> tuple:
    """Disputes a reader needs first: those in the outlets' leads, told by more outlets."""
    positions = sorted(cluster.by_id[s.citation.sentence_id].position for s in c.sides
                       if s.citation.sentence_id in cluster.by_id)
    return (round(positions[0], 1) if positions else 1.0, -len({s.article_id for s in c.sides}), c.id)


def _borne_out(judgments: Iterable[Judgment]) -> dict[str, dict[str, str]]:
    """By sentence, its figures and dates (as written) that another independent outlet gives alike ('with more
    than 28,000 people killed' / 'More than 28,000 people in Gaza have been killed', however differently the
    two sentences are worded), each with the one fact all its alike tellings are (one of them stands for it).
    A sentence giving such a fact tells the event's checkable facts, not background."""
    group: dict[str, str] = {}

    def find(fid: str) -> str:
        while group.get(fid, fid) != fid:
            fid = group[fid]
        return fid

    facts = {}
    for j in judgments:
        a, b = j.pair.a, j.pair.b
        if j.verdict == "same" and a.kind in ("number", "date") and a.sentence.root_id != b.sentence.root_id:
            facts.update({a.id: a, b.id: b})
            group[find(a.id)] = find(b.id)
    out: dict[str, dict[str, str]] = {}
    for fid, f in facts.items():
        out.setdefault(f.sentence.id, {})[f.text] = find(fid)
    return out


def summarize(cluster: ParsedCluster, contradictions: list[Contradiction], *, max_words: int = 240,
              max_disputes: int = 3, judgments: Iterable[Judgment] = ()) -> list[SummarySentence]:
    disputes = sorted((c for c in contradictions if not c.within_article and c.severity != "low"),
                      key=lambda c: _prominence(cluster, c))[:max_disputes]
    disputed = _disputed_sentences(cluster, contradictions)
    statements = [dispute_sentence(c) for c in disputes]
    budget = max_words - sum(len(s.text.split()) for s in statements)
    pool = _candidates(cluster, disputed, _disputed_figures([c for c in contradictions if not c.within_article]),
                       _borne_out(judgments))
    chosen: list[_Candidate] = []
    words = 0
    meaning = _Meaning(cluster)
    while pool:
        taken = {}
        for c in chosen:
            taken[c.sentence.root_id] = taken.get(c.sentence.root_id, 0) + 1
        cand = max(pool, key=lambda c: (c.score - SAME_SOURCE_PENALTY * taken.get(c.sentence.root_id, 0), c.sentence.id))
        length = len(cand.text.split())
        if words + length > budget:
            pool.remove(cand)
            continue
        if not cand.confirmed and _confirm_support(meaning, cand):
            continue  # ranked again on what its supporters really say
        pool.remove(cand)
        if any(cluster.similarity(cand.sentence.id, c.sentence.id) >= REDUNDANT or _told_already(meaning, cand, c)
               for c in chosen) or _retold(meaning, cand, chosen):
            continue
        if any(c.sentence.id in cand.support.values() or cand.sentence.id in c.support.values() for c in chosen):
            continue
        chosen.append(cand)
        words += length
    chosen.sort(key=lambda c: (c.sentence.position, -len(c.support), c.sentence.id))
    out = []
    for cand in chosen:
        article = cluster.article[cand.sentence.article_id]
        citations = [cite(article, cand.sentence.id)]
        citations += [cite(cluster.article[cluster.by_id[sid].article_id], sid) for sid in cand.support.values()]
        out.append(SummarySentence(text=cand.text, citations=citations))
    return out + statements


def single_source_claims(cluster: ParsedCluster, index: FactIndex, summary: list[SummarySentence],
                         judgments: Iterable[Judgment] = ()) -> list[SingleSourceClaim]:
    """Checkable statements (a figure, a date, a name, a quotation) that no other independent outlet carries.
    A sentence each of whose checkable facts another outlet states alike (`judgments` judged 'same') is
    carried, however differently it is worded."""
    carried = {f.id for j in judgments if j.verdict == "same" and j.pair.a.sentence.root_id != j.pair.b.sentence.root_id
               for f in (j.pair.a, j.pair.b)}
    own: dict[str, list[str]] = {}
    for f in index.facts:
        if f.kind in ("number", "date", "name", "attribution") and f.role != "stance":  # 'police said' is no claim
            own.setdefault(f.sentence_id, []).append(f.id)
    # a dispute sentence cites each side: a side is not corroborated by the others, and may hold more (it
    # takes one of its article's places only after the sentences in no dispute)
    corroborated = {c.sentence_id for s in summary if s.kind == "statement" and len(s.citations) > 1
                    for c in s.citations}
    disputed = {c.sentence_id for s in summary if s.kind == "dispute" for c in s.citations}
    per_article: dict[str, int] = {}
    out = []
    # an article's sentences with most checkable facts no other outlet carries first, in reading order
    def uncarried(ps: ParsedSentence) -> int:
        return sum(fid not in carried for fid in own.get(ps.id, ()))

    for ps in sorted(cluster.sentences, key=lambda ps: (ps.id in disputed, -min(uncarried(ps), 2))):
        if ps.id in corroborated or ps.id not in own or len(ps.text.split()) < 6:
            continue
        if all(fid in carried for fid in own[ps.id]):
            continue
        if ps.article_id != ps.root_id:
            continue  # a copy's statements are reported once, under the original
        sims = cluster.similar_to(ps.id)
        told_elsewhere = any(
            sims[i] >= SAME_STATEMENT and cluster.sentences[i].root_id != ps.root_id
            and not support_problems(cluster.sentences[i].text, ps.text)
            for i in sims.argsort()[::-1][:8])
        if told_elsewhere or per_article.get(ps.article_id, 0) >= MAX_SINGLE_PER_ARTICLE:
            continue
        per_article[ps.article_id] = per_article.get(ps.article_id, 0) + 1
        article = cluster.article[ps.article_id]
        out.append(SingleSourceClaim(article_id=article.id, text=ps.text, citation=cite(article, ps.id)))
    order = {ps.id: n for n, ps in enumerate(cluster.sentences)}
    return sorted(out, key=lambda c: order[c.citation.sentence_id])


def loaded_language(cluster: ParsedCluster) -> list[LoadedTerm]:
    out = []
    for ps in cluster.sentences:
        article = cluster.article[ps.article_id]
        for start, end, group in loaded_spans(ps.text):
            citation = cite(article, ps.id).model_copy(
                update={"start": ps.start + start, "end": ps.start + end, "quote": ps.text[start:end]})
            out.append(LoadedTerm(article_id=article.id, term=ps.text[start:end], citation=citation,
                                  note=f"{group} term in the outlet's own voice"))
    return out
