"""Outlet names from what an article carries, and where each name came from.

Articles name their outlet in a few habitual places: a `source:` header line, the page's metadata
(og:site_name, the JSON-LD publisher), a dateline's agency ("CAIRO (AP) —"), a byline ("By Jane Doe, The
Herald"), a line naming the news organisation (under the headline, or "/ AP" after the last paragraph) and the
domain of the article's URL. `infer_outlet` tries them from the most to the least specific; when none names
one, the file name stands in and the origin says so (`file`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from factcheck.types import SourceOrigin

# Wire services, as datelines and credits abbreviate them.
AGENCIES = {
    "AP": "Associated Press", "AFP": "Agence France-Presse", "REUTERS": "Reuters", "UPI": "United Press International",
    "DPA": "dpa", "EFE": "EFE", "ANSA": "ANSA", "PTI": "Press Trust of India", "IANS": "IANS", "ANI": "ANI",
    "CNN": "CNN", "XINHUA": "Xinhua", "KYODO": "Kyodo News", "YONHAP": "Yonhap", "TASS": "TASS",
    "CP": "The Canadian Press", "AAP": "Australian Associated Press", "BLOOMBERG": "Bloomberg",
}
# News organisations often credited on a line of their own. A bare acronym names an outlet only when known.
_KNOWN = [*AGENCIES.values(), "BBC", "BBC News", "CGTN", "NPR", "PBS", "Al Jazeera", "Deutsche Welle", "DW",
          "France 24", "Sky News", "ABC News", "CBS News", "NBC News", "Fox News", "The Guardian",
          "The New York Times", "The Washington Post", "The Wall Street Journal", "Financial Times", "The Telegraph",
          "The Independent", "Le Monde", "Der Spiegel", "The Hindu", "South China Morning Post", "Haaretz"]
KNOWN_OUTLETS = {name.casefold(): name for name in _KNOWN}
# Words that make a short title-case line read as a news organisation's name ("Daily True News").
_OUTLET_WORDS = {"news", "times", "post", "press", "herald", "journal", "tribune", "gazette", "telegraph", "guardian",
                 "observer", "chronicle", "daily", "network", "agency", "wire", "broadcasting", "radio", "television",
                 "courier", "inquirer", "dispatch"}
# ...unless the rest of the line is a section label ("Breaking News", "Press Release", "Daily Briefing").
_SECTION_WORDS = {"breaking", "latest", "top", "more", "related", "world", "local", "national", "international",
                  "business", "sports", "politics", "today", "live", "updates", "update", "release", "conference",
                  "briefing", "analysis", "opinion", "video", "photos", "alert", "roundup", "digest", "fake",
                  "the", "a", "an", "and", "of", "in", "our", "your", "us", "uk"}
_CONNECTORS = {"of", "the", "and", "for", "&", "de", "la", "el", "du", "der", "die"}
# Job titles after a byline's comma are not outlets ("By Jane Doe, Staff Writer").
_ROLES = re.compile(r"\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|producer|"
                    r"special to|for the)\b", re.I)

# "CAIRO (AP) —", "GAZA CITY, Gaza Strip (Reuters) -", "(CNN) —" at the start of a line.
_DATELINE = re.compile(r"^\s*(?:[A-Z][A-Z'’.\-]+(?:[ ,]+[A-Za-z'’.\-]+){0,5}\s*)?\((?P<agency>[A-Za-z][A-Za-z .&\-]"
                       r"{0,28})\)\s*[—–―-]")
_BYLINE = re.compile(r"^\s*By\s+[^\n,|/]{2,120}?\s*(?:,|\||/|—|–|\s-\s)\s*(?P<outlet>[A-Z][^\n]{1,60}?)\s*$")
_AGENCY_SUFFIX = re.compile(r"[.!?\"”’]\s+/\s?(?P<agency>[A-Z][A-Za-z]{1,12})\s*$")
_SERVICE_SUFFIX = re.compile(r"\s+(?:News|Wire)\s+Service$")
_DOMAIN = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$", re.I)
_EDGE_LINES = 12  # credit and byline lines sit near the top or the bottom of an article


@dataclass(frozen=True)
class Outlet:
    name: str
    origin: SourceOrigin


def infer_outlet(text: str, *, header: str | None = None, url: str | None = None, page: str | None = None,
                 fallback: str) -> Outlet:
    """The outlet `text` names, most specific evidence first: a `source:` header value, the page's metadata
    (`page`: what `page_outlet` read from the HTML), the text's dateline, byline and credit lines, the URL's
    domain; else `fallback` (the file name) with origin `file`."""
    if header and plausible_name(header):
        return Outlet(header, "header")
    if page:
        return Outlet(page, "html")
    found = outlet_in_text(text)
    if found:
        return found
    domain = url_domain(url)
    return Outlet(domain, "url") if domain else Outlet(fallback, "file")


def outlet_in_text(text: str) -> Outlet | None:
    """An outlet the text itself names: dateline agency, byline, or a credit line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    edges = lines[:_EDGE_LINES] + lines[-_EDGE_LINES:] if len(lines) > 2 * _EDGE_LINES else lines
    for line in lines[:_EDGE_LINES]:
        match = _DATELINE.match(line)
        if match and (name := _agency(match["agency"])):
            return Outlet(name, "dateline")
    for line in edges:
        match = _BYLINE.match(line)
        if match and not _ROLES.search(match["outlet"]) and (name := _name_like(match["outlet"])):
            return Outlet(name, "byline")
    for line in edges:
        if name := _outlet_name(line):
            return Outlet(name, "credit")
    for line in lines[-_EDGE_LINES:]:
        match = _AGENCY_SUFFIX.search(line)
        if match and match["agency"].upper() in AGENCIES:
            return Outlet(AGENCIES[match["agency"].upper()], "credit")
    return None


def _agency(abbreviation: str) -> str | None:
    """A dateline's agency: a known wire service's full name, or the name as written when it reads as one."""
    name = abbreviation.strip()
    if name.upper() in AGENCIES:
        return AGENCIES[name.upper()]
    return name if len(name.split()) <= 4 and name[0].isupper() else None


def _outlet_name(line: str) -> str | None:
    """`line` as a news organisation's name, when it reads as one: a known outlet, or a short title-case
    line ending in a word such as News, Times or Post that is not a section label ("Breaking News")."""
    name = _name_like(line)
    if name is None or name in KNOWN_OUTLETS.values():
        return name
    folded = [w.casefold() for w in name.split()]
    if len(folded) < 2 or folded[-1] not in _OUTLET_WORDS or not set(folded) - _OUTLET_WORDS - _SECTION_WORDS:
        return None
    return name


def _name_like(text: str) -> str | None:
    """`text` as a name: a known outlet, or 1-7 capitalised words (connectors aside) without digits or
    sentence punctuation."""
    name = _SERVICE_SUFFIX.sub("", text.strip().rstrip(":"))
    if name.casefold() in KNOWN_OUTLETS:
        return KNOWN_OUTLETS[name.casefold()]
    words = name.split()
    if not 1 <= len(words) <= 7 or re.search(r"[\d.!?;,\"“”()]", name):
        return None
    if not all(w[0].isupper() or w.casefold() in _CONNECTORS for w in words):
        return None
    return name


def plausible_name(value: str) -> bool:
    """A header's `source:` value names an outlet (or a domain), not a sentence that landed there."""
    value = value.strip()
    if not value or len(value) > 120 or len(value.split()) > 12:
        return False
    if _DOMAIN.match(value):
        return True
    return not value.endswith((".", "!", "?")) and not (len(value) > 40 and " " not in value)


def url_domain(url: str | None) -> str | None:
    """The host of an http(s) URL, without `www.`: "https://www.example.org/a" -> "example.org"."""
    if not url:
        return None
    url = url.strip()
    parts = urlsplit(url if "://" in url else "//" + url)
    if parts.scheme not in ("", "http", "https"):
        return None
    host = (parts.hostname or "").removeprefix("www.")
    return host if _DOMAIN.match(host) else None


class _PageMeta(HTMLParser):
    """Collects <meta> values and JSON-LD blocks of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or "").lower()
            if key and values.get("content", "").strip():
                self.meta.setdefault(key, values["content"].strip())
        self._in_json_ld = tag == "script" and values.get("type", "").lower() == "application/ld+json"

    def handle_endtag(self, tag: str) -> None:
        self._in_json_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld.append(data)


def page_outlet(html: str) -> str | None:
    """The outlet an HTML page's metadata names: og:site_name, else the JSON-LD publisher's name."""
    parser = _PageMeta()
    parser.feed(html)
    parser.close()
    site = parser.meta.get("og:site_name")
    if site and not _DOMAIN.match(site):
        return site
    for block in parser.json_ld:
        name = _publisher(_json(block))
        if name:
            return name
    return site


def _json(block: str) -> Any:
    try:
        return json.loads(block)
    except (ValueError, RecursionError):
        return None


def _publisher(data: Any, depth: int = 0) -> str | None:
    """The first `publisher.name` in a JSON-LD value (objects, lists and @graph)."""
    if depth > 6:
        return None
    if isinstance(data, list):
        return next(filter(None, (_publisher(item, depth + 1) for item in data)), None)
    if not isinstance(data, dict):
        return None
    publisher = data.get("publisher")
    if isinstance(publisher, list):
        publisher = publisher[0] if publisher else None
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and publisher["name"].strip():
        return publisher["name"].strip()
    return _publisher(data.get("@graph"), depth + 1)
