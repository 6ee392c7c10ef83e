"""Arabic attribution patterns on short, real-looking news sentences."""

import pytest

from verify.extract import extract


def _quotes(text):
    return [s for s in extract(text, language="ar") if s.kind == "quote"]


@pytest.mark.parametrize("text, name", [
    ('وقال وزير الخارجية العراقي إبراهيم الجعفري إن "العلاقات مع تركيا تمر بمرحلة جديدة".', "إبراهيم الجعفري"),
    ('وأكد محافظ كركوك، راكان سعيد الجبوري، في تصريح صحفي، أن "الوضع الأمني في المحافظة مستقر".', "راكان سعيد الجبوري"),
    ('وقال بارنيو «بهذه الانتخابات لدينا اليقين بأن المغرب واجهة ديمقراطية».', "بارنيو"),
    ('"الوضع في المدينة مستقر تماما"، قال المتحدث باسم الشرطة العميد خالد المحنا.', "خالد المحنا"),
    ('وبحسب النائب عن كركوك محمد حاجي عثمان، فإن "قوة أميركية كبيرة وصلت إلى المدينة".', "محمد حاجي عثمان"),
    ('ونقلت الوكالة عن الوزير قوله: "لن نسمح بأي تجاوز على حدود الإقليم".', "الوزير"),
])
def test_direct_quote_patterns(text, name):
    quotes = _quotes(text)
    assert quotes and quotes[0].speaker.name == name


def test_participles_continue_the_speaker():
    text = ('وقال المتحدث باسم التحالف الدولي العقيد رايان ديلون إن "القوات وصلت إلى كركوك بالتنسيق '
            'مع بغداد"، مضيفا أن "المهمة ستستمر لأشهر"، ومشيرا إلى أن "القوات لن تتدخل في النزاع".')
    assert [q.speaker.name for q in _quotes(text)] == ["رايان ديلون"] * 3


def test_anonymous_sources_and_their_relay():
    text = ('وذكرت مصادر أمنية، أن "الهجوم استهدف نقطة تفتيش قرب الحويجة". '
            'ونقلت وسائل إعلام محلية عن شهود عيان قولهم إن "الانفجار كان قويا جدا".')
    quotes = _quotes(text)
    assert quotes[0].speaker.kind == "anonymous" and quotes[0].anonymous


def test_relayed_speech_resolves_to_the_media_named_before():
    text = ('وقال الوزير، في تصريحات نقلتها وسائل إعلام عراقية، إن "الحدود آمنة". '
            'وبحسب تلك الوسائل، فإن "القوات ستنتشر على طول الحدود مع سوريا".')
    assert _quotes(text)[1].speaker.name == "وسائل إعلام عراقية"


def test_indirect_speech_without_marks():
    statements = extract("وأكد وزير الدفاع أن القوات العراقية استعادت السيطرة على المدينة.", language="ar")
    assert [(s.kind, s.speaker.role) for s in statements] == [("indirect", "وزير الدفاع")]


def test_scare_quotes_and_quoted_names_are_not_quotes():
    text = 'وصلت القوات إلى معسكر "كي1" قرب كركوك ضمن ما يسمى "صفقة القرن" (كي وان).'
    assert _quotes(text) == []


def test_sentences_split_on_arabic_question_mark():
    statements = extract("هل وصلت القوات إلى كركوك؟ نعم وصلت القوات الأميركية إلى المدينة.", language="ar")
    assert [s.sentence for s in statements] == [0, 1]
