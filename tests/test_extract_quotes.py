"""Quotation spans in every mark style, and apostrophes that are not quotation marks."""

import pytest

from verify.extract import extract
from verify.extract.quotes import find_quotes
from verify.extract.sentences import split_sentences


def _inner(text):
    return [text[q.inner_start:q.inner_end] for q in find_quotes(text)]


@pytest.mark.parametrize("text, inner", [
    ('He said "we stay".', ["we stay"]),
    ("He said “we stay”.", ["we stay"]),
    ("وقال «نحن باقون».", ["نحن باقون"]),
    ("Er sagte „wir bleiben“.", ["wir bleiben"]),
    ("He said ''we stay,'' twice.", ["we stay,"]),
    ("Trump’s aides called it ‘a disaster’ on Monday.", ["a disaster"]),
    ("It's the candidate's 'real plan' now.", ["real plan"]),
])
def test_every_mark_style(text, inner):
    assert _inner(text) == inner


def test_apostrophes_are_not_quotation_marks():
    assert _inner("Trump’s and Clinton’s aides don't agree.") == []


def test_marks_pair_within_a_paragraph_only():
    assert _inner('He said "we stay\nThen he "left" home.') == ["left"]


def test_a_quote_spanning_sentences_stays_in_one_sentence():
    text = 'He said: "We came. We saw. We left." Then he went home.'
    assert len(split_sentences(text)) == 2


def test_mixed_up_marks_still_make_two_quotations():
    text = '“We came here to win," Cummings said on Tuesday. "And we will not stop now.”'
    assert _inner(text) == ["We came here to win,", "And we will not stop now."]
    assert [s.speaker.name for s in extract(text, language="en") if s.kind == "quote"] == ["Cummings"] * 2


def test_a_question_keeps_its_speaker_named_with_an_apposition_after_it():
    text = "The crowd was angry. “Why should we pay for their mistakes?” Miller, a retired worker, said."
    assert len(split_sentences(text)) == 2
    [quote] = [s for s in extract(text, language="en") if s.kind == "quote"]
    assert quote.speaker.name == "Miller"


def test_a_curly_quote_closed_by_an_ascii_mark_does_not_swallow_the_paragraph():
    text = ('وقال إن لومها غير ذي جدوى، “فكيف تنكر على غيرها ما في بيتها"، على حد قوله، '
            'واعتبر أن "قصص الحركيين مع العدالة سارت بها الركبان"')
    assert _inner(text) == ["فكيف تنكر على غيرها ما في بيتها", "قصص الحركيين مع العدالة سارت بها الركبان"]


def test_one_stray_ascii_mark_does_not_shift_every_later_pair():
    text = ('وتعليقا على ما يسمى ب "الخط الثالث أو "الطريق الثالث" أبرز ابن كيران أنهم خصوم '
            '"ولكني أظن أنهم أناس جادون".')
    assert _inner(text)[-1] == "ولكني أظن أنهم أناس جادون"
    assert "أبرز ابن كيران" not in " ".join(_inner(text))


def test_an_opening_never_closed_runs_to_the_end_of_its_paragraph():
    text = "وأردفت “هناك أوقات يجب عليك فيها أن تتخذ قرارات قاتلة.\nوتابعت الصحيفة أن الزوجين سعيدان."
    assert _inner(text) == ["هناك أوقات يجب عليك فيها أن تتخذ قرارات قاتلة."]


def test_an_ascii_pair_inside_guillemets_does_not_close_them():
    assert _inner('وأضاف أن « فتوى قتل المرتد كانت مجرد "رأي" لا أكثر».') == \
        ['فتوى قتل المرتد كانت مجرد "رأي" لا أكثر']


def test_a_stray_closing_mark_at_a_paragraph_end_is_no_quotation():
    assert _inner("وقالت إنها وجدت السعادة في حياتها مع زوجها”.\nوتابعت الصحيفة.") == []


@pytest.mark.parametrize("text, language", [
    ('ونظم المحتجون وقفة أمام البرلمان تحت شعار "لا للفساد في المؤسسات العامة ولا للمحسوبية في التوظيف بعد اليوم".', "ar"),
    ('وأصدر الكاتب روايته الجديدة بعنوان "الطريق الطويل إلى المدينة التي لا تنام أبدا في الليل" عن دار النشر.', "ar"),
    ('The ministry published a report entitled "The long road to recovery of the northern oil fields after the war" on Monday.', "en"),
])
def test_slogans_and_titles_are_named_not_said(text, language):
    """A quotation the words before it call a title or a slogan is no quote of anybody."""

    assert [s for s in extract(text, language=language) if s.kind == "quote"] == []


def test_a_quote_after_a_title_is_still_a_quote():

    text = ('وقال الوزير في ندوة بعنوان "مستقبل الطاقة" إن "الحكومة ستواصل العمل على تحسين الخدمات في كل المحافظات".')
    quotes = [s for s in extract(text, language="ar") if s.kind == "quote"]
    assert [q.quote for q in quotes] == ["الحكومة ستواصل العمل على تحسين الخدمات في كل المحافظات"]
    assert quotes[0].speaker.name == "الوزير" or "الوزير" in (quotes[0].speaker.role or "")


@pytest.mark.parametrize("text, inner", [
    ("وقال الوزير »الوضع مستقر تماما في المدينة» مضيفا أن الأمن مستتب.", ["الوضع مستقر تماما في المدينة"]),
    ("وقال الوزير «الوضع مستقر تماما في المدينة« مضيفا.", ["الوضع مستقر تماما في المدينة"]),
    ("قال «نعم» ثم قال «لا أبدا».", ["نعم", "لا أبدا"]),
])
def test_a_guillemet_written_at_both_ends(text, inner):
    assert _inner(text) == inner
