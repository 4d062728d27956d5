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
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from .arabic import DIACRITICS
from . import screen
from .model import Edit

# The two Arabic presentation-form blocks.  U+FEFF (the byte-order mark)
# sits at the end of the second block but is not Arabic: never touched.
PRESENTATION_FORM = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFE]")
# A run of Arabic script (letters, marks, Arabic punctuation and digits,
# presentation forms): the unit one edit covers.
ARABIC_WORD_CHAR = "[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFE]"
ARABIC_WORD = re.compile(ARABIC_WORD_CHAR + "+")
# Lam-alef (and lam-alef-maksura, lam-lam-heh) ligatures decomposed in visual
# order: alef before lam, heh before the lams.  Each written form -> the fix.
UNSWAP = {**{alef + "ل": "ل" + alef for alef in "اأإآى"}, "هلل": "لله"}
SWAPPED = re.compile("|".join(UNSWAP))
# A whole Arabic word holding such a spot: the only words of a line without
# presentation forms that this step may change.
SWAPPED_WORD = re.compile(f"(?<!{ARABIC_WORD_CHAR}){ARABIC_WORD_CHAR}*(?:{SWAPPED.pattern}){ARABIC_WORD_CHAR}*")

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
    between letters are skipped.  The line is read as a string of shapes
    (:func:`shapes`), and the disagreeing neighbours are counted by regex.

    >>> shape_mismatches("ﺣﻠﺐ")   # حلب, logical
    (0, 2)
    >>> shape_mismatches("ﺐﻠﺣ")   # حلب, visual
    (2, 0)
    """
    shaped = shapes(line)
    return len(LOGICAL_MISMATCH.findall(shaped)), len(VISUAL_MISMATCH.findall(shaped))


# One presentation form stands for each shape in :func:`shapes`.
_ISOLATED, _INITIAL, _MEDIAL, _FINAL = "\ufe8d", "\ufe91", "\ufe92", "\ufe90"
# Neighbours that disagree: in logical order a letter joining its next one
# before one not joining its previous one, or the other way round; in visual
# order the same with the roles of next and previous swapped.
LOGICAL_MISMATCH = re.compile(f"[{_INITIAL}{_MEDIAL}](?=[{_ISOLATED}{_INITIAL}])"
                              f"|[{_ISOLATED}{_FINAL}](?=[{_MEDIAL}{_FINAL}])")
VISUAL_MISMATCH = re.compile(f"[{_MEDIAL}{_FINAL}](?=[{_ISOLATED}{_FINAL}])"
                             f"|[{_ISOLATED}{_INITIAL}](?=[{_INITIAL}{_MEDIAL}])")


def shapes(line: str) -> str:
    """``line`` with each contextual form replaced by the form standing for its
    shape (:data:`_ISOLATED` ...), marks dropped, other forms made spaces;
    any other character is left as it is and breaks a run of shapes.

    >>> shapes("ﺣَﻠﺐ a") == _INITIAL + _MEDIAL + _FINAL + " a"
    True
    """
    return line.translate(_shape_table())


@lru_cache(maxsize=1)
def _shape_table() -> dict:
    """The :func:`shapes` table: every presentation form and every mark."""
    stands_for = {(False, False): _ISOLATED, (False, True): _INITIAL, (True, True): _MEDIAL, (True, False): _FINAL}
    table = {ord(ch): None for ch in DIACRITICS}
    for code in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)]:
        shape = joining(chr(code))
        table[code] = stands_for[shape] if shape is not None else " "
    return table


def line_is_visual(line: str) -> bool:
    """True when the joining shapes of the line say it is stored in visual order.

    >>> line_is_visual("ﺔﻴﻣﻼﺳﻹﺍ ﺔﻟﻭﺪﻟﺍ"), line_is_visual("ﺍﻟﺪﻭﻟﺔ ﺍﻹﺳﻼﻣﻴﺔ")
    (True, False)
    >>> line_is_visual("ﻻ")          # no evidence either way: logical
    False
    """
    return words_are_visual(ARABIC_WORD.findall(line))


def words_are_visual(words) -> bool:
    """:func:`line_is_visual` for a line's Arabic words: a disagreeing pair of
    neighbours never spans two words, so each word's count is cached.

    >>> words_are_visual(["ﺔﻴﻣﻼﺳﻹﺍ", "ﺔﻟﻭﺪﻟﺍ"])
    True
    """
    counts = list(map(word_mismatches, words))
    if not counts:
        return False
    logical, visual = map(sum, zip(*counts))
    return logical > 2 * visual


@lru_cache(maxsize=50_000)
def word_mismatches(word: str) -> tuple[int, int]:
    """:func:`shape_mismatches` of one word (cached per word).

    >>> word_mismatches("ﺐﻠﺣ")
    (2, 0)
    """
    return shape_mismatches(word)


@lru_cache(maxsize=50_000)
def fold_word(word: str, visual: bool = False) -> str:
    """``word`` with every presentation form folded, nothing else changed (cached per word).

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


@lru_cache(maxsize=50_000)
def best_unswap(word: str) -> tuple[str, float, float]:
    """The best-scoring candidate for ``word``, its Zipf and the given word's
    (cached per word: the lexicon does not change).

    >>> best_unswap("خالل")[0]
    'خلال'
    """
    from .lexicon import zipf

    best = max(lam_alef_candidates(word), key=zipf, default=word)
    return best, zipf(best), zipf(word)


@lru_cache(maxsize=50_000)
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
    if not SWAPPED.search(word) or not (swapped_document or _unknown(word)):
        return None
    best, score, given = best_unswap(word)
    strict = given < SWAP_GIVEN_BELOW and score >= SWAP_FIXED_AT_LEAST
    relaxed = swapped_document and score >= RELAXED_FIXED_AT_LEAST and score >= given + RELAXED_MARGIN
    if not (strict or relaxed):
        return None
    return best, f"lam-alef written alef first: lexicon Zipf {score:.1f} for {best}, {given:.1f} as given"


def _unknown(word: str) -> bool:
    """True when the lexicon scores ``word`` below :data:`SWAP_GIVEN_BELOW`: only
    such a word can pass the strict bar, a known one only the relaxed bar of a
    document shown to swap (so most words never have their candidates scored).

    >>> _unknown("اإلنتاجية"), _unknown("بالإنتاج")
    (True, False)
    """
    from .lexicon import zipf

    return zipf(word) < SWAP_GIVEN_BELOW


def lam_alef_fixes(words) -> dict[str, tuple[str, str]]:
    """Every swapped word among ``words`` mapped to (fixed word, evidence).

    When three or more distinct words are swapped beyond doubt, the document
    swaps lam-alefs and the relaxed bar applies to the rest.

    >>> "خالل" in lam_alef_fixes(["اإلنتاجية", "خالل", "األحد"])
    False
    >>> len(lam_alef_fixes(["اإلنتاجية", "خالل", "األحد", "االنتخابات"]))
    4
    """
    # unswap_lam_alef() is None for a word without a swap spot: no need to look for one first.
    candidates = set(words)
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
    if not fixes:
        return line, 0
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


def folded_words(line: str, offset: int) -> list[tuple]:
    """(start, end, given, folded, visual) for every Arabic word of a line;
    ``visual`` as the joining shapes say.

    >>> folded_words("ﺐﻠﺣ ﻲﻓ", 10)
    [(10, 13, 'ﺐﻠﺣ', 'بلح', True), (14, 16, 'ﻲﻓ', 'يف', True)]
    """
    matches = list(ARABIC_WORD.finditer(line))
    if PRESENTATION_FORM.search(line) is None:
        return [(offset + m.start(), offset + m.end(), m.group(), m.group(), False) for m in matches]
    words = [m.group() for m in matches]
    visual = words_are_visual(words)
    return [(offset + m.start(), offset + m.end(), word, fold_word(word, visual), visual)
            for m, word in zip(matches, words)]


@dataclass
class Line:
    """One line of the text as this step sees it.

    ``shaped`` holds the :func:`folded_words` of a line with presentation
    forms (None for any other line); ``swapped`` the words of any other line
    that hold an alef-first lam-alef, the only words there this step may
    change; ``visual`` is set when the lexicon reads the line backwards.
    """

    offset: int
    text: str
    shaped: list | None
    swapped: list
    visual: bool = False

    def lam_alef_words(self) -> list[str]:
        """The words of the line whose lam-alefs may be swapped back (none in a visual line).

        >>> read_lines("ارتفعت اإلنتاجية في المصنع")[0].lam_alef_words()
        ['اإلنتاجية', 'المصنع']
        """
        if self.visual:
            return []
        if self.shaped is None:
            return self.swapped
        return [w[3] for w in self.shaped if not w[4]]

    def all_words(self) -> list[tuple]:
        """Every Arabic word of the line, as :func:`folded_words` gives them."""
        return self.shaped if self.shaped is not None else folded_words(self.text, self.offset)

    def edits(self, fixes: dict) -> list[Edit]:
        """The edits for the line's words: folded forms, lam-alefs swapped back."""
        if self.shaped is not None:
            if not fixes:
                return fold_edits(self.shaped, self.visual)
            words = (w[:4] + (w[4] or self.visual,) for w in self.shaped)
        elif self.visual or not fixes:
            return []
        else:
            words = ((self.offset + m.start(), self.offset + m.end(), m.group(), m.group(), False)
                     for m in SWAPPED_WORD.finditer(self.text) if m.group() in fixes)
        return [e for e in (word_edit(*w, fixes) for w in words) if e is not None]


def read_lines(text: str) -> list[Line]:
    """The lines of ``text``, each with the words this step may change.

    >>> [(line.shaped is None, line.swapped) for line in read_lines("ﺣﻠﺐ\\nاإلنتاجية في")]
    [(False, []), (True, ['اإلنتاجية'])]
    """
    lines = []
    for offset, line in line_spans(text):
        if PRESENTATION_FORM.search(line) is not None:
            lines.append(Line(offset, line, folded_words(line, offset), []))
        else:
            lines.append(Line(offset, line, None, SWAPPED_WORD.findall(line)))
    return lines


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


def logical_lines(text: str) -> list[Line]:
    """The lines of ``text`` (:func:`read_lines`); lines with a lam-alef fix
    in question that the lexicon reads backwards are marked visual.

    >>> [line.visual for line in logical_lines("نيعوبسأ لالخ\\nارتفعت اإلنتاجية")]
    [True, False]
    """
    lines = read_lines(text)
    fixes = lam_alef_fixes(w for line in lines for w in line.lam_alef_words())
    if not fixes:
        return lines
    for line in lines:
        if any(w in fixes for w in line.lam_alef_words()) and reads_visual(line.all_words()):
            line.visual = True
    return lines


def word_edit(start: int, end: int, word: str, after: str, visual: bool, fixes: dict) -> Edit | None:
    """The edit for one word: folded forms, or a lam-alef swapped back."""
    if after in fixes and not visual:
        after, evidence = fixes[after]
        return Edit(start, end, after, "lam_alef", 0.9, evidence)
    if after == word:
        return None
    return Edit(start, end, after, "presentation_form", 0.99, FOLDED[visual])


FOLDED = {False: "presentation forms folded (NFKC), logical order",
          True: "presentation forms folded (NFKC), visual order (joining shapes): unfolded right to left"}


def fold_edits(shaped: list[tuple], visual: bool = False) -> list[Edit]:
    """:func:`word_edit` for the :func:`folded_words` of a line when there is no
    lam-alef fix: one edit per word whose forms fold to other letters.

    >>> [e.after for e in fold_edits(folded_words("ﺣﻠﺐ في", 0))]
    ['حلب']
    """
    return [Edit(start, end, after, "presentation_form", 0.99, FOLDED[word_visual or visual])
            for start, end, word, after, word_visual in shaped if after != word]


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
    if not screen.has_sign(text, "presentation_forms", ctx):
        return []
    shaped = shaped_lines(text)
    words = plain_swapped_words(text, shaped) + [w for line in shaped for w in line.lam_alef_words()]
    fixes = lam_alef_fixes(words)
    if not fixes:
        # The usual case: no lam-alef to swap back, so only the shaped lines change.
        return [e for line in shaped for e in line.edits(fixes)]
    lines = logical_lines(text)
    fixes = lam_alef_fixes(w for line in lines for w in line.lam_alef_words())
    return [e for line in lines for e in line.edits(fixes)]


def shaped_lines(text: str) -> list[Line]:
    """The lines of ``text`` that hold a presentation form, as :func:`read_lines` reads them
    (found by searching the text for forms, not line by line).

    >>> [(line.offset, line.text) for line in shaped_lines("نص\\nﺣﻠﺐ\\nنص")]
    [(3, 'ﺣﻠﺐ')]
    """
    lines = []
    found = PRESENTATION_FORM.search(text)
    while found:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end
        line = text[start:end]
        lines.append(Line(start, line, folded_words(line, start), []))
        found = PRESENTATION_FORM.search(text, end)
    return lines


def plain_swapped_words(text: str, shaped: list[Line]) -> list[str]:
    """The ``swapped`` words (:func:`read_lines`) of every line of ``text`` not in ``shaped``:
    one search per stretch of lines between two shaped ones (a word never spans a line).

    >>> plain_swapped_words("اإلنتاجية في\\nﺣﻠﺐ\\nخالل", shaped_lines("اإلنتاجية في\\nﺣﻠﺐ\\nخالل"))
    ['اإلنتاجية', 'خالل']
    """
    words, start = [], 0
    for line in shaped:
        words += SWAPPED_WORD.findall(text, start, line.offset)
        start = line.offset + len(line.text)
    words += SWAPPED_WORD.findall(text, start)
    return words
