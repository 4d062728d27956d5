"""Brackets and guillemets that face the wrong way, turned round.

A producer that puts Arabic into visual order before drawing it (reportlab
with python-bidi's ``get_display``) also mirrors every bracket, so the PDF
stores ``»`` where the writer typed ``«``.  An extractor that gives the line
back in logical order (pdftotext) keeps the stored character: ``تنظيم »الدولة«
)داعش(``.  A document with that signature has more brackets opening on the
wrong side of an Arabic word than on the right one; only then, and only in
a document that already shows extraction damage, is every bracket of its
Arabic lines mirrored back.

>>> class Ctx: damaged = True
>>> from repair.offsets import apply_edits
>>> apply_edits("قال إن »الجيش« تقدم )مجددا( في حلب", mirror_brackets("قال إن »الجيش« تقدم )مجددا( في حلب", Ctx()))[0]
'قال إن «الجيش» تقدم (مجددا) في حلب'
"""

from __future__ import annotations

import re

from .model import Edit

MIRROR = str.maketrans("()«»[]{}<>", ")(»«][}{><")
BRACKET = re.compile(r"[()«»\[\]{}<>]")
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
# Each pattern starts at the bracket, so a search skips from bracket to bracket.
MIRRORED_PAIRS = re.compile(r"[»)](?=[\u0621-\u064a])|[«(](?<=[\u0621-\u064a].)")
USUAL_PAIRS = re.compile(r"[«(](?=[\u0621-\u064a])|[»)](?<=[\u0621-\u064a].)")
MIN_MIRRORED = 2   # one pair, both ends facing away (a lone stray bracket is a typo)


def bracket_counts(text: str) -> tuple[int, int]:
    """How many brackets face away from their Arabic word, and how many face it.

    >>> bracket_counts("تنظيم »الدولة« )داعش"), bracket_counts("تنظيم «الدولة» (داعش)")
    ((3, 0), (0, 4))
    """
    return len(MIRRORED_PAIRS.findall(text)), len(USUAL_PAIRS.findall(text))


def brackets_mirrored(text: str) -> bool:
    """True when the document's brackets and guillemets face the wrong way (``»الدولة«``, ``)داعش``).

    >>> brackets_mirrored("تنظيم »الدولة« )داعش"), brackets_mirrored("تنظيم «الدولة» (داعش)")
    (True, False)
    """
    mirrored, usual = bracket_counts(text)
    return mirrored > usual


def mirror_brackets(text: str, ctx) -> list[Edit]:
    """One edit per bracket of an Arabic line, in a damaged document whose brackets face the wrong way."""
    if not getattr(ctx, "damaged", False) or not MIRRORED_PAIRS.search(text):
        return []
    mirrored, usual = bracket_counts(text)
    if mirrored < MIN_MIRRORED or mirrored <= usual:
        return []
    evidence = (f"{mirrored} brackets open away from their Arabic word against {usual} the usual way: "
                f"the producer stored them mirrored (visual order)")
    edits = []
    offset = 0
    for line in text.split("\n"):
        if ARABIC_LETTER.search(line):
            for m in BRACKET.finditer(line):
                edits.append(Edit(offset + m.start(), offset + m.end(), m.group().translate(MIRROR),
                                  kind="bracket", confidence=0.9, evidence=evidence))
        offset += len(line) + 1
    return edits
