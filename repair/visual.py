"""Visual-order (character-reversed) lines put back in logical order.

pdfminer.six (and pdfplumber) give every line of a right-to-left PDF in
visual order: ``ﺐﻠﺣ ﻲﻓ 85`` for ``85 في حلب``, digit and Latin runs kept left
to right.  Putting such a line back reverses the order of its runs and the
Arabic inside them, keeps ``85`` and ``Associated Press`` as they are and
mirrors brackets (:func:`to_logical`).

Detection is per line and by the lexicon: a line is visual when its Arabic
words read backwards are far more often words than as given.  Clean lines
are dismissed on a sample of their first words, and text without Arabic
never loads the lexicon.

A producer that bidi'd a whole paragraph also reversed its line order.
Here lines are swapped back only where the lexicon shows it (a word split
across two lines that only makes a word when the lines are read the other
way round); otherwise :mod:`repair.line_order`, the next step, reads each
paragraph bottom up when that is clearly more fluent.

>>> from repair.offsets import apply_edits
>>> apply_edits("بلح يف لاتقلا رمتسا", reorder_visual_lines("بلح يف لاتقلا رمتسا", None))[0]
'استمر القتال في حلب'
>>> reorder_visual_lines("استمر القتال في حلب", None)
[]
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from .arabic import ARABIC_LETTERS, ARABIC_RUN, DIACRITICS, is_diacritic, letters_only
from . import screen
from .model import Edit
from .presentation import ARABIC_WORD, SWAPPED, best_unswap, lam_alef_fixes, unswap_line

# Left-to-right runs inside a right-to-left line: Latin words with whatever
# digits, spaces and punctuation lie between them, and numbers with their inner
# separators (UBA: European digits after Arabic letters become Arabic numbers,
# which absorb only a single common separator between digits).
LATIN = "A-Za-z\u00C0-\u024F"
DIGIT = "0-9\u0660-\u0669\u06F0-\u06F9"
RTL_CHARS = "\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC"
LTR_RUN = re.compile(
    f"[{DIGIT}]*[{LATIN}](?:[^{RTL_CHARS}\\n]*[{LATIN}0-9])?"
    f"|[{DIGIT}]+(?:[.,:/\u066B\u066C][{DIGIT}]+)*")
RTL_CHAR = re.compile(f"[{RTL_CHARS}]")
STRONG_CHAR = re.compile(f"[{RTL_CHARS}{LATIN}]")
DIACRITIC = re.compile(f"[{DIACRITICS}]")
LATIN_CHAR = re.compile(f"[{LATIN}]")
# European terminators: a European number takes them into its run.
TERMINATORS = "#$%°‰±¢£¤¥€₹\u066A"
# What a PDF draws as one glyph: a flag (two regional indicators), an emoji
# with its modifiers and ZWJ partners; anything else is one character.
EMOJI = "\U0001F000-\U0001FAFF\u2600-\u27BF"
GLYPH = re.compile(
    f"[\U0001F1E6-\U0001F1FF]{{2}}"
    f"|[{EMOJI}][\uFE0F\U0001F3FB-\U0001F3FF]*(?:\u200D[{EMOJI}][\uFE0F\U0001F3FB-\U0001F3FF]*)*"
    "|.", re.DOTALL)
MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")
# Quick tests: without these characters every glyph is one character, and
# no bracket needs mirroring.
EMOJI_CHAR = re.compile(f"[{EMOJI}]")
MIRRORED = re.compile("[()\\[\\]{}<>«»‹›]")

# A line that ends with a mark (what ends_with_mark() tells of one line), anywhere in a text.
LINE_ENDS_WITH_MARK = re.compile(f"[{DIACRITICS}][^\\S\n]*$", re.M)

SAMPLE_WORDS = 6
# Words scoring below this are also tried with their lam-alefs swapped back.
SWAP_CREDIT_BELOW = 2.5
# A line of 3+ words: reversed words must beat the words as given by this much
# mean Zipf, and score this much on their own.
MARGIN = 1.0
MIN_REVERSED = 2.0
# Lines of 1–2 words: the stronger bar.  Lines of up to 4 words next to a
# visual line: a weaker one.
SHORT_WORDS = 2
SHORT_MARGIN = 2.5
SHORT_MIN_REVERSED = 3.0
NEIGHBOUR_WORDS = 4
NEIGHBOUR_MARGIN = 0.5
# A sample this clearly logical skips the line.
CLEARLY_LOGICAL = -1.0
# A word split across a line join: the halves joined must be a word this common.
SPLIT_WORD_AT_LEAST = 3.0
# Fragments of a line split at a mark are joined when the word across the
# break scores this much.
JUNCTION_AT_LEAST = 1.5
EDGE_PUNCTUATION = ".,،؛;:!?؟…\"'«»()[]-"
_ARABIC_LETTER_SET = frozenset(ARABIC_LETTERS)
_LETTERS_AND_MARKS = _ARABIC_LETTER_SET | frozenset(DIACRITICS)


class Verdict(NamedTuple):
    """What the lexicon (and, in vocalised text, the marks) say about one line's order.

    ``marks_first``/``marks_last`` count words stored with a mark first / last:
    a logical word never starts with a mark, a visual one never ends with one.
    (A named tuple: one is built per line, and a tuple is built faster than a
    frozen dataclass.)
    """

    words: int
    given: float
    reversed: float
    marks_first: int = 0
    marks_last: int = 0

    @property
    def margin(self) -> float:
        return self.reversed - self.given

    def lexicon_says_visual(self, neighbour_visual: bool = False) -> bool:
        """True when the reversed reading wins by the bar for this many words.

        >>> Verdict(5, 0.4, 4.1).lexicon_says_visual(), Verdict(1, 3.1, 4.9).lexicon_says_visual()
        (True, False)
        >>> Verdict(1, 3.1, 4.9).lexicon_says_visual(neighbour_visual=True)
        True
        """
        if self.words == 0:
            return False
        if neighbour_visual and self.words <= NEIGHBOUR_WORDS:
            return self.margin >= NEIGHBOUR_MARGIN and self.reversed >= MIN_REVERSED
        if self.words > SHORT_WORDS:
            return self.margin >= MARGIN and self.reversed >= MIN_REVERSED
        return self.margin >= SHORT_MARGIN and self.reversed >= SHORT_MIN_REVERSED

    def marks_say_visual(self, neighbour_visual: bool = False) -> bool:
        """True when words start with a mark and none ends with one (vocalised
        text the lexicon does not know), unless the lexicon reads it forwards.

        >>> Verdict(1, 0.0, 0.0, marks_first=1).marks_say_visual(neighbour_visual=True)
        True
        >>> Verdict(1, 0.0, 0.0, marks_first=1).marks_say_visual()
        False
        """
        needed = 1 if neighbour_visual else 2
        return (self.marks_first >= needed and self.marks_last == 0
                and self.margin > CLEARLY_LOGICAL)

    def is_visual(self, neighbour_visual: bool = False) -> bool:
        """True when the lexicon or the marks say the line is stored visually."""
        if self.reversed - self.given < NEIGHBOUR_MARGIN and not self.marks_first:
            return False   # the usual line: below every bar of the lexicon, and no mark first
        return (self.lexicon_says_visual(neighbour_visual)
                or self.marks_say_visual(neighbour_visual))


def mark_ends(line: str) -> tuple[int, int]:
    """(words stored with a mark first, words stored with a mark last).

    >>> mark_ends("ِلَمْوَحَف"), mark_ends("فَحَوْمَلِ")
    ((1, 0), (0, 1))
    """
    if not DIACRITIC.search(line):
        return 0, 0
    ends = list(filter(None, map(token_mark_ends, line.split())))
    if not ends:
        return 0, 0
    first, last = zip(*ends)
    return sum(first), sum(last)


@lru_cache(maxsize=50_000)
def token_mark_ends(token: str) -> tuple[bool, bool] | None:
    """(starts with a mark, ends with a mark) for a token with an Arabic letter,
    its edge punctuation stripped; None for any other token (cached per token).

    >>> token_mark_ends("«ِلَمْوَحَف،"), token_mark_ends("85")
    ((True, False), None)
    """
    core = token.strip(EDGE_PUNCTUATION)
    if _ARABIC_LETTER_SET.isdisjoint(core):
        return None
    return is_diacritic(core[0]), is_diacritic(core[-1])


@lru_cache(maxsize=50_000)
def _run_letters(run: str) -> str:
    """The letters of an Arabic run when they read differently backwards, else ``""``.

    >>> _run_letters("«قال»"), _run_letters("لول"), _run_letters("و")
    ('قال', '', '')
    """
    word = letters_only(run)
    return word if len(word) > 1 and word != word[::-1] else ""


@lru_cache(maxsize=50_000)
def word_score(word: str) -> float:
    """Zipf of a word, or of its lam-alef-swapped-back form when that is a word
    (a ligature copied into a visual line reads alef first once reversed);
    cached per word.

    >>> word_score("األزمة") > 3 > word_score("ةمزلأا")
    True
    """
    from .lexicon import zipf

    score = zipf(word)
    if score < SWAP_CREDIT_BELOW and SWAPPED.search(word):
        score = max(score, best_unswap(word)[1])
    return score


@lru_cache(maxsize=50_000)
def reversed_score(word: str) -> float:
    """:func:`word_score` of ``word`` read backwards (cached per word).

    >>> reversed_score("بلح") == word_score("حلب")
    True
    """
    return word_score(word[::-1])


def judge_line(line: str) -> Verdict:
    """Judge a line, on a sample of its first words first: a sample that reads
    clearly forwards settles it.

    >>> judge_line("no Arabic here").words
    0
    >>> judge_line("استمر القتال في حلب").is_visual()
    False
    """
    scores = line_scores(line)
    if not scores:
        return NO_WORDS
    return _sample_verdict(scores) or Verdict(len(scores), *_means(scores), *mark_ends(line))


NO_WORDS = Verdict(0, 0.0, 0.0)


def line_scores(line: str) -> list[tuple[float, float]]:
    """:func:`run_scores` of the Arabic runs of ``line`` that read differently backwards,
    in order; gathered per whitespace token (a run never spans a space).

    >>> len(line_scores("قال 85 «لول» Reuters: نعم،"))
    2
    """
    return list(chain.from_iterable(map(token_scores, line.split())))


@lru_cache(maxsize=50_000)
def token_scores(token: str) -> tuple[tuple[float, float], ...]:
    """:func:`run_scores` of the runs of one whitespace token that read differently backwards (cached).

    >>> token_scores("85شخصا") == (run_scores("شخصا"),), token_scores("«لول»")
    (True, ())
    """
    return tuple(filter(None, map(run_scores, ARABIC_RUN.findall(token))))


def _sample_verdict(scores: list[tuple[float, float]]) -> Verdict | None:
    """The verdict on a line of more than SAMPLE_WORDS words whose first words
    read clearly forwards (``scores`` from the line's start); None otherwise."""
    if len(scores) <= SAMPLE_WORDS:
        return None
    given, backwards = _means(scores[:SAMPLE_WORDS])
    if backwards - given <= CLEARLY_LOGICAL:
        return Verdict(SAMPLE_WORDS, given, backwards)
    return None


@lru_cache(maxsize=50_000)
def run_scores(run: str) -> tuple[float, float] | None:
    """(:func:`word_score`, :func:`reversed_score`) of an Arabic run's letters,
    or None for a run that reads the same backwards (cached per run).

    >>> run_scores("«قال»") == (word_score("قال"), reversed_score("قال")), run_scores("لول")
    (True, None)
    """
    word = _run_letters(run)
    return (word_score(word), reversed_score(word)) if word else None


def _means(scores: list[tuple[float, float]]) -> tuple[float, float]:
    """The means of the given and the backwards scores (summed in word order)."""
    given, backwards = zip(*scores)
    return sum(given) / len(scores), sum(backwards) / len(scores)


def follows_arabic(line: str, end: int) -> bool:
    """True when the first strong letter right of ``end`` (logically before a
    number stored there) is Arabic: the number is then an Arabic number.

    >>> follows_arabic("3.4 ىلإ", 3), follows_arabic("ةنراقم 3.4%", 10)
    (True, False)
    """
    strong = STRONG_CHAR.search(line, end)
    return strong is not None and RTL_CHAR.match(strong.group()) is not None


def european_extent(line: str, start: int, end: int) -> tuple[int, int]:
    """A European number's extent with the terminators (``%``, ``$``) and
    single ``+``/``-`` between digits the bidi algorithm gives it.

    >>> line = "ةنراقم 3.4%"
    >>> line[slice(*european_extent(line, 7, 10))]
    '3.4%'
    """
    while start > 0 and line[start - 1] in TERMINATORS:
        start -= 1
    while True:
        if end < len(line) and line[end] in TERMINATORS:
            end += 1
        elif end + 1 < len(line) and line[end] in "+-" and line[end + 1] in "0123456789":
            end += 2
            while end < len(line) and line[end] in "0123456789.,:/":
                end += 1
        else:
            return start, end


def ltr_spans(line: str) -> list[tuple[int, int]]:
    """Where the left-to-right runs of a visual line are.

    >>> line = "ةعاس 1-2 %18 نم"
    >>> [line[a:b] for a, b in ltr_spans(line)]
    ['1', '2', '18']
    """
    spans = []
    for m in LTR_RUN.finditer(line):
        start, end = m.span()
        if spans and start < spans[-1][1]:
            continue
        european = m.group()[0] in "0123456789" and m.group().isascii() and not follows_arabic(line, end)
        if european and not LATIN_CHAR.search(m.group()):
            start, end = european_extent(line, start, end)
        spans.append((start, end))
    return spans


def split_runs(line: str) -> list[tuple[bool, str]]:
    """A visual line cut into (left-to-right?, text) pieces, left to right.

    Left-to-right pieces are numbers (``12.5``, ``15/11/2016``, ``٣٫٥``) and
    Latin runs with what lies between their words (``iPhone 15 Pro``,
    ``1TB``).  A European number (one that no Arabic letter precedes, as
    at the start of a line) also takes its ``%`` or ``$``; after Arabic it
    is an Arabic number and they stay at the right-to-left level.

    >>> split_runs("https://x.com/a?v=1 طبار")[1]
    (True, 'https://x.com/a?v=1')
    >>> split_runs("%12.5 ىلإ Associated Press")
    [(False, '%'), (True, '12.5'), (False, ' ىلإ '), (True, 'Associated Press'), (False, '')]
    >>> split_runs("ةنراقم 3.4%")
    [(False, 'ةنراقم '), (True, '3.4%'), (False, '')]
    """
    pieces, last = [], 0
    for start, end in ltr_spans(line):
        pieces.append((False, line[last:start]))
        pieces.append((True, line[start:end]))
        last = end
    pieces.append((False, line[last:]))
    return pieces


def to_logical(line: str) -> str:
    """A visual-order line in logical order: pieces in reverse order, the
    right-to-left ones reversed with their brackets mirrored, numbers and
    Latin runs kept as they are.  Leading and trailing blanks stay put.

    This undoes the bidi algorithm's display order for a right-to-left
    line, including what python-bidi cannot undo: ``%44.4`` at the left end
    of a line is ``44.4%`` (a percent sign after Arabic digits sits at the
    right-to-left level).

    >>> to_logical("بلح يف 85")
    '85 في حلب'
    >>> to_logical(" بلح يف (اصخش 85) لتق ")
    ' قتل (85 شخصا) في حلب '
    >>> to_logical("%44.4 :ةكراشملا ةبسن")
    'نسبة المشاركة: 44.4%'
    >>> to_logical("ةنراقم 3.4%")
    '3.4% مقارنة'
    """
    core = line.strip()
    if not core:
        return line
    head = line[: len(line) - len(line.lstrip())]
    tail = line[len(core) + len(head):]
    pieces = reversed(split_runs(core))
    return head + "".join(text if ltr else reverse_rtl(text) for ltr, text in pieces) + tail


def reverse_rtl(text: str) -> str:
    """A right-to-left piece read backwards, brackets mirrored; an emoji
    sequence (a flag, a ZWJ family) is one glyph and keeps its order.

    >>> reverse_rtl("(اصخش") == "شخصا)"
    True
    >>> reverse_rtl("\U0001F981 \U0001F1F2\U0001F1E6") == "\U0001F1F2\U0001F1E6 \U0001F981"
    True
    """
    backwards = "".join(reversed(GLYPH.findall(text))) if EMOJI_CHAR.search(text) else text[::-1]
    return backwards.translate(MIRROR) if MIRRORED.search(backwards) else backwards


def line_spans(text: str) -> list[tuple[int, str]]:
    """(start offset, line) for every line, without the newline.

    >>> line_spans("a\\nbc")
    [(0, 'a'), (2, 'bc')]
    """
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, line))
        start += len(line) + 1
    return spans


class Unit(NamedTuple):
    """One rendered line: a line of the text, or the fragments of one that
    pdfminer split at a mark (``first``..``last`` are line numbers; a named
    tuple, built per line)."""

    first: int
    last: int
    start: int
    end: int
    storage: str

    @property
    def is_fragmented(self) -> bool:
        return self.last > self.first


def ends_with_mark(line: str) -> bool:
    """True when the stored line ends with a combining mark.

    A visual line is stored from its left end, so it ends with the first
    letter of the sentence, never with a mark; pdfminer ends a fragment with
    one when it breaks a line at a shadda.

    >>> ends_with_mark("ِﺮْﻌّ"), ends_with_mark("ﻚْﺒَﻧ ﺎﻔِﻗ")
    (True, False)
    """
    core = line.rstrip()
    return bool(core) and is_diacritic(core[-1])


def single_units(spans) -> list[Unit]:
    """Every non-empty line as a unit of its own."""
    return [Unit(i, i, start, start + len(line), line)
            for i, (start, line) in enumerate(spans) if line.strip()]


def junction_token(left: str, right: str) -> str:
    """The stored token a fragment makes with the start of the next one.

    >>> junction_token("ِيِبَرَعلا ِرْعّ", "ِشلا ِنويُع") == "ِرْعّ" + "ِشلا"
    True
    """
    head = left.rsplit(None, 1)[-1:]
    tail = right.split(None, 1)[:1]
    return "".join(head + tail)


def continues(left: Unit, right: Unit) -> bool:
    """True when ``left`` ends with a mark and runs on into ``right``: the
    token across the break is all letters and marks and, read backwards, a
    word the lexicon knows.

    >>> continues(Unit(0, 0, 0, 9, "ِيِبَرَعلا ِرْعّ"), Unit(2, 2, 11, 20, "ِشلا ِنويُع"))
    True
    >>> continues(Unit(0, 0, 0, 2, "ِيّ"), Unit(2, 2, 4, 9, ":يّبَنَتُملا"))
    False
    >>> continues(Unit(0, 0, 0, 6, ":ِهِتَقّ"), Unit(2, 2, 8, 12, "َلَعُم"))
    True
    """
    if not ends_with_mark(left.storage):
        return False
    token = junction_token(left.storage, right.storage).strip(EDGE_PUNCTUATION)
    if not _LETTERS_AND_MARKS.issuperset(token):
        return False
    from .lexicon import zipf

    return zipf(letters_only(token)[::-1]) >= JUNCTION_AT_LEAST


def fragment_chains(units: list[Unit]) -> list[list[Unit]]:
    """Units grouped into chains of fragments that run on into each other.

    >>> [len(c) for c in fragment_chains([Unit(0, 0, 0, 9, "ِيِبَرَعلا ِرْعّ"),
    ...     Unit(2, 2, 11, 20, "ِشلا ِنويُع"), Unit(3, 3, 21, 24, "لاق")])]
    [2, 1]
    """
    chains, current = [], []
    for unit in units:
        if current and not continues(current[-1], unit):
            chains.append(current)
            current = []
        current.append(unit)
    if current:
        chains.append(current)
    return chains


def merged(chain: list[Unit]) -> Unit:
    """The fragments of a chain joined, in stored order, into one unit."""
    storage = "".join(u.storage.strip() for u in chain)
    return Unit(chain[0].first, chain[-1].last, chain[0].start, chain[-1].end, storage)


def rendered_lines(spans) -> list[Unit]:
    """Units of the text: fragment chains joined when the joined line reads
    visual, every other line on its own.

    >>> [(u.first, u.last) for u in rendered_lines(line_spans("ِيِبَرَعلا ِرْعّ\\n\\nِشلا ِنويُع ْنِم"))]
    [(0, 2)]
    """
    units = []
    for fragments in fragment_chains(single_units(spans)):
        joined = merged(fragments) if len(fragments) > 1 else None
        if joined and judge_line(joined.storage).is_visual():
            units.append(joined)
        else:
            units.extend(fragments)
    return units


def visual_flags(verdicts: list[Verdict]) -> list[bool]:
    """Which units are visual: long lines on their own, short ones (up to 4
    words) also by their nearest neighbours with Arabic words.

    >>> visual_flags([Verdict(6, 0.3, 4.0), Verdict(0, 0, 0), Verdict(1, 3.1, 4.9), Verdict(1, 4.9, 3.1)])
    [True, False, True, False]
    """
    alone = [v.is_visual() for v in verdicts]
    flags = list(alone)
    present = [i for i, v in enumerate(verdicts) if v.words or v.marks_first]
    for k, i in enumerate(present):
        if flags[i] or verdicts[i].words > NEIGHBOUR_WORDS:
            continue
        neighbours = present[max(k - 1, 0):k] + present[k + 1:k + 2]
        if any(alone[j] for j in neighbours):
            flags[i] = verdicts[i].is_visual(neighbour_visual=True)
    return flags


def blocks(units: list[Unit], flags: list[bool]) -> list[list[int]]:
    """Runs of visual units on consecutive lines (a blank or clean line ends a run).

    >>> u = [Unit(0, 0, 0, 1, "a"), Unit(1, 1, 2, 3, "b"), Unit(3, 3, 6, 7, "d")]
    >>> blocks(u, [True, True, True])
    [[0, 1], [2]]
    """
    runs, current = [], []
    for k, (unit, flag) in enumerate(zip(units, flags)):
        if current and (not flag or unit.first != units[current[-1]].last + 1):
            runs.append(current)
            current = []
        if flag:
            current.append(k)
    if current:
        runs.append(current)
    return runs


def split_word(left: str, right: str) -> str | None:
    """The word formed by the last token of ``left`` and the first of ``right``
    run together, when the lexicon knows it better than either half.

    >>> split_word("من عيون الشِّ", "عْرِ العربي")
    'الشِّعْرِ'
    >>> split_word("في حلب", "من جديد") is None
    True
    """
    from .lexicon import zipf

    head, tail = left.split(), right.split()
    if not head or not tail:
        return None
    joined = head[-1] + tail[0]
    score = zipf(joined)
    if not letters_only(joined) or score < SPLIT_WORD_AT_LEAST:
        return None
    if score <= max(zipf(head[-1]), zipf(tail[0])):
        return None
    return joined


def reversed_joins(logical: list[str]) -> list[int]:
    """Joins (i, i+1) where a split word shows line i+1 comes before line i.

    >>> reversed_joins(["عْرِ العربي", "من عيون الشِّ"])
    [0]
    """
    shown = []
    for i in range(len(logical) - 1):
        backwards = split_word(logical[i + 1], logical[i])
        forwards = split_word(logical[i], logical[i + 1])
        if backwards and not forwards:
            shown.append(i)
    return shown


def line_order(logical: list[str]) -> list[int]:
    """The reading order of a block's lines: runs of lines joined by a split
    word read backwards are reversed, everything else keeps its place.

    >>> line_order(["c", "b", "a"]) == [0, 1, 2]
    True
    """
    order = list(range(len(logical)))
    shown = set(reversed_joins(logical))
    i = 0
    while i < len(order):
        j = i
        while j in shown:
            j += 1
        order[i:j + 1] = reversed(order[i:j + 1])
        i = j + 1
    return order


def block_edits(block: list[int], units: list[Unit], verdicts: list[Verdict],
                logical: dict, fixes: dict) -> list[Edit]:
    """One edit per rendered line of a block of visual units.

    ``logical`` maps a unit to its logical text; ``fixes`` are the lam-alef
    fixes for the words of those lines (a ligature whose text was copied
    into a visual line comes out swapped once the line is reversed).
    """
    lines = [logical[k] for k in block]
    order = line_order(lines)
    note = ""
    if any(k != i for i, k in enumerate(order)):
        note = "; line order reversed inside the paragraph (a word split across lines reads only backwards)"
    edits = []
    for pos, k in enumerate(block):
        unit, v = units[k], verdicts[k]
        after, swapped = unswap_line(lines[order[pos]], fixes)
        if after == unit.storage and not unit.is_fragmented:
            continue
        extra = ""
        if unit.is_fragmented:
            extra += f"; lines {unit.first + 1}-{unit.last + 1} are fragments of one line split at a mark"
        if swapped:
            extra += f"; lam-alef swapped back in {swapped} word(s) (lexicon)"
        evidence = (f"visual order: {v.words} Arabic words read backwards score Zipf "
                    f"{v.reversed:.1f} against {v.given:.1f} as given{extra}{note}")
        confidence = min(0.99, 0.6 + 0.1 * v.margin + 0.02 * v.words)
        edits.append(Edit(unit.start, unit.end, after, "visual_order", round(confidence, 3), evidence))
    return edits


def reorder_visual_lines(text: str, ctx) -> list[Edit]:
    """Put every visual-order line back in logical order: one edit per line.

    >>> reorder_visual_lines("plain English, 85 and 2012", None)
    []
    """
    if not screen.has_sign(text, "visual_order", ctx) or not ARABIC_RUN.search(text):
        return []
    spans = line_spans(text)
    # Only a line that ends with a mark can be a fragment of a longer one.
    units = rendered_lines(spans) if LINE_ENDS_WITH_MARK.search(text) else single_units(spans)
    verdicts = [judge_line(u.storage) for u in units]
    flags = visual_flags(verdicts)
    if not any(flags):
        return []
    runs = blocks(units, flags)
    logical = {k: to_logical(units[k].storage) for run in runs for k in run}
    fixes = lam_alef_fixes(w for line in logical.values() for w in ARABIC_WORD.findall(line))
    edits = []
    for run in runs:
        edits.extend(block_edits(run, units, verdicts, logical, fixes))
    return edits
