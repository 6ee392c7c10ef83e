"""The records that pass between readers, extractors and storage.

Readers, extractors and plugins exchange these plain dataclasses rather than database rows, so
a plugin can be written and tested without a database, and storage stays the one place that
knows the schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ReportInput:
    """One report as a reader found it, before the outlet is resolved and the text stored.

    Anything a reader cannot tell stays ``None``; the ingest options and language detection
    fill the gaps, and storage decides what is a duplicate or a new version.
    """

    text: str
    title: str | None = None
    outlet: str | None = None
    owner: str | None = None
    domain: str | None = None
    url: str | None = None
    final_url: str | None = None
    published_at: str | None = None  # ISO 8601 UTC, "YYYY-MM-DDTHH:MM:SSZ"
    fetched_at: str | None = None
    language: str | None = None
    byline: str | None = None
    cites: list[str] = field(default_factory=list)
    dateline: str | None = None  # the source a dateline names: an outlet, or a wire to cite
    raw: bytes | None = None  # private: the bytes as read or fetched
    origin: str | None = None  # private: file path (with line) or URL


@dataclass
class ReadFailure:
    """An input that could not be read: the reason is shown in the run summary, nothing stored."""

    origin: str
    reason: str


@dataclass
class SpeakerRef:
    """Who a statement is attributed to, as the extractor understood the text."""

    name: str
    kind: str = "person"  # person, organisation, media, anonymous
    role: str | None = None
    title: str | None = None
    surface: str | None = None  # the words in the report that name the speaker


@dataclass
class Mention:
    """An entity, date or number named in a statement; offsets are into the statement text."""

    type: str  # person, place, organisation, date, number
    surface: str
    start: int
    end: int
    value: str | None = None  # ISO date, number or "low/high" range
    entity: str | None = None  # canonical entity name, when the entity is known
    key: str | None = None  # script-independent key of the entity


@dataclass
class ExtractedStatement:
    """One attributed unit of a report; ``start``/``end`` are offsets into the report text."""

    sentence: int
    start: int
    end: int
    kind: str  # quote, indirect, assertion
    text: str
    quote: str | None = None
    speaker: SpeakerRef | None = None
    anonymous: bool = False
    mentions: list[Mention] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReadOptions:
    """What the user told ``verify ingest`` about inputs that cannot tell for themselves.

    Readers receive it whole and use what applies; a field left ``None`` means "work it out".
    """

    outlet: str | None = None
    owner: str | None = None
    language: str | None = None
    published_at: str | None = None
    csv_columns: dict[str, str] = field(default_factory=dict)  # our field -> CSV header
    allow_private: bool = False
    max_bytes: int = 20_000_000
