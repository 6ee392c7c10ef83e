"""From a noun phrase to a speaker: where a name starts and ends, what is an office, a body, a
document or no speaker at all (``parse_speaker``).
"""

from __future__ import annotations

import re

from ...model import SpeakerRef
from ...normalize import normalize_text
from ..attribution import Attribution
from ..document import Document, trim_span
from ..gazetteer import gazetteer
from .words import (
    GIVEN_NAMES,
    SPEECH_VERB,
    TITLE_WORDS,
    _ANONYMOUS,
    _AUXILIARIES,
    _B,
    _BODY_HEADS,
    _DOCUMENTS,
    _E,
    _MEDIA,
    _NAME_BREAK,
    _NISBA,
    _NOT_OBJECT,
    _NOT_SPEAKER,
    _OFFICE_MODIFIERS,
    _ORG_HEADS,
    _PREPOSITIONS,
    _QUANTITIES,
    _RELATIVES,
    _ROLES,
    _TIME_WORD,
    _VERB_FORMS,
    _is_role,
    _is_role_word,
    _sentence_start,
    _skip_time,
)


_DEMONSTRATIVE = re.compile(r"(?:تلك|هذه|ذلك|هذا|هذين|هاتين|هؤلاء|ذات|نفس)\s+(?P<noun>\S+)")

# ولم تخف الوزيرة ...، وهو ما أكدته الناشطة ...: a negation or "which is what" before the verb
_WHAT_SAID = re.compile(r"ما\s+(?:جاء|ورد|ذكره|ذكرته|قاله|قالته|اورده|اوردته|نشره|نشرته|نقله|نقلته)"
                        r"(?:\s+(?:في|به|عن))?\s+"
                        r"|(?:تعبير|قول|وصف|روايه|كلام|شهاده|تصريح|تصريحات)\s+(?=\S)")  # بحسب تعبير فاطمة
_SO_CALLED = re.compile(r"(?:ما\s+(?:يسمي|يعرف\s+ب|تسمي|يطلق\s+عليه))\s*")

_SAME = re.compile(r"(?P<noun>ال\S+)\s+(?:ذاته|نفسه|ذاتها|نفسها|ذاتهم|انفسهم|نفسهم)(?=\s*(?:,|$))")
_FROM = re.compile(r"(?:^|\s|,)\s*(?:نقلا\s+)?عن\s+(?=\S)")
_THE_SPEAKER = re.compile(r"(?:المتحدثه|المتحدث)(?:\s+(?:ذاته|نفسه|ذاتها|نفسها))?" + _E)
_RELATIVE_AFTER = re.compile(r"\s(?:الذي|التي|الذين|ان|انه|انها)" + _E)
_STOP_START = re.compile(
    r"(?:\(|\d|في\s|خلال|عبر|اثناء|عقب|قبل|بعد|امس|اليوم|يوم|مساء|صباح|ليله|ظهر|الاحد|الاثنين|"
    r"الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الذي|التي|والذي|والتي|حيث|وذلك|ل(?:وكاله|صحيفه|قناه|"
    r"موقع|وسائل|لصحفيين|لصحافيين|لاعلام))")
_STOP_INSIDE = re.compile(
    r"\s(?:ل(?=[\s\"]|$)|"  # قالت مصادر مطلعة لـ"الجزيرة": to whom, not who
    r"(?:في|خلال|عبر)\s+(?:ال)?(?:تصريح|تصريحات|بيان|مؤتمر|حديث|كلمه|لقاء|مقابله|حوار|تغريده|رساله|"
    r"اتصال|منشور|تدوينه|جلسه|اجتماع|لقائه|حديثه|كلمته|تصريحه|تصريحاته|بيانه|حسابه|بلاغ|بلاغه|"
    r"بلاغها|تسجيل|تقريرها|تقريره|دراستها|دراسته|ندوه|مداخله|مداخلته)|"
    r"(?:جميع|كافه)\s|"  # دعا وزير الداخلية جميع المسؤولين إلى: the object after the speaker
    r"ل(?:وكاله|صحيفه|قناه|موقع|وسائل|لصحفيين|لصحافيين|لاعلام|شبكه)|"
    r"علي\s+(?:صفحته|صفحتها|حسابه|حسابها|موقعه|تويتر|فيسبوك|الصوره|ضروره|اهميه)|"
    r"(?:اليوم|امس|يوم|يومه|زوال|مساء|صباح|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)(?:\s|$))")

_MARKS = re.compile(r"[\"«»“”]")  # مصادر "الأحداث المغربية": the name without its marks
_TOKEN = re.compile(r"[^\s,\"]+")  # a quoted name ("سعيدة شريف") is read without its marks


def _strip_np(doc: Document, start: int, end: int) -> tuple[int, int]:
    return trim_span(doc.norm, start, end, " ,:;\"\u00a0")


def parse_speaker(doc: Document, start: int, end: int) -> SpeakerRef | Attribution | None:
    """Read a speaker out of normalised ``[start, end)``: name, role, title and kind.

    Returns an Attribution with ``follow`` for a demonstrative (``تلك الوسائل``), None when
    nothing there names a speaker.
    """
    start, end = _strip_np(doc, start, _before_recipient(doc, start, _before_ala(doc, start, end)))
    norm = doc.norm
    if start >= end:
        return None
    same = _THE_SPEAKER.match(norm, start, end)
    if same and (same.end() == end or _RELATIVE_AFTER.match(norm, same.end(), end)
                 or norm.startswith(",", same.end())):
        text = doc.orig(start, same.end())  # يضيف المتحدث: who just spoke; if nobody, as it says
        return Attribution(*doc.to_orig(start, end), follow="last",
                           fallback=SpeakerRef(name=text, kind="person", role=text, surface=text))
    same = _SAME.match(norm, start, end)
    if same:  # وأضاف المصدر ذاته: the source named before
        text = doc.orig(start, same.end())
        return Attribution(*doc.to_orig(start, end), follow="refer:" + same.group("noun"),
                           fallback=SpeakerRef(name=text, kind="anonymous", surface=text))
    so_called = _SO_CALLED.match(norm, start, end) or _WHAT_SAID.match(norm, start, end)
    if so_called:
        start = so_called.end()  # وفق ما جاء في إحدى التعليقات: the source after what it said
    demonstrative = _DEMONSTRATIVE.match(norm, start, end)
    if demonstrative:
        cut = norm.find(",", start, end)
        relative = _RELATIVE_AFTER.search(norm, start, end if cut == -1 else cut)
        cut = relative.start() if relative else cut  # ذات المتحدث الذي اعتبر أن: the speaker ends at الذي
        text = doc.orig(start, end if cut == -1 else cut)
        return Attribution(*doc.to_orig(start, end), follow="refer:" + demonstrative.group("noun"),
                           fallback=SpeakerRef(name=text, kind="organisation", surface=text))
    issued = _ISSUED_BY.match(norm, start, end)
    if issued:  # بيان صادر عن الديوان الملكي: the body that issued it
        parsed = parse_speaker(doc, issued.end(), end)
        if isinstance(parsed, SpeakerRef):
            return parsed
    by = _DOCUMENT_BY.match(norm, start, end)
    if by:  # بيان للحزب، تقرير للبنك الدولي، بلاغ لـ"مؤسسة سوس": the body the document speaks for
        rest = doc.orig(by.end(), end).strip(' "')
        if by.group("l") == "لل":  # للحزب: ل + الحزب; للجنة: ل + اللجنة
            rest = ("الل" if normalize_text("الل" + rest).split()[0] in _BODY_HEADS | _ROLES else "ال") + rest
        sub = Document(rest)
        parsed = parse_speaker(sub, 0, len(sub.norm))
        if isinstance(parsed, SpeakerRef):
            return parsed
    if norm.startswith("لل", start):
        start += 1  # وفقا للمصدر: the ل of the preposition fused with the article
    recipient = _RECIPIENT.match(norm, start, end) or _IN_THIS_REGARD.match(norm, start, end)
    if recipient and recipient.end() < end:
        start = recipient.end()  # وقال لـ"هسبريس" المحامي، وأكدت في هذا الصدد الفاعلة: then who
    pronoun = _PRONOUN_PREPOSITION.match(norm, start, end)
    if pronoun:
        start = pronoun.end()  # ومما طالب به المتضررون: the object pronoun, then the speaker
    if _not_a_speaker(doc, start, end):
        return None
    quantity = _TOKEN.match(norm, start, end)
    if quantity and quantity.group() in _QUANTITIES:
        cut = norm.find(",", start, end)
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(norm, start, end if cut == -1 else cut)]
        span = (start, _relative_cut(norm, tokens[:6], tokens[min(len(tokens), 6) - 1][1],
                                     _UNNAMED_BREAK | _BODY_BREAK))  # عبر عدد من السكان عن غضبهم
        return SpeakerRef(name=doc.orig(*span), kind="anonymous", surface=doc.orig(*span))  # عدد من المشاركين
    role = title = name = org = media = anonymous = None
    used = start
    seg_start = start
    first = True
    while seg_start < end:
        comma = norm.find(",", seg_start, end)
        seg_end = end if comma == -1 else comma
        s, e = _strip_np(doc, seg_start, seg_end)
        seg_start = seg_end + 1
        if first:
            s = _skip_time(norm, s, e)  # وقال أمس وزير الخارجية، وقال اليوم الأحد رئيس الوزراء
        if s >= e:
            continue
        if _STOP_START.match(norm, s, e):
            following = _TOKEN.search(norm, seg_start, end) if comma != -1 else None
            if first and following and (_known_head(norm, following.group(), following.start())
                                        or following.group() in _MEDIA):
                continue  # وقال، في مؤتمر صحفي، وزير الداخلية: a phrase, then the speaker
            break
        cut = _STOP_INSIDE.search(norm, s, e)
        if cut:
            e = cut.start()
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(norm, s, e)]
        if not tokens:
            break
        head = norm[tokens[0][0]:tokens[0][1]]
        if len(tokens) > 1 and head.startswith("ال") and _POSSESSED.search(doc.orig(*tokens[1])):
            tokens, e = tokens[:1], tokens[0][1]  # وختم الرئيس كلمته بالقول: the office, then its object
        if first and head.startswith("ل") and head not in GIVEN_NAMES and not _known_head(norm, head, s):
            return None  # "فقالت لفرانس برس"، "يقول للبدري": whom the words were said to
        if first and head in _HOW:
            return None  # تقول بحسرة: how, not who
        if first and (head in _NOT_SPEAKER or _PARTICIPLE_WORD.fullmatch(head)
                      or head[:1] in "وف" and head[1:] in _NOT_SPEAKER
                      or head == "علي" and len(tokens) == 1 and comma == -1):
            return None  # "شدد على أن": على here is the preposition, not the name Ali
        bare = head[1:] if head[:1] in "وف" and len(head) > 3 and head[1:] in _ROLES | TITLE_WORDS else head
        kind_found = True
        if bare in _MEDIA and not (role or name):
            media = (s, e)
            source = _FROM.search(norm, s, end)
            if source and norm.find(",", s, source.start()) in (-1, e):
                # نقلت قناة الجزيرة عن شهود عيان، صحيفة الصباح، نقلا عن مصادر قضائية: the source speaks
                parsed = parse_speaker(doc, source.end(), end)
                if isinstance(parsed, SpeakerRef):
                    return parsed
        elif bare in _ANONYMOUS and not (role or name) and not _has_name(norm, tokens[1:], opens=False):
            anonymous = (s, _relative_cut(norm, tokens[:6], tokens[min(len(tokens), 6) - 1][1], _UNNAMED_BREAK))
        elif bare in TITLE_WORDS or bare in _ROLES or _is_role_word(norm, tokens[0]) \
                or _has_name(norm, tokens[:1]):
            split = _name_start(norm, tokens)
            if split == len(tokens) > 1 and len(tokens) <= 4 and head.startswith("ال") and _is_role(head) \
                    and _bare_name_word(norm[tokens[1][0]:tokens[1][1]]) \
                    and not _POSSESSED.search(doc.orig(*tokens[1])) \
                    and all(_bare_name_word(w) or w.startswith("ال") and w not in _NOT_OBJECT
                            for w in (norm[a:b] for a, b in tokens[2:])):
                split = 1  # الوزيرة جميلة المصلي، الرئيس ماكرون: a name no table knows after the office
            if split > 0 and role is None:
                role = (tokens[0][0], tokens[split - 1][1] if split < len(tokens) else
                        _relative_cut(norm, tokens, tokens[-1][1], _ROLE_BREAK))  # المراقب الذي
            if split < len(tokens):
                t_end = split
                while t_end < len(tokens) - 1 and norm[tokens[t_end][0]:tokens[t_end][1]] in TITLE_WORDS:
                    t_end += 1
                if t_end > split:
                    title = (tokens[split][0], tokens[t_end - 1][1])
                n_end = _name_end(doc, tokens, t_end)
                if t_end < len(tokens) and norm[tokens[t_end][0]:tokens[t_end][1]] in _OFFICE_MODIFIERS:
                    role, title, n_end = role or (s, e), None, t_end  # "النقيب السابق للجمعية": an office
                if name is None and n_end > t_end:
                    name = (tokens[t_end][0], tokens[n_end - 1][1])
                    if n_end < len(tokens) and role is None and _is_role_word(norm, tokens[n_end]):
                        role = (tokens[n_end][0], tokens[-1][1])
        elif bare in _DOCUMENTS and not (role or name or org):
            org = (s, _relative_cut(norm, tokens, e))
        elif _is_org(norm, tokens) and not (role or name or org):
            org = (s, _relative_cut(norm, tokens, e))
        elif (first or role) and not name and not role and (described := next(
                (i for i, (a, b) in enumerate(tokens[:5]) if i and norm[a:b] in GIVEN_NAMES
                 and all(norm[x:y].startswith("ال") for x, y in tokens[:i])), 0)):
            # الفاعلة الجمعوية سعاد الطاوسي، الفاعلة الحقوقية أمينة بوعياش: a description no table
            # knows, then a given name
            role = (tokens[0][0], tokens[described - 1][1])
            name = (tokens[described][0], tokens[_name_end(doc, tokens, described) - 1][1])
        elif (first or role) and not name:
            n_end = _name_end(doc, tokens, 0)
            object_follows = False
            if not role and not (n_end == len(tokens) and _appositive_follows(norm, seg_start, end)) \
                    and not _looks_like_name(norm, tokens[:n_end], s, alone=n_end == len(tokens)):
                if n_end < 2 or not _known_head(norm, head, s):
                    break
                n_end, object_follows = 1, True  # استهلت أحلام الحفل: a known name, then an object
            if n_end == 0 or not object_follows and (n_end < len(tokens) and not _is_role_word(norm, tokens[n_end])
                              and norm[tokens[n_end][0]:tokens[n_end][1]] not in _NAME_BREAK):
                break
            name = (tokens[0][0], tokens[n_end - 1][1])
            words = [norm[a:b] for a, b in tokens[:n_end]]
            if not role and len(words) > 1 and words[0].startswith("ال") and not words[1].startswith("ال") \
                    and words[1] not in _NOT_OBJECT:
                role, name = (tokens[0][0], tokens[0][1]), (tokens[1][0], tokens[n_end - 1][1])  # المدعي تولوس جايا
            elif n_end < len(tokens) and _is_role_word(norm, tokens[n_end]):
                role = (tokens[n_end][0], tokens[-1][1])
        else:
            kind_found = False
        if not kind_found:
            break
        used = e
        first = False
        if name or media or anonymous or org:
            if comma == -1 or not _appositive_follows(norm, seg_start, end):
                break
    surface = doc.orig(start, used)
    text = lambda span: " ".join(_MARKS.sub("", doc.orig(*span)).split()) if span else None  # noqa: E731
    if name:
        return SpeakerRef(name=text(name), kind="person", role=text(role), title=text(title),
                          surface=surface)
    if media:
        return SpeakerRef(name=text(media), kind="media", surface=surface)
    if anonymous:
        return SpeakerRef(name=text(anonymous), kind="anonymous", surface=surface)
    if org:
        return SpeakerRef(name=text(org), kind="organisation", surface=surface)
    if role:
        role, name = _name_after_office(norm, role)
        if name:
            return SpeakerRef(name=text(name), kind="person", role=text(role), title=text(title),
                              surface=surface)
        role_text = text(role)
        kind = "anonymous" if normalize_text(role_text).split()[0] in {"مسؤول", "المسؤول"} else "person"
        return SpeakerRef(name=role_text, kind=kind, role=role_text, title=text(title), surface=surface)
    return None


def _before_ala(doc: Document, start: int, end: int) -> int:
    """Where a person ends before the preposition على (وشدد المتحدث على أن): the original
    writes it with ى, the name Ali with ي; both normalise to علي. A description goes on past
    it (إحدى التعليقات على الفيديو، الموقعون على البلاغ)."""
    first = _TOKEN.match(doc.norm, *_strip_np(doc, start, end))
    if not first or not (_is_role(first.group()) or first.group() in TITLE_WORDS | GIVEN_NAMES):
        return end
    for token in _TOKEN.finditer(doc.norm, start, end):
        if token.group() == "علي" and token.start() > start and doc.orig(*token.span()).endswith("ى"):
            return token.start()
    return end


def _before_recipient(doc: Document, start: int, end: int) -> int:
    """Where a speaker ends before the medium the words were said to (صرح رئيس الجمعية لجريدة
    الأحداث المغربية، قال الوزير لوكالة المغرب العربي للأنباء): ل on a media word after it."""
    for token in _TOKEN.finditer(doc.norm, start, end):
        word = token.group()
        if token.start() > start and word[:1] == "ل" and (word[1:] in _MEDIA or "ال" + word[2:] in _MEDIA
                                                          and word.startswith("لل")):
            return token.start()
    return end


def _not_a_speaker(doc: Document, start: int, end: int) -> bool:
    """Whether the words after a speech verb open with a word that cannot be its speaker: a
    preposition with a pronoun (وقال عنه)، an auxiliary or a verb (وكان قال، يجب)، a word of
    quantity alone (عدد)، an adverbial (قالت استنادا إلى ...)، or a lone definite noun no
    table knows when a person or body already stands before the verb in its sentence (وحيت
    الفنانة ... وقالت الأغاني): that noun is the verb's object, not its subject."""
    norm = doc.norm
    tokens = list(_TOKEN.finditer(norm, *_strip_np(doc, start, end)))
    if not tokens:
        return False
    head = tokens[0].group()
    bare = head[1:] if head[:1] in "وف" and head[1:] in _AUXILIARIES else head
    if re.fullmatch(_PREP_PRONOUN, head) or bare in _AUXILIARIES or SPEECH_VERB.fullmatch(head) \
            or head in ("اخر", "اخري", "ايضا", "كذلك") \
            or head == "علي" and doc.orig(*tokens[0].span()).endswith("ى"):  # على سؤال: the preposition
        return True
    if head in _QUANTITIES and (len(tokens) == 1 or norm.find(",", tokens[0].end(), tokens[1].start()) != -1):
        return True
    if _ADVERBIAL.fullmatch(head) and head not in GIVEN_NAMES and len(tokens) > 1 \
            and tokens[1].group() in ("الي", "علي"):
        return True
    if len(tokens) == 1 and _MANNER.fullmatch(head) and not _known_head(norm, head, start):
        return True  # وقال ساخرا، وأجاب ضاحكا، وكتب متسائلا: how, not who
    if len(tokens) == 1 and head.startswith("ال") and not _known_head(norm, head, start) \
            and not _is_role(head) and head not in _MEDIA | _DOCUMENTS | _BODY_HEADS \
            and not _is_org(norm, [tokens[0].span()]):
        before = _TOKEN.findall(norm, _sentence_start(norm, start), start)[:-1]
        return any(w in GIVEN_NAMES or w in TITLE_WORDS or _is_role(w) or w in _BODY_HEADS
                   or w[:1] == "و" and (w[1:] in _BODY_HEADS or _is_role(w[1:])) for w in before)
    return False


def _bare_name_word(word: str) -> bool:
    """Whether a word right after a definite office may open a name: no article, no preposition
    or ل/ب of a genitive (للحزب، باسم), no و/ف of a second office (الكاتب والباحث), no office,
    body or time word (الوزير المنتدب، الوزيرة أمس)."""
    return re.fullmatch(r"[\u0621-\u064a]{2,}", word) is not None and not word.startswith(("ال", "ل", "ب", "و", "ف")) \
        and word not in _NOT_OBJECT | _PREPOSITIONS | _BODY_HEADS | _ORG_HEADS | _MEDIA | _OFFICE_MODIFIERS \
        and not _is_role(word) and not _TIME_WORD.match(word) and word not in ("ذاته", "نفسه", "ذاتها", "نفسها")


def _name_after_office(norm: str, role: tuple[int, int]) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """``مغني الراب الأمريكي من أصول مغربية فرانش مونتانا``: a name no table knows after an
    office, told apart by its form: two words or more at the end with no article, no nisba
    (مغربية) and no office or body word (رئيس وزراء), after at least one word of office."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(norm, *role)]
    i = len(tokens)
    while i > 1:
        word = norm[tokens[i - 1][0]:tokens[i - 1][1]]
        if word.startswith(("ال", "وال", "لل", "بال")) or re.search(r"(?:ي|يه|يين|يون)$", word) \
                or word in _NOT_OBJECT | _PREPOSITIONS | _BODY_HEADS | _ORG_HEADS | _MEDIA \
                or _is_role(word) or not re.fullmatch(r"[\u0621-\u064a]+", word):
            break
        i -= 1
    if len(tokens) - i < 2 or norm[slice(*tokens[i - 1])] in _BODY_HEADS | _ORG_HEADS | {"باسم"}:
        return role, None  # المتحدثة باسم حكومة إقليم كردستان: the body's name, not the speaker's
    return (tokens[0][0], tokens[i - 1][1]), (tokens[i][0], tokens[-1][1])


_DOCUMENT_BY = re.compile(r"(?:البيان|بيان|بلاغ|البلاغ|التقرير|تقرير|رساله|مذكره)\s+(?P<l>لل|ل)\s*\"?\s*(?=\S)")
_ISSUED_BY = re.compile(r"(?:ال)?(?:بيان|بلاغ|تقرير|رساله|مذكره|بلاغا|بيانا)\s+(?:ال)?صادر(?:ه)?\s+عن\s+(?=\S)")

# the participle continuing a speaker has its ending (متابعا); bare متابع is "a follower"
_PARTICIPLE_WORD = re.compile(r"و?(?:قائل|مؤكد|مضيف|مشير|موضح|مبين|معتبر|لافت|مشدد|متابع)(?:ا|ه|ين|ون)")

# a preposition with a pronoun (عنه، لها، فيه، منها، عليه): an object, never the speaker
_PREP_PRONOUN = r"(?:ب|ل|عن|من|في|علي|الي|مع|لدي|عند)(?:ه|ها|هم|هما|هن|كم|نا)"
_RECIPIENT = re.compile(r'ل\s*"[^"]{1,40}"\s*,?\s*(?=\S)')
_IN_THIS_REGARD = re.compile(r"(?:في\s+هذا\s+(?:الصدد|السياق|الاطار|الشان)|من\s+(?:جهت|جانب)(?:ه|ها)|"
                             r"بدور(?:ه|ها)|بالمناسبه)\s*,?\s*(?=\S)")
_PRONOUN_PREPOSITION = re.compile(_PREP_PRONOUN + r"\s+(?=\S)")

# an indefinite accusative before إلى/على is an adverbial (استنادا إلى، ردا على، تعليقا على)
# an accusative participle of manner: فاعلا (ساخرا، ضاحكا)، متفعلا، مستفعلا، منفعلا، مبتسما
_MANNER = re.compile(r"\Sا\S\Sا|مت\S{3,}ا|مست\S{3,}ا|من\S{3,}ا|مبت\S{2,}ا")
_ADVERBIAL = re.compile(r"[^\s\"]{2,}ا")
_POSSESSED = re.compile(r"..ت(?:ه|ها|هم|هما)$|^(?:حديث|كلام|تصريح|رد|جواب|قول|ر[أا]ي|موقف|تعليق|"
                        r"سؤال|خطاب|حوار|اسم|صوت)(?:ه|ها|هم)$")  # كلمته، حكومتها، حديثه
_PURPOSE = re.compile(r"[لب][مت]\S{4,}")  # يستعد شفيق لممارسة، بمناسبة: a verbal noun after ل/ب
_SUFFIXED = re.compile(r"..(?:ها|هم|هما|هن)$")
# a definite verbal noun of the forms إفعال، افتعال، استفعال (الإفطار، الانتخاب، الاستطلاع): an
# object, no surname
_VERBAL_NOUN = re.compile(r"ال(?:است\S\S|ا\S\S|ا\Sت\S)ا\S")
_NAME_SECOND = {"الدين", "الله", "الرحمن", "الاله", "الكريم", "الحق", "الرحيم", "العزيز", "الحميد"}


def _looks_like_name(norm: str, tokens: list[tuple[int, int]], at: int, alone: bool) -> bool:
    """Whether words no table knows may name a speaker: a word with the article does alone
    (وقالت السفيرة إن), as a description (الدبلوماسية الأمريكية) or as the surname of someone
    named in full before (الخماس)—not with more words after it (الأصوات التي تقلل); and an
    unknown word before a definite one is a noun with its genitive (تفرد النموذج المغربي),
    unless the pair is a compound name (صلاح الدين، عبد الله)."""
    if not tokens:
        return False
    words = [norm[s:e] for s, e in tokens]
    if alone and len(words) == 1:
        return not _SUFFIXED.search(words[0])  # أعلنت تنازلها: a noun with "her", not a name
    if "ال" + words[0] in TITLE_WORDS or "ال" + words[0] in _ROLES:
        return True  # للشيخ الطيب: the article fused with the preposition ل
    if words[0].startswith("ال") and len(words) > 1 and _NISBA.match(words[1]):
        return True  # الدبلوماسية الأمريكية: a definite description of someone named before
    if words[0].startswith("ال") and len(words) > 1 and not words[1].startswith("ال") \
            and words[1] not in _NOT_OBJECT:
        return True  # المدعي تولوس جايا تاريهوران: an office no table knows, then a foreign name
    if words[0].startswith("ال") and not re.search(r"[^\s,.:]\s+" + re.escape(words[0]) + _E, norm[:at]):
        return False
    if len(words) > 1 and re.search(r"(?:^|\s)[وف]?(?:" + _VERB_FORMS + r")\s+" + re.escape(words[1]) + _E, norm):
        return True  # سلوى الدمناتي ... وقالت الدمناتي: a surname the text also makes speak alone
    return not (len(words) > 1 and words[0] not in GIVEN_NAMES and words[1].startswith("ال")
                and words[1] not in _NAME_SECOND and not words[0].startswith("ال"))


def _relative_cut(norm: str, tokens: list[tuple[int, int]], end: int,
                  breaks: frozenset[str] | None = None) -> int:
    """Where a body's name ends before a relative clause or a preposition phrase about it
    (بلاغ الوفد التي كان يقودها ...، الوزارة عن انفتاح كبير; but البلاغ الصادر عن الوزارة)."""
    for before, (s, e) in zip(tokens, tokens[1:]):
        if norm[s:e] in (breaks or _BODY_BREAK) and norm[before[0]:before[1]] not in _ISSUED:
            return before[1]
    return end


_BODY_BREAK = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "عن", "مع", "علي", "الي", "منذ", "بعد",
                         "قبل", "ب", "ل"})

# مصدر مقرب من الرئاسة فضل عدم ذكر اسمه: the source ends where the request not to be named starts
_UNNAMED_BREAK = _RELATIVES | {"فضل", "فضلت", "فضلوا", "رفض", "رفضت", "رفضوا", "طلب", "طلبت", "طلبوا",
                               "اشترط", "اشترطت", "اشترطوا"}
_ROLE_BREAK = _RELATIVES | {"مع", "ب", "ل"}  # الفنانة الإماراتية مع جمهورها; but النائب عن كركوك
_ISSUED = {"الصادر", "الصادره", "صادر", "صادره"}  # أحد الشيوخ في تسجيل تضمن ...


def _name_end(doc: Document, tokens: list[tuple[int, int]], start: int) -> int:
    """End (exclusive token index) of a personal name starting at ``start``: at most four
    words, stopping at a role word (``أستاذ``), a relative (``الذي``), a preposition (``لـ``), a noun
    with a possessive (``وأنهى الحسين الوردي كلمته``: names end in ة, not in ته; ``جمهورها``), a
    verbal noun after ل or ب (``يستعد شفيق لممارسة``), or after a compound surname that follows
    a given name (``نبيل بنعبد الله الحكومة``: the verb's object comes next)."""
    norm = doc.norm
    end = start
    while end < len(tokens) and end - start < 4:
        word = norm[tokens[end][0]:tokens[end][1]]
        if word in _NAME_BREAK or _is_role_word(norm, tokens[end]) or word in TITLE_WORDS and end > start \
                or word[:1] in "(0123456789" or word in ("ل", "ب") or _PARTICIPLE_WORD.fullmatch(word) \
                or end > start and (_POSSESSED.search(doc.orig(*tokens[end])) or _PURPOSE.fullmatch(word)
                                    or _SUFFIXED.search(word) and word not in GIVEN_NAMES  # جمهورها
                                    or _VERBAL_NOUN.fullmatch(word) and word != "الاسلام"  # يختار أسامة الإفطار
                                    or end - start >= 3 and norm[tokens[end - 1][0]:tokens[end - 1][1]] in _NAME_SECOND
                                    or word in _NOT_SPEAKER or word[:1] in "بل" and _is_role(word[1:])
                                    or _object_after_name(norm, tokens, start, end) or word in _HOW):
            break
        end += 1
    return end


# ب and a noun of feeling or voice say how the words were said (تقول بحسرة، قالت فاطمة بصوت خافت)
_HOW = set(normalize_text("""بحسرة بحزن بمرارة بغضب بصوت بنبرة بابتسامة بفخر بثقة بسخرية بتأثر بأسى بألم
بحماس بهدوء بحرقة بانفعال بتهكم بأسف بصراحة""").split())
_SURNAME_PARTICLES = {"ابن", "بن", "ايت", "ابو", "ولد", "بو", "اولاد", "ال"}


def _object_after_name(norm: str, tokens: list[tuple[int, int]], start: int, at: int) -> bool:
    """Whether the definite word at ``at`` is the verb's object after a full name (وزار الوالي
    محمد حصاد الدوار، واستقبلت فاطمة الزهراء المنصوري الوفد), not the name's last part: family
    names with the article are mostly relational (العلوي، المنصوري), and one after ابن/آيت or
    after a compound given name (عبد الصمد الكباص، خالد آيت الطالب) stays."""
    words = [norm[a:b] for a, b in tokens[start:at + 1]]
    given = 2 if words[0] == "عبد" or words[0].startswith("عبد") and len(words[0]) <= 4 else 1
    word = words[-1]
    return len(words) - 1 >= given + 1 and word.startswith("ال") and not _NISBA.match(word) \
        and word not in _NAME_SECOND and words[-2] not in _SURNAME_PARTICLES


def _has_name(norm: str, tokens: list[tuple[int, int]], opens: bool = True) -> bool:
    """Whether a given name stands among ``tokens``; unless it ``opens`` the phrase, علي is
    the preposition على (إحدى التعليقات على الفيديو), not the name Ali."""
    return any(norm[s:e] in GIVEN_NAMES and (opens and i == 0 or norm[s:e] != "علي")
               for i, (s, e) in enumerate(tokens))


def _name_start(norm: str, tokens: list[tuple[int, int]]) -> int:
    """Index of the first token of title-or-name after a role phrase (len(tokens) if none)."""
    for i, (s, e) in enumerate(tokens):
        word = norm[s:e]
        if (word in TITLE_WORDS or word in GIVEN_NAMES) and not (i == 0 and word in _ROLES):
            return i  # أمين عام منتدى أصيلة محمد بن عيسى: أمين opens the office here, not the name
        if i > 0 and i + 1 < len(tokens) and norm[tokens[i + 1][0]:tokens[i + 1][1]] in _NAME_SECOND \
                and not word.startswith(("ال", "ل", "ب")) and not _is_role(word):
            return i  # صلاح الدين مزوار، عبد الله بوانو: a compound given name
    return len(tokens) if _is_role_word(norm, tokens[0]) else 0


def _is_org(norm: str, tokens: list[tuple[int, int]]) -> bool:
    head = norm[tokens[0][0]:tokens[0][1]]
    bare = head[2:] if head.startswith("ال") else head
    if head in _ORG_HEADS or head in _BODY_HEADS or bare in _ORG_HEADS or bare in _BODY_HEADS:
        return True  # المديرية العامة للأمن الوطني
    gaz = gazetteer()
    for n in range(min(len(tokens), gaz.max_words), 0, -1):
        found = gaz.lookup([norm[s:e] for s, e in tokens[:n]])
        if found and found[0].type == "organisation":
            return True
    return False


def _known_head(norm: str, word: str, at: int) -> bool:
    """Whether ``word`` opens a speaker: a title, role, body or crowd, a given name, or the
    name of a person the text named before ``at`` (عائشة الخماس ... الخماس انتقدت)."""
    return word in TITLE_WORDS or word in _ROLES or word in _BODY_HEADS or word in _ANONYMOUS \
        or word in GIVEN_NAMES or word.startswith("ال") and _is_role(word) or _named_before(norm, word, at)


def _named_before(norm: str, word: str, at: int) -> bool:
    """Whether ``word`` stood before ``at`` as part of a personal name: within two words after a
    given name, a title, an office or a nationality (الفنانة الإماراتية أحلام، جيل بارنيو)."""
    for match in re.finditer(r"(\S+)\s+(?:(\S+)\s+)?" + re.escape(word) + _E, norm[:at]):
        for before in filter(None, match.groups()):
            if before in GIVEN_NAMES or before in TITLE_WORDS or before in _ROLES \
                    or before[2:] in _ROLES or _NISBA.match(before):
                return True
    return False


def _appositive_follows(norm: str, start: int, end: int) -> bool:
    """Whether the next comma-separated segment is a name, title or role of the same speaker."""
    s = start
    while s < end and norm[s] == " ":
        s += 1
    word = _TOKEN.match(norm, s, end)
    if not word:
        return False
    w = word.group()
    return w in TITLE_WORDS or _is_role(w, feminine=True) or w in GIVEN_NAMES


def _surely_a_name(norm: str, name: str) -> bool:
    """A name read after an office that is one: it opens with a given name, or the report makes
    its last word speak (وقال بارنيو), unlike a place or a clause read as a name (بدائرة سلا)."""
    words = normalize_text(name).split()
    return bool(words) and (words[0] in GIVEN_NAMES or re.search(
        _B + r"[وف]?(?:" + _VERB_FORMS + r")\s+" + re.escape(words[-1]) + _E, norm) is not None)


def _named_person(doc: Document, start: int, end: int, office: bool = False) -> SpeakerRef | None:
    """The named person whose words open ``[start, end)``, if any; a bare office or a body too
    if ``office`` (واختتم السفير كلمته)."""
    np_end = _nominal_speaker_end(doc, start, end)
    if np_end is None:
        comma = doc.norm.find(",", start, end)
        np_end = end if comma == -1 else comma  # the name's own end: ته, a preposition, four words
    parsed = parse_speaker(doc, start, np_end)
    if isinstance(parsed, SpeakerRef) and (office and parsed.kind in ("person", "organisation")
                                           or parsed.kind == "person" and parsed.name != parsed.role):
        return parsed
    return None


def _object_cut(doc: Document, start: int, end: int) -> int:
    """Where the subject of a verb that looks back at a quotation ends before its object
    (هكذا يلخص رئيس الحكومة موقفه، بهذه العبارات لخص أحد السكان معاناة الدوار): at a word without
    the article after one with it, unless that word is a given name."""
    tokens = list(_TOKEN.finditer(doc.norm, start, end))
    for before, token in zip(tokens, tokens[1:]):
        if before.group().startswith("ال") and not token.group().startswith(("ال", "وال")) \
                and token.group() not in GIVEN_NAMES:  # المحامية والحقوقية عائشة: one person
            return before.end()
    return end


def _nominal_speaker_end(doc: Document, start: int, end: int) -> int | None:
    """Where the speaker after the verb ends: a name the report gave in full before (ودعا كريم
    → نوزاد كريم, ورفض العزاوي), an organisation or office up to its first definite noun with
    its adjectives (أعلنت شركة نفط الشمال، / الشركة الوطنية), else as far as the speaker's
    appositions reach (شكك المتحدث باسم الوزارة، هيمن رشيد، في ...)."""
    norm = doc.norm
    chain = _chain_end(doc, start, end)
    comma = norm.find(",", start, end)
    if comma == -1 or chain is not None and chain < comma:
        return chain
    if len(norm[start:comma].split()) > 10:
        return None
    parsed = parse_speaker(doc, start, end)
    if not isinstance(parsed, SpeakerRef) or not parsed.surface:
        return None
    at = doc.text.find(parsed.surface, doc.to_orig(start, start + 1)[0])
    return doc.to_norm(at + len(parsed.surface)) if at != -1 else None


def _chain_end(doc: Document, start: int, end: int) -> int | None:
    norm = doc.norm
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(norm, start, end)][:8]
    if len(tokens) < 3:
        return None
    word = [norm[s:e] for s, e in tokens]
    known = _BODY_HEADS | _ROLES | _ANONYMOUS | TITLE_WORDS | _MEDIA
    if word[0] not in known and word[1] not in GIVEN_NAMES | TITLE_WORDS | _ROLES \
            and re.search(r"[^\s,.:]\s+" + re.escape(word[0]) + _E, norm[:start]):
        return tokens[0][1]  # ودعا كريم, ورفض العزاوي: the surname of a person named before
    if word[0] not in _BODY_HEADS and word[0] not in _ANONYMOUS and word[0] not in _ROLES:
        return None
    comma = norm.find(",", start, end)
    parsed = parse_speaker(doc, start, end if comma == -1 else comma) if word[0] in _ROLES else None
    if isinstance(parsed, SpeakerRef) and parsed.name != parsed.role and parsed.surface:
        # دعا الأمين العام لحزب العدالة والتنمية عبد الإله ابن كيران، ...: the office and the name
        at = doc.text.find(parsed.surface, doc.to_orig(start, start + 1)[0])
        return doc.to_norm(at + len(parsed.surface)) if at != -1 else None
    i = 0
    while not word[i].startswith("ال") and i + 2 < len(tokens):
        i += 1  # the construct chain ends at its first definite noun
    i = _adjectives_end(word, i)
    while i + 2 < len(word) and _genitive_body(word[i + 1]):
        # الأمين العام لحزب العدالة والتنمية: the office's body belongs to the speaker
        i += 1
        while not word[i].startswith(("ال", "لل")) and i + 2 < len(word):
            i += 1
        if i + 2 < len(word) and word[i + 1].startswith("وال"):
            i += 1  # العدالة والتنمية, الأصالة والمعاصرة
        i = _adjectives_end(word, i)
    if word[i + 1] == "باسم" or word[i + 1].startswith("لل"):
        return None  # المتحدث باسم ...: the office goes on
    return tokens[i][1] if norm.find(",", start, tokens[i][1]) == -1 else None


def _adjectives_end(word: list[str], i: int) -> int:
    """Index of the last adjective (nisba or office modifier) after ``word[i]``, leaving one
    word for what the speaker said."""
    while i + 2 < len(word) and (_NISBA.match(word[i + 1]) or word[i + 1] in _OFFICE_MODIFIERS) \
            and not _TIME_WORD.match(word[i + 1]):
        i += 1
    return i


def _genitive_body(word: str) -> bool:
    """``لحزب``, ``لوزارة``, ``للحزب``: ل with a body the office belongs to (not لوسائل الإعلام)."""
    if not word.startswith("ل") or len(word) < 4:
        return False
    stem = "ال" + word[2:] if word.startswith("لل") else word[1:]
    return stem in _BODY_HEADS or (stem.startswith("ال") and stem[2:] in _BODY_HEADS)
