"""Who the subject of a clause is, when a quotation's attribution is a pronoun or the narration around
it: leading clauses, appositions, contractions, names met elsewhere in the report.
"""

from __future__ import annotations

import re

from ...model import SpeakerRef
from .words import _CALENDAR, _FEMALE_WORDS, _MALE_WORDS, _MEDIA, _ORG, _PRONOUNS
from .speaker import _CONNECTIVES, _LEAD, _NAME, _NOT_SUBJECT, _PERSON_HEADS


_TITLE_BEFORE = re.compile(r"\b(?:Col|Gen|Lt|Maj|Capt|Sgt|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Rev|Adm|Brig)\.\s+$")

_RELATIVE_SUBJECT = re.compile(r",\s+((?:(?:to|in|at|after|upon|for|with|by)\s+)?wh(?:ich|om)\s+"
                               r"(?:[A-Z]|(?:the|an?|his|her|its|their)\s))")


def _np_before(text: str, lo: int, verb_start: int) -> tuple[int, int]:
    """The noun phrase that ends right before a verb: back to the clause start."""
    start = lo
    for mark in (". ", "; ", "\n", "” ", "\" "):
        at = text.rfind(mark, lo, verb_start)
        while mark == ". " and at > lo and re.match(r"\b[A-Z]$", text[at - 2:at].strip()):
            at = text.rfind(mark, lo, at)  # "Paul D. Ryan": an initial, not the sentence's end
        if at >= 0:
            start = max(start, at + len(mark))
    clause = start
    lead = _NAME.match(text, start, verb_start)
    aside = lead and re.compile(r",\s*(" + _NAME.pattern + r")\s*$").match(text, lead.end(), verb_start)
    if aside and aside.group(1).split()[0] not in _NOT_SUBJECT | _CONNECTIVES and not _CALENDAR.match(aside.group(1)):
        start = aside.start(1)  # "Trump, Sexton said, has created": Sexton speaks about Trump
    elif lead and text.startswith(",", lead.end()) and lead.group().split()[0] not in _NOT_SUBJECT:
        start = lead.start()  # "Clinton, during a town hall in Columbus, Ohio, said"
    else:
        # a comma ends the clause unless it closes an apposition: "Smith, a spokesman, said"
        parts = text[start:verb_start].split(",")
        if len(parts) >= 3:
            start = verb_start - len(",".join(parts[-3:]))
        elif len(parts) == 2 and (not re.match(r"\s*(?:a|an|the|who|his|her)\b", parts[1])
                                  or len(parts[0].split()) > 6):  # "But Trump has ..., the columnist said"
            start = verb_start - len(parts[1])
        opening = text.startswith("With ", clause) and _LEAD.match(text, clause, verb_start)
        if opening and opening.end() > start:
            start = opening.end()  # "With her husband, former President Bill Clinton, standing by her side,"
    relative = None
    for relative in _RELATIVE_SUBJECT.finditer(text, start, verb_start):
        pass
    if relative:
        start = relative.start(1)  # "Mukasey, ..., criticized Clinton’s email use, which an FBI investigation said"
    title = _TITLE_BEFORE.search(text, max(lo, start - 8), start)
    if title:
        start = title.start()  # "Col. Ryan Dillon": the sentence mark was the title's dot
    return start, verb_start


_SUBJECT = re.compile(
    r"(?:[Aa]s\s+)?(?P<np>(?:(?:[A-Z][\w’'.-]*|the|a|an|his|her|its|their|[a-z][a-z-]*(?=\s+[a-z-]*\s*[A-Z]))\s+){0,6}?(?:[A-Z][\w’'-]*[a-z][\w’'-]*|"
    r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Oo]ne)(?:\s+[\w’'-]+){1,3}?|"
    r"he|she|they|He|She|They|I|We|we)(?:\s*\([^()]{1,20}\))?(?:,\s*[^,;\"“”]{2,150}?(?:,[^,;\"“”]{2,80}?){0,2},)?)(?:\s+(?:himself|herself))?\s+"
    r"(?:(?:also|then|later|again|once|has|had|have|was|is|would|will|did|never|not|still|just|even|"
    r"nevertheless|nonetheless|however|instead|meanwhile|therefore|thus|indeed|too|"
    r"only|already|now|first|finally|[a-z]+ly|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:last|this)\s+(?:week|month|year|night|spring|summer|fall|winter))\s+)*"
    r"(?P<verb>(?:did|does|do|was|is|has|had|have|were|would|could|wo|ca)n[’']t|"
    r"[a-z]+(?:ed|[^s]s|ied)|is|was|has|had|will|would|could|can|does|did|said|told|wrote|written|spoke|spoken|shot back|put it|put|went|says|"
    r"took|gave|given|made|thought|felt|began|fought|struck|sent|threw|came|got|held|kept|left|lost|ran|"
    r"saw|stood|won|brought|drew|led|met|paid|rose|sought|taught|hit|set|let|became|broke|chose|"
    r"knew|meant|read|spent|swore|woke|wore|withdrew)\b")


def _clause_start(text: str, lo: int, at: int) -> int:
    """Where the clause holding ``at`` begins: after the last sentence mark or quotation."""
    start = lo
    for mark in ("; ", "\n", "” ", "\" ", "'' ", ": ", "—", " - ", " – "):
        found = text.rfind(mark, lo, at)
        if found >= 0:
            start = max(start, found + len(mark))
    while start < at and text[start].isspace():
        start += 1
    return start


def _subject(text: str, lo: int, hi: int, loose: bool = False) -> tuple[int, int] | None:
    """The subject noun phrase of the clause ending at ``hi`` (its first verb's subject)."""
    start = _clause_start(text, lo, hi)
    lead = _LEAD.match(text, start, hi)
    match = (lead and _SUBJECT.match(text, lead.end(), hi)) or _SUBJECT.match(text, start, hi)
    gerund = match and re.match(r"[A-Z]\w+ing\b", match.group("np"))
    if match and (not gerund or re.search(r"[A-Z][\w’'.-]+\s+" + gerund.group() + r"\b", text[:start])) \
            and (not re.fullmatch(r"[a-z]+[^s]s", match.group("verb")) or _named_elsewhere(text, match.group("np"))):
        # "Holding signs ..." is no one, but "Ebeling said" after "Betsy Ebeling" is her; in
        # "Giant screens hanging ..." the plural noun only looks like a verb
        return match.start("np"), match.end("np")
    # "Weaver didn't seem impressed ...": a name opening the clause is its subject
    name = loose and _NAME.match(text, lead.end() if lead else start, hi)
    first = name.group().split()[0] if name else ""
    if name and not _CALENDAR.match(first) and first not in _NOT_SUBJECT and not first.endswith("ing") \
            and _named_elsewhere(text, name.group()):
        return name.start(), name.end()
    return None


def _named_elsewhere(text: str, np: str) -> bool:
    """Whether a lone capitalised word opening a sentence ("Giant screens glittered", "Weaver
    didn't seem impressed") is a name: the report writes it elsewhere as one ("Jeff Weaver",
    "said Weaver"). Longer phrases, lower-case words and plurals ("Democrats") pass."""
    if not re.fullmatch(r"[A-Z][a-z]+", np) or re.fullmatch(r"[A-Z][a-z]+[^s]s|People", np) \
            or np.lower() in _PRONOUNS or _MEDIA.match(np) or _ORG.match(np):
        return True
    return re.search(r"(?:[a-z,]|[A-Z][\w’'-]*[a-z])\s+" + np + r"\b", text) is not None


def _last_name(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The last capitalised name in a clause: "Here's Clinton in December 1992:"."""
    start = _clause_start(text, lo, hi)
    names = [m for m in _NAME.finditer(text, start, hi)
             if (m.start() > start or len(m.group().split()) > 1) and not _CALENDAR.match(m.group())]
    return (names[-1].start(), names[-1].end()) if names else None


def _looks_like_person(text: str, speaker: SpeakerRef, before: int) -> bool:
    """Whether a sentence's subject is a person a later "he" may mean: a title, a full name
    ("Bernie Sanders"), or a surname already given in full earlier in the report."""
    if speaker.title or speaker.role and any(w.lower() in _FEMALE_WORDS | _MALE_WORDS | _PERSON_HEADS
                                             for w in speaker.role.split()[-1:]):
        return True  # "his wife, Jane": a first name alone, but the role says who she is
    words = speaker.name.split()
    if not words or speaker.name == speaker.role or _CALENDAR.match(words[0]) \
            or words[0] in _NOT_SUBJECT or _ORG.search(speaker.name) or _MEDIA.search(speaker.name):
        return False
    if len(words) >= 2:
        return all(w[:1].isupper() for w in words)
    # "Bernie Sanders" earlier, or "Rihanna, who was honored ...": a relative "who" is a person's
    return re.search(r"\b[A-Z][\w’'.-]+\s+" + re.escape(words[0]) + r"\b", text[:before]) is not None \
        or re.match(r"\W*(?:\w+\W+){0,3}?" + re.escape(words[0]) + r",\s+who\b", text[before:before + 200]) is not None
