from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import Settings
from factcheck.ingest import apply_metadata, load_paths

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
ECBPLUS = SHARED / "corpora" / "ecbplus"


@pytest.fixture
def settings(tmp_path) -> Settings:
    """Local-only settings: no key, no base URL, cache in a temp dir."""
    return Settings(OPENAI_API_KEY="", OPENAI_BASE_URL="", FACTCHECK_CACHE_DIR=tmp_path / "cache",
                    FACTCHECK_DATA_DIR=tmp_path / "data", _env_file=None)


@pytest.fixture(scope="session")
def seed_articles():
    import yaml

    meta = yaml.safe_load((ROOT / "evals" / "cases" / "seeds.yaml").read_text())["articles"]
    return apply_metadata(load_paths([SEEDS]), meta)


def ecbplus_topic(topic: str) -> list[Path]:
    folder = ECBPLUS / topic
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (../shared is not beside this checkout)")
    return sorted(folder.glob("*ecbplus.txt"))


@pytest.fixture
def server():
    """A scripted fake OpenAI-compatible server on loopback."""
    from factcheck.llm.fake_server import FakeOpenAIServer

    with FakeOpenAIServer() as fake:
        yield fake
