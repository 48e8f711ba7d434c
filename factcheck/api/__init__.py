"""REST API. `create_app()` builds the FastAPI app; routes live in `factcheck.api.routes`."""

from factcheck.api.app import create_app

__all__ = ["create_app"]
