"""Concrete differences between two similar statements: the only grounds for ``contradicts``.

A contradiction must be shown, not guessed from a low score: two reports that share most words
but give ``hundreds`` against ``thousands``, another date, a negation, opposite verbs
(``ارتفاع``/``انخفاض``, rise/fall) or another country in the same slot (``أفضل فيلم أجنبي`` /
``أفضل فيلم عربي``) disagree, and each finding carries both spans so a reviewer sees why.
Only words left unaligned by the comparison are considered, so a difference is never read into
words both sides share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol, Sequence

from ..normalize import normalize_text
from .tokens import Token, stem

__all__ = ["Side", "find_differences", "negated", "figures_agree"]

_NEGATIONS = {
    # Arabic (normalised): particles and verbs of denial or refusal.
    "لا", "لم", "لن", "ليس", "ليست", "لست", "غير", "عدم", "بدون", "نفي", "ينفي", "تنفي", "نفت",
    "رفض", "يرفض", "ترفض", "رفضت", "يرفضون", "ينفون", "لايوجد", "كذب", "يكذب", "تكذب",
    "مستبعد", "يستبعد", "تستبعد", "استبعد", "فشل", "يفشل", "تفشل", "فشلت", "يفشلون", "فشلوا", "دون", "اخفاق", "يخفق", "تخفق", "اخفق",
    # Ignoring or cancelling a thing denies it as much as "not" does ("غاء" is إلغاء once its
    # clitics are stripped: وإلغاء, بالإلغاء).
    "تجاهل", "يتجاهل", "تتجاهل", "تجاهلت", "يتجاهلون", "الغاء", "غاء", "يلغي", "تلغي", "الغت", "الغي",
    # English.
    "not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "without", "deny",
    "denie", "denied", "denying", "refuse", "refused", "reject", "rejected", "didn", "doesn",
    "isn", "wasn", "weren", "aren", "wouldn", "couldn", "shouldn", "hasn", "haven", "hadn",
    "cannot", "fail", "failed", "failing", "unable", "lack", "lacked", "refusal", "failure",
    # Contractions written without their apostrophe ("I dont know").
    "dont", "doesnt", "didnt", "isnt", "wasnt", "werent", "arent", "cant", "couldnt", "wouldnt",
    "shouldnt", "hasnt", "havent", "hadnt", "wont",
}
_CONTRACTED = {"don", "won", "can", "ain"}  # ...n't verbs that are words of their own too

# Opposite directions: a word from one side of a pair on one statement and only the other side
# on the other statement. Arabic entries are stem prefixes (normalised, clitics stripped), so
# that verb forms and nouns (يرتفع، ارتفاع، ارتفاعا) fall under one entry.
_OPPOSITES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    ("direction",
     ("ارتفا", "يرتفع", "ترتفع", "صعود", "يصعد", "تصعد", "صعد", "زياد", "يزيد", "تزيد", "زاد",
      "قفز", "يقفز", "تقفز", "يزداد", "تزداد", "ازدياد", "تضاعف", "يتضاعف", "تتضاعف", "ضخ", "يضخ", "تحسين", "رفع", "يرفع", "ترفع", "تعزيز", "يعزز", "تعزز", "مكاسب", "يكسب", "ربح", "ارباح", "اعلي", "تحسن", "يتحسن", "انتعاش",
      "rise", "rose", "risen", "rising", "increase", "increased", "gain", "gained", "jump",
      "jumped", "surge", "surged", "climb", "climbed", "higher", "highest", "up"),
     ("انخفا", "ينخفض", "تنخفض", "هبوط", "يهبط", "تهبط", "هبط", "تراجع", "يتراجع", "تتراجع",
      "نقص", "ينقص", "سحب", "يسحب", "تسحب", "تقليص", "يقلص", "تقلص", "خفض", "تخفيض", "يخفض", "تخفض", "خسار", "خسائر", "يخسر", "تخسر", "ادني",
      "تدهور", "يتدهور", "انهيار", "انزلاق", "ينزلق", "تنزلق", "انحدار", "ينحدر", "نزيف", "تهوي", "يهوي", "اقل", "fall", "fell", "fallen", "falling", "drop", "dropped",
      "decline", "declined", "decrease", "decreased", "loss", "lost", "plunge", "plunged",
      "slump", "slumped", "lower", "lowest", "down")),
    ("outcome",
     ("فوز", "فاز", "يفوز", "تفوز", "انتصار", "ينتصر", "نجاح", "ينجح", "تنجح", "نجح", "win", "won", "wins",
      "victory", "succeed", "succeeded"),
     ("هزيم", "هزم", "يهزم", "يخسر", "تخسر", "خسر", "يفقد", "تفقد", "فقدان", "lose", "defeat", "defeated")),
    ("state",
     ("فتح", "يفتح", "تفتح", "افتتاح", "open", "opened", "reopen", "reopened"),
     ("اغلاق", "يغلق", "تغلق", "اغلق", "close", "closed", "shut")),
    ("permission",
     ("سماح", "يسمح", "تسمح", "سمح", "اجاز", "allow", "allowed", "permit", "lift", "lifted"),
     ("حظر", "يحظر", "تحظر", "منع", "يمنع", "تمنع", "اغلاق", "يغلق", "تغلق", "ban", "banned", "prohibit", "forbid")),
    ("timing",
     ("بدء", "يبدا", "تبدا", "بدا", "استئناف", "يستانف", "انطلاق", "مباشر", "يباشر", "تستانف", "استمرار", "يستمر", "تستمر", "يواصل", "تواصل", "start",
      "started", "begin", "began", "resume", "resumed", "launch", "launched"),
     ("تاجيل", "يؤجل", "تؤجل", "اجل", "وقف", "يوقف", "توقف", "تعليق", "الغاء", "يلغي", "postpone",
      "postponed", "انهاء", "ينهي", "تنهي", "علق", "تعلق", "يعلق", "اغلاق", "يغلق", "تغلق", "delay", "delayed", "suspend", "suspended", "cancel", "cancelled", "halt",
      "halted", "stop", "stopped")),
    ("stance",
     ("تاييد", "يؤيد", "تؤيد", "ايد", "دعم", "يدعم", "تدعم", "قبول", "يقبل", "تقبل", "وافق",
      "يوافق", "توافق", "موافق", "support", "supported", "back", "backed", "accept", "accepted",
      "approve", "approved", "ترحيب", "يرحب", "ترحب", "رحب", "اشاد", "يشيد", "welcome",
      "welcomed", "praise", "praised", "دافع", "يدافع", "تدافع", "دفاع", "defend", "defended", "ساند", "يساند",
      "تساند", "مسانده"),
     ("معارض", "يعارض", "تعارض", "عارض", "رفض", "يرفض", "ترفض", "oppose", "opposed", "reject",
      "rejected", "veto", "vetoed", "تنديد", "يندد", "تندد", "ندد", "يدين", "تدين", "condemn",
      "condemned", "denounce", "انتقد", "ينتقد", "تنتقد", "انتقاد", "تحذر", "يحذر", "حذر", "تحذير",
      "criticise", "criticised", "criticize", "criticized", "warn", "warned", "استنكر", "يستنكر", "تستنكر",
      "استنكار", "ضد", "against")),
    ("life",
     ("نجا", "ينجو", "نجاه", "survive", "survived", "alive", "rescued"),
     ("وفا", "مقتل", "مصرع", "قتل", "توفي", "موت", "died", "dead", "killed", "death")),
    ("custody",
     ("اعتقال", "يعتقل", "اعتقل", "القبض", "قبض", "احتجاز", "حبس", "سجن", "يسجن", "arrest", "arrested", "detained"),
     ("افراج", "يفرج", "اطلاق", "يطلق", "تطلق", "سراح", "اخلاء", "release", "released", "freed")),
    ("quality",
     ("افضل", "احسن", "best", "better"),
     ("اسوا", "worst", "worse")),
    ("calm",
     ("هدوء", "هدنه", "مصالح", "تصالح", "استقرار", "calm", "truce", "ceasefire"),
     ("اشتباك", "مواجه", "معارك", "قصف", "هجوم", "صراع", "اضطراب", "توتر", "غضب", "غاضب", "حرب", "clash", "clashes", "fighting", "attack")),
    ("membership",
     ("بقاء", "يبق", "تبق", "انضمام", "ينضم", "تنضم", "يستقر", "تستقر", "استمرار", "يستمر", "stay", "remain", "join", "joined"),
     ("خروج", "يخرج", "تخرج", "انسحاب", "ينسحب", "تنسحب", "رحيل", "يرحل", "فرار", "يفر", "تفر",
      "نزوح", "ينزح", "اقاله", "يقيل", "تقيل", "اقال", "leave", "exit", "withdraw", "withdrew", "fired", "dismissed")),
    ("guilt",
     ("اتهام", "يتهم", "تتهم", "ادانه", "متهم", "سجن", "يسجن", "يحاكم", "محاكمه", "accuse", "accused", "guilty", "convicted"),
     ("براءه", "يبرئ", "تبرئه", "تبرئ", "acquit", "acquitted", "innocent", "cleared")),
    ("placement",
     ("وضع", "يضع", "تضع", "رفع علم", "put", "placed"),
     ("نزع", "ينزع", "تنزع", "ازاله", "يزيل", "removed")),
    ("valence",
     ("ايجابي", "positive"),
     ("سلبي", "negative")),
    ("quantity",
     ("اكثر", "اكبر", "يتجاوز", "تتجاوز", "تجاوز", "more", "larger", "bigger", "exceed", "exceeded"),
     ("اقل", "اصغر", "قله", "less", "fewer", "smaller")),
    ("rank",
     ("صدار", "مقدم", "top", "lead"),
     ("مؤخر", "ذيل", "bottom", "last")),
]

# Mutually exclusive values of one attribute: another country or nationality in the same slot.
_PLACES: dict[str, str] = {}
for _code, _words in {
    "arab": "عربي عرب العربي عربيه",
    "foreign": "اجنبي اجنبيه اجانب foreign",
    "us": "امريكي اميركي امريكا اميركا واشنطن american america us usa washington",
    "ru": "روسي روسيا موسكو russian russia moscow",
    "fr": "فرنسي فرنسا باريس french france paris",
    "gb": "بريطاني بريطانيا لندن british britain uk london",
    "de": "الماني المانيا برلين german germany berlin",
    "cn": "صيني الصين صين بكين chinese china beijing",
    "ir": "ايراني ايران طهران iranian iran tehran",
    "tr": "تركي تركيا انقره اسطنبول turkish turkey ankara istanbul",
    "sy": "سوري سوريا دمشق syrian syria damascus",
    "iq": "عراقي العراق عراق بغداد iraqi iraq baghdad",
    "eg": "مصري مصر القاهره egyptian egypt cairo",
    "sa": "سعودي السعوديه الرياض saudi riyadh",
    "ae": "اماراتي الامارات امارات ابوظبي دبي emirati uae dubai",
    "qa": "قطري قطر الدوحه qatari qatar doha",
    "kw": "كويتي الكويت كويت kuwaiti kuwait",
    "lb": "لبناني لبنان بيروت lebanese lebanon beirut",
    "jo": "اردني الاردن اردن عمان jordanian jordan amman",
    "ps": "فلسطيني فلسطين palestinian palestine",
    "il": "اسرائيلي اسرائيل israeli israel",
    "ye": "يمني اليمن يمن صنعاء yemeni yemen sanaa",
    "ly": "ليبي ليبيا طرابلس libyan libya tripoli",
    "tn": "تونسي تونس tunisian tunisia tunis",
    "dz": "جزائري الجزائر algerian algeria algiers",
    "ma": "مغربي المغرب مغرب الرباط moroccan morocco rabat",
    "sd": "سوداني السودان sudanese sudan khartoum",
    "in": "هندي الهند هند indian india",
    "jp": "ياباني اليابان يابان japanese japan tokyo",
    "kr": "كوري كوريا korean korea",
    "pk": "باكستاني باكستان pakistani pakistan",
    "af": "افغاني افغانستان afghan afghanistan kabul",
    "eu": "اوروبي اوروبا european europe",
    "kurd": "كردي كرديه اكراد كرد kurdish kurds",
    "it": "ايطالي ايطاليا روما italian italy rome",
    "gr": "يوناني اليونان يونان greek greece athens",
    "latam": "لاتيني لاتينيه latin",
    "es": "اسباني اسبانيا spanish spain madrid",
    "kirkuk": "كركوك kirkuk",
    "$usd": "دولار dollar dollars",
    "$eur": "يورو euro euros",
    "$rub": "روبل ruble rubles rouble",
    "$gbp": "استرليني sterling pound pounds",
    "$try": "ليره lira",
    "$sar": "ريال riyal rial",
    "$egp": "جنيه",
    "#1": "اول اولي first",
    "#2": "ثاني ثانيه second",
    "#3": "ثالث ثالثه third",
    "#4": "رابع رابعه fourth",
    "#5": "خامس خامسه fifth",
    "#10": "عاشر عاشره tenth",
    "~gold": "ذهب gold",
    "~oil": "نفط oil crude",
    "~gas": "غاز gas",
    "~silver": "فضه silver",
    "~water": "مياه ماء water",
    "/day": "يومي daily",
    "/week": "اسبوعي weekly",
    "/month": "شهري monthly",
    "/year": "سنوي annual yearly",
    "@jew": "يهودي يهود jewish jews",
    "@christian": "مسيحي مسيحيين christian christians",
    "@muslim": "مسلم مسلمين muslim muslims",
    "@zoroastrian": "مجوس مجوسي",
    "mosul": "الموصل موصل mosul",
    "erbil": "اربيل erbil",
    "basra": "البصره بصره basra",
}.items():
    for _w in _words.split():
        _PLACES[_w] = _code
        _PLACES.setdefault(stem(_w), _code)  # tokens arrive clitic-stripped: الجزائر -> جزائر


# Rates, not durations: "seven days after" and "about a week after" name one moment. A
# duration on the other side still names the period: "a yearly salary of $10 million" and
# "$10 million a year" agree.
_PERIOD_NOUNS = {"day": "/day", "week": "/week", "month": "/month", "year": "/year", "يوم": "/day",
                 "اسبوع": "/week", "شهر": "/month", "سنه": "/year", "عام": "/year"}
# Codes starting with these mark other mutually exclusive attributes than places.
_EXCLUSIVE_KIND = {"$": "currency", "#": "ordinal", "@": "group", "~": "commodity", "/": "period"}


class TextMap(Protocol):
    """Normalised text that maps its spans back to the original (``verify.normalize.Normalized``)."""

    text: str

    def to_original(self, start: int, end: int) -> tuple[int, int]: ...

    def from_original(self, start: int, end: int) -> tuple[int, int]: ...


@dataclass
class Side:
    """One statement as the difference finder needs it; all offsets are original-text offsets
    except token offsets, which are normalised and mapped through ``norm``."""

    norm: TextMap
    tokens: Sequence[Token]
    matched: set[int]
    numbers: Sequence[Any] = ()
    dates: Sequence[Any] = ()
    entities: Sequence[tuple[str, str, int, int]] = ()  # (type, key, start, end), original offsets
    all_stems: set[str] = field(default_factory=set)


def _span(side: Side, tok: Token) -> list[int]:
    return list(side.norm.to_original(tok.start, tok.end))


@lru_cache(maxsize=65536)
def _place_value(stem: str) -> str | None:
    value = _PLACES.get(stem)
    if value is None and stem.endswith("ه"):  # feminine ending: الهنديه -> هندي
        value = _PLACES.get(stem[:-1])
    if value is None and stem.startswith("ال"):
        value = _PLACES.get(stem[2:]) or (_PLACES.get(stem[2:-1]) if stem.endswith("ه") else None)
    return value


def _opposite_pole(stem: str, words: tuple[str, ...]) -> bool:
    if stem.isascii():
        return stem in words
    return any(stem.startswith(w) for w in words if not w.isascii())


def _negations(side: Side, *, shared_only: bool = False) -> list[Token]:
    """Negation words; with ``shared_only``, only those negating a word both sides have (within
    the next three words): "did not decrease the risk" against "a lower risk" denies nothing
    the other side asserts."""
    out = []
    for i, t in enumerate(side.tokens):
        if _is_negation(side.tokens, i):
            if not shared_only or any(j in side.matched and not side.tokens[j].stop
                                      for j in range(i + 1, min(i + 4, len(side.tokens)))):
                if t.stem == "t" and t.stem not in _NEGATIONS:  # show "can't", not "t"
                    verb = side.tokens[i - 1]
                    t = Token(f"{verb.stem}'t", verb.start, t.end, True)
                out.append(t)
    return out


def _strip_al(stem: str) -> str:
    return stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem


def figures_agree(x: Any, y: Any) -> bool:
    """Ranges that meet, allowing 2% or half the last digit of the rounder figure for
    rounding (``$114.3 million`` / ``$114 million``, ``8.76 per cent`` / ``9%``)."""
    lo_x, hi_x = _bounds(x)
    lo_y, hi_y = _bounds(y)
    slack = max(0.02 * max(abs(hi_x), abs(hi_y)), max(_step(x), _step(y)) / 2)
    return lo_x <= hi_y + slack and lo_y <= hi_x + slack


_DIGITS = re.compile(r"\d+(?:[,٬]\d{3})*(?:[.٫](\d+))?")


def _step(n: Any) -> float:
    """The last digit's worth in a figure written with digits (1 for ``9%``, 0.01 for
    ``8.76``, a billion for ``1 billion``), or 0 for anything else."""
    value = getattr(n, "value", None)
    return 0.0 if value is None else _written_step(getattr(n, "surface", "") or "", value)


@lru_cache(maxsize=16384)
def _written_step(surface: str, value: float) -> float:
    m = _DIGITS.search(surface)
    if not m:
        return 0.0
    written = float(re.sub(r"[,٬]", "", m.group()).replace("٫", "."))
    if not written:
        return 0.0
    return value / written * 10.0 ** -len(m.group(1) or "")


def _bounds(n: Any) -> tuple[float, float]:
    low = getattr(n, "low", None)
    high = getattr(n, "high", None)
    value = getattr(n, "value", None)
    low = value if low is None else low
    high = value if high is None else high
    return float(low), float(high)


def _is_year(n: Any) -> bool:
    lo, hi = _bounds(n)
    return lo == hi and 1900 <= lo <= 2100 and lo == int(lo)


def _number_differences(a: Side, b: Side) -> list[dict]:
    """Figures that count the same thing (the same word before or after them) and disagree.

    Pairing by context first matters: "hundreds of soldiers ... forty vehicles" against
    "thousands of soldiers ... four hundred vehicles" conflicts twice, although "hundreds" and
    "four hundred" would agree if compared with each other.
    """
    out = []
    # A figure both statements give is no conflict, whichever words they put around it
    # ("$29 for X, $89 for Y" / "Y is $89, X is $29"; "from 13 to 12.6" / "to 12.6 from 13").
    # Only stated figures count so: "hundreds" is met by "four hundred vehicles" by chance.
    used = {j for j, m in enumerate(b.numbers) if _given(m, a.numbers)}
    contexts_b = [_context(b, m) for m in b.numbers]
    for n in a.numbers:
        ctx = _context(a, n)
        same = [j for j, m in enumerate(b.numbers)
                if _comparable(a, n, b, m, ctx, contexts_b[j]) and _is_year(n) == _is_year(m)]
        if not same or any(figures_agree(n, b.numbers[j]) for j in same) or _given(n, b.numbers):
            continue
        j = next((j for j in same if j not in used), None)
        if j is None:
            continue
        used.add(j)
        m = b.numbers[j]
        out.append({"kind": "number", "a": n.surface, "b": m.surface,
                    "a_span": [n.start, n.end], "b_span": [m.start, m.end]})
    return out


# Words that may stand between a figure and the noun it counts ("200 of the soldiers").
_BEFORE_NOUN = {"of", "the", "من"}


def _given(n: Any, others: Sequence[Any]) -> bool:
    """Whether a stated figure (not a vague plural) is among the other side's stated figures."""
    return getattr(n, "value", None) is not None and any(
        getattr(m, "value", None) is not None and figures_agree(n, m) for m in others)


def _context(side: Side, number: Any) -> tuple[str, str]:
    """The content words just before and after a number (``killed 200 people``), to pair
    numbers that count the same thing; a number facing an unrelated number is no conflict.
    The word after must follow the figure ("$600 from the year before" counts no years)."""
    lo, hi = side.norm.from_original(number.start, number.end)
    before = [t.stem for t in side.tokens if t.end <= lo and not t.stop and not t.stem.isdigit()]
    after = ""
    for t in side.tokens:
        if t.start < hi or t.stem.isdigit():
            continue
        if t.stem in _BEFORE_NOUN:
            continue
        after = "" if t.stop else t.stem
        break
    return (before[-1] if before else "", after)


# The sign before a price ("£169.99", "C$16.93", "US$70"); "$US51" puts it first.
_CURRENCY = re.compile(r"([$£€¥])(?:US)?\s?$")


def _currency(side: Side, n: Any) -> str:
    m = _CURRENCY.search(getattr(side.norm, "original", ""), max(0, n.start - 4), n.start)
    return m.group(1) if m else ""


def _comparable(a: Side, n: Any, b: Side, m: Any, ctx_n: tuple[str, str], ctx_m: tuple[str, str]) -> bool:
    """Whether two figures count the same thing: the same unit when the number finder names
    both (``57 percent`` is not ``88,747 votes``), else the words around them. A percentage
    and a plain figure, or prices in two currencies (a conversion), never count one thing."""
    unit_n, unit_m = getattr(n, "unit", None), getattr(m, "unit", None)
    if (unit_n == "%") != (unit_m == "%"):
        return False
    cur_n, cur_m = _currency(a, n), _currency(b, m)
    if cur_n and cur_m and cur_n != cur_m:
        return False
    if unit_n and unit_m:
        return stem(normalize_text(unit_n)) == stem(normalize_text(unit_m))
    return _same_count(ctx_n, ctx_m)


def _same_count(x: tuple[str, str], y: tuple[str, str]) -> bool:
    """The same unit after both figures, or (one lacking a unit) the same word before them."""
    if x[1] and y[1]:
        return x[1] == y[1]
    return bool(x[0]) and x[0] == y[0]


def _date_differences(a: Side, b: Side) -> list[dict]:
    def value(d: Any) -> str:
        return str(getattr(d, "value", "") or "")

    a_values = {value(d) for d in a.dates}
    b_values = {value(d) for d in b.dates}
    a_left = [d for d in a.dates if value(d) and value(d) not in b_values]
    b_left = [d for d in b.dates if value(d) and value(d) not in a_values]
    out = []
    for d in a_left:
        for e in b_left:
            # Same granularity only: "2017" against "2017-12-01" is vaguer, not different.
            if len(value(d)) == len(value(e)) and not (value(d).startswith(value(e)) or value(e).startswith(value(d))):
                out.append({"kind": "date", "a": d.surface, "b": e.surface,
                            "a_span": [d.start, d.end], "b_span": [e.start, e.end]})
                b_left.remove(e)
                break
    return out


def _is_negation(tokens: Sequence[Token], i: int) -> bool:
    """A negation word, or the ``t`` of a contraction whose verb is not itself one
    (``don't``, ``won't``, ``can't``: ``didn`` is in the list, ``won`` cannot be)."""
    t = tokens[i]
    if t.stem in _NEGATIONS or _strip_al(t.stem) in _NEGATIONS:
        return True
    return (t.stem == "t" and i > 0 and tokens[i - 1].stem in _CONTRACTED
            and tokens[i - 1].end + 1 == t.start)


def negated(tokens: Sequence[Token]) -> bool:
    """Whether a statement has a negation word anywhere: a weaker signal than a negation
    difference (which must negate a shared word), used as a score feature only."""
    return any(_is_negation(tokens, i) for i in range(len(tokens)))


def _negation_differences(a: Side, b: Side) -> list[dict]:
    if negated(a.tokens) == negated(b.tokens):
        return []
    neg_a, neg_b = _negations(a, shared_only=True), _negations(b, shared_only=True)
    if not neg_a and not neg_b:
        return []
    has, other, flipped = (a, b, False) if neg_a else (b, a, True)
    tok = (neg_a or neg_b)[0]
    found = {"kind": "negation", "a": tok.stem, "b": "", "a_span": _span(has, tok), "b_span": None}
    if flipped:
        found = {"kind": "negation", "a": "", "b": tok.stem, "a_span": None, "b_span": _span(has, tok)}
    return [found]


@lru_cache(maxsize=65536)
def _poles(stem: str) -> tuple[tuple[str, int], ...]:
    """Which side of which opposition a word stands on (``يرتفع`` → direction, up)."""
    return tuple((kind, pole) for kind, up, down in _OPPOSITES
                 for pole, words in ((0, up), (1, down)) if _opposite_pole(stem, words))


def _opposite_differences(a: Side, b: Side) -> list[dict]:
    def poles(side: Side) -> dict[tuple[str, int], list[Token]]:
        found: dict[tuple[str, int], list[Token]] = {}
        for i, t in enumerate(side.tokens):
            if i not in side.matched:
                for kp in _poles(t.stem):
                    found.setdefault(kp, []).append(t)
        return found

    pa, pb = poles(a), poles(b)
    out = []
    for kind in dict.fromkeys(k for k, _ in list(pa) + list(pb)):
        a_up, a_down = pa.get((kind, 0), []), pa.get((kind, 1), [])
        b_up, b_down = pb.get((kind, 0), []), pb.get((kind, 1), [])
        for x, y in ((a_up, b_down), (a_down, b_up)):
            own_x = a_down if x is a_up else a_up
            own_y = b_up if y is b_down else b_down
            if x and y and not own_x and not own_y:
                out.append({"kind": kind, "a": x[0].stem, "b": y[0].stem,
                            "a_span": _span(a, x[0]), "b_span": _span(b, y[0])})
    return out


def _swap_differences(a: Side, b: Side) -> list[dict]:
    def places(side: Side, other: Side) -> dict[str, Token]:
        other_values = ({_place_value(s) or _PERIOD_NOUNS.get(s) for s in other.all_stems}
                        | _dotted_us(other)) - {None}
        found: dict[str, Token] = {}
        for i, t in enumerate(side.tokens):
            v = _place_value(t.stem)
            if v == "us" and side.norm.text[t.end:t.end + 1] == "$":
                continue  # "US$70": the currency, named by the figure's sign
            if v and i not in side.matched and v not in other_values and _anchored(side, i, i):
                found.setdefault(v, t)
        return found

    pa, pb = places(a, b), places(b, a)
    out = []
    kinds = {_EXCLUSIVE_KIND.get(v[0], "place") for v in pa} & {_EXCLUSIVE_KIND.get(v[0], "place") for v in pb}
    if kinds:
        kind = sorted(kinds)[0]
        va, ta = next((v, t) for v, t in pa.items() if _EXCLUSIVE_KIND.get(v[0], "place") == kind)
        vb, tb = next((v, t) for v, t in pb.items() if _EXCLUSIVE_KIND.get(v[0], "place") == kind)
        out.append({"kind": _EXCLUSIVE_KIND.get(va[0], "place"), "a": ta.stem, "b": tb.stem,
                    "a_span": _span(a, ta), "b_span": _span(b, tb)})
        return out
    # Extracted entities: a name or place only one side has, facing another of the same type.
    keys_a = {(t, k) for t, k, _, _ in a.entities}
    keys_b = {(t, k) for t, k, _, _ in b.entities}
    for etype in ("person", "place"):
        only_a = [e for e in a.entities if e[0] == etype and (e[0], e[1]) not in keys_b
                  and _free(a, e) and _entity_anchored(a, e)]
        only_b = [e for e in b.entities if e[0] == etype and (e[0], e[1]) not in keys_a
                  and _free(b, e) and _entity_anchored(b, e)]
        if only_a and only_b:
            ea, eb = only_a[0], only_b[0]
            out.append({"kind": "name" if etype == "person" else "place",
                        "a": a.norm.text[slice(*a.norm.from_original(ea[2], ea[3]))],
                        "b": b.norm.text[slice(*b.norm.from_original(eb[2], eb[3]))],
                        "a_span": [ea[2], ea[3]], "b_span": [eb[2], eb[3]]})
    return out


def _dotted_us(side: Side) -> set[str]:
    """"U.S." is cut into "u" and "s": the country all the same."""
    tokens = side.tokens
    return {"us"} if any(t.stem == "u" and u.stem == "s" and u.start == t.end + 1
                         for t, u in zip(tokens, tokens[1:])) else set()


def _anchored(side: Side, first: int, last: int) -> bool:
    """Whether a word next to tokens ``first..last`` found a partner: a swap is one
    name standing where the other statement has another (``flights to Kirkuk resumed`` /
    ``flights to Mosul resumed``), not a place each side mentions in words of its own
    (``... محافظة كركوك`` / ``... جنوب الموصل``)."""
    return any(j in side.matched for j in (first - 1, last + 1))


def _entity_anchored(side: Side, entity: tuple[str, str, int, int]) -> bool:
    lo, hi = side.norm.from_original(entity[2], entity[3])
    inside = [i for i, t in enumerate(side.tokens) if t.start < hi and t.end > lo]
    return bool(inside) and _anchored(side, inside[0], inside[-1])


def _free(side: Side, entity: tuple[str, str, int, int]) -> bool:
    """Whether none of an entity's words found a partner on the other side: ``كريم`` facing
    ``نوزاد كريم`` is the same man named shorter, not another one."""
    lo, hi = side.norm.from_original(entity[2], entity[3])
    return not any(i in side.matched for i, t in enumerate(side.tokens) if t.start < hi and t.end > lo)


def find_differences(a: Side, b: Side) -> list[dict]:
    """Every concrete conflict between two statements, each with its spans on both sides."""
    return (_number_differences(a, b) + _date_differences(a, b) + _negation_differences(a, b)
            + _opposite_differences(a, b) + _swap_differences(a, b))

