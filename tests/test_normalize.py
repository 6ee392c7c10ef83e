from hypothesis import given, settings
from hypothesis import strategies as st

from verify.normalize import normalize, normalize_text, strip_clitics

ARABIC_HEAVY = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.sampled_from(list("\"“”«»„‹› ،؛؟\n\tABCabcÉé\u0301\u200c\u200fﻻﷺß0123")),
        st.characters(),
    ),
    max_size=60,
)


def test_arabic_letter_variants_and_diacritics():
    assert normalize_text("أَحْمَدُ إلى آخر ٱلمدينة") == "احمد الي اخر المدينه"
    assert normalize_text("مـــدرسة") == "مدرسه"  # tatweel
    assert normalize_text("هٰذا") == "هذا"  # superscript alef


def test_digits_punctuation_and_quotes():
    assert normalize_text("٢٠١٧ و۱۲۳") == "2017 و123"
    assert normalize_text("قال، ماذا؟ نعم؛") == "قال, ماذا? نعم;"
    for mark in ('"x"', "“x”", "«x»", "„x“", "‹x›"):
        assert normalize_text(mark) == '"x"'


def test_latin_case_folded_and_persian_letters_kept():
    assert normalize_text("Ryan DILLON") == "ryan dillon"
    assert normalize_text("کوردی ڕۆژ ە") == "کوردی ڕۆژ ە"


def test_offsets_point_back_to_the_original_words():
    original = "وقال العَقِيد رايان ديلون"
    norm = normalize(original)
    start = norm.text.index("العقيد")
    s, e = norm.to_original(start, start + len("العقيد"))
    assert original[s:e] == "العَقِيد"


def test_decomposed_hamza_composes_like_precomposed():
    assert normalize_text("و\u0654") == normalize_text("ؤ")


def test_clitics_stripped_only_with_three_letters_left():
    assert strip_clitics("والقوات") == "قوات"
    assert strip_clitics("بكركوك") == "كركوك"
    assert strip_clitics("بلد") == "بلد"
    assert strip_clitics("الله") == "الله"


@settings(max_examples=300, deadline=None)
@given(ARABIC_HEAVY, st.data())
def test_every_boundary_span_maps_back_exactly(text, data):
    norm = normalize(text)
    boundaries = sorted(norm.boundaries)
    start = data.draw(st.sampled_from(boundaries))
    end = data.draw(st.sampled_from([b for b in boundaries if b >= start]))
    s, e = norm.to_original(start, end)
    assert normalize_text(text[s:e]) == norm.text[start:end]


@settings(max_examples=200, deadline=None)
@given(ARABIC_HEAVY)
def test_normalize_is_idempotent_and_agrees_with_normalize_text(text):
    once = normalize(text).text
    assert once == normalize_text(text)
    assert normalize_text(once) == once


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابوي ةىأeE\u064e\u064b\u0651\u0652\u0670"
                                             "\u0653\u0654\u0655\u0301\u0640ﻻ«»")),
               max_size=40))
def test_fast_path_agrees_with_cluster_path_around_composing_marks(text):
    # normalize() always walks clusters; normalize_text() translates char by char when it can.
    assert normalize_text(text) == normalize(text).text
