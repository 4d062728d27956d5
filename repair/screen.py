"""One quick look at a text: which repair families could have anything to do.

Clean text must pass far faster than damaged text is repaired, so every step
first asks this screen, which uses only C-speed scans (one character-class
search, substring tests and counts).  A sign is not a verdict: it only lets a
step run its full, lexicon-backed check.

>>> sorted(signs("قال الرئيس إن الوضع مستقر"))
[]
>>> sorted(signs("وكالـــة “أعمـــاق” عن \\ue008\\ue005 عنصر"))
['extraction', 'figures', 'kashida', 'rare']
"""

from __future__ import annotations

import re
from functools import lru_cache

# Characters clean text almost never has: private use, presentation forms,
# bidi embeddings and isolates, tatweel.
RARE = re.compile("[\ue000-\uf8ff\ufb50-\ufdff\ufe70-\ufefe\u202a-\u202e\u2066-\u2069\u0640]")
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
EMBEDDING = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Tatweel inside a word or in a run: justification, not a prefix written apart (بـ «, الـ8).
STRETCH = re.compile("[\u0621-\u064a]\u0640+[\u0621-\u064a]|\u0640{2,}")
DIGIT_GLUED = re.compile("[0-9\u0660-\u0669][\u0621-\u064a]")

# The article before a swapped lam-alef (PyMuPDF): اإلسالمية, األحد, اال.
SWAP_SIGN = re.compile("ا[اأإآ]ل")
# Reversed text: words that start with letters that only end words.
REVERSED_WORD_STARTS = (" ة", " ى", "\nة", "\nى")
# Vocalised text reversed: a word that starts with a haraka.
SHORT_VOWELS = ("\u064e", "\u064f", "\u0650")
MARK_STARTS_WORD = re.compile("(?:^|[ «“(])[\u064b-\u0652]", re.M)
SHORT_TEXT = 600
# A line that opens with closing punctuation before an Arabic word: runs shown in visual order (PyMuPDF).
OPENS_WITH_LINE_END = re.compile(r"(?m)^[ \t]*[.،:؛!؟)»][ \t]*[\u0621-\u064a]")

# A short line (a PDF line) that opens with a short word that is not a common
# particle and closes on a letter that does not join left: how a chunk-reversed
# line looks (``ية، بالرغم … الأثر``).  Most clean lines fail it.
_COMMON_SHORT_WORDS = ("في من إن أن لا ما عن مع ثم قد لم لن هو هي هم كل أو بل إذ لو ذلك هذا هذه تلك "
                       "على إلى الى حتى منذ بين عند لدى نحو دون بعد قبل غير أي ان ال و يا كما لكن قال كان ليس").split()
_OPENS_WITH_FRAGMENT = re.compile(
    "(?m)^[ \\t]*(?!(?:" + "|".join(sorted(_COMMON_SHORT_WORDS, key=len, reverse=True))
    + ")[\\s،.:؛!؟])[\u0621-\u064a][\u064b-\u0652\u0621-\u064a]{0,5}?[\\s،.:؛]")
_CLOSES_ON_NON_JOINER = re.compile("[اأإآٱءدذرزوؤةى][\u064b-\u0652]*$")
MAX_PDF_LINE = 400


@lru_cache(maxsize=8)
def signs(text: str) -> frozenset:
    """The families with something to look at in ``text`` (cached for the pipeline's run).

    ``rare`` says the text holds any rare character at all; ``extraction`` that it
    holds a mark only extraction leaves (private use, presentation forms, bidi
    embeddings, ``(cid:NN)``, stretched tatweel).
    """
    found = set()
    if RARE.search(text):
        found.add("rare")
        if "\u0640" in text:
            found.add("kashida")
            if STRETCH.search(text):
                found.add("extraction")
        if PRIVATE_USE.search(text):
            found.update(("figures", "extraction"))
        if PRESENTATION.search(text):
            found.update(("presentation_forms", "visual_order", "extraction"))
        if EMBEDDING.search(text):
            found.update(("bidi_controls", "extraction"))
    if "(cid:" in text:
        found.update(("figures", "extraction"))
    if "  " in text:
        found.add("figures")
    if SWAP_SIGN.search(text):
        found.add("presentation_forms")
    if _looks_reversed(text):
        found.add("visual_order")
    if DIGIT_GLUED.search(text):
        found.add("words")
    if _has_fragment_line(text):
        found.add("chunk_reversal")
    if OPENS_WITH_LINE_END.search(text):
        found.add("run_order")
    return frozenset(found)


def _has_fragment_line(text: str) -> bool:
    """Some short line opens like the right half of a split word and closes like a left half."""
    for match in _OPENS_WITH_FRAGMENT.finditer(text):
        start = match.start()
        end = text.find("\n", start, start + MAX_PDF_LINE + 2)
        if end < 0:
            if len(text) - start > MAX_PDF_LINE:
                continue
            end = len(text)
        if _CLOSES_ON_NON_JOINER.search(text[max(start, end - 8):end].rstrip()):
            return True
    return False


def _looks_reversed(text: str) -> bool:
    """Word starts only reversed text has, or more words ending in a reversed article than starting with one."""
    if any(s in text for s in REVERSED_WORD_STARTS):
        return True
    if any(mark in text for mark in SHORT_VOWELS) and MARK_STARTS_WORD.search(text):
        return True
    articles = text.count(" ال")
    if text.count("لا") * 3 < articles:  # an upper bound of the reversed articles: most texts stop here
        return False
    reversed_articles = text.count("لا ") + text.count("لا\n") + text.count("لا.") + text.count("لا،")
    return reversed_articles > 0 and reversed_articles * 3 >= articles + text.count("\nال")


def has(text: str, family: str) -> bool:
    """True when the screen shows a sign for ``family``.

    >>> has("ةنيدملا يف لاتقلا رمتسا", "visual_order")
    True
    """
    return family in signs(text)


def is_short(text: str) -> bool:
    """Short inputs (a line a scraper passes) get every check: it costs little.

    >>> is_short("سطر")
    True
    """
    return len(text) < SHORT_TEXT
