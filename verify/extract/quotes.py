"""Quotation marks: which marks open and close a quotation, and where each quotation lies.

Every style news text uses is paired here: ``“…”``, ``«…»``, ``„…“``, ``‹…›``, ASCII ``"…"``
(which opens and closes with the same mark, so marks pair in order within a paragraph), and
single quotes ``‘…’`` or ``'…'`` only where they cannot be an apostrophe (``Trump’s``). Whether a
quotation is a *quote* (someone's words) or a scare quote or a title is decided later, by the
attribution around it; this module only finds the spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuoteSpan", "find_quotes", "QUOTE_MARKS"]

_PAIRS = {"“": "”", "«": "»", "„": "“”", "‹": "›", "»": "«"}
QUOTE_MARKS = frozenset('"“”«»„‹›‘’\'')
_DOUBLE = re.compile(r"''|[\"“”«»„‹›]")  # '' is the New York Times' quotation mark
_SINGLE = re.compile(r"[‘'’]")


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: ``open``/``close`` bracket the marks, ``inner_*`` the words inside."""

    open: int
    close: int
    inner_start: int
    inner_end: int

    def words(self, text: str) -> int:
        return len(text[self.inner_start:self.inner_end].split())


def _span(text: str, open_at: int, close_at: int, width: int = 1) -> QuoteSpan | None:
    lo, hi = open_at + width, close_at
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    if lo == hi:
        return None
    return QuoteSpan(open_at, close_at + width, lo, hi)


def _opens_like(text: str, at: int, lo: int, hi: int) -> bool:
    """A mark with a space before and a word after reads as an opening one (' "word')."""
    before = text[at - 1] if at > lo else " "
    after = text[at + 1] if at + 1 < hi else " "
    return not before.isalnum() and after.isalnum()


def _closes_like(text: str, at: int, lo: int, hi: int) -> bool:
    """A mark right after a word or stop, with no word after it, reads as a closing one."""
    before = text[at - 1] if at > lo else " "
    after = text[at + 1] if at + 1 < hi else " "
    return not before.isspace() and not after.isalnum()


def _continued(text: str, hi: int) -> bool:
    """English leaves a quotation open at a paragraph's end when the next paragraph goes on
    with it ('“We came.\n“We left,” he said.'); that quotation is found from its continuation."""
    following = text[hi:hi + 200].lstrip()[:1]
    return following != "" and following in QUOTE_MARKS


def _mixed_pair_follows(text: str, at: int, hi: int, closers: str) -> bool:
    """Whether the ASCII mark at ``at`` closes a curly quotation because the next two marks are
    an ASCII one opening and the curly closer: '“We came," he said. "We left.”'."""
    marks = [m for m in _DOUBLE.finditer(text, at + 1, hi)][:2]
    return len(marks) == 2 and marks[0].group() == '"' and _opens_like(text, marks[0].start(), 0, hi) \
        and marks[1].group() in closers


def _pair_doubles(text: str, lo: int, hi: int, skip: int = -1) -> list[QuoteSpan]:
    found: list[QuoteSpan] = []
    opener: int | None = None
    closers = ""
    for match in _DOUBLE.finditer(text, lo, hi):
        mark, at = match.group(), match.start()
        if at == skip:
            continue
        if mark == "''":
            if opener is None:
                opener, closers = at, "''"
            elif closers == "''":
                span = _span(text, opener, at, 2)
                if span:
                    found.append(span)
                opener = None
            continue
        if opener is None:
            if mark == '"':
                opener, closers = at, '"”“'
            elif mark in _PAIRS:
                opener, closers = at, _PAIRS[mark]
            elif mark == "”":  # some Arabic sites open with ” and close with “ or ”
                opener, closers = at, "“”"
            continue
        if mark in closers or (closers == '"”“' and mark in '"”') or (
                mark == '"' and _closes_like(text, at, lo, hi) and text.count('"', opener, hi) % 2
                and not any(c in text[at:hi] for c in closers)) or (
                mark == '"' and _closes_like(text, at, lo, hi) and _mixed_pair_follows(text, at, hi, closers)):
            # '“فكيف تنكر ... القدم"', a curly or angled quote closed by ASCII; and
            # '“We came," he said. "We left.”', two quotations with the marks mixed up
            span = _span(text, opener, at)
            if span:
                found.append(span)
            opener = None
        elif mark in "«»" and mark == text[opener] and _closes_like(text, at, lo, hi) \
                and not any(c in text[at + 1:hi] for c in closers):
            # '»الوضع مستقر» مضيفا': one guillemet written for both ends, where no mark of the
            # other kind is left in the paragraph to close the quotation instead
            span = _span(text, opener, at)
            if span:
                found.append(span)
            opener = None
        elif mark == "“" and closers == "”":
            after = text[at + 1:at + 2]
            if text[at - 1:at].strip() and (not after or not after.isalnum()):
                span = _span(text, opener, at)  # '“It's unusual,“ said': a typo for ”
                if span:
                    found.append(span)
                opener = None
            else:
                opener = at  # an unclosed opening: restart from the newer one
    end = len(text[:hi].rstrip())
    if opener is not None and closers not in ('"”“', "''") and text[end - 1:end] in ".!?…" \
            and not _closes_like(text, opener, lo, hi) and len(text[opener:end].split()) >= 3 \
            and not _DOUBLE.search(text, opener + 1, hi) and not _continued(text, hi):
        # '“هناك بعض الأوقات ... معاً.' never closed: the quotation runs to the paragraph's end
        span = _span(text, opener, end)
        if span:
            found.append(QuoteSpan(opener, end, span.inner_start, end))
    return found


def _misread(text: str, spans: list[QuoteSpan], lo: int, hi: int) -> int:
    return sum(_closes_like(text, q.open, lo, hi) + _opens_like(text, q.close - 1, lo, hi)
               for q in spans if q.close - 1 < hi and text[q.close - 1] in '"”“«»')


def _double_quotes(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    """Pairs marks in order; with an odd number of ASCII marks one of them is a stray (a title
    quoted inside: 'ب "الخط الثالث أو "الطريق الثالث" ... "ولكني أظن ..."'), and leaving out the
    one whose absence makes every pair open and close the way its marks face keeps a single
    stray from shifting every later pair."""
    found = _pair_doubles(text, lo, hi)
    ascii_marks = [m.start() for m in re.finditer('"', text[lo:hi])]
    if len(ascii_marks) % 2 == 0 or len(ascii_marks) < 3:
        return found
    best = _misread(text, found, lo, hi)
    for at in ascii_marks:
        if best == 0:
            break
        spans = _pair_doubles(text, lo, hi, lo + at)
        misread = _misread(text, spans, lo, hi)
        if misread < best:
            found, best = spans, misread
    return found


def _single_quotes(text: str, lo: int, hi: int, taken: list[QuoteSpan]) -> list[QuoteSpan]:
    found: list[QuoteSpan] = []
    opener: int | None = None
    for match in _SINGLE.finditer(text, lo, hi):
        at = match.start()
        if any(q.open <= at < q.close for q in taken) or text.startswith("''", at) \
                or (at > lo and text[at - 1] == "'"):
            continue
        before = text[at - 1] if at > lo else " "
        after = text[at + 1] if at + 1 < hi else " "
        if opener is None:
            if match.group() != "’" and not before.isalnum() and after.isalnum():
                opener = at
        elif before not in " \t" and not after.isalnum():
            span = _span(text, opener, at)
            if span and "\n" not in text[opener:at]:
                found.append(span)
            opener = None
    return found


def find_quotes(text: str, lo: int = 0, hi: int | None = None) -> list[QuoteSpan]:
    """Quotations in ``text[lo:hi]``, outermost only, in order; marks pair within a paragraph."""
    hi = len(text) if hi is None else hi
    found: list[QuoteSpan] = []
    start = lo
    while start < hi:
        end = text.find("\n", start, hi)
        end = hi if end == -1 else end
        doubles = _double_quotes(text, start, end)
        found.extend(doubles)
        found.extend(_single_quotes(text, start, end, doubles))
        start = end + 1
    return sorted(found, key=lambda q: q.open)
