"""The only package that imports openai, instructor and tenacity."""

from factcheck.llm.client import CallResult, CallUsage, LLMClient

__all__ = ["CallResult", "CallUsage", "LLMClient"]
