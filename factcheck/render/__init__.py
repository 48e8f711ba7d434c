"""Reports for people: Markdown (and HTML)."""

from factcheck.render.markdown import to_markdown

__all__ = ["to_markdown"]
