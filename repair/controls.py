"""Bidi embedding marks that an extractor wrapped lines in, removed.

poppler's pdftotext wraps every line and every digit run in U+202A–U+202C
(LRE, RLE, PDF); they are invisible, break search and tokenisation, and the
text is already in logical order.  They go only when the document shows that
pattern (several lines open with one); a writer's occasional mark stays, and
so do the plain marks LRM/RLM/ALM.

>>> class Ctx: pass
>>> text = "\\u202bقال \\u202a85\\u202c شخصا\\u202c\\n\\u202bسطر\\u202c\\n\\u202bسطر\\u202c\\n"
>>> from repair.offsets import apply_edits
>>> apply_edits(text, strip_bidi_embeddings(text, Ctx()))[0]
'قال 85 شخصا\\nسطر\\nسطر\\n'
"""

from __future__ import annotations

import re

from . import screen
from .model import Edit

EMBEDDINGS = re.compile("[\u202a-\u202e\u2066-\u2069]+")
_LINE_OPENS_WITH_MARK = re.compile("^[\u202a-\u202e\u2066-\u2069]", re.M)
MIN_MARKED_LINES = 3


def strip_bidi_embeddings(text: str, ctx) -> list[Edit]:
    """One edit per run of embedding marks, when lines are wrapped in them."""
    if not screen.has_sign(text, "bidi_controls", ctx):
        return []
    marked = len(_LINE_OPENS_WITH_MARK.findall(text))
    lines = text.count("\n") + 1
    if marked < min(MIN_MARKED_LINES, lines):
        return []
    evidence = f"{marked} lines wrapped in bidi embedding marks (pdftotext)"
    return [Edit(m.start(), m.end(), "", kind="bidi_control", confidence=0.95, evidence=evidence)
            for m in EMBEDDINGS.finditer(text)]
