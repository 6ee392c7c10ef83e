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


@pytest.mark.parametrize("text, speaker, kind", [
    ("كركوك - و م أ: أعلنت شركة نفط الشمال، الأحد، استئناف ضخ النفط الخام من حقلين قرب كركوك.",
     "شركة نفط الشمال", "organisation"),
    ("أعلنت وزارة الداخلية العراقية القبض على المتهم بقتل عارضة الأزياء.",
     "وزارة الداخلية العراقية", "organisation"),
    ("دعا الأمين العام للحزب عبد الإله ابن كيران، اليوم الجمعة، المواطنين إلى التصويت.",
     "عبد الإله ابن كيران", "person"),
    ("شكك المتحدث باسم وزارة الثروات الطبيعية، هيمن رشيد، في الأرقام التي أعلنتها الشركة.",
     "هيمن رشيد", "person"),
])
def test_indirect_speech_with_a_verbal_noun_or_a_call(text, speaker, kind):
    statements = extract(text, language="ar")
    assert [(s.kind, s.speaker.name, s.speaker.kind) for s in statements] == [("indirect", speaker, kind)]


def test_a_surname_named_before_calls_without_an():
    text = ('قال مدير سد دبس، نوزاد كريم، إن "منسوب المياه في السد ارتفع مترين خلال يومين". '
            'ودعا كريم سكان ضفاف نهر الزاب الصغير إلى الابتعاد عن مجرى النهر. '
            'ورفض كريم الإفصاح عن كمية المياه المخزنة.')
    statements = extract(text, language="ar")
    assert [(s.kind, s.speaker.name) for s in statements[1:]] == [("indirect", "كريم")] * 2


@pytest.mark.parametrize("text", [
    "رفض البرلمان القانون الجديد بأغلبية كبيرة.",
    "وصل الجنود إلى القاعدة وأعلنوا حالة التأهب.",
    "أعلن في المدينة عن افتتاح سوق جديد.",
    "دعت الحاجة إلى بناء سد جديد على النهر.",
])
def test_narration_with_such_verbs_is_not_reported_speech(text):
    assert [s.kind for s in extract(text, language="ar")] == ["assertion"]


def test_scare_quotes_and_quoted_names_are_not_quotes():
    text = 'وصلت القوات إلى معسكر "كي1" قرب كركوك ضمن ما يسمى "صفقة القرن" (كي وان).'
    assert _quotes(text) == []


def test_sentences_split_on_arabic_question_mark():
    statements = extract("هل وصلت القوات إلى كركوك؟ نعم وصلت القوات الأميركية إلى المدينة.", language="ar")
    assert [s.sentence for s in statements] == [0, 1]


@pytest.mark.parametrize("text, names", [
    # the speaker named before "إلى أن", not a noun of what he reported
    ('ولفت رئيس الهيئة، كريم سالم، إلى أن الفريق لامس بعض "الشكاوى"، مؤكدا أنها كانت '
     '"حوادث فردية لا تؤثر على النتيجة".', ["كريم سالم"]),
    # "شدد على أن": على is the preposition, not the name Ali
    ('وقال الوزير خالد العبيدي إن "الوضع مستقر في المدينة". وشدد على أن القوات "ستبقى في '
     'مواقعها حتى إشعار آخر".', ["خالد العبيدي"] * 2),
    # a surname named before, as the subject ahead of its verb
    ('قالت المحامية نادية الصالح إن "القانون ناقص في مواد كثيرة". الصالح انتقدت الحكومة، '
     'موضحة أن "الإصلاح تأخر كثيرا عن موعده".', ["نادية الصالح", "الصالح"]),
    # عبر is "via" unless عن follows
    ('وأكد رئيس الحزب سعيد الناصري أن الترشيحات تمت عبر الديمقراطية الداخلية، مؤكدا أن '
     '"هذا العمل سيعطي الحزب حظوظا وافرة".', ["سعيد الناصري"]),
    # قال فيها / أكد فيه: the author of the statement or communique named before
    ('ونشر المكتب تصريحات للوزير حسن العلي قال فيها إن "الحدود آمنة تماما".', ["حسن العلي"]),
    ('وأصدرت الوزارة بيانا، أكدت فيه أن "التحقيق مستمر في ملابسات الحادث".', ["الوزارة"]),
    # a clause opening the sentence is no subject: the last speaker goes on
    ('قال المراقب جون سميث إن "الاقتراع كان هادئا". وبعدما سجل أن العملية تحسنت، اعتبر أن '
     '"كل شيء يسير نحو الأفضل".', ["جون سميث", "جون سميث"]),
    # أمين opens an office here, not a name
    ('وقال أمين عام المنتدى محمد بن عيسى إن "الموسم المقبل سيكون أفضل".', ["محمد بن عيسى"]),
    # a participle with an adverb before its colon
    ('وقال الكاتب سمير الحلو إن "الانتخابات مرت بهدوء". ومتسائلا بصوت عال: "من يخاف من '
     'الديمقراطية في هذا البلد؟".', ["سمير الحلو"] * 2),
    # the words said, then "بهذه العبارة" and the verb with its speaker
    ('"نحن بحاجة إلى قانون جديد للإرث وللملكية"، بهذه العبارة افتتحت الناشطة سعاد الفاسي، '
     'رئيسة الجمعية، الندوة.', ["سعاد الفاسي"]),
])
def test_speakers_of_real_constructions(text, names):
    assert [q.speaker.name for q in _quotes(text)] == names


@pytest.mark.parametrize("text, speaker, kind", [
    ('وقال المحتجون إن "الحكومة تخلت عنهم منذ سنوات".', "المحتجون", "anonymous"),
    ('وأكدت الأمانة العامة للحزب، في بلاغ، أن الحملات "لن تنال من وحدة الحزب وتماسكه".',
     "الأمانة العامة للحزب", "organisation"),
])
def test_crowds_and_party_bodies_are_speakers(text, speaker, kind):
    assert [(q.speaker.name, q.speaker.kind) for q in _quotes(text)] == [(speaker, kind)]


@pytest.mark.parametrize("text, speaker, kind", [
    ("وكانت الشركة قد أعلنت استئناف ضخ النفط من حقلين.", "الشركة", "organisation"),
    ("الوزارة أعلنت فتح تحقيق في الحادث.", "الوزارة", "organisation"),
    ("المحتجون طالبوا بإقالة المحافظ.", "المحتجون", "anonymous"),
    ("وطالب المتظاهرون بإطلاق سراح المعتقلين.", "المتظاهرون", "anonymous"),
    ("دعا الأمين العام لحزب العدالة والتنمية المواطنين إلى التصويت.",
     "الأمين العام لحزب العدالة والتنمية", "person"),
    ("وأعلن الأمين العام لحزب الاستقلال ترشحه للانتخابات.", "الأمين العام لحزب الاستقلال", "person"),
])
def test_reported_speech_without_an_subject_first_and_whole_offices(text, speaker, kind):
    statements = extract(text, language="ar")
    assert [(s.kind, s.speaker.name, s.speaker.kind) for s in statements] == [("indirect", speaker, kind)]


def test_a_clause_before_the_verb_is_not_its_subject():
    assert [s.kind for s in extract("وصل الجنود إلى القاعدة وأعلنوا حالة التأهب القصوى.", language="ar")] \
        == ["assertion"]


@pytest.mark.parametrize("text, speaker, kind", [
    ('" نعاني مشاكل عديدة في النقل المدرسي والطرق"، يقول أحد الشيوخ.', "أحد الشيوخ", "anonymous"),
    ('ومما طالب به المتضررون "إيجاد حل نهائي لملف الخنزير البري في المنطقة".', "المتضررون", "anonymous"),
    ('ومع ذلك، فإن الباحثين يؤكدون أنه "على الرغم من ذلك فإن النتائج الحالية مشجعة جدا".',
     "الباحثين", "anonymous"),
    ('وجاء في بلاغ الوفد الذي قاده النائب البريطاني أن "المغاربة كانوا في مستوى هذا الرهان".',
     "بلاغ الوفد", "organisation"),
    ('وقالت السفيرة إن "العلاقات بين البلدين ممتازة".', "السفيرة", "person"),
])
def test_unnamed_groups_documents_and_descriptions_speak(text, speaker, kind):
    assert [(q.speaker.name, q.speaker.kind) for q in _quotes(text)] == [(speaker, kind)]


def test_a_noun_and_its_genitive_are_no_name():
    # "يؤكد تفرد النموذج": the object of a verb whose subject is a thing, not a speaker
    text = ('وقال النائب الأوروبي إن "الانتخابات كانت شفافة". وبالنسبة له، فإن جو الشفافية يؤكد '
            'تفرد النموذج المغربي "في منطقة يتم فيها التلاعب بالديمقراطية كل يوم".')
    assert [q.speaker.name for q in _quotes(text)] == ["النائب الأوروبي"] * 2


def test_a_name_known_from_before_then_the_object_of_its_verb():
    text = 'صعدت الفنانة أحلام إلى المنصة. واستهلت أحلام الحفل بقولها "أنا اليوم بينكم في بلدي الثاني".'
    assert [q.speaker.name for q in _quotes(text)] == ["أحلام"]


@pytest.mark.parametrize("text, names", [
    # قال لـ: whom the words were said to; the subject of أما ... فـ speaks
    ('أما مريم بلكلوش (30 سنة) التي تعمل موثقة فقالت لفرانس برس "المغرب في حاجة إلى ديمقراطية سليمة".',
     ["مريم بلكلوش"]),
    # بين X وY is "between", not the verb "explained"
    ('قال وزير الخارجية محمد العلمي إن "الزيارة كانت ناجحة جدا". وأشار إلى أن العلاقات بين المغرب '
     'وإسبانيا تميزت ب"تعاون ناجح ومسؤول يرضي البلدين".', ["محمد العلمي"] * 2),
    # a parenthetical and على أن between the participle and the words
    ('قال المدير خالد السعدي إن "الاجتماع كان مفيدا للجميع". وقال عزيز بنعزوز، عضو المكتب السياسي، '
     'إن النقاش كان جيدا، مشددا، في المقابل، على أن الشكايات "لا ترقى إلى مستوى التشكيك في نزاهة '
     'العملية".', ["خالد السعدي", "عزيز بنعزوز"]),
])
def test_addressees_between_and_parentheticals(text, names):
    assert [q.speaker.name for q in _quotes(text)] == names


def test_according_to_what_a_source_said():
    text = '"تترجم صوت العقل بعيدا عن التعصب" وفق ما جاء في إحدى التعليقات على الفيديو.'
    assert [(q.speaker.name, q.speaker.kind) for q in _quotes(text)] == [("إحدى التعليقات على الفيديو", "anonymous")]


@pytest.mark.parametrize("text, speaker, kind", [
    # a given name no table knows, with its office after it or its surname used alone later
    ("كشفت جميلة المصلي، كاتبة الدولة المكلفة بالصناعة التقليدية، أن المبيعات ارتفعت.",
     "جميلة المصلي", "person"),
    ("أكدت سلوى الدمناتي أن البرنامج سيستمر. وقالت الدمناتي إن الدعم مضمون.", "سلوى الدمناتي", "person"),
    # a body with the article on its head word
    ("أفادت المديرية العامة للأمن الوطني بأن الشرطة أوقفت المشتبه به.",
     "المديرية العامة للأمن الوطني", "organisation"),
    ("وبحسب المتتبعين للشأن المحلي، فإن المشاركة كانت واسعة.", "المتتبعين للشأن المحلي", "anonymous"),
])
def test_speakers_of_indirect_speech(text, speaker, kind):
    first = extract(text, language="ar")[0]
    assert (first.kind, first.speaker.name, first.speaker.kind) == ("indirect", speaker, kind)


@pytest.mark.parametrize("text, names", [
    # an office no table knows, then a foreign name
    ('وقال المدعي تولوس جايا تاريهوران "راقبنا تحركاتها هذا الأسبوع بدقة". وأضاف "رفضت ووجهت '
     'لكمات إلى عناصر النيابة".', ["تولوس جايا تاريهوران"] * 2),
    # the sentence's own verb before its subject, then كما تقول
    ('وتماهت موريسون، كما تقول، مع حياة الرحل، مؤكدة أن الرحلة "كانت رائعة وممتعة جدا".',
     ["موريسون"]),
    # ما بين is "between": the source comes after the words
    ('تراوحت الردود ما بين الإشادة بآرائه التي "تترجم صوت العقل بعيدا عن التعصب" وفق ما جاء في '
     'إحدى التعليقات.', ["إحدى التعليقات"]),
])
def test_offices_verbs_and_between(text, names):
    assert [q.speaker.name for q in _quotes(text)] == names


def test_the_person_a_view_belongs_to_speaks_and_goes_on_speaking():
    text = ('وجاء في بلاغ الوفد أن "الانتخابات جرت في ظروف جيدة وشفافة". '
            'وبالنسبة للنائب الأوروبي جيل بارنيو، رئيس مجموعة الصداقة، فإن جو الشفافية يؤكد تفرد '
            'النموذج المغربي "في منطقة يتم فيها التلاعب بالديمقراطية".\n'
            'وقال في تصريح للوكالة "بهذه الانتخابات لدينا اليقين بأن المغرب واجهة ديمقراطية".')
    assert [q.speaker.name for q in _quotes(text)][1:] == ["جيل بارنيو"] * 2  # the office is its role


def test_a_view_introduced_by_biray_names_its_holder():
    text = ('وبرأي الأمين العام للحزب،فإن حصيلة عمل الحكومة "جاءت إيجابية وإن كانت تعتريها بعض النواقص".')
    assert _quotes(text)[0].speaker.name == "الأمين العام للحزب"


def test_while_he_says_speaks_for_the_person_the_sentence_named():
    text = ('وقدم الوزير الفرنسي فرانسوا دو روجي استقالته. واستضاف دو روجي حفلات عشاء فاخرة.\n'
            'وظهر على دو روجي الغضب وهو يقول لتلفزيون محلي إنه لا يزال يحظى بدعم الرئيس.\n'
            'وأضاف "لا أحب الاستاكوزا ولا آكلها أبدا".')
    assert _quotes(text)[0].speaker.name == "دو روجي"


def test_a_verb_without_speaker_continues_the_person_the_narration_turned_to():
    text = ('وقالت وزارة الداخلية إن "نسبة المشاركة بلغت عشرة في المائة عند الظهر".\n'
            'وأدلى رئيس الحكومة عبد الإله بن كيران بصوته في مدرسة بحي الليمون في الرباط.\n'
            'وقال "أسير الحكومة منذ خمس سنوات والآن ننتظر النتائج".')
    assert "بن كيران" in _quotes(text)[-1].speaker.name


def test_a_verb_without_speaker_after_narration_about_no_one_continues_the_speaker():
    text = ('وقالت وزارة الداخلية إن "نسبة المشاركة بلغت عشرة في المائة عند الظهر".\n'
            'وافتتحت مكاتب التصويت في الثامنة صباحا في كل المدن.\n'
            'وأضافت "العملية تجري في ظروف عادية في كل الجهات".')
    assert _quotes(text)[-1].speaker.name == "وزارة الداخلية"


@pytest.mark.parametrize("text, name", [
    ('ودعا وزير الداخلية جميع المسؤولين وكافة الهيئات المنتخبة إلى "الانخراط في التعبئة الجماعية للعمل".',
     "وزير الداخلية"),
    ('وأكدت وزارة الشؤون الخارجية في بلاغ لها أن "الانتخابات جرت في ظروف شفافة ونزيهة".',
     "وزارة الشؤون الخارجية"),
    ('وأكد الميثاق على ضرورة "تقديم مرشحين قادرين على التجاوب مع المواطنين".', "الميثاق"),
])
def test_the_speaker_stops_before_the_object_or_the_document(text, name):
    assert _quotes(text)[0].speaker.name == name


def test_a_demonstrative_speaker_stops_at_its_relative_clause():
    text = ('وقال الحزب إنه يرفض الاتهامات. "فكيف تنكر على غيرها ما في بيتها من التهم"، على حد قول '
            'ذات المتحدث الذي اعتبر أن "قصص الحركيين مع العدالة سارت بها الركبان".')
    assert all("الذي" not in q.speaker.name for q in _quotes(text) if q.speaker)


def test_an_adverb_after_the_verb_is_no_speaker():
    text = ('وطالبت التنسيقية بإيجاد حل نهائي لملف الخنزير البري. التنسيقية دعت أيضا إلى الحد من ما '
            'وصفته ب"التجاوزات التي تتم خلال الترخيص لشركات الاستغلال المنجمي".')
    assert _quotes(text)[0].speaker.name == "التنسيقية"


def test_a_quoted_name_after_the_verb_is_the_speaker_not_their_words():
    text = ('وفي الندوة، اعتبرت "سعيدة شريف"، رئيسة تحرير مجلة "ذوات"، أن "إقرار المساواة في الإرث '
            'بين الرجل والمرأة ضرورة".')
    quotes = _quotes(text)
    assert [(q.quote, q.speaker.name) for q in quotes] == [
        ("إقرار المساواة في الإرث بين الرجل والمرأة ضرورة", "سعيدة شريف")]


def test_a_noun_with_a_pronoun_in_a_relative_clause_is_no_speaker_of_the_participle():
    text = ('وقال المغني فرانش مونتانا إن "الجمهور المغربي رائع جدا". وردا على سؤال عن الفنانة أحلام '
            'التي أعلنت تنازلها عن أجرها، قائلا "أحتفظ بأعمال الخير لنفسي ولا يهمني الضوء".')
    assert "فرانش مونتانا" in _quotes(text)[-1].speaker.name


def test_said_in_it_credits_whoever_opens_the_sentence_when_no_document_is_theirs():
    text = ('وشاركت المصممة المغربية سارة الزروالي في أسبوع الموضة بإسطنبول. ونشرت الزروالي عبر حسابها '
            'على إنستغرام صورة أرفقتها بتعليق قالت فيه "يشرفني أن أمثل بلدي وثقافتي في إسطنبول".')
    assert _quotes(text)[0].speaker.name == "الزروالي"


def test_a_participle_with_no_speech_verb_goes_with_the_subject_its_sentence_opens_with():
    text = ('وقال رئيس الحكومة عبد الإله بن كيران إن "الحصيلة الحكومية مشرفة جدا". وأنهى الحسين الوردي '
            'كلمته باللهجة الريفية قائلا: "سأختم كلمتي بجملة أو جملتين بالأمازيغية".')
    assert _quotes(text)[-1].speaker.name == "الحسين الوردي"


def test_a_long_quotation_without_speech_verb_is_the_words_of_the_sentence_subject():
    text = ('وقال الناشط سعيد بنجبلي إن "أي شخص لن يتجرأ على الإفطار إذا كان لديه شك". للعام الرابع، '
            'يستعد شفيق لممارسة ما يعتبره حقا طبيعيا، «أنا من الشباب الذين التزموا بالتدين لأقصى '
            'الحدود في مرحلة المراهقة». ويختار سفيان الإفطار بعيدا عن أسرته تحت شعار "الحرية الفردية".')
    quotes = _quotes(text)
    assert [q.speaker.name for q in quotes] == ["سعيد بنجبلي", "شفيق"]


@pytest.mark.parametrize("text, name", [
    ('وقال الفنان أمينوكس إن "الألبوم الجديد جاهز". ولأن الملك محمد السادس تولى علاج أمينوكس، أوضح '
     'الأخير قائلا "سيدنا هو الأول الذي يقف إلى جانب الفنانين".', "أمينوكس"),
    ('والتقى الوزير محمد البدري بالمخرج عزيز شلح. وقال هذا الأخير إن "الأغنية ستصور في المغرب".', "عزيز شلح"),
])
def test_the_latter_is_the_person_named_last(text, name):
    assert _quotes(text)[-1].speaker.name == name


@pytest.mark.parametrize("text, name", [
    ('نوه الوزير الحسين الوردي بحصيلة الحكومة، ودعا المواطنين والمواطنات إلى التصويت على "الأحزاب '
     'الوطنية الجادة والمعقولة من أجل مواصلة الإصلاح".', "الحسين الوردي"),
    ('أما الشيخ الكتاني فقد أورد تدوينة يشيد فيها بصديقه، كما نفى عنه تهمة الغلو قائلا "تحدث كثير من '
     'الناس عن صديقنا القديم".', "الكتاني"),
])
def test_a_verb_joined_to_an_earlier_one_keeps_its_subject(text, name):
    assert name in _quotes(text)[-1].speaker.name


def test_a_follower_is_a_speaker_not_a_participle():
    text = ('وكتب أحد المعجبين على مواقع التواصل الاجتماعي "أجمل لقطة في كأس العالم تحت الأمطار". وأشار '
            'متابع آخر إلى تصرف رئيسة كرواتيا وكتب "بدت رئيسة كرواتيا لطيفة رغم قلبها المنكسر بالهزيمة".')
    assert _quotes(text)[-1].speaker.name == "متابع آخر"


def test_a_colon_before_a_short_quotation_reaches_back_to_the_speech_verb():
    text = ('وقال الحسين الوردي إن "الحصيلة الحكومية مشرفة جدا". كما ذكر بأن حزب الكتاب دعم هذه الحكومة '
            'وسيظل يدعمها في السنوات المقبلة، وإذا كانت هناك انتقادات من المعارضة فمرحبا بها: "ويارب تكون معقولة".')
    quotes = _quotes(text)
    assert [(q.quote, q.speaker.name) for q in quotes][-1] == ("ويارب تكون معقولة", "الحسين الوردي")


def test_a_verb_then_its_subject_then_li_and_the_present_names_the_speaker():
    text = ('وقال رئيس المحكمة لحسن الطلفي إن "الملف جاهز للمداولة". وتراجع المحامي محمد زيان عن مزاعمه، '
            'حيث عاد زيان ليقول بعد كشف مزاعمه داخل القاعة "أنا لا أناقش الوقائع".')
    assert _quotes(text)[-1].speaker.name.endswith("زيان")


@pytest.mark.parametrize("text, name, role", [
    ('وقال مغني الراب الأمريكي من أصول مغربية فرانش مونتانا إن "الجمهور المغربي رائع جدا".',
     "فرانش مونتانا", "مغني الراب الأمريكي من أصول مغربية"),
    ('وقال النائب الأوروبي الفرنسي جيل بارنيو إن "الانتخابات جرت في ظروف شفافة".',
     "جيل بارنيو", "النائب الأوروبي الفرنسي"),
])
def test_a_name_no_table_knows_after_an_office(text, name, role):
    speaker = _quotes(text)[0].speaker
    assert (speaker.name, speaker.role) == (name, role)


def test_expressing_something_is_reported_speech_and_names_who_goes_on_speaking():
    text = ('أعرب مغني الراب الأمريكي من أصول مغربية فرانش مونتانا عن سعادته بالغناء في مهرجان موازين. '
            'وردا على سؤال عن أجره، قائلا "أحتفظ بأعمال الخير لنفسي ولا يهمني تسليط الضوء عليها".')
    statements = [s for s in extract(text, language="ar") if s.kind != "assertion"]
    assert [(s.kind, s.speaker.name) for s in statements] == [
        ("indirect", "فرانش مونتانا"), ("quote", "فرانش مونتانا")]


@pytest.mark.parametrize("text, name", [
    ('وقال المحامي الحسن العلاوي إن "الملف واضح". وخاطبته هيئة المحكمة، التي خاطبه رئيسها لحسن الطلفي '
     'بالقول: "ها هو واحد منكم يؤكد ما قالته النيابة".', "لحسن الطلفي"),
    ('وقال النائب عبد الله بوانو إن "الحكومة فشلت". وأجاب وزير الداخلية عبد الوافي لفتيت بأن "الحكومة '
     'لن تتراجع عن الإصلاح".', "عبد الوافي لفتيت"),
    ('وقال النائب عبد الله بوانو إن "الحكومة فشلت". واستنكر رئيس الجمعية محمد الزهاري "الاعتداء '
     'الخطير على المحتجين السلميين في الرباط".', "محمد الزهاري"),
])
def test_answering_denouncing_and_addressing_are_speech(text, name):
    assert _quotes(text)[-1].speaker.name == name


def test_a_short_quotation_deep_in_reported_speech_is_the_reporters_speakers():
    text = ('وقال الأمين العام للحزب صلاح الدين مزوار إن "المغرب يحتاج إلى حكومة قوية". وأضاف في هذا السياق، '
            'أنه من المهم بالنسبة للحزب أن يدخل المغرب بعد هذه المرحلة التي امتدت لخمس سنوات كاملة، '
            'محطة جديدة "مسلحا بالمقومات الكفيلة بمواجهة التحديات".')
    quotes = _quotes(text)
    assert [(q.quote, q.speaker.name) for q in quotes][-1] == (
        "مسلحا بالمقومات الكفيلة بمواجهة التحديات", "صلاح الدين مزوار")


@pytest.mark.parametrize("text, name", [
    ('وصرح المتحدث باسم وزارة الخارجية أحمد أبو زيد لـ"الشرق الأوسط" بأن "مصر ترفض أي تدخل في شؤونها".',
     "أحمد أبو زيد"),
    ('ونقلت وكالة الأنباء الرسمية عن مصدر مسؤول قوله إن "الحكومة ستعلن القرار قريبا".', "مصدر مسؤول"),
])
def test_the_speaker_not_whom_or_through_whom_they_spoke(text, name):
    assert _quotes(text)[-1].speaker.name == name


def test_ala_before_anna_is_no_part_of_the_name():
    text = 'وشدد رئيس الوزراء الأردني هاني الملقي على أن "الأردن لن يتخلى عن دوره في المنطقة".'
    assert _quotes(text)[0].speaker.name == "هاني الملقي"


def test_this_is_what_x_stated_after_the_quotation():
    text = ('وقال رئيس البرلمان سليم الجبوري إن "الجلسة ستعقد غدا". "لن نقبل بأي حلول منقوصة أبدا"، '
            'هذا ما أكده رئيس الوزراء العراقي حيدر العبادي.')
    assert _quotes(text)[-1].speaker.name == "حيدر العبادي"


def test_an_office_with_a_long_name_before_the_verb_is_its_subject():
    text = ('وقال رئيس البرلمان سليم الجبوري إن "الجلسة ستعقد غدا". أما وزير الخارجية القطري محمد بن عبد '
            'الرحمن آل ثاني فقال إن "الحصار فشل في تحقيق أهدافه".')
    assert _quotes(text)[-1].speaker.role == "وزير الخارجية القطري"


def test_an_office_opening_the_sentence_speaks_through_its_participle():
    text = ('وقال رئيس الجالية محمد الأمين إن "الحفل ناجح". واختتم السفير كلمته قائلا: "نحن هنا لخدمة '
            'الجالية المغربية في كل الظروف".')
    assert _quotes(text)[-1].speaker.name == "السفير"


@pytest.mark.parametrize("text, name", [
    ('وقالت مصادر مطلعة لـ"الجزيرة" إن "المفاوضات وصلت إلى طريق مسدود".', "مصادر مطلعة"),
    ('وقالت الناشطة الحقوقية خديجة الرياضي، في حديث لـ"هسبريس"، إن "الدولة تضيق على الحريات".',
     "خديجة الرياضي"),
])
def test_the_outlet_after_li_is_named_not_quoted(text, name):
    quotes = _quotes(text)
    assert [q.speaker.name for q in quotes] == [name]


@pytest.mark.parametrize("text, name", [
    ('وقال بيان للحزب إن "الحكومة فشلت في إدارة الأزمة الاقتصادية".', "الحزب"),
    ('وكشف تقرير للبنك الدولي أن "معدل الفقر ارتفع بشكل ملحوظ هذا العام".', "البنك الدولي"),
    ('وأفاد بلاغ للجنة الجهوية لحقوق الإنسان أن "الحملة ستشمل كل المؤسسات التعليمية".',
     "اللجنة الجهوية لحقوق الإنسان"),
])
def test_a_document_of_a_body_speaks_for_the_body(text, name):
    assert _quotes(text)[0].speaker.name == name


@pytest.mark.parametrize("text, name", [
    ('وقال الناطق الرسمي باسم الحكومة مصطفى الخلفي إن "الحكومة منسجمة". "لا توجد أي خلافات بين مكونات '
     'الأغلبية الحكومية"، يضيف المتحدث.', "مصطفى الخلفي"),
    ('وقالت الباحثة سعاد العمراني إن "الظاهرة مقلقة". واستطردت المتحدثة قائلة: "يجب على الدولة التدخل '
     'بسرعة".', "سعاد العمراني"),
    ('"المغرب بلد آمن ومستقر رغم كل التحديات"، يؤكد وزير الداخلية عبد الوافي لفتيت.', "عبد الوافي لفتيت"),
])
def test_the_speaker_named_after_the_quotation_or_as_the_speaker(text, name):
    assert _quotes(text)[-1].speaker.name.endswith(name)


@pytest.mark.parametrize("text, name", [
    ('وحذرت منظمة الصحة العالمية من أن "الوباء قد يستمر لسنوات عديدة".', "منظمة الصحة العالمية"),
    ('وقال مصدر مقرب من الرئاسة فضل عدم ذكر اسمه إن "الرئيس سيلقي خطابا مهما".', "مصدر مقرب من الرئاسة"),
    ('وقال الأمين العام لحزب الله حسن نصر الله في خطاب متلفز إن "المقاومة جاهزة".', "حسن نصر الله"),
])
def test_warning_of_not_naming_and_a_party_named_after_god(text, name):
    assert _quotes(text)[0].speaker.name == name


def test_more_given_names_split_the_name_from_the_office():
    text = 'وقال وزير الخارجية المصري سامح شكري للصحفيين إن "مصر تدعم الحل السياسي في ليبيا".'
    speaker = _quotes(text)[0].speaker
    assert (speaker.name, speaker.role) == ("سامح شكري", "وزير الخارجية المصري")


@pytest.mark.parametrize("text, name", [
    ('وقال أمس وزير الخارجية الأردني أيمن الصفدي إن "الأردن يرفض أي تغيير في القدس".', "أيمن الصفدي"),
    ('وقال اليوم الأحد رئيس الوزراء العراقي حيدر العبادي إن "المعركة انتهت".', "حيدر العبادي"),
    ('وقال، في مؤتمر صحفي، وزير الداخلية محمد حصاد إن "الانتخابات مرت في ظروف جيدة".', "محمد حصاد"),
    ('وأكد، في تصريح لـ"هسبريس"، البرلماني عمر بلافريج أن "الميزانية لا تستجيب لحاجيات المواطنين".',
     "عمر بلافريج"),
])
def test_a_time_or_a_phrase_between_the_verb_and_its_speaker(text, name):
    assert _quotes(text)[-1].speaker.name == name


def test_wrote_after_the_quotation_credits_the_writer():
    text = ('وقال رئيس البرلمان سليم الجبوري إن "الجلسة ستعقد غدا". "هذه جريمة نكراء لن تمر دون عقاب"، كتب '
            'رئيس الوزراء على حسابه في تويتر.')
    assert _quotes(text)[-1].speaker.name == "رئيس الوزراء"


def test_a_name_ends_before_a_function_word_or_an_office_after_bi():
    text = ('نوه الوزير الحسين الوردي برئيس الحكومة الأمين العام لحزب العدالة والتنمية، ودعا المواطنين إلى '
            'التصويت على "الأحزاب الوطنية الجادة والمعقولة من أجل مواصلة الإصلاح".')
    assert _quotes(text)[0].speaker.name == "الحسين الوردي"


def test_an_adverbial_before_the_verb_is_no_speaker():
    text = ('ونفى زهير عطوف، مدير المركز المغاربي للدراسات، ما نشرته الجريدة عنه. وقال عطوف إن "المركز لا '
            'علاقة له بأي تنظيم"، وبنفس الطريقة كتب "المركز مستقل تماما عن كل الأحزاب السياسية".')
    assert all(q.speaker.name != "الطريقة" for q in _quotes(text))


@pytest.mark.parametrize("text, name", [
    ('وقال رئيس البرلمان سليم الجبوري إن "الجلسة ستعقد غدا". وتابع المتحدث، الذي كان يتحدث في ندوة '
     'صحفية، أن "الحكومة ستفي بالتزاماتها".', "سليم الجبوري"),
    ('وقال مصدر أمني إن "التحقيق مستمر". ووفق المصدر ذاته، فإن "المتهمين سيحالون على القضاء قريبا".',
     "مصدر أمني"),
    ('وأشاد الرئيس بـ"الدور الكبير الذي تلعبه القوات المسلحة".', "الرئيس"),
])
def test_the_same_speaker_and_the_preposition_after_one(text, name):
    assert _quotes(text)[-1].speaker.name == name


def test_a_letter_that_says_credits_its_sender():
    text = ('وقال رئيس البرلمان سليم الجبوري إن "الجلسة ستعقد غدا". ووجه الملك محمد السادس رسالة إلى '
            'المشاركين جاء فيها: "إن قضية المناخ تحتاج إلى تعاون دولي".')
    assert _quotes(text)[-1].speaker.name == "محمد السادس"


def test_ali_before_inna_is_the_name_not_the_preposition():
    quotes = _quotes('وقال الوزير محمد علي إن "الوضع في المدينة مستقر تماما".')
    assert quotes[0].speaker.name == "محمد علي"


@pytest.mark.parametrize("text, name", [
    ('ونقلت قناة الجزيرة عن شهود عيان أن "القصف استهدف منازل المدنيين في المدينة".', "شهود عيان"),
    ('وأوردت صحيفة الصباح، نقلا عن مصادر قضائية، أن "المتهم سيمثل أمام المحكمة غدا".', "مصادر قضائية"),
])
def test_a_medium_relaying_a_source_credits_the_source(text, name):
    assert _quotes(text)[0].speaker.name == name


@pytest.mark.parametrize("text, names", [
    # a feminine verb after a man's quotation goes back to the woman who spoke before him
    ('قالت الوزيرة نادية فتاح إن "الميزانية ستعرف تحسنا ملموسا هذا العام". ورد النائب أحمد التويزي '
     'بأن "الأرقام لا تعكس الواقع الذي يعيشه المواطنون". وأضافت أن "الحكومة ستواصل دعم الأسر الفقيرة".',
     ["نادية فتاح", "أحمد التويزي", "نادية فتاح"]),
    # a masculine one after a woman's, to the man
    ('وقال وزير الصحة خالد آيت الطالب إن "الوضع الوبائي تحت السيطرة". وقالت النائبة سميرة الشاوي إن '
     '"الحكومة تأخرت كثيرا في اتخاذ القرارات". وأضاف أن "اللقاح سيصل إلى جميع المدن قبل نهاية الشهر".',
     ["خالد آيت الطالب", "سميرة الشاوي", "خالد آيت الطالب"]),
    # a participle too, and a woman only named (بالسيدة) counts
    ('وقالت الناشطة الحقوقية خديجة الرياضي إن "الاعتقالات طالت عشرات الشباب في المدينة". وقال المحامي '
     'محمد الساسي إن "الملف فارغ من أي دليل"، مضيفة أن "المحاكمة سياسية بامتياز".',
     ["خديجة الرياضي", "محمد الساسي", "خديجة الرياضي"]),
    ('وقال المتحدث باسم الشرطة إن "الوضع تحت السيطرة تماما" خلال لقائه بالسيدة ليلى بنعلي. '
     'وأضافت أن "الأمن مسؤولية الجميع في هذه المدينة".', ["المتحدث باسم الشرطة", "ليلى بنعلي"]),
    # a body takes a feminine verb without being a woman; with no man named, the body goes on
    ('وقالت وزارة الداخلية في بيان إن "الأمن مستتب في جميع المدن". '
     'وأضافت أن "التحقيق ما زال جاريا في ملابسات الحادث".', ["وزارة الداخلية"] * 2),
    ('وقالت وزارة الداخلية في بيان إن "الأمن مستتب في جميع المدن". '
     'وأضاف أن "التحقيق ما زال جاريا في ملابسات الحادث".', ["وزارة الداخلية"] * 2),
])
def test_a_continuation_goes_to_the_last_speaker_of_its_gender(text, names):
    assert [q.speaker.name for q in _quotes(text)] == names


def test_the_gender_a_name_shows():
    from verify.extract.arabic import ArabicRules
    from verify.model import SpeakerRef
    rules = ArabicRules()
    assert rules.gender(SpeakerRef(name="فاطمة الزهراء المنصوري")) == "f"
    assert rules.gender(SpeakerRef(name="بنعلي", role="الوزيرة")) == "f"
    assert rules.gender(SpeakerRef(name="أحمد التويزي", role="النائب")) == "m"
    assert rules.gender(SpeakerRef(name="وزارة الداخلية", kind="organisation")) is None


@pytest.mark.parametrize("text, names", [
    # a preposition with a pronoun is the object: the sentence's subject speaks
    ('وتحدث الوزير عن الحادث، وقال عنه إن "الأمر يتعلق بعمل إجرامي معزول".', ["الوزير"]),
    # a word of quantity opens a group, and is no speaker alone
    ('وقال رئيس الجمعية محمد بنعيسى إن "المهرجان ناجح". وأكد عدد من المشاركين أن "التنظيم كان في '
     'المستوى المطلوب".', ["محمد بنعيسى", "عدد من المشاركين"]),
    # a lone definite noun after the verb is its object when a person opened the sentence
    ('وحيت الفنانة لطيفة رأفت جمهورها وأهدت الأغاني لضحايا الزلزال، وقالت الأغاني "هي رسالة حب لكل '
     'المغاربة".', ["لطيفة رأفت"]),
    # على written with ى is the preposition, not the name Ali: المتحدث is whoever just spoke
    ('وقالت الوزيرة إن "الأمر يتعلق بعمل إجرامي معزول تماما". وشدد المتحدث على أن "التحقيق سيكشف '
     'كل الملابسات".', ["الوزيرة", "الوزيرة"]),
])
def test_words_that_cannot_be_a_speaker_give_way(text, names):
    assert [q.speaker.name for q in _quotes(text)] == names


def test_an_adverbial_after_the_verb_is_no_speaker():
    text = ('وذكرت صحيفة الصباح أن "اللقاء كان سريا للغاية". '
            'وقالت استنادا إلى مصادر مطلعة إن "اللقاء عقد في إسطنبول قبل أسبوعين".')
    assert [q.speaker.name for q in _quotes(text)] == ["صحيفة الصباح"] * 2


def test_a_colon_after_whom_the_words_were_said_to():
    text = ('وقال وزير الداخلية عبد الوافي لفتيت إن "الحدود آمنة". '
            'ثم قال للصحفيين: "الملف بيد القضاء ولن أعلق عليه الآن".')
    assert [q.speaker.name for q in _quotes(text)] == ["عبد الوافي لفتيت"] * 2


@pytest.mark.parametrize("second", [
    '\n"الأمطار الأخيرة أنقذت الموسم وأعادت الأمل للفلاحين في كل المناطق".',  # a paragraph of its own
    ' "الأمطار الأخيرة أنقذت الموسم".',  # a sentence of its own
    ' وتابع حديثه عن الجفاف. "الأمطار الأخيرة أنقذت الموسم وأعادت الأمل".',  # past a sentence without one
    '\n- "الأمطار الأخيرة أنقذت الموسم وأعادت الأمل للفلاحين".',
])
def test_a_quotation_opening_its_sentence_continues_the_last_speaker(second):
    text = 'وقال وزير الفلاحة عزيز أخنوش إن "الموسم الفلاحي سيكون جيدا هذا العام".' + second
    assert [q.speaker.name for q in _quotes(text)] == ["عزيز أخنوش"] * 2


@pytest.mark.parametrize("text, name", [
    ('وقال الوزير محمد أمكراز إن "الحوار مستمر". وزاد المتحدث ذاته أن "النقابات مدعوة للحوار دون شروط".',
     "محمد أمكراز"),  # زاد: "added", as Moroccan news write it
    ('وأكمل الوزير محمد أمكراز: "لن نتراجع عن الإصلاحات مهما كانت الضغوط".', "محمد أمكراز"),
    # a speech noun with a possessive (حديثه) ends the name before a participle
    ('وواصل الوزير محمد أمكراز حديثه قائلا: "لن نتراجع عن الإصلاحات مهما كانت الضغوط".', "محمد أمكراز"),
])
def test_more_verbs_of_continuing(text, name):
    assert _quotes(text)[-1].speaker.name == name


def test_after_that_is_no_reported_speech():
    statements = extract("وزاد عدد الضحايا إلى عشرين بعد أن انهار المبنى.", language="ar")
    assert [s.kind for s in statements] == ["assertion"]


@pytest.mark.parametrize("text, name", [
    ('وقال بيان صادر عن الديوان الملكي إن "الملك أعطى تعليماته للتكفل بالضحايا".', "الديوان الملكي"),
    # a description no table knows (الفاعلة الجمعوية), then a given name
    ('واعتبرت الفاعلة الجمعوية سعاد الطاوسي أن "الجمعيات تقوم بدور الدولة في المناطق النائية".',
     "سعاد الطاوسي"),
    # a caption's "Name: "..."" with a name the report gave before
    ('وقال وزير العدل مصطفى الرميد إن "الإصلاح مستمر".\nالرميد: "القضاء مستقل ولا أحد يتدخل في عمله".',
     "الرميد"),
])
def test_who_a_document_a_description_or_a_caption_names(text, name):
    assert _quotes(text)[-1].speaker.name == name


def test_a_colon_after_a_word_that_names_nobody():
    assert _quotes('عاجل: "انفجار قوي يهز وسط المدينة صباح اليوم".') == []


@pytest.mark.parametrize("text, name", [
    ('وقال والد الضحية إن "ابنه كان بريئا ولم يؤذ أحدا".', "والد الضحية"),
    ('وقالت والدة الضحية، فاطمة، إن "ابنها كان بريئا ولم يؤذ أحدا في حياته".', "فاطمة"),
])
def test_kin_speak_as_such(text, name):
    assert _quotes(text)[0].speaker.name == name


@pytest.mark.parametrize("text, names", [
    # after a verb of going on, a description with no name is the one speaking
    ('وقال الوزير إن "الحكومة ستدعم الأسر". وتقول سعاد، وهي أم لثلاثة أطفال، إن "الدعم لم يصل بعد". '
     'وأضافت الشابة الثلاثينية أن "الأسعار ارتفعت بشكل لا يطاق".', ["الوزير", "سعاد", "سعاد"]),
    # قال introduces someone new
    ('وقال الوزير إن "الحكومة ستدعم الأسر". وقال الشاب المغربي إن "الدعم لم يصل بعد".',
     ["الوزير", "الشاب المغربي"]),
])
def test_a_description_after_a_verb_of_going_on(text, names):
    assert [q.speaker.name for q in _quotes(text)] == names


def test_a_long_adverbial_before_the_sentence_subject():
    text = ('قال الطالب شفيق إن "الإفطار قرار شخصي". رغم اقتناعه بأنه على حق، يختار أسامة الإفطار بعيدا عن '
            'أعين أسرته، «متأملا في مدى الجرم الذي أقوم به ساخرا من عبثية هذا الوجود».')
    assert [q.speaker.name for q in _quotes(text)] == ["شفيق", "أسامة"]


def test_a_masculine_participle_does_not_continue_a_feminine_body():
    text = ('وقال رئيس البعثة، إيان غرانجي، إن "الانتخابات مرت في ظروف جيدة". وأشار إلى أن اللقاء مع وزارة '
            'الداخلية كان صريحا، حيث عبرت الوزارة عن انفتاح كبير، مشيدا بكون المسؤولين "ينصتون ويهتمون '
            'بالأفكار التي تساهم في تحسين العملية الانتخابية".')
    assert [q.speaker.name for q in _quotes(text)] == ["إيان غرانجي"] * 2


def test_after_kana_the_subject_comes_first():
    text = ('وقال مصدر مطلع إن "الوزير لم يرد على الطلب". وانطلاقا من الوثائق ذاتها، كان عز الدين شلح قد '
            'تقدم بطلب إلى الوزارة، ومن جملة ما قاله في طلبه "وانطلاقا من حبنا وتقديرنا لدور الملك نطلب '
            'دعم إنتاج الأغنية".')
    assert _quotes(text)[-1].speaker.name == "عز الدين شلح"


def test_before_saying_goes_on_with_the_clause_before():
    text = ('وحسب مصدرنا، توجه محمد البدري إلى الوزير الخلفي، وفاتحه في الموضوع، ليتحمس الوزير، قبل أن يقول '
            'للبدري "اطمئن، لن يكون إلا الخير إن شاء الله".')
    assert _quotes(text)[-1].speaker.name == "الوزير"


def test_a_quoted_medium_relaying_a_source_is_no_quotation():
    quotes = _quotes('ونقلت "هسبريس" عن الوزير قوله: "لن نتساهل مع المخالفين".')
    assert [(q.quote, q.speaker.name) for q in quotes] == [("لن نتساهل مع المخالفين", "الوزير")]


@pytest.mark.parametrize("text, name, role", [
    ('الوزيرة جميلة المصلي قالت إن "الحكومة ستواصل دعم الجمعيات النسائية".', "جميلة المصلي", "الوزيرة"),
    ('وقال الرئيس ماكرون إن "فرنسا تدعم المغرب في كل المحافل".', "ماكرون", "الرئيس"),
    ('وقال الوزير المنتدب إن "الميزانية كافية لكل القطاعات".', "الوزير المنتدب", "الوزير المنتدب"),
])
def test_a_name_no_table_knows_after_a_definite_office(text, name, role):
    speaker = _quotes(text)[0].speaker
    assert (speaker.name, speaker.role) == (name, role)


def test_an_opinion_after_has_is_no_speech_verb():
    text = 'وقال الوزير إن "الوضع تحت السيطرة". غير أن فاطمة لها رأي آخر: "لم نتوصل بأي دعم منذ شهور".'
    assert all(q.speaker is None or q.speaker.name != "آخر" for q in _quotes(text))


def test_a_feminine_participle_after_her_husband_spoke():
    text = ('وقالت رئيسة الجمعية، السيدة نعيمة بنيحيى، إن "النساء يعانين في صمت". وأشار زوجها إلى أن '
            '"الجمعية تحتاج إلى دعم". واستطردت قائلة: "لن نستسلم أبدا مهما حدث".')
    assert [q.speaker.name for q in _quotes(text)] == ["نعيمة بنيحيى", "زوجها", "نعيمة بنيحيى"]


@pytest.mark.parametrize("text, names", [
    # the office alone means the person the report named with it, not whoever spoke last
    ('وقال وزير الصحة خالد آيت الطالب إن "الحذر واجب". وقال النائب أحمد التويزي إن "الحكومة فشلت". '
     'وأضاف الوزير أن "اللقاحات متوفرة للجميع".', ["خالد آيت الطالب", "أحمد التويزي", "خالد آيت الطالب"]),
    # another office of the same word is someone else
    ('وقال وزير الخارجية ناصر بوريطة إن "المغرب ملتزم بالسلام". وقال وزير الداخلية إن "الحدود آمنة".',
     ["ناصر بوريطة", "وزير الداخلية"]),
])
def test_an_office_alone_means_who_holds_it(text, names):
    assert [q.speaker.name for q in _quotes(text)] == names


def test_an_office_after_a_verb_of_going_on_is_who_spoke():
    text = ('أكدت الفنانة المغربية سميرة سعيد أن "الأغنية المغربية تعيش عصرها الذهبي". وأضافت النجمة '
            'المغربية، في حوار مع مجلة "سيدتي"، أنها "تستعد لإطلاق ألبوم جديد قريبا".')
    assert [q.speaker.name for q in _quotes(text)] == ["سميرة سعيد"] * 2


@pytest.mark.parametrize("text, names", [
    ('"الدعم لم يصل إلى الدوار منذ شهور طويلة"، بحسب تعبير فاطمة.', ["فاطمة"]),
    ('وقالت سعاد إن "الوضع صعب". وتضيف المتحدثة، في تصريحها للجريدة، "لم نتوصل بأي شيء".', ["سعاد"] * 2),
    ('وقالت الوزيرة إن "الوضع صعب". وفي ردها على سؤال للجريدة، قالت إن "الحكومة ستتدخل".', ["الوزيرة"] * 2),
])
def test_speech_nouns_the_speaker_and_on_are_no_speakers(text, names):
    assert [q.speaker.name for q in _quotes(text)] == names


@pytest.mark.parametrize("text, name", [
    ('وقال لـ"هسبريس" المحامي محمد النويني إن "الملف فارغ من أي دليل".', "محمد النويني"),
    ('وفي المقابل، عبر عدد من السكان عن غضبهم، معتبرين أن "السلطات تخلت عنهم".', "عدد من السكان"),
])
def test_to_whom_before_the_speaker_and_about_what_after_a_group(text, name):
    assert _quotes(text)[0].speaker.name == name


def test_a_paper_relaying_its_own_sources():
    quote = _quotes('وأوردت الصحيفة نقلا عن مصادرها أن "الملك سيزور المدينة الأسبوع المقبل".')[0]
    assert (quote.speaker.name, quote.anonymous) == ("مصادرها", True)


def test_a_feminine_description_after_a_man_spoke_is_the_woman():
    text = ('تقول فاطمة الزهراء، وهي طالبة جامعية، إن "السكن الجامعي غير كاف". ويرى زميلها يوسف أن "المنح '
            'هزيلة جدا". "نحن نعاني في صمت ولا أحد يسمعنا"، تضيف الطالبة.')
    assert [q.speaker.name for q in _quotes(text)] == ["فاطمة الزهراء", "زميلها يوسف", "فاطمة الزهراء"]


@pytest.mark.parametrize("text, names", [
    ('وغرد الرئيس الأمريكي دونالد ترامب على تويتر: "لن نسمح لإيران بامتلاك السلاح النووي".', ["دونالد ترامب"]),
    ('ودونت الناشطة الحقوقية خديجة الرياضي على صفحتها: "الحرية لمعتقلي الرأي".', ["خديجة الرياضي"]),
    ('وقال الوزير محمد أوجار إن "الإصلاح مستمر". وفي تدوينة له على فيسبوك: "لن أتراجع عن قناعاتي".',
     ["محمد أوجار"] * 2),
])
def test_posts_and_tweets(text, names):
    assert [q.speaker.name for q in _quotes(text)] == names


@pytest.mark.parametrize("text, names", [
    ('"لم نتوصل بأي دعم منذ الزلزال"، تحكي خديجة وهي تبكي.', ["خديجة"]),
    ('ويحكي الحسين بمرارة: "فقدنا كل شيء في الزلزال".', ["الحسين"]),
    # the outlet the words were said to is no quotation of the speaker's
    ('"لم نتوصل بأي دعم منذ الزلزال"، يقول أحد سكان الدوار لـ"الأحداث المغربية".', ["أحد سكان الدوار"]),
])
def test_people_telling_their_story(text, names):
    assert [q.speaker.name for q in _quotes(text)] == names


def test_gender_in_reported_speech_without_quotation_marks():
    text = ('وقالت الوزيرة نادية فتاح إن الحكومة ستدعم الأسر الفقيرة. وقال النائب أحمد التويزي إن الدعم لم '
            'يصل إلى مستحقيه. وأضافت أن البرنامج سيعمم على كل الجهات.')
    statements = extract(text, language="ar")
    assert [s.speaker.name for s in statements if s.kind == "indirect"] == [
        "نادية فتاح", "أحمد التويزي", "نادية فتاح"]


@pytest.mark.parametrize("manner", ["ساخرا", "ضاحكا", "متهكما", "مبتسما"])
def test_how_someone_spoke_is_not_who(manner):
    text = f'وقال الوزير إن "الأمن مستتب". وأجاب {manner}: "لا تعليق على هذا السؤال".'
    assert [q.speaker.name for q in _quotes(text)] == ["الوزير"] * 2


@pytest.mark.parametrize("text, name", [
    ('وهو ما أكده رئيس الجمعية محمد الغلوسي بقوله: "الفساد ينخر المؤسسات".', "محمد الغلوسي"),
    ('وهو ما أكدته الناشطة خديجة الرياضي، مضيفة أن "القمع مستمر في كل المدن".', "خديجة الرياضي"),
    ('ولم تخف الوزيرة نزهة الوافي قلقها من الوضع، مؤكدة أن "الجالية تعاني كثيرا".', "نزهة الوافي"),
])
def test_which_is_what_and_negated_verbs_open_a_sentence_with_its_subject(text, name):
    assert _quotes(text)[-1].speaker.name == name


@pytest.mark.parametrize("text, name", [
    ('ولم يفت الوزير محمد أوجار التأكيد على أن "الإصلاح مستمر رغم كل العراقيل".', "محمد أوجار"),
    ('وأكدت في هذا الصدد الفاعلة الحقوقية أمينة بوعياش أن "المغرب حقق تقدما".', "أمينة بوعياش"),
])
def test_stock_phrases_around_the_speaker(text, name):
    assert _quotes(text)[0].speaker.name == name


def test_a_speech_verb_in_a_relative_clause_speaks_for_its_antecedent():
    text = ('التقت الجريدة بالسيدة حليمة التي قالت إن "زوجها غادر البيت منذ سنتين". '
            'وأضافت أن "السلطات لم تقدم لها أي مساعدة".')
    assert [q.speaker.name for q in _quotes(text)] == ["حليمة"] * 2


@pytest.mark.parametrize("text, name", [
    ("«هذه الحكومة لا تسمع صوت الشارع أبدا»، يكتب أحد المعلقين على الموقع.", "أحد المعلقين"),
    ("«نطالب بفتح تحقيق نزيه في الحادث»، صرح رئيس الجمعية.", "رئيس الجمعية"),
    ("«نحن لسنا ضد المشروع لكننا نريد ضمانات»، يوضح رشيد.", "رشيد"),
    ("«السوق فارغة منذ أسابيع والتجار يشتكون»، تلاحظ خديجة.", "خديجة"),
    ("«الطريق مقطوعة منذ بداية الشتاء» يشرح سائق الحافلة.", "سائق الحافلة"),
    ("«سنواصل الاحتجاج حتى تتحقق مطالبنا»، أعلنت النقابة.", "النقابة"),
])
def test_any_speech_verb_after_the_quotation_credits_its_subject(text, name):
    """Feature writing puts the verb after the words, in either tense and gender."""
    quotes = _quotes(text)
    assert quotes and quotes[0].speaker and quotes[0].speaker.name.startswith(name)


def test_a_verb_after_the_quotation_without_subject_continues_the_speaker():
    text = 'وقال رشيد إن "الوضع صعب جدا". «لا أحد يستمع إلينا هنا أبدا»، يقول ساخرا.'
    assert [q.speaker.name for q in _quotes(text)] == ["رشيد", "رشيد"]


@pytest.mark.parametrize("text, name", [
    ('وقال رشيد إن "الوضع صعب جدا". "لن نسكت بعد اليوم على هذا الظلم". هكذا ردت سعاد على جارها.', "سعاد"),
    ('"الإصلاح مسؤولية الجميع دون استثناء أحد". بهذه الكلمات علق الوزير على الانتقادات.', "الوزير"),
    ("«نحن نعيش في الظلام منذ أسبوعين كاملين». بهذه العبارات الحادة لخص أحد السكان معاناة الدوار.",
     "أحد السكان"),
    ('"الحكومة ستفي بكل التزاماتها تجاه المتضررين". هكذا يلخص رئيس الحكومة موقفه.', "رئيس الحكومة"),
    ('"لن نسكت بعد اليوم على هذا الظلم". وهكذا علقت الناشطة الحقوقية خديجة الرياضي على القرار.',
     "خديجة الرياضي"),
])
def test_the_next_sentence_pointing_back_attributes_the_quotation(text, name):
    """'هكذا تحدثت فاطمة' opens a sentence of its own, yet names who said the words before."""
    assert _quotes(text)[-1].speaker.name == name


@pytest.mark.parametrize("text, name", [
    ('وتحدث رئيس الجمعية محمد العلوي عن معاناة السكان مع العزلة.\n'
     '"لقد راسلنا السلطات مرات عديدة دون أن نتلقى أي جواب"، قبل أن يضيف "لن نسكت أبدا".', "محمد العلوي"),
    ("واستقبلت رئيسة الجماعة فاطمة الزهراء المنصوري الوفد في مقر البلدية. "
     "«سنعمل على توفير كل الإمكانيات اللازمة لإنجاح هذا المشروع».", "فاطمة الزهراء المنصوري"),
    ("وزار محمد حصاد الدوار صباح اليوم. «سنحل مشكلة الطريق قبل نهاية الشهر الجاري».", "محمد حصاد"),
])
def test_a_quotation_after_narration_about_someone_is_theirs(text, name):
    """The sentence before names who the words are from even without a speech verb; the
    verb's object after the name (الوفد، الدوار) is no part of it."""
    assert {q.speaker.name for q in _quotes(text)} == {name}


@pytest.mark.parametrize("text, name", [
    ('وأفادت وكالة الأنباء الرسمية أن الوزير قال "إن الحكومة لن تتراجع عن قرارها مهما كانت الضغوط".', "الوزير"),
    ('وذكرت صحيفة الصباح أن رئيس الحكومة أكد أن "الإصلاحات ستستمر رغم كل الصعوبات".', "رئيس الحكومة"),
    ('وأوردت وكالة رويترز أن الرئيس الفرنسي إيمانويل ماكرون قال إن "فرنسا ستقف إلى جانب حلفائها".',
     "إيمانويل ماكرون"),
    ('وصرح رئيس الجمعية لجريدة الأحداث المغربية بأن "السكان يعانون في صمت منذ سنوات".', "رئيس الجمعية"),
    ('وأفادت وكالة الأنباء الرسمية أن "الحكومة لن تتراجع عن قرارها مهما كانت الضغوط".',
     "وكالة الأنباء الرسمية"),
])
def test_a_source_relaying_someone_credits_whom_it_relays(text, name):
    """The agency or paper only passes the words on; it speaks only when it names nobody."""
    assert _quotes(text)[0].speaker.name == name


@pytest.mark.parametrize("text, names", [
    ('وقالت كنزة إن "الحي يعاني من الإهمال منذ سنوات". ويقول رشيد إن "الحل بيد الدولة وحدها". '
     '«لا أحد يستمع إلينا هنا أبدا»، تضيف.', ["كنزة", "رشيد", "كنزة"]),
    ('وقالت الوزارة إن "الوضع تحت السيطرة". وقال رشيد إن "الحل بيد الدولة". وأضافت أن "التحقيق مستمر".',
     ["الوزارة", "رشيد", "الوزارة"]),
    ('وقالت الدكتورة نيلز سكاجا إن "الدراسة شملت آلاف الحوامل". وأضافت أن "النتائج مقلقة فعلا".',
     ["نيلز سكاجا", "نيلز سكاجا"]),
])
def test_a_continuation_goes_to_whom_its_verb_showed_of_that_gender(text, names):
    """قالت كنزة shows Kenza is a woman though no table knows her name, so تضيف after a man
    goes back to her; الدكتورة is a woman's title."""
    assert [q.speaker.name for q in _quotes(text)] == names


@pytest.mark.parametrize("text, names", [
    ('وقالت سعاد إن "الوضع لا يطاق في الحي". وقال زوجها إن "الحل بيد الدولة وحدها". '
     '«لا أحد يستمع إلينا هنا أبدا»، تتابع المتحدثة.', ["سعاد", "زوجها", "سعاد"]),
    ('وقالت سعاد إن "الوضع لا يطاق في الحي". «لا أحد يستمع إلينا هنا أبدا»، تقول بحسرة.', ["سعاد", "سعاد"]),
    ("«نحن نعيش في الظلام منذ أسبوعين كاملين»، تقول الحاجة فاطمة بصوت خافت.", ["فاطمة"]),
])
def test_after_the_quotation_a_verb_of_either_gender_and_how_it_was_said(text, names):
    """تتابع after a man's words goes back to the woman; بحسرة، بصوت خافت say how, not who."""
    assert [q.speaker.name for q in _quotes(text)] == names


_FAR = ('وقال رئيس الجمعية محمد العلوي إن "السكان يعانون من العزلة منذ سنوات".\n'
        'ويعيش في الدوار أكثر من ثلاثمائة أسرة. {between}وتعتمد أغلب الأسر على الفلاحة المعيشية. '
        'ولا توجد في الدوار مدرسة ولا مستوصف منذ عقود طويلة.\n"راسلنا السلطات دون أي جواب".')


def test_a_quotation_far_from_its_speaker_is_theirs_when_nobody_else_was_named():
    assert [q.speaker.name for q in _quotes(_FAR.format(between=""))] == ["محمد العلوي"] * 2
    other = _FAR.format(between="وزار محمد حصاد الدوار صباح اليوم. ")
    assert [q.speaker.name for q in _quotes(other) if q.speaker].count("محمد العلوي") == 1


def test_words_ascribed_to_someone_are_theirs():
    text = 'ونسبت الوكالة إلى الوزير قوله إن "الحكومة لن تتراجع عن قرارها مهما كانت الضغوط".'
    assert _quotes(text)[0].speaker.name == "الوزير"


@pytest.mark.parametrize("text, name", [
    ('ولم يتردد الوزير في القول إن "الحكومة ستواجه كل أشكال الفساد بحزم".', "الوزير"),
    ('ولم تتردد الناشطة سعاد الطاوسي في التأكيد على أن "النساء أول ضحايا الهشاشة في البوادي".', "سعاد الطاوسي"),
    ('وأكدت مصادر "الأحداث المغربية" أن "التحقيق ما زال جاريا مع المتهمين في القضية".',
     "مصادر الأحداث المغربية"),
])
def test_did_not_hesitate_to_say_and_a_papers_sources(text, name):
    quotes = _quotes(text)
    assert [q.speaker.name for q in quotes] == [name]


@pytest.mark.parametrize("text, name", [
    ("«عار أن يبقى الأطفال بلا مدرسة»، بهذه العبارة علقت إحدى المدونات على الخبر.", "إحدى المدونات"),
    ("«عار أن يبقى الأطفال بلا مدرسة»، يعلق أحد المتابعين على الخبر.", "أحد المتابعين"),
    ("«عار أن يبقى الأطفال بلا مدرسة»، علق علي أنوزلا.", "علي أنوزلا"),
])
def test_what_one_comments_on_is_not_who_comments(text, name):
    assert _quotes(text)[0].speaker.name == name


@pytest.mark.parametrize("text, name", [
    ('وأعلنت وزارة الصحة عن تسجيل حالات جديدة. وأوضحت في بلاغ لها أن "الوضع الوبائي ما زال متحكما فيه".',
     "وزارة الصحة"),
    ('وأعلن رئيس الجمعية محمد العلوي عن تنظيم وقفة احتجاجية. وأضاف أن "السكان سئموا من الوعود الكاذبة".',
     "محمد العلوي"),
])
def test_a_speech_verb_that_said_nothing_yet_leaves_its_subject_speaking(text, name):
    """أعلن عن with no أن announces a thing; the bare verb of the next sentence goes on with
    whoever announced it."""
    assert _quotes(text)[0].speaker.name == name


@pytest.mark.parametrize("text, name", [
    ('وقالت سعاد إن "الوضع لا يطاق في الحي". وقال رشيد إن "الحل بيد الدولة وحدها". '
     '«لا أحد يستمع إلينا هنا أبدا»، مضيفة أن الأطفال يعانون.', "سعاد"),
    ("«لا أحد يستمع إلينا هنا أبدا»، تقول للجريدة فاطمة، ربة بيت.", "فاطمة"),
    ('"لا أحد يستمع إلينا هنا أبدا"، يؤكد بنبرة غاضبة أحد الشباب.', "أحد الشباب"),
    ('"لا أحد يستمع إلينا هنا أبدا"، يقول الشاب ذو العشرين عاما.', "الشاب"),
])
def test_after_the_quotation_the_speaker_past_what_comes_between(text, name):
    """A participle agrees with who spoke; whom the words were said to and how they were said
    stand between the verb and its subject; ذو opens what the subject is like."""
    assert _quotes(text)[-1].speaker.name == name


def test_a_sentence_naming_its_subject_first_gives_the_next_quotation():
    text = ("«نحن منسيون هنا، لا أحد يتذكرنا إلا في الانتخابات»، تقول خديجة.\n"
            "زوجها، الحسين، يعمل في الفلاحة. «المحصول ضاع كله هذه السنة بسبب الفيضانات».\n"
            "في المقابل، أكد مصدر من العمالة أن «أشغال إصلاح الطريق ستنطلق الأسبوع المقبل».\n"
            "لكن خديجة لا تصدق هذه الوعود. «سمعنا هذا الكلام مرات كثيرة من قبل ولم يتغير شيء».")
    assert [q.speaker.name for q in _quotes(text)] == ["خديجة", "الحسين", "مصدر من العمالة", "خديجة"]


@pytest.mark.parametrize("text, name, role", [
    ('وقالت زوجته فاطمة إن "الشرطة لم تخبرنا بأي شيء عن التحقيق".', "فاطمة", "زوجته"),
    ('وقال صديقه رشيد إن "الشرطة لم تخبرنا بأي شيء عن التحقيق".', "رشيد", "صديقه"),
    ('وقال عبد الإله ابن كيران إن "الحزب سيتصدر نتائج الانتخابات المقبلة".', "عبد الإله ابن كيران", None),
])
def test_kin_with_a_possessive_name_the_speakers_role(text, name, role):
    speaker = _quotes(text)[0].speaker
    assert (speaker.name, speaker.role) == (name, role)


def test_a_spokeswoman_for_a_body_is_no_name_of_the_body():
    text = 'من جهتها، قالت المتحدثة باسم حكومة إقليم كردستان إن "ما يحدث هجوم واسع على الإقليم".'
    speaker = _quotes(text)[0].speaker
    assert speaker.name == speaker.role == "المتحدثة باسم حكومة إقليم كردستان"


def test_according_to_a_statement_by_someone_to_a_paper():
    text = 'وحسب تصريح رئيس الجمعية محمد العلوي لـ"الأحداث المغربية"، فإن "السكان سئموا من الوعود".'
    assert [q.speaker.name for q in _quotes(text)] == ["محمد العلوي"]


@pytest.mark.parametrize("text, name", [
    ("وتوجهت الوزيرة نزهة الوافي إلى أفراد الجالية بالقول: «أنتم سفراء المغرب في الخارج».", "نزهة الوافي"),
    ('وقالت سعاد إن "الوضع صعب جدا". ثم التفتت إلى جارتها بالقول: «لا أحد يستمع إلينا هنا».', "سعاد"),
    ("وختم الرئيس كلمته بالقول إن «المغرب سيبقى وفيا لالتزاماته الدولية».", "الرئيس"),
])
def test_by_saying_after_any_verb(text, name):
    """بالقول makes any verb one of speech; the object after the office (كلمته) is no name."""
    assert _quotes(text)[-1].speaker.name == name


@pytest.mark.parametrize("verb, name", [("وتابع", "رشيد"), ("وتابعت", "سعاد")])
def test_a_continuation_across_narration_goes_to_the_person_of_its_gender(verb, name):
    text = ('وقالت سعاد إن "الوضع صعب جدا في الحي".\nويعمل زوجها رشيد في الفلاحة منذ عشرين عاما.\n'
            f'{verb} "المحصول ضاع كله هذه السنة بسبب الفيضانات".')
    assert _quotes(text)[-1].speaker.name == name
