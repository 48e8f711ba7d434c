"""Engine `llm`: structured-output prompts over numbered sentences; every citation verified in code.

Judge mode (default): code builds the fact graph and proposes pairs of statements about the same thing;
the model judges them in batches (`judge_pairs`: the same thing or not, compatible or contradicting, kind,
explanation, likely reason; it may add disagreements code missed), code overrules what the checks are
certain of. The summary is the code's (statements several outlets share, then each dispute with every
outlet's version); the model rewords its statements (`reword_summary`), and a rewording replaces a
statement only if each sentence the statement cites carries it. At most articles + 3 calls.

Open mode: the model sees each article once, as `[<article>:s<n>] sentence` lines (a copy shows only the
sentences that differ from its original) and cites sentence ids plus short quotes, never offsets. Small
clusters go in one call (`analyze_cluster`); larger ones are staged: `extract_claims` per article in
parallel, then `compare_claims` and `write_summary` (articles + 2 calls).
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

from pydantic import BaseModel, ValidationError

from factcheck.checks import support_problems
from factcheck.config import Settings
from factcheck.engines.base import Findings, Progress, no_progress
from factcheck.errors import CitationError, LLMError
from factcheck.graph import CodeJudge, build_contradictions, build_graph, check_pair, loaded_language, summarize
from factcheck.graph.align import Pair
from factcheck.graph.judge import Judgment
from factcheck.graph.summary import loaded_spans
from factcheck.injection import looks_like_instruction
from factcheck.llm import CallResult, CallUsage, LLMClient
from factcheck.llm.schemas import (
    ArticleClaims, ClusterAnalysis, Comparison, ContradictionItem, Judgments, LoadedItem, PairJudgment, Rewording,
    SentenceClaim, Summary, SummaryItem, sentence_article,
)
from factcheck.prompts import load_prompt, render
from factcheck.timeref import parse_anchor
from factcheck.types import (
    Article, Citation, Contradiction, ContradictionSide, EngineInfo, LoadedTerm, SingleSourceClaim,
    SummarySentence, Usage,
)
from factcheck.verify import AGREEMENT, cite, normalize_for_match


def render_articles(articles: list[Article], *, originals: dict[str, Article] | None = None) -> str:
    """Articles as numbered sentences; a copy lists only the sentences its original does not have."""
    by_id = {**(originals or {}), **{a.id: a for a in articles}}
    blocks = []
    for a in articles:
        head = f"ARTICLE {a.id} | outlet: {a.source}" + (f" | published: {a.published}" if a.published else "")
        sentences = a.sentences
        if a.copy_of:
            original = {normalize_for_match(by_id[a.copy_of].sentence_text(s)) for s in by_id[a.copy_of].sentences}
            sentences = [s for s in a.sentences if normalize_for_match(a.sentence_text(s)) not in original]
            head += (f" | {a.copy_kind or 'copy'} of {a.copy_of}: not independent; "
                     f"{len(a.sentences) - len(sentences)} sentences identical to it omitted")
        lines = [f"[{s.id}] {' '.join(a.sentence_text(s).split())}" for s in sentences]
        blocks.append("\n".join([head, *lines]))
    return "\n\n".join(blocks)


def item_problems(item: BaseModel, result: CallResult, sentences: dict[str, str]) -> list[str]:
    """When the answer as a whole failed validation, check this item alone: one bad item does not make
    its correct neighbours unverified."""
    if result.verified:
        return []
    try:
        type(item).model_validate(item.model_dump(), context={"sentences": sentences, "strict": True})
    except ValidationError as exc:
        return [e["msg"].removeprefix("Value error, ") for e in exc.errors()]
    return []


def estimate_tokens(text: str) -> int:
    return len(text) // 4 + 1


class LLMEngine:
    name = "llm"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.client = LLMClient(settings)

    def analyze(self, articles: list[Article], *, progress: Progress = no_progress) -> Findings:
        if self.settings.llm_mode == "judge":
            return self._judge(articles, progress)
        return self._open(articles, progress)

    # ------------------------------------------------------------------ judge mode
    def _judge(self, articles: list[Article], progress: Progress) -> Findings:
        by_id = {a.id: a for a in articles}
        usage, versions, warnings = CallUsage(), {}, []
        graph = build_graph(articles, progress=progress)
        pairs = sorted(graph.pairs, key=lambda p: (-p.score, p.a.id, p.b.id))
        settled: list[Judgment] = []
        if self.settings.judge_authority == "explain":
            # the checks' certain "same" verdicts stand; the model sees what they find and what they cannot tell
            proposed = []
            for judged in map(check_pair, pairs):
                if judged.certain and judged.verdict != "contradiction":
                    settled.append(judged)
                else:
                    proposed.append(judged.pair)
            pairs = proposed
        settled += CodeJudge().judge(pairs[self.settings.judge_max_pairs :])
        pairs = pairs[: self.settings.judge_max_pairs]
        # A cluster that fits one call is judged in one call that shows every sentence (so the model can also add
        # what code missed, and the sentences are sent once); a larger one in batches that show only the
        # sentences of their pairs (a small model's time is its prompt).
        whole = sum(estimate_tokens(s.text) for s in graph.cluster.sentences) <= self.settings.single_call_max_tokens
        batches = [pairs] if whole and pairs else judge_batches(pairs, max_calls=len(articles) + 2)
        total = len(batches) + 2
        progress("llm: fact graph", 1, total)
        judgments: list[Judgment] = list(settled)
        added: list[tuple[ContradictionItem, CallResult]] = []
        failures: list[LLMError] = []
        for n, batch in enumerate(batches, 1):
            judged, extra = self._judge_batch(graph, batch, usage, versions, warnings, failures,
                                              show_all=whole and n == 1)
            judgments += judged
            added += extra
            progress("llm: judge_pairs", n + 1, total)
        if batches and len(failures) == len(batches):
            raise failures[0]  # the model answered nothing: a report without it would pass for a judged one
        model = self.settings.model
        contradictions = build_contradictions(judgments, graph.cluster, judge=f"model {model}, checked by code")
        sentences = {s.id: s.text for s in graph.cluster.sentences}
        for item, result in added:
            contradictions += self._contradictions([item], by_id, result, sentences, warnings)
        contradictions = [c.model_copy(update={"id": f"c{i}"}) for i, c in enumerate(contradictions, 1)]
        statements = summarize(graph.cluster, contradictions, judgments=judgments)
        summary = self._judge_summary(statements, by_id, usage, versions, warnings)
        progress("llm: reword_summary", total, total)
        from factcheck.graph import single_source_claims

        return Findings(
            summary=summary, contradictions=contradictions,
            single_source_claims=single_source_claims(graph.cluster, graph.facts, statements, judgments),
            loaded_language=loaded_language(graph.cluster),
            engine=EngineInfo(name=self.name, model=model, mode="judge", prompt_versions=versions,
                              judge_authority=self.settings.judge_authority),
            usage=self._usage(usage), warnings=warnings)

    def _judge_batch(self, graph, batch: list[Pair], usage: CallUsage, versions: dict[str, str],
                     warnings: list[str], failures: list[LLMError], *, show_all: bool):
        """One judge_pairs call; a failed call leaves this batch to the code judge and the others standing."""
        shown = graph.cluster.sentences if show_all else [
            s for s in graph.cluster.sentences if s.id in {f.sentence_id for p in batch for f in (p.a, p.b)}]
        sentences = {s.id: s.text for s in shown}
        listing = "\n".join(f"[{s.id}] {' '.join(s.text.split())}" for s in shown)
        try:
            result = self._call("judge_pairs", Judgments, sentences, usage, versions, context={"pairs": len(batch)},
                                listing=listing, pairs=render_pairs(batch))
        except LLMError as exc:
            failures.append(exc)
            warnings.append(f"{len(batch)} proposed pairs were judged by code only: the model failed ({exc.message})")
            return CodeJudge().judge(batch), []
        if not result.verified:
            warnings.append(f"judge_pairs answer unverified: {'; '.join(result.problems)}")
        answers = {j.pair: j for j in result.output.judgments}
        judged = [merge_judgment(p, check_pair(p), answers.get(n), authority=self.settings.judge_authority)
                  for n, p in enumerate(batch, 1)]
        return judged, [(item, result) for item in result.output.added]

    def _judge_summary(self, statements: list[SummarySentence], by_id: dict[str, Article], usage: CallUsage,
                       versions: dict[str, str], warnings: list[str]) -> list[SummarySentence]:
        """The code's summary, each statement reworded by the model (`reword_summary`). A rewording stands only
        if every sentence its statement cites carries it (`reword_problems`); otherwise, and when the call
        fails, the code's wording stands. Dispute sentences are the code's own, with every outlet's version."""
        wordable = [(n, s) for n, s in enumerate(statements) if s.kind == "statement" and s.citations]
        if not wordable:
            return statements
        texts = {c.sentence_id: c.quote for _, s in wordable for c in s.citations}
        listing = "\n".join(
            f"{k}. Sources: " + " / ".join(f"[{c.sentence_id}] \u201c{' '.join(c.quote.split())}\u201d"
                                          for c in s.citations)
            for k, (_, s) in enumerate(wordable, 1))
        try:
            result = self._call("reword_summary", Rewording, texts, usage, versions, statements=listing)
        except LLMError as exc:
            warnings.append(f"the summary keeps the sources' wording: the model failed to reword it ({exc.message})")
            return statements
        answers = {r.number: r.text for r in result.output.sentences}
        out, kept = list(statements), []
        for k, (n, statement) in enumerate(wordable, 1):
            problems = reword_problems(answers.get(k), statement, by_id)
            if problems:
                kept.append(f"{k}: {problems[0]}")
            else:
                out[n] = statement.model_copy(update={"text": " ".join(answers[k].split())})
        if kept:
            warnings.append(f"{len(kept)} of {len(wordable)} summary sentences keep the source's wording, the "
                            f"model's did not hold ({'; '.join(kept[:3])}{'; ...' if len(kept) > 3 else ''})")
        return out

    def _usage(self, usage: CallUsage) -> Usage:
        return Usage(llm_calls=usage.calls, prompt_tokens=usage.prompt_tokens, completion_tokens=usage.completion_tokens,
                     cache_hits=usage.cache_hits, reasks=usage.reasks, estimated_cost_usd=self.client.cost(usage))

    # ------------------------------------------------------------------ open mode
    def _open(self, articles: list[Article], progress: Progress) -> Findings:
        by_id = {a.id: a for a in articles}
        sentences = {s.id: a.sentence_text(s) for a in articles for s in a.sentences}
        shown = render_articles(articles)
        usage = CallUsage()
        versions: dict[str, str] = {}
        warnings: list[str] = []
        if estimate_tokens(shown) <= self.settings.single_call_max_tokens:
            progress("llm: analyze_cluster", 0, 1)
            result = self._call("analyze_cluster", ClusterAnalysis, sentences, usage, versions, articles=shown)
            progress("llm: analyze_cluster", 1, 1)
            out: ClusterAnalysis = result.output
            summary_items, contradiction_items = out.summary, out.contradictions
            single, loaded = out.single_source_claims, out.loaded_language
            flags = {"summary": result, "contradictions": result}
        else:
            summary_items, contradiction_items, single, loaded, flags = self._staged(
                articles, sentences, usage, versions, warnings, progress)
        return Findings(
            summary=[self._summary(i, by_id, item_problems(i, flags["summary"], sentences)) for i in summary_items],
            contradictions=self._contradictions(contradiction_items, by_id, flags["contradictions"], sentences,
                                                warnings),
            single_source_claims=self._single(single, by_id, warnings),
            loaded_language=self._loaded(loaded, by_id, warnings),
            engine=EngineInfo(name=self.name, model=self.settings.model, mode="open", prompt_versions=versions),
            usage=self._usage(usage),
            warnings=warnings,
        )

    # ------------------------------------------------------------------ calls
    def _call(self, name: str, model, sentences, usage: CallUsage, versions: dict[str, str], *,
              context: dict | None = None, **variables) -> CallResult:
        prompt = load_prompt(name)
        versions[name] = prompt.version
        example = next(iter(sentences), "article:s1")
        try:
            result = self.client.structured(render(prompt, example_id=example, **variables), model,
                                            sentences=sentences, context=context)
        except LLMError as exc:
            usage.add(getattr(exc, "usage", None) or CallUsage(calls=1))  # a failed call is a call spent
            raise
        usage.add(result.usage)
        return result

    def _staged(self, articles, sentences, usage, versions, warnings, progress):
        total = len(articles) + 2
        claims_lines, loaded = self._extract_all(articles, usage, versions, warnings, progress, total)
        claims = "\n".join(claims_lines)
        comparison = self._call("compare_claims", Comparison, sentences, usage, versions, claims=claims)
        progress("llm: compare_claims", total - 1, total)
        disagreements = "\n".join(
            f"- {c.topic}: " + "; ".join(f"[{s.sentence_id}] {s.value}" for s in c.sides)
            for c in comparison.output.contradictions) or "(none)"
        summary = self._call("write_summary", Summary, sentences, usage, versions, consensus=claims,
                             disputes=disagreements)
        progress("llm: write_summary", total, total)
        flags = {"summary": summary, "contradictions": comparison}
        return (summary.output.summary, comparison.output.contradictions, comparison.output.single_source_claims,
                loaded, flags)

    def _extract_all(self, articles, usage, versions, warnings, progress, total):
        """extract_claims for every article in parallel; one article's failure is reported, not fatal."""
        by_id = {a.id: a for a in articles}

        def extract(article: Article) -> tuple[Article, CallResult | LLMError]:
            own = {s.id: article.sentence_text(s) for s in article.sentences}
            try:
                return article, self._call("extract_claims", ArticleClaims, own, CallUsage(), versions,
                                           articles=render_articles([article], originals=by_id))
            except LLMError as exc:
                return article, exc

        claims_lines, loaded, failures = [], [], []
        with ThreadPoolExecutor(max_workers=max(1, self.settings.llm_concurrency)) as pool:
            for done, (article, result) in enumerate(pool.map(extract, articles), 1):
                progress("llm: extract_claims", done, total)
                if isinstance(result, LLMError):
                    usage.add(getattr(result, "usage", None) or CallUsage(calls=1))
                    failures.append(result)
                    warnings.append(f"claims of '{article.id}' could not be extracted, so it is not compared: "
                                    f"{result.message}")
                    continue
                usage.add(result.usage)
                if not result.verified:
                    warnings.append(f"claims of '{article.id}' are unverified: {'; '.join(result.problems)}")
                claims_lines += [f"[{c.sentence_id}] ({article.source}) {c.statement}" + (f" | {c.value}" if c.value else "")
                                 for c in result.output.claims]
                loaded += result.output.loaded_language
        if len(failures) == len(articles):
            raise failures[0]
        return claims_lines, loaded

    # ------------------------------------------------------------------ output -> report records
    @staticmethod
    def _cite(by_id: dict[str, Article], sentence_id: str, quote: str | None) -> tuple[Citation | None, list[str]]:
        article = by_id.get(sentence_article(sentence_id))
        if article is None:
            return None, [f"cites unknown sentence '{sentence_id}'"]
        try:
            return cite(article, sentence_id, quote), []
        except CitationError as exc:
            if quote:
                try:  # the sentence exists but the quote is not in it: cite the sentence, flag the quote
                    return cite(article, sentence_id), [f"quote {quote[:60]!r} not found in {sentence_id}"]
                except CitationError:
                    pass
            return None, [exc.message]

    def _summary(self, item: SummaryItem, by_id, problems: list[str]) -> SummarySentence:
        citations = []
        for ref in item.citations:
            citation, issues = self._cite(by_id, ref.sentence_id, ref.quote)
            problems += issues
            if citation:
                citations.append(citation)
        return SummarySentence(text=item.text, citations=citations, verified=not problems, problems=problems)

    def _contradictions(self, items: list[ContradictionItem], by_id, result: CallResult, sentences,
                        warnings) -> list[Contradiction]:
        out = []
        for n, item in enumerate(items, 1):
            sides, problems = [], item_problems(item, result, sentences)
            versions_seen: dict[str, int] = {}  # sides stating the same normalized value agree
            for side in item.sides:
                citation, issues = self._cite(by_id, side.sentence_id, side.quote)
                problems += issues
                if citation:
                    article = by_id[citation.article_id]
                    version = versions_seen.setdefault(side.normalized.strip().lower(), len(versions_seen))
                    sides.append(ContradictionSide(article_id=article.id, source=article.source, value=side.value,
                                                   normalized=side.normalized, citation=citation, version=version))
            if len(sides) < 2:
                warnings.append(f"contradiction '{item.topic}' could not be tied to two cited sides: {'; '.join(problems)}")
                continue
            out.append(Contradiction(id=f"c{n}", kind=item.kind, topic=item.topic, explanation=item.explanation,
                                     severity=item.severity, likely_reason=item.likely_reason,
                                     within_article=item.within_article, sides=sides,
                                     verified=not problems, problems=problems))
        return out

    def _single(self, items: list[SentenceClaim], by_id, warnings) -> list[SingleSourceClaim]:
        out = []
        for item in items:
            citation, issues = self._cite(by_id, item.sentence_id, None)
            if citation is None:
                warnings.append(f"single-source claim: {'; '.join(issues)}")
                continue
            out.append(SingleSourceClaim(article_id=citation.article_id, text=citation.quote, citation=citation))
        return out

    def _loaded(self, items: list[LoadedItem], by_id, warnings) -> list[LoadedTerm]:
        out = []
        for item in items:
            citation, issues = self._cite(by_id, item.sentence_id, item.term)
            if citation is None or issues:
                warnings.append(f"loaded term {item.term!r}: {'; '.join(issues)}")
                continue
            out.append(LoadedTerm(article_id=citation.article_id, term=citation.quote, citation=citation))
        return out


BATCH_MIN = 8  # pairs per judge call, at least (fewer calls for small clusters)


def judge_batches(pairs: list[Pair], *, max_calls: int) -> list[list[Pair]]:
    """Pairs split into at most `max_calls` batches of similar size (none when there is nothing to judge)."""
    if not pairs:
        return []
    size = max(BATCH_MIN, -(-len(pairs) // max(1, max_calls)))
    return [pairs[i : i + size] for i in range(0, len(pairs), size)]


def render_pairs(batch: list[Pair]) -> str:
    lines = []
    for n, p in enumerate(batch, 1):
        lines.append(f"{n}. [{p.a.sentence_id}] \u201c{p.a.text}\u201d / [{p.b.sentence_id}] \u201c{p.b.text}\u201d "
                     f"({p.a.kind})")
    return "\n".join(lines)


MAX_REWORDED_WORDS = 60
KEPT_WORDS = 0.5  # share of the statement's content words a rewording keeps


def reword_problems(text: str | None, statement: SummarySentence, by_id: dict[str, Article]) -> list[str]:
    """Why a model's rewording of a summary statement cannot replace it: missing, cut off, too long, a loaded
    word in its own voice, an instruction, a claim of agreement; a figure, date or name of the statement (or
    half its words) left out; or a figure, date or name (or too few of its words) that one of the statement's
    citations does not carry (`checks.support_problems`, as the evals score it)."""
    if not text or not text.strip():
        return ["no rewording"]
    if len(text.split()) > MAX_REWORDED_WORDS:
        return [f"longer than {MAX_REWORDED_WORDS} words"]
    if loaded := loaded_spans(text):
        return [f"loaded word '{text[loaded[0][0]:loaded[0][1]]}'"]
    if looks_like_instruction(text) or AGREEMENT.search(text):
        return ["says something about the sources, not the event"]
    if not re.search(r"[.!?][\"\u201d\u2019')]*$", text.strip()):
        return ["not a whole sentence"]
    if dropped := support_problems(statement.text, text, min_shared=KEPT_WORDS):
        return [f"drops what the statement says: {dropped[0]}"]  # a rewording is not a shortening
    problems = []
    for c in statement.citations:
        article = by_id.get(c.article_id)
        anchor = parse_anchor(article.published) if article else None
        problems += [f"{c.sentence_id}: {p}" for p in support_problems(text, c.quote, cited_anchor=anchor)]
    return problems


def merge_judgment(pair: Pair, code: Judgment, answer: PairJudgment | None, *, authority: str = "full") -> Judgment:
    """The model's judgment, overruled where the checks are certain. With `full` authority the model decides
    whether two statements are about the same thing; whether two values can both be true is the checks' when
    they can tell. With `explain` authority a contradiction the checks find stands whatever the model says:
    the model's explanation and likely reason are taken when it agrees."""
    if answer is None:
        return code  # the model skipped this pair: the checks' verdict stands
    if authority == "explain" and code.verdict == "contradiction":
        if answer.same_thing and answer.verdict == "contradicting":
            return Judgment(pair, "contradiction", code.kind, answer.explanation, certain=code.certain,
                            reason=answer.likely_reason, problems=code.problems)
        return code
    if not answer.same_thing:
        return Judgment(pair, "unrelated", code.kind, answer.explanation)
    said = "contradiction" if answer.verdict == "contradicting" else "same"
    kind = answer.kind if code.kind not in ("number", "date") else code.kind
    if code.certain and code.verdict != said:
        if said == "contradiction":
            why = f"overruled: the checks find {code.explanation}"
        else:
            why = f"the model judged these compatible; the checks find: {code.explanation}"
        return Judgment(pair, "contradiction", code.kind, answer.explanation, certain=True, reason=answer.likely_reason,
                        problems=(why,))
    return Judgment(pair, said, kind, answer.explanation, reason=answer.likely_reason)
