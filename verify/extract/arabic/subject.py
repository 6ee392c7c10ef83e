"""Who speaks when the verb names no one: the subject a sentence opens with, the clause before, the
latter (الأخير), an office's latest holder, a document's author.
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
    _AUXILIARIES,
    _B,
    _BODY_HEADS,
    _E,
    _MEDIA,
    _NAME_BREAK,
    _NOT_OBJECT,
    _NOT_SPEAKER,
    _PREPOSITIONS,
    _ROLES,
    _TIME_WORD,
    _VERB_FORMS,
    _connector,
    _is_role,
    _office_key,
    _quoted,
    _sentence_start,
    _speech_verbs,
)
from .speaker import (
    _HOW,
    _MANNER,
    _NAME_SECOND,
    _POSSESSED,
    _SUFFIXED,
    _TOKEN,
    _known_head,
    _name_end,
    _named_before,
    _named_person,
    _not_a_speaker,
    _object_cut,
    _strip_np,
    _surely_a_name,
    parse_speaker,
)
from .gender import _LOOKING_BACK


_LOOKS_BACK = re.compile(r"\s*[,.]?\s*(?:و)?" + _LOOKING_BACK)

_INDIRECT_CONN = re.compile(_B + r"(?:ان|انه|انها|انهم|بان|بانه)" + _E)

_SUBJECT_LEAD = re.compile(r"\s*(?:[وف]?(?:كان|كانت|كما|فيما|بينما|قد|بعدما|عندما|حينما|لما|اذ|حين|بعد\s+ان|"
                           r"حيث|ثم|ان|لكن|اما|ومع\s+ذلك,?\s*فان|لم|لن|(?:هو|هي|هذا|ذلك)\s+ما)\s+)*")

_IN_IT = re.compile(r"\s*,?\s*(?:فيه|فيها|فيهما)(?=[\s,\-]|$)")
_DOCUMENT_OF = re.compile(
    r"(?:تصريحات|تصريح|تصريحا|بيانا|بيان|بلاغا|بلاغ|رساله|كلمه|تدوينه|تغريده|مقالا|مقال|حوارا|حوار|"
    r"مقابله|خطابا|خطاب)\s+(?P<l>لل|ل)(?P<np>[^\s,.:;\"]+(?:\s+[^\s,.:;\"]+){0,4})")
_AUTHOR_OF = re.compile(
    r"(?:اصدر|اصدرت|نشر|نشرت|وجه|وجهت|بعث|بعثت|وزع|وزعت|القي|القت)\s+(?P<np>[^,.:;\"]{2,80}?)\s+"
    r"(?:بيانا|بلاغا|رساله|تصريحا|كلمه|تدوينه|تغريده|مقالا|خطابا)")


def _author_before(doc: Document, lo: int, at: int) -> SpeakerRef | None:
    """Who wrote the document that ``قال فيها``/``أكد فيه`` refers to, named earlier in the
    sentence: ``تصريحات للشيخ الطيب قال فيها`` or ``أصدر الأزهر بيانا، ... أكد فيه``."""
    norm = doc.norm
    found = list(_DOCUMENT_OF.finditer(norm, lo, at)) or list(_AUTHOR_OF.finditer(norm, lo, at))
    if not found:
        return None
    match = found[-1]
    parsed = parse_speaker(doc, match.start("np"), match.end("np"))
    if not isinstance(parsed, SpeakerRef):
        return None
    if match.groupdict().get("l") == "لل" and doc.orig(*doc.to_orig(match.start("np"), match.end("np"))
                                                        ).startswith(parsed.name):
        parsed = replace(parsed, name="ال" + parsed.name)  # للشيخ الطيب: the article fused with ل
    return parsed


_LATTER = re.compile(r"(?:هذا\s+|هذه\s+)?(?:الاخير|الاخيره)\s*$")


def _latter(doc: Document, at: int) -> SpeakerRef | None:
    """Whom ``الأخير`` ("the latter") means: the person named last before ``at``, in this
    sentence or the one before (ولأن الملك محمد السادس تولى علاج أمينوكس، أوضح الأخير)."""
    norm = doc.norm
    start = _sentence_start(norm, max(0, _sentence_start(norm, at) - 1))
    tokens = list(_TOKEN.finditer(norm, start, at))
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].group()
        if word not in GIVEN_NAMES and (word in _NOT_OBJECT or _ROLES & {word, "ال" + word} or not (
                _named_before(norm, word, tokens[i].start())
                or re.search(_B + r"(?:" + _VERB_FORMS + r")\s+" + re.escape(word) + _E, norm))):
            continue  # a person's name: a given name, or a word the text names or makes speak
        first = i - 1 if i and tokens[i - 1].group() in GIVEN_NAMES else i
        last = i + 1 if word in GIVEN_NAMES and i + 1 < len(tokens) else i  # محمد البدري
        end = tokens[last].end()
        while norm[end - 1] in ".:;!?()":
            end -= 1
        parsed = parse_speaker(doc, tokens[first].start(), end)
        if isinstance(parsed, SpeakerRef) and parsed.kind == "person":
            return parsed
    return None


def _speaker_attribution(doc: Document, w_start: int, np_start: int, np_end: int,
                         end: int, adjacent: bool) -> Attribution:
    np_start, np_end = _strip_np(doc, np_start, np_end)
    if _LATTER.fullmatch(doc.norm, np_start, np_end):
        latter = _latter(doc, w_start)
        if latter is not None:
            return Attribution(*doc.to_orig(w_start, end), speaker=latter, adjacent=adjacent)
    if _IN_IT.match(doc.norm, np_start, np_end):
        author = _author_before(doc, doc.norm.rfind(".", 0, w_start) + 1, w_start)
        author = author or _opening_subject(doc, w_start)  # نشرت الزروالي صورة بتعليق قالت فيه
        if author is not None:
            return Attribution(*doc.to_orig(w_start, end), speaker=author, adjacent=adjacent)
        return Attribution(*doc.to_orig(w_start, end), follow="last", adjacent=adjacent)
    parsed = parse_speaker(doc, np_start, np_end)
    o_start, o_end = doc.to_orig(w_start, end)
    if isinstance(parsed, SpeakerRef) and _describes_the_speaker(doc, w_start, parsed):
        return Attribution(o_start, o_end, follow="last", fallback=parsed, adjacent=adjacent)
    if isinstance(parsed, SpeakerRef) and parsed.kind == "person" and parsed.name == parsed.role:
        holder = _office_holder(doc, w_start, parsed)
        if holder is None and _GOES_ON.match(doc.norm, w_start):  # وأضافت النجمة المغربية: who spoke
            return Attribution(o_start, o_end, follow="last", fallback=parsed, adjacent=adjacent)
        parsed = holder or parsed
    if isinstance(parsed, Attribution):
        parsed.start, parsed.end, parsed.adjacent = o_start, o_end, adjacent
        return parsed
    if parsed is None:
        parsed = _while_saying(doc, w_start) or _narrated_subject(doc, w_start) or _clause_subject(doc, w_start)
    if parsed is None:
        parsed = _antecedent(doc, w_start)
    if parsed is None and _not_a_speaker(doc, np_start, np_end):
        parsed = _opening_subject(doc, w_start)  # وحيت الفنانة نجاة عتابو ...، وقالت الأغاني
    if parsed is None:
        return Attribution(o_start, o_end, follow="last", adjacent=adjacent)
    return Attribution(o_start, o_end, speaker=parsed, adjacent=adjacent)


def _office_holder(doc: Document, at: int, office: SpeakerRef) -> SpeakerRef | None:
    """``وأضاف الوزير`` after ``وزير الصحة خالد آيت الطالب`` spoke: an office with no name means
    the latest person the report named with it (the same office, or one the bare office
    word opens), not a speaker called "the minister"."""
    norm = doc.norm
    key = _office_key(office.role or office.name)
    found = None
    for token in _TOKEN.finditer(norm, 0, at):
        word = token.group()
        start = token.start() + (1 if word[:1] in "وبل" and _is_role(word[1:]) else 0)
        if _office_key(norm[start:token.end()])[:1] != key[:1] or _quoted(norm, start):
            continue
        stops = [i for i in (norm.find(c, start, at) for c in '".:') if i != -1]
        stop = min(stops + [at, start + 150])
        connector = _connector(doc, start, stop)
        held = parse_speaker(doc, start, connector.start() if connector else stop)
        if isinstance(held, SpeakerRef) and held.kind == "person" and held.role and held.name != held.role \
                and _office_key(held.role)[:len(key)] == key and _surely_a_name(norm, held.name):
            found = held
    return found


_GOES_ON = re.compile(r"(?:[وف]\s?)?(?:(?:اضاف|تابع|اردف|استطرد|زاد|اكمل|واصل|ختم|استرسل)ت?|"
                      r"[يت](?:ضيف|تابع|ردف|ستطرد|زيد|كمل|واصل|ختم|سترسل))" + _E)


def _describes_the_speaker(doc: Document, w_start: int, speaker: SpeakerRef) -> bool:
    """``وتابعت الأرملة``، ``وأضاف الشاب العشريني``: after a verb of going on, a definite
    description with no name, office or title is the one who was speaking, described anew."""
    words = normalize_text(speaker.name).split()
    return speaker.kind == "person" and speaker.role is None and speaker.title is None \
        and bool(_GOES_ON.match(doc.norm, w_start)) and all(w.startswith("ال") for w in words) \
        and not any(_known_head(doc.norm, w, w_start) for w in words)


_RELATIVE_BEFORE = re.compile(r"(?:^|\s)(?:الذي|التي)\s*$")


def _antecedent(doc: Document, w_start: int) -> SpeakerRef | None:
    """``بالسيدة حليمة التي قالت إن``: a speech verb right after الذي/التي speaks for the person
    the relative clause is about, when that surely is a name."""
    if not _RELATIVE_BEFORE.search(doc.norm, max(0, w_start - 8), w_start):
        return None
    person = _latter(doc, w_start)
    return person if person is not None and _surely_a_name(doc.norm, person.name) else None
_THEN = re.compile(r",\s*(?:قبل\s+ان|بعد\s+ان|ثم|حتي|ل)\s*$")


def _clause_subject(doc: Document, w_start: int) -> SpeakerRef | None:
    """``ليتحمس الوزير، قبل أن يقول للبدري``: a verb with no speaker after "before/after that"
    or "then" goes on with the subject of the clause just before it, a verb and its subject."""
    norm = doc.norm
    then = _THEN.search(norm, max(0, w_start - 14), w_start)
    if then is None:
        return None
    start = max(norm.rfind(c, 0, then.start()) for c in ',."\n') + 1
    tokens = list(_TOKEN.finditer(norm, start, then.start()))
    if len(tokens) < 2 or _known_head(norm, tokens[0].group(), tokens[0].start()) \
            or tokens[0].group() in _NOT_SPEAKER | _PREPOSITIONS \
            or not _known_head(norm, tokens[1].group(), tokens[1].start()):
        return None
    return _named_person(doc, tokens[1].start(), then.start(), office=True)


def _narrated_subject(doc: Document, w_start: int) -> SpeakerRef | None:
    """``وأدلى رئيس الحكومة عبد الإله بن كيران بصوته ... . وعبر عن أمله ...``: a verb with no
    speaker, opening its sentence right after a sentence that opened with a verb and a named
    person and said nothing, continues that person rather than the last one who spoke."""
    norm = doc.norm
    start = max(norm.rfind(".", 0, w_start), norm.rfind("\n", 0, w_start)) + 1
    if len(norm[start:w_start].split()) > 1 or start < 2:
        return None
    p_start = max(norm.rfind(".", 0, start - 1), norm.rfind("\n", 0, start - 1)) + 1
    tokens = list(_TOKEN.finditer(norm, p_start, start - 1))
    if len(tokens) < 3 or not tokens[0].group().startswith("و") or '"' in norm[p_start:start] \
            or _speech_verbs(norm, tokens[1].start(), start - 1) \
            or _speech_verbs(norm, p_start, tokens[0].end()) and tokens[0].group() != "وادلي" \
            and _INDIRECT_CONN.search(norm, tokens[1].start(), start - 1) \
            or not _known_head(norm, tokens[1].group(), tokens[1].start()):
        return None  # وقال إنه ...: that sentence spoke; وأدلى بصوته: it voted
    # وأعلنت وزارة الصحة عن تسجيل حالات: a speech verb with no أن said nothing yet, its subject
    # (a body too) goes on
    spoke = bool(_speech_verbs(norm, p_start, tokens[0].end()))
    return _named_person(doc, tokens[1].start(), start - 1, office=spoke)


def _opening_subject(doc: Document, at: int) -> SpeakerRef | None:
    """The speaker the sentence holding ``at`` opens with, as Arabic news opens one: a verb,
    then its subject (ونشرت الزروالي ...، وأنهى الحسين الوردي كلمته، عندما ولج سفيان),
    perhaps after a time or place phrase and its comma (للعام الرابع، يستعد شفيق): a named
    person, or an office or body with no name after it (واختتم السفير كلمته). What that
    speaker then says, with no speech verb of its own, is theirs."""
    norm = doc.norm
    start = _sentence_start(norm, at)
    clauses = [start]
    comma = norm.find(",", start, at)
    lead = norm[start:comma].split()
    if comma != -1 and (len(lead) <= 4 or len(lead) <= 6 and lead[0] in _ADVERBIAL_OPENERS):
        clauses.append(comma + 1)  # رغم اقتناعه بأنه على حق، يختار أسامة: a longer adverbial
    for clause in clauses:
        lead = _SUBJECT_LEAD.match(norm, clause, at)
        tokens = list(_TOKEN.finditer(norm, lead.end() if lead else clause, at))[:3]
        if len(tokens) == 3 and re.match(r"[وف]?كان", norm[clause:tokens[0].start()].strip()) \
                and (tokens[0].group() in GIVEN_NAMES or tokens[1].group() in _NAME_SECOND):
            # كان عز الدين شلح ... قد تقدم بطلب: after كان the subject comes first
            words = [m.span() for m in _TOKEN.finditer(norm, tokens[0].start(), at)]
            person = parse_speaker(doc, words[0][0], words[max(_name_end(doc, words, 0), 1) - 1][1])
            if isinstance(person, SpeakerRef) and person.kind == "person":
                return person
        if len(tokens) < 3 or _known_head(norm, tokens[0].group(), tokens[0].start()) \
                or tokens[0].group() in _NOT_SPEAKER | _PREPOSITIONS or tokens[0].group().startswith("ال") \
                or not _known_head(norm, tokens[1].group(), tokens[1].start()) or tokens[1].group() == "علي" \
                or "," in norm[tokens[0].end():tokens[1].start()]:
            continue
        head, after = tokens[1].group(), list(_TOKEN.finditer(norm, tokens[1].end(), at))
        office = (_is_role(head) or head in _BODY_HEADS) and not (
            after and _known_head(norm, after[0].group(), after[0].start()))  # الباحث زيان: a name follows
        end = next((t.start() for t in after if _POSSESSED.search(doc.orig(t.start(), t.end()))), at)
        person = _named_person(doc, tokens[1].start(), end, office=office)  # السفير كلمته: no name
        if person is not None:
            return person
    return None


_ADVERBIAL_OPENERS = _PREPOSITIONS | {"رغم", "بعد", "قبل", "منذ", "خلال", "عند", "بعدما", "عندما", "حين",
                                      "بسبب", "وسط", "فور", "اثر", "عقب"}
_WHILE = re.compile(r"(?:^|[\s,])و?(?:هو|هي|هم)\s*$")


def _while_saying(doc: Document, w_start: int) -> SpeakerRef | None:
    """``وظهر على دو روجي الغضب وهو يقول ...``: "while he says" speaks for the person the
    sentence just named, whatever their place in it (here after a preposition)."""
    norm = doc.norm
    if not _WHILE.search(norm, max(0, w_start - 8), w_start):
        return None
    clause = norm.rfind(".", 0, w_start) + 1
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(norm, clause, w_start)][:-1]
    words = [norm[s:e] for s, e in tokens]
    for i in range(len(words) - 1, max(-1, len(words) - 9), -1):
        word, prev = words[i], words[i - 1] if i else ""
        if word in _NOT_SPEAKER | _NAME_BREAK | _PREPOSITIONS or word.startswith("ال"):
            continue
        if prev and prev not in _NOT_SPEAKER | _NAME_BREAK | _PREPOSITIONS \
                and re.search(_B + re.escape(prev + " " + word) + _E, norm[:clause]):
            start = tokens[i - 1][0]  # دو روجي: a full name the report gave before
        elif _named_before(norm, word, tokens[i][0]):
            start = tokens[i][0]
        else:
            continue
        parsed = parse_speaker(doc, start, tokens[i][1])
        return parsed if isinstance(parsed, SpeakerRef) and parsed.kind == "person" else None
    return None


_DESCRIPTION_WORD = re.compile(r"[^\s\d\"]{2,}")


def _description(doc: Document, start: int, end: int) -> SpeakerRef | None:
    """A person no table knows, described by up to three words after a verb that follows a
    quotation («...»، يقول سائق الحافلة، تقول ربة بيت): who says the words is the subject right
    there, even with a noun the tables lack. Words that cannot open a noun phrase (a
    preposition, ل or ب, a manner such as ساخرا, a time) mean there is no subject."""
    words = []
    for token in _TOKEN.finditer(doc.norm, start, end):
        word = token.group()
        if word in _NAME_BREAK or word in _NOT_OBJECT or word in _AUXILIARIES or word in ("ذو", "ذات", "ذي"):
            break  # الشاب ذو العشرين عاما: the young man
        words.append(token)
    if not 1 <= len(words) <= 3 or not all(_DESCRIPTION_WORD.fullmatch(w.group()) for w in words) \
            or _MANNER.fullmatch(words[0].group()) or _TIME_WORD.match(words[0].group()) \
            or words[0].group()[:1] in "لب" and words[0].group() not in GIVEN_NAMES:
        return None
    name = doc.orig(words[0].start(), words[-1].end())
    return SpeakerRef(name=name, kind="person", surface=name)


def _relayed_subject(norm: str, start: int, at: int) -> int | None:
    """Where the subject of a verb at ``at`` starts when a source relays it (أفادت الوكالة أن
    الوزير قال، ذكرت الصحيفة أن رئيس الحكومة أكد): right after the أن of the relaying verb, when
    a known speaker opens the words there; the relaying source only passes the words on."""
    connectors = list(_INDIRECT_CONN.finditer(norm, start, at))
    if not connectors or not _speech_verbs(norm, start, connectors[-1].start()):
        return None
    first = _TOKEN.match(norm, connectors[-1].end() + 1, at)
    if first is None or not _known_head(norm, first.group(), first.start()) or _INDIRECT_CONN.search(
            norm, first.start(), at) or len(norm[first.start():at].split()) > 8:
        return None
    return first.start()


_WORD_AT = re.compile(r"\s*([^\s,\"]+)")


def _after_subject(doc: Document, match: re.Match) -> tuple[int, int]:
    """The words that may name the speaker of a verb after a quotation: past the medium the
    words were said to (تقول للجريدة فاطمة) and how they were said (يؤكد بنبرة غاضبة أحد الشباب),
    and before what follows them: the medium (يقول أحد السكان لـ"الأحداث"), the object of a verb
    looking back (هكذا يلخص رئيس الحكومة موقفه), what one comments on (علقت إحدى المدونات على الخبر)."""
    norm = doc.norm
    start = match.start("np")
    to = _TO.search(norm, start, match.end("np"))
    end = to.start() if to else match.end("np")
    lead = _WORD_AT.match(norm, start, end)
    if lead and lead.group(1)[:1] == "ل" and ("ا" + lead.group(1)[1:] in _MEDIA or lead.group(1)[1:] in _MEDIA):
        start = lead.end()  # للجريدة، لوكالة: whom it was said to
    lead = _WORD_AT.match(norm, start, end)
    if lead and lead.group(1) in _HOW:
        start = lead.end()
        adjective = _WORD_AT.match(norm, start, end)  # بنبرة غاضبة
        if adjective and not adjective.group(1).startswith("ال") and not _known_head(norm, adjective.group(1), start):
            start = adjective.end()
    if _LOOKS_BACK.match(norm, match.start()):
        end = _object_cut(doc, start, end)
    if "علق" in match.group("w"):  # على goes with the verb
        end = next((t.start() for t in _TOKEN.finditer(norm, start, end) if t.group() == "علي"
                    and t.start() > start and doc.orig(*t.span()).endswith("ى")), end)
    return start, end


_NOMINAL_OPENER = re.compile(r"\s*(?:(?:و?لكن|اما|ف?حتي)\s+)?")


def _named_first(doc: Document, nlo: int, nhi: int) -> SpeakerRef | None:
    """The person a sentence opens with by given name, before its verb (لكن خديجة لا تصدق هذه
    الوعود، زوجها، الحسين، يعمل في الفلاحة): Arabic feature writing names its subject first too."""
    norm = doc.norm
    at = _NOMINAL_OPENER.match(norm, nlo, nhi).end()
    tokens = [t.span() for t in _TOKEN.finditer(norm, at, min(nhi, at + 120))]
    if len(tokens) > 2 and _SUFFIXED.search(norm[slice(*tokens[0])]) and "," in norm[tokens[0][1]:tokens[1][0]]:
        tokens = tokens[1:]  # زوجها، الحسين: kin, then the name
    if len(tokens) < 3 or norm[slice(*tokens[0])] not in GIVEN_NAMES or norm[slice(*tokens[0])] == "علي":
        return None
    end = max(_name_end(doc, tokens, 0), 1)
    person = parse_speaker(doc, tokens[0][0], tokens[end - 1][1])
    return person if isinstance(person, SpeakerRef) and person.kind == "person" else None


_TO = re.compile(r"(?:^|\s)ل\s*$")  # لـ"الجزيرة": ل written apart before a quoted name


def _subject_before(doc: Document, nlo: int, verb_start: int) -> SpeakerRef | None:
    """The subject of a sentence that names its speaker before the verb, when the words there
    are known to name one (a body, an office, a crowd, a person named before): up to six
    words, no comma, after كان/كانت and before قد."""
    norm = doc.norm
    lead = _SUBJECT_LEAD.match(norm, nlo, verb_start)
    s = lead.end() if lead else nlo
    words = norm[s:verb_start].split()
    if words and words[-1] in ("قد", "وقد"):
        words = words[:-1]
    if not words or len(words) > 6 or "," in " ".join(words) or not _known_head(norm, words[0], s):
        return None
    end = s + len(" ".join(words))
    if norm[s:end] != " ".join(words):
        return None
    parsed = parse_speaker(doc, s, end)
    return parsed if isinstance(parsed, SpeakerRef) else None
