"""Presentation forms (U+FB50–FDFF, U+FE70–FEFE) folded to base letters.

PDF producers that shape Arabic themselves (reportlab with arabic-reshaper,
some Chromium fonts) write contextual glyph forms such as ``ﺐﻠﺣ``; extractors
hand them back as compatibility characters.  Only these two Arabic blocks
are folded (NFKC on those code points only): ``ﬁ`` (U+FB01), fullwidth forms
or ``²`` elsewhere in the text are left alone.

A line in visual order (pdfminer) is stored right to left, so a ligature
must unfold right to left too: ``ﻻ`` becomes ``ال`` there, and ``لا`` once
the visual step reverses the line.  The order of a line is read from the
joining shapes themselves: in logical order an initial form is followed by
a medial or final one; in visual order the final form comes first.

Also fixed here: lam-alef written alef-first (``اإلنتاجية`` for
``الإنتاجية``, ``خالل`` for ``خلال``, ``اهلل`` for ``الله``), as PyMuPDF and
poppler give LibreOffice PDFs set in DejaVu Sans or Noto Sans Arabic: the
ligature glyph's text ``لإ`` is copied into a line stored in visual order
and comes out reversed with it.
A word is fixed when the lexicon knows the swapped-back word and not the
given one; once a document shows the swap, on a clear frequency margin.

>>> from repair.offsets import apply_edits
>>> apply_edits("ﻣﺮﺣﺒﺎ ﻻ", fold_presentation_forms("ﻣﺮﺣﺒﺎ ﻻ", None))[0]
'مرحبا لا'
>>> apply_edits("ﻻ ﺐﻠﺣ", fold_presentation_forms("ﻻ ﺐﻠﺣ", None))[0]
'ال بلح'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import combinations

from .arabic import is_diacritic
from . import screen
from .model import Edit

# The two Arabic presentation-form blocks.  U+FEFF (the byte-order mark)
# sits at the end of the second block but is not Arabic: never touched.
PRESENTATION_FORM = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFE]")
# A run of Arabic script (letters, marks, Arabic punctuation and digits,
# presentation forms): the unit one edit covers.
ARABIC_WORD = re.compile("[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFE]+")
# Lam-alef (and lam-alef-maksura, lam-lam-heh) ligatures decomposed in visual
# order: alef before lam, heh before the lams.  Each written form -> the fix.
UNSWAP = {**{alef + "ل": "ل" + alef for alef in "اأإآى"}, "هلل": "لله"}
SWAPPED = re.compile("|".join(UNSWAP))
# The article before a swapped lam-alef (اإلسالمية, األحد, اال): never in clean
# text, in every document an extractor swapped; the lexicon is consulted only then.
SWAP_SIGN = re.compile("ا[اأإآ]ل")

_JOINS = {"isolated": (False, False), "initial": (False, True),
          "medial": (True, True), "final": (True, False)}

SWAP_FIXED_AT_LEAST = 2.5
SWAP_GIVEN_BELOW = 1.0
# Once this many distinct words are swapped beyond doubt, the document swaps.
SWAPPED_DOCUMENT = 3
RELAXED_FIXED_AT_LEAST = 3.0
RELAXED_MARGIN = 1.2
MAX_SWAPS = 4


@lru_cache(maxsize=4096)
def fold_char(ch: str, visual: bool = False) -> str:
    """The base letters of one presentation form; reversed when the line is visual.

    Isolated mark forms (``ﹰ`` U+FE70) lose the space NFKC puts before them.

    >>> fold_char("ﻼ"), fold_char("ﻼ", visual=True)
    ('لا', 'ال')
    >>> fold_char("ﷲ", visual=True)
    'هللا'
    >>> fold_char("\\ufe70") == "\\u064b"
    True
    """
    base = unicodedata.normalize("NFKC", ch)
    if base.startswith(" ") and len(base) > 1:
        base = base.lstrip(" ")
    return base[::-1] if visual else base


@lru_cache(maxsize=4096)
def joining(ch: str) -> tuple[bool, bool] | None:
    """(joins the previous letter, joins the next letter) in logical order, for a
    contextual presentation form; None for anything else.

    >>> joining("ﺑ"), joining("ﺐ"), joining("ب")
    ((False, True), (True, False), None)
    """
    if not PRESENTATION_FORM.match(ch):
        return None
    tag = unicodedata.decomposition(ch).partition(" ")[0].strip("<>")
    return _JOINS.get(tag)


def shape_mismatches(line: str) -> tuple[int, int]:
    """How many neighbouring shaped letters disagree with logical, and with visual order.

    In logical order a letter that joins its next letter is followed by one
    that joins its previous letter; in visual order the roles swap.  Marks
    between letters are skipped.

    >>> shape_mismatches("ﺣﻠﺐ")   # حلب, logical
    (0, 2)
    >>> shape_mismatches("ﺐﻠﺣ")   # حلب, visual
    (2, 0)
    """
    logical = visual = 0
    previous = None
    for ch in line:
        if is_diacritic(ch):
            continue
        shape = joining(ch)
        if shape is not None and previous is not None:
            logical += previous[1] != shape[0]
            visual += previous[0] != shape[1]
        previous = shape
    return logical, visual


def line_is_visual(line: str) -> bool:
    """True when the joining shapes of the line say it is stored in visual order.

    >>> line_is_visual("ﺔﻴﻣﻼﺳﻹﺍ ﺔﻟﻭﺪﻟﺍ"), line_is_visual("ﺍﻟﺪﻭﻟﺔ ﺍﻹﺳﻼﻣﻴﺔ")
    (True, False)
    >>> line_is_visual("ﻻ")          # no evidence either way: logical
    False
    """
    logical, visual = shape_mismatches(line)
    return logical > 2 * visual


def fold_word(word: str, visual: bool = False) -> str:
    """``word`` with every presentation form folded, nothing else changed.

    >>> fold_word("ﺍﻹﺳﻼﻣﻴﺔ،")
    'الإسلامية،'
    >>> fold_word("ﺔﻴﻣﻼﺳﻹﺍ", visual=True)[::-1]
    'الإسلامية'
    """
    return PRESENTATION_FORM.sub(lambda m: fold_char(m.group(), visual), word)


def lam_alef_candidates(word: str) -> list[str]:
    """``word`` with one or more swapped lam-alefs (or lam-lam-heh) put back.

    >>> lam_alef_candidates("اإلنتاجية")
    ['الإنتاجية']
    >>> sorted(lam_alef_candidates("اإلسالم"))
    ['اإلسلام', 'الإسالم', 'الإسلام']
    >>> lam_alef_candidates("اهلل")
    ['الله']
    """
    spots = [(m.start(), m.group()) for m in SWAPPED.finditer(word)][:MAX_SWAPS]
    out = []
    for n in range(1, len(spots) + 1):
        for chosen in combinations(spots, n):
            fixed = word
            for i, found in chosen:
                fixed = fixed[:i] + UNSWAP[found] + fixed[i + len(found):]
            out.append(fixed)
    return out


def best_unswap(word: str) -> tuple[str, float, float]:
    """The best-scoring candidate for ``word``, its Zipf and the given word's.

    >>> best_unswap("خالل")[0]
    'خلال'
    """
    from .lexicon import zipf

    best = max(lam_alef_candidates(word), key=zipf, default=word)
    return best, zipf(best), zipf(word)


def unswap_lam_alef(word: str, swapped_document: bool = False) -> tuple[str, str] | None:
    """The lam-alef fix for one word and its evidence, or None.

    On its own a word is fixed only when the lexicon knows the fixed word
    (Zipf >= 2.5) and not the given one (Zipf < 1).  In a document already
    shown to swap lam-alefs, a fix that is clearly commoner (Zipf >= 3 and
    1.2 above the given word) is taken too: ``خالل``, ``ال`` for ``لا``.

    >>> unswap_lam_alef("اإلنتاجية")[0]
    'الإنتاجية'
    >>> unswap_lam_alef("بالإنتاج") is None      # a real word: left alone
    True
    >>> unswap_lam_alef("خالل") is None, unswap_lam_alef("خالل", swapped_document=True)[0]
    (True, 'خلال')
    """
    if not SWAPPED.search(word):
        return None
    best, score, given = best_unswap(word)
    strict = given < SWAP_GIVEN_BELOW and score >= SWAP_FIXED_AT_LEAST
    relaxed = swapped_document and score >= RELAXED_FIXED_AT_LEAST and score >= given + RELAXED_MARGIN
    if not (strict or relaxed):
        return None
    return best, f"lam-alef written alef first: lexicon Zipf {score:.1f} for {best}, {given:.1f} as given"


def lam_alef_fixes(words) -> dict[str, tuple[str, str]]:
    """Every swapped word among ``words`` mapped to (fixed word, evidence).

    When three or more distinct words are swapped beyond doubt, the document
    swaps lam-alefs and the relaxed bar applies to the rest.

    >>> "خالل" in lam_alef_fixes(["اإلنتاجية", "خالل", "األحد"])
    False
    >>> len(lam_alef_fixes(["اإلنتاجية", "خالل", "األحد", "االنتخابات"]))
    4
    """
    candidates = {w for w in words if SWAPPED.search(w)}
    fixes = {w: fix for w in candidates if (fix := unswap_lam_alef(w))}
    if len(fixes) >= SWAPPED_DOCUMENT:
        for w in candidates - fixes.keys():
            fix = unswap_lam_alef(w, swapped_document=True)
            if fix:
                fixes[w] = fix
    return fixes


def unswap_line(line: str, fixes: dict) -> tuple[str, int]:
    """``line`` with every word found in ``fixes`` replaced; and how many were.

    >>> unswap_line("ارتفعت اإلنتاجية.", {"اإلنتاجية": ("الإنتاجية", "")})
    ('ارتفعت الإنتاجية.', 1)
    """
    count = 0

    def swap(m):
        nonlocal count
        fix = fixes.get(m.group())
        if fix is None:
            return m.group()
        count += 1
        return fix[0]

    return ARABIC_WORD.sub(swap, line), count


def line_spans(text: str):
    """(start, line) for every line of ``text``, without the newline.

    >>> list(line_spans("a\\nbc"))
    [(0, 'a'), (2, 'bc')]
    """
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def folded_words(line: str, offset: int):
    """(start, end, given, folded, visual) for every Arabic word of a line;
    ``visual`` as the joining shapes say."""
    has_forms = PRESENTATION_FORM.search(line) is not None
    visual = has_forms and line_is_visual(line)
    for m in ARABIC_WORD.finditer(line):
        word = m.group()
        after = fold_word(word, visual) if has_forms else word
        yield offset + m.start(), offset + m.end(), word, after, visual


def reads_visual(words: list[tuple]) -> bool:
    """True when the lexicon says a line of unshaped words is stored in visual
    order (its lam-alefs are the visual step's business, after reversal).

    >>> reads_visual([(0, 4, "لالخ", "لالخ", False), (5, 9, "نيعوبسأ", "نيعوبسأ", False)])
    True
    """
    if any(w[4] for w in words):
        return True
    from .visual import judge_line

    return judge_line(" ".join(w[3] for w in words)).is_visual()


def logical_lines(text: str) -> list[list[tuple]]:
    """The folded words of every line, one list per line; lines found to be in
    visual order (by shapes, or by the lexicon where a lam-alef fix is in
    question) have every word marked visual."""
    lines = [list(folded_words(line, offset)) for offset, line in line_spans(text)]
    fixes = lam_alef_fixes(w[3] for line in lines for w in line if not w[4])
    if not fixes:
        return lines
    for i, line in enumerate(lines):
        if any(w[3] in fixes for w in line) and reads_visual(line):
            lines[i] = [w[:4] + (True,) for w in line]
    return lines


def word_edit(start: int, end: int, word: str, after: str, visual: bool, fixes: dict) -> Edit | None:
    """The edit for one word: folded forms, or a lam-alef swapped back."""
    if after in fixes and not visual:
        after, evidence = fixes[after]
        return Edit(start, end, after, "lam_alef", 0.9, evidence)
    if after == word:
        return None
    order = "visual order (joining shapes): unfolded right to left" if visual else "logical order"
    return Edit(start, end, after, "presentation_form", 0.99, f"presentation forms folded (NFKC), {order}")


def fold_presentation_forms(text: str, ctx) -> list[Edit]:
    """Fold presentation forms to base letters and swap back alef-first lam-alefs.

    One edit per changed word.  Text with no presentation forms and no article
    before a swapped lam-alef is returned untouched without loading the lexicon.
    Lam-alefs in lines stored in visual order are left to the visual step.

    >>> fold_presentation_forms("ﬁne ２ ½", None)
    []
    >>> [e.after for e in fold_presentation_forms("ارتفعت اإلنتاجية", None)]
    ['الإنتاجية']
    >>> fold_presentation_forms("نيعوبسأ لالخ", None)
    []
    """
    if not screen.has(text, "presentation_forms"):
        return []
    words = [w for line in logical_lines(text) for w in line]
    fixes = lam_alef_fixes(w[3] for w in words if not w[4])
    edits = (word_edit(*w, fixes) for w in words)
    return [e for e in edits if e is not None]
