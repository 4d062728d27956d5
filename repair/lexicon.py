"""The Arabic lexicon: wordfreq's offline Arabic list, loaded once, on first use.

Scores are Zipf values (log10 of frequency per billion words): 0 for unknown
words, about 7 for the commonest.  Fragments such as ``ية`` still score, so
compare hypotheses with each other rather than with a fixed bar.

>>> zipf("وزير") > zipf("وز") + 2
True
>>> zipf("الأثرية،") == zipf("الأثرية")
True
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from .arabic import DIACRITICS, TATWEEL

_TABLE = None
_STRIP = {ord(ch): None for ch in DIACRITICS + TATWEEL}
_EDGE_PUNCT = "\"'“”«»()[]{}.,،؛;:!?؟…-–—/\\"
_PRESENTATION_FORM = re.compile("[\ufb50-\ufeff]")


def _table() -> dict:
    global _TABLE
    if _TABLE is None:
        import wordfreq

        _TABLE = wordfreq.get_frequency_dict("ar", wordlist="best")
    return _TABLE


def normalise(word: str) -> str:
    """The form the list is keyed by: no marks, no tatweel, no edge punctuation.

    >>> normalise("«مجدداً»")
    'مجددا'
    """
    word = word.strip(_EDGE_PUNCT)
    if _PRESENTATION_FORM.search(word):
        word = unicodedata.normalize("NFKC", word)
    return word.translate(_STRIP)


def splice_key(part: str) -> str | None:
    """:func:`normalise` of ``part`` when keys of parts may be spliced; None when it holds a presentation form.

    For parts ``x`` and ``y`` of a word, neither with a presentation form, ``x``
    neither opening nor ending on edge punctuation and ``y`` not opening on
    it, ``normalise(x + y) == normalise(x) + normalise(y)``: the strip then
    only touches the end of ``y``, and marks are dropped one character at a
    time.  (NFKC may fold a presentation form with its neighbour: no splice.)

    >>> splice_key("الأثر") + splice_key("يةً،") == normalise("الأثريةً،")
    True
    """
    return None if _PRESENTATION_FORM.search(part) else normalise(part)


def listed(key: str) -> bool:
    """True when the list has the normalised form ``key``: :func:`zipf` is 0.0 for a word whose key it lacks.

    >>> listed(normalise("«وزير»")), listed("وزير ية")
    (True, False)
    """
    return key in _table()


def listed_keys():
    """Every normalised form the list has: ``key in listed_keys()`` is :func:`listed`, for loops
    that test many keys.

    >>> "وزير" in listed_keys()
    True
    """
    return _table().keys()


@lru_cache(maxsize=100_000)
def zipf(word: str) -> float:
    """Zipf frequency of one word (0.0 when the list does not have it).

    >>> zipf("xyzzyxq")
    0.0
    """
    key = normalise(word)
    if not key:
        return 0.0
    freq = _table().get(key)
    if freq is None:
        return 0.0
    return max(0.0, math.log10(freq) + 9.0)


def known(word: str, at_least: float = 1.0) -> bool:
    """True when the lexicon has ``word`` at Zipf ``at_least`` or more.

    >>> known("السورية"), known("ياض", at_least=3)
    (True, False)
    """
    return zipf(word) >= at_least


@lru_cache(maxsize=100_000)
def log_prob(word: str, floor: float = -1.0) -> float:
    """log10 probability of a word, with unknown words at Zipf ``floor``.

    >>> log_prob("في") > log_prob("ريابكوف")
    True
    """
    return max(zipf(word), floor) - 9.0
