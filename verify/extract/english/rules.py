"""EnglishRules: where a quotation's attribution is (before it, after it, around it, a pronoun or a
description standing for the last person named) and reported speech without marks (said that ...).
"""

from __future__ import annotations

import re

from ...model import SpeakerRef
from ..attribution import Attribution
from ..document import Document
from .words import _FEMALE_NAMES, _FEMALE_WORDS, _MALE_NAMES, _MALE_WORDS, _MULTIWORD, _VERB
from .speaker import _FULL_NAME, _attribution, _described, parse_speaker
from .subject import _clause_start, _last_name, _looks_like_person, _np_before, _subject


_NPCHAR = (r"(?:\s*\([^()]{1,25}\)|[^,.;\"“”()]|(?<=\b[A-Z])\.|(?<=\b(?:Mr|Ms|Dr|Jr|Sr|St|Lt))\.|"
           r"(?<=\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Maj|Sgt|Adm|Ore|Ind|Fla|Ill|Rev|Amb|Cpl|Pvt))\.|"
           r"(?<=\b(?:Capt|Brig|Mass|Conn|Mich))\.|(?<=\bCalif)\.)")
_NOT_ABBREVIATION = (r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bLt)(?<!\bSt)(?<!\bMrs)(?<!\bSen)"
                     r"(?<!\bRep)(?<!\bGov)(?<!\bGen)(?<!\bCol)(?<!\bMaj)(?<!\bSgt)(?<!\bCapt)(?<!\bAdm)"
                     r"(?<!\bRev)(?<!\bAmb)")
_BEFORE = re.compile(
    r"(?P<verb>\b" + _VERB + r"|" + _MULTIWORD + r")\b(?P<obj>\s+(?:[^,:;\"“”.]{1,40}?))??"
    r"\s*[,:]?\s*(?:that\s*)?[,:]?\s*$")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<np>[^,;\"“”]{2,80}?)\s*[,:]?\s*$")
_INDIRECT_INVERTED = re.compile(  # "..., said Jake Horowitz, editor in chief of Mic.com."
    r",\s*(?:said|says|added|argued|noted|wrote|writes)\s+(?P<np>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4}"
    r"(?:,\s*(?:[^,;\"“”.]|\.(?=\w)){1,100}?)?)(?:\s*\.?\s*$|,)")
_WHAT_CALLED = re.compile(  # "to what aide Kevin Phillips called "the beginning of ...""
    r"\b(?:[Ww]hat|that|which)\s+(?P<np>(?:[A-Za-z][\w’'.-]*\s+){0,5}?[\w’'.-]+)\s+(?:has\s+|had\s+|once\s+)?"
    r"(?:called|calls|dubbed|dubs|termed|terms|labeled|labels|describes as|described as)\s*$")
_ACCORDING_ANY = re.compile(r"\b[Aa]ccording to\s+(?P<np>[^,;.\"“”]{2,80})")
_AFTER_INVERTED = re.compile(
    r"\s*[,.!?]?\s*(?P<verb>" + _VERB + r")\s+(?P<np>(?!that\b)" + _NPCHAR + r"{1,100}?"
    r"(?:,\s*(?:who|a|an|the|his|her|its|their)\b(?:[^.;\"“”]|\.(?=\w)){0,90}?)?)" + _NOT_ABBREVIATION +
    r"\s*(?=[,.;:!?\"“”]|$)")
_AFTER_DIRECT = re.compile(
    r"\s*[,.!?]?\s*(?P<np>" + _NPCHAR + r"{1,80}?"
    r"(?:,\s*(?:[^,.;\"“”]|\.(?=\w)){1,90}?,)?)\s+(?P<verb>" + _VERB + r"|" + _MULTIWORD + r")\b")
_AFTER_NAMED = re.compile(
    r"\s*[,.!?]?\s*(?P<np>(?:[a-z]+\s+){0,3}(?:(?:[A-Z][\w’'-]*|[A-Z][a-z]{0,3}\.)\s+){0,5}[A-Z][\w’'-]*[a-z]"
    r"(?:\s*\([^()]{1,20}\))?(?:,\s*[^\"“”]{1,200}?,)?)\s+(?P<verb>" + _VERB + r")\b")
_AFTER_DESCRIBED = re.compile(  # '"...," the bespectacled, 71-year-old diplomat said'
    r"\s*[,.!?]?\s*(?P<np>(?:the|a|an)\s+[\w-]+(?:,\s*[\w-]+)+(?:\s+[\w-]+){1,3}?)\s+(?P<verb>" + _VERB + r")\b")
_AFTER_APPOSED = re.compile(  # '"...," Nate Silver, the polling guru who founded fivethirtyeight.com tweeted'
    r"\s*[,.!?]?\s*(?P<np>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*[a-z],\s*(?:the|a|an)\s[^,;\"“”]{1,120}?)"
    r"\s+(?P<verb>" + _VERB + r")\b(?=[\s,.])")
_PARTICIPLE = re.compile(
    r"(?P<w>\b(?:saying|telling|adding|noting|arguing|writing|calling|explaining|reporting|insisting|"
    r"asking|warning|declaring|stating|claiming|suggesting|tweeting|quipping|joking|vowing|promising|"
    r"predicting|describing|labeling|labelling|dubbing|branding|urging|recalling|citing|referring|yelling|"
    r"shouting|screaming|chanting|exclaiming|proclaiming|boasting|bragging|complaining|conceding|admitting|"
    r"acknowledging)\b)"
    r"[^.;\"“”]{0,60}?[,:]?\s*(?:that\s*)?[,:]?\s*$")
_AFTER_DASH = re.compile(r"\s*\n\s*[-–—]\s*(?P<np>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s*\.?\s*(?=\n|$)")

_CLAUSE_REST = re.compile(r"[^,.;:!?\"“”]{1,80}(?=[,.;:!?]|$)")
_AFTER_LATE = re.compile(
    r",\s*(?:(?:said|says|added|wrote|writes)\s+(?P<np>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})|"
    r"(?P<np2>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|the\s+[a-z-]+(?:\s+[a-z-]+)?)\s+(?:said|says|added|wrote))"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today))?"
    r"(?:\s+(?:in|at|on|to|during|after|before)\s+[^,.;\"“”]{1,40}?)?\s*[,.]")
_AFTER_ACCORDING = re.compile(r"\s*[,.]?\s*according to\s+(?P<np>[^,.;\"“”]{2,80})")
_INDIRECT = re.compile(
    r"(?P<np>\b(?:[A-Z][^,;\"“”]{0,80}?(?:,[^;\"“”]{1,100}?,)?|he|she|they|we|I|it)\s+)(?P<verb>" + _VERB + r"|" + _MULTIWORD +
    r")(?P<obj>\s+(?:reporters|him|her|them|us|me|CNN|[A-Z][a-zA-Z]+(?:\s+[A-Z][a-zA-Z]+)*|"
    r"on\s+\w+|in\s+an?\s+\w+(?:\s+\w+)?|(?:last|on|this)\s+\w+|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday))?\s*,?\s+(?:that\s+|(?=(?:the|a|an|it|he|she|they|there|his|her|its|their|"
    r"how|what|whether|when|why|where|who|if|Iraqi?|US|U\.S\.|"
    r"(?!(?:in|on|at|to|for|with|by|from|of|about|after|before|during)\b)[a-z]+)[\s’']))")
_INDIRECT_AFTER = re.compile(
    r",\s*(?P<np>(?:(?:the|a|an|its|his|her|their)\s+)?(?:[A-Za-z][^,;\"“”]{0,60}?|he|she|they|it)"
    r"(?:,\s*[^,;\"“”]{1,80}?,)?)\s+(?P<verb>said|says|added|argued|claimed|noted|told\s+\w+|wrote|warned|"
    r"insisted|explained|reported|announced)(?:\s+(?:on\s+)?[A-Z]\w+day|\s+in\s+a\s+statement)?\s*(?:\.?\s*$|,)")

_DESCRIPTION = re.compile(r"[Tt]he\s+(?P<mods>(?:(?:[A-Z][\w.’'-]*|[a-z][\w-]*)\s+){0,4}?)"
                          r"(?P<head>[a-z][a-z-]{3,})(?:\s+of\s+state)?")

_POST_GENERIC = re.compile(
    r"\s*[,.!?]?\s*(?P<np>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}|he|she|they|I|we|"
    r"the\s+[a-z-]+(?:\s+[a-z-]+){0,2}|[Tt]he\s+[A-Z][\w-]*(?:\s+[a-z-]+){1,2})"
    r"\s+(?:\w+ly\s+)?(?P<verb>[a-z]+(?:ed|ied)|shot back|went on|put it|fired back)\b")

_CLAUSE_BREAK = re.compile(r"[\"“”]|''|\s[-–—]\s|—|;\s")
_NICKNAMED = re.compile(r"\s*([A-Z][\w’'-]*[a-z])\s+[\"“‘'][A-Z][\w’'. -]{0,20}[\"”’']\s+([A-Z][\w’'-]*[a-z])"
                        r"(?:\s+of\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)?(?=,|\s+[a-z])")
_VIEWPOINT = re.compile(r"\s*(?:To|For)\s+((?:[a-z]+\s+|[A-Z][\w.’'-]*\s+){0,4}?[A-Z][\w’'-]*[a-z]),\s")


_INNER_CLAUSE = re.compile(r"\b(?:in which|during which|at which|where)\s+"
                           r"(?P<np>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*[a-z])\s+(?:[a-z]+ly\s+)?"
                           r"(?:[a-z]+ed|[a-z]+[^s\W]s|said|told|wrote|made|took|gave|spoke|put)\b")
_CONTRACTED = re.compile(r"\s*((?:[A-Z][\w-]*[a-z]\s+){0,2}[A-Z][\w-]*[a-z])[’']s\s+(?:(?:also|always|never|not|"
                         r"still|already|just|since|long|repeatedly)\s+)*(?:been|got|gotten|done|said|made|become|"
                         r"told|given|taken|spent|won|lost|called)\b")  # "Christie's been making the case"
_INTRODUCED = re.compile(r"\b(woman|man|girl|boy|resident|voter|student|worker|supporter|protester|mother|"
                         r"father|veteran|teacher|nurse|retiree)\b[^.;\"“”]{0,60}?\b(?:named|called)\s+"
                         r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=[,.;]|\s+[a-z])")
_LATER_CLAUSE = re.compile(r"[,;]\s+(?:but|and|yet|while|whereas)\s+(?=(?:[a-z]+\s+){0,3}[A-Z])")
_SHOWN_WORDS = re.compile(r"\b(he|his|himself|she|herself)\b|(?<![.!?]\s)\b[A-Z][\w’'-]*|[\"“”]")
_SHOWN_GENDER = {"he": "m", "his": "m", "himself": "m", "she": "f", "herself": "f"}


class EnglishRules:
    """Attribution rules for English news prose."""

    min_quote_words = 1
    unattributed_quote_words = 8
    titled = re.compile(r"\b(?:entitled|titled|headlined|under the (?:slogan|banner|title|headline))\s*[:,]?\s*$",
                        re.IGNORECASE)
    names_keep_context = False
    frame_goes_on = True  # 'Cruz says his "friend" Rubio ran "..."': the first verb frames the sentence

    def before(self, doc: Document, lo: int, hi: int) -> Attribution | None:
        text = doc.text
        if not text[lo:hi].strip() and re.search(r"(?::|\b(?:said|says|wrote|writes|added|tweeted)(?:\s+(?:in|on)\s+"
                                                 r"[^.:;\"“”]{1,40})?\.)\s*$", text[max(0, lo - 60):lo]):
            # "Cruz continued:\n\n"You look at the questions ..."", "Lau said in a statement. "There
            # are no paper ballots"": the sentence before introduces it
            end = len(text[:lo].rstrip()) - 1  # before the colon or the full stop
            lo = max(text.rfind(". ", 0, end), text.rfind("\n", 0, end), lo - 300) + 1
        match = _ACCORDING.search(text, lo, hi) or _WHAT_CALLED.search(text, max(lo, hi - 120), hi)
        if match:
            return _attribution(text, match.start(), match.start("np"), match.end("np"), hi, True)
        match = _BEFORE.search(text, max(lo, hi - 160), hi)
        if match and match.start() >= lo:
            np_start, np_end = _np_before(text, lo, match.start("verb"))
            attribution = _attribution(text, np_start, np_start, np_end, hi, True)
            if attribution is not None:
                return attribution
        participle = _PARTICIPLE.search(text, max(lo, hi - 100), hi)
        if participle:
            agent = re.search(r"\bwith\s+(" + _FULL_NAME + r"|[A-Z][\w’'-]*[a-z])\s+(?:[a-z]+ly\s+)?$",
                              text[max(lo, participle.start() - 60):participle.start()])
            if agent:  # "..., with Trump reportedly yelling: "...""
                at = max(lo, participle.start() - 60) + agent.start(1)
                return _attribution(text, at, at, at + len(agent.group(1)), hi, True)
            subject = _subject(text, lo, participle.start(), loose=True)
            attribution = subject and _attribution(text, subject[0], *subject, hi, True)
            return attribution or Attribution(participle.start(), hi, follow="last", adjacent=True)
        # "Cruz called them on it:" — a clause ending in a colon introduces the quotation
        if re.search(r":\s*$", text[max(lo, hi - 4):hi]):
            return self._subject_attribution(text, lo, hi, True)
        return None

    def context(self, doc: Document, lo: int, hi: int) -> Attribution | None:
        """"Sanders shot back, "..."", "Romney went after Trump, calling it "disqualifying"": the
        clause's subject, tried only after the patterns after the quotation found nothing
        ("Based on her actions, "...," Tiegen said")."""
        text = doc.text
        embedding = self.indirect(doc, lo, hi)
        if embedding:
            # "Holden, chairman of ..., said it would join only if "a candidate ..."": the
            # reported speech the quotation is part of names its speaker, whoever spoke last
            attribution = embedding[-1][0]
            attribution.start = hi  # the reported speech before stays a statement of its own
            return attribution
        adjacent = bool(re.search(r",\s*$", text[max(lo, hi - 4):hi]))
        return self._subject_attribution(text, lo, hi, adjacent)

    def _subject_attribution(self, text: str, lo: int, hi: int, adjacent: bool) -> Attribution | None:
        clause_end = hi
        while clause_end > lo and text[clause_end - 1] in " :,\n":
            clause_end -= 1
        inner = None
        for inner in _INNER_CLAUSE.finditer(text, _clause_start(text, lo, clause_end), clause_end):
            pass
        if inner and "," not in text[inner.end():clause_end]:
            # "an interview ..., in which Clinton expressed confidence that ... "...": the
            # quotation belongs to the clause it ends, not to the sentence's first subject
            attribution = _attribution(text, inner.start("np"), *inner.span("np"), hi, adjacent)
            if attribution is not None:
                return attribution
        subject = _subject(text, lo, clause_end, loose=adjacent)
        if subject is None and adjacent and text[clause_end:hi].strip().startswith(":"):
            subject = _last_name(text, lo, clause_end)
        if subject:
            return _attribution(text, subject[0], *subject, hi, adjacent)
        return None

    def after(self, doc: Document, lo: int, hi: int) -> Attribution | None:
        text = doc.text
        if text.startswith("'", lo) and text[lo - 2:lo] == "''":
            lo += 1  # "... 'Fox and Friends,''' said Tommy Vietor": the inner quotation's mark is left over
        for pattern in (_AFTER_DASH, _AFTER_ACCORDING, _AFTER_INVERTED, _AFTER_DIRECT, _AFTER_NAMED,
                        _AFTER_DESCRIBED, _AFTER_APPOSED, _POST_GENERIC):
            match = pattern.match(text, lo, hi)
            if match and re.match(r"\s*(?:and|but|or|while|because|if)\s", match.group("np")):
                match = None  # '"leading from behind" and Donald Trump says': a clause of its own
            if match and text[lo - 2:lo - 1] == "." and hi < len(text) and text[hi] in "\"“'" \
                    and text[match.end():hi].strip(" ,:"):
                match = None  # 'a "pathological liar." Carly Fiorina said Ted Cruz "...": a new sentence
            if match:
                end = match.end()
                rest = _CLAUSE_REST.match(text, end, hi)  # "... Dillon told reporters in Baghdad."
                if rest and len(rest.group().split()) <= 10:
                    end = rest.end()
                attribution = _attribution(text, lo, match.start("np"), match.end("np"), end, True)
                if attribution is not None:
                    return attribution
        # '"...," in sharp contrast to previous elections, says Dante Scala.'
        late = _AFTER_LATE.search(text, lo, hi)
        if late and '"' not in text[lo:late.start()] and "“" not in text[lo:late.start()]:
            group = "np" if late.group("np") else "np2"
            return _attribution(text, lo, late.start(group), late.end(group), late.end(), False)
        return None

    def indirect(self, doc: Document, lo: int, hi: int) -> list[tuple[Attribution, int, int]]:
        text = doc.text
        found = []
        match = _INDIRECT.search(text, lo, hi)
        if match:
            np_start, np_end = _np_before(text, lo, match.start("verb"))
            attribution = _attribution(text, np_start, np_start, np_end, match.end(), False)
            said_that = match.group().rstrip().endswith("that")
            named = attribution is not None and attribution.speaker is not None and \
                attribution.speaker.name != attribution.speaker.role and np_start == lo
            if attribution is not None and (said_that or named):
                # without "that", only a named subject opening the sentence: "Mahmoud said the force ..."
                found.append((attribution, match.end(), hi))
                return found
        match = _INDIRECT_AFTER.search(text, lo, hi) or _INDIRECT_INVERTED.search(text, lo, hi)
        if match:
            attribution = _attribution(text, match.start(), match.start("np"), match.end("np"), hi, False)
            if attribution is not None:
                # "That, Katie Walsh explained, is by design": the words on both sides are hers
                found.append((attribution, lo, hi if match.group().endswith(",") else match.start()))
                return found
        match = _ACCORDING_ANY.search(text, lo, hi)
        if match:
            attribution = _attribution(text, match.start(), match.start("np"), match.end("np"),
                                       match.end(), False)
            if attribution is not None:
                rest = (match.end(), hi) if match.start() - lo < 5 else (lo, match.start())
                found.append((attribution, *rest))
        return found

    def referents(self, doc: Document, lo: int, hi: int) -> list[SpeakerRef]:
        return []

    def gender(self, speaker: SpeakerRef) -> str | None:
        """"f" or "m" when the title, the role or the first name shows it, so that "she said"
        after a man's quotation goes back to the woman named before him."""
        words = [w.lower().strip(".,’'") for w in
                 " ".join(filter(None, (speaker.title, speaker.role))).replace("-", " ").split()]
        if any(w in _FEMALE_WORDS for w in words):
            return "f"
        if any(w in _MALE_WORDS for w in words):
            return "m"
        first = speaker.name.split()[0].lower() if len(speaker.name.split()) > 1 else ""
        return "f" if first in _FEMALE_NAMES else "m" if first in _MALE_NAMES else None

    def shown_gender(self, doc: Document, lo: int, hi: int, subject: SpeakerRef) -> str | None:
        """"m" or "f" when the sentence about ``subject`` goes on with their own pronoun before
        naming anyone else ("Trump then threw up his hands", "Clinton, for her part, sided"):
        what lets a later "she said" skip him."""
        at = doc.text.find(subject.surface or subject.name, lo, hi)
        if at < 0:
            return None
        at += len(subject.surface or subject.name)
        for word in _SHOWN_WORDS.finditer(doc.text, at, hi):
            if word.group(1):
                return _SHOWN_GENDER[word.group(1).lower()]
            if word.group().strip() not in ("I", "The", "A", "An"):
                return None  # another name, or a quotation: their pronoun may be someone else's
        return None

    def subject(self, doc: Document, lo: int, hi: int) -> SpeakerRef | None:
        """Who a sentence is about, so a later "he said" or an opening quotation can find them."""
        nicknamed = _NICKNAMED.match(doc.text, lo, hi)
        if nicknamed:  # 'Juan "Chico" Manriquez of Oakland carried one of the photos.'
            return SpeakerRef(name=f"{nicknamed.group(1)} {nicknamed.group(2)}", kind="person",
                              surface=nicknamed.group().strip())
        introduced = _INTRODUCED.search(doc.text, lo, hi)
        if introduced:  # "The woman ... identified herself as a resident named Caroline."
            return SpeakerRef(name=introduced.group(2), kind="person", role=introduced.group(1),
                              surface=introduced.group(2))
        for later in _LATER_CLAUSE.finditer(doc.text, lo, hi):
            # "..., but their neighbor Benjamin Green, 83, knows": the narration last turned
            # to the subject of the later clause
            mark = _CLAUSE_BREAK.search(doc.text, later.end(), min(hi, later.end() + 200))
            span = _subject(doc.text, later.end(), mark.start() if mark else min(hi, later.end() + 200))
            parsed = span and parse_speaker(doc.text, *span)
            if isinstance(parsed, SpeakerRef) and parsed.kind == "person" and parsed.name != parsed.role \
                    and (parsed.title or self.gender(parsed)):  # a title or a first name: a person
                return parsed
        view = _VIEWPOINT.match(doc.text, lo, hi)  # "To Florida consultant Wilson, the line is silly"
        mark = _CLAUSE_BREAK.search(doc.text, lo, lo + min(hi - lo, 200))
        end = mark.start() if mark and mark.start() > lo else lo + min(hi - lo, 200)  # the first clause
        contracted = _CONTRACTED.match(doc.text, lo, end)
        span = view.span(1) if view else contracted.span(1) if contracted else _subject(doc.text, lo, end)
        if span is None:
            return None
        parsed = parse_speaker(doc.text, *span)
        if not isinstance(parsed, SpeakerRef):
            return None
        described = _DESCRIPTION.fullmatch(parsed.name) if parsed.name == parsed.role else None
        named = described and _described(doc.text, span[0], described)
        if named:  # "The Vermont senator vowed ...": whom a later "he" means, by name
            return SpeakerRef(name=named, kind="person", role=parsed.role, surface=parsed.surface)
        if parsed.kind == "person" and not _looks_like_person(doc.text, parsed, lo):
            return None  # "Federal mandates are ...": a capitalised word before a plural noun
        return parsed
