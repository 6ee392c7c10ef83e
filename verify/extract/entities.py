"""Mentions in a statement: places and organisations from the gazetteer, people from titles,
given names and the statement's speaker, dates (verify.dates) and numbers (verify.numbers).

Offsets are into the statement text. Each entity mention carries the canonical name and the
script-independent key, so مدينة كركوك in one report and Kirkuk in another meet.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import datetime

from ..dates import find_dates
from ..keys import person_key, strip_titles
from ..model import ExtractedStatement, Mention, SpeakerRef
from ..numbers import find_numbers
from .arabic import _GIVEN, _TITLES as _AR_TITLES, _VERB
from .document import Document
from .english import TITLE_WORDS as _EN_TITLES
from .gazetteer import gazetteer

__all__ = ["add_mentions"]

_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?")
_CLITIC_LETTERS = frozenset("وفبلك")
_CLITICS = ("و", "ف", "ب", "ل", "ك", "لل", "وال", "بال", "فال", "كال", "وبال")  # shortest first
_NAME_STOP = set("في من على علي الى الي عن و أو او ثم بعد قبل خلال مع الذي التي إن ان أن كان".split())
_CAPITAL_NAME = re.compile(r"(?:[A-Z][a-z'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.|al-[A-Z][a-z]+|bin|ibn|de|van|von))*")


def _number_value(mention) -> str | None:
    def fmt(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else repr(x)
    if mention.value is not None and mention.low == mention.high:
        return fmt(mention.value)
    return f"{fmt(mention.low)}/{fmt(mention.high)}"


def _gazetteer_mentions(doc: Document) -> list[Mention]:
    gaz = gazetteer()
    norm, text = doc.norm, doc.text
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(norm)]
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        hit = None
        head = norm[tokens[i][0]:tokens[i][1]].rstrip(".")
        if head not in gaz.first_words and not (head[:1] in _CLITIC_LETTERS and any(
                head.startswith(c) and head[len(c):] in gaz.first_words for c in _CLITICS)):
            i += 1
            continue
        for n in range(min(gaz.max_words, len(tokens) - i), 0, -1):
            words = [norm[s:e].rstrip(".") for s, e in tokens[i:i + n]]
            if n > 1 and any(norm[tokens[i + k][1]:tokens[i + k + 1][0]].strip(" -") for k in range(n - 1)):
                continue  # no punctuation inside a name
            first = words[0]
            variants = [first] + [first[len(c):] for c in _CLITICS
                                  if first.startswith(c) and len(first) - len(c) >= 3]
            for k, variant in enumerate(variants):
                entry = gaz.get(" ".join([variant] + words[1:]))
                if entry is None or entry.type == "title":
                    continue
                start, end = doc.to_orig(tokens[i][0] + len(first) - len(variant), tokens[i + n - 1][1])
                surface = text[start:end].rstrip(".") if not text[start:end].endswith(("U.S.", "D.C.")) else text[start:end]
                if surface.isascii() and not surface[:1].isupper():
                    continue  # "us", "is", "gulf" in running English are not names
                if surface.isascii() and n == 1 and len(surface) <= 3 and not surface.isupper():
                    continue
                hit = (n, Mention(entry.type, surface, start, start + len(surface),
                                  entity=entry.name, key=entry.key))
                break
            if hit:
                break
        if hit:
            out.append(hit[1])
            i += hit[0]
        else:
            i += 1
    return out


def _arabic_people(doc: Document) -> list[Mention]:
    norm = doc.norm
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(norm)]
    out = []
    i = 0
    while i < len(tokens):
        word = norm[tokens[i][0]:tokens[i][1]]
        starts_title = word in _AR_TITLES
        if starts_title or word in _GIVEN:
            j = i + 1 if starts_title else i
            k = j
            while k < len(tokens) and k - j < 4:
                if k > j and norm[tokens[k - 1][1]:tokens[k][0]].strip():
                    break
                w = norm[tokens[k][0]:tokens[k][1]]
                if w in _NAME_STOP or _VERB.fullmatch(w) or (k > j and w in _AR_TITLES):
                    break
                k += 1
            if k - j >= 2:
                start, end = doc.to_orig(tokens[j][0], tokens[k - 1][1])
                name = doc.text[start:end]
                out.append(Mention("person", name, start, end, entity=name, key=person_key(name)))
                i = k
                continue
        i += 1
    return out


def _english_people(text: str) -> list[Mention]:
    out = []
    for match in _CAPITAL_NAME.finditer(text):
        words = match.group().split()
        title, name = strip_titles(match.group())
        lead = words[0].rstrip(".").lower()
        if (title or lead in _EN_TITLES) and len(name.split()) >= 1 and name != match.group():
            start = match.start() + match.group().index(name)
            out.append(Mention("person", name, start, start + len(name), entity=name,
                               key=person_key(name)))
    return out


def _overlaps(mention: Mention, taken: list[Mention]) -> bool:
    return any(mention.start < t.end and t.start < mention.end for t in taken)


def _scan(doc: Document, language: str, published: datetime | None) -> list[Mention]:
    """Entity, date and number mentions of a whole text, offsets into it."""
    text = doc.text
    found: list[Mention] = []
    people = _arabic_people(doc) if language == "ar" else _english_people(text)
    for mention in people + _gazetteer_mentions(doc):
        if not _overlaps(mention, found):
            found.append(mention)
    for date in find_dates(text, published):
        mention = Mention("date", date.surface, date.start, date.end, value=date.value)
        if not _overlaps(mention, found):
            found.append(mention)
    for number in find_numbers(text):
        mention = Mention("number", number.surface, number.start, number.end,
                          value=_number_value(number))
        if not _overlaps(mention, found):
            found.append(mention)
    return found


def _with_speaker(text: str, found: list[Mention], speaker: SpeakerRef | None) -> list[Mention]:
    if speaker is not None and speaker.kind == "person" and speaker.name != speaker.role:
        at = text.find(speaker.name)
        if at >= 0:
            own = Mention("person", speaker.name, at, at + len(speaker.name),
                          entity=speaker.name, key=person_key(speaker.name))
            found = [own] + [m for m in found if not _overlaps(m, [own])]
    return sorted(found, key=lambda m: m.start)


def add_mentions(doc: Document, statements: list[ExtractedStatement], *, language: str,
                 published: datetime | None = None) -> None:
    """Fill each statement's mentions from one scan of the whole report (a scan per statement
    would normalise and search the same text several times over)."""
    found = sorted(_scan(doc, language, published), key=lambda m: m.start)
    starts = [m.start for m in found]
    for statement in statements:
        inside = []
        for m in found[bisect_left(starts, statement.start):]:
            if m.start >= statement.end:
                break
            if m.end <= statement.end:
                inside.append(replace(m, start=m.start - statement.start, end=m.end - statement.start))
        statement.mentions = _with_speaker(statement.text, inside, statement.speaker)
