"""Language detection for news reports.

Arabic, Persian, Sorani Kurdish and Urdu share one script, and general-purpose detectors
confuse them (a Kurdish broadcaster's report is not Arabic). So text written mostly in Arabic
script is told apart here, by how often each language's own letters and function words occur
in it: one Persian name inside an Arabic report moves a few letters, not the balance. Text in
other scripts goes to py3langid, whose model ships inside the package (no download at run
time) and whose naive-Bayes scoring is deterministic.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARABIC_SCRIPT = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_WORD = re.compile("[\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff]+")

# Letters one of the four languages writes and the other three do not (or almost never).
# Persian has no letter of its own among them: پ چ ژ گ are shared with Urdu and Sorani, and
# ی ک also appear in Arabic typed on a Persian keyboard, so they weigh little.
_LETTERS: dict[str, dict[str, float]] = {
    "ar": {"ة": 1.0, "ى": 1.0, "إ": 1.0, "ي": 0.3, "ك": 0.3},
    "fa": {"پ": 0.5, "چ": 0.5, "ژ": 0.5, "گ": 0.5, "ی": 0.1, "ک": 0.1},
    "ckb": {"ە": 1.0, "ۆ": 1.0, "ێ": 1.0, "ڵ": 1.0, "ڕ": 1.0, "ڤ": 0.5},
    "ur": {"ے": 1.0, "ٹ": 1.0, "ڈ": 1.0, "ڑ": 1.0, "ں": 1.0, "ھ": 1.0, "ہ": 1.0, "ۃ": 1.0},
}

# Frequent function words, written with ی and ک so that Arabic typed either way matches.
# Words two languages share (من، ما، هم، و) are left out.
_WORDS: dict[str, frozenset[str]] = {
    "ar": frozenset(
        "فی علی الی إلی عن أن إن ان التی الذی الذین هذا هذه ذلک تلک مع قال وقال کان کانت بعد "
        "قبل بین حیث لم لن لا قد أو ثم کما حتی عند خلال منذ ضد إلا غیر وفی أنه إنه وأن فیما "
        "وکان ولا علیه إلیه لدی لقد أیضا".split()
    ),
    "fa": frozenset(
        "از در که را این است با برای های ها یک بود شد شده می خود آن تا بر نیز اما پس "
        "گفت کرد کرده باید هر دیگر ای یا".split()
    ),
    "ckb": frozenset(
        "لە بە بۆ کە ئەو ئەم لەگەڵ لەسەر دوای هەروەها یان بەڵام زۆر هەموو پێش ناو کرد دەکات "
        "بوو دەبێت وت".split()
    ),
    "ur": frozenset(
        "کے کی کا میں نے کو سے ہے ہیں اور پر یہ وہ تھا تھی تھے گیا کہا ایک کر بھی ہو لیے جو "
        "کہ گئی".split()
    ),
}
# The word list wins over the letters when both speak: words are the surer sign.
_LETTER_WEIGHT = 4.0
# Share of letter-bearing tokens with the Arabic article; Persian and Urdu borrow few such words.
_ARTICLE = re.compile("^(?:ال|وال|بال|لل|فال|کال|وبال|ولل)..")
_ARTICLE_WEIGHT = 0.5


def _fold(word: str) -> str:
    """Spell Arabic ي ك ى as Persian ی ک so one word list serves both keyboards."""
    return word.replace("ي", "ی").replace("ك", "ک").replace("ى", "ی")


def _arabic_script_language(text: str) -> str | None:
    letters = _ARABIC_SCRIPT.findall(text)
    words = [_fold(w) for w in _WORD.findall(text)]
    if not letters or not words:
        return None
    counts: dict[str, int] = {}
    for letter in letters:
        counts[letter] = counts.get(letter, 0) + 1
    scores: dict[str, float] = {}
    for lang in _LETTERS:
        letter_rate = sum(counts.get(ch, 0) * w for ch, w in _LETTERS[lang].items()) / len(letters)
        word_rate = sum(1 for w in words if w in _WORDS[lang]) / len(words)
        scores[lang] = word_rate + _LETTER_WEIGHT * letter_rate
    scores["ar"] += _ARTICLE_WEIGHT * sum(1 for w in words if _ARTICLE.match(w)) / len(words)
    best = max(scores, key=lambda lang: (scores[lang], lang == "ar"))
    return best if scores[best] > 0 else None


# Languages with a sizeable press. py3langid knows 140, many of them rare (Nigerian Pidgin,
# Bikol, Frisian), and on a short English headline those rare ones win by accident.
_NEWS_LANGUAGES = (
    "en fr de es it pt nl sv da no fi pl cs sk ru uk bg sr hr sl ro hu el tr az ku he zh ja ko "
    "vi th id ms tl hi bn ta sw so ha am ka hy kk uz sq mk lt lv et ca".split()
)


@lru_cache(maxsize=1)
def _identifier():
    """Load py3langid's bundled model once (about half a second), only when first needed."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(_NEWS_LANGUAGES)
    return identifier


# Below this probability py3langid is guessing (one or two words, names, codes).
_MIN_PROBABILITY = 0.5


def detect_language(text: str) -> str | None:
    """Return the ISO 639 code of the text's language, or None when it cannot be told.

    The script with more letters decides which method applies, so an English report quoting an
    Arabic name stays English, and an Arabic report naming "Ryan Dillon" stays Arabic.
    """
    text = unicodedata.normalize("NFKC", text or "")
    arabic = len(_ARABIC_SCRIPT.findall(text))
    other = sum(1 for ch in text if ch.isalpha()) - arabic
    if arabic == 0 and other == 0:
        return None
    if arabic >= other:
        return _arabic_script_language(text)
    lang, probability = _identifier().classify(text)
    return lang if probability >= _MIN_PROBABILITY else None
