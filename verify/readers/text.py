"""Plain-text reports, laid out the way news sites and wire copy are pasted.

The first line is the title. A line that is only a date (``السبت 2 ديسمبر 2017 - 08:53 بتوقيت
غرينتش``) gives the publication time, and a repeat of the title is dropped. A dateline at the
start of the body (``العراق - الكوثر:``, ``بيروت - أ ف ب -``, ``KIRKUK, Iraq (Reuters) -``)
names the source; whether that is the outlet or a wire to cite is decided at ingest, where the
alias list is. A short trailing credit line (the seed's ``NRT``, ``Source: AP``, ``المصدر: ...``)
is a citation, not text.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..dates import is_date_line, parse_published
from ..hookspecs import hookimpl
from ..model import ReadFailure, ReadOptions, ReportInput
from .files import FileReader

_ARABIC_DATELINE = re.compile(
    r"^(?P<place>[^\n:()\-–—\"«]{2,40}?)\s*[-–—]\s*(?P<source>[^\n:()\-–—\"«]{2,40}?)\s*[:\-–—]\s*"
)
_PAREN_DATELINE = re.compile(
    r"^(?P<place>[^\n()\"«]{0,60}?)\s*\((?P<source>[^()\n]{2,40})\)\s*[-–—:]+\s*"
)
_CREDIT = re.compile(r"^(?:source|credit|المصدر|مصدر الخبر)\s*[:：]\s*(?P<source>.+?)\s*$", re.I)
_BYLINE = re.compile(r"^(?:by|بقلم|كتب|كتبت)\s*:?\s+(?P<name>[^\n]{3,80})$", re.I)
_FURNITURE = re.compile(r"^[\s\d٠-٩۰-۹.,:/|•·\-–—]*$")
_SENTENCE_END = re.compile(r"[.!?؟。]\s*$")


def split_dateline(body: str) -> tuple[str | None, str | None]:
    """Return ``(place, source)`` named by a dateline at the start of ``body``, if any."""
    first = body.lstrip()
    for pattern in (_PAREN_DATELINE, _ARABIC_DATELINE):
        match = pattern.match(first)
        if match and len(match.group("source").split()) <= 5:
            return (match.group("place") or "").strip(" ,") or None, match.group("source").strip()
    return None, None


def _credit_line(line: str) -> str | None:
    """The source a trailing credit line names, or None when the line is ordinary text."""
    match = _CREDIT.match(line)
    if match:
        return match.group("source")
    words = line.split()
    if 0 < len(words) <= 4 and len(line) <= 40 and not _SENTENCE_END.search(line):
        return line.strip()
    return None


def parse_plain_text(text: str) -> ReportInput:
    """Split a pasted report into title, date, byline, dateline source, body and credit."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if not nonblank:
        return ReportInput(text="")
    title = lines[nonblank[0]].strip()
    rest = nonblank[1:]
    published = byline = None
    while rest:
        line = lines[rest[0]].strip()
        if published is None and is_date_line(line):
            published = parse_published(line)
        elif line == title:
            pass
        elif byline is None and _BYLINE.match(line):
            byline = _BYLINE.match(line).group("name").strip()
        else:
            break
        rest = rest[1:]
    # Pasted pages often end with furniture such as a view counter (the seed ends "NRT", "24").
    while len(rest) > 1 and _FURNITURE.match(lines[rest[-1]]):
        rest = rest[:-1]
    cites: list[str] = []
    if len(rest) > 1:
        credit = _credit_line(lines[rest[-1]].strip())
        if credit:
            cites.append(credit)
            rest = rest[:-1]
    body = "\n".join(lines[rest[0]:rest[-1] + 1]).strip() if rest else ""
    _, source = split_dateline(body)
    return ReportInput(
        text=body,
        title=title,
        published_at=published.strftime("%Y-%m-%dT%H:%M:%SZ") if published else None,
        byline=byline,
        cites=cites,
        dateline=source,
    )


class TextReader(FileReader):
    """Reads ``.txt`` files as one report each."""

    name = "text"
    suffixes = (".txt", ".text")

    def parse(self, source: str, data: bytes, text: str,
              options: ReadOptions) -> Iterator[ReportInput | ReadFailure]:
        report = parse_plain_text(text)
        report.raw = data
        report.origin = str(source)
        yield report


@hookimpl
def register_readers(register):
    register(TextReader())
