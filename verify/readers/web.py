"""URLs: fetch (safely, see ``verify.fetch``), then read what came back as a page, feed or text.

Any source that names a scheme is this reader's, so ``file:///etc/passwd`` or ``ftp://...``
gets a clear refusal instead of "no such file". Several URLs given together are fetched
concurrently (``read_many``); the reports still come out in the order the URLs were given.
What a URL serves decides how it is read: a feed becomes its entries' articles, plain text
is read like a pasted report, HTML is extracted, anything else (PDF, images) is refused.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Iterator

from ..decode import DecodeError, decode_bytes
from ..hookspecs import hookimpl
from ..model import ReadFailure, ReadOptions, ReportInput
from .feed import looks_like_feed, read_feed
from .htmlfile import report_from_html
from .text import parse_plain_text

if TYPE_CHECKING:  # httpx is imported when a URL is read, not at every CLI start
    from ..fetch import Fetched, Fetcher

_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]+):")
_SCHEMES_WITHOUT_SLASHES = {"file", "data", "javascript", "mailto", "about", "blob", "ftp"}
_TEXT_TYPES = ("text/html", "application/xhtml", "text/plain", "xml", "rss", "atom")


def _is_url(source: str) -> bool:
    match = _SCHEME.match(source)
    return bool(match) and ("://" in source
                            or match.group("scheme").lower() in _SCHEMES_WITHOUT_SLASHES)


def _read_fetched(fetched: Fetched, fetcher: Fetcher) -> Iterator[ReportInput | ReadFailure]:
    kind = (fetched.content_type or "").split(";")[0].strip().lower()
    if looks_like_feed(fetched.content, kind):
        yield from read_feed(fetched.content, origin=fetched.url, fetcher=fetcher,
                             url=fetched.final_url, content_type=fetched.content_type)
    elif kind == "text/plain":
        try:
            text, _ = decode_bytes(fetched.content, declared=fetched.charset)
        except DecodeError as error:
            yield ReadFailure(fetched.url, str(error))
            return
        report = parse_plain_text(text)
        report.url, report.final_url, report.fetched_at = fetched.url, fetched.final_url, fetched.fetched_at
        report.raw, report.origin = fetched.content, fetched.url
        yield report
    elif kind and not any(t in kind for t in _TEXT_TYPES):
        yield ReadFailure(fetched.url, f"unsupported content: {kind} is not a page, feed or text")
    else:
        yield report_from_html(fetched.content, origin=fetched.url, charset=fetched.charset,
                               url=fetched.url, final_url=fetched.final_url,
                               fetched_at=fetched.fetched_at)


class WebReader:
    """Reads http(s) URLs; refuses every other scheme with the reason."""

    name = "web"

    def __init__(self, concurrency: int | None = None):
        self.concurrency = concurrency  # None: FetchSettings' default

    def can_read(self, source: str) -> bool:
        return _is_url(source)

    def read(self, source: str, options: ReadOptions) -> Iterator[ReportInput | ReadFailure]:
        return self.read_many([source], options)

    def read_many(self, sources: Iterable[str],
                  options: ReadOptions) -> Iterator[ReportInput | ReadFailure]:
        """Fetch all ``sources`` with the concurrency bound; yield in their order."""
        from ..fetch import FetchError, Fetcher, FetchSettings

        overrides = {"concurrency": self.concurrency} if self.concurrency else {}
        with Fetcher(FetchSettings.from_options(options, **overrides)) as fetcher:
            for url, result in fetcher.fetch_many(sources):
                if isinstance(result, FetchError):
                    yield ReadFailure(url, result.reason)
                else:
                    yield from _read_fetched(result, fetcher)


@hookimpl
def register_readers(register):
    register(WebReader())
