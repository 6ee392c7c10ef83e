"""The words Arabic attribution is made of: speech verbs and their forms, connectors (أن، إن، قائلا),
offices, bodies, media, crowds, given names, and the small word classes the rules test against.
Everything here is matched on normalised text (أ/إ/آ → ا, ة → ه, ى → ي, "«» → ").
"""

from __future__ import annotations

import re

from ...normalize import normalize_text
from ..document import Document
from ..gazetteer import gazetteer


_B = r"(?<![^\s,.:;\"(])"  # word start in normalised Arabic text
_E = r"(?![^\s,.:;\")])"  # word end

_VERBS = ("قال اكد اعلن ذكر اضاف اوضح اشار صرح شدد لفت اعتبر كشف تابع افاد اردف ختم "
          "حذر طالب زعم بين نوه ابلغ اعرب استطرد اعترف علق اقر توقع نقل روي خلص استرسل ابرز سجل "
          "نبه لاحظ اورد كتب تساءل جدد عبر اشاد انتقد رجح رد استهل افتتح اجاب شرح ندد استنكر برر ناشد "
          "هدد خاطب زاد اكمل واصل غرد حكي صرخ").split()  # وزاد المتحدث: "added" in Moroccan news
_VERB_FORMS = "|".join(sorted({f for v in _VERBS for f in (v, v + "ت", v + "وا")} | {
    "رات", "راي", "راوا", "نفي", "نفت", "نفوا", "دعا", "دعت", "ادلي", "قالوا",
    "دونت", "دونوا",  # ودونت الناشطة على صفحتها (دون alone is "without")
    "يحكي", "تحكي", "يروي", "تروي", "يصرخ", "تصرخ", "يعلق",  # not تعلق: "is about" too
    "يقول", "تقول", "يضيف", "تضيف", "يؤكد", "تؤكد", "يوضح", "توضح", "يري", "تري",
    "يقولون", "يؤكدون", "يضيفون", "يوضحون", "يرون", "يعتبرون", "يشيرون",
    "جاء في", "ورد في", "تسائل", "تساءلت",  # وجاء في بلاغ الوفد أن: the document speaks
    "جاء فيه", "جاء فيها", "ورد فيه", "ورد فيها",  # رسالة جاء فيها: its author speaks
    # عاد زيان ليقول، خرج الوزير ليؤكد: ل with the present, after the verb and its subject
    "ليقول", "لتقول", "ليضيف", "لتضيف", "ليؤكد", "لتؤكد", "ليوضح", "لتوضح", "ليعلن", "لتعلن",
    "ليشير", "لتشير", "ليختم", "لتختم", "ليخلص", "لتخلص",
    "خاطبه", "خاطبها", "خاطبهم",  # خاطبه رئيسها لحسن الطلفي بالقول: addressed him
}, key=len, reverse=True))
# A speech verb (قال، وأكدت، فقد أعلن): here it opens an attribution; for entities it ends a name.
SPEECH_VERB = re.compile(_B + r"(?:[وف]\s?)?(?:قد\s+|لقد\s+)?(?P<verb>" + _VERB_FORMS + r")" + _E)
_PREPOSITION_LOOKALIKE = re.compile(r"عبر(?:ت|وا)?(?!\S)(?!\s+(?:[^\s\"]+\s+){0,8}?عن\s)|رد(?=\s+فعل)|"
                                    r"بين(?=\s+[^\s,]+\s+و)")


def _speech_verbs(norm: str, lo: int, hi: int) -> list[re.Match]:
    """Speech verbs in ``norm[lo:hi]``, without the words they share a spelling with: عبر is
    "via" unless عن follows (عبر الوزير عن), رد فعل is a reaction, not a reply, and بين X وY
    is "between"."""
    return [m for m in SPEECH_VERB.finditer(norm, lo, hi)
            if not _PREPOSITION_LOOKALIKE.match(norm, m.start("verb"), hi)
            and not (m.start() == m.start("verb") and _NOUN_BEFORE.search(norm, max(0, m.start() - 8), m.start()))
            and not (m.group("verb") in ("جاء في", "ورد في", "جاء فيه", "جاء فيها", "ورد فيه", "ورد فيها", "بين")
                     and _WHAT.search(norm, 0, m.start()))
            and not (m.group("verb") == "راي" and _HAS.search(norm, max(0, m.start() - 8), m.start()))]


# بعد كشف مزاعمه، عند ذكر اسمه، عدم ذكر اسمه: after a preposition or عدم the verb's spelling is
# its verbal noun
_NOUN_BEFORE = re.compile(r"(?:^|\s)(?:بعد|قبل|عند|اثر|عقب|دون|بدون|خلال|عدم)\s+$")
_HAS = re.compile(r"(?:^|\s)(?:له|لها|لهم|لنا|لي|لديه|لديها|لديهم)\s+$")  # لها رأي آخر: an opinion
_WHAT = re.compile(r"(?:^|\s)[كم]?ما\s*$")  # ما جاء في ملاحظة النيابة: "what came in"; ما بين: between


_TAIL_CONNECTOR = re.compile(r"(?:^|(?<=[\s,]))(?:ان|انه|انها|انهم|بان|بانه|فان|الي\s+ان|علي\s+ان|من\s+ان|:|قائلا|قائله|"
                             r"بالقول|بقوله|بقولها)(?=[\s:,]|$)|(?<=\S):(?=\s|$)")  # وقال للصحفيين:


def _connector(doc: Document, lo: int, hi: int) -> re.Match | None:
    """The first connector after a speech verb; 'على أن' connects, but 'محمد علي إن' is the
    name Ali then إن (the original spelling tells على from علي)."""
    found = _TAIL_CONNECTOR.search(doc.norm, lo, hi)
    if found and found.group().startswith("علي") and doc.orig(found.start(), found.start() + 3).endswith("ي"):
        return _TAIL_CONNECTOR.search(doc.norm, found.start() + 3, hi)
    return found


_MEDIA = {"المجله", "مجله", "الجريده", "جريده", "الصحيفه", "الوكاله", "القناه", "الموقع", "وسائل", "وسايل", "صحيفه", "صحف", "وكاله", "وكالات", "قناه", "موقع", "مواقع", "تقارير",
          "تقرير", "اذاعه", "تلفزيون", "شبكه", "الاعلام", "اعلام", "وسائل"}
_ANONYMOUS = {"مصادر", "مصدر", "مسؤول", "مسؤولون", "مسؤولين", "مسوول", "شهود", "سكان", "ناشطون",
              "ناشطين", "مراقبون", "اوساط", "جهات", "مصادرنا", "مقربون", "مطلعون", "المصدر",
              "مصادرها", "مصادره", "مصادرهم"}  # نقلا عن مصادرها: its sources
# Crowds speak too (المحتجون طالبوا، وقال متظاهرون): a group nobody names, credited as such
_CROWDS = set(normalize_text("""المحتجون محتجون المحتجين المحتجات المتظاهرون متظاهرون المتظاهرين
المتظاهرات المتضررون متضررون المتضررين المتتبعون متتبعون متتبعين المعلقون معلقون النشطاء نشطاء
الناشطون المواطنون مواطنون السكان الأهالي أهالي المشاركون المضربون العمال الطلبة الطلاب
المعتصمون معتصمون الغاضبون المراقبون الباحثون الباحثين باحثون أحد إحدى بعض الموقعون موقعو الموقعين
التقارير المتتبعين مراقبين متابع متابعون المتابعون متابعين المتابعين مغرد مغردون المغردون مغردين
المغردين""").split())
_ANONYMOUS |= _CROWDS
_ORG_HEADS = {"وزاره", "الحكومه", "حكومه", "الجيش", "التحالف", "قياده", "هيئه", "حزب", "حركه",
              "منظمه", "الشرطه", "الامم", "البيت", "السفاره", "القوات", "خليه", "مديريه", "دائره",
              "جهاز", "المكتب", "مكتب", "الرئاسه", "رئاسه", "الخارجيه", "الداخليه", "الدفاع",
              "المفوضيه", "مفوضيه", "البرلمان", "الكرملين", "البنتاغون", "النيابه", "المحكمه",
              "الاتحاد", "جبهه", "تنظيم", "لجنه", "اللجنه", "ائتلاف", "تيار", "كتله", "الكتله"}
# Normalised given names: a speaker's name starts at one, and verify.extract.entities finds
# Arabic people in running text by them.
GIVEN_NAMES = set(normalize_text("""
محمد أحمد علي حسن حسين عمر عثمان خالد سعد سعيد عبد عبدالله إبراهيم إسماعيل يوسف مصطفى محمود
جمال كمال فؤاد حيدر نوري مسعود جلال برهم هادي قاسم عادل مقتدى عمار إياد ياسين رائد رعد فاضل
كريم جبار سليم صالح نجم طارق وليد زياد سامي فيصل ناصر بشار ميشال نبيه سمير رايان جيمي جيمس
جون دونالد ريكس بريت مايك مايكل ستيفن جوزيف باراك هيلاري فلاديمير سيرغي أنطونيو إيمانويل لاهور
كوسرت هوشيار نيجيرفان قباد مظلوم رجب أبو حامد حميد رشيد مجيد عزيز نبيل منير أمين ياسر هشام
عماد إيهاب أسامة ماجد سلمان تميم عبدالعزيز عبدالرحمن نزار بهاء ضياء شاكر ثامر عدنان غازي
عائشة فاطمة خديجة مريم زينب نادية سعاد ليلى أمينة حليمة نزهة بثينة آمنة نبيلة سميرة لطيفة رشيدة
مليكة نعيمة حنان إدريس لحسن الحسين الحسن عبد الإله سعيد المصطفى إلياس نبيل ادريس
سفيان شفيق رضوان رضا عصام حمزة أنس زكرياء زكريا يونس أيوب بلال توفيق مراد المهدي مهدي يحيى
موسى عيسى داود سليمان هارون طه معاذ حاتم أشرف لطفي فتحي مجدي حمدي صبري رمزي وائل بسام غسان
مروان رياض منصور نادر جواد زهير عبدالرحيم عبدالكريم عبداللطيف عبدالحق عبدالمجيد عبدالقادر
عبدالسلام عبدالواحد عبدالحميد عبدالرزاق خليل فارس محسن هاني تامر شادي رامي سامر عمرو نوفل
سارة سلمى سلوى هند نوال سناء كريمة لبنى خولة حسناء شيماء غيثة ثريا رانيا ريم
نجيب سامح أيمن باسل هيثم ممدوح صلاح طلال ماهر خليفة راشد زايد حمد فهد نايف بندر مهند إسحاق
يعقوب شعيب نعمان هالة منال عبير رشا دينا لمياء سهيلة بسيمة نزيهة
""").split())
# Women's given names: a feminine verb after a man spoke goes back to the last woman named
FEMALE_NAMES = set(normalize_text("""
عائشة فاطمة خديجة مريم زينب نادية سعاد ليلى أمينة حليمة نزهة بثينة آمنة نبيلة سميرة لطيفة رشيدة
مليكة نعيمة حنان سارة سلمى سلوى هند نوال سناء كريمة لبنى خولة حسناء شيماء غيثة ثريا رانيا ريم
هالة منال عبير رشا دينا لمياء سهيلة بسيمة نزيهة شرفات فتيحة سهام نجلاء ياسمين نسرين جليلة حفيظة
""").split())  # not the names that are common words too (إيمان faith, جميلة beautiful, رجاء hope)
GIVEN_NAMES |= FEMALE_NAMES


def _tables() -> tuple[set[str], set[str]]:
    titles, roles = set(), set()
    for form, entry in gazetteer().forms.items():
        if entry.type != "title" or not re.search(r"[\u0600-\u06ff]", form):
            continue
        if entry.kind == "role":
            roles.add(form.split()[0])
        elif form.startswith("ال") or form.endswith("."):
            titles.add(form.split()[0])  # "شيخ" alone is a word of a name (لاهور شيخ جنكي)
    return titles, roles


# Honorifics and ranks (normalised first words, العقيد، الشيخ) that stand before a personal name
TITLE_WORDS, _ROLES = _tables()
_ROLES |= {"الناطق", "ناطق", "المتحدث", "متحدث", "رئيس", "وزير", "نائب", "عضو", "قائد", "مدير",
           "محافظ", "سفير", "مستشار", "امين", "زعيم", "ممثل", "مبعوث", "مندوب", "القيادي", "قيادي",
           "امر", "المنسق", "منسق", "الامين", "الممثل", "المبعوث", "المندوب", "النائب", "الوزير",
           "الرئيس", "المدير", "القائد", "المستشار", "السفير", "المحافظ", "المسؤول", "الخبير",
           "خبير", "المحلل", "محلل", "الباحث", "باحث", "الكاتب", "كاتب", "الاستاذ", "استاذ",
           "قاده", "رئيسه", "نائبه", "عضوه", "الناطقه", "المتحدثه", "وزيره", "مديره", "مدرب", "المدرب",
           "لاعب", "اللاعب", "عميد", "امين", "الداعيه", "الناشط", "ناشط", "المرشح", "مرشح",
           "المحامي", "المحاميه", "محامي", "محاميه", "الحقوقي", "الحقوقيه", "الاعلامي", "الاعلاميه",
           "الصحفي", "الصحفيه", "الصحافي", "الصحافيه", "الفنان", "الفنانه", "الناشطه", "الباحثه",
           "الكاتبه", "المخرج", "المخرجه", "الممثل", "الممثله", "المغني", "المغنيه", "النجم", "النجمه",
           "المراقب", "مراقب", "الملاحظ", "ملاحظ", "الدبلوماسي", "الدبلوماسيه", "دبلوماسي",
           # kin speak as such (وقال والد الضحية، وقالت والدة الضحية، فاطمة، إن)
           "والد", "والده", "شقيق", "شقيقه", "زوج", "زوجه", "ارمله", "نجل", "نجله",  # not ابن: ابن كيران
           "جار", "جاره", "صديق", "صديقه"}
TITLE_WORDS -= _ROLES

_NOT_SPEAKER = set(normalize_text("""في بين من إلى عن مع بعد قبل أو ثم حيث وهو وهي الذي التي ما
إن أن لا لم لن هذا هذه ذلك كما وقد قد عند منذ خلال إذ حيث بعدما عندما أيضا كذلك بدوره بدورها""").split())
# "على" is left out: normalised it is "علي", the given name Ali
_NAME_BREAK = set(normalize_text("""الذي التي الذين وهو وهي في من عن مع خلال عقب إلى لدى أمام
ضمن قبل بعد حول ما""").split())
_OFFICE_MODIFIERS = {"السابق", "الاسبق", "الحالي", "الجديد", "العام", "المساعد", "الاول"}

_DOCUMENTS = {"البيان", "بيان", "بلاغ", "البلاغ", "التقرير", "تقرير", "الرساله", "الوثيقه", "المذكره"}

_SHORT_QUOTED = re.compile(r'"[^"\s]*(?:\s+[^"\s]+){0,2}\s*"')


def _has_quote(text: str) -> bool:
    """Whether quoted words (more than a quoted name of up to three words) lie in ``text``."""
    return '"' in _SHORT_QUOTED.sub("", text)


# auxiliaries and modal verbs (وكان قال، وأضاف يجب): a verb of the clause, not its speaker
_AUXILIARIES = set(normalize_text("""كان كانت كانوا يكون تكون يكونون ليس ليست ليسوا بات باتت
أصبح أصبحت صار صارت ظل ظلت مازال مازالت لازال لازالت مايزال لايزال يجب ينبغي يمكن يبدو بدا""").split())
# words of quantity: عدد من المشاركين speaks as a group; عدد alone is nobody
_QUANTITIES = set(normalize_text("""عدد بعض جميع كل معظم أغلب غالبية العديد الكثير كثير جل مجموعة
نصف أكثر""").split())

_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين"})


def _is_role_word(norm: str, token: tuple[int, int]) -> bool:
    return _is_role(norm[token[0]:token[1]])


def _is_role(word: str, feminine: bool = False) -> bool:
    """An office, with or without the article; feminine (الوزيرة) with the article, where the
    final ه cannot be "his" (أمينه العام: its secretary-general), or anywhere if ``feminine``
    (an apposition: جميلة المصلي، كاتبة الدولة)."""
    forms = [word]
    if word.endswith("ه") and (feminine or word.startswith("ال")):
        forms.append(word[:-1])
    if word.endswith(("ها", "هم")) and not word.startswith("ال"):
        forms.append(word[:-2])  # خاطبه رئيسها لحسن الطلفي: its president
    if word.endswith("هما") and not word.startswith("ال"):
        forms.append(word[:-3])  # جارهما إبراهيم: their neighbour
    if word.endswith(("ته", "تها", "تهم")) and not word.startswith("ال"):
        forms.append(word[:word.rindex("ت")] + "ه")  # زوجته فاطمة: his wife (زوجة)
    return any(f in _ROLES or (f.startswith("ال") and f[2:] in _ROLES)
               or "ال" + f in _ROLES and f not in _ADJECTIVES for f in forms)  # مغني الراب: no article


# offices that, without the article, are mostly adjectives (حديث صحفي، مصدر دبلوماسي)
_ADJECTIVES = {"صحفي", "صحافي", "اعلامي", "حقوقي", "دبلوماسي", "قيادي", "ناشط", "خبير"}


def _office_key(role: str) -> list[str]:
    words = normalize_text(role).split()
    first = words[0][2:] if words and words[0].startswith("ال") else (words[0] if words else "")
    return [first[:-1] if first.endswith("ه") else first] + words[1:]


def _sentence_start(norm: str, at: int) -> int:
    return max(norm.rfind(".", 0, at), norm.rfind("\n", 0, at)) + 1


_PREPOSITIONS = {"علي", "الي", "في", "من", "عن", "مع", "لدي", "حول", "امام", "ضد"}  # علي: على, not Ali

_CLAUSE_OPENERS = {"", "كما", "وكما", "ثم", "حيث", "اذ", "فيما", "بينما", "لكن", "ولكن"}


def _opens_clause(norm: str, at: int) -> bool:
    clause = max(norm.rfind(c, 0, at) for c in '.\n,":') + 1
    return norm[clause:at].strip() in _CLAUSE_OPENERS


def _quoted(norm: str, at: int) -> bool:
    return norm.count('"', norm.rfind("\n", 0, at) + 1, at) % 2 == 1


def _in_relative(norm: str, verb: re.Match) -> bool:
    """``أحلام التي أعلنت تنازلها``: a verb in a relative clause tells about someone the sentence
    names in passing; a participle later in the sentence goes with its main verb instead."""
    before = norm[max(0, verb.start() - 12):verb.start()].split()
    return bool(before) and before[-1] in _RELATIVES


_TIME_WORD = re.compile(r"(?:امس|اليوم|يوم|يومه|زوال|مساء|صباح|ليله|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|"
                        r"الجمعه|السبت)(?=\s|$)")
_NOT_OBJECT = _NOT_SPEAKER | _NAME_BREAK | {"علي", "ان", "انه", "انها", "بان", "لان"}
_BODY_HEADS = _ORG_HEADS | {"شركه", "الشركه", "الوزاره", "مؤسسه", "المؤسسه", "مجلس", "المجلس", "محكمه",
                            "المحكمه", "منظمه", "المنظمه", "مجمع", "الهيئه", "الامانه", "امانه",
                            "الكتابه", "النقابه", "نقابه", "الجمعيه", "جمعيه", "التنسيقيه", "تنسيقيه",
                            "المركز", "مركز", "الاداره", "اداره", "السلطات", "سلطات", "الشبكه",
                            "الجامعه", "جامعه", "المنتدي", "منتدي", "النقابات", "الفيدراليه"}
_NISBA = re.compile(r"ال\S+(?:يه|ي|يين|يون)$")


def _skip_time(norm: str, at: int, end: int) -> int:
    """Past the commas and time words between a speaker and what they said (، الأحد،)."""
    while True:
        while at < end and norm[at] in " ,":
            at += 1
        time = _TIME_WORD.match(norm, at, end)
        if not time:
            return at
        at = time.end()
