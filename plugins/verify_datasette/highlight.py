"""Escaped HTML for text with marked spans: matched words, differences, statements in a report.

Every piece of ingested text is untrusted, so the text is cut into pieces at span boundaries
and each piece is escaped on its own; markup only ever comes from the constant tags here.
Offsets come from other tables (``matches.details``, ``statements.start``/``end``) and may be
stale or wrong, so they are clamped and bad ones dropped rather than trusted.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """A range ``[start, end)`` of a text, with what it stands for (a class, a statement...)."""

    start: int
    end: int
    payload: Any = None


def clean_spans(spans: Iterable[Sequence[int]] | None, length: int) -> list[tuple[int, int]]:
    """Well-formed, clamped ``(start, end)`` pairs; anything malformed is dropped."""
    result = []
    for span in spans or ():
        try:
            start, end = int(span[0]), int(span[1])
        except (TypeError, ValueError, IndexError):
            continue
        start, end = max(0, start), min(length, end)
        if start < end:
            result.append((start, end))
    return result


def pieces(text: str, spans: Iterable[Span]) -> list[tuple[str, list[Any]]]:
    """Cut ``text`` at every span boundary; each piece comes with the payloads covering it."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    result = []
    for lo, hi in zip(cuts, cuts[1:]):
        covering = [s.payload for s in spans if s.start <= lo and hi <= s.end]
        result.append((text[lo:hi], covering))
    return result


def render(text: str, spans: Iterable[Span],
           wrap: Callable[[Markup, list[Any]], Markup]) -> Markup:
    """Escape each piece and let ``wrap`` decorate the pieces that some span covers."""
    out = []
    for piece, payloads in pieces(text, spans):
        escaped = escape(piece)
        out.append(wrap(escaped, payloads) if payloads else escaped)
    return Markup("").join(out)


def _difference_title(difference: dict, side: str) -> str:
    """``number: hundreds ≠ thousands``, this side's words first."""
    kind = str(difference.get("kind") or "difference")
    mine, theirs = difference.get(side), difference.get("b" if side == "a" else "a")
    return f"{kind}: {mine} ≠ {theirs}" if mine is not None and theirs is not None else kind


def mark_match(text: str, aligned: Iterable[Sequence[int]] | None,
               differences: Iterable[dict] | None = None, *, side: str = "a") -> Markup:
    """``text`` with aligned words in ``<mark class="verify-aligned">`` and differences marked.

    ``side`` says which end of the match this text is: differences carry ``a_span``/``b_span``.
    """
    spans = [Span(s, e, ("aligned", None)) for s, e in clean_spans(aligned, len(text))]
    for difference in differences or ():
        if not isinstance(difference, dict):
            continue
        for s, e in clean_spans([difference.get(f"{side}_span")], len(text)):
            spans.append(Span(s, e, ("difference", _difference_title(difference, side))))

    # A difference wins over alignment, and adjacent pieces of one difference stay one mark.
    merged: list[tuple[str, Any]] = []
    for piece, payloads in pieces(text, spans):
        titles = tuple(title for kind, title in payloads if kind == "difference")
        key = ("difference", titles) if titles else ("aligned", ()) if payloads else None
        if merged and merged[-1][1] == key:
            merged[-1] = (merged[-1][0] + piece, key)
        else:
            merged.append((piece, key))
    out = []
    for piece, key in merged:
        if key is None:
            out.append(escape(piece))
        elif key[0] == "difference":
            out.append(Markup('<mark class="verify-difference" title="{}">{}</mark>').format(
                "; ".join(key[1]), piece))
        else:
            out.append(Markup('<mark class="verify-aligned">{}</mark>').format(piece))
    return Markup("").join(out)


_WORDS = re.compile(r"\s+|[^\s]+")


def diff_words(old: str, new: str) -> Markup:
    """The new text with words removed since ``old`` in ``<del>`` and added ones in ``<ins>``."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    out = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            out.append(Markup('<del class="verify-removed">{}</del>').format("".join(a[a0:a1])))
        if op in ("insert", "replace"):
            out.append(Markup('<ins class="verify-added">{}</ins>').format("".join(b[b0:b1])))
        if op == "equal":
            out.append(escape("".join(b[b0:b1])))
    return Markup("").join(out)


def safe_url(url: Any) -> str | None:
    """The URL if it is http(s), else None: a report's URL is data, and ``javascript:`` is not a link."""
    if not isinstance(url, str):
        return None
    candidate = url.strip()
    scheme = candidate.split(":", 1)[0].lower() if ":" in candidate else ""
    return candidate if scheme in ("http", "https") and "//" in candidate[:8] else None
