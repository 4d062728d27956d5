"""Harakat pushed off their word by the extractor, put back on it.

pdf.js (and pdf-parse with it) places a vowel mark by its own glyph
position, so in vocalised text each word's final haraka comes out after the
space, as a token of its own, and a line's last mark can land at the start
of the line: ``مِن ْ عُيون ِ الشِّعْر ِ`` for ``مِنْ عُيونِ الشِّعْرِ``, and
``ِقِفا … الدَّخول`` for ``قِفا … الدَّخولِ``.  A token made only of marks
is no word, and no word starts with a mark, so:

- a token of marks only, after a word that ends on an Arabic letter, goes
  back onto that word (the space before it is dropped);
- in a document that shows that (``MIN_DETACHED`` times or more), marks that
  open a line go to the end of the line's last word, when its last letter
  carries no mark of its own (else they stay: which word they came from is
  not known).

Clean text has neither, except marks shown on their own in a text about
them (``الفتحة ( َ )``), which follow no letter and stay.

>>> from repair.offsets import apply_edits
>>> text = "مِن ْ عُيون ِ الشِّعْر ِ\\nِقِفا نَبْك ِ الدَّخول"
>>> print(apply_edits(text, reattach_marks(text, None))[0])
مِنْ عُيونِ الشِّعْرِ
قِفا نَبْكِ الدَّخولِ
"""

from __future__ import annotations

import re

from . import screen
from .arabic import ARABIC_LETTERS
from .model import Edit

MARKS = "\u064b-\u0652"   # tanween, short vowels, shadda, sukun
MIN_DETACHED = 3

# A space, then a token of marks only; the word before it ends on an Arabic letter (and its marks).
DETACHED = re.compile(f"(?<=[{ARABIC_LETTERS}{MARKS}]) ([{MARKS}]+)(?=\\s|$)", re.M)
# Marks opening a line, before a letter.
LINE_OPENING = re.compile(f"^([{MARKS}]+)(?=[{ARABIC_LETTERS}])", re.M)
# The last Arabic letter of a line (with no mark after it), then what may follow it: punctuation.
# (Letters are word characters, so only the line's last letter can match.)
LINE_END = re.compile(f"[{ARABIC_LETTERS}](?=[^\\w\\s{MARKS}]*[ \\t]*$)")


def reattach_marks(text: str, ctx) -> list[Edit]:
    """Edits that put detached harakat back on their words."""
    if not screen.has_sign(text, "marks", ctx):
        return []
    edits = [Edit(m.start(), m.end(), m.group(1), kind="detached_mark", confidence=0.95,
                  evidence="a token of vowel marks only: the word before it lost them to the space")
             for m in DETACHED.finditer(text)]
    if len(edits) >= MIN_DETACHED:
        edits.extend(_line_openings(text))
        edits.sort(key=lambda e: e.start)
    return edits


def _line_openings(text: str) -> list[Edit]:
    """Marks opening a line, moved to the end of its last word when that word ends on a bare letter."""
    edits = []
    evidence = "vowel marks opening a line: the line's last word lost them"
    for opening in LINE_OPENING.finditer(text):
        stop = text.find("\n", opening.end())
        end = LINE_END.search(text, opening.end(), len(text) if stop < 0 else stop)
        if end is not None and end.start() > opening.end():
            edits.append(Edit(opening.start(), opening.end(), "", kind="detached_mark",
                              confidence=0.8, evidence=evidence))
            edits.append(Edit(end.end(), end.end(), opening.group(1), kind="detached_mark",
                              confidence=0.8, evidence=evidence))
    return edits
