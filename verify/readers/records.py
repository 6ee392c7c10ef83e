"""Turning one JSONL object or CSV row into a ReportInput, shared by both readers.

The fields are DESIGN.md's: ``url``, ``outlet``, ``title``, ``published``, ``language``,
``text`` or ``html``, ``cites``, ``owner`` (and ``byline``, ``domain``). A row that cannot
become a report raises RecordError with the one-line reason the summary shows.
"""

from __future__ import annotations

import json
from datetime import timezone
from typing import Any, Mapping

from dateutil import parser as dateparser

from ..dates import parse_published
from ..model import ReportInput


class RecordError(ValueError):
    """A malformed row; the message is the reason."""


def iso_utc(value: Any) -> str | None:
    """Any common date form as ISO 8601 UTC; naive times are taken as UTC."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    parsed = parse_published(text)
    if parsed is None:
        try:
            parsed = dateparser.parse(text)
        except (ValueError, OverflowError) as error:
            raise RecordError(f"unreadable date {text!r}") from error
    if parsed is None:
        raise RecordError(f"unreadable date {text!r}")
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    return parsed.strftime("%Y-%m-%dT%H:%M:%SZ")


def _cites(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value).strip()
    if text.startswith("["):
        try:
            return _cites(json.loads(text))
        except json.JSONDecodeError as error:
            raise RecordError(f"cites is not a JSON list: {error.msg}") from error
    return [part.strip() for part in text.replace(";", "|").split("|") if part.strip()]


def report_from_record(record: Mapping[str, Any], origin: str) -> ReportInput:
    """Build a report from a mapping with DESIGN's field names."""
    if not isinstance(record, Mapping):
        raise RecordError("not an object")
    text = record.get("text")
    html = record.get("html")
    fields: dict[str, Any] = {}
    if (text is None or not str(text).strip()) and html:
        from ..html import extract_article

        article = extract_article(str(html), url=record.get("url"))
        text = article.text
        fields = {"title": article.title, "byline": article.byline,
                  "published_at": article.published_at, "outlet": article.site_name}
    if text is None or not str(text).strip():
        raise RecordError("no text or html")
    for key in ("title", "outlet", "url", "owner", "language", "byline", "domain"):
        value = record.get(key)
        if value not in (None, "") and not isinstance(value, (str, int, float)):
            raise RecordError(f"{key} must be text")
    published = record.get("published", record.get("published_at"))
    return ReportInput(
        text=str(text),
        title=(record.get("title") or fields.get("title") or None),
        outlet=(record.get("outlet") or fields.get("outlet") or None),
        owner=record.get("owner") or None,
        domain=record.get("domain") or None,
        url=record.get("url") or None,
        published_at=iso_utc(published) if published else fields.get("published_at"),
        language=record.get("language") or None,
        byline=record.get("byline") or fields.get("byline"),
        cites=_cites(record.get("cites")),
        origin=origin,
    )
