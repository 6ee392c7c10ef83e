"""Arabic, Persian, Sorani and Urdu share a script; a report filed under the wrong one is
matched against the wrong vocabulary, so every fixture paragraph must come out right."""

from pathlib import Path

import pytest

from verify.language import detect_language

FIXTURES = Path(__file__).parent / "fixtures" / "language"
SEED_TITLE = '"التحالف الدولي" يكشف عن سبب تواجد القوات الأميركية في كركوك !'


def _paragraphs(lang: str) -> list[str]:
    return [line for line in (FIXTURES / f"{lang}.txt").read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("lang", ["ar", "fa", "ckb", "ur", "en"])
def test_every_fixture_paragraph_is_classified_right(lang):
    paragraphs = _paragraphs(lang)
    assert len(paragraphs) >= 20
    wrong = [(detect_language(p), p) for p in paragraphs if detect_language(p) != lang]
    assert wrong == []


@pytest.mark.parametrize(
    "headline, lang",
    [
        (SEED_TITLE, "ar"),
        ("سفر وزیر خارجه به بغداد", "fa"),
        ("سەرۆکی هەرێم گەیشتە بەغدا", "ckb"),
        ("وزیر اعظم کا دورہ چین", "ur"),
        ("US troops arrive in Kirkuk", "en"),
        ("El gobierno aprueba el presupuesto", "es"),
        ("Путин встретился с Эрдоганом", "ru"),
    ],
)
def test_headlines(headline, lang):
    assert detect_language(headline) == lang


def test_persian_names_inside_arabic_text_stay_arabic():
    text = (
        "وأعلن المتحدث باسم الحكومة الإيرانية محمد باقر نوبخت في مؤتمر صحفي بطهران أن "
        "وزير الطرق پژمان گلپایگانی سيزور بغداد الأسبوع المقبل لبحث مشروع سكة الحديد."
    )
    assert detect_language(text) == "ar"


def test_arabic_typed_on_a_persian_keyboard_stays_arabic():
    # Iranian outlets publishing in Arabic often write ی and ک for ي and ك.
    text = "وقال المتحدث باسم الخارجیة إن الوفد سیصل إلی کرکوک یوم الجمعة للقاء المسؤولین فی المحافظة."
    assert detect_language(text) == "ar"


def test_arabic_report_with_english_names_stays_arabic():
    text = "وقال العقيد Ryan Dillon في تصريحات لوكالة Reuters إن القوات وصلت إلى معسكر K1 في كركوك."
    assert detect_language(text) == "ar"


def test_the_seed_report_is_arabic():
    seed = Path(__file__).parents[2] / "shared" / "seed" / "kirkuk-ar-2017-12-02.txt"
    text = seed.read_text(encoding="utf-8") if seed.exists() else SEED_TITLE
    assert detect_language(text) == "ar"


@pytest.mark.parametrize("text", ["", "   ", "2017-12-02 08:53", "!!! ...", "محمد"])
def test_undecidable_input_gives_none(text):
    assert detect_language(text) is None


def test_same_answer_every_time():
    paragraph = _paragraphs("en")[0]
    assert {detect_language(paragraph) for _ in range(5)} == {"en"}
