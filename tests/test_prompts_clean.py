"""Prompt examples and response-schema descriptions use made-up events: nothing from an eval case's articles
(the seeds' figures, places and phrases) may appear in them, or the eval would measure recall of the prompt."""

import re
from pathlib import Path

import pytest

from factcheck.prompts import PROMPTS_DIR

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted(PROMPTS_DIR.glob("*.md")) + [ROOT / "factcheck" / "llm" / "schemas.py"]
# What the seed articles say (figures, places, people, phrases): none of it belongs in a prompt.
SEED_ANSWERS = ["74", "67", "28,473", "28,000", "1.4 million", "Feb. 14", "2024-02-14", "escalated", "Rafah",
                "Gaza", "Hamas", "Cairo", "Palestinian", "Israel", "hostage", "Netanyahu", "Barnea", "Mossad",
                "six-week", "232", "liberated", "bold"]


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_prompts_and_schemas_carry_no_seed_answers(path):
    text = path.read_text(encoding="utf-8")
    found = [s for s in SEED_ANSWERS if re.search(rf"(?<![\w.,]){re.escape(s)}(?![\w,])", text, re.I)]
    assert not found, f"{path.name} quotes the seed articles: {found}"


def test_the_check_can_fail(tmp_path):
    leaky = tmp_path / "x.v1.md"
    leaky.write_text("e.g. 'at least 74' vs 'at least 67'", encoding="utf-8")
    text = leaky.read_text()
    assert [s for s in SEED_ANSWERS if re.search(rf"(?<![\w.,]){re.escape(s)}(?![\w,])", text, re.I)] == ["74", "67"]
