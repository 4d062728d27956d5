"""Bidi embedding marks that an extractor wrapped lines in, removed, and the
left-to-right runs inside them put back in reading order.

poppler's pdftotext wraps every right-to-left line in U+202B…U+202C (RLE,
PDF) and every run it takes for left-to-right (a figure, a Latin name, and
also a comma or a full stop with the space beside it) in U+202A…U+202C
(LRE, PDF).  The marks are invisible, break search and tokenisation, and the
line is otherwise in logical order.  But a run inside LRE is written as it
is displayed, left to right, so its neighbouring blank and punctuation sit
on the wrong side: ``حلب‪ ،‬حقق`` is ``حلب، حقق`` and ``عام ‪ 2012‬وفق`` is
``عام 2012 وفق``.  Such a run is put back in reading order (its pieces in
reverse order, figures and Latin kept left to right) when its line is one
of the wrapped right-to-left lines.

The marks go only when the document shows that pattern (several lines open
with one); a writer's occasional mark stays, and so do the plain marks
LRM/RLM/ALM.

>>> class Ctx: pass
>>> text = "\\u202bقال \\u202a 85\\u202cشخصا\\u202a ،\\u202cوفق\\u202c\\n\\u202bسطر\\u202c\\n\\u202bسطر\\u202c\\n"
>>> from repair.offsets import apply_edits
>>> apply_edits(text, strip_bidi_embeddings(text, Ctx()))[0]
'قال 85 شخصا، وفق\\nسطر\\nسطر\\n'
"""

from __future__ import annotations

import re

from . import screen
from .model import Edit
from .visual import reverse_rtl, split_runs

MARKS = "\u202a-\u202e\u2066-\u2069"
# A closed LRE run on one line, else a run of other marks (a lone LRE on its own).
_TOKEN = re.compile(f"\u202a(?P<ltr>[^{MARKS}\\n]*)\u202c|[\u202b-\u202e\u2066-\u2069]+|\u202a")
_LINE_OPENS_WITH_MARK = re.compile(f"^[{MARKS}]", re.M)
_RTL_LINE_START = re.compile("[ \t]*\u202b")  # matched at a line's start
_PERCENT_FIRST = re.compile(r"^%([0-9\u0660-\u0669][0-9\u0660-\u0669.,\u066b\u066c]*)$")
MIN_MARKED_LINES = 3


def strip_bidi_embeddings(text: str, ctx) -> list[Edit]:
    """One edit per run of embedding marks (with the LRE run it wraps), when lines are wrapped in them."""
    if not screen.has_sign(text, "bidi_controls", ctx):
        return []
    marked = len(_LINE_OPENS_WITH_MARK.findall(text))
    lines = text.count("\n") + 1
    if marked < min(MIN_MARKED_LINES, lines):
        return []
    evidence = f"{marked} lines wrapped in bidi embedding marks (pdftotext)"
    edits = []
    for m in _TOKEN.finditer(text):
        run = m.group("ltr")
        logical = run
        if run is not None and _in_rtl_line(text, m.start()):
            logical = reading_order(run)
        if run is not None and logical != run:
            edits.append(Edit(m.start(), m.end(), logical, kind="bidi_control", confidence=0.9,
                              evidence=f"{evidence}; the left-to-right run {run!r} was written in display "
                                       f"order inside a right-to-left line: {logical!r} in reading order"))
        else:
            edits.append(Edit(m.start(), m.end(), run or "", kind="bidi_control", confidence=0.95,
                              evidence=evidence))
    return edits


def _in_rtl_line(text: str, pos: int) -> bool:
    """True when the line holding ``pos`` opens with RLE (pdftotext's right-to-left line)."""
    start = text.rfind("\n", 0, pos) + 1
    return _RTL_LINE_START.match(text, start) is not None


def reading_order(run: str) -> str:
    """A run pdftotext wrapped in LRE inside a right-to-left line, in reading order.

    It was written as displayed, left to right: its pieces go in reverse
    order, figures and Latin words stay as they are, and a per cent sign
    shown before a figure follows it.

    >>> reading_order(" 230"), reading_order(" ،"), reading_order(" ،2012"), reading_order(" %12.5")
    ('230 ', '، ', '2012، ', '12.5% ')
    >>> reading_order(" The New York Times"), reading_order("15/11/2016")
    ('The New York Times ', '15/11/2016')
    """
    pieces = []
    for ltr, piece in reversed(split_runs(run)):
        if ltr:
            pieces.append(_PERCENT_FIRST.sub(r"\1%", piece))
        else:
            pieces.append(reverse_rtl(piece))
    return "".join(pieces)
