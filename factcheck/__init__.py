"""factcheck: what happened, per several outlets, with every sentence tied to its source spans."""

from factcheck.errors import FactcheckError, InputError, LLMError
from factcheck.pipeline import analyze, prepare
from factcheck.types import ArticleIn, Report

__all__ = ["analyze", "prepare", "ArticleIn", "Report", "FactcheckError", "InputError", "LLMError"]
__version__ = "0.1.0"
