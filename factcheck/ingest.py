"""Articles in: files (text, HTML, JSON) or API records -> validated `ArticleIn` records.

For a text file, `text` is exactly the decoded file content. Header lines (`source:`, `url:`, ...)
and page furniture stay in the text and are marked as excluded spans by `factcheck.boilerplate`,
never deleted, so every offset in a report indexes what the user submitted.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from factcheck.config import Settings
from factcheck.errors import InputError, TooLargeError
from factcheck.outlets import infer_outlet, page_outlet, url_domain
from factcheck.timeref import parse_anchor
from factcheck.types import ArticleIn

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
# Beside article files: `{article_id: {source, url, title, published}}` naming their outlets. Never an article.
METADATA_FILE = "sources.yaml"
METADATA_FIELDS = ("source", "url", "title", "published")
# A text file's leading byte-order mark is kept, as the API keeps one a client sends: offsets count it.
BOM = "\ufeff"

_HEADER_LINE = re.compile(r"[ \t]*(source|url|title|published|date)[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.I)
# A code point in U+D800..U+DFFF on its own is half of a UTF-16 pair: not text, and not encodable as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")
_CHECKED_FIELDS = ("id", "source", "url", "title", "published", "text")
# A publication date anchors date arithmetic (the weekday before it, "Dec. 31" without a year), which must
# not run off the calendar: dates this far from its ends are placeholders (0001-01-01, 9999-12-31), not news.
EARLIEST_PUBLISHED = date(1000, 1, 1)
LATEST_PUBLISHED = date(9000, 12, 31)
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")  # also inside a timestamp: 9999-12-31T23:59Z


def parse_header(text: str) -> tuple[dict[str, str], int]:
    """Leading `key: value` header lines -> (metadata, offset where the body starts). A byte-order mark
    before them belongs to the header."""
    meta: dict[str, str] = {}
    bom = 1 if text.startswith(BOM) else 0
    pos = bom
    for line in text[bom:].splitlines(keepends=True):
        match = _HEADER_LINE.fullmatch(line.rstrip("\n"))
        if not match or match.group(1).lower() in meta:
            break
        key = "published" if match.group(1).lower() == "date" else match.group(1).lower()
        meta.setdefault(key, match.group(2))
        pos += len(line)
    if not meta:
        return meta, 0
    return meta, pos


def shown(text: str) -> str:
    """`text` safe to quote in a message: lone surrogates become visible escapes (\\ud800)."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def usable_anchor(published: str | None) -> date | None:
    """The date `published` names, when it is one dates can be resolved against."""
    anchor = parse_anchor(published)
    return anchor if anchor is not None and EARLIEST_PUBLISHED <= anchor <= LATEST_PUBLISHED else None


def _decode(data: bytes, *, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"Article '{name}': the file is not valid UTF-8 (bad byte at offset {exc.start}). "
            "Convert it to UTF-8 and try again.",
            details={"article_id": name, "problem": "undecodable", "offset": exc.start},
        ) from exc


def article_from_text(text: str, *, article_id: str) -> ArticleIn:
    meta, _ = parse_header(text)
    outlet = infer_outlet(text, header=meta.get("source"), url=meta.get("url"), fallback=article_id)
    return _build(
        {"id": article_id, "source": outlet.name, "source_origin": outlet.origin, "url": meta.get("url"),
         "title": meta.get("title"), "published": meta.get("published"), "text": text},
        name=article_id,
    )


def article_from_html(html: str, *, article_id: str) -> ArticleIn:
    import trafilatura  # heavy import; only needed for HTML input

    extracted = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise InputError(
            f"Article '{article_id}': no article text could be extracted from the HTML.",
            details={"article_id": article_id, "problem": "empty_html"},
        )
    url = getattr(extracted, "url", None)
    sitename = getattr(extracted, "sitename", None)
    page = page_outlet(html) or (sitename if sitename and not url_domain(sitename) else None)
    outlet = infer_outlet(text, url=url or getattr(extracted, "hostname", None), page=page, fallback=article_id)
    return _build(
        {"id": article_id, "source": outlet.name, "source_origin": outlet.origin, "url": url,
         "title": getattr(extracted, "title", None), "published": getattr(extracted, "date", None), "text": text},
        name=article_id,
    )


def articles_from_json(data: Any, *, name: str) -> list[ArticleIn]:
    """Accept one article object, a list of them, or {"articles": [...]}."""
    if isinstance(data, dict) and "articles" in data:
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    articles = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise InputError(f"{name}: item {index} is not a JSON object.", details={"file": name, "index": index})
        record = dict(item)
        if "id" not in record and len(items) == 1:
            record["id"] = name
        articles.append(_build(record, name=str(record.get("id", f"{name}[{index}]"))))
    return articles


def _build(record: dict[str, Any], *, name: str) -> ArticleIn:
    try:
        return ArticleIn.model_validate(record)
    except ValidationError as exc:
        problems = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        raise InputError(
            f"Article '{name}': " + "; ".join(problems),
            details={"article_id": name, "problem": "invalid_fields", "errors": problems},
        ) from exc


def load_paths(paths: list[Path]) -> list[ArticleIn]:
    """Read files and directories (their supported files, sorted by name) into articles. A `sources.yaml`
    in an article file's folder names its outlet (and url, title, published); it is never read as an article."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"No such file or directory: {path}", details={"path": str(path)})
    folders: dict[Path, dict[str, dict[str, str]]] = {}
    loaded = []
    for file in files:
        if file.name == METADATA_FILE:
            continue
        if file.parent not in folders:
            beside = file.parent / METADATA_FILE
            folders[file.parent] = load_metadata(beside) if beside.is_file() else {}
        loaded.append((str(file), with_metadata(load_file(file), folders[file.parent])))
    return unique_ids(loaded)


def load_uploads(uploads: list[tuple[str, bytes]]) -> list[ArticleIn]:
    """Uploaded files (name, content) into articles, as `load_paths` reads them from a folder; an upload
    named `sources.yaml` is that folder's metadata file."""
    names = [Path(name).name or "upload" for name, _ in uploads]
    meta = {}
    for name, (_, data) in zip(names, uploads, strict=True):
        if name == METADATA_FILE:
            meta = parse_metadata(_decode(data, name=name), name=name)
    return unique_ids([(name, with_metadata(load_bytes(name, data), meta))
                       for name, (_, data) in zip(names, uploads, strict=True) if name != METADATA_FILE])


def unique_ids(loaded: list[tuple[str, list[ArticleIn]]]) -> list[ArticleIn]:
    """The articles of each (file, articles) pair in order; an id used twice is an error naming both places."""
    seen: dict[str, str] = {}
    articles: list[ArticleIn] = []
    for file, items in loaded:
        for index, article in enumerate(items):
            place = f"{file} (item {index})" if len(items) > 1 else file
            if article.id in seen:
                raise InputError(
                    f"Article id '{shown(article.id)}' is used more than once: by {seen[article.id]} and by {place}. "
                    "Ids must be unique: a file's id is its name without the extension, so rename one of the files "
                    "(or give the JSON records different ids).",
                    details={"article_id": shown(article.id), "problem": "duplicate_id",
                             "files": [seen[article.id], place]})
            seen[article.id] = place
            articles.append(article)
    return articles


def load_file(path: Path) -> list[ArticleIn]:
    return load_bytes(path.name, path.read_bytes())


def load_bytes(name: str, data: bytes) -> list[ArticleIn]:
    """One file's content as articles, read by its name's suffix (text unless .json, .html or .htm)."""
    stem, suffix = Path(name).stem, Path(name).suffix.lower()
    text = _decode(data, name=stem)
    if suffix in JSON_SUFFIXES:  # a BOM before JSON is not part of any article's text
        return articles_from_json(_parse_json(text.removeprefix(BOM), name=name), name=stem)
    if suffix in HTML_SUFFIXES:  # the article text is extracted from the page, so offsets never index the file
        return [article_from_html(text.removeprefix(BOM), article_id=stem)]
    return [article_from_text(text, article_id=stem)]


def _parse_json(text: str, *, name: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        problem = f"{exc.msg} at line {exc.lineno}, column {exc.colno}"
    except RecursionError:
        problem = "nested too deeply"
    except ValueError as exc:  # e.g. an integer longer than Python converts (4,300 digits)
        problem = str(exc)
    raise InputError(f"{name}: not valid JSON ({problem}).", details={"file": name, "problem": "bad_json"})


def load_metadata(path: Path) -> dict[str, dict[str, str]]:
    """A metadata file (YAML or JSON): `{article_id: {source, url, title, published}}`, or that mapping under
    `articles:`."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError) as exc:  # ValueError: not UTF-8
        raise InputError(f"Cannot read metadata file {path}: {exc}", details={"path": str(path)}) from exc
    return parse_metadata(text, name=str(path))


def parse_metadata(text: str, *, name: str) -> dict[str, dict[str, str]]:
    import yaml

    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, RecursionError, ValueError) as exc:  # ValueError: an over-long integer
        raise InputError(f"Cannot read metadata file {name}: {exc}", details={"path": name}) from exc
    if isinstance(data, dict) and isinstance(data.get("articles"), dict):
        data = data["articles"]
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise InputError(f"{name}: expected a mapping of article id -> {{source, url, title, published}}.",
                         details={"path": name})
    return {str(k): {kk: str(vv) for kk, vv in v.items() if vv is not None} for k, v in data.items()}


def with_metadata(articles: list[ArticleIn], meta: dict[str, dict[str, str]]) -> list[ArticleIn]:
    """`apply_metadata` for the entries that name these articles (a folder's file may list more)."""
    ids = {a.id for a in articles}
    return apply_metadata(articles, {k: v for k, v in meta.items() if k in ids})


def apply_metadata(articles: list[ArticleIn], meta: dict[str, dict[str, str]]) -> list[ArticleIn]:
    """Overlay user-supplied metadata (e.g. outlet names) by article id; unknown ids are an error."""
    known = {a.id for a in articles}
    unknown = sorted(set(meta) - known)
    if unknown:
        raise InputError(
            f"Metadata names articles that were not loaded: {', '.join(unknown)}.", details={"unknown_ids": unknown}
        )
    return [_overlay(a, meta[a.id]) if a.id in meta else a for a in articles]


def _overlay(article: ArticleIn, meta: dict[str, str]) -> ArticleIn:
    fields = {k: v for k, v in meta.items() if k in METADATA_FIELDS}
    if "source" in fields:
        fields["source_origin"] = "metadata"
    # Validated again, so metadata meets the same limits as the article fields it replaces.
    return _build({**article.model_dump(), **fields}, name=article.id)


def validate_cluster(articles: list[ArticleIn], *, settings: Settings) -> None:
    """Raise a clear InputError/TooLargeError naming every offending article."""
    if len(articles) < 2:
        raise InputError(
            f"A cluster needs at least 2 articles about the same event; got {len(articles)}.",
            details={"problem": "too_few_articles", "count": len(articles)},
        )
    if len(articles) > settings.max_articles:
        raise TooLargeError(
            f"A cluster may hold at most {settings.max_articles} articles; got {len(articles)}. Split it.",
            details={"problem": "too_many_articles", "count": len(articles), "limit": settings.max_articles},
        )
    _raise_problems([p for a in articles for p in _unicode_problems(a)], InputError)
    problems: list[dict[str, Any]] = []
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            problems.append({"article_id": article.id, "problem": "duplicate_id",
                             "message": f"Article id '{article.id}' is used more than once; ids must be unique."})
        seen.add(article.id)
        if not article.text.strip():
            problems.append({"article_id": article.id, "problem": "empty_text",
                             "message": f"Article '{article.id}' has empty or whitespace-only text."})
        problems.extend(_date_problems(article))
    _raise_problems(problems, InputError)
    too_long = [
        {"article_id": a.id, "problem": "article_too_long", "chars": len(a.text),
         "message": f"Article '{a.id}' has {len(a.text):,} characters; the limit is {settings.max_article_chars:,}."}
        for a in articles if len(a.text) > settings.max_article_chars
    ]
    _raise_problems(too_long, TooLargeError)
    total = sum(len(a.text) for a in articles)
    if total > settings.max_cluster_chars:
        raise TooLargeError(
            f"The cluster has {total:,} characters; the limit is {settings.max_cluster_chars:,}.",
            details={"problem": "cluster_too_long", "chars": total, "limit": settings.max_cluster_chars},
        )


def _unicode_problems(article: ArticleIn) -> list[dict[str, Any]]:
    problems = []
    for field in _CHECKED_FIELDS:
        value = getattr(article, field)
        found = _SURROGATE.search(value) if value else None
        if found:
            problems.append({
                "article_id": shown(article.id), "problem": "invalid_unicode", "field": field, "offset": found.start(),
                "message": f"Article '{shown(article.id)}': {field} holds a lone surrogate (U+{ord(found.group()):04X}) "
                           f"at offset {found.start()}, which is not Unicode text. Fix the text's encoding (a "
                           "UTF-16 pair split in two) and send it again."})
    return problems


def _named_date(published: str | None) -> date | None:
    """The date a publication field names, read as generously as any engine might."""
    anchor = parse_anchor(published)
    iso = _ISO_DATE.search(published or "")
    if anchor is None and iso:
        try:
            anchor = date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    return anchor


def _date_problems(article: ArticleIn) -> list[dict[str, Any]]:
    published = article.published or parse_header(article.text)[0].get("published")
    named = _named_date(published)
    if named is None or EARLIEST_PUBLISHED <= named <= LATEST_PUBLISHED:
        return []
    return [{"article_id": article.id, "problem": "published_out_of_range", "published": published,
             "message": f"Article '{article.id}': the publication date '{published}' is outside the supported range "
                        f"({EARLIEST_PUBLISHED} to {LATEST_PUBLISHED}); send the real date or leave it out."}]


def _raise_problems(problems: list[dict[str, Any]], error: type[InputError]) -> None:
    if problems:
        message = " ".join(p["message"] for p in problems[:5])
        if len(problems) > 5:
            message += f" (and {len(problems) - 5} more problems)"
        raise error(message, details={"problems": problems})
