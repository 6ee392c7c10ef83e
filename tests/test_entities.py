"""Entity mentions: gazetteer names with and without Arabic clitics, and English people named
without a title."""

import pytest

from verify.extract import extract
from verify.extract.gazetteer import gazetteer, lookup_forms


def _mentions(text: str, language: str, type_: str) -> list[tuple[str, str | None]]:
    return [(m.surface, m.entity) for s in extract(text, language=language)
            for m in s.mentions if m.type == type_]


@pytest.mark.parametrize("word, surface, entity", [
    ("كركوك", "كركوك", "Kirkuk"),
    ("وكركوك", "كركوك", "Kirkuk"),
    ("بكركوك", "كركوك", "Kirkuk"),
    ("لبنان", "لبنان", "Lebanon"),
    ("للبنان", "لبنان", "Lebanon"),
    ("بغداد", "بغداد", "Baghdad"),
    ("وبغداد", "بغداد", "Baghdad"),
    ("وبالعراق", "العراق", "Iraq"),
])
def test_arabic_places_with_and_without_a_clitic(word, surface, entity):
    text = f"وصل الوفد أمس إلى {word} في زيارة رسمية."
    assert _mentions(text, "ar", "place") == [(surface, entity)]


@pytest.mark.parametrize("word, clitic", [
    ("كركوك", 0), ("بكركوك", 1), ("لبنان", 0), ("للبنان", 1), ("بغداد", 0), ("وبالعراق", 2)])
def test_a_name_keeps_letters_that_look_like_clitics(word, clitic):
    # كركوك, بغداد and لبنان start with ك, ب and ل: stripping first would find nothing
    entry, stripped = gazetteer().lookup([word])
    assert stripped == clitic
    assert lookup_forms(word)[0] == word


def test_a_word_that_is_no_name_finds_nothing_after_stripping():
    assert gazetteer().lookup(["بلدان"]) is None


@pytest.mark.parametrize("text, people", [
    ("Ryan Dillon said the forces arrived in Kirkuk on Monday.", ["Ryan Dillon"]),
    ("In March Donald Trump met Vladimir Putin in Helsinki.", ["Donald Trump", "Vladimir Putin"]),
    ("Hillary Clinton's campaign answered, and Mary-Jane O'Neil agreed.",
     ["Hillary Clinton", "Mary-Jane O'Neil"]),
    ("Supreme Court Justice Ruth Bader Ginsburg wrote the opinion.", ["Ruth Bader Ginsburg"]),
    ("The reporter John F. Kennedy Jr asked again.", ["John F. Kennedy Jr"]),
])
def test_english_people_without_a_title(text, people):
    assert [surface for surface, _ in _mentions(text, "en", "person")] == people


@pytest.mark.parametrize("text", [
    "The United Nations and the New York Times reported it on Friday.",
    "Kirkuk Governorate and the Islamic State were named in the report.",
    "Last Friday the Washington Post wrote about Los Angeles and North Korea.",
    "The Barack Obama Foundation opened a centre in Hong Kong.",
])
def test_places_organisations_and_dates_are_not_people(text):
    assert _mentions(text, "en", "person") == []
