"""Text inside an article that addresses an AI model ("ignore previous instructions ..."). Such text is
data: it is never followed, never carried into a summary, and the report warns about it."""

from __future__ import annotations

import re

from factcheck.types import Article

_INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget) (?:all |any )?(?:the )?(?:previous|prior|above|earlier) (?:instructions|prompts?|rules)"
    r"|\bsystem prompt\b|\byou are (?:now )?(?:an? )?(?:ai|assistant|language model|chatgpt)\b"
    r"|\bas an ai\b|\b(?:new|updated) instructions?:|\bsystem (?:notice|message|override)\b",
    re.I,
)


def looks_like_instruction(text: str) -> bool:
    return bool(_INSTRUCTION.search(text))


def instruction_warnings(articles: list[Article]) -> list[str]:
    """One warning per sentence that addresses a model; the text stays in the article as data."""
    warnings = []
    for article in articles:
        for s in article.sentences:
            if looks_like_instruction(article.sentence_text(s)):
                warnings.append(f"Article '{article.id}' sentence {s.id} contains text addressed to an AI model; "
                                "it was treated as article text and not followed.")
    return warnings
