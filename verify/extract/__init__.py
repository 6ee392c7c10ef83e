"""Extraction: a report's text in, its statements (quotes, indirect speech, assertions) out.

``extract`` is what the built-in extractor plugins (verify.extract.builtin) call; the pipeline
reaches it through the ``register_extractors`` hook, so a plugin can replace it per language.
"""

from __future__ import annotations

from datetime import datetime

from ..model import ExtractedStatement
from .arabic import ArabicRules
from .attribution import extract_statements
from .document import Document
from .english import EnglishRules
from .entities import add_mentions

__all__ = ["extract", "RULES"]

RULES = {"ar": ArabicRules(), "en": EnglishRules()}


def extract(text: str, *, language: str, published: datetime | None = None) -> list[ExtractedStatement]:
    """Statements of a report with speakers and mentions; offsets are into ``text``.

    Languages without rules of their own get the English rules for quotation marks and
    sentences: quotes are kept, speakers only where an English-like pattern finds one.
    """
    code = (language or "").split("-")[0].lower()
    rules = RULES.get(code, RULES["en"])
    doc = Document(text)
    statements = extract_statements(doc, rules)
    add_mentions(doc, statements, language=code, published=published)
    return statements
