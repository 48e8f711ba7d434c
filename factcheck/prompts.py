"""Prompts are files: `prompts/<name>.v<version>.md`, YAML front matter (name, version, purpose) and a
Jinja body whose `<<<system>>>` / `<<<user>>>` markers split it into chat messages.

A behaviour change is a new file with a new version; reports list the versions used.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import yaml

PROMPTS_DIR = Path(__file__).resolve().parents[1] / "prompts"
_MARKER = re.compile(r"^<<<(system|user|assistant)>>>\s*$", re.M)


@dataclass(frozen=True)
class PromptFile:
    name: str
    version: str
    purpose: str
    body: str
    sha: str  # of the whole file: any edit changes cache keys


@dataclass(frozen=True)
class RenderedPrompt:
    name: str
    version: str
    sha: str
    messages: list[dict[str, str]]


@lru_cache(maxsize=None)
def load_prompt(name: str, version: str | None = None, *, folder: Path = PROMPTS_DIR) -> PromptFile:
    """The prompt file `name` at `version` (default: the highest version present)."""
    files = sorted(folder.glob(f"{name}.v*.md"), key=lambda p: int(re.search(r"\.v(\d+)\.md$", p.name).group(1)))
    if version is not None:
        files = [p for p in files if p.name == f"{name}.v{version}.md"]
    if not files:
        raise FileNotFoundError(f"No prompt file {name}.v{version or '*'}.md in {folder}")
    raw = files[-1].read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", raw, re.S)
    if not match:
        raise ValueError(f"{files[-1]}: missing YAML front matter")
    meta = yaml.safe_load(match.group(1))
    for key in ("name", "version", "purpose"):
        if key not in meta:
            raise ValueError(f"{files[-1]}: front matter lacks '{key}'")
    return PromptFile(str(meta["name"]), str(meta["version"]), str(meta["purpose"]), match.group(2),
                      hashlib.sha256(raw.encode()).hexdigest())


_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True,
                          trim_blocks=True, lstrip_blocks=True)


def render(prompt: PromptFile, **variables: Any) -> RenderedPrompt:
    text = _ENV.from_string(prompt.body).render(**variables)
    parts = _MARKER.split(text)
    messages = [{"role": role, "content": content.strip()} for role, content in zip(parts[1::2], parts[2::2])]
    if not messages:
        raise ValueError(f"Prompt {prompt.name} renders no <<<system>>>/<<<user>>> messages")
    return RenderedPrompt(prompt.name, prompt.version, prompt.sha, messages)
