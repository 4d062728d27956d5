"""Where a line sits in its document: what the chunk step needs to know around a line.

The words a line follows and leads into (across page-break blank lines; a
paragraph's start or end where the layout says so), how the document's
paragraphs open, whether the line is a row of a table or an item of a list,
and whether the document is verse.  :mod:`repair.chunks` scores its readings
of a line in this context.

>>> previous_token(["قال الوزير", "إن"], 1), next_token(["قال الوزير", "إن"], 0)
('الوزير', 'إن')
"""

from __future__ import annotations

import re

from . import adjacency
from .arabic import arabic_share, is_arabic_letter
from .paragraphs import FULL_SHARE, MAX_BLANK_GAP, next_content_line, visible_length

HEADING_CHARS = 40            # a shorter line before a blank line ends its paragraph (no wrap width known)
SENTENCE_END = set(".!?؟:”»\"")
HEMISTICH_BREAK = "…"
VERSE_SHARE = 0.3             # of the other lines, with a hemistich break, for a document to be verse
VERSE_WEIGHT = 3.0            # log10 off a reading that opens or ends on the hemistich break
LIST_START_BONUS = 3.0        # log10: a reading that opens like the rows or items around it


_ADDRESS = re.compile(r"\S*(?:https?://|www\.|@)\S*")   # links, e-mail addresses and @handles


def mostly_arabic(line: str) -> bool:
    """At least half the line's letters are Arabic, not counting links, addresses and handles
    (a chunk-reversed line may carry a long Latin URL).

    >>> mostly_arabic("لة: https://forms.gle/Xy7Kp2RtL9mQbN3a8 رابط التسجيل في البطو"), mostly_arabic("iPhone 15 Pro Max الجديد")
    (True, False)
    """
    if arabic_share(line) > 0.5:
        return True
    return ("/" in line or "@" in line) and arabic_share(_ADDRESS.sub(" ", line)) > 0.5


def paragraph_openings(lines: list[str], candidates: set, sibling_texts: list[str]) -> list[str]:
    """First words of the clean lines that open a paragraph (the first line, or one after a
    blank line) and of the siblings' paragraphs (one a line).

    >>> paragraph_openings(["الحديث الثالث", "عن أبي", "", "الحديث الرابع"], set(), ["قال الوزير"])
    ['الحديث', 'الحديث', 'قال']
    """
    own = [line.split()[0] for i, line in enumerate(lines)
           if i not in candidates and line.strip() and (i == 0 or not lines[i - 1].strip())]
    return own + adjacency.paragraph_openings(sibling_texts)


def previous_token(lines: list[str], i: int, width: int | None = None) -> str:
    """Last word of the line before, across page-break blank lines; ``<s>`` at a paragraph start.

    Across a blank line, the line before continues into this one only if it is
    full: as wide as the document's wrap ``width`` (``paragraphs.wrap_width``),
    or, with no width known, at least ``HEADING_CHARS`` long.  A shorter one is
    a headline or a paragraph's last line.

    >>> previous_token(["قال الوزير", "إن"], 1), previous_token(["عنوان طويل بعض الشيء", "", "قال"], 2, 60)
    ('الوزير', '<s>')
    """
    j = i - 1
    while j >= 0 and not lines[j].strip() and i - j <= MAX_BLANK_GAP:
        j -= 1
    if j < 0 or not lines[j].strip():
        return adjacency.PARAGRAPH_START
    previous = lines[j].strip()
    if previous[-1] in SENTENCE_END:
        return adjacency.PARAGRAPH_START
    if j < i - 1:
        full = HEADING_CHARS if width is None else FULL_SHARE * width
        if visible_length(previous) < full:
            return adjacency.PARAGRAPH_START
    return previous.split()[-1]


def next_token(lines: list[str], i: int) -> str:
    """First word of the line after, across page-break blank lines; ``</s>`` at the end."""
    j = next_content_line(lines, i)
    return adjacency.PARAGRAPH_END if j is None else lines[j].split()[0]


_BULLETS = frozenset("-–•*▪●◦")


def _token_class(token: str) -> str:
    if token[:1].isdigit():
        return "figure"
    if token in _BULLETS:
        return "bullet"
    return "word" if is_arabic_letter(token[:1]) else "other"


def line_start_class(tokens) -> tuple | None:
    """How a line opens, where a table or a list repeats it: a figure or a bullet, then
    what follows it; None for a line that opens otherwise.

    >>> line_start_class(["12", "النصر"]), line_start_class(["-", "مخلل"]), line_start_class(["قال", "إن"])
    (('figure', 'word'), ('bullet', 'word'), None)
    """
    classes = tuple(_token_class(t) for t in tokens[:2])
    return classes if classes[0] in ("figure", "bullet") else None


def template_start(lines: list[str], i: int) -> tuple | None:
    """How the lines around line ``i`` open, where they make a table or a list it belongs
    to: the lines right above and below it open alike, or, at the list's end (start),
    the two lines above (below) do and a blank line is on the other side.

    >>> template_start(["3 النصر 20", "ب 20 4 الشبا", "5 الاتحاد 20"], 1)
    ('figure', 'word')
    >>> template_start(["- سلطة", "- لبن", "يتون أخضر - مخلل لفت أو ز", ""], 2), template_start(["قال", "x", "5 y"], 1)
    (('bullet', 'word'), None)
    """
    def opening(j: int):
        return line_start_class(lines[j].split()) if 0 <= j < len(lines) and lines[j].strip() else None

    def blank(j: int) -> bool:
        return not (0 <= j < len(lines)) or not lines[j].strip()

    above, below = opening(i - 1), opening(i + 1)
    if above is not None and (above == below or (blank(i + 1) and opening(i - 2) == above)):
        return above
    if below is not None and blank(i - 1) and opening(i + 2) == below:
        return below
    return None


class StartBonus:
    """A line's scorer, plus ``LIST_START_BONUS`` for a reading that opens as its neighbours do."""

    def __init__(self, score, start_class: tuple):
        self.score, self.start_class = score, start_class

    def __call__(self, tokens) -> float:
        bonus = LIST_START_BONUS if line_start_class(tokens) == self.start_class else 0.0
        return self.score(tokens) + bonus


def is_verse(lines: list[str], candidates: set) -> bool:
    """Most of the document's other lines are two hemistichs either side of `` … ``.

    >>> is_verse(["قفا نبك … بسقط اللوى", "فتوضح فالمقراة … لما نسجتها", "ت … بيت"], {2})
    True
    """
    clean = [line for i, line in enumerate(lines) if i not in candidates and line.strip()]
    verses = sum(1 for line in clean if line.split().count(HEMISTICH_BREAK) == 1)
    return verses >= 2 and verses >= VERSE_SHARE * len(clean)


class VerseBalance:
    """A line's scorer, less ``VERSE_WEIGHT`` for a reading that opens or ends on the `` … ``
    between a verse's hemistichs: a hemistich is never empty.  (How far from the middle
    the break may sit is not told: wrapped verse puts it anywhere.)

    >>> score = VerseBalance(lambda tokens: 0.0)
    >>> score("أ ب … ج د".split()) > score("أ ب ج د …".split())
    True
    """

    def __init__(self, score):
        self.score = score

    def __call__(self, tokens) -> float:
        k = tokens.index(HEMISTICH_BREAK)
        return self.score(tokens) - (VERSE_WEIGHT if k in (0, len(tokens) - 1) else 0.0)
