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
# A digit glued to a letter.  The \uffff, at once ruled out by the lookbehind,
# only makes the digit class a table look-up (three ranges instead of two): twice
# as fast to scan, same matches as "[0-9\u0660-\u0669][\u0621-\u064a]".
DIGIT_GLUED = re.compile("[0-9\u0660-\u0669\uffff](?<!\uffff)[\u0621-\u064a]")

# The article before a swapped lam-alef (PyMuPDF): اإلسالمية, األحد, اال.
SWAP_SIGN = re.compile("ا[اأإآ]ل")
# Reversed text: words that start with letters that only end words (ة, ى after a space
# or a newline).  Searched as two substrings and one regex: after a newline (rare), a
# literal prefix lets the search skip from line to line, five times faster than ``in``.
_REVERSED_AFTER_SPACE = (" ة", " ى")
_REVERSED_AT_LINE_START = re.compile("\n[ةى]")
# Vocalised text reversed: a word that starts with a haraka.
SHORT_VOWELS = ("\u064e", "\u064f", "\u0650")
# A mark that starts a word (at the text's start or after a space, quote or bracket),
# searched from the mark: a lookbehind, not a ``^`` tried at every position.
_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
_MARK_AFTER_WORD_GAP = re.compile("[\u064b-\u0652](?<=[\n «“(].)")
SHORT_TEXT = 600
# A vowel mark right after a space (led by a literal: scanned for at C speed): harakat detached (pdf.js).
MARK_AFTER_SPACE = re.compile(" [\u064b-\u0652]")
# A line that opens with closing punctuation before an Arabic word: runs shown in visual
# order (PyMuPDF).  Matched at the text's start, or searched after a newline (a literal
# prefix the search skips to at C speed, where ``(?m)^`` is tried at every position).
# (Not a bracket or a guillemet: a producer that stores them mirrored, as python-bidi does, makes
# a line that opens with a quote, ``«تنظيم``, look like ``»تنظيم`` in logical-order output too.)
CLOSING_PUNCT = ".،:؛!؟"
LINE_END_OPENING = re.compile(f"[ \t]*[{CLOSING_PUNCT}][ \t]*[\u0621-\u064a]")
LINE_END_OPENING_AFTER_NEWLINE = re.compile(f"\n[ \t]*[{CLOSING_PUNCT}][ \t]*[\u0621-\u064a]")

# A short line (a PDF line) that opens with a short word that is not a common
# particle and closes on a letter that does not join left: how a chunk-reversed
# line looks (``ية، بالرغم … الأثر``).  Most clean lines fail it.
_COMMON_SHORT_WORDS = ("في من إن أن لا ما عن مع ثم قد لم لن هو هي هم كل أو بل إذ لو ذلك هذا هذه تلك "
                       "على إلى الى حتى منذ بين عند لدى نحو دون بعد قبل غير أي ان ال و يا كما لكن قال كان ليس").split()
_FRAGMENT_OPENING = ("[ \\t]*(?!(?:" + "|".join(sorted(_COMMON_SHORT_WORDS, key=len, reverse=True))
                     + ")[\\s،.:؛!؟])[\u0621-\u064a][\u064b-\u0652\u0621-\u064a]{0,5}?[\\s،.:؛]")
# Lines that open so (``(?m)^`` + the opening) are found at C speed: the opening
# matched at the text's start, or looked ahead of a newline (a literal prefix
# the search skips to, where ``^`` would be tried at every position).
_FRAGMENT_AT_START = re.compile(_FRAGMENT_OPENING)
_FRAGMENT_AFTER_NEWLINE = re.compile("\n(?=" + _FRAGMENT_OPENING + ")")
# Searched between a line's last 8 characters and its end: trailing spaces are let through
# (as ``str.rstrip`` would drop them; ``\s`` and ``str.isspace`` are the same class).
_CLOSES_ON_NON_JOINER = re.compile("[اأإآٱءدذرزوؤةى][\u064b-\u0652]*\\s*\\Z")
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
    if _opens_with_line_end(text):
        found.add("run_order")
    if MARK_AFTER_SPACE.search(text):
        found.add("marks")
    return frozenset(found)


def _opens_with_line_end(text: str) -> bool:
    """True when some line opens with closing punctuation before an Arabic word.

    >>> _opens_with_line_end("سطر\\n. ثم"), _opens_with_line_end("سطر. ثم")
    (True, False)
    """
    return bool(LINE_END_OPENING.match(text) or LINE_END_OPENING_AFTER_NEWLINE.search(text))


def _fragment_line_starts(text: str):
    """Where the lines that open like the right half of a split word start, in order.

    >>> list(_fragment_line_starts("ية، بالرغم\\nفي البيت\\nرياض حجاب"))
    [0, 20]
    """
    if _FRAGMENT_AT_START.match(text):
        yield 0
    for match in _FRAGMENT_AFTER_NEWLINE.finditer(text):
        yield match.start() + 1


def _has_fragment_line(text: str) -> bool:
    """Some short line opens like the right half of a split word and closes like a left half."""
    for start in _fragment_line_starts(text):
        end = text.find("\n", start, start + MAX_PDF_LINE + 2)
        if end < 0:
            if len(text) - start > MAX_PDF_LINE:
                continue
            end = len(text)
        if _CLOSES_ON_NON_JOINER.search(text, max(start, end - 8), end):
            return True
    return False


def _looks_reversed(text: str) -> bool:
    """Word starts only reversed text has, or more words ending in a reversed article than starting with one."""
    if any(s in text for s in _REVERSED_AFTER_SPACE) or _REVERSED_AT_LINE_START.search(text):
        return True
    if any(mark in text for mark in SHORT_VOWELS) and _mark_starts_word(text):
        return True
    articles = text.count(" ال")
    if text.count("لا") * 3 < articles:  # an upper bound of the reversed articles: most texts stop here
        return False
    reversed_articles = text.count("لا ") + text.count("لا\n") + text.count("لا.") + text.count("لا،")
    return reversed_articles > 0 and reversed_articles * 3 >= articles + text.count("\nال")


def _mark_starts_word(text: str) -> bool:
    """True when a mark starts a word: at the text's start, or after a space, quote or bracket.

    >>> _mark_starts_word("مَن \u064eقال"), _mark_starts_word("مَن قال")
    (True, False)
    """
    return bool(text) and text[0] in _MARKS or bool(_MARK_AFTER_WORD_GAP.search(text))


def has(text: str, family: str) -> bool:
    """True when the screen shows a sign for ``family``.

    >>> has("ةنيدملا يف لاتقلا رمتسا", "visual_order")
    True
    """
    return family in signs(text)


def may_hold_figure_slots(text: str) -> bool:
    """The screen's ``figures`` sign, tested alone.

    >>> may_hold_figure_slots("قتل \ue008 عنصرا"), may_hold_figure_slots("قتل عشرة عناصر")
    (True, False)
    """
    return "  " in text or "(cid:" in text or PRIVATE_USE.search(text) is not None


# A family's sign tested alone: what :func:`signs` would say of it, without screening for the rest.
SIGN_TESTS = {
    "bidi_controls": lambda text: EMBEDDING.search(text) is not None,
    "presentation_forms": lambda text: PRESENTATION.search(text) is not None or SWAP_SIGN.search(text) is not None,
    "visual_order": lambda text: PRESENTATION.search(text) is not None or _looks_reversed(text),
    "figures": may_hold_figure_slots,
    "marks": lambda text: MARK_AFTER_SPACE.search(text) is not None,
}


def has_sign(text: str, family: str, ctx=None) -> bool:
    """True when ``text`` shows a sign of ``family``'s damage.

    The pipeline's input (``ctx.original``) was screened once and the answer is
    read off that screen; a text the steps have already edited gets the one
    test its family needs (:data:`SIGN_TESTS`) rather than a whole new screen.

    >>> has_sign("ﺣﻠﺐ", "presentation_forms"), has_sign("قال \u200f", "bidi_controls")
    (True, False)
    """
    if (ctx is not None and text is getattr(ctx, "original", None)) or family not in SIGN_TESTS:
        return has(text, family)
    return SIGN_TESTS[family](text)


def is_short(text: str) -> bool:
    """Short inputs (a line a scraper passes) get every check: it costs little.

    >>> is_short("سطر")
    True
    """
    return len(text) < SHORT_TEXT
