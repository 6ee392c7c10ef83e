"""Two reports agree on a date only once both are on the calendar: these are the forms real
Arabic and English reports use, resolved the way a reader would resolve them."""

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from verify.dates import DateMention, find_dates, is_date_line, parse_published

UTC = timezone.utc
SATURDAY = date(2017, 12, 2)  # the seed report's publication day


@pytest.mark.parametrize(
    "line, expected",
    [
        ("السبت 2 ديسمبر 2017 - 08:53 بتوقيت غرينتش", datetime(2017, 12, 2, 8, 53, tzinfo=UTC)),
        ("السبت ٢ ديسمبر ٢٠١٧ - ٠٨:٥٣ بتوقيت غرينتش", datetime(2017, 12, 2, 8, 53, tzinfo=UTC)),
        ("الأحد، 3 كانون الأول 2017 11:30 م بتوقيت مكة", datetime(2017, 12, 3, 20, 30, tzinfo=UTC)),
        ("1 تشرين الثاني 2017 - 14:00 بتوقيت بغداد", datetime(2017, 11, 1, 11, 0, tzinfo=UTC)),
        ("الخميس 12 يوليوز 2019 - 10:15", datetime(2019, 7, 12, 10, 15, tzinfo=UTC)),
        ("3 دجنبر 2018 بتوقيت الرباط 09:00", datetime(2018, 12, 3, 8, 0, tzinfo=UTC)),
        ("نشر في: 2017/12/02 - 08:53 ت.غ", datetime(2017, 12, 2, 8, 53, tzinfo=UTC)),
        ("15 أغسطس 2019", datetime(2019, 8, 15, tzinfo=UTC)),
        ("15 اغسطس 2019", datetime(2019, 8, 15, tzinfo=UTC)),
        ("4 يونيه 2020 الساعة 18:05 بتوقيت القاهرة", datetime(2020, 6, 4, 16, 5, tzinfo=UTC)),  # no summer time in Egypt 2011-2022
        ("December 2, 2017 8:53 AM GMT", datetime(2017, 12, 2, 8, 53, tzinfo=UTC)),
        ("Sat 2 Dec 2017", datetime(2017, 12, 2, tzinfo=UTC)),
        ("Saturday, December 2, 2017 3:53 PM EST", datetime(2017, 12, 2, 20, 53, tzinfo=UTC)),
        ("Updated 2 December 2017 08:53 GMT+3", datetime(2017, 12, 2, 5, 53, tzinfo=UTC)),
        ("2017-12-02T08:53:00Z", datetime(2017, 12, 2, 8, 53, tzinfo=UTC)),
        ("2017-12-02T11:53:00+03:00", datetime(2017, 12, 2, 8, 53, tzinfo=UTC)),
        ("Sat, 02 Dec 2017 08:53:00 +0300", datetime(2017, 12, 2, 5, 53, tzinfo=UTC)),
    ],
)
def test_parse_published(line, expected):
    parsed = parse_published(line)
    assert parsed == expected
    assert parsed.tzinfo == UTC


def test_summer_time_of_the_named_city_is_applied():
    # Beirut is UTC+3 in July and UTC+2 in December.
    assert parse_published("5 تموز 2017 12:00 بتوقيت بيروت") == datetime(2017, 7, 5, 9, 0, tzinfo=UTC)
    assert parse_published("5 كانون الأول 2017 12:00 بتوقيت بيروت") == datetime(2017, 12, 5, 10, 0, tzinfo=UTC)


def test_a_line_without_zone_is_read_in_the_given_zone():
    baghdad = timezone(timedelta(hours=3))
    assert parse_published("2 ديسمبر 2017 - 08:53", default_tz=baghdad) == datetime(2017, 12, 2, 5, 53, tzinfo=UTC)


@pytest.mark.parametrize("line", ["", "hello", "24", "NRT", "December 2017", "كانون الأول 2017", "2017", "31 فبراير 2017"])
def test_no_full_date_no_publication_time(line):
    assert parse_published(line) is None


@pytest.mark.parametrize(
    "line, expected",
    [
        ("السبت 2 ديسمبر 2017 - 08:53 بتوقيت غرينتش", True),
        ("آخر تحديث: الأحد، 3 كانون الأول 2017 11:30 م", True),
        ("Sat, 02 Dec 2017 08:53:00 +0300", True),
        ("Published December 2, 2017 at 8:53 a.m.", True),
        ("2017-12-02T08:53:00Z", True),
        ("وقد أعلن النائب في 2 ديسمبر 2017 أن القوات وصلت", False),
        ("The talks on 2 December 2017 failed", False),
        ('"التحالف الدولي" يكشف عن سبب تواجد القوات الأميركية في كركوك !', False),
        ("NRT", False),
        ("24", False),
    ],
)
def test_is_date_line(line, expected):
    assert is_date_line(line) is expected


def _values(text: str, published: date | None = SATURDAY) -> dict[str, str]:
    return {m.surface: m.value for m in find_dates(text, published)}


def test_seed_report_dates():
    seed = (Path(__file__).parents[2] / "shared" / "seed" / "kirkuk-ar-2017-12-02.txt").read_text(encoding="utf-8")
    mentions = find_dates(seed, SATURDAY)
    for m in mentions:
        assert seed[m.start : m.end] == m.surface
    values = {m.surface: m.value for m in mentions}
    assert values["1 كانون الأول 2017"] == "2017-12-01"
    assert values["مساء الثلاثاء الماضي"] == "2017-11-28"
    assert values["16 تشرين الأول الماضي"] == "2017-10-16"
    assert values["قبل أيام"] == "2017-11-25/2017-12-01"
    # "الجمعة (1 كانون الأول 2017)" names one day once.
    assert "الجمعة" not in values


def test_arabic_dates_inside_text():
    text = (
        "وصلت القوات أمس، وقال مسؤول اليوم إن وفدا سيصل غدا، وكانت روسيا اليوم قد ذكرت في 5 شباط الماضي "
        "أن الاجتماع عقد أول أمس، ويوم الأحد المقبل، و3 من شهر آذار/مارس المقبل، وفي 20 أيلول، "
        "والشهر الماضي، والعام الماضي، وفي ١٥ نونبر ٢٠١٨، و2 كانون الثاني/يناير 2018، وفي شهر حزيران 2016."
    )
    assert _values(text) == {
        "أمس": "2017-12-01",
        "اليوم": "2017-12-02",
        "غدا": "2017-12-03",
        "5 شباط الماضي": "2017-02-05",
        "أول أمس": "2017-11-30",
        "يوم الأحد المقبل": "2017-12-03",
        "3 من شهر آذار/مارس المقبل": "2018-03-03",
        "20 أيلول": "2017-09-20",
        "الشهر الماضي": "2017-11",
        "العام الماضي": "2016",
        "١٥ نونبر ٢٠١٨": "2018-11-15",
        "2 كانون الثاني/يناير 2018": "2018-01-02",
        "شهر حزيران 2016": "2016-06",
    }


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("الجمعة", "2017-12-01"),
        ("السبت", "2017-12-02"),  # the day of publication itself
        ("السبت الماضي", "2017-11-25"),
        ("الخميس المقبل", "2017-12-07"),
        ("مساء الثلاثاء", "2017-11-28"),
    ],
)
def test_weekdays_count_back_from_publication(phrase, expected):
    assert _values(f"وقال إن الاجتماع عقد {phrase} في بغداد") == {phrase: expected}


def test_english_dates_inside_text():
    text = (
        "Col. Ryan Dillon said on Friday that troops arrived last Tuesday. On Dec. 1 the coalition, in a "
        "statement dated December 1, 2017, said yesterday's move was planned. Talks are due next Monday, "
        "after a memo of 2017-11-30. The troops left 16 October."
    )
    assert _values(text) == {
        "Friday": "2017-12-01",
        "last Tuesday": "2017-11-28",
        "Dec. 1": "2017-12-01",
        "December 1, 2017": "2017-12-01",
        "yesterday": "2017-12-01",
        "next Monday": "2017-12-04",
        "2017-11-30": "2017-11-30",
        "16 October": "2017-10-16",
    }


def test_english_month_names_are_words_when_not_capitalised():
    assert _values("Prices may 3 times rise, he said in march 2017.") == {}


def test_without_a_publication_date_only_absolute_dates_are_given():
    text = "وصلت القوات الثلاثاء الماضي، وفي 1 كانون الأول 2017 أمس وفي 16 تشرين الأول الماضي"
    assert find_dates(text) == [DateMention(text.index("1 كانون"), text.index(" أمس"), "1 كانون الأول 2017", "2017-12-01")]


def test_a_day_and_month_without_year_takes_the_nearest_year():
    # Published 2 January 2018: "30 December" is four days earlier, not eleven months later.
    assert _values("قال إن الاجتماع عقد في 30 كانون الأول", date(2018, 1, 2)) == {"30 كانون الأول": "2017-12-30"}


def test_day_first_numeric_dates():
    assert _values("في 02/12/2017 و 25/12/2017") == {"02/12/2017": "2017-12-02", "25/12/2017": "2017-12-25"}


def test_feminine_agreement_is_part_of_the_mention():
    assert _values("وفي السنة الماضية والعام الحالي") == {"السنة الماضية": "2016", "العام الحالي": "2017"}


@pytest.mark.parametrize(
    "text",
    ["وفي اليوم التالي انسحبت القوات", "بمناسبة اليوم العالمي للمرأة", "وقالت روسيا اليوم إن", "غدا الوضع أكثر تعقيدا"],
)
def test_words_that_only_look_like_today_or_tomorrow(text):
    assert find_dates(text, SATURDAY) == []


def test_tomorrow_before_a_weekday_name():
    assert _values("وسيصل الوفد غدا الأحد، وكان قد وصل أمس الجمعة") == {"غدا الأحد": "2017-12-03", "أمس الجمعة": "2017-12-01"}
