"""Gender in Arabic attribution: verbs and participles carry it (قالت، مضيفة), and so do titles,
offices and given names (``speaker_gender``); the engine sends a continuation of the other gender
than the last speaker (وأضافت after a man spoke) back to the last speaker of its gender.
"""

from __future__ import annotations

import re

from ...model import SpeakerRef
from ...normalize import normalize_text
from ..attribution import Attribution
from ..document import Document
from .words import (
    FEMALE_NAMES,
    GIVEN_NAMES,
    TITLE_WORDS,
    _B,
    _E,
    _VERBS,
    _in_relative,
    _is_role,
    _opens_clause,
    _quoted,
    _speech_verbs,
)


# Words that point back at the quotation before, even from the next sentence ("...". هكذا تحدثت
# فاطمة، بهذه الكلمات علق الوزير), with the verb they open.
_LOOKING_BACK = (r"(?:ب?هذه\s+(?:العباره|العبارات|الكلمات|الجمله|الكلمه)(?:\s+ال[^\s\".,]+)*|هكذا)"
                 r"\s+[^\s\".,]+")

# Present stems of speech verbs (يقول، تكتب، يعلق): after a quotation a present verb of either
# gender is attribution, as in feature writing («...»، تقول كنزة); تعلق is "is about" only before.
_PRESENT_STEMS = ("قول ضيف ؤكد وكد وضح تابع شير ردف ستطرد عتبر حكي روي صرخ علق كتب علن ذكر صرح شدد "
                  "لفت كشف فيد ختم حذر طالب تساءل تسائل عترف قر توقع نقل لاحظ شرح جيب ري نبه ستنكر "
                  "ندد برر ناشد سترسل خلص لخص").split()
# Past forms after a quotation: every speech verb but those that are also "via", "between",
# "reply"/"reaction" or "increased" there («...» عبر صفحته، «...» بين قوسين).
_AFTER_PAST = [f for v in _VERBS if v not in ("عبر", "بين", "رد", "زاد", "سجل", "ابرز", "نقل", "جدد")
               for f in (v, v + "ت", v + "وا")] + ["قالوا", "رات", "راي", "نفي", "نفت", "دعا", "دعت"]
_AFTER_VERBS = "|".join(sorted({*_AFTER_PAST, *(p + s for s in _PRESENT_STEMS for p in "يت"),
                                *("ي" + s + "ون" for s in _PRESENT_STEMS)},  # يقولون، يضيفون
                               key=len, reverse=True))
_AFTER = re.compile(
    r"\s*[,.]?\s*(?P<w>(?:و)?(?:" + _AFTER_VERBS + r"|بحسب|حسب|وفق|وفقا\s*ل|"
    r"علي\s+حد\s+(?:قوله|قولها|تعبيره|تعبيرها|قول|تعبير)|" + _LOOKING_BACK + r"|"
    # "..."، هذا ما أكده رئيس الوزراء: "this is what X stated"
    r"(?:و?هذا|و?ذلك|وهو)\s+ما\s+(?:قاله|قالته|اكده|اكدته|ذكره|ذكرته|اوضحه|اوضحته|اعلنه|اعلنته|"
    r"صرح\s+به|صرحت\s+به|كتبه|كتبته|اكد\s+عليه|اكدت\s+عليه)))" + _E + r"\s*(?P<np>[^\".]{0,200}?)\s*(?=[.,]|$)")

# Participles whose feminine spelling is no noun as well (not متابعة "follow-up", لافتة "sign")
_GENDERED_PARTICIPLE = re.compile(
    _B + r"و?(?:مؤكد|موكد|مضيف|موضح|مشير|معتبر|مشدد|قائل|منوه|مردف|محذر|مستطرد|متسائل|معرب|مختتم|"
    r"مشيد|منتقد|مبرز|مستنكر)"
    r"(?P<end>ا|ه)" + _E)
_MASCULINE_VERBS = set(_VERBS) | {"راي", "نفي", "دعا", "ادلي"}
_FEMININE_VERBS = {v + "ت" for v in _VERBS} | {"رات", "نفت", "دعت", "تساءلت", "تسائلت"}


def _form_gender(word: str) -> str | None:
    """What a speech verb's form says of its subject: قال، يقول، مضيفا a man (or a masculine
    body), قالت، تقول، مضيفة a woman or a feminine body; plurals say nothing here."""
    if word in _MASCULINE_VERBS:
        return "m"
    if word in _FEMININE_VERBS:
        return "f"
    if word.endswith(("ون", "وا")) or word.startswith(("جاء", "ورد", "خاطب")):
        return None
    if word.startswith(("ي", "لي")):
        return "m"  # يضيف، ليقول
    if word.startswith(("ت", "لت")):
        return "f"  # تضيف، لتقول
    return None


def _gendered_words(doc: Document, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Speech verbs and participles in normalised ``[lo, hi)`` that continue or name a
    speaker, with the gender their form shows, in order. A verb counts where it opens its
    clause (وأضافت، "..."، قالت); one after words of its clause has its subject there (الشبكة
    ... تؤكد، حضور ... سجل), and one inside a quotation is someone's words."""
    norm = doc.norm
    found = [(v.start(), v.end(), _form_gender(v.group("verb"))) for v in _speech_verbs(norm, lo, hi)
             if not _in_relative(norm, v) and _opens_clause(norm, v.start())]
    found += [(p.start(), p.end(), "m" if p.group("end") == "ا" else "f")
              for p in _GENDERED_PARTICIPLE.finditer(norm, lo, hi)]
    return sorted(f for f in found if f[2] and not _quoted(norm, f[0]))


def speaker_gender(speaker: SpeakerRef) -> str | None:
    """A person's gender from the words that name them: a title (السيدة), an office in its
    feminine form (الوزيرة، النائبة) or not, a given name (فاطمة، محمد). Bodies, media and
    unnamed sources have none: الوزارة takes a feminine verb without being a woman."""
    if speaker.kind != "person":
        return None
    for part in (speaker.title, speaker.role):
        words = normalize_text(part or "").split()
        if not words:
            continue
        word = words[0]
        if word in ("السيده", "الانسه", "السيدة"):
            return "f"
        if word == "السيد":
            return "m"
        if word.endswith("ه") and (_is_role(word[:-1]) or word[:-1] in TITLE_WORDS):
            return "f"  # الوزيرة، الدكتورة
        if _is_role(word) or word in TITLE_WORDS:
            return "m"
    first = normalize_text(speaker.name).split()[:1]
    if first and first[0] in FEMALE_NAMES:
        return "f"
    if first and first[0] in GIVEN_NAMES:
        return "m"
    return None


def _with_gender(doc: Document, attribution: Attribution | None) -> Attribution | None:
    """The gender the attribution's verb or participle shows (وأضافت، مضيفا، قالت الوزارة): the
    engine sends a continuation of the other gender than the last speaker back to the latest
    one of its own, and learns a named speaker's gender from the verb that introduced them.
    A continuation's own first word counts; for a named speaker, the verb nearest the words."""
    if attribution is None:
        return None
    nlo, nhi = doc.to_norm(attribution.start), doc.to_norm(attribution.end)
    own = _gendered_words(doc, nlo, nhi)
    if own:
        attribution.gender = own[0][2] if attribution.follow == "last" else own[-1][2]
    else:  # «...»، تتابع المتحدثة: a verb only read after a quotation
        verb = _AFTER.match(doc.norm, nlo, nhi)
        attribution.gender = verb and _form_gender(verb.group("w").removeprefix("و"))
    return attribution
