"""Saved web pages (``.html``, ``.htm``, ``.xhtml``), and the page-to-report step the URL and feed
readers share.

A saved page keeps its ``<link rel="canonical">``: that becomes the report's URL, so the same
article fetched later from the web is recognised (a duplicate, or a new version if it
changed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..decode import DecodeError, declared_charset, decode_bytes
from ..hookspecs import hookimpl
from ..html import extract_article
from ..model import ReadFailure, ReadOptions, ReportInput
from .files import FileReader


def report_from_html(data: bytes, *, origin: str, charset: str | None = None,
                     url: str | None = None, final_url: str | None = None,
                     fetched_at: str | None = None) -> ReportInput | ReadFailure:
    """One page's bytes as a report, or the one-line reason it cannot be one.

    ``charset`` is what the server declared; without it the page's own ``<meta>`` is used,
    then detection. The raw bytes are kept as evidence of what was read.
    """
    try:
        text, _ = decode_bytes(data, declared=charset or declared_charset(data))
    except DecodeError as error:
        return ReadFailure(origin, str(error))
    article = extract_article(text, url=final_url or url)
    if not article.text.strip():
        return ReadFailure(origin, "empty: no article text in the page")
    return ReportInput(
        text=article.text, title=article.title, outlet=article.site_name,
        url=url or article.canonical_url, final_url=final_url,
        published_at=article.published_at, fetched_at=fetched_at, byline=article.byline,
        raw=data, origin=origin,
    )


class HtmlFileReader(FileReader):
    """Reads a saved page as one report (decoding by the page's own declared charset)."""

    name = "html"
    suffixes = (".html", ".htm", ".xhtml")

    def read(self, source: str, options: ReadOptions) -> Iterator[ReportInput | ReadFailure]:
        path = Path(source)
        try:
            size = path.stat().st_size
            if size > options.max_bytes:
                yield ReadFailure(source, f"too large: {size:,} bytes (limit {options.max_bytes:,})")
                return
            data = path.read_bytes()
        except OSError as error:
            yield ReadFailure(source, f"cannot read: {error.strerror or error}")
            return
        yield report_from_html(data, origin=str(path))


@hookimpl
def register_readers(register):
    register(HtmlFileReader())
