"""RSS and Atom feeds: each entry's article is fetched and read as a page.

The page is the report; the feed fills what the page does not say (title, publication time,
author), since many article pages carry no metadata while their feed does. Relative entry
links are resolved against the feed's own URL. feedparser only ever receives bytes: given a
string that looks like a URL it would fetch it itself, past every check in ``verify.fetch``.
"""

from __future__ import annotations

import calendar
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator
from urllib.parse import urljoin

from ..hookspecs import hookimpl
from ..model import ReadFailure, ReadOptions, ReportInput
from .htmlfile import report_from_html

if TYPE_CHECKING:  # feedparser and httpx are imported when a feed is read, not at every CLI start
    from ..fetch import Fetched, Fetcher

_FEED_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*"
                         rb"<(?:rss|feed|rdf:RDF)\b", re.S | re.I)
_EMAIL_NAME = re.compile(r"^\s*\S+@\S+\s*\((?P<name>[^)]+)\)\s*$")
_NAME_EMAIL = re.compile(r"^\s*(?P<name>[^<]+?)\s*<\S+@\S+>\s*$")


@dataclass
class FeedEntry:
    """What a feed says about one article."""

    link: str | None
    title: str | None
    published_at: str | None
    author: str | None


def looks_like_feed(data: bytes, content_type: str | None = None) -> bool:
    """A feed by its media type, or by its first element when servers say ``text/xml``."""
    kind = (content_type or "").lower()
    if "rss" in kind or "atom" in kind:
        return True
    return bool(_FEED_START.match(data[:4096]))


def _author(entry) -> str | None:
    author = (entry.get("author") or "").strip()
    for pattern in (_EMAIL_NAME, _NAME_EMAIL):
        match = pattern.match(author)
        if match:
            return match.group("name").strip()
    return None if "@" in author or not author else author


def _published(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(parsed)))


def parse_feed(data: bytes, *, url: str | None = None,
               content_type: str | None = None) -> list[FeedEntry]:
    """The entries of a feed, links made absolute against ``url`` (or the feed's own link)."""
    import feedparser

    headers = {"content-type": content_type or "application/xml"}
    if url:
        headers["content-location"] = url
    parsed = feedparser.parse(data, response_headers=headers)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise ValueError(f"malformed feed: {problem}" if problem else "empty feed: no entries")
    base = url or parsed.feed.get("link")
    entries = []
    for entry in parsed.entries:
        link = (entry.get("link") or "").strip() or None
        if link and base:
            link = urljoin(base, link)
        entries.append(FeedEntry(link=link, title=(entry.get("title") or "").strip() or None,
                                 published_at=_published(entry), author=_author(entry)))
    return entries


def _with_feed_facts(report: ReportInput, entry: FeedEntry) -> ReportInput:
    report.title = report.title or entry.title
    report.published_at = report.published_at or entry.published_at
    report.byline = report.byline or entry.author
    return report


def read_feed(data: bytes, *, origin: str, fetcher: Fetcher, url: str | None = None,
              content_type: str | None = None) -> Iterator[ReportInput | ReadFailure]:
    """Fetch every entry's article (concurrently, within the fetcher's bound) and read it."""
    from ..fetch import FetchError

    try:
        entries = parse_feed(data, url=url, content_type=content_type)
    except ValueError as error:
        yield ReadFailure(origin, str(error))
        return
    by_link: dict[str, FeedEntry] = {}
    for number, entry in enumerate(entries, start=1):
        if not entry.link:
            yield ReadFailure(f"{origin}#{number}", "feed entry without a link")
        elif not re.match(r"[a-z][a-z0-9+.-]*:", entry.link, re.I):
            yield ReadFailure(entry.link, "relative link: the feed gives no base URL to resolve it")
        else:
            by_link.setdefault(entry.link, entry)
    for link, result in fetcher.fetch_many(list(by_link)):
        if isinstance(result, FetchError):
            yield ReadFailure(link, result.reason)
        else:
            yield _entry_report(result, by_link[link])


def _entry_report(fetched: Fetched, entry: FeedEntry) -> ReportInput | ReadFailure:
    report = report_from_html(fetched.content, origin=fetched.url, charset=fetched.charset,
                              url=fetched.url, final_url=fetched.final_url,
                              fetched_at=fetched.fetched_at)
    return report if isinstance(report, ReadFailure) else _with_feed_facts(report, entry)


class FeedReader:
    """Reads a saved feed file (``.rss``, ``.atom``, or ``.xml`` that is a feed)."""

    name = "feed"
    suffixes = (".rss", ".atom", ".xml")

    def can_read(self, source: str) -> bool:
        path = Path(source)
        if "://" in source or path.suffix.lower() not in self.suffixes:
            return False
        if path.suffix.lower() != ".xml":
            return True
        try:
            with path.open("rb") as handle:
                return looks_like_feed(handle.read(4096))
        except OSError:
            return False

    def read(self, source: str, options: ReadOptions) -> Iterator[ReportInput | ReadFailure]:
        try:
            data = Path(source).read_bytes()
        except OSError as error:
            yield ReadFailure(source, f"cannot read: {error.strerror or error}")
            return
        from ..fetch import Fetcher, FetchSettings

        with Fetcher(FetchSettings.from_options(options)) as fetcher:
            yield from read_feed(data, origin=source, fetcher=fetcher)


@hookimpl
def register_readers(register):
    register(FeedReader())
