"""Arabic attribution rules, matched on normalised text (أ/إ/آ → ا, ة → ه, ى → ي, "«» → ").

Arabic news puts the verb first and the speaker after it, with role and title around the name
(``وقال الناطق باسم التحالف الدولي، العقيد رايان ديلون، في تصريحات ... إن "..."``); a
participle (``مؤكدا أن``) continues the same speaker; ``بحسب``/``وفقا لـ``/``نقلا عن``/``على لسان``
credit a source; ``وكانت مصادر كردية، أكدت أن`` puts the subject first.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import SpeakerRef
from ..normalize import normalize_text
from .attribution import Attribution
from .document import Document
from .gazetteer import gazetteer

__all__ = ["ArabicRules", "parse_speaker", "speaker_gender", "GIVEN_NAMES", "FEMALE_NAMES", "TITLE_WORDS",
           "SPEECH_VERB"]

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


_PARTICIPLE = re.compile(
    _B + r"(?P<w>و?(?:مؤكد|موكد|مبين|مضيف|موضح|مشير|لافت|معتبر|مشدد|متابع|قائل|منوه|مردف|محذر|"
    r"مستدرك|واصف|مستطرد|متسائل|معرب|مطالب|منبه|مختتم|مبرز|متهم|مستنكر|مشيد|منتقد|مرجح|مذكر|مسجل|"
    r"مستشهد|مستعرض)(?:ا|ه|ين|ون|تين|تان)?)"
    r"(?:\s+(?:بصوت|بالقول|القول|بقوله|بقولها)(?:\s+[^\s\",:]+){0,3})?"  # ومتسائلين بصوت عال وواضح:
    r"(?:\s*,\s*[^,\"]{1,25}\s*,)?"  # مشددا، في المقابل، على أن
    r"\s*,?\s*(?:(?:الي\s+ان|علي\s+ان|ان|انه|انها|بان|بانه|بانها|بكون|:)(?:\s+[^\s\"]+){0,8})?\s*[,:]?\s*$")
_RELAY = re.compile(
    _B + r"(?P<w>(?:[وف])?(?:بحسب|حسب|وفقا\s*ل|وفق|طبقا\s*ل|نقلا\s+عن|علي\s+لسان|استنادا\s+(?:الي|ل)))"
    r"\s*(?P<np>(?:[^\"]|\"[^\"\n]{1,40}\"){1,160}?)\s*,?\s*(?:فان|ان|:)?\s*[,:]?\s*$")  # لـ"الأحداث" within
_RELAY_ANY = re.compile(
    _B + r"(?P<w>(?:[وف])?(?:بحسب|حسب|وفقا\s*ل|طبقا\s*ل|نقلا\s+عن|علي\s+لسان))\s*"
    r"(?P<np>[^,.:;\"]{2,120})")
# "وبالنسبة للنائب جيل بارنيو، فإن ..." and "وبرأي الأمين العام للحزب، فإن ...": the clause after
# فإن is that person's view, whatever verb it holds (فإن جو الشفافية ... يؤكد تفرد النموذج)
_OPINION_OF = re.compile(
    _B + r"(?P<w>[وف]?(?:بالنسبه|براي|في\s+راي|حسب\s+راي|من\s+وجهه\s+نظر))\s+(?P<np>[^\".:]{2,160}?)"
    r"\s*,\s*(?:فان|فانه|فانها)" + _E)
_SAYING = re.compile(_B + r"بالقول\s*[:,]?\s*(?:ان|انه|انها|بان)?\s*[:,]?\s*$")
_BY_SAYING = re.compile(r"(?P<np>(?P<first>[^\s\",.:]+)\s+(?P<last>[^\s\",.:]+))\s+(?:بقوله|بقولها|بقولهم)"
                        r"\s*[:,]?\s*$")
# ولم يفت الوزير التأكيد على أن: "did not fail to stress", and ولم يتردد الوزير في القول إن "did
# not hesitate to say": a verbal noun of speech after the speaker
_DID_NOT_MISS = re.compile(_B + r"[وف]?لم\s+(?:يفت|تفت|يفوت|تفوت|يتردد|تتردد|يتوان|تتوان)\s+(?P<np>[^\"]{2,100}?)"
                           r"\s+(?:في\s+)?(?:التاكيد|الاشاره|التنويه|التذكير|التشديد|الاعلان|القول|التصريح)"
                           r"\s+(?:علي\s+ان|الي\s+ان|ب?ان)?"
                           r"\s*[:,]?\s*$")
# نقلت الوكالة عن الوزير قوله، نسبت إلى الوزير قوله: whom the words are relayed from
_QAWLUHU = re.compile(_B + r"(?:عن|الي)\s+(?P<np>[^\"]{2,100}?)\s+(?:قوله|قولها|قولهم)\s*[:,]?\s*(?:ان|انه|انها|:)?\s*$")
# Words that point back at the quotation before, even from the next sentence ("...". هكذا تحدثت
# فاطمة، بهذه الكلمات علق الوزير), with the verb they open.
_LOOKING_BACK = (r"(?:ب?هذه\s+(?:العباره|العبارات|الكلمات|الجمله|الكلمه)(?:\s+ال[^\s\".,]+)*|هكذا)"
                 r"\s+[^\s\".,]+")
_LOOKS_BACK = re.compile(r"\s*[,.]?\s*(?:و)?" + _LOOKING_BACK)
# Present stems of speech verbs (يقول، تكتب، يعلق): after a quotation a present verb of either
# gender is attribution, as in feature writing («...»، تقول كنزة); تعلق is "is about" only before.
_PRESENT_STEMS = ("قول ضيف ؤكد وكد وضح تابع شير ردف ستطرد عتبر حكي روي صرخ علق كتب علن ذكر صرح شدد "
                  "لفت كشف فيد ختم حذر طالب تساءل تسائل عترف قر توقع نقل لاحظ شرح جيب ري نبه ستنكر "
                  "ندد برر ناشد سترسل خلص لخص").split()
# Past forms after a quotation: every speech verb but those that are also "via", "between",
# "reply"/"reaction" or "increased" there («...» عبر صفحته، «...» بين قوسين).
_AFTER_PAST = [f for v in _VERBS if v not in ("عبر", "بين", "رد", "زاد", "سجل", "ابرز", "نقل", "جدد")
               for f in (v, v + "ت", v + "وا")] + ["قالوا", "رات", "راي", "نفي", "نفت", "دعا", "دعت"]
_AFTER_VERBS = "|".join(sorted({*_AFTER_PAST, *(p + s for s in _PRESENT_STEMS for p in "يت"),
                                *("ي" + s + "ون" for s in _PRESENT_STEMS)},  # يقولون، يضيفون
                               key=len, reverse=True))
_AFTER = re.compile(
    r"\s*[,.]?\s*(?P<w>(?:و)?(?:" + _AFTER_VERBS + r"|بحسب|حسب|وفق|وفقا\s*ل|"
    r"علي\s+حد\s+(?:قوله|قولها|تعبيره|تعبيرها|قول|تعبير)|" + _LOOKING_BACK + r"|"
    # "..."، هذا ما أكده رئيس الوزراء: "this is what X stated"
    r"(?:و?هذا|و?ذلك|وهو)\s+ما\s+(?:قاله|قالته|اكده|اكدته|ذكره|ذكرته|اوضحه|اوضحته|اعلنه|اعلنته|"
    r"صرح\s+به|صرحت\s+به|كتبه|كتبته|اكد\s+عليه|اكدت\s+عليه)))" + _E + r"\s*(?P<np>[^\".]{0,200}?)\s*(?=[.,]|$)")
_INDIRECT_CONN = re.compile(_B + r"(?:ان|انه|انها|انهم|بان|بانه)" + _E)
_DEMONSTRATIVE = re.compile(r"(?:تلك|هذه|ذلك|هذا|هذين|هاتين|هؤلاء|ذات|نفس)\s+(?P<noun>\S+)")
_SUBJECT_LEAD = re.compile(r"\s*(?:[وف]?(?:كان|كانت|كما|فيما|بينما|قد|بعدما|عندما|حينما|لما|اذ|حين|بعد\s+ان|"
                           r"حيث|ثم|ان|لكن|اما|ومع\s+ذلك,?\s*فان|لم|لن|(?:هو|هي|هذا|ذلك)\s+ما)\s+)*")
# ولم تخف الوزيرة ...، وهو ما أكدته الناشطة ...: a negation or "which is what" before the verb
_WHAT_SAID = re.compile(r"ما\s+(?:جاء|ورد|ذكره|ذكرته|قاله|قالته|اورده|اوردته|نشره|نشرته|نقله|نقلته)"
                        r"(?:\s+(?:في|به|عن))?\s+"
                        r"|(?:تعبير|قول|وصف|روايه|كلام|شهاده|تصريح|تصريحات)\s+(?=\S)")  # بحسب تعبير فاطمة
_SO_CALLED = re.compile(r"(?:ما\s+(?:يسمي|يعرف\s+ب|تسمي|يطلق\s+عليه))\s*")

_SAME = re.compile(r"(?P<noun>ال\S+)\s+(?:ذاته|نفسه|ذاتها|نفسها|ذاتهم|انفسهم|نفسهم)(?=\s*(?:,|$))")
_FROM = re.compile(r"(?:^|\s|,)\s*(?:نقلا\s+)?عن\s+(?=\S)")
_THE_SPEAKER = re.compile(r"(?:المتحدثه|المتحدث)(?:\s+(?:ذاته|نفسه|ذاتها|نفسها))?" + _E)
_RELATIVE_AFTER = re.compile(r"\s(?:الذي|التي|الذين|ان|انه|انها)" + _E)
_STOP_START = re.compile(
    r"(?:\(|\d|في\s|خلال|عبر|اثناء|عقب|قبل|بعد|امس|اليوم|يوم|مساء|صباح|ليله|ظهر|الاحد|الاثنين|"
    r"الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الذي|التي|والذي|والتي|حيث|وذلك|ل(?:وكاله|صحيفه|قناه|"
    r"موقع|وسائل|لصحفيين|لصحافيين|لاعلام))")
_STOP_INSIDE = re.compile(
    r"\s(?:ل(?=[\s\"]|$)|"  # قالت مصادر مطلعة لـ"الجزيرة": to whom, not who
    r"(?:في|خلال|عبر)\s+(?:ال)?(?:تصريح|تصريحات|بيان|مؤتمر|حديث|كلمه|لقاء|مقابله|حوار|تغريده|رساله|"
    r"اتصال|منشور|تدوينه|جلسه|اجتماع|لقائه|حديثه|كلمته|تصريحه|تصريحاته|بيانه|حسابه|بلاغ|بلاغه|"
    r"بلاغها|تسجيل|تقريرها|تقريره|دراستها|دراسته|ندوه|مداخله|مداخلته)|"
    r"(?:جميع|كافه)\s|"  # دعا وزير الداخلية جميع المسؤولين إلى: the object after the speaker
    r"ل(?:وكاله|صحيفه|قناه|موقع|وسائل|لصحفيين|لصحافيين|لاعلام|شبكه)|"
    r"علي\s+(?:صفحته|صفحتها|حسابه|حسابها|موقعه|تويتر|فيسبوك|الصوره|ضروره|اهميه)|"
    r"(?:اليوم|امس|يوم|يومه|زوال|مساء|صباح|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)(?:\s|$))")
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
_MARKS = re.compile(r"[\"«»“”]")  # مصادر "الأحداث المغربية": the name without its marks
_TOKEN = re.compile(r"[^\s,\"]+")  # a quoted name ("سعيدة شريف") is read without its marks


def _strip_np(doc: Document, start: int, end: int) -> tuple[int, int]:
    norm = doc.norm
    while start < end and norm[start] in " ,:;\"\u00a0":
        start += 1
    while end > start and norm[end - 1] in " ,:;\"\u00a0":
        end -= 1
    return start, end


def parse_speaker(doc: Document, start: int, end: int) -> SpeakerRef | Attribution | None:
    """Read a speaker out of normalised ``[start, end)``: name, role, title and kind.

    Returns an Attribution with ``follow`` for a demonstrative (``تلك الوسائل``), None when
    nothing there names a speaker.
    """
    start, end = _strip_np(doc, start, _before_recipient(doc, start, _before_ala(doc, start, end)))
    norm = doc.norm
    if start >= end:
        return None
    same = _THE_SPEAKER.match(norm, start, end)
    if same and (same.end() == end or _RELATIVE_AFTER.match(norm, same.end(), end)
                 or norm.startswith(",", same.end())):
        text = doc.orig(start, same.end())  # يضيف المتحدث: who just spoke; if nobody, as it says
        return Attribution(*doc.to_orig(start, end), follow="last",
                           fallback=SpeakerRef(name=text, kind="person", role=text, surface=text))
    same = _SAME.match(norm, start, end)
    if same:  # وأضاف المصدر ذاته: the source named before
        text = doc.orig(start, same.end())
        return Attribution(*doc.to_orig(start, end), follow="refer:" + same.group("noun"),
                           fallback=SpeakerRef(name=text, kind="anonymous", surface=text))
    so_called = _SO_CALLED.match(norm, start, end) or _WHAT_SAID.match(norm, start, end)
    if so_called:
        start = so_called.end()  # وفق ما جاء في إحدى التعليقات: the source after what it said
    demonstrative = _DEMONSTRATIVE.match(norm, start, end)
    if demonstrative:
        cut = norm.find(",", start, end)
        relative = _RELATIVE_AFTER.search(norm, start, end if cut == -1 else cut)
        cut = relative.start() if relative else cut  # ذات المتحدث الذي اعتبر أن: the speaker ends at الذي
        text = doc.orig(start, end if cut == -1 else cut)
        return Attribution(*doc.to_orig(start, end), follow="refer:" + demonstrative.group("noun"),
                           fallback=SpeakerRef(name=text, kind="organisation", surface=text))
    issued = _ISSUED_BY.match(norm, start, end)
    if issued:  # بيان صادر عن الديوان الملكي: the body that issued it
        parsed = parse_speaker(doc, issued.end(), end)
        if isinstance(parsed, SpeakerRef):
            return parsed
    by = _DOCUMENT_BY.match(norm, start, end)
    if by:  # بيان للحزب، تقرير للبنك الدولي، بلاغ لـ"مؤسسة سوس": the body the document speaks for
        rest = doc.orig(by.end(), end).strip(' "')
        if by.group("l") == "لل":  # للحزب: ل + الحزب; للجنة: ل + اللجنة
            rest = ("الل" if normalize_text("الل" + rest).split()[0] in _BODY_HEADS | _ROLES else "ال") + rest
        sub = Document(rest)
        parsed = parse_speaker(sub, 0, len(sub.norm))
        if isinstance(parsed, SpeakerRef):
            return parsed
    if norm.startswith("لل", start):
        start += 1  # وفقا للمصدر: the ل of the preposition fused with the article
    recipient = _RECIPIENT.match(norm, start, end) or _IN_THIS_REGARD.match(norm, start, end)
    if recipient and recipient.end() < end:
        start = recipient.end()  # وقال لـ"هسبريس" المحامي، وأكدت في هذا الصدد الفاعلة: then who
    pronoun = _PRONOUN_PREPOSITION.match(norm, start, end)
    if pronoun:
        start = pronoun.end()  # ومما طالب به المتضررون: the object pronoun, then the speaker
    if _not_a_speaker(doc, start, end):
        return None
    quantity = _TOKEN.match(norm, start, end)
    if quantity and quantity.group() in _QUANTITIES:
        cut = norm.find(",", start, end)
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(norm, start, end if cut == -1 else cut)]
        span = (start, _relative_cut(norm, tokens[:6], tokens[min(len(tokens), 6) - 1][1],
                                     _UNNAMED_BREAK | _BODY_BREAK))  # عبر عدد من السكان عن غضبهم
        return SpeakerRef(name=doc.orig(*span), kind="anonymous", surface=doc.orig(*span))  # عدد من المشاركين
    role = title = name = org = media = anonymous = None
    used = start
    seg_start = start
    first = True
    while seg_start < end:
        comma = norm.find(",", seg_start, end)
        seg_end = end if comma == -1 else comma
        s, e = _strip_np(doc, seg_start, seg_end)
        seg_start = seg_end + 1
        if first:
            s = _skip_time(norm, s, e)  # وقال أمس وزير الخارجية، وقال اليوم الأحد رئيس الوزراء
        if s >= e:
            continue
        if _STOP_START.match(norm, s, e):
            following = _TOKEN.search(norm, seg_start, end) if comma != -1 else None
            if first and following and (_known_head(norm, following.group(), following.start())
                                        or following.group() in _MEDIA):
                continue  # وقال، في مؤتمر صحفي، وزير الداخلية: a phrase, then the speaker
            break
        cut = _STOP_INSIDE.search(norm, s, e)
        if cut:
            e = cut.start()
        tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(norm, s, e)]
        if not tokens:
            break
        head = norm[tokens[0][0]:tokens[0][1]]
        if len(tokens) > 1 and head.startswith("ال") and _POSSESSED.search(doc.orig(*tokens[1])):
            tokens, e = tokens[:1], tokens[0][1]  # وختم الرئيس كلمته بالقول: the office, then its object
        if first and head.startswith("ل") and head not in GIVEN_NAMES and not _known_head(norm, head, s):
            return None  # "فقالت لفرانس برس"، "يقول للبدري": whom the words were said to
        if first and head in _HOW:
            return None  # تقول بحسرة: how, not who
        if first and (head in _NOT_SPEAKER or _PARTICIPLE_WORD.fullmatch(head)
                      or head[:1] in "وف" and head[1:] in _NOT_SPEAKER
                      or head == "علي" and len(tokens) == 1 and comma == -1):
            return None  # "شدد على أن": على here is the preposition, not the name Ali
        bare = head[1:] if head[:1] in "وف" and len(head) > 3 and head[1:] in _ROLES | TITLE_WORDS else head
        kind_found = True
        if bare in _MEDIA and not (role or name):
            media = (s, e)
            source = _FROM.search(norm, s, end)
            if source and norm.find(",", s, source.start()) in (-1, e):
                # نقلت قناة الجزيرة عن شهود عيان، صحيفة الصباح، نقلا عن مصادر قضائية: the source speaks
                parsed = parse_speaker(doc, source.end(), end)
                if isinstance(parsed, SpeakerRef):
                    return parsed
        elif bare in _ANONYMOUS and not (role or name) and not _has_name(norm, tokens[1:], opens=False):
            anonymous = (s, _relative_cut(norm, tokens[:6], tokens[min(len(tokens), 6) - 1][1], _UNNAMED_BREAK))
        elif bare in TITLE_WORDS or bare in _ROLES or _is_role_word(norm, tokens[0]) \
                or _has_name(norm, tokens[:1]):
            split = _name_start(norm, tokens)
            if split == len(tokens) > 1 and len(tokens) <= 4 and head.startswith("ال") and _is_role(head) \
                    and _bare_name_word(norm[tokens[1][0]:tokens[1][1]]) \
                    and not _POSSESSED.search(doc.orig(*tokens[1])) \
                    and all(_bare_name_word(w) or w.startswith("ال") and w not in _NOT_OBJECT
                            for w in (norm[a:b] for a, b in tokens[2:])):
                split = 1  # الوزيرة جميلة المصلي، الرئيس ماكرون: a name no table knows after the office
            if split > 0 and role is None:
                role = (tokens[0][0], tokens[split - 1][1] if split < len(tokens) else
                        _relative_cut(norm, tokens, tokens[-1][1], _ROLE_BREAK))  # المراقب الذي
            if split < len(tokens):
                t_end = split
                while t_end < len(tokens) - 1 and norm[tokens[t_end][0]:tokens[t_end][1]] in TITLE_WORDS:
                    t_end += 1
                if t_end > split:
                    title = (tokens[split][0], tokens[t_end - 1][1])
                n_end = _name_end(doc, tokens, t_end)
                if t_end < len(tokens) and norm[tokens[t_end][0]:tokens[t_end][1]] in _OFFICE_MODIFIERS:
                    role, title, n_end = role or (s, e), None, t_end  # "النقيب السابق للجمعية": an office
                if name is None and n_end > t_end:
                    name = (tokens[t_end][0], tokens[n_end - 1][1])
                    if n_end < len(tokens) and role is None and _is_role_word(norm, tokens[n_end]):
                        role = (tokens[n_end][0], tokens[-1][1])
        elif bare in _DOCUMENTS and not (role or name or org):
            org = (s, _relative_cut(norm, tokens, e))
        elif _is_org(norm, tokens) and not (role or name or org):
            org = (s, _relative_cut(norm, tokens, e))
        elif (first or role) and not name and not role and (described := next(
                (i for i, (a, b) in enumerate(tokens[:5]) if i and norm[a:b] in GIVEN_NAMES
                 and all(norm[x:y].startswith("ال") for x, y in tokens[:i])), 0)):
            # الفاعلة الجمعوية سعاد الطاوسي، الفاعلة الحقوقية أمينة بوعياش: a description no table
            # knows, then a given name
            role = (tokens[0][0], tokens[described - 1][1])
            name = (tokens[described][0], tokens[_name_end(doc, tokens, described) - 1][1])
        elif (first or role) and not name:
            n_end = _name_end(doc, tokens, 0)
            object_follows = False
            if not role and not (n_end == len(tokens) and _appositive_follows(norm, seg_start, end)) \
                    and not _looks_like_name(norm, tokens[:n_end], s, alone=n_end == len(tokens)):
                if n_end < 2 or not _known_head(norm, head, s):
                    break
                n_end, object_follows = 1, True  # استهلت أحلام الحفل: a known name, then an object
            if n_end == 0 or not object_follows and (n_end < len(tokens) and not _is_role_word(norm, tokens[n_end])
                              and norm[tokens[n_end][0]:tokens[n_end][1]] not in _NAME_BREAK):
                break
            name = (tokens[0][0], tokens[n_end - 1][1])
            words = [norm[a:b] for a, b in tokens[:n_end]]
            if not role and len(words) > 1 and words[0].startswith("ال") and not words[1].startswith("ال") \
                    and words[1] not in _NOT_OBJECT:
                role, name = (tokens[0][0], tokens[0][1]), (tokens[1][0], tokens[n_end - 1][1])  # المدعي تولوس جايا
            elif n_end < len(tokens) and _is_role_word(norm, tokens[n_end]):
                role = (tokens[n_end][0], tokens[-1][1])
        else:
            kind_found = False
        if not kind_found:
            break
        used = e
        first = False
        if name or media or anonymous or org:
            if comma == -1 or not _appositive_follows(norm, seg_start, end):
                break
    surface = doc.orig(start, used)
    text = lambda span: " ".join(_MARKS.sub("", doc.orig(*span)).split()) if span else None  # noqa: E731
    if name:
        return SpeakerRef(name=text(name), kind="person", role=text(role), title=text(title),
                          surface=surface)
    if media:
        return SpeakerRef(name=text(media), kind="media", surface=surface)
    if anonymous:
        return SpeakerRef(name=text(anonymous), kind="anonymous", surface=surface)
    if org:
        return SpeakerRef(name=text(org), kind="organisation", surface=surface)
    if role:
        role, name = _name_after_office(norm, role)
        if name:
            return SpeakerRef(name=text(name), kind="person", role=text(role), title=text(title),
                              surface=surface)
        role_text = text(role)
        kind = "anonymous" if normalize_text(role_text).split()[0] in {"مسؤول", "المسؤول"} else "person"
        return SpeakerRef(name=role_text, kind=kind, role=role_text, title=text(title), surface=surface)
    return None


def _before_ala(doc: Document, start: int, end: int) -> int:
    """Where a person ends before the preposition على (وشدد المتحدث على أن): the original
    writes it with ى, the name Ali with ي; both normalise to علي. A description goes on past
    it (إحدى التعليقات على الفيديو، الموقعون على البلاغ)."""
    first = _TOKEN.match(doc.norm, *_strip_np(doc, start, end))
    if not first or not (_is_role(first.group()) or first.group() in TITLE_WORDS | GIVEN_NAMES):
        return end
    for token in _TOKEN.finditer(doc.norm, start, end):
        if token.group() == "علي" and token.start() > start and doc.orig(*token.span()).endswith("ى"):
            return token.start()
    return end


def _before_recipient(doc: Document, start: int, end: int) -> int:
    """Where a speaker ends before the medium the words were said to (صرح رئيس الجمعية لجريدة
    الأحداث المغربية، قال الوزير لوكالة المغرب العربي للأنباء): ل on a media word after it."""
    for token in _TOKEN.finditer(doc.norm, start, end):
        word = token.group()
        if token.start() > start and word[:1] == "ل" and (word[1:] in _MEDIA or "ال" + word[2:] in _MEDIA
                                                          and word.startswith("لل")):
            return token.start()
    return end


def _not_a_speaker(doc: Document, start: int, end: int) -> bool:
    """Whether the words after a speech verb open with a word that cannot be its speaker: a
    preposition with a pronoun (وقال عنه)، an auxiliary or a verb (وكان قال، يجب)، a word of
    quantity alone (عدد)، an adverbial (قالت استنادا إلى ...)، or a lone definite noun no
    table knows when a person or body already stands before the verb in its sentence (وحيت
    الفنانة ... وقالت الأغاني): that noun is the verb's object, not its subject."""
    norm = doc.norm
    tokens = list(_TOKEN.finditer(norm, *_strip_np(doc, start, end)))
    if not tokens:
        return False
    head = tokens[0].group()
    bare = head[1:] if head[:1] in "وف" and head[1:] in _AUXILIARIES else head
    if re.fullmatch(_PREP_PRONOUN, head) or bare in _AUXILIARIES or SPEECH_VERB.fullmatch(head) \
            or head in ("اخر", "اخري", "ايضا", "كذلك") \
            or head == "علي" and doc.orig(*tokens[0].span()).endswith("ى"):  # على سؤال: the preposition
        return True
    if head in _QUANTITIES and (len(tokens) == 1 or norm.find(",", tokens[0].end(), tokens[1].start()) != -1):
        return True
    if _ADVERBIAL.fullmatch(head) and head not in GIVEN_NAMES and len(tokens) > 1 \
            and tokens[1].group() in ("الي", "علي"):
        return True
    if len(tokens) == 1 and _MANNER.fullmatch(head) and not _known_head(norm, head, start):
        return True  # وقال ساخرا، وأجاب ضاحكا، وكتب متسائلا: how, not who
    if len(tokens) == 1 and head.startswith("ال") and not _known_head(norm, head, start) \
            and not _is_role(head) and head not in _MEDIA | _DOCUMENTS | _BODY_HEADS \
            and not _is_org(norm, [tokens[0].span()]):
        before = _TOKEN.findall(norm, _sentence_start(norm, start), start)[:-1]
        return any(w in GIVEN_NAMES or w in TITLE_WORDS or _is_role(w) or w in _BODY_HEADS
                   or w[:1] == "و" and (w[1:] in _BODY_HEADS or _is_role(w[1:])) for w in before)
    return False


def _bare_name_word(word: str) -> bool:
    """Whether a word right after a definite office may open a name: no article, no preposition
    or ل/ب of a genitive (للحزب، باسم), no و/ف of a second office (الكاتب والباحث), no office,
    body or time word (الوزير المنتدب، الوزيرة أمس)."""
    return re.fullmatch(r"[\u0621-\u064a]{2,}", word) is not None and not word.startswith(("ال", "ل", "ب", "و", "ف")) \
        and word not in _NOT_OBJECT | _PREPOSITIONS | _BODY_HEADS | _ORG_HEADS | _MEDIA | _OFFICE_MODIFIERS \
        and not _is_role(word) and not _TIME_WORD.match(word) and word not in ("ذاته", "نفسه", "ذاتها", "نفسها")


def _name_after_office(norm: str, role: tuple[int, int]) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """``مغني الراب الأمريكي من أصول مغربية فرانش مونتانا``: a name no table knows after an
    office, told apart by its form: two words or more at the end with no article, no nisba
    (مغربية) and no office or body word (رئيس وزراء), after at least one word of office."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(norm, *role)]
    i = len(tokens)
    while i > 1:
        word = norm[tokens[i - 1][0]:tokens[i - 1][1]]
        if word.startswith(("ال", "وال", "لل", "بال")) or re.search(r"(?:ي|يه|يين|يون)$", word) \
                or word in _NOT_OBJECT | _PREPOSITIONS | _BODY_HEADS | _ORG_HEADS | _MEDIA \
                or _is_role(word) or not re.fullmatch(r"[\u0621-\u064a]+", word):
            break
        i -= 1
    if len(tokens) - i < 2 or norm[slice(*tokens[i - 1])] in _BODY_HEADS | _ORG_HEADS | {"باسم"}:
        return role, None  # المتحدثة باسم حكومة إقليم كردستان: the body's name, not the speaker's
    return (tokens[0][0], tokens[i - 1][1]), (tokens[i][0], tokens[-1][1])


_NOT_SPEAKER = set(normalize_text("""في بين من إلى عن مع بعد قبل أو ثم حيث وهو وهي الذي التي ما
إن أن لا لم لن هذا هذه ذلك كما وقد قد عند منذ خلال إذ حيث بعدما عندما أيضا كذلك بدوره بدورها""").split())
# "على" is left out: normalised it is "علي", the given name Ali
_NAME_BREAK = set(normalize_text("""الذي التي الذين وهو وهي في من عن مع خلال عقب إلى لدى أمام
ضمن قبل بعد حول ما""").split())
_OFFICE_MODIFIERS = {"السابق", "الاسبق", "الحالي", "الجديد", "العام", "المساعد", "الاول"}
_DOCUMENT_BY = re.compile(r"(?:البيان|بيان|بلاغ|البلاغ|التقرير|تقرير|رساله|مذكره)\s+(?P<l>لل|ل)\s*\"?\s*(?=\S)")
_ISSUED_BY = re.compile(r"(?:ال)?(?:بيان|بلاغ|تقرير|رساله|مذكره|بلاغا|بيانا)\s+(?:ال)?صادر(?:ه)?\s+عن\s+(?=\S)")
_DOCUMENTS = {"البيان", "بيان", "بلاغ", "البلاغ", "التقرير", "تقرير", "الرساله", "الوثيقه", "المذكره"}
# the participle continuing a speaker has its ending (متابعا); bare متابع is "a follower"
_PARTICIPLE_WORD = re.compile(r"و?(?:قائل|مؤكد|مضيف|مشير|موضح|مبين|معتبر|لافت|مشدد|متابع)(?:ا|ه|ين|ون)")


_SHORT_QUOTED = re.compile(r'"[^"\s]*(?:\s+[^"\s]+){0,2}\s*"')


def _has_quote(text: str) -> bool:
    """Whether quoted words (more than a quoted name of up to three words) lie in ``text``."""
    return '"' in _SHORT_QUOTED.sub("", text)


# a preposition with a pronoun (عنه، لها، فيه، منها، عليه): an object, never the speaker
_PREP_PRONOUN = r"(?:ب|ل|عن|من|في|علي|الي|مع|لدي|عند)(?:ه|ها|هم|هما|هن|كم|نا)"
_RECIPIENT = re.compile(r'ل\s*"[^"]{1,40}"\s*,?\s*(?=\S)')
_IN_THIS_REGARD = re.compile(r"(?:في\s+هذا\s+(?:الصدد|السياق|الاطار|الشان)|من\s+(?:جهت|جانب)(?:ه|ها)|"
                             r"بدور(?:ه|ها)|بالمناسبه)\s*,?\s*(?=\S)")
_PRONOUN_PREPOSITION = re.compile(_PREP_PRONOUN + r"\s+(?=\S)")
# auxiliaries and modal verbs (وكان قال، وأضاف يجب): a verb of the clause, not its speaker
_AUXILIARIES = set(normalize_text("""كان كانت كانوا يكون تكون يكونون ليس ليست ليسوا بات باتت
أصبح أصبحت صار صارت ظل ظلت مازال مازالت لازال لازالت مايزال لايزال يجب ينبغي يمكن يبدو بدا""").split())
# words of quantity: عدد من المشاركين speaks as a group; عدد alone is nobody
_QUANTITIES = set(normalize_text("""عدد بعض جميع كل معظم أغلب غالبية العديد الكثير كثير جل مجموعة
نصف أكثر""").split())
# an indefinite accusative before إلى/على is an adverbial (استنادا إلى، ردا على، تعليقا على)
# an accusative participle of manner: فاعلا (ساخرا، ضاحكا)، متفعلا، مستفعلا، منفعلا، مبتسما
_MANNER = re.compile(r"\Sا\S\Sا|مت\S{3,}ا|مست\S{3,}ا|من\S{3,}ا|مبت\S{2,}ا")
_ADVERBIAL = re.compile(r"[^\s\"]{2,}ا")
_POSSESSED = re.compile(r"..ت(?:ه|ها|هم|هما)$|^(?:حديث|كلام|تصريح|رد|جواب|قول|ر[أا]ي|موقف|تعليق|"
                        r"سؤال|خطاب|حوار|اسم|صوت)(?:ه|ها|هم)$")  # كلمته، حكومتها، حديثه
_PURPOSE = re.compile(r"[لب][مت]\S{4,}")  # يستعد شفيق لممارسة، بمناسبة: a verbal noun after ل/ب
_SUFFIXED = re.compile(r"..(?:ها|هم|هما|هن)$")
# a definite verbal noun of the forms إفعال، افتعال، استفعال (الإفطار، الانتخاب، الاستطلاع): an
# object, no surname
_VERBAL_NOUN = re.compile(r"ال(?:است\S\S|ا\S\S|ا\Sت\S)ا\S")
_NAME_SECOND = {"الدين", "الله", "الرحمن", "الاله", "الكريم", "الحق", "الرحيم", "العزيز", "الحميد"}


def _looks_like_name(norm: str, tokens: list[tuple[int, int]], at: int, alone: bool) -> bool:
    """Whether words no table knows may name a speaker: a word with the article does alone
    (وقالت السفيرة إن), as a description (الدبلوماسية الأمريكية) or as the surname of someone
    named in full before (الخماس)—not with more words after it (الأصوات التي تقلل); and an
    unknown word before a definite one is a noun with its genitive (تفرد النموذج المغربي),
    unless the pair is a compound name (صلاح الدين، عبد الله)."""
    if not tokens:
        return False
    words = [norm[s:e] for s, e in tokens]
    if alone and len(words) == 1:
        return not _SUFFIXED.search(words[0])  # أعلنت تنازلها: a noun with "her", not a name
    if "ال" + words[0] in TITLE_WORDS or "ال" + words[0] in _ROLES:
        return True  # للشيخ الطيب: the article fused with the preposition ل
    if words[0].startswith("ال") and len(words) > 1 and _NISBA.match(words[1]):
        return True  # الدبلوماسية الأمريكية: a definite description of someone named before
    if words[0].startswith("ال") and len(words) > 1 and not words[1].startswith("ال") \
            and words[1] not in _NOT_OBJECT:
        return True  # المدعي تولوس جايا تاريهوران: an office no table knows, then a foreign name
    if words[0].startswith("ال") and not re.search(r"[^\s,.:]\s+" + re.escape(words[0]) + _E, norm[:at]):
        return False
    if len(words) > 1 and re.search(r"(?:^|\s)[وف]?(?:" + _VERB_FORMS + r")\s+" + re.escape(words[1]) + _E, norm):
        return True  # سلوى الدمناتي ... وقالت الدمناتي: a surname the text also makes speak alone
    return not (len(words) > 1 and words[0] not in GIVEN_NAMES and words[1].startswith("ال")
                and words[1] not in _NAME_SECOND and not words[0].startswith("ال"))


def _relative_cut(norm: str, tokens: list[tuple[int, int]], end: int,
                  breaks: frozenset[str] | None = None) -> int:
    """Where a body's name ends before a relative clause or a preposition phrase about it
    (بلاغ الوفد التي كان يقودها ...، الوزارة عن انفتاح كبير; but البلاغ الصادر عن الوزارة)."""
    for before, (s, e) in zip(tokens, tokens[1:]):
        if norm[s:e] in (breaks or _BODY_BREAK) and norm[before[0]:before[1]] not in _ISSUED:
            return before[1]
    return end


_BODY_BREAK = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "عن", "مع", "علي", "الي", "منذ", "بعد",
                         "قبل", "ب", "ل"})
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين"})
# مصدر مقرب من الرئاسة فضل عدم ذكر اسمه: the source ends where the request not to be named starts
_UNNAMED_BREAK = _RELATIVES | {"فضل", "فضلت", "فضلوا", "رفض", "رفضت", "رفضوا", "طلب", "طلبت", "طلبوا",
                               "اشترط", "اشترطت", "اشترطوا"}
_ROLE_BREAK = _RELATIVES | {"مع", "ب", "ل"}  # الفنانة الإماراتية مع جمهورها; but النائب عن كركوك
_ISSUED = {"الصادر", "الصادره", "صادر", "صادره"}  # أحد الشيوخ في تسجيل تضمن ...


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


def _name_end(doc: Document, tokens: list[tuple[int, int]], start: int) -> int:
    """End (exclusive token index) of a personal name starting at ``start``: at most four
    words, stopping at a role word (``أستاذ``), a relative (``الذي``), a preposition (``لـ``), a noun
    with a possessive (``وأنهى الحسين الوردي كلمته``: names end in ة, not in ته; ``جمهورها``), a
    verbal noun after ل or ب (``يستعد شفيق لممارسة``), or after a compound surname that follows
    a given name (``نبيل بنعبد الله الحكومة``: the verb's object comes next)."""
    norm = doc.norm
    end = start
    while end < len(tokens) and end - start < 4:
        word = norm[tokens[end][0]:tokens[end][1]]
        if word in _NAME_BREAK or _is_role_word(norm, tokens[end]) or word in TITLE_WORDS and end > start \
                or word[:1] in "(0123456789" or word in ("ل", "ب") or _PARTICIPLE_WORD.fullmatch(word) \
                or end > start and (_POSSESSED.search(doc.orig(*tokens[end])) or _PURPOSE.fullmatch(word)
                                    or _SUFFIXED.search(word) and word not in GIVEN_NAMES  # جمهورها
                                    or _VERBAL_NOUN.fullmatch(word) and word != "الاسلام"  # يختار أسامة الإفطار
                                    or end - start >= 3 and norm[tokens[end - 1][0]:tokens[end - 1][1]] in _NAME_SECOND
                                    or word in _NOT_SPEAKER or word[:1] in "بل" and _is_role(word[1:])
                                    or _object_after_name(norm, tokens, start, end) or word in _HOW):
            break
        end += 1
    return end


# ب and a noun of feeling or voice say how the words were said (تقول بحسرة، قالت فاطمة بصوت خافت)
_HOW = set(normalize_text("""بحسرة بحزن بمرارة بغضب بصوت بنبرة بابتسامة بفخر بثقة بسخرية بتأثر بأسى بألم
بحماس بهدوء بحرقة بانفعال بتهكم بأسف بصراحة""").split())
_SURNAME_PARTICLES = {"ابن", "بن", "ايت", "ابو", "ولد", "بو", "اولاد", "ال"}


def _object_after_name(norm: str, tokens: list[tuple[int, int]], start: int, at: int) -> bool:
    """Whether the definite word at ``at`` is the verb's object after a full name (وزار الوالي
    محمد حصاد الدوار، واستقبلت فاطمة الزهراء المنصوري الوفد), not the name's last part: family
    names with the article are mostly relational (العلوي، المنصوري), and one after ابن/آيت or
    after a compound given name (عبد الصمد الكباص، خالد آيت الطالب) stays."""
    words = [norm[a:b] for a, b in tokens[start:at + 1]]
    given = 2 if words[0] == "عبد" or words[0].startswith("عبد") and len(words[0]) <= 4 else 1
    word = words[-1]
    return len(words) - 1 >= given + 1 and word.startswith("ال") and not _NISBA.match(word) \
        and word not in _NAME_SECOND and words[-2] not in _SURNAME_PARTICLES


def _has_name(norm: str, tokens: list[tuple[int, int]], opens: bool = True) -> bool:
    """Whether a given name stands among ``tokens``; unless it ``opens`` the phrase, علي is
    the preposition على (إحدى التعليقات على الفيديو), not the name Ali."""
    return any(norm[s:e] in GIVEN_NAMES and (opens and i == 0 or norm[s:e] != "علي")
               for i, (s, e) in enumerate(tokens))


def _name_start(norm: str, tokens: list[tuple[int, int]]) -> int:
    """Index of the first token of title-or-name after a role phrase (len(tokens) if none)."""
    for i, (s, e) in enumerate(tokens):
        word = norm[s:e]
        if (word in TITLE_WORDS or word in GIVEN_NAMES) and not (i == 0 and word in _ROLES):
            return i  # أمين عام منتدى أصيلة محمد بن عيسى: أمين opens the office here, not the name
        if i > 0 and i + 1 < len(tokens) and norm[tokens[i + 1][0]:tokens[i + 1][1]] in _NAME_SECOND \
                and not word.startswith(("ال", "ل", "ب")) and not _is_role(word):
            return i  # صلاح الدين مزوار، عبد الله بوانو: a compound given name
    return len(tokens) if _is_role_word(norm, tokens[0]) else 0


def _is_org(norm: str, tokens: list[tuple[int, int]]) -> bool:
    head = norm[tokens[0][0]:tokens[0][1]]
    bare = head[2:] if head.startswith("ال") else head
    if head in _ORG_HEADS or head in _BODY_HEADS or bare in _ORG_HEADS or bare in _BODY_HEADS:
        return True  # المديرية العامة للأمن الوطني
    gaz = gazetteer()
    for n in range(min(len(tokens), gaz.max_words), 0, -1):
        found = gaz.lookup([norm[s:e] for s, e in tokens[:n]])
        if found and found[0].type == "organisation":
            return True
    return False


def _known_head(norm: str, word: str, at: int) -> bool:
    """Whether ``word`` opens a speaker: a title, role, body or crowd, a given name, or the
    name of a person the text named before ``at`` (عائشة الخماس ... الخماس انتقدت)."""
    return word in TITLE_WORDS or word in _ROLES or word in _BODY_HEADS or word in _ANONYMOUS \
        or word in GIVEN_NAMES or word.startswith("ال") and _is_role(word) or _named_before(norm, word, at)


def _named_before(norm: str, word: str, at: int) -> bool:
    """Whether ``word`` stood before ``at`` as part of a personal name: within two words after a
    given name, a title, an office or a nationality (الفنانة الإماراتية أحلام، جيل بارنيو)."""
    for match in re.finditer(r"(\S+)\s+(?:(\S+)\s+)?" + re.escape(word) + _E, norm[:at]):
        for before in filter(None, match.groups()):
            if before in GIVEN_NAMES or before in TITLE_WORDS or before in _ROLES \
                    or before[2:] in _ROLES or _NISBA.match(before):
                return True
    return False


def _appositive_follows(norm: str, start: int, end: int) -> bool:
    """Whether the next comma-separated segment is a name, title or role of the same speaker."""
    s = start
    while s < end and norm[s] == " ":
        s += 1
    word = _TOKEN.match(norm, s, end)
    if not word:
        return False
    w = word.group()
    return w in TITLE_WORDS or _is_role(w, feminine=True) or w in GIVEN_NAMES


_IN_IT = re.compile(r"\s*,?\s*(?:فيه|فيها|فيهما)(?=[\s,\-]|$)")
_DOCUMENT_OF = re.compile(
    r"(?:تصريحات|تصريح|تصريحا|بيانا|بيان|بلاغا|بلاغ|رساله|كلمه|تدوينه|تغريده|مقالا|مقال|حوارا|حوار|"
    r"مقابله|خطابا|خطاب)\s+(?P<l>لل|ل)(?P<np>[^\s,.:;\"]+(?:\s+[^\s,.:;\"]+){0,4})")
_AUTHOR_OF = re.compile(
    r"(?:اصدر|اصدرت|نشر|نشرت|وجه|وجهت|بعث|بعثت|وزع|وزعت|القي|القت)\s+(?P<np>[^,.:;\"]{2,80}?)\s+"
    r"(?:بيانا|بلاغا|رساله|تصريحا|كلمه|تدوينه|تغريده|مقالا|خطابا)")


def _author_before(doc: Document, lo: int, at: int) -> SpeakerRef | None:
    """Who wrote the document that ``قال فيها``/``أكد فيه`` refers to, named earlier in the
    sentence: ``تصريحات للشيخ الطيب قال فيها`` or ``أصدر الأزهر بيانا، ... أكد فيه``."""
    norm = doc.norm
    found = list(_DOCUMENT_OF.finditer(norm, lo, at)) or list(_AUTHOR_OF.finditer(norm, lo, at))
    if not found:
        return None
    match = found[-1]
    parsed = parse_speaker(doc, match.start("np"), match.end("np"))
    if not isinstance(parsed, SpeakerRef):
        return None
    if match.groupdict().get("l") == "لل" and doc.orig(*doc.to_orig(match.start("np"), match.end("np"))
                                                        ).startswith(parsed.name):
        parsed = replace(parsed, name="ال" + parsed.name)  # للشيخ الطيب: the article fused with ل
    return parsed


_LATTER = re.compile(r"(?:هذا\s+|هذه\s+)?(?:الاخير|الاخيره)\s*$")


def _latter(doc: Document, at: int) -> SpeakerRef | None:
    """Whom ``الأخير`` ("the latter") means: the person named last before ``at``, in this
    sentence or the one before (ولأن الملك محمد السادس تولى علاج أمينوكس، أوضح الأخير)."""
    norm = doc.norm
    start = _sentence_start(norm, max(0, _sentence_start(norm, at) - 1))
    tokens = list(_TOKEN.finditer(norm, start, at))
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].group()
        if word not in GIVEN_NAMES and (word in _NOT_OBJECT or _ROLES & {word, "ال" + word} or not (
                _named_before(norm, word, tokens[i].start())
                or re.search(_B + r"(?:" + _VERB_FORMS + r")\s+" + re.escape(word) + _E, norm))):
            continue  # a person's name: a given name, or a word the text names or makes speak
        first = i - 1 if i and tokens[i - 1].group() in GIVEN_NAMES else i
        last = i + 1 if word in GIVEN_NAMES and i + 1 < len(tokens) else i  # محمد البدري
        end = tokens[last].end()
        while norm[end - 1] in ".:;!?()":
            end -= 1
        parsed = parse_speaker(doc, tokens[first].start(), end)
        if isinstance(parsed, SpeakerRef) and parsed.kind == "person":
            return parsed
    return None


def _speaker_attribution(doc: Document, w_start: int, np_start: int, np_end: int,
                         end: int, adjacent: bool) -> Attribution:
    np_start, np_end = _strip_np(doc, np_start, np_end)
    if _LATTER.fullmatch(doc.norm, np_start, np_end):
        latter = _latter(doc, w_start)
        if latter is not None:
            return Attribution(*doc.to_orig(w_start, end), speaker=latter, adjacent=adjacent)
    if _IN_IT.match(doc.norm, np_start, np_end):
        author = _author_before(doc, doc.norm.rfind(".", 0, w_start) + 1, w_start)
        author = author or _opening_subject(doc, w_start)  # نشرت الزروالي صورة بتعليق قالت فيه
        if author is not None:
            return Attribution(*doc.to_orig(w_start, end), speaker=author, adjacent=adjacent)
        return Attribution(*doc.to_orig(w_start, end), follow="last", adjacent=adjacent)
    parsed = parse_speaker(doc, np_start, np_end)
    o_start, o_end = doc.to_orig(w_start, end)
    if isinstance(parsed, SpeakerRef) and _describes_the_speaker(doc, w_start, parsed):
        return Attribution(o_start, o_end, follow="last", fallback=parsed, adjacent=adjacent)
    if isinstance(parsed, SpeakerRef) and parsed.kind == "person" and parsed.name == parsed.role:
        holder = _office_holder(doc, w_start, parsed)
        if holder is None and _GOES_ON.match(doc.norm, w_start):  # وأضافت النجمة المغربية: who spoke
            return Attribution(o_start, o_end, follow="last", fallback=parsed, adjacent=adjacent)
        parsed = holder or parsed
    if isinstance(parsed, Attribution):
        parsed.start, parsed.end, parsed.adjacent = o_start, o_end, adjacent
        return parsed
    if parsed is None:
        parsed = _while_saying(doc, w_start) or _narrated_subject(doc, w_start) or _clause_subject(doc, w_start)
    if parsed is None:
        parsed = _antecedent(doc, w_start)
    if parsed is None and _not_a_speaker(doc, np_start, np_end):
        parsed = _opening_subject(doc, w_start)  # وحيت الفنانة نجاة عتابو ...، وقالت الأغاني
    if parsed is None:
        return Attribution(o_start, o_end, follow="last", adjacent=adjacent)
    return Attribution(o_start, o_end, speaker=parsed, adjacent=adjacent)


def _office_key(role: str) -> list[str]:
    words = normalize_text(role).split()
    first = words[0][2:] if words and words[0].startswith("ال") else (words[0] if words else "")
    return [first[:-1] if first.endswith("ه") else first] + words[1:]


def _office_holder(doc: Document, at: int, office: SpeakerRef) -> SpeakerRef | None:
    """``وأضاف الوزير`` after ``وزير الصحة خالد آيت الطالب`` spoke: an office with no name means
    the latest person the report named with it (the same office, or one the bare office
    word opens), not a speaker called "the minister"."""
    norm = doc.norm
    key = _office_key(office.role or office.name)
    found = None
    for token in _TOKEN.finditer(norm, 0, at):
        word = token.group()
        start = token.start() + (1 if word[:1] in "وبل" and _is_role(word[1:]) else 0)
        if _office_key(norm[start:token.end()])[:1] != key[:1] or _quoted(norm, start):
            continue
        stops = [i for i in (norm.find(c, start, at) for c in '".:') if i != -1]
        stop = min(stops + [at, start + 150])
        connector = _connector(doc, start, stop)
        held = parse_speaker(doc, start, connector.start() if connector else stop)
        if isinstance(held, SpeakerRef) and held.kind == "person" and held.role and held.name != held.role \
                and _office_key(held.role)[:len(key)] == key and _surely_a_name(norm, held.name):
            found = held
    return found


def _surely_a_name(norm: str, name: str) -> bool:
    """A name read after an office that is one: it opens with a given name, or the report makes
    its last word speak (وقال بارنيو), unlike a place or a clause read as a name (بدائرة سلا)."""
    words = normalize_text(name).split()
    return bool(words) and (words[0] in GIVEN_NAMES or re.search(
        _B + r"[وف]?(?:" + _VERB_FORMS + r")\s+" + re.escape(words[-1]) + _E, norm) is not None)


_GOES_ON = re.compile(r"(?:[وف]\s?)?(?:(?:اضاف|تابع|اردف|استطرد|زاد|اكمل|واصل|ختم|استرسل)ت?|"
                      r"[يت](?:ضيف|تابع|ردف|ستطرد|زيد|كمل|واصل|ختم|سترسل))" + _E)


def _describes_the_speaker(doc: Document, w_start: int, speaker: SpeakerRef) -> bool:
    """``وتابعت الأرملة``، ``وأضاف الشاب العشريني``: after a verb of going on, a definite
    description with no name, office or title is the one who was speaking, described anew."""
    words = normalize_text(speaker.name).split()
    return speaker.kind == "person" and speaker.role is None and speaker.title is None \
        and bool(_GOES_ON.match(doc.norm, w_start)) and all(w.startswith("ال") for w in words) \
        and not any(_known_head(doc.norm, w, w_start) for w in words)


_RELATIVE_BEFORE = re.compile(r"(?:^|\s)(?:الذي|التي)\s*$")


def _antecedent(doc: Document, w_start: int) -> SpeakerRef | None:
    """``بالسيدة حليمة التي قالت إن``: a speech verb right after الذي/التي speaks for the person
    the relative clause is about, when that surely is a name."""
    if not _RELATIVE_BEFORE.search(doc.norm, max(0, w_start - 8), w_start):
        return None
    person = _latter(doc, w_start)
    return person if person is not None and _surely_a_name(doc.norm, person.name) else None
_THEN = re.compile(r",\s*(?:قبل\s+ان|بعد\s+ان|ثم|حتي|ل)\s*$")


def _clause_subject(doc: Document, w_start: int) -> SpeakerRef | None:
    """``ليتحمس الوزير، قبل أن يقول للبدري``: a verb with no speaker after "before/after that"
    or "then" goes on with the subject of the clause just before it, a verb and its subject."""
    norm = doc.norm
    then = _THEN.search(norm, max(0, w_start - 14), w_start)
    if then is None:
        return None
    start = max(norm.rfind(c, 0, then.start()) for c in ',."\n') + 1
    tokens = list(_TOKEN.finditer(norm, start, then.start()))
    if len(tokens) < 2 or _known_head(norm, tokens[0].group(), tokens[0].start()) \
            or tokens[0].group() in _NOT_SPEAKER | _PREPOSITIONS \
            or not _known_head(norm, tokens[1].group(), tokens[1].start()):
        return None
    return _named_person(doc, tokens[1].start(), then.start(), office=True)


def _narrated_subject(doc: Document, w_start: int) -> SpeakerRef | None:
    """``وأدلى رئيس الحكومة عبد الإله بن كيران بصوته ... . وعبر عن أمله ...``: a verb with no
    speaker, opening its sentence right after a sentence that opened with a verb and a named
    person and said nothing, continues that person rather than the last one who spoke."""
    norm = doc.norm
    start = max(norm.rfind(".", 0, w_start), norm.rfind("\n", 0, w_start)) + 1
    if len(norm[start:w_start].split()) > 1 or start < 2:
        return None
    p_start = max(norm.rfind(".", 0, start - 1), norm.rfind("\n", 0, start - 1)) + 1
    tokens = list(_TOKEN.finditer(norm, p_start, start - 1))
    if len(tokens) < 3 or not tokens[0].group().startswith("و") or '"' in norm[p_start:start] \
            or _speech_verbs(norm, tokens[1].start(), start - 1) \
            or _speech_verbs(norm, p_start, tokens[0].end()) and tokens[0].group() != "وادلي" \
            and _INDIRECT_CONN.search(norm, tokens[1].start(), start - 1) \
            or not _known_head(norm, tokens[1].group(), tokens[1].start()):
        return None  # وقال إنه ...: that sentence spoke; وأدلى بصوته: it voted
    # وأعلنت وزارة الصحة عن تسجيل حالات: a speech verb with no أن said nothing yet, its subject
    # (a body too) goes on
    spoke = bool(_speech_verbs(norm, p_start, tokens[0].end()))
    return _named_person(doc, tokens[1].start(), start - 1, office=spoke)


def _named_person(doc: Document, start: int, end: int, office: bool = False) -> SpeakerRef | None:
    """The named person whose words open ``[start, end)``, if any; a bare office or a body too
    if ``office`` (واختتم السفير كلمته)."""
    np_end = _nominal_speaker_end(doc, start, end)
    if np_end is None:
        comma = doc.norm.find(",", start, end)
        np_end = end if comma == -1 else comma  # the name's own end: ته, a preposition, four words
    parsed = parse_speaker(doc, start, np_end)
    if isinstance(parsed, SpeakerRef) and (office and parsed.kind in ("person", "organisation")
                                           or parsed.kind == "person" and parsed.name != parsed.role):
        return parsed
    return None


def _sentence_start(norm: str, at: int) -> int:
    return max(norm.rfind(".", 0, at), norm.rfind("\n", 0, at)) + 1


def _opening_subject(doc: Document, at: int) -> SpeakerRef | None:
    """The speaker the sentence holding ``at`` opens with, as Arabic news opens one: a verb,
    then its subject (ونشرت الزروالي ...، وأنهى الحسين الوردي كلمته، عندما ولج سفيان),
    perhaps after a time or place phrase and its comma (للعام الرابع، يستعد شفيق): a named
    person, or an office or body with no name after it (واختتم السفير كلمته). What that
    speaker then says, with no speech verb of its own, is theirs."""
    norm = doc.norm
    start = _sentence_start(norm, at)
    clauses = [start]
    comma = norm.find(",", start, at)
    lead = norm[start:comma].split()
    if comma != -1 and (len(lead) <= 4 or len(lead) <= 6 and lead[0] in _ADVERBIAL_OPENERS):
        clauses.append(comma + 1)  # رغم اقتناعه بأنه على حق، يختار أسامة: a longer adverbial
    for clause in clauses:
        lead = _SUBJECT_LEAD.match(norm, clause, at)
        tokens = list(_TOKEN.finditer(norm, lead.end() if lead else clause, at))[:3]
        if len(tokens) == 3 and re.match(r"[وف]?كان", norm[clause:tokens[0].start()].strip()) \
                and (tokens[0].group() in GIVEN_NAMES or tokens[1].group() in _NAME_SECOND):
            # كان عز الدين شلح ... قد تقدم بطلب: after كان the subject comes first
            words = [m.span() for m in _TOKEN.finditer(norm, tokens[0].start(), at)]
            person = parse_speaker(doc, words[0][0], words[max(_name_end(doc, words, 0), 1) - 1][1])
            if isinstance(person, SpeakerRef) and person.kind == "person":
                return person
        if len(tokens) < 3 or _known_head(norm, tokens[0].group(), tokens[0].start()) \
                or tokens[0].group() in _NOT_SPEAKER | _PREPOSITIONS or tokens[0].group().startswith("ال") \
                or not _known_head(norm, tokens[1].group(), tokens[1].start()) or tokens[1].group() == "علي" \
                or "," in norm[tokens[0].end():tokens[1].start()]:
            continue
        head, after = tokens[1].group(), list(_TOKEN.finditer(norm, tokens[1].end(), at))
        office = (_is_role(head) or head in _BODY_HEADS) and not (
            after and _known_head(norm, after[0].group(), after[0].start()))  # الباحث زيان: a name follows
        end = next((t.start() for t in after if _POSSESSED.search(doc.orig(t.start(), t.end()))), at)
        person = _named_person(doc, tokens[1].start(), end, office=office)  # السفير كلمته: no name
        if person is not None:
            return person
    return None


_PREPOSITIONS = {"علي", "الي", "في", "من", "عن", "مع", "لدي", "حول", "امام", "ضد"}  # علي: على, not Ali
_ADVERBIAL_OPENERS = _PREPOSITIONS | {"رغم", "بعد", "قبل", "منذ", "خلال", "عند", "بعدما", "عندما", "حين",
                                      "بسبب", "وسط", "فور", "اثر", "عقب"}
_WHILE = re.compile(r"(?:^|[\s,])و?(?:هو|هي|هم)\s*$")


def _while_saying(doc: Document, w_start: int) -> SpeakerRef | None:
    """``وظهر على دو روجي الغضب وهو يقول ...``: "while he says" speaks for the person the
    sentence just named, whatever their place in it (here after a preposition)."""
    norm = doc.norm
    if not _WHILE.search(norm, max(0, w_start - 8), w_start):
        return None
    clause = norm.rfind(".", 0, w_start) + 1
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(norm, clause, w_start)][:-1]
    words = [norm[s:e] for s, e in tokens]
    for i in range(len(words) - 1, max(-1, len(words) - 9), -1):
        word, prev = words[i], words[i - 1] if i else ""
        if word in _NOT_SPEAKER | _NAME_BREAK | _PREPOSITIONS or word.startswith("ال"):
            continue
        if prev and prev not in _NOT_SPEAKER | _NAME_BREAK | _PREPOSITIONS \
                and re.search(_B + re.escape(prev + " " + word) + _E, norm[:clause]):
            start = tokens[i - 1][0]  # دو روجي: a full name the report gave before
        elif _named_before(norm, word, tokens[i][0]):
            start = tokens[i][0]
        else:
            continue
        parsed = parse_speaker(doc, start, tokens[i][1])
        return parsed if isinstance(parsed, SpeakerRef) and parsed.kind == "person" else None
    return None


# Participles whose feminine spelling is no noun as well (not متابعة "follow-up", لافتة "sign")
_GENDERED_PARTICIPLE = re.compile(
    _B + r"و?(?:مؤكد|موكد|مضيف|موضح|مشير|معتبر|مشدد|قائل|منوه|مردف|محذر|مستطرد|متسائل|معرب|مختتم|"
    r"مشيد|منتقد|مبرز|مستنكر)"
    r"(?P<end>ا|ه)" + _E)
_MASCULINE_VERBS = set(_VERBS) | {"راي", "نفي", "دعا", "ادلي"}
_FEMININE_VERBS = {v + "ت" for v in _VERBS} | {"رات", "نفت", "دعت", "تساءلت", "تسائلت"}


def _form_gender(word: str) -> str | None:
    """What a speech verb's form says of its subject: قال، يقول، مضيفا a man (or a masculine
    body), قالت، تقول، مضيفة a woman or a feminine body; plurals say nothing here."""
    if word in _MASCULINE_VERBS:
        return "m"
    if word in _FEMININE_VERBS:
        return "f"
    if word.endswith(("ون", "وا")) or word.startswith(("جاء", "ورد", "خاطب")):
        return None
    if word.startswith(("ي", "لي")):
        return "m"  # يضيف، ليقول
    if word.startswith(("ت", "لت")):
        return "f"  # تضيف، لتقول
    return None


def _gendered_words(doc: Document, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Speech verbs and participles in normalised ``[lo, hi)`` that continue or name a
    speaker, with the gender their form shows, in order. A verb counts where it opens its
    clause (وأضافت، "..."، قالت); one after words of its clause has its subject there (الشبكة
    ... تؤكد، حضور ... سجل), and one inside a quotation is someone's words."""
    norm = doc.norm
    found = [(v.start(), v.end(), _form_gender(v.group("verb"))) for v in _speech_verbs(norm, lo, hi)
             if not _in_relative(norm, v) and _opens_clause(norm, v.start())]
    found += [(p.start(), p.end(), "m" if p.group("end") == "ا" else "f")
              for p in _GENDERED_PARTICIPLE.finditer(norm, lo, hi)]
    return sorted(f for f in found if f[2] and not _quoted(norm, f[0]))


_CLAUSE_OPENERS = {"", "كما", "وكما", "ثم", "حيث", "اذ", "فيما", "بينما", "لكن", "ولكن"}


def _opens_clause(norm: str, at: int) -> bool:
    clause = max(norm.rfind(c, 0, at) for c in '.\n,":') + 1
    return norm[clause:at].strip() in _CLAUSE_OPENERS


def _quoted(norm: str, at: int) -> bool:
    return norm.count('"', norm.rfind("\n", 0, at) + 1, at) % 2 == 1


def speaker_gender(speaker: SpeakerRef) -> str | None:
    """A person's gender from the words that name them: a title (السيدة), an office in its
    feminine form (الوزيرة، النائبة) or not, a given name (فاطمة، محمد). Bodies, media and
    unnamed sources have none: الوزارة takes a feminine verb without being a woman."""
    if speaker.kind != "person":
        return None
    for part in (speaker.title, speaker.role):
        words = normalize_text(part or "").split()
        if not words:
            continue
        word = words[0]
        if word in ("السيده", "الانسه", "السيدة"):
            return "f"
        if word == "السيد":
            return "m"
        if word.endswith("ه") and (_is_role(word[:-1]) or word[:-1] in TITLE_WORDS):
            return "f"  # الوزيرة، الدكتورة
        if _is_role(word) or word in TITLE_WORDS:
            return "m"
    first = normalize_text(speaker.name).split()[:1]
    if first and first[0] in FEMALE_NAMES:
        return "f"
    if first and first[0] in GIVEN_NAMES:
        return "m"
    return None


def _with_gender(doc: Document, attribution: Attribution | None) -> Attribution | None:
    """The gender the attribution's verb or participle shows (وأضافت، مضيفا، قالت الوزارة): the
    engine sends a continuation of the other gender than the last speaker back to the latest
    one of its own, and learns a named speaker's gender from the verb that introduced them.
    A continuation's own first word counts; for a named speaker, the verb nearest the words."""
    if attribution is None:
        return None
    nlo, nhi = doc.to_norm(attribution.start), doc.to_norm(attribution.end)
    own = _gendered_words(doc, nlo, nhi)
    if own:
        attribution.gender = own[0][2] if attribution.follow == "last" else own[-1][2]
    else:  # «...»، تتابع المتحدثة: a verb only read after a quotation
        verb = _AFTER.match(doc.norm, nlo, nhi)
        attribution.gender = verb and _form_gender(verb.group("w").removeprefix("و"))
    return attribution


_DESCRIPTION_WORD = re.compile(r"[^\s\d\"]{2,}")


def _description(doc: Document, start: int, end: int) -> SpeakerRef | None:
    """A person no table knows, described by up to three words after a verb that follows a
    quotation («...»، يقول سائق الحافلة، تقول ربة بيت): who says the words is the subject right
    there, even with a noun the tables lack. Words that cannot open a noun phrase (a
    preposition, ل or ب, a manner such as ساخرا, a time) mean there is no subject."""
    words = []
    for token in _TOKEN.finditer(doc.norm, start, end):
        word = token.group()
        if word in _NAME_BREAK or word in _NOT_OBJECT or word in _AUXILIARIES or word in ("ذو", "ذات", "ذي"):
            break  # الشاب ذو العشرين عاما: the young man
        words.append(token)
    if not 1 <= len(words) <= 3 or not all(_DESCRIPTION_WORD.fullmatch(w.group()) for w in words) \
            or _MANNER.fullmatch(words[0].group()) or _TIME_WORD.match(words[0].group()) \
            or words[0].group()[:1] in "لب" and words[0].group() not in GIVEN_NAMES:
        return None
    name = doc.orig(words[0].start(), words[-1].end())
    return SpeakerRef(name=name, kind="person", surface=name)


def _relayed_subject(norm: str, start: int, at: int) -> int | None:
    """Where the subject of a verb at ``at`` starts when a source relays it (أفادت الوكالة أن
    الوزير قال، ذكرت الصحيفة أن رئيس الحكومة أكد): right after the أن of the relaying verb, when
    a known speaker opens the words there; the relaying source only passes the words on."""
    connectors = list(_INDIRECT_CONN.finditer(norm, start, at))
    if not connectors or not _speech_verbs(norm, start, connectors[-1].start()):
        return None
    first = _TOKEN.match(norm, connectors[-1].end() + 1, at)
    if first is None or not _known_head(norm, first.group(), first.start()) or _INDIRECT_CONN.search(
            norm, first.start(), at) or len(norm[first.start():at].split()) > 8:
        return None
    return first.start()


_WORD_AT = re.compile(r"\s*([^\s,\"]+)")
_AFTER_PARTICIPLE = re.compile(r"\s*,?\s*" + _GENDERED_PARTICIPLE.pattern)


def _after_subject(doc: Document, match: re.Match) -> tuple[int, int]:
    """The words that may name the speaker of a verb after a quotation: past the medium the
    words were said to (تقول للجريدة فاطمة) and how they were said (يؤكد بنبرة غاضبة أحد الشباب),
    and before what follows them: the medium (يقول أحد السكان لـ"الأحداث"), the object of a verb
    looking back (هكذا يلخص رئيس الحكومة موقفه), what one comments on (علقت إحدى المدونات على الخبر)."""
    norm = doc.norm
    start = match.start("np")
    to = _TO.search(norm, start, match.end("np"))
    end = to.start() if to else match.end("np")
    lead = _WORD_AT.match(norm, start, end)
    if lead and lead.group(1)[:1] == "ل" and ("ا" + lead.group(1)[1:] in _MEDIA or lead.group(1)[1:] in _MEDIA):
        start = lead.end()  # للجريدة، لوكالة: whom it was said to
    lead = _WORD_AT.match(norm, start, end)
    if lead and lead.group(1) in _HOW:
        start = lead.end()
        adjective = _WORD_AT.match(norm, start, end)  # بنبرة غاضبة
        if adjective and not adjective.group(1).startswith("ال") and not _known_head(norm, adjective.group(1), start):
            start = adjective.end()
    if _LOOKS_BACK.match(norm, match.start()):
        end = _object_cut(doc, start, end)
    if "علق" in match.group("w"):  # على goes with the verb
        end = next((t.start() for t in _TOKEN.finditer(norm, start, end) if t.group() == "علي"
                    and t.start() > start and doc.orig(*t.span()).endswith("ى")), end)
    return start, end


_NOMINAL_OPENER = re.compile(r"\s*(?:(?:و?لكن|اما|ف?حتي)\s+)?")


def _named_first(doc: Document, nlo: int, nhi: int) -> SpeakerRef | None:
    """The person a sentence opens with by given name, before its verb (لكن خديجة لا تصدق هذه
    الوعود، زوجها، الحسين، يعمل في الفلاحة): Arabic feature writing names its subject first too."""
    norm = doc.norm
    at = _NOMINAL_OPENER.match(norm, nlo, nhi).end()
    tokens = [t.span() for t in _TOKEN.finditer(norm, at, min(nhi, at + 120))]
    if len(tokens) > 2 and _SUFFIXED.search(norm[slice(*tokens[0])]) and "," in norm[tokens[0][1]:tokens[1][0]]:
        tokens = tokens[1:]  # زوجها، الحسين: kin, then the name
    if len(tokens) < 3 or norm[slice(*tokens[0])] not in GIVEN_NAMES or norm[slice(*tokens[0])] == "علي":
        return None
    end = max(_name_end(doc, tokens, 0), 1)
    person = parse_speaker(doc, tokens[0][0], tokens[end - 1][1])
    return person if isinstance(person, SpeakerRef) and person.kind == "person" else None


def _object_cut(doc: Document, start: int, end: int) -> int:
    """Where the subject of a verb that looks back at a quotation ends before its object
    (هكذا يلخص رئيس الحكومة موقفه، بهذه العبارات لخص أحد السكان معاناة الدوار): at a word without
    the article after one with it, unless that word is a given name."""
    tokens = list(_TOKEN.finditer(doc.norm, start, end))
    for before, token in zip(tokens, tokens[1:]):
        if before.group().startswith("ال") and not token.group().startswith(("ال", "وال")) \
                and token.group() not in GIVEN_NAMES:  # المحامية والحقوقية عائشة: one person
            return before.end()
    return end


def _subject_span(doc: Document, start: int, at: int) -> tuple[int, int]:
    """The words after a speech verb ending at ``start`` that may name its speaker."""
    norm = doc.norm
    stops = [i for i in (norm.find(c, start, at) for c in '".') if i != -1]
    stop = min(stops + [at])
    connector = _connector(doc, start, stop)
    return start, connector.start() if connector else stop


# وفي تدوينة له على فيسبوك: "...": a document of the one just named or speaking
_THEIR_DOCUMENT = re.compile(r"(?:تدوينه|تغريده|تصريح|تصريحات|بيان|كلمه|رساله|منشور|حوار|مقابله|مداخله)"
                             r"\s+(?:له|لها|لهم)" + _E)
# a headline's or a caption's "Name: "..."": the name alone, then a colon
_NAME_COLON = re.compile(r"[\s,\-]*(?P<np>(?P<head>[^\s,.:;\"]+)(?:\s+[^\s,.:;\"]+){0,3})\s*:\s*")
_SOURCES_OF = re.compile(r"(?:^|\s)[وبل]?(?:مصادر|مصدر)\s*$")  # مصادر "الأحداث المغربية": whose sources
_TO = re.compile(r"(?:^|\s)ل\s*$")  # لـ"الجزيرة": ل written apart before a quoted name
_QUOTATION = re.compile(r".(?P<words>[^\"“”«»\n]*)")  # from an opening mark to the next mark


class ArabicRules:
    """Attribution rules for Arabic (Modern Standard, as news agencies write it)."""

    min_quote_words = 3
    unattributed_quote_words = 8
    # A slogan or a title is named, not said: "تحت شعار "..."", "بعنوان "..."", and so is the
    # outlet the words were said to (يقول أحد السكان لـ"الأحداث المغربية").
    titled = re.compile(r"(?:تحت\s+(?:شعار|عنوان)|بعنوان|المعنون[ةه]?\s+بـ?|الموسوم[ةه]?\s+بـ?|شعار(?:ها|ه)?"
                        r"|(?<!\S)لـ)\s*[:،,]?\s*$")
    names_keep_context = True
    carries_over = True  # Arabic features quote their one speaker paragraphs after naming them

    def gender(self, speaker: SpeakerRef) -> str | None:
        return speaker_gender(speaker)

    def looks_back(self, doc: Document, at: int) -> bool:
        """Whether the sentence opening at ``at`` attributes the quotation that ends the one
        before (هكذا تحدثت فاطمة، بهذه الكلمات علق الوزير)."""
        return _LOOKS_BACK.match(doc.norm, doc.to_norm(at)) is not None

    def before(self, doc: Document, lo: int, hi: int) -> Attribution | None:
        return _with_gender(doc, self._before(doc, lo, hi))

    def _before(self, doc: Document, lo: int, hi: int) -> Attribution | None:
        nlo, nhi = doc.to_norm(lo), doc.to_norm(hi)
        norm = doc.norm
        if _NAMING_NOUN.search(norm, nlo, nhi) or (_TO.search(norm, nlo, nhi) or _SOURCES_OF.search(norm, nlo, nhi)) \
                and len(_QUOTATION.match(doc.text, hi).group("words").split()) <= 3:
            return None  # لصحيفة "كابيتول ليدجر"، معسكر "كي1"، لـ"الجزيرة"، مصادر "الأحداث": a name
        match = _PARTICIPLE.search(norm, nlo, nhi)
        if match:
            agrees = _GENDERED_PARTICIPLE.match(norm, match.start("w"))
            gender = agrees and ("m" if agrees.group("end") == "ا" else "f")
            verbs = [v for v in _speech_verbs(norm, nlo, match.start("w")) if not _in_relative(norm, v)
                     and _form_gender(v.group("verb")) in (None, gender or _form_gender(v.group("verb")))]
            # عبرت الوزارة عن ...، مشيدا: a participle agrees with its verb, so not with this one
            if verbs and not _has_quote(norm[verbs[-1].end():match.start("w")]):
                # "أكد رئيس المجلس، إدريس اليزمي، في ندوة ...، قائلا:" names the speaker first;
                # "لفت رئيس الشبكة إلى أن الفريق ...، مؤكدا" names him before its أن
                verb = verbs[-1]
                connector = _connector(doc, verb.end(), match.start("w"))
                np_end = connector.start() if connector else match.start("w")
                named = self._subject_first(doc, nlo, verb, nhi, known_only=True)
                if named.speaker is None or _LATTER.fullmatch(norm, *_strip_np(doc, verb.end(), np_end)):  # الخماس انتقدت الأصوات ...، موضحة: the subject first
                    named = _speaker_attribution(doc, verb.start(), verb.end(), np_end, nhi, True)
                    named = self._continued(doc, verb, np_end, named)
                if named.speaker is None:
                    named = self._subject_first(doc, nlo, verb, nhi)
                if named.speaker is not None:
                    named.adjacent = True
                    return named
            o_start, o_end = doc.to_orig(match.start("w"), nhi)
            if not verbs and not _speech_verbs(norm, _sentence_start(norm, nlo), match.start("w")):
                # وأنهى الحسين الوردي كلمته باللهجة الريفية قائلا: the participle goes with the
                # sentence's own subject, whatever its verb, not with the last one who spoke
                subject = _opening_subject(doc, match.start("w"))
                if subject is not None:
                    return Attribution(o_start, o_end, speaker=subject, adjacent=True)
            return Attribution(o_start, o_end, follow="last", adjacent=True)
        opinion = _opinion_of(doc, nlo, nhi)
        if opinion is not None:
            return opinion
        if _quoted_speaker(doc, nlo, nhi):
            return None
        match = _QAWLUHU.search(norm, nlo, nhi) or _DID_NOT_MISS.search(norm, nlo, nhi)
        if match:
            return _speaker_attribution(doc, match.start(), match.start("np"), match.end("np"),
                                        nhi, True)
        saying = _SAYING.search(norm, nlo, nhi)
        if saying and not _speech_verbs(norm, nlo, nhi):  # وتوجه الوزير إلى الحاضرين بالقول:
            subject = _opening_subject(doc, saying.start())  # whatever the verb, its subject says
            o_start, o_end = doc.to_orig(saying.start(), nhi)
            return Attribution(o_start, o_end, speaker=subject, follow=None if subject else "last",
                               adjacent=True)
        match = _BY_SAYING.search(norm, nlo, nhi)
        if match and not _speech_verbs(norm, nlo, nhi) and match.group("last") not in _BODY_HEADS \
                and (_known_head(norm, match.group("last"), match.start("last"))
                     or match.group("first") in GIVEN_NAMES):  # وهو ما أكده ... محمد الغلوسي بقوله
            # "استهلتها أحلام بقولها": whatever the verb, a name known from before speaks
            np_start = match.start("np") if match.group("first") in GIVEN_NAMES | TITLE_WORDS else match.start("last")
            return _speaker_attribution(doc, np_start, np_start, match.end("np"), nhi, True)
        verbs = _speech_verbs(norm, nlo, nhi)
        if verbs:
            verb = verbs[-1]
            tail = norm[verb.end():nhi]
            connector = _connector(doc, verb.end(), nhi)
            if not _has_quote(tail) and len(tail.split()) <= 30:
                np_end = connector.start() if connector else nhi
                after_connector = norm[connector.end():nhi].split() if connector else []
                colon = norm[nlo:nhi].rstrip().endswith(":")  # كما ذكر بأن ...، فمرحبا بها : "..."
                if len(after_connector) <= 40 or colon:
                    adjacent = len(after_connector) <= 2 or colon
                    if verb.group("verb").endswith(("فيه", "فيها")):  # وجه الملك رسالة جاء فيها:
                        author = _author_before(doc, _sentence_start(norm, verb.start()), verb.start()) \
                            or _opening_subject(doc, verb.start())
                        if author is not None:
                            return Attribution(*doc.to_orig(verb.start(), nhi), speaker=author,
                                               adjacent=adjacent)
                    if norm[verb.end():np_end].strip(" ,:") not in ("", "علي"):  # أكد على أن
                        attribution = _speaker_attribution(doc, verb.start(), verb.end(), np_end,
                                                           nhi, adjacent)
                        attribution = self._continued(doc, verb, np_end, attribution)
                        if attribution.speaker is None and attribution.follow == "last":
                            # "أما مريم بلكلوش ... فقالت لفرانس برس": no speaker after the verb
                            subject = self._subject_first(doc, nlo, verb, nhi, known_only=True)
                            if subject.speaker is not None:
                                subject.adjacent = adjacent
                                return subject
                        if attribution.speaker is not None or attribution.follow != "last" or connector \
                                or attribution.fallback is not None:  # وتابعت الدبلوماسية الأمريكية "..."
                            return attribution
                    else:
                        attribution = self._subject_first(doc, nlo, verb, nhi)
                        attribution.adjacent = adjacent
                        return self._continued(doc, verb, np_end, attribution)
        match = _RELAY.search(norm, nlo, nhi)
        if match:
            return _speaker_attribution(doc, match.start("w"), match.start("np"), match.end("np"),
                                        nhi, True)
        if _THEIR_DOCUMENT.search(norm, nlo, nhi) and norm[nlo:nhi].rstrip().endswith(":"):
            return Attribution(*doc.to_orig(nlo, nhi), follow="last", adjacent=True)  # وفي تدوينة له:
        match = _NAME_COLON.fullmatch(norm, nlo, nhi)
        if match and not verbs and _known_head(norm, match.group("head"), match.start("np")):
            parsed = parse_speaker(doc, match.start("np"), match.end("np"))  # الرميد: "..."
            if isinstance(parsed, SpeakerRef) and parsed.kind in ("person", "organisation"):
                return Attribution(*doc.to_orig(match.start("np"), nhi), speaker=parsed, adjacent=True)
        return None

    def _continued(self, doc: Document, verb: re.Match, np_end: int, found: Attribution) -> Attribution:
        """``نوه الحسين الوردي ب...، ودعا المواطنين إلى``, ``وأشار متابع آخر إلى ... وكتب``:
        a speech verb joined by و, ف, كما or ثم to an earlier one in its sentence keeps that
        verb's subject, unless a speaker the tables know follows it (وقال الوزير)."""
        norm = doc.norm
        start = _sentence_start(norm, verb.start())
        before = norm[max(start, verb.start() - 8):verb.start()].split()
        if verb.start() == verb.start("verb") and not (before and before[-1] in ("كما", "ثم", "وكما")):
            return found
        words = norm[verb.end():np_end].replace(",", " ").split()
        if found.speaker is not None and words and (_known_head(norm, words[0], verb.end())
                                                    or words[0] in _MEDIA):
            return found
        earlier = [v for v in _speech_verbs(norm, start, verb.start()) if not _in_relative(norm, v)]
        if not earlier or _has_quote(norm[earlier[-1].end():verb.start()]):
            return found
        first = earlier[-1]
        cut = re.search(r",|\s(?:الي|علي|عن|في|ان|بان|انه)\s", norm[first.end():verb.start()])
        np_stop = first.end() + cut.start() if cut else verb.start()
        parsed = parse_speaker(doc, first.end(), np_stop)
        head = norm[first.end():np_stop].split()
        if not (isinstance(parsed, SpeakerRef) and head and _known_head(norm, head[0], first.end())
                or isinstance(parsed, SpeakerRef) and len(head) <= 3):
            parsed = self._subject_first(doc, start, first, first.end(), known_only=True).speaker
        if parsed is None:
            return found
        return Attribution(found.start, found.end, speaker=parsed, adjacent=found.adjacent)

    def _subject_first(self, doc: Document, nlo: int, verb: re.Match, nhi: int,
                       known_only: bool = False) -> Attribution:
        """``وكانت مصادر كردية، أكدت أن``: the subject stands before the verb, or is the last speaker.

        ``known_only`` takes the subject only when its first word is known to name a speaker (a
        title, a role, a body, a crowd, or the surname of a person named before): where the verb
        has words after it too, an adverbial opening the sentence (وبخصوص البرنامج) is no subject.
        """
        norm = doc.norm
        clause = max(norm.rfind(".", nlo, verb.start()) + 1, nlo)
        while clause < verb.start() and norm[clause] in " ,":
            clause += 1  # "..."، حيث عاد زيان ليقول: the clause after a quotation
        lead = _SUBJECT_LEAD.match(norm, clause, verb.start())
        s = lead.end() if lead else clause
        first = _TOKEN.match(norm, s, verb.start())
        shifted = first and first.group()[:1] in "وف" and not _known_head(norm, first.group(), s) \
            and not _known_head(norm, first.group()[1:], s)
        if shifted:
            s = first.end()  # وتماهت موريسون، كما تقول: the sentence's own verb, then its subject
        subject = norm[s:verb.start()].strip(" ,")
        if shifted and len(subject.split()) == 1 and subject.startswith("ال") \
                and not _known_head(norm, subject, s):
            subject = ""  # وبنفس الطريقة كتبت: an adverbial, no verb and subject
        words = subject.split()
        if 1 < len(words) <= 5 and not _known_head(norm, words[0], s) and _known_head(norm, words[1], s) \
                and words[0] not in _NOT_SPEAKER | _PREPOSITIONS and not words[0].startswith(("ال", "ب")):
            s = norm.find(words[1], s)  # حيث عاد زيان ليقول: the first word is a verb, then its subject
            subject = norm[s:verb.start()].strip(" ,")
        relayed = _relayed_subject(norm, clause, verb.start())
        if relayed is not None:
            s, subject = relayed, norm[relayed:verb.start()].strip(" ,")
        if known_only and subject and not _known_head(norm, subject.split()[0], s) \
                or _INDIRECT_CONN.search(subject) or _speech_verbs(subject, 0, len(subject)):
            subject = ""  # وبعدما سجل أن العملية تحسنت، اعتبر: a clause before the verb, no subject
        head = subject.split()[0] if subject else ""
        limit = 12 if _is_role(head) or head in TITLE_WORDS else 8  # أما وزير الخارجية القطري ... آل ثاني فقال
        if subject and len(subject.split()) <= limit and not _has_quote(subject):
            parsed = parse_speaker(doc, s, verb.start())
            if isinstance(parsed, SpeakerRef):
                while clause < s and norm[clause] in " ,":
                    clause += 1
                o_start, o_end = doc.to_orig(clause, nhi)  # "وكانت مصادر كردية، أكدت": from وكانت
                return Attribution(o_start, o_end, speaker=parsed, adjacent=True)
        o_start, o_end = doc.to_orig(verb.start(), nhi)
        narrated = _narrated_subject(doc, verb.start()) or _antecedent(doc, verb.start())
        if narrated is not None:
            return Attribution(o_start, o_end, speaker=narrated, adjacent=True)
        return Attribution(o_start, o_end, follow="last", adjacent=True)

    def after(self, doc: Document, lo: int, hi: int) -> Attribution | None:
        return _with_gender(doc, self._after(doc, lo, hi))

    def _after(self, doc: Document, lo: int, hi: int) -> Attribution | None:
        nlo, nhi = doc.to_norm(lo), doc.to_norm(hi)
        match = _AFTER.match(doc.norm, nlo, nhi)
        if not match:
            participle = _AFTER_PARTICIPLE.match(doc.norm, nlo, nhi)  # «...»، مضيفة أن
            return participle and Attribution(lo, doc.to_orig(nlo, participle.end())[1], follow="last")
        start, end = _after_subject(doc, match)
        attribution = _speaker_attribution(doc, match.start("w"), start, end, end, True)
        if attribution.follow == "last" and attribution.fallback is None \
                and not _GOES_ON.match(doc.norm, match.start("w")):
            attribution.speaker = _description(doc, start, end)
            attribution.follow = None if attribution.speaker else "last"
        if attribution.follow == "last" and match.start("w") == nlo + 1 \
                and _SHORT_QUOTED.fullmatch(doc.norm, doc.norm.rfind('"', 0, nlo - 1), nlo):
            return None  # "التحالف الدولي" يكشف عن: a quoted name is the verb's subject
        attribution.start = lo
        return attribution

    def indirect(self, doc: Document, lo: int, hi: int) -> list[tuple[Attribution, int, int]]:
        norm = doc.norm
        nlo, nhi = doc.to_norm(lo), doc.to_norm(hi)
        found: list[tuple[Attribution, int, int]] = []
        opinion = _OPINION_OF.search(norm, nlo, nhi)
        if opinion and not _speech_verbs(norm, nlo, opinion.start()):
            speaker = _opinion_speaker(doc, opinion)
            if speaker is not None:  # its clause's own verbs (يؤكد تفرد) are its view
                found.append((Attribution(*doc.to_orig(opinion.start("w"), opinion.end()),
                                          speaker=speaker, adjacent=False), opinion.end(), nhi))
        for verb in [] if found else _speech_verbs(norm, nlo, nhi):
            if found and verb.start() < found[-1][2]:
                continue
            conn = _INDIRECT_CONN.search(norm, verb.end(), min(nhi, verb.end() + 200))
            if not conn or '"' in norm[verb.end():conn.start()] \
                    or (norm[verb.end():conn.start()].split() or [""])[-1] in _TIME_CONJUNCTION:
                continue  # زاد عدد الضحايا بعد أن انهار: "after", not "that"
            if len(norm[verb.end():conn.start()].split()) > 25:
                continue
            tail = norm[verb.end():conn.start()]
            if tail.strip(" ,"):
                attribution = _speaker_attribution(doc, verb.start(), verb.end(), conn.start(),
                                                   conn.end(), False)
            else:
                attribution = self._subject_first(doc, nlo, verb, conn.end())
            found.append((attribution, conn.end(), nhi))
        if not found:
            found = _nominal_indirect(doc, nlo, nhi)
        if not found:
            relay = _RELAY_ANY.search(norm, nlo, nhi)
            if relay:
                attribution = _speaker_attribution(doc, relay.start("w"), relay.start("np"),
                                                   relay.end("np"), relay.end("np"), False)
                rest = (relay.end(), nhi) if relay.start() - nlo < 10 else (nlo, relay.start())
                found.append((attribution, *rest))
        out = []
        for i, (attribution, c_start, c_end) in enumerate(found):
            if i + 1 < len(found):
                c_end = doc.to_norm(found[i + 1][0].start)
            out.append((_with_gender(doc, attribution), *doc.to_orig(c_start, c_end)))
        return out

    def context(self, doc: Document, lo: int, hi: int) -> Attribution | None:
        """A long quotation with no speech verb in its sentence (يستعد شفيق لممارسة ...، «أنا
        من الشباب ...») is the words of the person the sentence opens with; short ones there
        are terms the narration borrows."""
        norm = doc.norm
        nhi = doc.to_norm(hi)
        if _speech_verbs(norm, _sentence_start(norm, nhi), nhi) \
                or len(_QUOTATION.match(doc.text, hi).group("words").split()) < self.unattributed_quote_words:
            return None
        subject = _opening_subject(doc, nhi)
        return None if subject is None else Attribution(lo, hi, speaker=subject)

    def subject(self, doc: Document, lo: int, hi: int) -> SpeakerRef | None:
        """The named person a sentence of narration, with no quotation or speech verb, opens
        with (وتحدث رئيس الجمعية محمد العلوي عن ...): the quotation opening the next sentence with
        no verb is most likely theirs."""
        nlo, nhi = doc.to_norm(lo), doc.to_norm(hi)
        while nhi > nlo and doc.norm[nhi - 1] in " \n.!?؟":
            nhi -= 1  # the sentence's own full stop would open the next one
        if '"' in doc.norm[nlo:nhi] or _speech_verbs(doc.norm, nlo, nhi):
            return None  # who speaks there is the attribution's business
        person = _opening_subject(doc, nhi) or _named_first(doc, nlo, nhi) if nhi > nlo else None
        return person if person is not None and person.kind == "person" and person.name != person.role else None

    def people(self, doc: Document, lo: int, hi: int) -> list[SpeakerRef]:
        """People a sentence names with a title, office or given name that shows their gender
        (خلال لقائه بالسيدة ليلى بنعلي): whom a later وأضافت may mean though they never spoke."""
        norm = doc.norm
        nlo, nhi = doc.to_norm(lo), doc.to_norm(hi)
        found = []
        for token in _TOKEN.finditer(norm, nlo, nhi):
            word, start = token.group(), token.start()
            if word[:1] in "وبل" and (word[1:] in GIVEN_NAMES or word[1:] in TITLE_WORDS or _is_role(word[1:])):
                word, start = word[1:], start + 1  # بالسيدة، ولفاطمة
            if not (word in GIVEN_NAMES or word in TITLE_WORDS or _is_role(word)) or _quoted(norm, start) \
                    or word == "علي" and doc.orig(*token.span()).endswith("ى"):
                continue  # a name inside a quotation is words said; على is the preposition
            stops = [i for i in (norm.find(c, start, nhi) for c in ',."') if i != -1]
            parsed = parse_speaker(doc, start, min(stops + [nhi, start + 80]))
            if isinstance(parsed, SpeakerRef) and parsed.name != parsed.role and speaker_gender(parsed):
                found.append(parsed)
        return found

    def referents(self, doc: Document, lo: int, hi: int) -> list[SpeakerRef]:
        """Media named in passing (``نقلتها وسائل إعلام أميركية``), for ``تلك الوسائل`` later."""
        out = []
        for match in _RELAYED_BY.finditer(doc.norm, doc.to_norm(lo), doc.to_norm(hi)):
            name = doc.orig(match.start("np"), match.end("np"))
            out.append(SpeakerRef(name=name, kind="media", surface=name))
        return out


_TIME_CONJUNCTION = {"بعد", "قبل", "منذ", "حتي", "دون", "بدل", "عوض", "بمجرد"}  # بعد أن: after


def _in_relative(norm: str, verb: re.Match) -> bool:
    """``أحلام التي أعلنت تنازلها``: a verb in a relative clause tells about someone the sentence
    names in passing; a participle later in the sentence goes with its main verb instead."""
    before = norm[max(0, verb.start() - 12):verb.start()].split()
    return bool(before) and before[-1] in _RELATIVES


def _opinion_of(doc: Document, nlo: int, nhi: int) -> Attribution | None:
    """The person whose view the clause before a quotation gives (وبالنسبة لـX، فإن ... "..."),
    unless a speech verb before that frame already names someone else."""
    norm = doc.norm
    match = None
    for match in _OPINION_OF.finditer(norm, nlo, nhi):
        pass
    if match is None or _has_quote(norm[match.end():nhi]) or _speech_verbs(norm, nlo, match.start()) \
            or len(norm[match.end():nhi].split()) > 40:
        return None
    speaker = _opinion_speaker(doc, match)
    if speaker is None:
        return None
    return Attribution(*doc.to_orig(match.start("w"), nhi), speaker=speaker,
                       adjacent=len(norm[match.end():nhi].split()) <= 2)


_QUOTED_NAME = re.compile(r'"[^"\s]+(?:\s+[^"\s]+){0,2}\s*"\s*,?\s*(?P<next>[^\s,"]+)')


def _quoted_speaker(doc: Document, nlo: int, nhi: int) -> bool:
    """``اعتبرت "سعيدة شريف"، رئيسة تحرير مجلة "ذوات"، أن "..."``: the short quotation right
    after a speech verb, followed by an office, by أن or by the عن of a relay (نقلت "هسبريس" عن
    الوزير), is a name, not words said."""
    norm = doc.norm
    verbs = _speech_verbs(norm, nlo, nhi)
    name = _QUOTED_NAME.match(norm, nhi)
    if not verbs or not name or norm[verbs[-1].end():nhi].strip(" ,:"):
        return False
    following = name.group("next")
    return following in ("ان", "انه", "انها", "بان", "عن") or _is_role(following, feminine=True) \
        or following in TITLE_WORDS


def _opinion_speaker(doc: Document, match: re.Match) -> SpeakerRef | None:
    """The speaker after بالنسبة/برأي, read without the ل the preposition fuses to it
    (للنائب → النائب, لبارنيو → بارنيو)."""
    np_start, np_end = match.start("np"), match.end("np")
    if doc.norm[np_start:np_end] in ("له", "لها", "لهم", "لهما", "اليه", "اليها", "اليهم"):
        return None  # وبالنسبة له، فإن: the speaker before goes on
    if "بالنسبه" not in match.group("w") or not doc.norm.startswith("ل", np_start):
        parsed = parse_speaker(doc, np_start, np_end)  # برأي لحسن الداودي: a name with ل
    else:
        rest = doc.orig(np_start + 1, np_end)
        sub = Document(("ا" + rest) if doc.norm.startswith("لل", np_start) else rest)
        parsed = parse_speaker(sub, 0, len(sub.norm))
    return parsed if isinstance(parsed, SpeakerRef) else None


_NAMING_NOUN = re.compile(
    r"(?:^|\s)[وبل]?[لب]?(?:ال)?(?:صحيفه|جريده|مجله|قناه|وكاله|موقع|معسكر|قاعده|شعار|عنوان|اسم|مسمي|برنامج|"
    r"كتاب|فيلم|مسلسل|روايه|اغنيه|حمله|عمليه|مبادره|جمعيه|مؤسسه|مهرجان|منظمه|حركه|حزب|تنظيم|شركه|"
    r"ملتقي|ندوه|مؤتمر|وسم|هاشتاغ|مجموعه|ائتلاف|تحالف|يسمي|يعرف|بعنوان|وصفته|وصفه|وصفها|سماه|"
    r"سموه)\s*$")
_RELAYED_BY = re.compile(r"(?:نقلتها|نقلها|اوردتها|اوردها|بثتها|نشرتها|نشرها|اوردته|نقلته)\s+"
                         r"(?P<np>(?:وسائل|وسايل|صحيفه|وكاله|قناه|موقع|مواقع|صحف)[^,.:;\"()]{0,60}?)"
                         r"\s*(?=[,.:;\"(]|$)")


# Reported speech without أن: a verb of announcing opening its sentence, its speaker, then a
# verbal noun (أعلنت الشركة استئناف الضخ), a call (دعا كريم السكان إلى ...), a demand (طالب ... بـ),
# a refusal to speak (رفض العزاوي الإفصاح) or a doubt (شكك ... في). Other verbs with a noun object
# (رفض البرلمان القانون) are narration.
_NOMINAL_VERB = re.compile(
    r"(?:^|(?<=[\s:\-]))[وف]?(?:قد\s+)?(?P<verb>(?P<announce>اعلن|اعلنت|اعلنوا|نفي|نفت|نفوا)|"
    r"(?P<call>دعا|دعت|دعوا)|(?P<demand>طالب|طالبت|طالبوا)|(?P<refuse>رفض|رفضت|رفضوا)|"
    r"(?P<doubt>شكك|شككت|شككوا)|(?P<express>اعرب|اعربت|اعربوا|عبر|عبرت|عبروا))" + _E)
_SPEECH_NOUNS = re.compile(r"(?:الافصاح|الكشف|التعليق|الادلاء|الحديث|الرد|التصريح|تحديد|الخوض|ذكر)" + _E)
_TIME_WORD = re.compile(r"(?:امس|اليوم|يوم|يومه|زوال|مساء|صباح|ليله|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|"
                        r"الجمعه|السبت)(?=\s|$)")
_NOT_OBJECT = _NOT_SPEAKER | _NAME_BREAK | {"علي", "ان", "انه", "انها", "بان", "لان"}
_BODY_HEADS = _ORG_HEADS | {"شركه", "الشركه", "الوزاره", "مؤسسه", "المؤسسه", "مجلس", "المجلس", "محكمه",
                            "المحكمه", "منظمه", "المنظمه", "مجمع", "الهيئه", "الامانه", "امانه",
                            "الكتابه", "النقابه", "نقابه", "الجمعيه", "جمعيه", "التنسيقيه", "تنسيقيه",
                            "المركز", "مركز", "الاداره", "اداره", "السلطات", "سلطات", "الشبكه",
                            "الجامعه", "جامعه", "المنتدي", "منتدي", "النقابات", "الفيدراليه"}
_NISBA = re.compile(r"ال\S+(?:يه|ي|يين|يون)$")


def _nominal_indirect(doc: Document, nlo: int, nhi: int) -> list[tuple[Attribution, int, int]]:
    norm = doc.norm
    verb = _NOMINAL_VERB.search(norm, nlo, min(nhi, nlo + 80))
    if verb is None or '"' in norm[verb.end():nhi]:
        return []
    subject = None
    if norm[nlo:verb.start()].strip(" ,") and not norm[nlo:verb.start()].rstrip().endswith((":", "-")):
        # the verb opens the sentence (after a dateline), or a known subject stands before it
        # (وكانت الشركة قد أعلنت، المحتجون طالبوا); "وقال ... ودعا" is narration
        subject = _subject_before(doc, nlo, verb.start())
        if subject is None:
            return []
        np_end = verb.end()
    else:
        np_end = _nominal_speaker_end(doc, verb.end(), nhi)
        about = re.compile(r"\sعن" + _E).search(norm, verb.end(), min(nhi, verb.end() + 100))
        if verb.group("express") and about and (np_end is None or np_end > about.start()):
            np_end = about.start()  # أعرب مغني الراب ... فرانش مونتانا عن سعادته: up to عن
        if np_end is None:
            return []
    obj = _skip_time(norm, np_end, nhi)
    words = norm[obj:nhi].split()
    if len(words) < 2:
        return []
    if verb.group("doubt"):
        fits = words[0] == "في" or words[0].startswith("ب")
    elif verb.group("call"):
        fits = re.search(_B + r"الي" + _E, " ".join(words[:12])) is not None
    elif verb.group("demand"):
        fits = words[0].startswith("ب")
    elif verb.group("refuse"):
        fits = _SPEECH_NOUNS.match(words[0]) is not None
    elif verb.group("express"):
        fits = words[0] == "عن"
    else:
        fits = words[0] not in _NOT_OBJECT
    if not fits:
        return []
    if subject is not None:
        attribution = Attribution(*doc.to_orig(nlo, verb.end()), speaker=subject, adjacent=False)
    else:
        attribution = _speaker_attribution(doc, verb.start("verb"), verb.end(), np_end, np_end, False)
    speaker = attribution.speaker
    if speaker is None and attribution.follow == "last":
        return []
    if speaker is not None and speaker.kind == "person" and speaker.role is None \
            and normalize_text(speaker.name).split()[0] in _BODY_HEADS:
        attribution.speaker = replace(speaker, kind="organisation")  # أعلنت شركة نفط الشمال
    attribution.start = doc.to_orig(nlo, verb.end())[0]  # with the dateline before it, if any
    return [(attribution, obj, nhi)]


def _subject_before(doc: Document, nlo: int, verb_start: int) -> SpeakerRef | None:
    """The subject of a sentence that names its speaker before the verb, when the words there
    are known to name one (a body, an office, a crowd, a person named before): up to six
    words, no comma, after كان/كانت and before قد."""
    norm = doc.norm
    lead = _SUBJECT_LEAD.match(norm, nlo, verb_start)
    s = lead.end() if lead else nlo
    words = norm[s:verb_start].split()
    if words and words[-1] in ("قد", "وقد"):
        words = words[:-1]
    if not words or len(words) > 6 or "," in " ".join(words) or not _known_head(norm, words[0], s):
        return None
    end = s + len(" ".join(words))
    if norm[s:end] != " ".join(words):
        return None
    parsed = parse_speaker(doc, s, end)
    return parsed if isinstance(parsed, SpeakerRef) else None


def _skip_time(norm: str, at: int, end: int) -> int:
    """Past the commas and time words between a speaker and what they said (، الأحد،)."""
    while True:
        while at < end and norm[at] in " ,":
            at += 1
        time = _TIME_WORD.match(norm, at, end)
        if not time:
            return at
        at = time.end()


def _nominal_speaker_end(doc: Document, start: int, end: int) -> int | None:
    """Where the speaker after the verb ends: a name the report gave in full before (ودعا كريم
    → نوزاد كريم, ورفض العزاوي), an organisation or office up to its first definite noun with
    its adjectives (أعلنت شركة نفط الشمال، / الشركة الوطنية), else as far as the speaker's
    appositions reach (شكك المتحدث باسم الوزارة، هيمن رشيد، في ...)."""
    norm = doc.norm
    chain = _chain_end(doc, start, end)
    comma = norm.find(",", start, end)
    if comma == -1 or chain is not None and chain < comma:
        return chain
    if len(norm[start:comma].split()) > 10:
        return None
    parsed = parse_speaker(doc, start, end)
    if not isinstance(parsed, SpeakerRef) or not parsed.surface:
        return None
    at = doc.text.find(parsed.surface, doc.to_orig(start, start + 1)[0])
    return doc.to_norm(at + len(parsed.surface)) if at != -1 else None


def _chain_end(doc: Document, start: int, end: int) -> int | None:
    norm = doc.norm
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(norm, start, end)][:8]
    if len(tokens) < 3:
        return None
    word = [norm[s:e] for s, e in tokens]
    known = _BODY_HEADS | _ROLES | _ANONYMOUS | TITLE_WORDS | _MEDIA
    if word[0] not in known and word[1] not in GIVEN_NAMES | TITLE_WORDS | _ROLES \
            and re.search(r"[^\s,.:]\s+" + re.escape(word[0]) + _E, norm[:start]):
        return tokens[0][1]  # ودعا كريم, ورفض العزاوي: the surname of a person named before
    if word[0] not in _BODY_HEADS and word[0] not in _ANONYMOUS and word[0] not in _ROLES:
        return None
    comma = norm.find(",", start, end)
    parsed = parse_speaker(doc, start, end if comma == -1 else comma) if word[0] in _ROLES else None
    if isinstance(parsed, SpeakerRef) and parsed.name != parsed.role and parsed.surface:
        # دعا الأمين العام لحزب العدالة والتنمية عبد الإله ابن كيران، ...: the office and the name
        at = doc.text.find(parsed.surface, doc.to_orig(start, start + 1)[0])
        return doc.to_norm(at + len(parsed.surface)) if at != -1 else None
    i = 0
    while not word[i].startswith("ال") and i + 2 < len(tokens):
        i += 1  # the construct chain ends at its first definite noun
    i = _adjectives_end(word, i)
    while i + 2 < len(word) and _genitive_body(word[i + 1]):
        # الأمين العام لحزب العدالة والتنمية: the office's body belongs to the speaker
        i += 1
        while not word[i].startswith(("ال", "لل")) and i + 2 < len(word):
            i += 1
        if i + 2 < len(word) and word[i + 1].startswith("وال"):
            i += 1  # العدالة والتنمية, الأصالة والمعاصرة
        i = _adjectives_end(word, i)
    if word[i + 1] == "باسم" or word[i + 1].startswith("لل"):
        return None  # المتحدث باسم ...: the office goes on
    return tokens[i][1] if norm.find(",", start, tokens[i][1]) == -1 else None


def _adjectives_end(word: list[str], i: int) -> int:
    """Index of the last adjective (nisba or office modifier) after ``word[i]``, leaving one
    word for what the speaker said."""
    while i + 2 < len(word) and (_NISBA.match(word[i + 1]) or word[i + 1] in _OFFICE_MODIFIERS) \
            and not _TIME_WORD.match(word[i + 1]):
        i += 1
    return i


def _genitive_body(word: str) -> bool:
    """``لحزب``, ``لوزارة``, ``للحزب``: ل with a body the office belongs to (not لوسائل الإعلام)."""
    if not word.startswith("ل") or len(word) < 4:
        return False
    stem = "ال" + word[2:] if word.startswith("لل") else word[1:]
    return stem in _BODY_HEADS or (stem.startswith("ال") and stem[2:] in _BODY_HEADS)
