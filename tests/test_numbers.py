"""A matcher flags "hundreds" against "thousands" as a contradiction and lets "about 40" stand
with "40": these tests hold the ranges to that, on the forms real reports use."""

from pathlib import Path

import pytest

from verify.numbers import NumberMention, find_numbers


def _one(text: str) -> NumberMention:
    mentions = find_numbers(text)
    assert len(mentions) == 1, mentions
    return mentions[0]


def _overlap(a: NumberMention, b: NumberMention) -> bool:
    return a.low <= b.high and b.low <= a.high


@pytest.mark.parametrize(
    "text, surface, value",
    [
        ("قتل 40 شخصا", "40", 40),
        ("أصيب ١٬٢٠٠ شخص", "١٬٢٠٠", 1200),
        ("أصيب ۱۲۰۰ شخص", "۱۲۰۰", 1200),
        ("نمو بنسبة ٣٫٥ بالمئة", "٣٫٥ بالمئة", 3.5),
        ("injured 1,200 people", "1,200", 1200),
        ("a loan of 1,234.5 dollars", "1,234.5", 1234.5),
        ("وصلت أربعين مدرعة", "أربعين", 40),
        ("وصل أربعون جنديا", "أربعون", 40),
        ("قتل ثلاثة آلاف شخص", "ثلاثة آلاف", 3000),
        ("قتل ثلاثة آلاف وخمسمئة شخص", "ثلاثة آلاف وخمسمئة", 3500),
        ("وصل خمسة وعشرون ألفا", "خمسة وعشرون ألفا", 25000),
        ("مئة جندي", "مئة", 100),
        ("مائة جندي", "مائة", 100),
        ("ثلاث مئة جندي", "ثلاث مئة", 300),
        ("وصل ألفين جندي", "ألفين", 2000),
        ("أحد عشر لاعبا", "أحد عشر", 11),
        ("ثلاثة عشر لاعبا", "ثلاثة عشر", 13),
        ("وبلغت الكلفة 3.5 مليون دولار", "3.5 مليون", 3_500_000),
        ("ونصف مليون لاجئ", "نصف مليون", 500_000),
        ("و25 في المئة من الأصوات", "25 في المئة", 25),
        ("forty soldiers", "forty", 40),
        ("forty-two soldiers", "forty-two", 42),
        ("two hundred and five soldiers", "two hundred and five", 205),
        ("a thousand soldiers", "a thousand", 1000),
        ("a dozen soldiers", "a dozen", 12),
        ("1.2 million barrels", "1.2 million", 1_200_000),
        ("40% of voters", "40%", 40),
        ("futures settled .85 cent lower", ".85", 0.85),
        ("ارتفع منسوب المياه مترين", "مترين", 2),
        ("بكين تعاقب واشنطن بـ50 مليار دولار", "50 مليار", 50e9),
        ("was for troops, $US51 billion of it", "51 billion", 51e9),
        ("قتل شخصان في الهجوم", "شخصان", 2),
    ],
)
def test_exact_figures(text, surface, value):
    mention = _one(text)
    assert (mention.surface, mention.value, mention.low, mention.high) == (surface, value, value, value)
    assert text[mention.start : mention.end] == surface
    assert not mention.approximate


@pytest.mark.parametrize(
    "text, surface, low, high",
    [
        ("عشرات الجرحى", "عشرات", 20, 99),
        ("مئات الجنود", "مئات", 200, 999),
        ("يقدر عددهم بالمئات", "المئات", 200, 999),
        ("آلاف المتظاهرين", "آلاف", 2000, 9999),
        ("خرج الآلاف", "الآلاف", 2000, 9999),
        ("عشرات الآلاف من المتظاهرين", "عشرات الآلاف", 20_000, 99_000),
        ("بضعة آلاف", "بضعة آلاف", 3000, 9000),
        ("dozens of people", "dozens", 20, 99),
        ("hundreds of troops", "hundreds", 200, 999),
        ("thousands of troops", "thousands", 2000, 9999),
        ("tens of thousands of people", "tens of thousands", 20_000, 99_000),
        ("several hundred police", "several hundred", 300, 900),
        ("a few days", "a few", 3, 9),
    ],
)
def test_vague_quantities_are_spans(text, surface, low, high):
    mention = _one(text)
    assert (mention.surface, mention.value, mention.low, mention.high) == (surface, None, low, high)
    assert mention.approximate


@pytest.mark.parametrize(
    "text, surface",
    [
        ("ترافقها نحو أربعين مدرعة", "نحو أربعين"),
        ("ترافقها بنحو 40 مدرعة", "نحو 40"),
        ("حوالى 40 مدرعة", "حوالى 40"),
        ("40 مدرعة تقريبا", "40 مدرعة تقريبا"),
        ("about 40 vehicles", "about 40"),
        ("some forty vehicles", "some forty"),
    ],
)
def test_hedged_figures_agree_with_the_figure(text, surface):
    hedged = _one(text)
    assert hedged.surface == surface and hedged.value == 40 and hedged.approximate
    assert _overlap(hedged, _one("40 vehicles"))
    assert not _overlap(hedged, _one("60 vehicles"))
    assert not _overlap(hedged, _one("hundreds of vehicles"))


def test_hundreds_and_thousands_conflict_but_hundreds_agree_across_languages():
    hundreds, thousands = _one("مئات الجنود"), _one("thousands of troops")
    assert not _overlap(hundreds, thousands)
    assert _overlap(hundreds, _one("hundreds of troops"))
    assert _overlap(hundreds, _one("500 soldiers"))
    assert not _overlap(_one("dozens of soldiers"), hundreds)


def test_more_than_and_less_than_bound_one_side():
    more = _one("أكثر من 1000 منزل")
    assert (more.low, more.value) == (1000, 1000) and more.high > 1000
    assert _overlap(more, _one("1500 homes")) and not _overlap(more, _one("900 homes"))
    fewer = _one("fewer than 100 homes")
    assert fewer.high == 100 and fewer.low < 100


@pytest.mark.parametrize(
    "text, surface, low, high",
    [
        ("30-40 cars", "30-40", 30, 40),
        ("from 30 to 40 cars", "from 30 to 40", 30, 40),
        ("between 5 and 7 days", "between 5 and 7", 5, 7),
        ("بين 30 و40 قتيلا", "بين 30 و40", 30, 40),
        ("من 3 إلى 5 أيام", "من 3 إلى 5", 3, 5),
    ],
)
def test_ranges(text, surface, low, high):
    mention = _one(text)
    assert (mention.surface, mention.value, mention.low, mention.high) == (surface, None, low, high)


def test_the_counted_noun_is_kept():
    assert [m.unit for m in find_numbers("مئات من الجنود ونحو أربعين مدرعة و40% و25 في المئة")] == [
        "الجنود",
        "مدرعة",
        "%",
        "%",
    ]
    assert [m.unit for m in find_numbers("hundreds of soldiers and 40 vehicles")] == ["soldiers", "vehicles"]


@pytest.mark.parametrize(
    "text",
    [
        "وصل في 1 كانون الأول 2017 إلى المدينة",
        "وصل في 16 تشرين الأول الماضي",
        "في عام 2017 وصلت المقاتلات",
        "طائرات F-16 في معسكر كي1 وK1",
        "الساعة 08:53 بتوقيت غرينتش",
        "في المئة من الحالات",
        "وأحد المسؤولين قال",
        "a man said",
        "polls open from 8 a.m. to 5 p.m.",
        "shares were up by 1018 GMT",
        "the 2.6.0 kernel",
        "valued at about R300-million",
        "block the removal of the Ten Commandments monument",
    ],
)
def test_dates_names_times_and_lone_words_are_no_quantities(text):
    assert find_numbers(text) == []


def test_seed_report_quantities():
    seed = (Path(__file__).parents[2] / "shared" / "seed" / "kirkuk-ar-2017-12-02.txt").read_text(encoding="utf-8")
    mentions = {m.surface: m for m in find_numbers(seed)}
    assert mentions["مئات"].unit == "الجنود" and (mentions["مئات"].low, mentions["مئات"].high) == (200, 999)
    assert (mentions["المئات"].low, mentions["المئات"].high) == (200, 999)
    assert mentions["نحو أربعين"].value == 40 and mentions["نحو أربعين"].unit == "مدرعة"
    assert "16" not in mentions and "2017" not in mentions and "1" not in mentions


@pytest.mark.parametrize("text", ["في عام 2017", "خلال 2019-2020 لفائدة الطلبة", "since 2011", "في 2021، قال"])
def test_years_are_no_quantities(text):
    assert find_numbers(text) == []


def test_a_year_like_figure_with_a_noun_is_a_quantity():
    assert _one("وصل 2000 جندي").value == 2000


@pytest.mark.parametrize("text, surface, value", [("the ratio was 3 to 1", "3 to 1", 3),
                                                   ("it was about 3-to-1", "about 3-to-1", 3)])
def test_a_ratio_is_one_figure(text, surface, value):
    mention = _one(text)
    assert (mention.surface, mention.value, mention.unit) == (surface, value, "ratio")


def test_a_fall_from_one_figure_to_another_is_two_figures_not_a_span():
    assert [m.value for m in find_numbers("slipped from 13 to 12.6 in April")] == [13, 12.6]


def test_a_capitalised_number_word_opening_a_sentence_or_after_a_dateline_is_a_figure():
    assert _one("Twenty-eight people were believed to be there").value == 28
    assert _one("ONG KONG, July 9 Tens of thousands of demonstrators gathered").low == 20_000
