"""Publication dates and dates named inside news text, in Arabic and English.

General date libraries do not know Levantine (كانون الأول) or Maghrebi (دجنبر) month names,
Arabic time-zone phrases (بتوقيت غرينتش) or how a report counts days ("الثلاثاء الماضي" is
relative to the day it was published), and two reports of one event only agree on a date once
both are resolved to the calendar. Matching runs on a copy of the text folded letter for letter
(hamza forms, ى, ة, Arabic-Indic and Persian digits), so every offset is an offset into the
original text.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from dateutil import parser as dateutil_parser

_FOLD = str.maketrans(
    "أإآٱىةیک٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹",
    "اااايهيك01234567890123456789",
)


def _fold(text: str) -> str:
    """Fold spelling variants one character for one character, so offsets stay valid."""
    return text.translate(_FOLD)


def _alternation(names: dict[str, int]) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))


# Month names as they are written after folding (no hamza on alef, ة as ه).
_ARABIC_MONTHS: dict[str, int] = {}
for _month, _names in {
    1: "كانون الثاني|كانون ثاني|يناير|جانفي",
    2: "شباط|فبراير|فيفري",
    3: "اذار|مارس",
    4: "نيسان|ابريل|افريل",
    5: "ايار|مايو|ماي",
    6: "حزيران|يونيو|يونيه|جوان",
    7: "تموز|يوليو|يوليه|يوليوز|جويليه|جويليا",
    8: "اب|اغسطس|اغشت|غشت|اوت",
    9: "ايلول|سبتمبر|شتنبر",
    10: "تشرين الاول|تشرين اول|اكتوبر",
    11: "تشرين الثاني|تشرين ثاني|نوفمبر|نونبر",
    12: "كانون الاول|كانون اول|ديسمبر|دجنبر",
}.items():
    for _name in _names.split("|"):
        _ARABIC_MONTHS[_name] = _month

# English month names count only when capitalised ("may" and "march" are also words).
_ENGLISH_MONTHS: dict[str, int] = {}
for _month, _name in enumerate(
    "January February March April May June July August September October November December".split(), 1
):
    for _form in {_name, _name[:3], "Sept" if _month == 9 else _name[:3]}:
        _ENGLISH_MONTHS[_form] = _ENGLISH_MONTHS[_form.upper()] = _month


def _month_number(name: str) -> int:
    name = " ".join(name.split()).rstrip(".")
    return _ARABIC_MONTHS.get(name) or _ENGLISH_MONTHS[name]


_AR_MONTH = _alternation(_ARABIC_MONTHS)
# Only an abbreviation takes a dot: "Dec. 1", but the full stop after "16 October." is the sentence's.
_EN_MONTH = "|".join(
    name + (r"\.?" if len(name) <= 4 and name not in {"May", "MAY", "June", "JUNE", "July", "JULY"} else "")
    for name in sorted(_ENGLISH_MONTHS, key=len, reverse=True)
)
# "كانون الأول/ديسمبر": many outlets give both the Levantine and the Egyptian name.
_MONTH = rf"(?P<month>{_AR_MONTH}|{_EN_MONTH})(?:\s*[/\-(]\s*(?:{_AR_MONTH})\)?)?"
_YEAR = r"(?:(?:عام|سنه|من\s+عام)\s+)?(?P<year>(?:19|20)\d\d)(?:\s*م(?!\w))?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_REL_YEAR = r"(?P<rel>الماضي|الفائت|المنصرم|المقبل|القادم)"

# Not inside a longer word or number, but after a one-letter Arabic conjunction or preposition
# (و ف ب), which stays outside the mention: "و3 آذار", "والجمعة", "بالأمس".
_B = r"(?:(?<![\w/.-])|(?<=(?<![\w/.-])[وفب]))"
_A = r"(?:(?<!\w)|(?<=(?<!\w)[وفب]))"
_E = r"(?![\w/])"
_DAY_MONTH = re.compile(
    rf"{_B}{_DAY}\s*(?:من\s+(?:شهر\s+)?|of\s+)?{_MONTH}(?:\s*,?\s*{_YEAR}|\s+{_REL_YEAR})?{_E}"
)
_MONTH_DAY = re.compile(rf"{_B}(?P<month>{_EN_MONTH})\s+{_DAY}(?:\s*,?\s*{_YEAR})?{_E}")
_MONTH_YEAR = re.compile(rf"{_B}(?:شهر\s+)?{_MONTH}\s*,?\s*{_YEAR}{_E}")
_NUMERIC = re.compile(
    r"(?<![\w/.:-])(?:(?P<iy>(?:19|20)\d\d)[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
    r"|(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>(?:19|20)\d\d))(?![\w/-])"
)

_AR_WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6}
_EN_WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_AR_PART_OF_DAY = r"(?:(?:مساء|صباح|ليله|فجر|ظهر|عصر|ظهيره|منتصف\s+ليل)\s+)?"
_AR_WEEKDAY = re.compile(
    rf"{_A}{_AR_PART_OF_DAY}(?:يوم\s+)?(?P<wd>{'|'.join(_AR_WEEKDAYS)})"
    r"(?:\s+(?P<rel>الماضي|الفائت|المنصرم|المقبل|القادم))?(?!\w)"
)
_EN_WEEKDAY = re.compile(
    rf"\b(?:(?P<rel>last|next|this|past)\s+)?(?P<wd>{'|'.join(_EN_WEEKDAYS)})\b", re.IGNORECASE
)

_PAST = {"الماضي", "الفائت", "المنصرم", "last", "past"}
_FUTURE = {"المقبل", "القادم", "next"}

_NOT_TODAY = "التالي|نفسه|ذاته|الوطني|العالمي|الدولي|الاول|الثاني|الثالث|الاخير|الذي"
_WEEKDAY_STEMS = "|".join(day[2:] for day in _AR_WEEKDAYS)
# "غدا الأحد", "أمس الجمعة": the weekday named after the word is the same day, one mention.
_NAMED_DAY = rf"(?:\s+(?:يوم\s+)?(?:{'|'.join(_AR_WEEKDAYS)}))?"
# Phrases counted from the publication day: (pattern, days back to the first and last day).
_RELATIVE_DAYS: list[tuple[re.Pattern[str], int, int]] = [
    (re.compile(rf"{_A}{_AR_PART_OF_DAY}(?:امس\s+الاول|اول\s+(?:من\s+)?امس){_NAMED_DAY}(?!\w)"), 2, 2),
    (re.compile(rf"{_A}{_AR_PART_OF_DAY}(?:(?:يوم\s+)?(?:امس|الامس)|البارحه){_NAMED_DAY}(?!\w)"), 1, 1),
    # Not "روسيا اليوم" (RT), "اليوم التالي" (the next day), "اليوم العالمي" (a world day).
    (re.compile(rf"{_A}(?<!روسيا ){_AR_PART_OF_DAY}اليوم(?!\w)(?!\s+(?:{_NOT_TODAY})){_NAMED_DAY}(?!\w)"), 0, 0),
    # Not the verb "غدا" (became): "غدا الوضع أكثر تعقيدا".
    (re.compile(rf"{_A}{_AR_PART_OF_DAY}غدا(?!\w)(?!\s+ال(?!{_WEEKDAY_STEMS})){_NAMED_DAY}(?!\w)"), -1, -1),
    (re.compile(r"(?<!\w)قبل\s+يومين(?!\w)"), 2, 2),
    (re.compile(r"(?<!\w)(?:قبل\s+(?:بضعه\s+|عده\s+)?ايام|خلال\s+الايام\s+الماضيه|في\s+الايام\s+الاخيره)(?!\w)"), 7, 1),
    (re.compile(r"(?<!\w)(?:خلال\s+|في\s+)?اليومين\s+الماضيين(?!\w)"), 2, 1),
    (re.compile(_A + r"الاسبوع\s+(?:الماضي|الفائت|المنصرم)(?!\w)"), 13, 1),
    (re.compile(r"\b(?:the\s+day\s+before\s+yesterday)\b", re.IGNORECASE), 2, 2),
    (re.compile(r"\byesterday\b", re.IGNORECASE), 1, 1),
    (re.compile(r"\btoday\b", re.IGNORECASE), 0, 0),
    (re.compile(r"\btomorrow\b", re.IGNORECASE), -1, -1),
    (re.compile(r"\b(?:a\s+few|several)\s+days\s+ago\b", re.IGNORECASE), 7, 1),
    (re.compile(r"\blast\s+week\b", re.IGNORECASE), 13, 1),
]
# Phrases naming the publication's month or year, or the one before: (pattern, months back or years back).
_RELATIVE_MONTH = re.compile(
    _A + r"(?:الشهر\s+(?P<ar>الماضي|الفائت|المنصرم|الجاري|الحالي)(?!\w)|(?P<en>last|this)\s+month\b)",
    re.IGNORECASE,
)
_RELATIVE_YEAR = re.compile(
    _A + r"(?:(?:العام|السنه)\s+(?P<ar>الماضيه|الماضي|الفائته|الفائت|المنصرمه|المنصرم|الجاريه|الجاري|الحاليه|الحالي)(?!\w)"
    r"|(?P<en>last|this)\s+year\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    """A date named in a text; value is ISO 8601: a day, a month, a year, or a range "start/end"."""

    start: int
    end: int
    surface: str
    value: str


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve_day_month(day: int, month: int, published: date | None, rel: str | None) -> date | None:
    """Give a day and month without a year the year the report most likely means.

    "الماضي" after the month means the last one before publication, "المقبل" the next one;
    with neither, the occurrence nearest the publication day (news looks back more than
    forward, so a tie goes to the past).
    """
    if published is None:
        return None
    candidates = [d for y in (published.year - 1, published.year, published.year + 1) if (d := _day(y, month, day))]
    if rel in _PAST:
        past = [d for d in candidates if d < published]
        return max(past) if past else None
    if rel in _FUTURE:
        future = [d for d in candidates if d > published]
        return min(future) if future else None
    return min(candidates, key=lambda d: (abs((d - published).days), d > published)) if candidates else None


def _resolve_weekday(weekday: int, published: date, rel: str | None) -> date:
    """A bare weekday in a report is the latest such day on or before publication."""
    if rel in _FUTURE:
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    back = (published.weekday() - weekday) % 7
    if rel in _PAST and back == 0:
        back = 7
    return published - timedelta(days=back)


def _month_before(day: date, months: int) -> str:
    index = day.year * 12 + day.month - 1 - months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _range(first: date, last: date) -> str:
    return first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"


def _explicit_dates(folded: str, published: date | None) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for m in pattern.finditer(folded):
            month, day = _month_number(m["month"]), int(m["day"])
            if m["year"]:
                resolved = _day(int(m["year"]), month, day)
            else:
                resolved = _resolve_day_month(day, month, published, m.groupdict().get("rel"))
            if resolved:
                found.append((m.start(), m.end(), resolved.isoformat()))
    for m in _MONTH_YEAR.finditer(folded):
        found.append((m.start(), m.end(), f"{m['year']}-{_month_number(m['month']):02d}"))
    for m in _NUMERIC.finditer(folded):
        if m["iy"]:
            resolved = _day(int(m["iy"]), int(m["im"]), int(m["id"]))
        else:
            first, second = int(m["a"]), int(m["b"])
            # Day first, as Arabic and most of the world write it, unless that cannot be a date.
            resolved = _day(int(m["y"]), second, first) or _day(int(m["y"]), first, second)
        if resolved:
            found.append((m.start(), m.end(), resolved.isoformat()))
    return found


def _relative_dates(folded: str, published: date) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for m in _AR_WEEKDAY.finditer(folded):
        found.append((m.start(), m.end(), _resolve_weekday(_AR_WEEKDAYS[m["wd"]], published, m["rel"]).isoformat()))
    for m in _EN_WEEKDAY.finditer(folded):
        rel = (m["rel"] or "").lower() or None
        found.append((m.start(), m.end(), _resolve_weekday(_EN_WEEKDAYS[m["wd"].lower()], published, rel).isoformat()))
    for pattern, first_back, last_back in _RELATIVE_DAYS:
        for m in pattern.finditer(folded):
            found.append(
                (m.start(), m.end(), _range(published - timedelta(days=first_back), published - timedelta(days=last_back)))
            )
    for m in _RELATIVE_MONTH.finditer(folded):
        back = 0 if (m["ar"] or m["en"]).lower() in {"الجاري", "الحالي", "this"} else 1
        found.append((m.start(), m.end(), _month_before(published, back)))
    for m in _RELATIVE_YEAR.finditer(folded):
        back = 0 if (m["ar"] or m["en"]).lower() in {"الجاري", "الجاريه", "الحالي", "الحاليه", "this"} else 1
        found.append((m.start(), m.end(), f"{published.year - back:04d}"))
    return found


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Dates named in text, resolved to the calendar, in order of appearance.

    Relative expressions (weekdays, "أمس", "last week", a day and month without a year) are
    resolved against the publication date and dropped when it is unknown. A weekday written
    right before the full date it names ("الجمعة (1 كانون الأول 2017)") is one mention, the date.
    """
    if isinstance(published, datetime):
        published = published.date()
    folded = _fold(text)
    found = _explicit_dates(folded, published)
    if published is not None:
        explicit_starts = [start for start, _, _ in found]
        for start, end, value in _relative_dates(folded, published):
            if not any(0 <= s - end <= 4 and not folded[end:s].strip(" ()،,-") for s in explicit_starts):
                found.append((start, end, value))
    # Longest mention wins where two overlap ("1 December 2017" over "December 2017").
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    mentions: list[DateMention] = []
    for start, end, value in found:
        if mentions and start < mentions[-1].end:
            continue
        mentions.append(DateMention(start, end, text[start:end], value))
    return mentions


_TIME = re.compile(
    r"(?<![\d:])(?P<h>[0-2]?\d):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?"
    r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?|صباحا|مساء|ص|م)(?!\w))?",
    re.IGNORECASE,
)
_ZONE_NAMES = {
    "غرينتش|غرينيتش|جرينتش|جرينيتش|غرينيش|جرينيش": "UTC",
    "مكه(?:\\s+المكرمه)?|الرياض|السعوديه": "Asia/Riyadh",
    "بغداد|العراق|اربيل|السليمانيه": "Asia/Baghdad",
    "القدس|فلسطين|غزه": "Asia/Jerusalem",
    "القاهره|مصر": "Africa/Cairo",
    "بيروت|لبنان": "Asia/Beirut",
    "دمشق|سوريا|سوريه": "Asia/Damascus",
    "عمان|الاردن": "Asia/Amman",
    "مسقط": "Asia/Muscat",
    "ابوظبي|ابو\\s+ظبي|دبي|الامارات": "Asia/Dubai",
    "الدوحه|قطر": "Asia/Qatar",
    "الكويت": "Asia/Kuwait",
    "المنامه|البحرين": "Asia/Bahrain",
    "طهران|ايران": "Asia/Tehran",
    "الرباط|المغرب": "Africa/Casablanca",
    "الجزائر": "Africa/Algiers",
    "تونس": "Africa/Tunis",
    "طرابلس|ليبيا": "Africa/Tripoli",
    "الخرطوم|السودان": "Africa/Khartoum",
    "صنعاء|اليمن": "Asia/Aden",
    "انقره|اسطنبول|تركيا": "Europe/Istanbul",
}
_ARABIC_ZONE = re.compile(
    r"(?:ب|ب?ال)?توقيت\s+(?:مدينه\s+)?(?P<name>" + "|".join(_ZONE_NAMES) + r")(?!\w)"
)
_GMT_ABBREVIATION = re.compile(r"(?<!\w)ت\s*\.?\s*غ\s*\.?(?!\w)")
# "GMT+3", "UTC-05:00", or an offset written right after the time ("08:53 +0300").
_OFFSET = re.compile(
    r"\b(?:GMT|UTC)\s*(?P<sign>[+-])(?P<h>\d{1,2})(?::?(?P<m>\d\d))?(?!\d)"
    r"|(?<=\d:\d\d)(?::\d\d)?\s*(?P<sign2>[+-])(?P<h2>\d\d):?(?P<m2>\d\d)(?!\d)"
    r"|(?P<utc>\b(?:GMT|UTC)\b|(?<=\d)Z\b)"
)
_ABBREVIATIONS = {"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "PST": -8, "PDT": -7, "CET": 1, "CEST": 2, "BST": 1}
_ZONE_ABBREVIATION = re.compile(r"\b(?P<abbr>" + "|".join(_ABBREVIATIONS) + r")\b")


def _zone(folded: str) -> tzinfo | None:
    if m := _ARABIC_ZONE.search(folded):
        name = next(zone for pattern, zone in _ZONE_NAMES.items() if re.fullmatch(pattern, m["name"]))
        return ZoneInfo(name)
    if _GMT_ABBREVIATION.search(folded):
        return timezone.utc
    if m := _OFFSET.search(folded):
        if m["utc"]:
            return timezone.utc
        sign = m["sign"] or m["sign2"]
        offset = timedelta(hours=int(m["h"] or m["h2"]), minutes=int(m["m"] or m["m2"] or 0))
        return timezone(-offset if sign == "-" else offset)
    if m := _ZONE_ABBREVIATION.search(folded):
        return timezone(timedelta(hours=_ABBREVIATIONS[m["abbr"]]))
    return None


def _time(folded: str, after: int) -> tuple[int, int, int]:
    m = _TIME.search(folded, after) or _TIME.search(folded)
    if not m:
        return 0, 0, 0
    hour = int(m["h"])
    ampm = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm in {"pm", "م", "مساء"} and hour < 12:
        hour += 12
    elif ampm in {"am", "ص", "صباحا"} and hour == 12:
        hour = 0
    if hour > 23:
        return 0, 0, 0
    return hour, int(m["m"]), int(m["s"] or 0)


# The email module reads almost anything as RFC 2822, and misreads "3:53 PM EST" on the way.
_RFC_2822 = re.compile(r"(?:[A-Z][a-z]{2},\s*)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d\d:\d\d(?::\d\d)?\s+(?:[+-]\d{4}|[A-Z]{1,5})\s*$")


def _standard_formats(text: str) -> datetime | None:
    """ISO 8601 and RFC 2822 (feeds, HTTP headers, JSON) say exactly what they mean."""
    stripped = text.strip()
    try:
        return datetime.fromisoformat(stripped)
    except ValueError:
        pass
    if not _RFC_2822.match(stripped):
        return None
    try:
        return email.utils.parsedate_to_datetime(stripped)
    except (TypeError, ValueError, IndexError):
        return None


def _dateutil_full_date(text: str) -> datetime | None:
    """dateutil fills a missing day or month from its default: parse with two defaults and
    keep the result only when it does not depend on them, i.e. the text gave a full date."""
    results = []
    for default in (datetime(1901, 1, 1), datetime(1902, 2, 2)):
        try:
            results.append(dateutil_parser.parse(text, default=default, tzinfos={"GMT": 0, "UTC": 0}))
        except (ValueError, OverflowError):
            return None
    return results[0] if results[0] == results[1] else None


def parse_published(text: str, default_tz: tzinfo = timezone.utc) -> datetime | None:
    """The publication moment a date line states, as an aware UTC datetime.

    A line that names no time zone is read in default_tz; a line with a date but no time
    gives midnight. None when the line states no full date (day, month and year).
    """
    if not text or not text.strip():
        return None
    parsed = _standard_formats(text)
    if parsed is None:
        folded = _fold(text)
        dated = [(s, e, v) for s, e, v in _explicit_dates(folded, None) if len(v) == 10]
        if dated:
            start, end, value = dated[0]
            hour, minute, second = _time(folded, end)
            day = date.fromisoformat(value)
            zone = _zone(folded) or default_tz
            parsed = datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone)
        elif re.search(r"(?:19|20)\d\d", folded):
            parsed = _dateutil_full_date(text)
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=default_tz)
    return parsed.astimezone(timezone.utc)


# What may stand around the date on a line that only dates the report.
_DATE_LINE_FILLER = re.compile(
    r"(?<!\w)(?:" + "|".join(list(_AR_WEEKDAYS) + [w[:3] for w in _EN_WEEKDAYS] + list(_EN_WEEKDAYS)) + r")(?!\w)"
    r"|(?:ب|ب?ال)?توقيت(?:\s+(?:مدينه\s+)?\w+(?:\s+المكرمه)?)?|ت\s*\.?\s*غ\s*\.?|\b(?:GMT|UTC|[ap]\.?m\.?|" + "|".join(_ABBREVIATIONS) + r")\b"
    r"|(?<!\w)(?:اخر\s+تحديث|تاريخ\s+النشر|نشر\s+في|نشر|تحديث|صباحا|مساء|ص|م)(?!\w)"
    r"|\b(?:published|updated|posted|last\s+updated|on|at)\b"
    r"|[+-]?\d{1,2}[:.]\d\d(?::\d\d)?|[\s,،:|\-–—/()\[\].+]|\d+|Z\b|(?<=\d)T(?=\d)",
    re.IGNORECASE,
)


def is_date_line(line: str) -> bool:
    """Whether a line only dates the report, so a plain-text reader can lift it out of the body."""
    if len(line) > 120:
        return False
    folded = _fold(line)
    if parse_published(line) is None:
        return False
    rest = folded
    for start, end, _ in _explicit_dates(folded, None):
        rest = rest[:start] + " " * (end - start) + rest[end:]
    return _DATE_LINE_FILLER.sub("", rest).strip() == ""
