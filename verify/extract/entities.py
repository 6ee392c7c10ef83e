"""Mentions in a statement: places and organisations from the gazetteer, people from titles,
given names, English capitalised names and the statement's speaker, dates (verify.dates) and
numbers (verify.numbers).

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
from ..normalize import normalize_text
from ..numbers import find_numbers
from .arabic import GIVEN_NAMES, SPEECH_VERB, TITLE_WORDS as _AR_TITLES
from .document import Document
from .english import TITLE_WORDS as _EN_TITLES
from .gazetteer import gazetteer

__all__ = ["add_mentions"]

_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?")
_NAME_STOP = set("في من على علي الى الي عن و أو او ثم بعد قبل خلال مع الذي التي إن ان أن كان".split())
_CAPITAL_WORD = r"(?:[A-Z]\.|[A-Z](?:[a-z]+(?:[A-Z][a-z]+)?)?(?:['’-][A-Za-z][a-z]*)*(?![A-Za-z]))"
_CAPITAL_NAME = re.compile(r"(?<![A-Za-z'’])" + _CAPITAL_WORD + r"(?:\s+(?:" + _CAPITAL_WORD + r"|al-[A-Z][a-z]+|bin|ibn|de|van|von))*")


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
        if not gaz.may_start(head):
            i += 1
            continue
        for n in range(min(gaz.max_words, len(tokens) - i), 0, -1):
            words = [norm[s:e].rstrip(".") for s, e in tokens[i:i + n]]
            if n > 1 and any(norm[tokens[i + k][1]:tokens[i + k + 1][0]].strip(" -") for k in range(n - 1)):
                continue  # no punctuation inside a name
            found = gaz.lookup(words)
            if found is None or found[0].type == "title":
                continue
            entry, clitic = found
            start, end = doc.to_orig(tokens[i][0] + clitic, tokens[i + n - 1][1])
            surface = text[start:end].rstrip(".") if not text[start:end].endswith(("U.S.", "D.C.")) else text[start:end]
            if surface.isascii() and not surface[:1].isupper():
                continue  # "us", "is", "gulf" in running English are not names
            if surface.isascii() and n == 1 and len(surface) <= 3 and not surface.isupper():
                continue
            hit = (n, Mention(entry.type, surface, start, start + len(surface),
                              entity=entry.name, key=entry.key))
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
        if starts_title or word in GIVEN_NAMES:
            j = i + 1 if starts_title else i
            k = j
            while k < len(tokens) and k - j < 4:
                if k > j and norm[tokens[k - 1][1]:tokens[k][0]].strip():
                    break
                w = norm[tokens[k][0]:tokens[k][1]]
                if w in _NAME_STOP or SPEECH_VERB.fullmatch(w) or (k > j and w in _AR_TITLES):
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
        else:
            out.extend(_capitalised_name(text, match.start(), match.end()))
    return out


# Capitalised words that open a sentence or a clause, or are capitalised for being what they
# are (months, days, nationalities as nouns), and words that make a capitalised run an
# organisation, a place, a work or an event rather than a person.
_NOT_NAME_START = frozenset("""the a an in on at of for to from by with and but or nor so yet if as
after before when while since until though although because this that these those he she it they
we i you his her its their our my your there here what who whom which where why how during under
over about against between into through among meanwhile however also still then now today
yesterday tomorrow last next former late dear mr mrs ms me him us them is are was were be been has
have had do does did will would should could can may might must shall say says said follow author
reporter editor writer columnist analyst host anchor founder democrat unlike well exclusive note
breaking update watch video photo photos read more via source sources despite neither both any
only rival billionaire correspondent challenger liberal conservative maybe like using never no
bad better without absolutely first second third six""".split())
_CALENDAR = frozenset("""january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
thursday friday saturday sunday""".split())
_NOT_IN_NAME = _CALENDAR | frozenset("""university college school party ministry department council
committee commission court company corporation inc corp ltd llc news times post journal herald
tribune street st road avenue city county state states republic kingdom house senate congress
parliament army force forces navy union association institute foundation agency office bank group
center centre airport river lake mountain mount island islands north south east west northern
southern eastern western central national international united american democratic republican
democrats republicans federal government administration museum hospital church mosque temple
club league cup championship festival award awards prize war act bill day week month year
street press radio tv television network channel media service services project program
programme fund council bureau authority police police agency station hall square park bridge
tower plaza hotel god christ christmas easter ramadan islam islamic muslim christian jewish
internet twitter facebook youtube google instagram los las san santa hong new fort port bowl
amendment hill order statement file lodge studios books publishers relations elections fathers
research time show report poll co partnership beach palace mountains observer globe beast grounds
motor scientific groups ads world solutions safety""".split())
_OFFICES = frozenset("""director chief spokesman spokeswoman spokesperson officer head leader
commander ceo chair chairwoman coach deputy assistant acting lawmaker candidate nominee professor
prof doctor lord lady dame pope saint""".split())
_NOT_NAME = _NOT_NAME_START | _NOT_IN_NAME | _OFFICES | _EN_TITLES
_POSSESSIVE = re.compile(r"['’]s?$")
_PARTICLES = frozenset("al- bin ibn de van von".split())


def _capitalised_name(text: str, lo: int, hi: int) -> list[Mention]:
    """A personal name in a run of capitalised words ``text[lo:hi]`` with no honorific before
    it (``Ryan Dillon``, ``Hillary Clinton's``, ``In March Donald Trump``, ``Supreme Court
    Justice Ruth Bader Ginsburg``): the two to four words after the last function word, month,
    day, office, or word of an organisation or place in the run, none an acronym, no part of
    them a place or body the gazetteer knows."""
    spans = [(lo + m.start(), lo + m.end()) for m in re.finditer(r"\S+", text[lo:hi])]
    words = [text[s:e] for s, e in spans]
    while words and words[-1] in _PARTICLES:
        spans, words = spans[:-1], words[:-1]  # "Obama’s de": the particle of no name
    if not words:
        return []
    words[-1] = _POSSESSIVE.sub("", words[-1])
    plain = [w.rstrip(".").lower() for w in words]
    cut = max((i for i, w in enumerate(plain) if w in _NOT_NAME or i < len(plain) - 1
               and _POSSESSIVE.search(w)), default=-1)  # "Breitbart London’s Raheem Kassam"
    spans, words = spans[cut + 1:], words[cut + 1:]
    if not 2 <= len(words) <= 4 or any(len(w.rstrip(".")) > 1 and w.isupper() for w in words) \
            or len(words[-1]) < 2 or words[-1].endswith("."):
        return []
    gaz = gazetteer()
    norm = [normalize_text(w) for w in words]
    for i in range(len(norm)):
        for n in range(len(norm) - i, 0, -1):
            found = gaz.lookup(norm[i:i + n])
            if found and found[0].type in ("place", "organisation"):
                return []  # Kirkuk Governorate, Islamic State, Iraqi Kurdistan
    start, end = spans[0][0], spans[-1][0] + len(words[-1])
    name = text[start:end]
    return [Mention("person", name, start, end, entity=name, key=person_key(name))]


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
