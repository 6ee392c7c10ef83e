"""Arabic attribution rules, matched on normalised text (أ/إ/آ → ا, ة → ه, ى → ي, "«» → ").

Arabic news puts the verb first and the speaker after it, with role and title around the name
(``وقال الناطق باسم التحالف الدولي، العقيد رايان ديلون، في تصريحات ... إن "..."``); a
participle (``مؤكدا أن``) continues the same speaker; ``بحسب``/``وفقا لـ``/``نقلا عن``/``على لسان``
credit a source; ``وكانت مصادر كردية، أكدت أن`` puts the subject first.
"""

from .words import GIVEN_NAMES, FEMALE_NAMES, TITLE_WORDS, SPEECH_VERB
from .speaker import parse_speaker
from .gender import speaker_gender
from .rules import ArabicRules

__all__ = ["ArabicRules", "parse_speaker", "speaker_gender", "GIVEN_NAMES", "FEMALE_NAMES", "TITLE_WORDS", "SPEECH_VERB"]
