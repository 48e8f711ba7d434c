"""Files in: uploaded article files read as `factcheck analyze` reads them, into the body /v1/analyze takes."""

from __future__ import annotations

from typing import Annotated

import anyio
from fastapi import APIRouter, File, UploadFile
from pydantic import BaseModel, Field

from factcheck.api.deps import SettingsDep
from factcheck.api.errors import error_responses
from factcheck.errors import TooLargeError
from factcheck.ingest import load_uploads
from factcheck.types import ArticleIn

router = APIRouter(prefix="/v1", tags=["analyze"])
FILES_HELP = ("Article files: .txt (optional source:/url:/title:/published: header lines), .html (the main text "
              "is extracted), .json (one article, a list, or {\"articles\": [...]}). A file named sources.yaml "
              "among them names the others' outlets: {article_id: {source, url, title, published}}.")


class ArticlesRead(BaseModel):
    articles: list[ArticleIn] = Field(description="The files' articles, in upload order: the `articles` of a "
                                      "POST /v1/analyze, /v1/jobs or /v1/report.html body.")


@router.post("/ingest", response_model=ArticlesRead, responses=error_responses(400, 422))
async def ingest_files(files: Annotated[list[UploadFile], File(description=FILES_HELP)],
                       settings: SettingsDep) -> ArticlesRead:
    """Read uploaded article files as `factcheck analyze` does: ids from the file names, outlet names inferred
    from what each article carries (`source_origin` says from where), HTML reduced to its text."""
    uploads = [(upload.filename or "upload.txt", await upload.read()) for upload in files]
    articles = await anyio.to_thread.run_sync(load_uploads, uploads)  # HTML extraction is slow: off the loop
    if len(articles) > settings.max_articles:
        raise TooLargeError(f"The files hold {len(articles)} articles; a cluster may hold at most "
                            f"{settings.max_articles}. Upload fewer.",
                            details={"problem": "too_many_articles", "count": len(articles),
                                     "limit": settings.max_articles})
    return ArticlesRead(articles=articles)
