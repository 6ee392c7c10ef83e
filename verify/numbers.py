"""Quantities named in news text, in Arabic and English, as ranges a matcher can compare.

Reports of one event rarely give the same figure the same way: "نحو أربعين مدرعة", "about 40
armoured vehicles", "40 vehicles". Every mention therefore carries a range [low, high]: an exact
figure is a point, "about 40" spreads around it, and a vague plural is the span its word allows
("hundreds" is 200-999, "thousands" 2,000-9,999). Two mentions agree when their ranges
overlap, so "about 40" agrees with "40" while "hundreds" and "thousands" conflict.
Matching runs on a copy of the text folded letter for letter (digits, hamza forms, ة, ى), so
offsets are offsets into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from verify.dates import find_dates

_FOLD = str.maketrans("أإآٱىة٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬٪", "اااايه01234567890123456789.,%")

# How far a hedge word ("about", "نحو") widens a figure, and which way.
_HEDGES: dict[str, tuple[float, float]] = {}
for _words, _band in (
    ("نحو|حوالي|قرابه|زهاء|ما يقارب|ما يقرب من|تقريبا|about|around|approximately|roughly|some|an estimated"
     "|close to|an approximate", (0.8, 1.2)),
    ("اكثر من|ما يزيد على|ما يزيد عن|ازيد من|ما لا يقل عن|more than|over|at least|upwards of|in excess of", (1.0, 2.0)),
    ("اقل من|ما دون|ما يصل الي|less than|fewer than|under|up to|as many as", (0.5, 1.0)),
    ("nearly|almost|ما يناهز", (0.8, 1.0)),
):
    for _word in _words.split("|"):
        _HEDGES[_word] = _band
_HEDGES_AFTER = {"تقريبا": (0.8, 1.2), "على الاقل": (1.0, 2.0), "or so": (0.8, 1.2), "or more": (1.0, 2.0)}
# Written naturally above, matched against folded text.
_HEDGES = {k.translate(_FOLD): v for k, v in _HEDGES.items()}
_HEDGES_AFTER = {k.translate(_FOLD): v for k, v in _HEDGES_AFTER.items()}

# Number words after folding. Kinds: unit (1-9), ten (10-90; عشر after a unit makes a teen),
# hundred (×100 after a unit, else 100), value (a whole figure: ثلاثمئة، ألفين), scale
# (×1000…), plural (آلاف: ×1000 after a unit, else a vague span), vague (a span), half.
_WORDS: dict[str, tuple[str, float | tuple[float, float]]] = {}


def _add(kind: str, value: float | tuple[float, float], *spellings: str) -> None:
    for spelling in spellings:
        _WORDS[spelling] = (kind, value)


for _v, _forms in enumerate(
    [
        "واحد واحده one",
        "اثنان اثنين اثنتان اثنتين two",
        "ثلاث ثلاثه three",
        "اربع اربعه four",
        "خمس خمسه five",
        "ست سته six",
        "سبع سبعه seven",
        "ثمان ثماني ثمانيه eight",
        "تسع تسعه nine",
    ],
    1,
):
    _add("unit", _v, *_forms.split())
_add("unit", 1, "احد", "احدي", "a", "an")  # only inside a figure ("أحد عشر", "a thousand")
_add("unit", 2, "اثنا", "اثني", "اثنتا", "اثنتي")
_add("ten", 10, "عشر", "عشره", "ten")
for _v, _forms in enumerate(
    ["عشرون عشرين twenty", "ثلاثون ثلاثين thirty", "اربعون اربعين forty", "خمسون خمسين fifty",
     "ستون ستين sixty", "سبعون سبعين seventy", "ثمانون ثمانين eighty", "تسعون تسعين ninety"],
    2,
):
    _add("ten", _v * 10, *_forms.split())
for _v, _word in enumerate(
    "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(), 11
):
    _add("value", _v, _word)
_add("hundred", 100, "مئه", "مائه", "hundred")
_add("value", 200, "مئتان", "مئتين", "مائتان", "مائتين", "مئتا", "مائتا", "مئتي", "مائتي")
for _v, _stem in enumerate(["ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع"], 3):
    _add("value", _v * 100, _stem + "مئه", _stem + "مائه")
_add("value", 800, "ثمانيمئه", "ثمانمائه", "ثمانيمائه")
_add("scale", 12, "dozen")
_add("scale", 1e3, "الف", "الفا", "thousand")
_add("scale", 1e6, "مليون", "مليونا", "million")
_add("scale", 1e9, "مليار", "مليارا", "بليون", "billion")
_add("value", 2e3, "الفان", "الفين", "الفي")
_add("value", 2e6, "مليونان", "مليونين", "مليوني")
_add("value", 2e9, "ملياران", "مليارين", "ملياري")
# The Arabic dual names two of a thing in one word ("ارتفع مترين خلال يومين" is "two metres in
# two days"): the nouns news counts most, in both cases.
_DUALS = {stem + end for stem in ("متر", "كيلومتر", "يوم", "ساعت", "دقيقت", "اسبوع", "شهر", "عام", "سنت",
                                   "مرت", "شخص", "جندي", "طفل", "قتيل", "جريح", "صاروخ", "دولار", "برميل")
          for end in ("ين", "ان")}
_add("value", 2, *_DUALS)
_add("plural", 1e3, "الاف", "thousands")
_add("plural", 1e6, "ملايين", "millions")
_add("plural", 1e9, "مليارات", "billions")
_add("vague", (20, 99), "عشرات", "dozens", "tens")
_add("vague", (200, 999), "مئات", "hundreds")
_add("vague", (3, 9), "بضع", "بضعه", "عده", "several", "few")
_add("half", 0.5, "نصف", "half")
# With the article only the plurals are number words ("المئات", "الآلاف"); "المئة" is in "في المئة".
_ARTICLE_OK = {"الاف", "عشرات", "مئات", "ملايين", "مليارات"}

_PERCENT = re.compile(r"\s*(?:%|(?:في|ب)\s*ال(?:مئه|مائه)|بال(?:مئه|مائه)|per\s*cent|percent)(?!\w)", re.IGNORECASE)
_TOKEN = re.compile(r"(?<![\w.,])\.\d+|\d+(?:[.,]\d+)*|[^\W\d_]+")  # ".85 cent" is 0.85
_FILLER = {"و", "and", "of", "a"}
_SKIP_BEFORE_NOUN = {"من", "of", "the"}
# Words after a figure that are not what it counts.
_NOT_A_NOUN = {"to", "and", "or", "in", "on", "at", "for", "by", "from", "الي", "حتي", "او", "في", "علي", "عن", "و"}
_ANY_DAY = date(2000, 1, 1)
_YEAR_CUE = re.compile(r"(?:عام|سنه|العام|منذ|في|خلال|حتي|in|since|year|by|until|of)\s*$", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)\d\d)?")
# A clock time after the digits ("8 a.m.", "1018 GMT"): a moment, not a quantity.
_CLOCK = re.compile(r"\s*(?:[ap]\.\s?m\b|[ap]m\b|gmt\b|utc\b|[ecmp][sd]t\b|bst\b|cet\b)", re.IGNORECASE)
# A software version ("2.6.0"): dotted groups that are not thousands.
_VERSION = re.compile(r"\d+(?:\.\d+){2,}")


@dataclass(frozen=True)
class NumberMention:
    """A quantity in a text. value is the figure stated (None for a vague plural such as
    "hundreds"); [low, high] is the span of figures the words allow."""

    start: int
    end: int
    surface: str
    value: float | None
    low: float
    high: float
    approximate: bool
    unit: str | None


def _digits(token: str) -> float:
    """Read 1,200 / 1.200.000 / 1,234.5 / 3.5 / 3,5. With both separators the last is the
    decimal point; with one kind, a single comma before three digits groups thousands, a
    single dot is a decimal point, and a repeated separator groups thousands."""
    separators = re.findall(r"[.,]", token)
    if not separators:
        return float(token)
    if len(set(separators)) == 2:
        decimal = separators[-1]
        return float(token.replace("," if decimal == "." else ".", "").replace(decimal, "."))
    groups = token.split(separators[0])
    if len(groups) > 2 or (separators[0] == "," and len(groups[1]) == 3):
        return float("".join(groups))
    return float(groups[0] + "." + groups[1])


def _lookup(word: str, original: str = "") -> tuple[int, tuple[str, float | tuple[float, float]]] | None:
    """A number word, possibly behind و ف ب ل and the article; returns the prefix length too,
    so that the mention starts after a conjunction or preposition but keeps the article.
    The original spelling tells "وأحد" (and one of) from "واحد" (one), which fold alike."""
    lower = word.lower()
    if lower in _WORDS and original[:2] not in {"وأ", "وإ"}:
        return 0, _WORDS[lower]
    for prefix in ("", "و", "ف", "ب", "ل", "وب", "ول"):
        if not lower.startswith(prefix):
            continue
        rest = lower[len(prefix) :]
        if prefix and rest in _WORDS:
            return len(prefix), _WORDS[rest]
        if rest.startswith("ال") and rest[2:] in _ARTICLE_OK:
            return len(prefix), _WORDS[rest[2:]]
    return None


class _Figure:
    """Accumulates number words the way they are read: "ثلاثة آلاف وخمسمئة", "two hundred and five"."""

    def __init__(self) -> None:
        self.total = 0.0
        self.current = 0.0
        self.span: tuple[float, float] | None = None
        self.words = 0
        self.digits = False
        self.article = False  # the figure so far is only "a"/"an"

    def take_digits(self, value: float) -> None:
        self.current, self.words, self.digits = value, 1, True

    def take(self, kind: str, value, word: str) -> bool:
        """Add one number word; False when it cannot continue this figure."""
        c = self.current
        if self.span is not None:
            # A vague span grows only by a scale: "عشرات الآلاف", "hundreds of thousands", "several hundred".
            if kind in {"scale", "plural"} or (kind == "hundred" and self.span == (3, 9)):
                self.span = (self.span[0] * value, self.span[1] * value)
                self.words += 1
                return True
            return False
        if self.digits and kind not in {"scale", "plural", "hundred"}:
            return False
        if kind == "vague":
            if self.words and not self.article:
                return False
            self.current, self.span = 0.0, value
        elif kind == "unit":
            if c and (c % 10 or c % 100 == 10):
                return False
            self.current += value
        elif kind == "ten":
            if c % 100 >= 10:
                return False
            self.current += value
        elif kind == "hundred":
            self.current = c - c % 1000 + (c % 1000) * 100 if 1 <= c % 1000 <= 9 else c + 100
        elif kind == "value":
            if c and not (value < 100 and c % 100 == 0):
                return False
            self.current += value
        elif kind == "half":
            if self.words:
                return False
            self.current = 0.5
        elif kind == "plural" and c == 0:
            if self.words or self.total:
                return False
            self.span = (2 * value, 10 * value - 1)
        else:  # scale, or a plural scale after its count ("ثلاثة آلاف")
            self.total += (c or 1) * value
            self.current = 0
        self.article = self.words == 0 and word in {"a", "an"}
        self.words += 1
        return True

    def result(self) -> tuple[float | None, float, float]:
        if self.span is not None:
            return None, float(self.span[0]), float(self.span[1])
        value = self.total + self.current
        return value, value, value


# Words that are number words only inside a figure: "أحد عشر", "a thousand", "half a million".
_NOT_ALONE = {"a", "an", "احد", "احدي", "اثنا", "اثني", "اثنتا", "اثنتي", "half", "نصف"}


def _read_figure(text: str, folded: str, tokens: list[re.Match[str]], i: int, in_dates: list[tuple[int, int]]):
    """The figure starting at token i: (figure, start offset, index of its last token), or None."""
    figure = _Figure()
    start, last, previous_end, first_word = None, None, None, ""
    for j in range(i, len(tokens)):
        tok = tokens[j]
        if previous_end is not None and folded[previous_end : tok.start()].strip() not in {"", "-"}:
            break  # a hyphen joins "forty-two"
        word = tok[0].lower()
        if word[0].isdigit() or word[0] == ".":
            if last is not None or not _standalone_digits(folded, tok, in_dates):
                break
            figure.take_digits(_digits(word))
            start, last = tok.start(), j
        elif _in_a_name(text, tok, j == i):
            break
        elif (found := _lookup(word, text[tok.start() : tok.end()])) is not None and figure.take(
            found[1][0], found[1][1], word
        ):
            if last is None:
                start, first_word = tok.start() + found[0], word[found[0] :]
            last = j
        elif last is not None and word in _FILLER:
            pass  # "two hundred and five", "hundreds of thousands", "ثلاثة آلاف و خمسمئة"
        else:
            break
        previous_end = tok.end()
    if last is None or (last == i and first_word in _NOT_ALONE):
        return None
    if not figure.digits and start and folded[start - 1] == "-" and _WORDS.get(first_word, ("",))[0] == "scale":
        return None  # "R300-million": the figure was glued to letters, the scale alone is none
    return figure, start, last


def _in_a_name(text: str, tok: re.Match[str], first: bool) -> bool:
    """A capitalised English number word inside a sentence names something ("the Ten
    Commandments", "the Big Three"); at a sentence's start, after a quotation mark or a dateline it
    is a figure ("Twenty-eight people", "July 9 Tens of thousands")."""
    if not (first and tok[0][:1].isupper() and tok[0].isascii() and tok[0].isalpha()):
        return False
    before = text[: tok.start()].rstrip()
    return bool(before) and before[-1].isalpha()


def _hedge(folded: str, start: int, end: int) -> tuple[int, int, tuple[float, float] | None]:
    """Widen a mention by the hedge words right before or after it."""
    before = folded[max(0, start - 24) : start]
    band = None
    for phrase in sorted(_HEDGES, key=len, reverse=True):
        m = re.search(rf"(?:(?<!\w)|(?<=(?<!\w)[وبل]))({re.escape(phrase)})\s+$", before, re.IGNORECASE)
        if m:
            start, band = start - (len(before) - m.start(1)), _HEDGES[phrase]
            break
    end, band_after = _hedge_after(folded, end)
    return start, end, band or band_after


def _hedge_after(folded: str, end: int) -> tuple[int, tuple[float, float] | None]:
    for phrase, band in _HEDGES_AFTER.items():
        m = re.compile(rf"\s*(?:[,،]\s*)?{re.escape(phrase)}(?!\w)", re.IGNORECASE).match(folded, end)
        if m:
            return m.end(), band
    return end, None


def _unit(folded: str, text: str, end: int) -> tuple[int, str | None, int | None]:
    """The percent sign or phrase that belongs to the mention, else the noun counted (cheaply:
    the next word) and where that noun ends."""
    if m := _PERCENT.match(folded, end):
        return m.end(), "%", None
    position = end
    for m in _TOKEN.finditer(folded, end):
        if folded[position : m.start()].strip() or m[0][0].isdigit():
            return end, None, None
        if m[0].lower() not in _SKIP_BEFORE_NOUN:
            if m[0].lower() in _NOT_A_NOUN or _lookup(m[0]) is not None:
                return end, None, None
            return end, text[m.start() : m.end()], m.end()
        position = m.end()
    return end, None, None


def _standalone_digits(folded: str, tok: re.Match[str], in_dates: list[tuple[int, int]]) -> bool:
    """Digits in a date, a time or a name ("K1", "كي1", "F-16") are no quantity; digits after a
    one-letter conjunction or preposition ("و25", "ب3 آلاف") or closing a range ("30-40") are."""
    start, end = tok.span()
    if any(s <= start < e for s, e in in_dates) or _CLOCK.match(folded, end):
        return False
    if _VERSION.fullmatch(tok[0]) and any(len(g) != 3 for g in tok[0].split(".")[1:]):
        return False
    before = folded[start - 1] if start else " "
    if before == "ـ" and start >= 2:  # "بـ50": the tatweel only draws the glued preposition out
        start, before = start - 1, folded[start - 2]
    glued = before in "وبل" and (start < 2 or not folded[start - 2].isalpha())
    # "30-40" closes a range, "3-to-1" a ratio; "$US51" is dollars.
    range_end = before in "-–" and start >= 2 and (folded[start - 2].isdigit() or folded[:start - 1].endswith("to"))
    dollars = folded[max(0, start - 3):start].upper() == "$US"
    if not (glued or range_end or dollars) and (before.isalpha() or before in "-:/"):
        return False
    after = folded[end] if end < len(folded) else " "
    return not ((after.isalpha() and after != "م") or after in ":/")


def _is_year(folded: str, mention: NumberMention) -> bool:
    """A bare 19xx/20xx is a year after a cue ("عام", "since"), with no noun after it, or as
    one end of a span of years ("2019-2020")."""
    year = _YEAR.fullmatch(folded, mention.start, mention.end)
    return bool(year) and (
        mention.value is None
        or mention.unit is None
        or bool(_YEAR_CUE.search(folded, max(0, mention.start - 8), mention.start))
    )


def find_numbers(text: str) -> list[NumberMention]:
    """Quantities in text, in order of appearance."""
    folded = text.translate(_FOLD)
    # Any publication day will do: only where the dates are matters here, not which days they are.
    in_dates = [(d.start, d.end) for d in find_dates(text, _ANY_DAY)]
    tokens = list(_TOKEN.finditer(folded))
    mentions: list[NumberMention] = []
    i = 0
    while i < len(tokens):
        read = _read_figure(text, folded, tokens, i, in_dates)
        if read is None:
            i += 1
            continue
        figure, start, last = read
        value, low, high = figure.result()
        start, end, band = _hedge(folded, start, tokens[last].end())
        if last == i and tokens[i][0] in _DUALS:  # the dual is its own noun
            unit, noun_end = text[tokens[i].start() : tokens[i].end()], None
        else:
            end, unit, noun_end = _unit(folded, text, end)
        if band is None and noun_end is not None:
            # "40 مدرعة تقريبا": the hedge may follow the noun counted.
            after_noun, band = _hedge_after(folded, noun_end)
            end = after_noun if band else end
        if band and value is not None:
            low, high = value * band[0], value * band[1]
        approximate = band is not None or value is None
        mentions.append(NumberMention(start, end, text[start:end], value, low, high, approximate, unit))
        i = last + 1
    return [m for m in _join_ranges(folded, text, mentions) if not _is_year(folded, m)]


_RANGE_GAP = re.compile(r"\s*(?:(?P<to>-?\s*to\s*-?)|-|–|الي|حتي)\s*$|\s*(?P<and>و|and)\s*$", re.IGNORECASE)
_RANGE_OPENER = re.compile(r"(?:(?<!\w)|(?<=(?<!\w)[وف]))(?:بين|من|between|from)\s+$", re.IGNORECASE)


def _join_ranges(folded: str, text: str, mentions: list[NumberMention]) -> list[NumberMention]:
    """"30-40", "from 30 to 40", "بين 30 و40" state one span, not two figures."""
    joined: list[NumberMention] = []
    for mention in mentions:
        if joined:
            first = joined[-1]
            gap = _RANGE_GAP.fullmatch(folded, first.end, mention.start) if first.unit is None else None
            opener = _RANGE_OPENER.search(folded, max(0, first.start - 8), first.start)
            if (gap and gap["to"] and not opener and mention.value == 1 and first.value
                    and first.value > 1 and mention.unit != "%"):
                # "3 to 1", "3-to-1": a ratio, one figure.
                joined[-1] = NumberMention(first.start, mention.end, text[first.start : mention.end],
                                           first.value, first.low, first.high, first.approximate, "ratio")
                continue
            if (gap and (not gap["and"] or opener) and first.value is not None and mention.value is not None
                    and first.value < mention.value):
                # A span runs upwards: "from 13 to 12.6" is a change between two figures.
                start = opener.start() if opener else first.start
                joined[-1] = NumberMention(
                    start, mention.end, text[start : mention.end], None, first.low, mention.high, False, mention.unit
                )
                continue
        joined.append(mention)
    return joined
