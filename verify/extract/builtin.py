"""verify's own extractors, registered through the ``register_extractors`` hook like any plugin.

Arabic and English have rules of their own; the catch-all extractor serves every other
language with sentence splitting, quotation marks and English-like attribution, so a Persian or
Kurdish report still gets its statements (assertions and quotes), if fewer speakers.
"""

from __future__ import annotations

from datetime import datetime

from ..hookspecs import hookimpl
from ..model import ExtractedStatement
from . import extract


class RuleExtractor:
    """An extractor object as the hook expects: ``languages`` and ``extract(...)``."""

    def __init__(self, name: str, languages: tuple[str, ...]) -> None:
        self.name = name
        self.languages = languages

    def extract(self, text: str, *, language: str | None,
                published: datetime | None = None) -> list[ExtractedStatement]:
        return extract(text, language=language or "", published=published)


@hookimpl
def register_extractors(register):
    register(RuleExtractor("arabic", ("ar",)))
    register(RuleExtractor("english", ("en",)))
    register(RuleExtractor("any-language", ("*",)))
