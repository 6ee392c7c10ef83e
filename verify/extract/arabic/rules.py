"""ArabicRules: where a quotation's attribution is (before it, after it, in a relayed source: بحسب،
نقلا عن، على لسان), reported speech without marks (قال إن), and attributions by a noun (في تصريح
لـ، رأي X).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...model import SpeakerRef
from ...normalize import normalize_text
from ..attribution import Attribution
from ..document import Document
from .words import (
    GIVEN_NAMES,
    TITLE_WORDS,
    _B,
    _BODY_HEADS,
    _E,
    _MEDIA,
    _NOT_OBJECT,
    _NOT_SPEAKER,
    _PREPOSITIONS,
    _SHORT_QUOTED,
    _connector,
    _has_quote,
    _in_relative,
    _is_role,
    _quoted,
    _sentence_start,
    _skip_time,
    _speech_verbs,
)
from .speaker import _TOKEN, _known_head, _nominal_speaker_end, _strip_np, parse_speaker
from .gender import _AFTER, _GENDERED_PARTICIPLE, _form_gender, _with_gender, speaker_gender
from .subject import (
    _GOES_ON,
    _INDIRECT_CONN,
    _LATTER,
    _LOOKS_BACK,
    _SUBJECT_LEAD,
    _TO,
    _after_subject,
    _antecedent,
    _author_before,
    _description,
    _named_first,
    _narrated_subject,
    _opening_subject,
    _relayed_subject,
    _speaker_attribution,
    _subject_before,
)


_PARTICIPLE = re.compile(
    _B + r"(?P<w>و?(?:مؤكد|موكد|مبين|مضيف|موضح|مشير|لافت|معتبر|مشدد|متابع|قائل|منوه|مردف|محذر|"
    r"مستدرك|واصف|مستطرد|متسائل|معرب|مطالب|منبه|مختتم|مبرز|متهم|مستنكر|مشيد|منتقد|مرجح|مذكر|مسجل|"
    r"مستشهد|مستعرض)(?:ا|ه|ين|ون|تين|تان)?)"
    r"(?:\s+(?:بصوت|بالقول|القول|بقوله|بقولها)(?:\s+[^\s\",:]+){0,3})?"  # ومتسائلين بصوت عال وواضح:
    r"(?:\s*,\s*[^,\"]{1,25}\s*,)?"  # مشددا، في المقابل، على أن
    r"\s*,?\s*(?:(?:الي\s+ان|علي\s+ان|ان|انه|انها|بان|بانه|بانها|بكون|:)(?:\s+[^\s\"]+){0,8})?\s*[,:]?\s*$")
_RELAY = re.compile(
    _B + r"(?P<w>(?:[وف])?(?:بحسب|حسب|وفقا\s*ل|وفق|طبقا\s*ل|نقلا\s+عن|علي\s+لسان|استنادا\s+(?:الي|ل)))"
    r"\s*(?P<np>(?:[^\"]|\"[^\"\n]{1,40}\"){1,160}?)\s*,?\s*(?:فان|ان|:)?\s*[,:]?\s*$")  # لـ"الأحداث" within
_RELAY_ANY = re.compile(
    _B + r"(?P<w>(?:[وف])?(?:بحسب|حسب|وفقا\s*ل|طبقا\s*ل|نقلا\s+عن|علي\s+لسان))\s*"
    r"(?P<np>[^,.:;\"]{2,120})")
# "وبالنسبة للنائب جيل بارنيو، فإن ..." and "وبرأي الأمين العام للحزب، فإن ...": the clause after
# فإن is that person's view, whatever verb it holds (فإن جو الشفافية ... يؤكد تفرد النموذج)
_OPINION_OF = re.compile(
    _B + r"(?P<w>[وف]?(?:بالنسبه|براي|في\s+راي|حسب\s+راي|من\s+وجهه\s+نظر))\s+(?P<np>[^\".:]{2,160}?)"
    r"\s*,\s*(?:فان|فانه|فانها)" + _E)
_SAYING = re.compile(_B + r"بالقول\s*[:,]?\s*(?:ان|انه|انها|بان)?\s*[:,]?\s*$")
_BY_SAYING = re.compile(r"(?P<np>(?P<first>[^\s\",.:]+)\s+(?P<last>[^\s\",.:]+))\s+(?:بقوله|بقولها|بقولهم)"
                        r"\s*[:,]?\s*$")
# ولم يفت الوزير التأكيد على أن: "did not fail to stress", and ولم يتردد الوزير في القول إن "did
# not hesitate to say": a verbal noun of speech after the speaker
_DID_NOT_MISS = re.compile(_B + r"[وف]?لم\s+(?:يفت|تفت|يفوت|تفوت|يتردد|تتردد|يتوان|تتوان)\s+(?P<np>[^\"]{2,100}?)"
                           r"\s+(?:في\s+)?(?:التاكيد|الاشاره|التنويه|التذكير|التشديد|الاعلان|القول|التصريح)"
                           r"\s+(?:علي\s+ان|الي\s+ان|ب?ان)?"
                           r"\s*[:,]?\s*$")
# نقلت الوكالة عن الوزير قوله، نسبت إلى الوزير قوله: whom the words are relayed from
_QAWLUHU = re.compile(_B + r"(?:عن|الي)\s+(?P<np>[^\"]{2,100}?)\s+(?:قوله|قولها|قولهم)\s*[:,]?\s*(?:ان|انه|انها|:)?\s*$")

_AFTER_PARTICIPLE = re.compile(r"\s*,?\s*" + _GENDERED_PARTICIPLE.pattern)

# وفي تدوينة له على فيسبوك: "...": a document of the one just named or speaking
_THEIR_DOCUMENT = re.compile(r"(?:تدوينه|تغريده|تصريح|تصريحات|بيان|كلمه|رساله|منشور|حوار|مقابله|مداخله)"
                             r"\s+(?:له|لها|لهم)" + _E)
# a headline's or a caption's "Name: "..."": the name alone, then a colon
_NAME_COLON = re.compile(r"[\s,\-]*(?P<np>(?P<head>[^\s,.:;\"]+)(?:\s+[^\s,.:;\"]+){0,3})\s*:\s*")
_SOURCES_OF = re.compile(r"(?:^|\s)[وبل]?(?:مصادر|مصدر)\s*$")  # مصادر "الأحداث المغربية": whose sources

_QUOTATION = re.compile(r".(?P<words>[^\"“”«»\n]*)")  # from an opening mark to the next mark


class ArabicRules:
    """Attribution rules for Arabic (Modern Standard, as news agencies write it)."""

    min_quote_words = 3
    unattributed_quote_words = 8
    # A slogan or a title is named, not said: "تحت شعار "..."", "بعنوان "..."", and so is the
    # outlet the words were said to (يقول أحد السكان لـ"الأحداث المغربية").
    titled = re.compile(r"(?:تحت\s+(?:شعار|عنوان)|بعنوان|المعنون[ةه]?\s+بـ?|الموسوم[ةه]?\s+بـ?|شعار(?:ها|ه)?"
                        r"|(?<!\S)لـ)\s*[:،,]?\s*$")
    names_keep_context = True
    carries_over = True  # Arabic features quote their one speaker paragraphs after naming them

    def gender(self, speaker: SpeakerRef) -> str | None:
        return speaker_gender(speaker)

    def looks_back(self, doc: Document, at: int) -> bool:
        """Whether the sentence opening at ``at`` attributes the quotation that ends the one
        before (هكذا تحدثت فاطمة، بهذه الكلمات علق الوزير)."""
        return _LOOKS_BACK.match(doc.norm, doc.to_norm(at)) is not None

    def before(self, doc: Document, lo: int, hi: int) -> Attribution | None:
        return _with_gender(doc, self._before(doc, lo, hi))

    def _before(self, doc: Document, lo: int, hi: int) -> Attribution | None:
        nlo, nhi = doc.to_norm(lo), doc.to_norm(hi)
        norm = doc.norm
        if _NAMING_NOUN.search(norm, nlo, nhi) or (_TO.search(norm, nlo, nhi) or _SOURCES_OF.search(norm, nlo, nhi)) \
                and len(_QUOTATION.match(doc.text, hi).group("words").split()) <= 3:
            return None  # لصحيفة "كابيتول ليدجر"، معسكر "كي1"، لـ"الجزيرة"، مصادر "الأحداث": a name
        match = _PARTICIPLE.search(norm, nlo, nhi)
        if match:
            agrees = _GENDERED_PARTICIPLE.match(norm, match.start("w"))
            gender = agrees and ("m" if agrees.group("end") == "ا" else "f")
            verbs = [v for v in _speech_verbs(norm, nlo, match.start("w")) if not _in_relative(norm, v)
                     and _form_gender(v.group("verb")) in (None, gender or _form_gender(v.group("verb")))]
            # عبرت الوزارة عن ...، مشيدا: a participle agrees with its verb, so not with this one
            if verbs and not _has_quote(norm[verbs[-1].end():match.start("w")]):
                # "أكد رئيس المجلس، إدريس اليزمي، في ندوة ...، قائلا:" names the speaker first;
                # "لفت رئيس الشبكة إلى أن الفريق ...، مؤكدا" names him before its أن
                verb = verbs[-1]
                connector = _connector(doc, verb.end(), match.start("w"))
                np_end = connector.start() if connector else match.start("w")
                named = self._subject_first(doc, nlo, verb, nhi, known_only=True)
                if named.speaker is None or _LATTER.fullmatch(norm, *_strip_np(doc, verb.end(), np_end)):  # الخماس انتقدت الأصوات ...، موضحة: the subject first
                    named = _speaker_attribution(doc, verb.start(), verb.end(), np_end, nhi, True)
                    named = self._continued(doc, verb, np_end, named)
                if named.speaker is None:
                    named = self._subject_first(doc, nlo, verb, nhi)
                if named.speaker is not None:
                    named.adjacent = True
                    return named
            o_start, o_end = doc.to_orig(match.start("w"), nhi)
            if not verbs and not _speech_verbs(norm, _sentence_start(norm, nlo), match.start("w")):
                # وأنهى الحسين الوردي كلمته باللهجة الريفية قائلا: the participle goes with the
                # sentence's own subject, whatever its verb, not with the last one who spoke
                subject = _opening_subject(doc, match.start("w"))
                if subject is not None:
                    return Attribution(o_start, o_end, speaker=subject, adjacent=True)
            return Attribution(o_start, o_end, follow="last", adjacent=True)
        opinion = _opinion_of(doc, nlo, nhi)
        if opinion is not None:
            return opinion
        if _quoted_speaker(doc, nlo, nhi):
            return None
        match = _QAWLUHU.search(norm, nlo, nhi) or _DID_NOT_MISS.search(norm, nlo, nhi)
        if match:
            return _speaker_attribution(doc, match.start(), match.start("np"), match.end("np"),
                                        nhi, True)
        saying = _SAYING.search(norm, nlo, nhi)
        if saying and not _speech_verbs(norm, nlo, nhi):  # وتوجه الوزير إلى الحاضرين بالقول:
            subject = _opening_subject(doc, saying.start())  # whatever the verb, its subject says
            o_start, o_end = doc.to_orig(saying.start(), nhi)
            return Attribution(o_start, o_end, speaker=subject, follow=None if subject else "last",
                               adjacent=True)
        match = _BY_SAYING.search(norm, nlo, nhi)
        if match and not _speech_verbs(norm, nlo, nhi) and match.group("last") not in _BODY_HEADS \
                and (_known_head(norm, match.group("last"), match.start("last"))
                     or match.group("first") in GIVEN_NAMES):  # وهو ما أكده ... محمد الغلوسي بقوله
            # "استهلتها أحلام بقولها": whatever the verb, a name known from before speaks
            np_start = match.start("np") if match.group("first") in GIVEN_NAMES | TITLE_WORDS else match.start("last")
            return _speaker_attribution(doc, np_start, np_start, match.end("np"), nhi, True)
        verbs = _speech_verbs(norm, nlo, nhi)
        if verbs:
            verb = verbs[-1]
            tail = norm[verb.end():nhi]
            connector = _connector(doc, verb.end(), nhi)
            if not _has_quote(tail) and len(tail.split()) <= 30:
                np_end = connector.start() if connector else nhi
                after_connector = norm[connector.end():nhi].split() if connector else []
                colon = norm[nlo:nhi].rstrip().endswith(":")  # كما ذكر بأن ...، فمرحبا بها : "..."
                if len(after_connector) <= 40 or colon:
                    adjacent = len(after_connector) <= 2 or colon
                    if verb.group("verb").endswith(("فيه", "فيها")):  # وجه الملك رسالة جاء فيها:
                        author = _author_before(doc, _sentence_start(norm, verb.start()), verb.start()) \
                            or _opening_subject(doc, verb.start())
                        if author is not None:
                            return Attribution(*doc.to_orig(verb.start(), nhi), speaker=author,
                                               adjacent=adjacent)
                    if norm[verb.end():np_end].strip(" ,:") not in ("", "علي"):  # أكد على أن
                        attribution = _speaker_attribution(doc, verb.start(), verb.end(), np_end,
                                                           nhi, adjacent)
                        attribution = self._continued(doc, verb, np_end, attribution)
                        if attribution.speaker is None and attribution.follow == "last":
                            # "أما مريم بلكلوش ... فقالت لفرانس برس": no speaker after the verb
                            subject = self._subject_first(doc, nlo, verb, nhi, known_only=True)
                            if subject.speaker is not None:
                                subject.adjacent = adjacent
                                return subject
                        if attribution.speaker is not None or attribution.follow != "last" or connector \
                                or attribution.fallback is not None:  # وتابعت الدبلوماسية الأمريكية "..."
                            return attribution
                    else:
                        attribution = self._subject_first(doc, nlo, verb, nhi)
                        attribution.adjacent = adjacent
                        return self._continued(doc, verb, np_end, attribution)
        match = _RELAY.search(norm, nlo, nhi)
        if match:
            return _speaker_attribution(doc, match.start("w"), match.start("np"), match.end("np"),
                                        nhi, True)
        if _THEIR_DOCUMENT.search(norm, nlo, nhi) and norm[nlo:nhi].rstrip().endswith(":"):
            return Attribution(*doc.to_orig(nlo, nhi), follow="last", adjacent=True)  # وفي تدوينة له:
        match = _NAME_COLON.fullmatch(norm, nlo, nhi)
        if match and not verbs and _known_head(norm, match.group("head"), match.start("np")):
            parsed = parse_speaker(doc, match.start("np"), match.end("np"))  # الرميد: "..."
            if isinstance(parsed, SpeakerRef) and parsed.kind in ("person", "organisation"):
                return Attribution(*doc.to_orig(match.start("np"), nhi), speaker=parsed, adjacent=True)
        return None

    def _continued(self, doc: Document, verb: re.Match, np_end: int, found: Attribution) -> Attribution:
        """``نوه الحسين الوردي ب...، ودعا المواطنين إلى``, ``وأشار متابع آخر إلى ... وكتب``:
        a speech verb joined by و, ف, كما or ثم to an earlier one in its sentence keeps that
        verb's subject, unless a speaker the tables know follows it (وقال الوزير)."""
        norm = doc.norm
        start = _sentence_start(norm, verb.start())
        before = norm[max(start, verb.start() - 8):verb.start()].split()
        if verb.start() == verb.start("verb") and not (before and before[-1] in ("كما", "ثم", "وكما")):
            return found
        words = norm[verb.end():np_end].replace(",", " ").split()
        if found.speaker is not None and words and (_known_head(norm, words[0], verb.end())
                                                    or words[0] in _MEDIA):
            return found
        earlier = [v for v in _speech_verbs(norm, start, verb.start()) if not _in_relative(norm, v)]
        if not earlier or _has_quote(norm[earlier[-1].end():verb.start()]):
            return found
        first = earlier[-1]
        cut = re.search(r",|\s(?:الي|علي|عن|في|ان|بان|انه)\s", norm[first.end():verb.start()])
        np_stop = first.end() + cut.start() if cut else verb.start()
        parsed = parse_speaker(doc, first.end(), np_stop)
        head = norm[first.end():np_stop].split()
        if not (isinstance(parsed, SpeakerRef) and head and _known_head(norm, head[0], first.end())
                or isinstance(parsed, SpeakerRef) and len(head) <= 3):
            parsed = self._subject_first(doc, start, first, first.end(), known_only=True).speaker
        if parsed is None:
            return found
        return Attribution(found.start, found.end, speaker=parsed, adjacent=found.adjacent)

    def _subject_first(self, doc: Document, nlo: int, verb: re.Match, nhi: int,
                       known_only: bool = False) -> Attribution:
        """``وكانت مصادر كردية، أكدت أن``: the subject stands before the verb, or is the last speaker.

        ``known_only`` takes the subject only when its first word is known to name a speaker (a
        title, a role, a body, a crowd, or the surname of a person named before): where the verb
        has words after it too, an adverbial opening the sentence (وبخصوص البرنامج) is no subject.
        """
        norm = doc.norm
        clause = max(norm.rfind(".", nlo, verb.start()) + 1, nlo)
        while clause < verb.start() and norm[clause] in " ,":
            clause += 1  # "..."، حيث عاد زيان ليقول: the clause after a quotation
        lead = _SUBJECT_LEAD.match(norm, clause, verb.start())
        s = lead.end() if lead else clause
        first = _TOKEN.match(norm, s, verb.start())
        shifted = first and first.group()[:1] in "وف" and not _known_head(norm, first.group(), s) \
            and not _known_head(norm, first.group()[1:], s)
        if shifted:
            s = first.end()  # وتماهت موريسون، كما تقول: the sentence's own verb, then its subject
        subject = norm[s:verb.start()].strip(" ,")
        if shifted and len(subject.split()) == 1 and subject.startswith("ال") \
                and not _known_head(norm, subject, s):
            subject = ""  # وبنفس الطريقة كتبت: an adverbial, no verb and subject
        words = subject.split()
        if 1 < len(words) <= 5 and not _known_head(norm, words[0], s) and _known_head(norm, words[1], s) \
                and words[0] not in _NOT_SPEAKER | _PREPOSITIONS and not words[0].startswith(("ال", "ب")):
            s = norm.find(words[1], s)  # حيث عاد زيان ليقول: the first word is a verb, then its subject
            subject = norm[s:verb.start()].strip(" ,")
        relayed = _relayed_subject(norm, clause, verb.start())
        if relayed is not None:
            s, subject = relayed, norm[relayed:verb.start()].strip(" ,")
        if known_only and subject and not _known_head(norm, subject.split()[0], s) \
                or _INDIRECT_CONN.search(subject) or _speech_verbs(subject, 0, len(subject)):
            subject = ""  # وبعدما سجل أن العملية تحسنت، اعتبر: a clause before the verb, no subject
        head = subject.split()[0] if subject else ""
        limit = 12 if _is_role(head) or head in TITLE_WORDS else 8  # أما وزير الخارجية القطري ... آل ثاني فقال
        if subject and len(subject.split()) <= limit and not _has_quote(subject):
            parsed = parse_speaker(doc, s, verb.start())
            if isinstance(parsed, SpeakerRef):
                while clause < s and norm[clause] in " ,":
                    clause += 1
                o_start, o_end = doc.to_orig(clause, nhi)  # "وكانت مصادر كردية، أكدت": from وكانت
                return Attribution(o_start, o_end, speaker=parsed, adjacent=True)
        o_start, o_end = doc.to_orig(verb.start(), nhi)
        narrated = _narrated_subject(doc, verb.start()) or _antecedent(doc, verb.start())
        if narrated is not None:
            return Attribution(o_start, o_end, speaker=narrated, adjacent=True)
        return Attribution(o_start, o_end, follow="last", adjacent=True)

    def after(self, doc: Document, lo: int, hi: int) -> Attribution | None:
        return _with_gender(doc, self._after(doc, lo, hi))

    def _after(self, doc: Document, lo: int, hi: int) -> Attribution | None:
        nlo, nhi = doc.to_norm(lo), doc.to_norm(hi)
        match = _AFTER.match(doc.norm, nlo, nhi)
        if not match:
            participle = _AFTER_PARTICIPLE.match(doc.norm, nlo, nhi)  # «...»، مضيفة أن
            return participle and Attribution(lo, doc.to_orig(nlo, participle.end())[1], follow="last")
        start, end = _after_subject(doc, match)
        attribution = _speaker_attribution(doc, match.start("w"), start, end, end, True)
        if attribution.follow == "last" and attribution.fallback is None \
                and not _GOES_ON.match(doc.norm, match.start("w")):
            attribution.speaker = _description(doc, start, end)
            attribution.follow = None if attribution.speaker else "last"
        if attribution.follow == "last" and match.start("w") == nlo + 1 \
                and _SHORT_QUOTED.fullmatch(doc.norm, doc.norm.rfind('"', 0, nlo - 1), nlo):
            return None  # "التحالف الدولي" يكشف عن: a quoted name is the verb's subject
        attribution.start = lo
        return attribution

    def indirect(self, doc: Document, lo: int, hi: int) -> list[tuple[Attribution, int, int]]:
        norm = doc.norm
        nlo, nhi = doc.to_norm(lo), doc.to_norm(hi)
        found: list[tuple[Attribution, int, int]] = []
        opinion = _OPINION_OF.search(norm, nlo, nhi)
        if opinion and not _speech_verbs(norm, nlo, opinion.start()):
            speaker = _opinion_speaker(doc, opinion)
            if speaker is not None:  # its clause's own verbs (يؤكد تفرد) are its view
                found.append((Attribution(*doc.to_orig(opinion.start("w"), opinion.end()),
                                          speaker=speaker, adjacent=False), opinion.end(), nhi))
        for verb in [] if found else _speech_verbs(norm, nlo, nhi):
            if found and verb.start() < found[-1][2]:
                continue
            conn = _INDIRECT_CONN.search(norm, verb.end(), min(nhi, verb.end() + 200))
            if not conn or '"' in norm[verb.end():conn.start()] \
                    or (norm[verb.end():conn.start()].split() or [""])[-1] in _TIME_CONJUNCTION:
                continue  # زاد عدد الضحايا بعد أن انهار: "after", not "that"
            if len(norm[verb.end():conn.start()].split()) > 25:
                continue
            tail = norm[verb.end():conn.start()]
            if tail.strip(" ,"):
                attribution = _speaker_attribution(doc, verb.start(), verb.end(), conn.start(),
                                                   conn.end(), False)
            else:
                attribution = self._subject_first(doc, nlo, verb, conn.end())
            found.append((attribution, conn.end(), nhi))
        if not found:
            found = _nominal_indirect(doc, nlo, nhi)
        if not found:
            relay = _RELAY_ANY.search(norm, nlo, nhi)
            if relay:
                attribution = _speaker_attribution(doc, relay.start("w"), relay.start("np"),
                                                   relay.end("np"), relay.end("np"), False)
                rest = (relay.end(), nhi) if relay.start() - nlo < 10 else (nlo, relay.start())
                found.append((attribution, *rest))
        out = []
        for i, (attribution, c_start, c_end) in enumerate(found):
            if i + 1 < len(found):
                c_end = doc.to_norm(found[i + 1][0].start)
            out.append((_with_gender(doc, attribution), *doc.to_orig(c_start, c_end)))
        return out

    def context(self, doc: Document, lo: int, hi: int) -> Attribution | None:
        """A long quotation with no speech verb in its sentence (يستعد شفيق لممارسة ...، «أنا
        من الشباب ...») is the words of the person the sentence opens with; short ones there
        are terms the narration borrows."""
        norm = doc.norm
        nhi = doc.to_norm(hi)
        if _speech_verbs(norm, _sentence_start(norm, nhi), nhi) \
                or len(_QUOTATION.match(doc.text, hi).group("words").split()) < self.unattributed_quote_words:
            return None
        subject = _opening_subject(doc, nhi)
        return None if subject is None else Attribution(lo, hi, speaker=subject)

    def subject(self, doc: Document, lo: int, hi: int) -> SpeakerRef | None:
        """The named person a sentence of narration, with no quotation or speech verb, opens
        with (وتحدث رئيس الجمعية محمد العلوي عن ...): the quotation opening the next sentence with
        no verb is most likely theirs."""
        nlo, nhi = doc.to_norm(lo), doc.to_norm(hi)
        while nhi > nlo and doc.norm[nhi - 1] in " \n.!?؟":
            nhi -= 1  # the sentence's own full stop would open the next one
        if '"' in doc.norm[nlo:nhi] or _speech_verbs(doc.norm, nlo, nhi):
            return None  # who speaks there is the attribution's business
        person = _opening_subject(doc, nhi) or _named_first(doc, nlo, nhi) if nhi > nlo else None
        return person if person is not None and person.kind == "person" and person.name != person.role else None

    def people(self, doc: Document, lo: int, hi: int) -> list[SpeakerRef]:
        """People a sentence names with a title, office or given name that shows their gender
        (خلال لقائه بالسيدة ليلى بنعلي): whom a later وأضافت may mean though they never spoke."""
        norm = doc.norm
        nlo, nhi = doc.to_norm(lo), doc.to_norm(hi)
        found = []
        for token in _TOKEN.finditer(norm, nlo, nhi):
            word, start = token.group(), token.start()
            if word[:1] in "وبل" and (word[1:] in GIVEN_NAMES or word[1:] in TITLE_WORDS or _is_role(word[1:])):
                word, start = word[1:], start + 1  # بالسيدة، ولفاطمة
            if not (word in GIVEN_NAMES or word in TITLE_WORDS or _is_role(word)) or _quoted(norm, start) \
                    or word == "علي" and doc.orig(*token.span()).endswith("ى"):
                continue  # a name inside a quotation is words said; على is the preposition
            stops = [i for i in (norm.find(c, start, nhi) for c in ',."') if i != -1]
            parsed = parse_speaker(doc, start, min(stops + [nhi, start + 80]))
            if isinstance(parsed, SpeakerRef) and parsed.name != parsed.role and speaker_gender(parsed):
                found.append(parsed)
        return found

    def referents(self, doc: Document, lo: int, hi: int) -> list[SpeakerRef]:
        """Media named in passing (``نقلتها وسائل إعلام أميركية``), for ``تلك الوسائل`` later."""
        out = []
        for match in _RELAYED_BY.finditer(doc.norm, doc.to_norm(lo), doc.to_norm(hi)):
            name = doc.orig(match.start("np"), match.end("np"))
            out.append(SpeakerRef(name=name, kind="media", surface=name))
        return out


_TIME_CONJUNCTION = {"بعد", "قبل", "منذ", "حتي", "دون", "بدل", "عوض", "بمجرد"}  # بعد أن: after


def _opinion_of(doc: Document, nlo: int, nhi: int) -> Attribution | None:
    """The person whose view the clause before a quotation gives (وبالنسبة لـX، فإن ... "..."),
    unless a speech verb before that frame already names someone else."""
    norm = doc.norm
    match = None
    for match in _OPINION_OF.finditer(norm, nlo, nhi):
        pass
    if match is None or _has_quote(norm[match.end():nhi]) or _speech_verbs(norm, nlo, match.start()) \
            or len(norm[match.end():nhi].split()) > 40:
        return None
    speaker = _opinion_speaker(doc, match)
    if speaker is None:
        return None
    return Attribution(*doc.to_orig(match.start("w"), nhi), speaker=speaker,
                       adjacent=len(norm[match.end():nhi].split()) <= 2)


_QUOTED_NAME = re.compile(r'"[^"\s]+(?:\s+[^"\s]+){0,2}\s*"\s*,?\s*(?P<next>[^\s,"]+)')


def _quoted_speaker(doc: Document, nlo: int, nhi: int) -> bool:
    """``اعتبرت "سعيدة شريف"، رئيسة تحرير مجلة "ذوات"، أن "..."``: the short quotation right
    after a speech verb, followed by an office, by أن or by the عن of a relay (نقلت "هسبريس" عن
    الوزير), is a name, not words said."""
    norm = doc.norm
    verbs = _speech_verbs(norm, nlo, nhi)
    name = _QUOTED_NAME.match(norm, nhi)
    if not verbs or not name or norm[verbs[-1].end():nhi].strip(" ,:"):
        return False
    following = name.group("next")
    return following in ("ان", "انه", "انها", "بان", "عن") or _is_role(following, feminine=True) \
        or following in TITLE_WORDS


def _opinion_speaker(doc: Document, match: re.Match) -> SpeakerRef | None:
    """The speaker after بالنسبة/برأي, read without the ل the preposition fuses to it
    (للنائب → النائب, لبارنيو → بارنيو)."""
    np_start, np_end = match.start("np"), match.end("np")
    if doc.norm[np_start:np_end] in ("له", "لها", "لهم", "لهما", "اليه", "اليها", "اليهم"):
        return None  # وبالنسبة له، فإن: the speaker before goes on
    if "بالنسبه" not in match.group("w") or not doc.norm.startswith("ل", np_start):
        parsed = parse_speaker(doc, np_start, np_end)  # برأي لحسن الداودي: a name with ل
    else:
        rest = doc.orig(np_start + 1, np_end)
        sub = Document(("ا" + rest) if doc.norm.startswith("لل", np_start) else rest)
        parsed = parse_speaker(sub, 0, len(sub.norm))
    return parsed if isinstance(parsed, SpeakerRef) else None


_NAMING_NOUN = re.compile(
    r"(?:^|\s)[وبل]?[لب]?(?:ال)?(?:صحيفه|جريده|مجله|قناه|وكاله|موقع|معسكر|قاعده|شعار|عنوان|اسم|مسمي|برنامج|"
    r"كتاب|فيلم|مسلسل|روايه|اغنيه|حمله|عمليه|مبادره|جمعيه|مؤسسه|مهرجان|منظمه|حركه|حزب|تنظيم|شركه|"
    r"ملتقي|ندوه|مؤتمر|وسم|هاشتاغ|مجموعه|ائتلاف|تحالف|يسمي|يعرف|بعنوان|وصفته|وصفه|وصفها|سماه|"
    r"سموه)\s*$")
_RELAYED_BY = re.compile(r"(?:نقلتها|نقلها|اوردتها|اوردها|بثتها|نشرتها|نشرها|اوردته|نقلته)\s+"
                         r"(?P<np>(?:وسائل|وسايل|صحيفه|وكاله|قناه|موقع|مواقع|صحف)[^,.:;\"()]{0,60}?)"
                         r"\s*(?=[,.:;\"(]|$)")


# Reported speech without أن: a verb of announcing opening its sentence, its speaker, then a
# verbal noun (أعلنت الشركة استئناف الضخ), a call (دعا كريم السكان إلى ...), a demand (طالب ... بـ),
# a refusal to speak (رفض العزاوي الإفصاح) or a doubt (شكك ... في). Other verbs with a noun object
# (رفض البرلمان القانون) are narration.
_NOMINAL_VERB = re.compile(
    r"(?:^|(?<=[\s:\-]))[وف]?(?:قد\s+)?(?P<verb>(?P<announce>اعلن|اعلنت|اعلنوا|نفي|نفت|نفوا)|"
    r"(?P<call>دعا|دعت|دعوا)|(?P<demand>طالب|طالبت|طالبوا)|(?P<refuse>رفض|رفضت|رفضوا)|"
    r"(?P<doubt>شكك|شككت|شككوا)|(?P<express>اعرب|اعربت|اعربوا|عبر|عبرت|عبروا))" + _E)
_SPEECH_NOUNS = re.compile(r"(?:الافصاح|الكشف|التعليق|الادلاء|الحديث|الرد|التصريح|تحديد|الخوض|ذكر)" + _E)


def _nominal_indirect(doc: Document, nlo: int, nhi: int) -> list[tuple[Attribution, int, int]]:
    norm = doc.norm
    verb = _NOMINAL_VERB.search(norm, nlo, min(nhi, nlo + 80))
    if verb is None or '"' in norm[verb.end():nhi]:
        return []
    subject = None
    if norm[nlo:verb.start()].strip(" ,") and not norm[nlo:verb.start()].rstrip().endswith((":", "-")):
        # the verb opens the sentence (after a dateline), or a known subject stands before it
        # (وكانت الشركة قد أعلنت، المحتجون طالبوا); "وقال ... ودعا" is narration
        subject = _subject_before(doc, nlo, verb.start())
        if subject is None:
            return []
        np_end = verb.end()
    else:
        np_end = _nominal_speaker_end(doc, verb.end(), nhi)
        about = re.compile(r"\sعن" + _E).search(norm, verb.end(), min(nhi, verb.end() + 100))
        if verb.group("express") and about and (np_end is None or np_end > about.start()):
            np_end = about.start()  # أعرب مغني الراب ... فرانش مونتانا عن سعادته: up to عن
        if np_end is None:
            return []
    obj = _skip_time(norm, np_end, nhi)
    words = norm[obj:nhi].split()
    if len(words) < 2:
        return []
    if verb.group("doubt"):
        fits = words[0] == "في" or words[0].startswith("ب")
    elif verb.group("call"):
        fits = re.search(_B + r"الي" + _E, " ".join(words[:12])) is not None
    elif verb.group("demand"):
        fits = words[0].startswith("ب")
    elif verb.group("refuse"):
        fits = _SPEECH_NOUNS.match(words[0]) is not None
    elif verb.group("express"):
        fits = words[0] == "عن"
    else:
        fits = words[0] not in _NOT_OBJECT
    if not fits:
        return []
    if subject is not None:
        attribution = Attribution(*doc.to_orig(nlo, verb.end()), speaker=subject, adjacent=False)
    else:
        attribution = _speaker_attribution(doc, verb.start("verb"), verb.end(), np_end, np_end, False)
    speaker = attribution.speaker
    if speaker is None and attribution.follow == "last":
        return []
    if speaker is not None and speaker.kind == "person" and speaker.role is None \
            and normalize_text(speaker.name).split()[0] in _BODY_HEADS:
        attribution.speaker = replace(speaker, kind="organisation")  # أعلنت شركة نفط الشمال
    attribution.start = doc.to_orig(nlo, verb.end())[0]  # with the dateline before it, if any
    return [(attribution, obj, nhi)]
