"""Lines whose direction runs came out in visual order (PyMuPDF), put back in logical order.

PyMuPDF keeps the letters of each right-to-left run in logical order but
emits the runs of a line from left to right: a line ``A 85 B.`` (logical)
comes out ``.B85  A``: the figure glued to one neighbour, the sentence's full
stop at the start, brackets and guillemets mirrored (``»الدولة«``).  Such a
document shows it on many lines: a line that opens with closing punctuation
before an Arabic word, which clean text never has.

Only in a document with that signature, each line is cut into runs
(Arabic, left-to-right: digits and Latin, and the neutral punctuation at the
line's edges), the runs are put in reverse order with one space between an
Arabic and a left-to-right run, and brackets are mirrored back.

>>> class Ctx: pass
>>> text = "، عن التصويت21  نائبا وامتنع61  نائبا حضروا الجلسة\\n.والمعارضة\\n.يستمر طويلا"
>>> from repair.offsets import apply_edits
>>> print(apply_edits(text, reorder_runs(text, Ctx()))[0])
نائبا حضروا الجلسة 61 نائبا وامتنع 21 عن التصويت،
والمعارضة.
يستمر طويلا.
"""

from __future__ import annotations

import re

from . import screen
from .brackets import MIRROR, brackets_mirrored
from .model import Edit

MIN_SIGNED_LINES = 2

# Left-to-right material: digits and Latin with their inner separators, and a trailing percent sign.
LTR_RUN = re.compile(r"[A-Za-z0-9\u0660-\u0669][A-Za-z0-9\u0660-\u0669.,:/+\-@_]*(?: [A-Za-z][A-Za-z0-9.\-]*)*%?"
                     r"|%[0-9][0-9.,]*")
# Punctuation with no letter on one side: the line's edges.
EDGE_NEUTRALS = re.compile(r"^[\s.،:؛!؟)(»«\"'“”\-]+|[\s.،:؛!؟)(»«\"'“”\-]+$")
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


def reorder_runs(text: str, ctx) -> list[Edit]:
    """One edit per line of a PyMuPDF-style document that comes out changed."""
    if signed_lines(text, ctx) < MIN_SIGNED_LINES:
        return []
    mirrored = brackets_mirrored(text)
    # Runs shown in visual order leave a figure glued to one neighbour and two spaces after it
    # (``عام2012  شخصا``), and mirror the brackets; then every line's runs are reversed.
    # Otherwise (runs on lines of their own) only a line the n-gram model reads better reversed is.
    always = mirrored or bool(_SPACES_AFTER_FIGURE.search(text))
    edits = []
    offset = 0
    for line in text.split("\n"):
        fixed, reversed_runs = logical_line(line, mirrored, always)
        if fixed != line:
            what = "runs reversed" if reversed_runs else "closing punctuation moved to the line's end"
            edits.append(Edit(offset, offset + len(line), fixed, kind="run_order",
                              confidence=0.85 if reversed_runs else 0.95,
                              evidence=f"PyMuPDF order: lines of the document open with their closing "
                                       f"punctuation; {what}" + ("; brackets mirrored" if mirrored else "")))
        offset += len(line) + 1
    return edits


def signed_lines(text: str, ctx=None) -> int:
    """How many lines open with closing punctuation before an Arabic word
    (:data:`repair.screen.LINE_END_OPENING`); 0 for the pipeline's input
    when its screen saw none.

    >>> signed_lines(".والمعارضة\\nنص\\n، عن التصويت")
    2
    """
    if ctx is not None and text is getattr(ctx, "original", None) and not screen.has(text, "run_order"):
        return 0
    first = screen.LINE_END_OPENING.match(text) is not None
    return first + len(screen.LINE_END_OPENING_AFTER_NEWLINE.findall(text))


_CLOSING = frozenset(screen.CLOSING_PUNCT)
_RTL_PUNCTUATION = set("؟؛")   # bidi class AL: part of the Arabic run they end
_SPACES_AFTER_FIGURE = re.compile(r"[0-9A-Za-z%]  +[\u0621-\u064a]")
def logical_line(line: str, mirrored: bool = True, always: bool = True) -> tuple[str, bool]:
    """The line in logical order, and whether its runs were reversed.

    Closing punctuation shown at the left moves to the end; the runs are
    reversed when the document shows visual run order (``always``) or the
    reading that gives is clearly more fluent (the n-gram model of
    :mod:`repair.ngram`); brackets are mirrored back in a document whose
    brackets face the wrong way.  Lines without Arabic stay.

    >>> logical_line("148 أقر مجلس النواب مساء الثلاثاء مشروع قانون الانتخابات بأغلبية")[0]
    'أقر مجلس النواب مساء الثلاثاء مشروع قانون الانتخابات بأغلبية 148'
    >>> logical_line("(سيطرة الفصائل على »الدولة« )داعش")[0]
    'سيطرة الفصائل على «الدولة» (داعش)'
    >>> logical_line("Associated Press")
    ('Associated Press', False)
    """
    if not ARABIC_LETTER.search(line):
        return line, False
    runs = split_runs(line.strip())
    body = [r for r in runs if r[0] != "edge"]
    has_ltr = any(kind == "ltr" for kind, _ in body)
    # a line that itself opens with its closing punctuation shows its runs in visual order
    signed = runs[0][0] == "edge" and _closing_only(runs[0][1])
    reverse = has_ltr and (always or signed or more_fluent(join_runs(body[::-1]), join_runs(body)))
    ordered = runs[::-1] if reverse else _edges_moved(runs, brackets_too=always)
    out = join_runs(ordered, edges_reversed=True)
    if mirrored:
        out = out.translate(MIRROR)
    if out == line.strip():
        return line, False
    return out, bool(reverse)


def _closing_only(edge: str) -> bool:
    """The edge holds closing punctuation only (what PyMuPDF shows first on a line).

    >>> _closing_only(". "), _closing_only(".»")
    (True, False)
    """
    return set(edge.strip()) <= _CLOSING


def _edges_moved(runs: list, brackets_too: bool) -> list:
    """Keep the body's order; the closing punctuation shown first goes last (and, where the
    document shows visual run order, any bracket at either edge changes edge too).

    The Arabic question mark and semicolon are right-to-left letters to the bidi
    algorithm, so PyMuPDF leaves them in their Arabic run: one at the end stays.

    >>> [r[1] for r in _edges_moved(split_runs("قال: لماذا؟"), True)]
    ['قال: لماذا', '؟']
    """
    head = [r for r in runs[:1] if r[0] == "edge" and (brackets_too or _closing_only(r[1]))]
    tail = [r for r in runs[-1:] if r[0] == "edge" and len(runs) > 1 and brackets_too
            and not set(r[1].strip()) <= _RTL_PUNCTUATION]
    body = runs[len(head):len(runs) - len(tail)]
    return tail + body + head


def join_runs(runs: list, edges_reversed: bool = False) -> str:
    """Runs joined: one space between words of different runs, none before edge punctuation.

    >>> join_runs([("rtl", "من أصل"), ("ltr", "230"), ("rtl", "نائبا")])
    'من أصل 230 نائبا'
    """
    out = ""
    for kind, run in runs:
        if kind == "edge":
            run = run.strip()
            out += run[::-1] if edges_reversed else run
        else:
            if out and not out.endswith((" ", "ـ", "/", "(", "«")) and out[-1] not in ".،:؛!؟)»" or \
                    (out and out[-1] in ".،:؛!؟" and kind != "edge"):
                out += " "
            out += run
    return out


FLUENCY_MARGIN = 1.0   # log10: the reversed reading must be this much more likely


def more_fluent(candidate: str, given: str) -> bool:
    """True when the n-gram model clearly prefers ``candidate`` to ``given`` (same words, other order)."""
    from . import ngram

    start, end = "<s>", "</s>"
    return ngram.score(start, candidate.split(), end) - ngram.score(start, given.split(), end) >= FLUENCY_MARGIN


def split_runs(line: str) -> list[tuple[str, str]]:
    """``(kind, text)`` runs in the order given: ``edge`` punctuation, ``ltr`` and ``rtl`` runs.

    >>> split_runs(". الأحد85 قتل")
    [('edge', '. '), ('rtl', 'الأحد'), ('ltr', '85'), ('rtl', 'قتل')]
    """
    runs: list[tuple[str, str]] = []
    head = EDGE_NEUTRALS.match(line)
    start = head.end() if head and head.start() == 0 else 0
    if start and _opens_a_quote(line, start - 1):
        start -= 1
    tail = re.search(EDGE_NEUTRALS.pattern.split("|")[1], line[start:])
    end = start + tail.start() if tail else len(line)
    if start:
        runs.append(("edge", line[:start]))
    body = line[start:end]
    last = 0
    for m in LTR_RUN.finditer(body):
        if m.start() > last:
            _add_rtl(runs, body[last:m.start()])
        run = m.group()
        runs.append(("ltr", run[1:] + "%" if run.startswith("%") else run))
        last = m.end()
    if last < len(body):
        _add_rtl(runs, body[last:])
    if end < len(line):
        runs.append(("edge", line[end:]))
    return runs


def _opens_a_quote(line: str, i: int) -> bool:
    """The bracket at ``i`` (the last of a line's leading punctuation) opens a span it is glued
    to: its counterpart comes later, glued to the span's last letter (``.»الإخبارية« السورية``:
    the full stop was shown first, the guillemets stay round their word).  A counterpart glued
    to the next word instead (``(سيطرة … )داعش``) makes it a closing bracket shown first.

    >>> _opens_a_quote(".»الإخبارية« السورية", 1), _opens_a_quote("(سيطرة الفصائل )داعش", 0)
    (True, False)
    """
    mate = line[i].translate(MIRROR)
    if mate == line[i] or i + 1 >= len(line) or not ARABIC_LETTER.match(line[i + 1]):
        return False
    j = line.find(mate, i + 1)
    return j > i + 1 and bool(ARABIC_LETTER.match(line[j - 1]))


# A hyphen glued to the Arabic word before it, a space after: the dash between two
# right-to-left runs that PyMuPDF shows in visual order (``النزوح- وشهد`` for ``السبت - الاحد``).
_RUN_DASH = re.compile(r"(?<=[\u0621-\u064a])- (?=[\u0621-\u064a])")


def _add_rtl(runs: list, text: str) -> None:
    """Add a right-to-left run; one cut by a dash in visual order is two runs around it.

    >>> runs = []; _add_rtl(runs, "الاحد جولة من النزوح- وشهد ليل السبت"); runs
    [('rtl', 'الاحد جولة من النزوح'), ('ltr', '-'), ('rtl', 'وشهد ليل السبت')]
    """
    dashes = list(_RUN_DASH.finditer(text))
    if len(dashes) == 1:
        cut = dashes[0]
        _add_rtl(runs, text[:cut.start()])
        runs.append(("ltr", "-"))
        _add_rtl(runs, text[cut.end():])
    elif text.strip():
        runs.append(("rtl", text.strip()))
