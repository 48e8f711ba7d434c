"""Settings: the only reader of the environment (and of `.env`)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

EngineName = Literal["auto", "local", "llm"]

# Values that people leave in .env files by copying .env.example; never treated as a real key.
PLACEHOLDER_KEYS = {"", "sk-...", "sk-your-key-here", "changeme", "your-api-key", "<your-key>"}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Model endpoint (any OpenAI-compatible server).
    openai_api_key: str = Field(default="", alias="OPENAI_API_KEY")
    openai_base_url: str = Field(default="", alias="OPENAI_BASE_URL")
    model: str = Field(default="gpt-4o-mini", alias="FACTCHECK_MODEL")
    instructor_mode: Literal["TOOLS", "JSON", "MD_JSON"] = Field(default="TOOLS", alias="FACTCHECK_INSTRUCTOR_MODE")
    # judge: code builds the fact graph and proposes pairs, the model judges them and writes the summary
    # (small and local models are useful, large ones cheap); open: the model reads whole articles (strong models).
    llm_mode: Literal["judge", "open"] = Field(default="judge", alias="FACTCHECK_LLM_MODE")
    judge_max_pairs: int = Field(default=80, alias="FACTCHECK_JUDGE_MAX_PAIRS")
    # explain: the model explains the contradictions the checks find and decides only the pairs the checks
    # cannot (it cannot drop what they find: small local models); full: the model decides for every proposed
    # pair whether the two statements are about one thing, the checks overrule values only (strong models).
    judge_authority: Literal["explain", "full"] = Field(default="explain", alias="FACTCHECK_JUDGE_AUTHORITY")
    temperature: float = Field(default=0.0, alias="FACTCHECK_TEMPERATURE")
    max_output_tokens: int = Field(default=4096, alias="FACTCHECK_MAX_OUTPUT_TOKENS")
    request_timeout: float = Field(default=120.0, alias="FACTCHECK_REQUEST_TIMEOUT")
    transport_retries: int = Field(default=4, alias="FACTCHECK_TRANSPORT_RETRIES")
    validation_retries: int = Field(default=2, alias="FACTCHECK_VALIDATION_RETRIES")
    llm_concurrency: int = Field(default=4, alias="FACTCHECK_LLM_CONCURRENCY")
    # Clusters whose numbered sentences fit this many tokens go to the model in one call; larger ones are
    # staged (one extraction call per article, then comparison and summary).
    single_call_max_tokens: int = Field(default=12_000, alias="FACTCHECK_SINGLE_CALL_MAX_TOKENS")
    price_per_mtok_prompt: float | None = Field(default=None, alias="FACTCHECK_PRICE_PER_MTOK_PROMPT")
    price_per_mtok_completion: float | None = Field(default=None, alias="FACTCHECK_PRICE_PER_MTOK_COMPLETION")

    engine: EngineName = Field(default="auto", alias="FACTCHECK_ENGINE")
    cache_dir: Path = Field(default=Path(".cache/factcheck"), alias="FACTCHECK_CACHE_DIR")
    cache_enabled: bool = Field(default=True, alias="FACTCHECK_CACHE")

    # Input limits.
    max_articles: int = Field(default=50, alias="FACTCHECK_MAX_ARTICLES")
    max_article_chars: int = Field(default=200_000, alias="FACTCHECK_MAX_ARTICLE_CHARS")
    max_cluster_chars: int = Field(default=2_000_000, alias="FACTCHECK_MAX_CLUSTER_CHARS")

    # Output caps: a report keeps at most this many items (the most severe contradictions first).
    max_contradictions: int = Field(default=200, ge=1, alias="FACTCHECK_MAX_CONTRADICTIONS")
    max_contradictions_per_kind: int = Field(default=100, ge=1, alias="FACTCHECK_MAX_CONTRADICTIONS_PER_KIND")
    max_single_source_claims: int = Field(default=500, ge=1, alias="FACTCHECK_MAX_SINGLE_SOURCE_CLAIMS")
    max_loaded_terms: int = Field(default=500, ge=1, alias="FACTCHECK_MAX_LOADED_TERMS")

    # Service.
    api_keys: str = Field(default="", alias="FACTCHECK_API_KEYS", description="Comma-separated bearer keys.")
    data_dir: Path = Field(default=Path(".cache/factcheck-service"), alias="FACTCHECK_DATA_DIR")
    max_body_bytes: int = Field(default=12_000_000, alias="FACTCHECK_MAX_BODY_BYTES")
    jobs_per_key: int = Field(default=4, alias="FACTCHECK_JOBS_PER_KEY")
    rate_limit_per_minute: int = Field(default=120, alias="FACTCHECK_RATE_LIMIT_PER_MINUTE")
    job_workers: int = Field(default=2, alias="FACTCHECK_JOB_WORKERS")
    job_timeout: float = Field(default=600.0, alias="FACTCHECK_JOB_TIMEOUT", description="Seconds per job.")
    # A synchronous analysis (POST /v1/analyze, /v1/report.html) ends within this many seconds, waiting for a
    # free slot included; at most `analyze_concurrency` run at once (one stopping after its timeout included).
    analyze_timeout: float = Field(default=30.0, gt=0, alias="FACTCHECK_ANALYZE_TIMEOUT")
    analyze_concurrency: int = Field(default=4, ge=1, alias="FACTCHECK_ANALYZE_CONCURRENCY")

    @property
    def llm_configured(self) -> bool:
        """True when a model endpoint is usable: a base URL, or a real-looking API key."""
        return bool(self.openai_base_url) or self.openai_api_key.strip() not in PLACEHOLDER_KEYS

    @property
    def api_key_list(self) -> list[str]:
        return [k.strip() for k in self.api_keys.split(",") if k.strip()]


@lru_cache
def get_settings() -> Settings:
    return Settings()
