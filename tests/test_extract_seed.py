"""The seed report end to end: its six quotes with speakers, three indirect attributions,
the title that is not a quote, and its people, places, organisations and dates."""

from datetime import datetime
from pathlib import Path

import pytest

from verify.extract import extract

SEED = (Path(__file__).parent / "fixtures" / "kirkuk-ar-2017-12-02.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def statements():
    return extract(SEED, language="ar", published=datetime(2017, 12, 2, 8, 53))


def test_offsets_point_into_the_report(statements):
    for s in statements:
        assert SEED[s.start:s.end] == s.text


def test_six_direct_quotes_with_their_speakers(statements):
    quotes = [s for s in statements if s.kind == "quote"]
    assert [(q.speaker.name, q.speaker.kind) for q in quotes] == [
        ("رايان ديلون", "person"), ("رايان ديلون", "person"),
        ("وسائل إعلام أميركية", "media"),
        ("محمد حاجي عثمان", "person"), ("محمد حاجي عثمان", "person"),
        ("مصادر في المحافظة", "anonymous"),
    ]
    assert quotes[1].quote == "التحالف سيعيد نشر قواته في المناطق العراقية كافة"
    assert quotes[0].sentence == quotes[1].sentence  # two quotes in one sentence
    assert [q.anonymous for q in quotes] == [False, False, True, False, False, True]


def test_role_and_title_are_kept_apart_from_the_name(statements):
    dillon = next(s for s in statements if s.kind == "quote").speaker
    assert dillon.role == "الناطق باسم التحالف الدولي"
    assert dillon.title == "العقيد"
    othman = [s for s in statements if s.kind == "quote"][3].speaker
    assert othman.role == "عضو مجلس النواب عن كركوك" and othman.title is None


def test_title_in_scare_quotes_is_not_a_quote(statements):
    quoted = {s.quote for s in statements if s.quote}
    assert "التحالف الدولي" not in quoted and "كي1" not in quoted
    assert not any(s.kind == "quote" and s.start < SEED.index("العراق - الكوثر") for s in statements)


def test_three_indirect_attributions(statements):
    indirect = [(s.speaker.name, s.speaker.kind) for s in statements if s.kind == "indirect"]
    assert indirect == [("التحالف الدولي ضد داعش", "organisation"),
                        ("مصادر كردية", "anonymous"), ("مصادر إعلامية", "anonymous")]


def test_people_places_organisations_and_dates(statements):
    mentions = [m for s in statements for m in s.mentions]
    people = {m.surface for m in mentions if m.type == "person"}
    assert {"رايان ديلون", "محمد حاجي عثمان", "لاهور شيخ جنكي", "جيمي جيرارد"} <= people
    places = {m.entity for m in mentions if m.type == "place"}
    assert {"Kirkuk", "Tuz Khurmatu", "Mosul", "Qayyarah", "Iraq", "Syria"} <= places
    organisations = {m.entity for m in mentions if m.type == "organisation"}
    assert {"Global Coalition against Daesh", "Council of Representatives",
            "Presidential Regiment"} <= organisations
    dates = {m.value for m in mentions if m.type == "date"}
    assert {"2017-12-01", "2017-11-28", "2017-10-16"} <= dates
    kirkuk = next(m for m in mentions if m.entity == "Kirkuk")
    assert kirkuk.key == "krk"


def test_mentions_are_offsets_into_the_statement(statements):
    for s in statements:
        for m in s.mentions:
            assert s.text[m.start:m.end] == m.surface


def test_numbers_from_words(statements):
    values = {m.surface: m.value for s in statements for m in s.mentions if m.type == "number"}
    forty = next(value for surface, value in values.items() if "أربعين" in surface)
    low, _, high = forty.partition("/")
    assert float(low) <= 40 <= float(high or low)  # "نحو أربعين": about forty
    assert any("مئات" in surface and "/" in value for surface, value in values.items())
