"""Paragraphs whose lines come out last line first, put back in reading order.

A producer that bidi'd a whole paragraph before wrapping it (reportlab's
``Paragraph`` fed python-bidi's ``get_display`` of the paragraph) draws the
paragraph's last words on its top line and its first words on the bottom
one.  An extractor that gives each line in logical order (pdftotext,
PyMuPDF) then gives every paragraph upside down: the line that ends the
paragraph's last sentence comes first, the paragraph's opening line last.
pdfminer's lines, visual-order as well, reach this step already made
logical by :mod:`repair.visual`, so the three extractors share this rule.

Read top to bottom, such a block ends with a line that does not end a
sentence (the opening line of its last paragraph), and its sentence-ending
lines open paragraphs instead of closing them.  Only then is the other
reading tried: the lines cut into paragraphs that each open with a
sentence-ending line, each paragraph read bottom up (lines before the
first such line, a title say, stay where they are).  That reading must be
clearly more fluent (the n-gram model of :mod:`repair.ngram`, across the
line joins) than the text as it stands.

>>> upside_down = ["دورية علمية محكمة متخصصة في الكيمياء التحليلية.",
...     "في مياه الشرب خلال أقل من عشر دقائق، وفق دراسة نشرت هذا الأسبوع في",
...     "مستشعر ورقي منخفض الكلفة قادر على كشف وجود الرصاص والزئبق والكادميوم",
...     "نجح فريق من الباحثين في كلية العلوم بإحدى الجامعات الحكومية في تطوير"]
>>> reading_order(upside_down)[0]
[3, 2, 1, 0]
"""

from __future__ import annotations

from . import ngram
from .adjacency import PARAGRAPH_END, PARAGRAPH_START
from .arabic import ARABIC_RUN
from .model import Edit
from .paragraphs import FINAL_PUNCT, ends_sentence

MIN_LINES = 3           # two lines give one join: too little to turn a block round
MAX_BLANK = 1           # pdfminer's blank line between the boxes of one paragraph
MARGIN = 3.0            # log10: the upside-down reading must be this much more fluent


def reverse_upside_down_paragraphs(text: str, ctx) -> list[Edit]:
    """One edit per block of lines that reads better paragraph by paragraph bottom up.

    A block runs across single blank lines (two in a row end it): pdfminer
    puts a single blank line between the text boxes it cuts a paragraph into.  Blank lines keep
    their places; the lines with text between them are what is reordered.
    """
    if not getattr(ctx, "damaged", False) or text.count("\n") < MIN_LINES - 1:
        return []
    edits = []
    for start, block in blocks(text):
        filled = [k for k, line in enumerate(block) if line.strip()]
        lines = [block[k] for k in filled]
        if len(lines) < MIN_LINES or not ARABIC_RUN.search(lines[0]):
            continue
        order, gain = reading_order(lines)
        if order is None:
            continue
        reordered = list(block)
        for slot, k in zip(filled, order):
            reordered[slot] = lines[k]
        end = start + sum(map(len, block)) + len(block) - 1
        paragraphs = len(paragraph_starts([line.strip() for line in lines]))
        evidence = (f"{len(lines)} lines in {paragraphs} paragraph(s) given last line first (a producer "
                    f"bidi'd each paragraph whole): each opens with the line that ends its last sentence; "
                    f"read bottom up they are {gain:.1f} log10 more fluent across their joins")
        edits.append(Edit(start, end, "\n".join(reordered), kind="line_order",
                          confidence=round(min(0.95, 0.5 + 0.05 * gain), 2), evidence=evidence))
    return edits


def blocks(text: str, max_blank: int = MAX_BLANK) -> list[tuple[int, list[str]]]:
    """Runs of lines with text, up to ``max_blank`` blank lines inside, each with the offset of its first line.

    >>> blocks("a\\nb\\n\\nc\\n\\n\\nd")
    [(0, ['a', 'b', '', 'c']), (9, ['d'])]
    """
    out, current, blank, offset, start = [], [], 0, 0, 0
    for line in text.split("\n"):
        if line.strip():
            if current and blank > max_blank:
                out.append((start, current))
                current = []
            if not current:
                start = offset
            current.append(line)
            blank = 0
        elif current:
            blank += 1
            if blank <= max_blank:
                current.append(line)
        offset += len(line) + 1
    if current:
        out.append((start, current))
    return [(start, _trimmed(lines)) for start, lines in out]


def _trimmed(lines: list[str]) -> list[str]:
    """The block without the blank lines it ended on."""
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def ends_paragraph(stripped: str) -> bool:
    """True when a line can close a paragraph: it ends a sentence, and not on a colon
    (``وقال:`` opens a quotation or a verse).

    >>> ends_paragraph("انتهى الاجتماع.»"), ends_paragraph("وقال المتنبي:")
    (True, False)
    """
    return ends_sentence(stripped, FINAL_PUNCT)


def looks_upside_down(stripped: list[str]) -> bool:
    """Layout of a block given last line first: its top line (or the one under a title) ends
    a paragraph, its last line does not.

    >>> looks_upside_down(["انتهى.", "بدأ الاجتماع"]), looks_upside_down(["بدأ الاجتماع", "انتهى."])
    (True, False)
    >>> looks_upside_down(["عنوان الخبر", "انتهى.", "بدأ الاجتماع"])
    True
    """
    return not ends_paragraph(stripped[-1]) and any(map(ends_paragraph, stripped[:2]))


def paragraph_starts(stripped: list[str]) -> list[int]:
    """Where each upside-down paragraph starts: at every line that ends a paragraph.

    >>> paragraph_starts(["انتهى.", "وسط", "بدأ", "انتهى أيضا.", "بدأ ثانيا"])
    [0, 3]
    """
    return [i for i, line in enumerate(stripped) if ends_paragraph(line)]


def reading_order(lines: list[str]) -> tuple[list[int] | None, float]:
    """The lines' reading order when the block is upside down (else None), and the fluency gain."""
    stripped = [line.strip() for line in lines]
    if not looks_upside_down(stripped):
        return None, 0.0
    starts = paragraph_starts(stripped) + [len(lines)]
    order = list(range(starts[0]))   # a title before the first paragraph stays on top
    order += [k for a, b in zip(starts, starts[1:]) for k in range(b - 1, a - 1, -1)]
    gain = fluency([stripped[k] for k in order]) - fluency(stripped)
    return (order, gain) if gain >= MARGIN else (None, gain)


def fluency(lines: list[str]) -> float:
    """log10 probability (n-gram) of the words that open each line, and of the end, in this order.

    The other words see only words of their own line (the model looks
    ``ngram.WINDOW - 1`` words back), so their terms are the same in any line
    order: two orders compare as :func:`repair.ngram.score` of the whole run
    would, at a fraction of the cost.
    """
    sequence = [PARAGRAPH_START]
    scored = []
    for line in lines:
        words = line.split()
        scored.extend(range(len(sequence), len(sequence) + min(len(words), ngram.WINDOW - 1)))
        sequence.extend(words)
    sequence.append(PARAGRAPH_END)
    scored.append(len(sequence) - 1)
    return ngram.score_at(tuple(sequence), scored, True)
