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
from dataclasses import dataclass

from .arabic import DIACRITICS, TATWEEL, arabic_share
from .model import Edit
from .offsets import LineIndex

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

SENTENCE_END = re.compile(r"[.!?؟:؛;…][\"”»')\]]*\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-•*▪●◦]|\(?[0-9٠-٩]+[.)\-]|[0-9٠-٩]+\s*-)\s")
# Posts, verse and tables: emoji, mentions, hemistich gaps, ellipsis separators, tabs.
_UNJOINABLE = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF]|(?:^|\\s)[@#]\\w|https?://|\\S {3,}\\S| … |\t")
_MARK = re.compile(f"[{DIACRITICS}{TATWEEL}]")


def visible_length(line: str) -> int:
    """Characters that take width: no harakat, no tatweel, no edge spaces.

    >>> visible_length(" مُحَمَّـد ")
    4
    """
    stripped = line.strip()
    return len(stripped) - len(_MARK.findall(stripped))


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped document was set to, or None when it shows no wrapping.

    Wrapped prose has most lines near one width; its full lines break
    mid-sentence, and a short line either stands before a blank line or ends
    a sentence (a paragraph's last line).  Posts, verse, lists and tables
    fail one of these.

    >>> wrap_width(["قصير"] * 6) is None
    True
    """
    content = [l for l in lines if l.strip()]
    lengths = sorted(visible_length(l) for l in content)
    if len(lengths) < MIN_LINES:
        return None
    width = lengths[int(0.8 * (len(lengths) - 1))]
    if not MIN_WIDTH <= width <= MAX_WIDTH or lengths[-1] > MAX_OVERSHOOT * width:
        return None
    full = [n for n in lengths if n >= FULL_SHARE * width]
    if len(full) < MIN_FULL_LINES * len(lengths) or len(full) < 3:
        return None
    if sum(1 for l in content if _UNJOINABLE.search(l) or _vocalised(l)) > MAX_UNJOINABLE * len(content):
        return None
    breaks = _line_breaks(lines, width)
    if breaks.full and breaks.full_ending_sentence > MAX_FULL_ENDING_SENTENCE * breaks.full:
        return None
    if breaks.short > MAX_RAG * len(content) and breaks.short_ending_sentence < MIN_SHORT_ENDING_SENTENCE * breaks.short:
        return None
    return width


@dataclass
class _Breaks:
    full: int = 0
    full_ending_sentence: int = 0
    short: int = 0
    short_ending_sentence: int = 0


def _line_breaks(lines: list[str], width: int) -> _Breaks:
    """Count the lines that run straight into another, full and short, and how many end a sentence."""
    out = _Breaks()
    for a, b in zip(lines, lines[1:]):
        stripped = a.strip()
        if not stripped or not b.strip():
            continue
        ends = bool(SENTENCE_END.search(stripped))
        if visible_length(a) >= FULL_SHARE * width:
            out.full += 1
            out.full_ending_sentence += ends
        else:
            out.short += 1
            out.short_ending_sentence += ends
    return out


def _vocalised(line: str) -> bool:
    """Verse and scripture carry a haraka on most letters."""
    return len(_MARK.findall(line)) > VOCALISED_SHARE * max(1, len(line))


def join_wrapped_lines(text: str, ctx) -> list[Edit]:
    """Edits that join wrapped lines and drop paragraph-start indents."""
    if "\n" not in text:
        return []
    lines = text.split("\n")
    cached = getattr(ctx, "wrap_width", None)
    width = cached(text) if cached else wrap_width(lines)
    if width is None:
        return []
    starts = LineIndex(text).starts
    edits = []
    joined_into = set()
    for i, line in enumerate(lines):
        nxt = next_content_line(lines, i)
        if nxt is not None and continues(line, lines[nxt], width):
            gap = nxt - i - 1
            start = starts[i] + len(line.rstrip())
            end = starts[nxt] + len(lines[nxt]) - len(lines[nxt].lstrip())
            evidence = (f"line {visible_length(line)} of {width} characters wide, no sentence end"
                        + (f"; {gap} blank line(s) of a page break inside the sentence" if gap else ""))
            edits.append(Edit(start, end, " ", kind="line_join",
                              confidence=0.8 if gap else 0.9, evidence=evidence))
            joined_into.add(nxt)
        if i not in joined_into and _indented_paragraph_start(line):
            indent = len(line) - len(line.lstrip())
            edits.append(Edit(starts[i], starts[i] + indent, "", kind="paragraph_indent",
                              confidence=0.9, evidence="layout indent before a paragraph's first word"))
    return edits


def continues(line: str, next_line: str, width: int) -> bool:
    """True when ``line`` is a full-width line cut inside a sentence that ``next_line`` goes on with.

    >>> continues("كلمة " * 18, "تكملة الجملة.", 90), continues("جملة تامة.", "جملة", 90)
    (True, False)
    """
    stripped = line.strip()
    if not stripped or visible_length(line) < FULL_SHARE * width:
        return False
    if SENTENCE_END.search(stripped) or "\t" in line or " | " in line:
        return False
    if arabic_share(stripped) < 0.5 or arabic_share(next_line) < 0.5:
        return False
    if LIST_ITEM.match(next_line) or next_line.startswith((" ", "\t")):
        return False
    return not (_UNJOINABLE.search(line) or _UNJOINABLE.search(next_line))


def _indented_paragraph_start(line: str) -> bool:
    return line[:1] in (" ", "\u00a0") and bool(line.strip()) and arabic_share(line) >= 0.5 \
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


