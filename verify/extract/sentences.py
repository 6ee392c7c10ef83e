"""Sentence splitting for news text in Arabic and English.

A sentence ends at ``. ! ? ؟ …`` (with any closing marks after it) followed by space, and at
every line break, except after an abbreviation (``Col.``, ``U.S.``, an initial) and except
inside a quotation, so a quote that runs over several sentences stays in one sentence and
becomes one statement.
"""

from __future__ import annotations

import re

from .quotes import QuoteSpan, find_quotes

__all__ = ["split_sentences", "ABBREVIATIONS"]

ABBREVIATIONS = frozenset("""
mr mrs ms dr col gen lt maj capt sgt cpl pvt adm brig cmdr sen sens rep reps gov govs pres
st jr sr inc corp co ltd vs no nos jan feb mar apr jun jul aug sep sept oct nov dec ft mt
rev hon prof gov. dept est approx fig op e.g i.e etc a.m p.m u.s u.k u.n d.c r-n.y
""".split())
_END = re.compile(r"[.!?؟…]+(?:''|[\"”’»)\]'])*(?=\s)|\n+")
_WORD_BEFORE = re.compile(r"([\w.\-]+)\.$")
# '"...?" Trump told ITV.', '"...?" Miller, a retired worker, said.' — the attribution after a
# closing quotation mark belongs to it
_ATTRIBUTION_AFTER = re.compile(
    r"\s*(?:(?:[A-Z][\w’'.-]*|the|a|an|one|his|her)\s+){0,5}?"
    r"(?:[A-Z][\w’'.-]*,\s+(?:a|an|the)\s+[^,.!?\"“”]{1,60},\s+)?(?:said|says|told|tells|added|adds|asked|"
    r"asks|wrote|writes|explained|continued|continues|tweeted|argued|insisted|noted|replied|responded|"
    r"questioned|wondered|exclaimed|joked|quipped|shouted|yelled|declared|warned|recalled|added|"
    r"concluded|countered|observed|remarked|stated|announced|admitted|conceded)\b")


def _is_abbreviation(text: str, dot: int) -> bool:
    match = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not match:
        return False
    word = match.group(1).lower()
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha() and word.isascii()):
        return True
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))  # U.S, D.C, R.I


def split_sentences(text: str, quotes: list[QuoteSpan] | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, whitespace trimmed, in order."""
    quotes = find_quotes(text) if quotes is None else quotes
    inside = [(q.open, q.close) for q in quotes if q.words(text) >= 3]
    spans: list[tuple[int, int]] = []
    start = 0
    qi = 0
    for match in _END.finditer(text):
        at = match.start()
        newline = match.group().startswith("\n")
        if not newline:
            after = match.end()
            while qi < len(inside) and inside[qi][1] <= after:
                qi += 1
            if qi < len(inside) and inside[qi][0] < at:
                continue
            if match.group()[0] == "." and _is_abbreviation(text, at):
                continue
            following = text[match.end():match.end() + 3].lstrip()
            if following[:1].islower() and following[:1].isascii():
                continue  # '"...!" said Tom Burke': the sentence goes on
            if match.group()[-1] in "\"”’»'" and _ATTRIBUTION_AFTER.match(text, match.end()):
                continue
        end = match.start() if newline else match.end()
        _add(text, start, end, spans)
        start = match.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
