"""Wrapped lines and page-break blank lines inside a sentence joined into paragraphs.

Only a document that shows hard wrapping is touched: most of its lines run
close to one width.  In such a document a full-width line that does not end
a sentence is joined to the next non-blank line with one space (across up to
four blank lines left by a page break).  Short lines (headings, the last line
of a paragraph), lines ending a sentence, list items, tables and
left-to-right text stay as they are.  A space before a paragraph's first word
(a layout indent) is removed.

>>> class Ctx: pass
>>> text = "\\n".join(["كلمة " * 16 + "أولى", "كلمة " * 16 + "ثانية", "", "كلمة " * 17 + "ثالثة", "خاتمة."])
>>> [e.after for e in join_wrapped_lines(text, Ctx())]
[' ', ' ', ' ']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress

from .arabic import ARABIC_CHAR_CLASS, ARABIC_LETTERS, DIACRITICS, TATWEEL
from .model import Edit

MIN_LINES = 4               # fewer lines give no evidence of a wrap width
MIN_WIDTH = 50              # narrower "wraps" are poems, posts and lists
FULL_SHARE = 0.75           # a line this close to the width is full
MIN_FULL_LINES = 0.5        # share of lines that must be full in a wrapped document
MAX_WIDTH = 180             # wider "wraps" are paragraphs written one per line
MAX_OVERSHOOT = 1.5         # no line runs this far past the width in a wrapped document
MAX_BLANK_GAP = 4
MAX_RAG = 0.1               # short lines running into another line, as a share of lines, allowed freely
MIN_SHORT_ENDING_SENTENCE = 0.5  # beyond that, most of them must end a sentence (paragraph ends)
MAX_FULL_ENDING_SENTENCE = 0.3   # full lines of wrapped prose break mid-sentence
MAX_UNJOINABLE = 0.2        # posts (emoji, mentions, links) and vocalised verse are not wrapped prose
VOCALISED_SHARE = 0.25

_SENTENCE_PUNCT = tuple(".!?؟:؛;…")
FINAL_PUNCT = tuple(".!?؟…")   # what ends a paragraph: not a colon or semicolon, which lead on
_CLOSERS = "\"”»')]"
LIST_ITEM = re.compile(r"^\s*(?:[-•*▪●◦]|\(?[0-9٠-٩]+[.)\-]|[0-9٠-٩]+\s*-)\s")
# Posts, verse and tables: emoji, mentions, hemistich gaps, ellipsis separators, tabs.
_UNJOINABLE = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF]|(?:^|\\s)[@#]\\w|https?://|\\S {3,}\\S| … |\t")
# Its branches one by one, each led by a literal or a character class (fast to scan for).
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF]")
_MENTION = re.compile("[@#](?<!\\S.)\\w")  # (?:^|\s)[@#]\w
_LINK = re.compile("https?://")
_GAP = re.compile(" (?<=\\S ) {2,}\\S")  # \S {3,}\S
_ELLIPSIS = re.compile(" … ")
_TAB = re.compile("\t")
_MARK = re.compile(f"[{DIACRITICS}{TATWEEL}]")
_INDENTS = (" ", "\u00a0")
# The letters repair.arabic.arabic_share counts, matched a run at a time.
# (X[X]* rather than X+: a pattern led by a class is scanned for at C speed.)
_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
_ARABIC_LETTERS = re.compile(f"[{ARABIC_LETTERS}][{ARABIC_LETTERS}]*")
_OTHER_LETTER_CLASS = f"[^\\W\\d_{ARABIC_CHAR_CLASS}]"
_OTHER_LETTERS = re.compile(f"{_OTHER_LETTER_CLASS}{_OTHER_LETTER_CLASS}*")


def visible_length(line: str) -> int:
    """Characters that take width: no harakat, no tatweel, no edge spaces.

    >>> visible_length(" مُحَمَّـد ")
    4
    """
    stripped = line.strip()
    return len(stripped) - len(_MARK.findall(stripped))


def ends_sentence(stripped: str, punct: tuple = _SENTENCE_PUNCT) -> bool:
    """True when a stripped line ends on sentence punctuation (``punct``), closing quotes or brackets after it.

    >>> ends_sentence("قال.»"), ends_sentence("قال"), ends_sentence("وقال:"), ends_sentence("وقال:", FINAL_PUNCT)
    (True, False, True, False)
    """
    return stripped.rstrip(_CLOSERS).endswith(punct)


class _Lines:
    """The lines of a text and what the wrap tests ask of each, found with whole-text passes.

    >>> facts = _Lines([" مُحَمَّـد ", "", "Aleppo حلب.", "@حلب"])
    >>> facts.visible, facts.marks, facts.sentence_ends, facts.content
    ([4, 0, 11, 4], [5, 0, 0, 0], [False, False, True, False], [0, 2, 3])
    >>> [facts.mostly_arabic(i) for i in range(4)], facts.unjoinable(3), facts.unjoinable_or_vocalised()
    ([True, False, False, True], True, {0, 3})
    """

    def __init__(self, lines: list[str], text: str | None = None, measured: tuple | None = None):
        self.lines = lines
        self.stripped, self.visible = measured or _measure(lines)  # each line stripped, its visible_length
        self.content = [i for i, line in enumerate(self.stripped) if line]  # the non-blank lines
        self._text = text
        self._marks: list[int] | None = None
        self._sentence_ends: list[bool] | None = None
        self._starts: list[int] | None = None
        self._unjoinable: set[int] | None = None
        self._other_letters: set[int] = set()
        self._mostly_arabic: list[bool | None] | None = None
        self._set_apart: bool | None = None

    @property
    def text(self) -> str:
        """The lines joined by line breaks."""
        if self._text is None:
            self._text = "\n".join(self.lines)
        return self._text

    @property
    def marks(self) -> list[int]:
        """The number of harakat and tatweel on each line."""
        if self._marks is None:
            self._marks = list(map(int.__sub__, map(len, self.stripped), self.visible))
        return self._marks

    @property
    def sentence_ends(self) -> list[bool]:
        """:func:`ends_sentence` of each line."""
        if self._sentence_ends is None:
            self._sentence_ends = list(map(ends_sentence, self.stripped))
        return self._sentence_ends

    @property
    def starts(self) -> list[int]:
        """The offset of each line in the text."""
        if self._starts is None:
            self._starts = [0, *accumulate(map((1).__add__, map(len, self.lines)))]
        return self._starts

    def unjoinable(self, i: int) -> bool:
        """Line ``i`` looks like a post, verse or a table row (:data:`_UNJOINABLE`)."""
        return i in self._unjoinable_lines()

    def unjoinable_or_vocalised(self) -> set[int]:
        """The non-blank lines that are :meth:`unjoinable` or vocalised (verse and
        scripture carry a haraka on most letters)."""
        found = self._unjoinable_lines().intersection(self.content)
        if any(self.marks):
            marks, lines = self.marks, self.lines
            found.update(i for i in self.content if marks[i] > VOCALISED_SHARE * max(1, len(lines[i])))
        return found

    def _unjoinable_lines(self) -> set[int]:
        if self._unjoinable is None:
            self._unjoinable = self._lines_of(_unjoinable_matches(self.text))
        return self._unjoinable

    def mostly_arabic(self, i: int) -> bool:
        """``arabic_share(lines[i]) >= 0.5``: some Arabic letters, and no fewer than letters of other scripts."""
        if self._mostly_arabic is None:
            self._mostly_arabic = [None] * len(self.lines)
            self._other_letters = self._lines_of(_OTHER_LETTERS.finditer(self.text))
        known = self._mostly_arabic[i]
        if known is None:
            line = self.lines[i]
            if i not in self._other_letters:
                known = bool(_ARABIC_LETTER.search(line))
            else:
                arabic = sum(map(len, _ARABIC_LETTERS.findall(line)))
                known = arabic > 0 and arabic >= sum(map(len, _OTHER_LETTERS.findall(line)))
            self._mostly_arabic[i] = known
        return known

    def paragraphs_set_apart(self, width: int) -> bool:
        """At least two paragraph ends before a blank line, and no short sentence-ending line
        run straight into another (``width``: the document's wrap width; worked out once)."""
        if self._set_apart is None:
            stripped, visible, ends = self.stripped, self.visible, self.sentence_ends
            full = FULL_SHARE * width
            before_blank, runs_on = 0, False
            for i in self.content:
                if not ends[i]:
                    continue
                if i + 1 >= len(stripped) or not stripped[i + 1]:
                    before_blank += 1
                elif visible[i] < full:
                    runs_on = True
                    break
            self._set_apart = not runs_on and before_blank >= 2
        return self._set_apart

    def _lines_of(self, matches) -> set[int]:
        """Indices of the lines that hold the last character of each match."""
        starts = self.starts
        return {bisect_right(starts, m.end() - 1) - 1 for m in matches}


def _measure(lines: list[str]) -> tuple[list[str], list[int]]:
    """Each line stripped, and its :func:`visible_length`.

    >>> _measure([" مُـد ", "", "a"])
    (['مُـد', '', 'a'], [2, 0, 1])
    """
    stripped = list(map(str.strip, lines))
    marks_in = _MARK.findall
    return stripped, [len(line) - len(marks_in(line)) if line else 0 for line in stripped]


# The facts of the last texts :func:`wrap_width` found wrapped, for
# :func:`join_wrapped_lines` on the same text (the pipeline asks for the
# width, then joins).
_WRAPPED_FACTS: dict[str, _Lines] = {}


def _remember(facts: _Lines) -> None:
    if len(_WRAPPED_FACTS) >= 4:
        _WRAPPED_FACTS.clear()
    _WRAPPED_FACTS[facts.text] = facts


def _facts(lines: list[str], text: str) -> _Lines:
    """:class:`_Lines` of ``lines`` (``text`` is them joined by line breaks), reused when
    :func:`wrap_width` has just looked at the same text.

    >>> lines = ["كلمة " * 15] * 6
    >>> wrap_width(lines) is not None and _facts(lines, "\\n".join(lines)) is _facts(lines, "\\n".join(lines))
    True
    """
    facts = _WRAPPED_FACTS.get(text)
    if facts is None or len(facts.lines) != len(lines):  # (a "line" with a line break in it)
        facts = _Lines(lines, text)
    return facts


def _unjoinable_matches(text: str) -> list:
    """The matches of :data:`_UNJOINABLE` in ``text``, found branch by branch where
    a plain substring test shows a branch can match (the whole regex is slow to scan).

    Each match ends on the line it belongs to (:meth:`_Lines.unjoinable` looks at the last character).

    >>> lines = ["نص", "@حساب", "أ   ب", "رابط https://x", "شعر … شعر", "☕", "a@b", "\tجدول"]
    >>> facts = _Lines(lines)
    >>> [facts.unjoinable(i) for i in range(len(lines))] == [bool(_UNJOINABLE.search(line)) for line in lines]
    True
    """
    found = list(_EMOJI.finditer(text))
    if "@" in text or "#" in text:
        found += _MENTION.finditer(text)
    if "http" in text:
        found += _LINK.finditer(text)
    if "   " in text:
        found += _GAP.finditer(text)
    if " … " in text:
        found += _ELLIPSIS.finditer(text)
    if "\t" in text:
        found += _TAB.finditer(text)
    return found


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped document was set to, or None when it shows no wrapping.

    Wrapped prose has most lines near one width; its full lines break
    mid-sentence, and a short line either stands before a blank line or ends
    a sentence (a paragraph's last line).  Posts, verse, lists and tables
    fail one of these.

    >>> wrap_width(["قصير"] * 6) is None
    True
    """
    if _too_wide_to_be_wrapped(lines):
        return None
    measured = stripped, visible = _measure(lines)
    lengths = sorted(compress(visible, stripped))  # of the non-blank lines
    if len(lengths) < MIN_LINES:
        return None
    width = lengths[int(0.8 * (len(lengths) - 1))]
    if not MIN_WIDTH <= width <= MAX_WIDTH or lengths[-1] > MAX_OVERSHOOT * width:
        return None
    full = [n for n in lengths if n >= FULL_SHARE * width]
    if len(full) < MIN_FULL_LINES * len(lengths) or len(full) < 3:
        return None
    facts = _Lines(lines, measured=measured)
    content = facts.content
    if len(facts.unjoinable_or_vocalised()) > MAX_UNJOINABLE * len(content):
        return None
    breaks = _line_breaks(facts, width)
    if breaks.full and breaks.full_ending_sentence > MAX_FULL_ENDING_SENTENCE * breaks.full:
        return None
    if breaks.short > MAX_RAG * len(content) and breaks.short_ending_sentence < MIN_SHORT_ENDING_SENTENCE * breaks.short:
        return None
    _remember(facts)
    return width


def _too_wide_to_be_wrapped(lines: list[str]) -> bool:
    """The first two tests of :func:`wrap_width` (too few lines; a width past MAX_WIDTH),
    quickly for text written one paragraph a line: only the longest lines are
    measured, until enough are wider than any wrap.

    >>> _too_wide_to_be_wrapped(["كلمة " * 50] * 5), _too_wide_to_be_wrapped(["كلمة " * 20] * 5)
    (True, False)
    """
    content = list(filter(str.strip, lines))
    if len(content) < MIN_LINES:
        return True
    # The width is the visible length at the 80th percentile: past the maximum
    # when that many of the longest lines are.
    needed = len(content) - int(0.8 * (len(content) - 1))
    wide = 0
    for line in sorted(content, key=len, reverse=True):
        if len(line) <= MAX_WIDTH:  # no longer line is left: visible length <= length
            return False
        if visible_length(line) > MAX_WIDTH:
            wide += 1
            if wide == needed:
                return True
    return False


@dataclass
class _Breaks:
    full: int = 0
    full_ending_sentence: int = 0
    short: int = 0
    short_ending_sentence: int = 0


def _line_breaks(facts: _Lines, width: int) -> _Breaks:
    """Count the lines that run straight into another, full and short, and how many end a sentence."""
    out = _Breaks()
    stripped, visible, ends = facts.stripped, facts.visible, facts.sentence_ends
    full = FULL_SHARE * width
    for i in range(len(stripped) - 1):
        if not stripped[i] or not stripped[i + 1]:
            continue
        if visible[i] >= full:
            out.full += 1
            out.full_ending_sentence += ends[i]
        else:
            out.short += 1
            out.short_ending_sentence += ends[i]
    return out


def join_wrapped_lines(text: str, ctx) -> list[Edit]:
    """Edits that join wrapped lines and drop paragraph-start indents."""
    if "\n" not in text:
        return []
    lines = text.split("\n")
    cached = getattr(ctx, "wrap_width", None)
    width = cached(text) if cached else wrap_width(lines)
    if width is None:
        return []
    facts = _facts(lines, text)
    full = FULL_SHARE * width
    starts = facts.starts
    edits = []
    joined_into = set()
    for i, line in enumerate(lines):
        if facts.visible[i] >= full:  # the first test of _continues, before looking for the next line
            nxt = i + 1 if i + 1 < len(lines) and facts.stripped[i + 1] else next_content_line(lines, i)
            if nxt is not None and _continues(facts, i, nxt, width):
                gap = nxt - i - 1
                start = starts[i] + len(line.rstrip())
                end = starts[nxt] + len(lines[nxt]) - len(lines[nxt].lstrip())
                edits.append(Edit(start, end, " ", "line_join", 0.8 if gap else 0.9,
                                  _join_evidence(facts.visible[i], width, gap)))
                joined_into.add(nxt)
        if line[:1] in _INDENTS and i not in joined_into and _indented_paragraph_start(facts, i):
            indent = len(line) - len(line.lstrip())
            edits.append(Edit(starts[i], starts[i] + indent, "", kind="paragraph_indent",
                              confidence=0.9, evidence="layout indent before a paragraph's first word"))
    return edits


@lru_cache(maxsize=1024)
def _join_evidence(visible: int, width: int, gap: int) -> str:
    """The evidence of a line join (the same few strings over and over).

    >>> _join_evidence(80, 90, 1)
    'line 80 of 90 characters wide, no sentence end; 1 blank line(s) of a page break inside the sentence'
    """
    return (f"line {visible} of {width} characters wide, no sentence end"
            + (f"; {gap} blank line(s) of a page break inside the sentence" if gap else ""))


def continues(line: str, next_line: str, width: int) -> bool:
    """True when ``line`` is a full-width line cut inside a sentence that ``next_line`` goes on with.

    >>> continues("كلمة " * 18, "تكملة الجملة.", 90), continues("جملة تامة.", "جملة", 90)
    (True, False)
    """
    return _continues(_Lines([line, next_line]), 0, 1, width)


def _continues(facts: _Lines, i: int, j: int, width: int) -> bool:
    """:func:`continues` for lines ``i`` and ``j`` of ``facts``."""
    line, next_line = facts.lines[i], facts.lines[j]
    if facts.visible[i] < FULL_SHARE * width:
        return False
    if not facts.stripped[i] or "\t" in line or " | " in line:
        return False
    if facts.sentence_ends[i] and not (j == i + 1 and _sentence_runs_on(facts, width, i)):
        return False
    if not (facts.mostly_arabic(i) and facts.mostly_arabic(j)):
        return False
    if LIST_ITEM.match(next_line) or next_line.startswith((" ", "\t")):
        return False
    return not (facts.unjoinable(i) or facts.unjoinable(j))


def _sentence_runs_on(facts: _Lines, width: int, i: int) -> bool:
    """A full line ending a sentence, with the next line straight under it, is inside a
    paragraph when the document sets its paragraphs apart with blank lines (as pdfminer
    does, a text box each): every short line that ends a paragraph stands before a blank
    line.  A colon leads into a list or a quote, so it never runs on.

    >>> body = ["كلمة " * 17 + "تامة.", "كلمة " * 17 + "ثانية", "خاتمة.", "", "كلمة " * 17 + "ثالثة", "نهاية."]
    >>> facts = _Lines(body)
    >>> _sentence_runs_on(facts, 90, 0), _sentence_runs_on(_Lines(body[:3] + ["بلا فاصل."] + body[4:]), 90, 0)
    (True, False)
    """
    if not ends_sentence(facts.stripped[i], FINAL_PUNCT + ("؛", ";")):
        return False
    return facts.paragraphs_set_apart(width)


def _indented_paragraph_start(facts: _Lines, i: int) -> bool:
    line = facts.lines[i]
    return line[:1] in _INDENTS and bool(line.strip()) and facts.mostly_arabic(i) \
        and not line.startswith("  ")


def next_content_line(lines: list[str], i: int) -> int | None:
    """The next non-blank line after ``i`` across at most MAX_BLANK_GAP blank lines (a page break), or None.

    >>> next_content_line(["أ", "", "", "ب"], 0), next_content_line(["أ", ""], 0)
    (3, None)
    """
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        if j - i > MAX_BLANK_GAP:
            return None
        j += 1
    return j if j < len(lines) else None


