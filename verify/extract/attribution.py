"""The language-independent core: quotes, attributions and statements of one report.

Language packages (``arabic/``, ``english/``) only answer local questions — is there an
attribution just before or after this quotation, where is reported speech without marks —
and this module decides what becomes a statement, carries speakers over from sentence to
sentence (participles, pronouns, ``those media``) and keeps offsets into the report text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from ..model import ExtractedStatement, SpeakerRef
from ..normalize import normalize_text
from .document import Document
from .quotes import QuoteSpan, find_quotes
from .sentences import split_sentences

__all__ = ["Attribution", "Rules", "State", "extract_statements"]

_WORDS = re.compile(r"[^\W_]+")
_BYLINE = re.compile(r"\s*\n\s*[-–—]\s*\S")


@dataclass
class Attribution:
    """Attribution words at ``[start, end)`` of the report text, and who they name.

    ``follow`` says the speaker is not named here: ``"last"`` (a participle or ``He added``
    continues the last speaker), ``"person"`` (a pronoun: the last named person) or
    ``"refer:<noun>"`` (``تلك الوسائل``: the earlier speaker named with that noun).
    """

    start: int
    end: int
    speaker: SpeakerRef | None = None
    follow: str | None = None
    adjacent: bool = False  # the verb or connector touches the quotation: short quotes count
    fallback: SpeakerRef | None = None  # who to credit when ``follow`` finds nobody
    gender: str | None = None  # "f" or "m" when the pronoun or the verb's form marks it ("she said",
    # وأضافت): a continuation of the other gender than the last speaker goes back to one of its own


class Rules(Protocol):
    """What a language module answers; offsets are original offsets into the report text."""

    min_quote_words: int
    unattributed_quote_words: int
    names_keep_context: bool  # وطالب بلحاج، ... حزب "الجبهة"، بـ"...": the verb reaches past a quoted name

    def before(self, doc: Document, lo: int, hi: int) -> Attribution | None: ...

    def after(self, doc: Document, lo: int, hi: int) -> Attribution | None: ...

    def context(self, doc: Document, lo: int, hi: int) -> Attribution | None:
        """A weaker guess than before/after: who the clause holding the quotation is about."""

    def indirect(self, doc: Document, lo: int, hi: int) -> list[tuple[Attribution, int, int]]: ...

    def referents(self, doc: Document, lo: int, hi: int) -> list[SpeakerRef]: ...

    def subject(self, doc: Document, lo: int, hi: int) -> SpeakerRef | None: ...

    # Optional: ``gender(speaker) -> "f" | "m" | None`` from the name itself (a title, a first
    # name, a role such as "spokeswoman"); a module without it leaves pronouns genderless.
    # Optional: ``shown_gender(doc, lo, hi, subject) -> "f" | "m" | None``, what the sentence
    # about a person shows of them ("Sexton then threw up his hands").
    # Optional: ``people(doc, lo, hi) -> list[SpeakerRef]``, the people a sentence names whose
    # gender shows, so that a continuation of that gender may go back to them.
    # Optional: ``carries_over``, true when a quotation of four words or more that opens its
    # sentence goes to the last speaker however far back, if nobody else was named since.
    # Optional: ``looks_back(doc, at) -> bool``, whether the sentence opening at ``at``
    # attributes the quotation that ended the sentence before ('"...". هكذا تحدثت فاطمة').
    # Optional: ``titled``, a pattern matching words that end right before a quotation which
    # names something ("تحت شعار"، "بعنوان"، "entitled"): such a quotation is no quote.


_RECALL = 8  # how many earlier people a gendered pronoun may reach back to


@dataclass
class State:
    """What earlier sentences tell later ones: the last speaker, the last person, referents."""

    last: SpeakerRef | None = None
    person: SpeakerRef | None = None
    subject: SpeakerRef | None = None
    referents: list[SpeakerRef] = field(default_factory=list)
    quote_sentence: int = -2
    consumed: int = 0  # text up to here already belongs to a statement
    subject_sentence: int = -2
    people: list[SpeakerRef] = field(default_factory=list)  # named people, the latest last
    spoken: list[SpeakerRef] = field(default_factory=list)  # speakers and people met, the latest last
    genders: dict[str, str] = field(default_factory=dict)  # by name: what the report has shown
    gender_of: Callable[[SpeakerRef], str | None] = lambda speaker: None

    def resolve(self, attribution: Attribution) -> SpeakerRef | None:
        follow = attribution.follow
        if follow is None:
            speaker = attribution.speaker
        elif follow == "last":
            speaker = self._last_of(attribution.gender)
        elif follow == "person":
            speaker = self._person(attribution.gender) or attribution.fallback
            if speaker is None and self._fits(self.last, attribution.gender):
                speaker = self.last
        else:
            noun = normalize_text(follow.split(":", 1)[1])
            noun = noun[2:] if noun.startswith("ال") else noun
            speaker = next((r for r in reversed(self.referents)
                            if noun[:4] and noun[:4] in normalize_text(r.name)), None)
        speaker = speaker or attribution.fallback
        if speaker is not None:
            if follow is None and attribution.gender and self._gender(speaker) is None:
                self.genders[speaker.name] = attribution.gender  # قالت كنزة: a woman; قالت الوزارة too
            self.remember(speaker)
        return speaker

    def _gender(self, speaker: SpeakerRef) -> str | None:
        return self.gender_of(speaker) or self.gender_known(speaker)

    def _last_of(self, gender: str | None) -> SpeakerRef | None:
        """Who a continuation whose form shows a gender (وأضافت، مضيفا) means: the last speaker,
        unless the report showed them of the other gender (a man, or a body a masculine or
        feminine verb went with); then the latest speaker or person met of that gender, and
        the last speaker still when there is none."""
        if gender is None or self.last is None or self._gender(self.last) in (None, gender):
            return self.last
        return next((s for s in reversed(self.spoken) if s.name != self.last.name
                     and self._gender(s) == gender), self.last)

    def remember(self, speaker: SpeakerRef) -> None:
        self.last = speaker
        self.spoken_of(speaker)
        if speaker.kind == "person" and speaker.name and speaker.name != speaker.role:
            self.meet(speaker)
        if speaker.kind in ("media", "anonymous", "organisation"):
            self.referents.append(speaker)

    def meet(self, speaker: SpeakerRef) -> None:
        """A named person the narration turns to: whom a later "he" most likely means."""
        gender = self._gender(speaker)
        if gender:
            self.genders[speaker.name] = gender
            full = next((p for p in reversed(self.people) if " " in p.name and " " not in speaker.name
                         and p.name.split()[-1] == speaker.name), None)
            if full is not None and full.name not in self.genders:
                self.genders[full.name] = gender  # "Ms. Hughes" shows that "Rhonda Hughes" is a woman
        self.person = speaker
        self.people = [p for p in self.people if p.name != speaker.name][-_RECALL + 1:] + [speaker]
        self.spoken_of(speaker)

    def spoken_of(self, speaker: SpeakerRef) -> None:
        """Someone the report speaks of or quotes: whom a continuation of their gender may mean."""
        self.spoken = [p for p in self.spoken if p.name != speaker.name][-2 * _RECALL + 1:] + [speaker]

    def gender_known(self, speaker: SpeakerRef) -> str | None:
        """What the report showed of this name, or of the latest full name a bare surname
        stands for ("Clinton" after "Hillary Clinton", not after "Bill Clinton")."""
        if speaker.name in self.genders or " " in speaker.name:
            return self.genders.get(speaker.name)
        full = next((p for p in reversed(self.people) if p.name.split()[-1] == speaker.name), None)
        return full and self.genders.get(full.name)

    def _fits(self, speaker: SpeakerRef | None, gender: str | None) -> bool:
        """Whether a pronoun of this gender may mean this speaker: not a person the report
        has shown to be of the other gender."""
        if speaker is None or gender is None:
            return speaker is not None
        return speaker.kind in ("person", "anonymous") and self.gender_known(speaker) in (None, gender)

    def _person(self, gender: str | None) -> SpeakerRef | None:
        """The last named person, unless the pronoun's gender rules them out ("she said" after
        Bernie Sanders spoke): then the latest earlier person of that gender, or of none known;
        nobody rather than a man for "she"."""
        if self.person is None or self._fits(self.person, gender):
            return self.person
        earlier = [p for p in reversed(self.people) if p is not self.person]
        return next((p for p in earlier if self.gender_known(p) == gender),
                    next((p for p in earlier if self.gender_known(p) is None), None))


def _titled(rules: Rules, text: str, lo: int, at: int) -> bool:
    """Whether the words just before a quotation say it is a title or a slogan."""
    pattern = getattr(rules, "titled", None)
    return pattern is not None and pattern.search(text, max(lo, at - 40), at) is not None


def _words(text: str) -> int:
    return len(_WORDS.findall(text))


_UNNAMED_MEDIA = re.compile(r"(?:وسائل|وسايل|تقارير|مواقع|صحف|قنوات|(?:the\s+)?(?:media|reports|news reports|"
                            r"outlets|local media|state media))\b", re.I)


def _is_anonymous(speaker: SpeakerRef | None) -> bool:
    """Unnamed sources, and media that are not named (``وسائل إعلام أميركية``, not ``Reuters``)."""
    if speaker is None:
        return False
    return speaker.kind == "anonymous" or (
        speaker.kind == "media" and bool(_UNNAMED_MEDIA.match(normalize_text(speaker.name))))


def extract_statements(doc: Document, rules: Rules) -> list[ExtractedStatement]:
    """Statements of the document's text in order, without mentions (the caller adds those)."""
    text = doc.text
    quotes = find_quotes(text)
    state = State(gender_of=getattr(rules, "gender", lambda speaker: None))
    out: list[ExtractedStatement] = []
    qi = 0
    sentences = split_sentences(text, quotes)
    for index, (s_start, s_end) in enumerate(sentences):
        next_end = sentences[index + 1][1] if index + 1 < len(sentences) else s_end
        if state.consumed >= s_end:
            continue  # the byline of the quotation before
        s_start = max(s_start, state.consumed)
        while qi < len(quotes) and quotes[qi].open < s_start:
            qi += 1
        inside: list[QuoteSpan] = []
        while qi < len(quotes) and quotes[qi].close <= s_end:
            inside.append(quotes[qi])
            qi += 1
        subject = rules.subject(doc, s_start, s_end)
        if subject is not None:  # "Valastro praised Christie. "We need someone ...""
            state.subject = subject
            state.subject_sentence = index
            if subject.kind == "person" and subject.name != subject.role:
                state.meet(subject)  # "he" is whom the narration last turned to, speaker or not
                shown = getattr(rules, "shown_gender", None)
                gender = shown and shown(doc, s_start, s_end, subject)
                if gender and state.gender_known(subject) is None:
                    state.genders[subject.name] = gender  # "Trump threw up his hands": a man
        for person in getattr(rules, "people", lambda doc, lo, hi: [])(doc, s_start, s_end):
            state.spoken_of(person)
        units = _quote_units(doc, rules, state, index, s_start, s_end, inside, next_end)
        units += _indirect_units(doc, rules, state, index, s_start, s_end, units, inside)
        units.sort(key=lambda u: u.start)
        assertion = _assertion(text, index, s_start, s_end, units)
        if assertion:
            units.append(assertion)
            units.sort(key=lambda u: u.start)
        out.extend(units)
    return out


def _quote_units(doc: Document, rules: Rules, state: State, index: int, s_start: int,
                 s_end: int, quotes: list[QuoteSpan], next_end: int) -> list[ExtractedStatement]:
    text = doc.text
    units: list[ExtractedStatement] = []
    boundary = s_start
    frame: SpeakerRef | None = None  # who a short quotation's verb before it made the sentence's speaker
    for i, quote in enumerate(quotes):
        following = quotes[i + 1].open if i + 1 < len(quotes) else s_end
        words = quote.words(text)
        if _titled(rules, text, boundary, quote.open):
            # A report "entitled", a rally "تحت شعار": named, not said. The verb before it may
            # still introduce the next quotation, as it does past a quoted name.
            continue
        attribution = rules.before(doc, boundary, quote.open)
        framing = attribution is not None and words <= 4
        start, end = quote.open, quote.close
        if attribution is not None:
            start = attribution.start
        else:
            attribution = rules.after(doc, quote.close, following)
            looks_back = getattr(rules, "looks_back", None)
            if attribution is None and following == s_end and next_end > s_end \
                    and (_BYLINE.match(text, s_end) or looks_back is not None and looks_back(doc, s_end)):
                # a byline under the quotation ('"..."\n- Sanders.') belongs to it, and so does
                # the next sentence when it points back at it ('"...". هكذا تحدثت فاطمة')
                attribution = rules.after(doc, quote.close, next_end)
                if attribution is not None:
                    state.consumed = attribution.end
            if attribution is not None:
                end = attribution.end
            else:
                attribution = rules.context(doc, boundary, quote.open)
                if attribution is not None:
                    start = attribution.start
                    if frame is not None and getattr(rules, "frame_goes_on", False) \
                            and not re.search(r"[,;:.]", text[boundary - 2:quote.open]):
                        # 'Cruz says his "friend" Marco Rubio ran "an optimistic campaign"': the
                        # verb before the first quotation frames the clause that goes on
                        attribution = Attribution(attribution.start, attribution.end, speaker=frame,
                                                  adjacent=attribution.adjacent)
        speaker = None
        if attribution is not None:
            if words < rules.min_quote_words and not attribution.adjacent:
                if not rules.names_keep_context:
                    boundary = quote.close
                continue  # a quoted name: the words around it may still attribute the next one
            if attribution.follow == "last" and attribution.start > boundary:
                # "واعتبر X أن ...، مضيفا أن "..."": the indirect speech before names the speaker
                units.extend(_indirect(doc, rules, state, index, boundary, attribution.start))
            for ref in rules.referents(doc, attribution.start, attribution.end):
                state.referents.append(ref)
            speaker = state.resolve(attribution)
        elif units and units[-1].speaker is not None and units[-1].sentence == index:
            speaker = units[-1].speaker  # "..." and that "...": the sentence's speaker goes on
        else:
            opens_sentence = _words(text[boundary:quote.open]) <= 1
            if opens_sentence and words >= 4 and state.subject_sentence == index - 1 \
                    and state.subject is state.person:
                speaker = state.subject  # "Valastro praised Christie. "We need someone ...""
                state.last = speaker  # and what he "added" next is his too
            elif opens_sentence and words >= 4 and state.quote_sentence >= index - 3 and state.last:
                speaker = state.last
            elif opens_sentence and words >= 4 and state.subject_sentence == index - 1:
                speaker = state.subject
            elif opens_sentence and words >= 4 and getattr(rules, "carries_over", False) \
                    and state.last is not None and state.spoken[-1].name == state.last.name:
                # narration since the last speaker named nobody else: a quotation opening its
                # sentence, however far, is theirs
                speaker = state.last
            elif words < rules.unattributed_quote_words:
                if words > 3 or not rules.names_keep_context:
                    boundary = quote.close
                continue
            elif state.quote_sentence >= index - 3:
                speaker = state.last  # a long quotation among another speaker's quotations
            else:
                speaker = state.person  # a long quotation far from others: whom the narration is about
        frame = speaker if framing else None
        state.quote_sentence = index
        units.append(ExtractedStatement(
            sentence=index, start=start, end=end, kind="quote", text=text[start:end],
            quote=text[quote.inner_start:quote.inner_end], speaker=speaker,
            anonymous=_is_anonymous(speaker)))
        boundary = end if end > quote.close else quote.close
    return units


def _gaps(s_start: int, s_end: int, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    gaps = []
    at = s_start
    for start, end in sorted(taken):
        if start > at:
            gaps.append((at, start))
        at = max(at, end)
    if at < s_end:
        gaps.append((at, s_end))
    return gaps


def _indirect_units(doc: Document, rules: Rules, state: State, index: int, s_start: int,
                    s_end: int, units: list[ExtractedStatement],
                    quotes: list[QuoteSpan]) -> list[ExtractedStatement]:
    text = doc.text
    found: list[ExtractedStatement] = []
    for lo, hi in _gaps(s_start, s_end, [(u.start, u.end) for u in units]):
        if _words(text[lo:hi]) < 3:
            continue
        found.extend(_indirect(doc, rules, state, index, lo, hi))
    return found


def _indirect(doc: Document, rules: Rules, state: State, index: int, lo: int,
              hi: int) -> list[ExtractedStatement]:
    text = doc.text
    found = []
    for attribution, c_start, c_end in rules.indirect(doc, lo, hi):
        if _words(text[c_start:c_end]) < 2:
            continue
        for ref in rules.referents(doc, attribution.start, attribution.end):
            state.referents.append(ref)
        speaker = state.resolve(attribution)
        start, end = min(attribution.start, c_start), max(attribution.end, c_end)
        while end > start and text[end - 1] in " .,،؛;:":
            end -= 1
        found.append(ExtractedStatement(
            sentence=index, start=start, end=end, kind="indirect", text=text[start:end],
            speaker=speaker, anonymous=_is_anonymous(speaker)))
    return found


_TRIM = " \t\n.,،؛;:-–—!?؟"


def _assertion(text: str, index: int, s_start: int, s_end: int,
               units: list[ExtractedStatement]) -> ExtractedStatement | None:
    best = None
    for lo, hi in _gaps(s_start, s_end, [(u.start, u.end) for u in units]):
        while lo < hi and text[lo] in _TRIM:
            lo += 1
        while hi > lo and text[hi - 1] in _TRIM:
            hi -= 1
        if hi > lo and (best is None or _words(text[lo:hi]) > _words(text[best[0]:best[1]])):
            best = (lo, hi)
    if best is None or _words(text[best[0]:best[1]]) < 3:
        return None
    lo, hi = best
    if hi < s_end and text[hi] in ".!?؟":
        hi += 1
    return ExtractedStatement(sentence=index, start=lo, end=hi, kind="assertion", text=text[lo:hi])
