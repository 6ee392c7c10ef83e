"""Read fact-check verdicts: schema.org ClaimReview as JSON-LD, saved fact-check pages, or CSV.

Fact-checkers publish ClaimReview in every shape JSON-LD allows: one object, an array, a
``@graph`` whose nodes point at each other by ``@id``, a ClaimReview nested as the
``mainEntity`` of an article, several ``<script type="application/ld+json">`` blocks on one
page (wrapped in ``<!-- -->`` or CDATA by CMS templates), some of them broken, a feed's
``DataFeed`` or JSON Lines dump. So the reader walks every node it can find, resolves ``@id``
references, and keeps going past anything broken: each ClaimReview becomes a verdict or a
one-line reason, never an exception that loses the rest of the file.

CSV, one verdict a row (header names; the ClaimReview name in brackets is accepted too):
``claim_text`` (``claimReviewed``, required), ``rating`` (``alternateName``), ``rating_value``
(``ratingValue``), ``best_rating`` (``bestRating``), ``worst_rating`` (``worstRating``),
``reviewer`` (``author``), ``url``, ``published_at`` (``datePublished``), ``claimant`` (the
claim's author), ``claim_date``, ``appearance`` (URLs where the claim appeared, separated by
spaces or ``|``), ``language``. A rating label, a value, or both are needed.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

from ..dates import parse_published
from ..decode import DecodeError, declared_charset, decode_bytes
from ..language import detect_language
from .ratings import RatingError, RatingTable, load_table, normalise_rating

__all__ = ["VerdictRecord", "ParseResult", "read_verdicts", "parse_jsonld", "parse_jsonl",
           "parse_html", "parse_csv"]

_SCHEMA = re.compile(r"^(?:https?://schema\.org/|schema:)", re.IGNORECASE)
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WRAPPERS = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
_WRAPPING_QUOTES = re.compile(r'^["“”«»„](.*)["“”«»‟]$', re.DOTALL)
_CSV_ALIASES = {
    "claimreviewed": "claim_text", "alternatename": "rating", "ratingvalue": "rating_value",
    "bestrating": "best_rating", "worstrating": "worst_rating", "author": "reviewer",
    "datepublished": "published_at",
}


@dataclass
class VerdictRecord:
    """One verdict, in the columns of the ``verdicts`` table."""

    claim_text: str
    rating: str | None
    rating_value: float | None
    reviewer: str | None
    url: str | None
    published_at: str | None
    claimant: str | None
    claim_date: str | None
    appearance: list[str]
    language: str | None
    origin: str

    def as_row(self) -> dict:
        """The ``verdicts`` row (appearance as a JSON list of URLs, or NULL)."""
        row = asdict(self)
        row["appearance"] = json.dumps(self.appearance, ensure_ascii=False) if self.appearance else None
        return row


@dataclass
class ParseResult:
    """Verdicts read, with a one-line reason for every ClaimReview or row that was not."""

    records: list[VerdictRecord] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def extend(self, other: "ParseResult") -> None:
        self.records += other.records
        self.failures += other.failures
        self.warnings += other.warnings


# ---------------------------------------------------------------- values


def _types(node: dict) -> set[str]:
    kind = node.get("@type") or node.get("type") or []
    kinds = kind if isinstance(kind, list) else [kind]
    return {_SCHEMA.sub("", str(k)) for k in kinds}


def _get(node: dict, name: str) -> Any:
    """A property by its bare name or a schema.org-prefixed one (``schema:url``)."""
    if name in node:
        return node[name]
    for key, value in node.items():
        if _SCHEMA.sub("", key) == name:
            return value
    return None


def _first(value: Any) -> Any:
    if isinstance(value, list):
        return next((v for v in value if v not in (None, "", {}, [])), None)
    return value


def _text(value: Any) -> str | None:
    """Plain text of a JSON-LD literal: ``{"@value": ...}``, lists, HTML entities, spacing."""
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("@value", value.get("name"))
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = " ".join(html.unescape(str(value)).split())
    return text or None


def _claim_text(value: Any) -> str | None:
    """The claim without the quotation marks many fact-checkers wrap around it."""
    text = _text(value)
    if not text:
        return None
    return _WRAPPING_QUOTES.sub(r"\1", text).strip() or None


def _name(value: Any) -> str | None:
    """The name of a Person/Organization given as an object, a list of them, or a string."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = _text(_get(item, "name")) if isinstance(item, dict) else _text(item)
        if name and name not in names:
            names.append(name)
    return ", ".join(names) or None


def _urls(value: Any) -> list[str]:
    """URLs of ``appearance``/``firstAppearance``: strings, CreativeWorks with ``url``, lists."""
    items = value if isinstance(value, list) else [value]
    found = []
    for item in items:
        if isinstance(item, dict):
            item = _get(item, "url") or item.get("@id")
            item = _first(item)
        url = _text(item)
        if url and urlsplit(url).scheme in ("http", "https") and url not in found:
            found.append(url)
    return found


def _date(value: Any) -> str | None:
    """ISO 8601: a bare date stays a date; a moment becomes UTC; unreadable gives None."""
    text = _text(value)
    if not text:
        return None
    if _DATE_ONLY.match(text):
        return text
    moment = parse_published(text)
    if moment is None:
        return None
    return moment.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def _language(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        value = _get(value, "alternateName") or _get(value, "name")
    code = _text(value)
    return code.split("-")[0].lower() if code else None


# ---------------------------------------------------------------- JSON-LD


def _index(node: Any, ids: dict[str, dict]) -> None:
    if isinstance(node, list):
        for item in node:
            _index(item, ids)
    elif isinstance(node, dict):
        if isinstance(node.get("@id"), str) and len(node) > 1:
            ids.setdefault(node["@id"], node)
        for value in node.values():
            _index(value, ids)


def _resolve(node: Any, ids: dict[str, dict], depth: int = 0) -> Any:
    """Replace ``{"@id": ...}`` references by the node they name (a ``@graph`` habit)."""
    if depth > 8:
        return node
    if isinstance(node, list):
        return [_resolve(item, ids, depth + 1) for item in node]
    if isinstance(node, dict):
        if set(node) == {"@id"} and node["@id"] in ids:
            return _resolve(ids[node["@id"]], ids, depth + 1)
        return {k: _resolve(v, ids, depth + 1) for k, v in node.items()}
    return node


def _claim_reviews(node: Any) -> Iterator[dict]:
    if isinstance(node, list):
        for item in node:
            yield from _claim_reviews(item)
    elif isinstance(node, dict):
        if "ClaimReview" in _types(node):
            yield node
            return
        for value in node.values():
            yield from _claim_reviews(value)


def _record(node: dict, origin: str, page_url: str | None, table: RatingTable,
            warnings: list[str]) -> VerdictRecord:
    """One ClaimReview as a verdict, or RatingError/ValueError with the reason."""
    claim_text = _claim_text(_get(node, "claimReviewed"))
    if not claim_text:
        raise ValueError("ClaimReview has no claimReviewed (the text of the claim)")
    rating_node = _first(_get(node, "reviewRating"))
    if not isinstance(rating_node, dict):
        raise ValueError("ClaimReview has no reviewRating")
    rating = normalise_rating(
        _first(_get(rating_node, "ratingValue")), best=_first(_get(rating_node, "bestRating")),
        worst=_first(_get(rating_node, "worstRating")),
        label=_text(_get(rating_node, "alternateName")) or _text(_get(rating_node, "name")),
        table=table)
    if rating.warning:
        warnings.append(f"{origin}: {rating.warning}")
    item = _first(_get(node, "itemReviewed"))
    item = item if isinstance(item, dict) else {}
    appearance = _urls(_get(item, "firstAppearance")) + _urls(_get(item, "appearance"))
    if not appearance and "Claim" not in _types(item):
        appearance = _urls(_get(item, "url"))  # the pre-2019 shape: a CreativeWork with a url
    url = _text(_get(node, "url")) or page_url
    if not url:
        warnings.append(f"{origin}: no url: re-importing it cannot update it in place")
    published = _get(node, "datePublished")
    published_at = _date(published)
    if published and not published_at:
        warnings.append(f"{origin}: datePublished {_text(published)!r} is not a date; left empty")
    reviewer = _name(_get(node, "author")) or _name(_get(node, "publisher"))
    if not reviewer and url:
        reviewer = urlsplit(url).hostname
    return VerdictRecord(
        claim_text=claim_text, rating=rating.label, rating_value=rating.value,
        reviewer=reviewer, url=url, published_at=published_at,
        claimant=_name(_get(item, "author")), claim_date=_date(_get(item, "datePublished")),
        appearance=list(dict.fromkeys(appearance)),
        language=_language(_get(node, "inLanguage")) or detect_language(claim_text),
        origin=origin)


def _from_data(data: Any, origin: str, page_url: str | None, table: RatingTable) -> ParseResult:
    result = ParseResult()
    ids: dict[str, dict] = {}
    _index(data, ids)
    found = list(_claim_reviews(_resolve(data, ids)))
    for n, node in enumerate(found, start=1):
        where = f"{origin}#{n}"
        try:
            result.records.append(_record(node, where, page_url, table, result.warnings))
        except (RatingError, ValueError) as error:
            result.failures.append(f"{where}: {error}")
    return result


def _loads(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"{where}: not valid JSON ({error.msg} at line {error.lineno}, "
                         f"column {error.colno})") from None


def parse_jsonld(text: str, origin: str, *, table: RatingTable | None = None) -> ParseResult:
    """Every ClaimReview in a JSON-LD document (object, array, ``@graph``, nested)."""
    table = table or load_table()
    try:
        data = _loads(text, origin)
    except ValueError as error:
        return ParseResult(failures=[str(error)])
    result = _from_data(data, origin, None, table)
    if not result.records and not result.failures:
        result.failures.append(f"{origin}: no ClaimReview found")
    return result


class _ScriptBlocks(HTMLParser):
    """The ``application/ld+json`` scripts of a page, and its canonical URL."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.canonical: str | None = None
        self._inside = False
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "script" and values.get("type", "").split(";")[0].strip().lower() == "application/ld+json":
            self._inside, self._buffer = True, []
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href") or None
        elif tag == "meta" and values.get("property", "").lower() == "og:url":
            self.canonical = self.canonical or values.get("content") or None

    def handle_data(self, data: str) -> None:
        if self._inside:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._inside:
            self.blocks.append("".join(self._buffer))
            self._inside = False


def parse_html(text: str, origin: str, *, table: RatingTable | None = None) -> ParseResult:
    """ClaimReviews in the ld+json blocks of a saved fact-check page; a broken block is skipped."""
    table = table or load_table()
    parser = _ScriptBlocks()
    parser.feed(text)
    parser.close()
    page_url = parser.canonical if parser.canonical and urlsplit(parser.canonical).scheme in (
        "http", "https") else None
    result = ParseResult()
    for n, block in enumerate(parser.blocks, start=1):
        where = f"{origin} (ld+json block {n})"
        try:
            data = _loads(_WRAPPERS.sub("", block), where)
        except ValueError as error:
            result.failures.append(str(error))
            continue
        result.extend(_from_data(data, where, page_url, table))
    if not result.records and not result.failures:
        result.failures.append(f"{origin}: no ClaimReview found in the page's ld+json blocks")
    return result


def parse_csv(text: str, origin: str, *, table: RatingTable | None = None) -> ParseResult:
    """One verdict a CSV row (columns in the module docstring)."""
    table = table or load_table()
    result = ParseResult()
    reader = csv.DictReader(io.StringIO(text))
    fields = {_CSV_ALIASES.get((f or "").strip().lower(), (f or "").strip().lower())
              for f in reader.fieldnames or []}
    if "claim_text" not in fields:
        return ParseResult(failures=[f"{origin}: the header needs a claim_text (or claimReviewed) column"])
    for line, raw in enumerate(reader, start=2):
        row = {_CSV_ALIASES.get((k or "").strip().lower(), (k or "").strip().lower()): (v or "").strip()
               for k, v in raw.items() if isinstance(v, str)}
        where = f"{origin}:{line}"
        claim_text = _claim_text(row.get("claim_text"))
        if not claim_text:
            result.failures.append(f"{where}: no claim_text")
            continue
        try:
            rating = normalise_rating(row.get("rating_value"), best=row.get("best_rating"),
                                      worst=row.get("worst_rating"), label=row.get("rating"),
                                      table=table)
        except RatingError as error:
            result.failures.append(f"{where}: {error}")
            continue
        if rating.warning:
            result.warnings.append(f"{where}: {rating.warning}")
        published = row.get("published_at")
        if published and not _date(published):
            result.warnings.append(f"{where}: published_at {published!r} is not a date; left empty")
        url = row.get("url") or None
        result.records.append(VerdictRecord(
            claim_text=claim_text, rating=rating.label, rating_value=rating.value,
            reviewer=row.get("reviewer") or (urlsplit(url).hostname if url else None), url=url,
            published_at=_date(published), claimant=row.get("claimant") or None,
            claim_date=_date(row.get("claim_date")),
            appearance=_urls(re.split(r"[\s|]+", row.get("appearance", "").strip())),
            language=(row.get("language") or "").lower() or detect_language(claim_text),
            origin=where))
    return result


def parse_jsonl(text: str, origin: str, *, table: RatingTable | None = None) -> ParseResult:
    """JSON Lines (one JSON-LD document a line), as fact-check feeds are often dumped."""
    table = table or load_table()
    result = ParseResult()
    for line_number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            result.extend(parse_jsonld(line, f"{origin}:{line_number}", table=table))
    return result


def read_verdicts(path: str | Path, *, table: RatingTable | None = None) -> ParseResult:
    """Read a verdict file of any supported kind, told by its suffix or, failing that, its start.

    Saved Arabic pages are often Windows-1256: bytes are decoded as ingest decodes reports.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        return ParseResult(failures=[f"{path}: cannot be read ({error.strerror or error})"])
    try:
        text, _ = decode_bytes(raw, declared=declared_charset(raw))
    except DecodeError as error:
        return ParseResult(failures=[f"{path}: {error}"])
    suffix = path.suffix.lower()
    start = text.lstrip()[:1]
    if suffix in (".html", ".htm") or (suffix not in (".json", ".jsonld", ".csv") and start == "<"):
        return parse_html(text, str(path), table=table)
    if suffix in (".jsonl", ".ndjson"):
        return parse_jsonl(text, str(path), table=table)
    if suffix in (".json", ".jsonld") or start in ("{", "["):
        return parse_jsonld(text, str(path), table=table)
    return parse_csv(text, str(path), table=table)
