"""Arabic script facts shared by every repair: letter classes, words, marks.

>>> is_arabic_letter("ب"), is_arabic_letter("b")
(True, False)
>>> joins_left("ر"), joins_left("ب")
(False, True)
"""

from __future__ import annotations

import re

TATWEEL = "\u0640"

# Letters of the basic Arabic block (hamza..yeh) and the common extensions.
ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x064B) if c != 0x0640) + "\u0671\u067e\u0686\u0698\u06a4\u06a9\u06af\u06cc\u06c1\u06d2"
# Harakat, tanwin, shadda, sukun, superscript alef, and Quranic marks.
DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670" + "".join(chr(c) for c in range(0x06D6, 0x06EE))
# Letters that never join the following letter (in logical order).
NON_JOINING_LEFT = set("اأإآٱءدذرزوؤةىژ")
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
EXTENDED_ARABIC_INDIC_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
WESTERN_DIGITS = "0123456789"

_ARABIC_LETTER_SET = frozenset(ARABIC_LETTERS)
_DIACRITIC_SET = frozenset(DIACRITICS)

_ARABIC_LETTER_RUN = re.compile(f"[{ARABIC_LETTERS}]")
# Letters of other scripts: word characters that are neither digits, underscore, nor Arabic.
_OTHER_LETTER = re.compile("[^\\W\\d_\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_STRIP_MARKS = {ord(ch): None for ch in DIACRITICS + TATWEEL}
_NOT_LETTER = re.compile(f"[^{ARABIC_LETTERS}]+")

ARABIC_CHAR_CLASS = "\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF"
ARABIC_RUN = re.compile(f"[{ARABIC_CHAR_CLASS}]+")
WORD = re.compile(f"[{ARABIC_CHAR_CLASS}\\w]+")
LATIN_LETTER = re.compile("[A-Za-z]")
PRIVATE_USE = re.compile("[\uE000-\uF8FF]")


def is_arabic_letter(ch: str) -> bool:
    """True for a base Arabic letter (not a mark, digit or tatweel).

    >>> is_arabic_letter("ـ")
    False
    """
    return ch in _ARABIC_LETTER_SET


def is_diacritic(ch: str) -> bool:
    """True for a harakah, tanwin, shadda, sukun or Quranic mark.

    >>> is_diacritic("\u064e")
    True
    """
    return ch in _DIACRITIC_SET


def joins_left(ch: str) -> bool:
    """True when the letter connects to the next letter of its word.

    >>> joins_left("ز")
    False
    """
    return is_arabic_letter(ch) and ch not in NON_JOINING_LEFT


def strip_diacritics(text: str) -> str:
    """Remove harakat and tatweel, keep everything else.

    >>> strip_diacritics("مُـحَمَّد")
    'محمد'
    """
    return text.translate(_STRIP_MARKS)


def arabic_share(text: str) -> float:
    """The share of letters in ``text`` that are Arabic (0 when there are none).

    >>> arabic_share("حلب Aleppo")
    0.3333333333333333
    """
    arabic = len(_ARABIC_LETTER_RUN.findall(text))
    if not arabic:
        return 0.0
    other = len(_OTHER_LETTER.findall(text))
    return arabic / (arabic + other)


def letters_only(word: str) -> str:
    """The Arabic letters of a token, without punctuation, marks or tatweel.

    >>> letters_only("“الأثرية،")
    'الأثرية'
    """
    return _NOT_LETTER.sub("", word)


_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def fold(text: str) -> str:
    """Normalise for comparison: alef, yeh, teh marbuta and hamza variants, marks, tatweel.

    >>> fold("حوالى") == fold("حوالي")
    True
    """
    return strip_diacritics(text).translate(_FOLD)
