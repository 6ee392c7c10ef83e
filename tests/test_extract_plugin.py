"""The built-in extractors are plugins of the register_extractors hook."""

from verify.extract import builtin


def test_builtin_extractors_register_arabic_english_and_a_catch_all():
    found = []
    builtin.register_extractors(found.append)
    assert [e.languages for e in found] == [("ar",), ("en",), ("*",)]
    arabic = found[0].extract('وقال الوزير محمد علي إن "الوضع في المدينة مستقر تماما".',
                              language="ar", published=None)
    assert arabic[0].kind == "quote" and arabic[0].speaker.name == "محمد علي"
    persian = found[2].extract('He said: "We will be back next week."', language="fa", published=None)
    assert persian[0].kind == "quote"
