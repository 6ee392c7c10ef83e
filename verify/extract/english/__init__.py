"""English attribution rules, matched on the original text (capitals mark names).

Patterns: ``"...," Smith said`` / ``said Smith``, ``Smith said: "..."``, ``Smith told
reporters``, ``according to Smith``, ``He added`` (the last named person), anonymous sources
(``a senior official who spoke on condition of anonymity``), and ``said that ...`` as indirect
speech. Roles and titles are split from the name: ``Pentagon spokesman Col. Ryan Dillon``.
"""

from .words import TITLE_WORDS
from .speaker import parse_speaker
from .rules import EnglishRules

__all__ = ["EnglishRules", "parse_speaker", "TITLE_WORDS"]
