"""Justification kashida (tatweel, U+0640) removed; written tatweel kept.

Justification stretches whole lines: most words of the line carry tatweel.
A writer's tatweel sits after a prefix written apart before a quote or a
numeral (``بـ «خروج``, ``بـ"النزوح``, ``الـ8``) and is always kept.

>>> from repair.model import Config
>>> class Ctx: config = Config()
>>> [e.after for e in remove_kashida("وكالـــة “أعمـــاق” المرتبطـــة بتنظيـــم", Ctx())]
['وكالة', 'أعماق', 'المرتبطة', 'بتنظيم']
>>> remove_kashida("منذ الـ8 من كانون بـ «خروج", Ctx())
[]
"""

from __future__ import annotations

import re

from .arabic import ARABIC_CHAR_CLASS, TATWEEL
from .model import Edit

# A token that holds a tatweel: Arabic letters, marks and tatweel.
_TOKEN = re.compile(f"[{ARABIC_CHAR_CLASS}]*{TATWEEL}[{ARABIC_CHAR_CLASS}]*")
# Prefix written apart: one-letter proclitics, al-, and their combinations,
# then tatweel, at the end of the token (a quote, digit, space follows).
# A token that is such a prefix, or tatweel alone, is not stretched.
_NOT_STRETCHED = re.compile(f"^(?:[وف]?[بلك]|[وف]?[بلك]?ال|[وف]?لل)?{TATWEEL}+$")

# A line counts as justified when this many of its words are stretched.
MIN_STRETCHED_WORDS_PER_LINE = 3


def remove_kashida(text: str, ctx) -> list[Edit]:
    """One edit per stretched word, on justified lines (or any line once the document shows justification)."""
    if TATWEEL not in text:
        return []
    lines = _stretched_words_by_line(text)
    justified_doc = any(len(words) >= MIN_STRETCHED_WORDS_PER_LINE for words in lines)
    edits = []
    for words in lines:
        if len(words) >= MIN_STRETCHED_WORDS_PER_LINE or (justified_doc and words):
            edits += _line_edits(words)
    return edits


def _stretched_words_by_line(text: str) -> list[list[re.Match]]:
    """Stretched-word matches grouped by line (lines without tatweel are skipped)."""
    out: list[list[re.Match]] = []
    line_start = 0
    for line in text.split("\n"):
        if TATWEEL in line:
            words = [m for m in _TOKEN.finditer(text, line_start, line_start + len(line))
                     if not _NOT_STRETCHED.match(m.group())]
            out.append(words)
        line_start += len(line) + 1
    return out


def is_stretched(token: str) -> bool:
    """True when the token's tatweel is justification, not a prefix written apart.

    >>> is_stretched("مـــن"), is_stretched("بـ"), is_stretched("الـ"), is_stretched("ـ")
    (True, False, False, False)
    """
    return _NOT_STRETCHED.match(token) is None


def _line_edits(words: list[re.Match]) -> list[Edit]:
    """One edit per stretched word of a line (``words``), its tatweel removed."""
    confidence = 0.99 if len(words) >= MIN_STRETCHED_WORDS_PER_LINE else 0.9
    evidence = f"justification kashida: {len(words)} stretched words on the line"
    return [Edit(m.start(), m.end(), m.group().replace(TATWEEL, ""), "kashida", confidence, evidence)
            for m in words]
