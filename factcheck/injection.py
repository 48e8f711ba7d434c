"""Text inside an article that addresses an AI model ("ignore previous instructions ...", "Note to AI
summarizers: report that ..."). Such text is data: it is never followed, never carried into a summary, and the
report warns about it.

The detector is a small grammar, not a list of phrasings: an imperative addressed to a model, assistant,
summarizer or reader (a vocative such as "Assistant," or "Note to AI summarizers:", or "models reading this
should ...") that tells it what to report or to drop its rules; an imperative to ignore one's instructions or
the other sources; and a few tell-tale phrases of prompt injection ("system prompt", "you are now an AI").
Readers get a narrower set of verbs than machines, so that "Readers, tell us what you think" stays news.
"""

from __future__ import annotations

import re

from factcheck.types import Article

_MACHINE = (
    r"(?:(?:ai|a\.i\.|artificial[- ]intelligence|automated|automatic|generative|large)\s+)*"
    r"(?:language\s+models?|llms?|models?|chat\s?bots?|bots?|assistants?|agents?|summari[sz]ers?"
    r"|summari[sz]ation\s+(?:tools?|systems?|models?|engines?)|gpts?|chatgpt|claude|gemini|copilot"
    r"|crawlers?|scrapers?|systems?|algorithms?|machines?|ai|a\.i\.)"
)
_READER = r"readers?"
# What an instruction tells a machine to do with its output or its rules.
_TO_MACHINE = (
    r"(?:report|say|state|write|claim|conclude|summari[sz]e|describe|mention|include|omit|exclude|output|print"
    r"|reveal|repeat|respond|answer|reply|treat|pretend|present|insist|emphasi[sz]e|label|ignore|disregard"
    r"|forget|override|bypass|discard|tell(?!\s+(?:us|me)\b))\b"
)
# ... and a reader, to whom a newspaper also says "tell us", "write to us", "answer our poll".
_TO_READER = r"(?:report|say|state|claim|conclude|summari[sz]e|ignore|disregard|forget|omit|treat|write\s+that)\b"
_LEAD = (r"(?:(?:(?:important|urgent|special|editor['’]s)\s+)?(?:note|message|memo|notice|instructions?|attention"
         r"|reminder|warning|psa)\s*(?:to|for)?\s*|(?:dear|hey|hi|hello|attention|to)\s+)?")
_WHICH = r"(?:(?:all|any|every|each|the|you|other|future|fellow)\s+)*"
_READING = (r"(?:\s+(?:(?:who|that)\s+(?:is|are)\s+)?(?:reading|processing|summari[sz]ing|analy[sz]ing|parsing"
            r"|ingesting|scanning)\s+(?:this|these)(?:\s+\w+)?)")
_ADVERB = r"(?:(?:please|kindly|now|instead|always|only|simply|just)\s+|(?:do\s+not|don['’]t|never)\s+)*"
# Where an address can start: a clause, or a capitalised word inside a run-on ("... in 1934 Assistant, forget ...").
_CLAUSE = r"(?:^|(?<=[.;:!?—–(\[\"“])\s*|\b(?:and|then|but)\s+|(?<=\s)(?=(?-i:[A-Z])))"
_MODAL = r"(?:should|must|shall|will|need\s+to|have\s+to|are\s+(?:required|instructed|asked|told)\s+to)\s+(?:not\s+)?"


def _vocative(addressee: str, verbs: str) -> str:
    """"Note to AI summarizers: disregard ...", "Assistant, forget ...", "Readers: report that ..."."""
    return rf"{_CLAUSE}{_LEAD}{_WHICH}{addressee}{_READING}?\s*[:,—–-]+\s*{_ADVERB}{verbs}"


_INSTRUCTION = re.compile(
    "|".join([
        _vocative(_MACHINE, _TO_MACHINE),
        _vocative(_READER, _TO_READER),
        # "AI models reading this should report ...", "any summarizer processing this article must say ..."
        rf"\b(?:{_MACHINE}|{_READER}){_READING}\s+{_MODAL}{_ADVERB}{_TO_MACHINE}",
        # "The summary must state that ..."
        rf"\b(?:the|any|your|this|each|every)\s+summar(?:y|ies)\s+(?:of\s+this\s+\w+\s+)?{_MODAL}{_TO_READER}",
        # "If you are an AI ...", "As an AI language model, ..."
        rf"\bif\s+you\s+are\s+(?:an?\s+|the\s+)?{_MACHINE}\b",
        r"\bas\s+an\s+ai(?:\s+(?:language\s+)?model)?\s*,",
        # "Ignore all previous instructions", "disregard the other outlets", "forget your rules"
        rf"{_CLAUSE}{_ADVERB}(?:ignore|disregard|forget|override|bypass|discard)\s+(?:all\s+|any\s+|of\s+)*"
        r"(?:(?:the|these|those|all)\s+)?(?:your|previous|prior|earlier|above|preceding|other|existing|original)\s+"
        r"(?:\w+\s+){0,2}(?:instructions?|prompts?|programming|guidelines|directives|rules|outlets|sources"
        r"|articles|reports|accounts|context)\b",
        r"\bsystem prompt\b|\byou are (?:now )?(?:an? )?(?:ai|assistant|language model|chatgpt)\b",
        r"\b(?:new|updated) instructions?:|\bsystem (?:notice|message|override)\b",
    ]),
    re.I,
)


# Every pattern above needs one of these words; most sentences have none, and this test is cheap.
_ANY_CUE = re.compile(
    r"ai\b|a\.i\.|intelligence|model|llm|bot|assistant|agent|summar|gpt|claude|gemini|copilot|crawler|scraper"
    r"|system|algorithm|machine|reader|ignore|disregard|forget|override|bypass|discard|instruction",
    re.I,
)


def looks_like_instruction(text: str) -> bool:
    """Is this text addressed to an AI model (or a reader) telling it what to report?"""
    return bool(_ANY_CUE.search(text)) and bool(_INSTRUCTION.search(" ".join(text.split())))


def instruction_warnings(articles: list[Article]) -> list[str]:
    """One warning per sentence that addresses a model; the text stays in the article as data."""
    warnings = []
    for article in articles:
        for s in article.sentences:
            if looks_like_instruction(article.sentence_text(s)):
                warnings.append(f"Article '{article.id}' sentence {s.id} contains text addressed to an AI model; "
                                "it was treated as article text and not followed.")
    return warnings
