"""A library of the damage PDF extraction does to Arabic text (see shared/ARTIFACTS.md).

Each ``damage_x(text, rng, log=None, ...) -> text`` takes clean (or already
damaged) text and a ``random.Random``; when ``log`` is a list, it appends one
dict per place it damaged (``{"kind": ..., "line": ...}``, 1-based line of the
output), which make_fixtures.py writes into the manifest.

Order that mirrors a real PDF round trip: :func:`damage_wrap` (layout),
:func:`damage_split_words` / :func:`damage_glue_digits` (extractor),
:func:`damage_kashida` (justification), then one of the line-order damages
:func:`damage_chunk_reversal`, :func:`damage_visual`, :func:`damage_presentation`,
and last :func:`damage_pua_figures`.
"""

from __future__ import annotations

import random
import re

import arabic_reshaper
from bidi.algorithm import get_display

NON_JOINING_LEFT = set("اأإآٱءدذرزوؤةىژ")
ARABIC_LETTERS = set(chr(c) for c in range(0x0621, 0x064B) if c != 0x0640) | set("ٱپچژڤکگیہے")
TATWEEL = "\u0640"
WORD = re.compile(r"\S+")
DIGIT_THEN_SPACE_THEN_ARABIC = re.compile(r"(?<=[0-9])( )(?=[\u0621-\u064a])")
_RESHAPER = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})


def _note(log, kind: str, line: int, **details) -> None:
    if log is not None:
        log.append({"kind": kind, "line": line, **details})


def _is_letter(ch: str) -> bool:
    return ch in ARABIC_LETTERS


def _joins_left(ch: str) -> bool:
    return _is_letter(ch) and ch not in NON_JOINING_LEFT


def has_arabic(text: str) -> bool:
    """True when ``text`` holds an Arabic letter.

    >>> has_arabic("حلب 2016"), has_arabic("Aleppo")
    (True, False)
    """
    return any(_is_letter(ch) for ch in text)


# --- 1. wrapping ---------------------------------------------------------


def wrap_line(line: str, width: int) -> list[str]:
    """Greedy wrap of one logical line at word boundaries, lines of at most ``width``.

    >>> wrap_line("aa bb cc dd", 5)
    ['aa bb', 'cc dd']
    """
    out, current = [], ""
    for word in line.split():
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        out.append(current)
    return out


def damage_wrap(text: str, rng: random.Random, log=None, width=(75, 95),
                page_break=0.15, leading_space=0.15) -> str:
    """Reflow each source line into lines of ``width`` characters, as a PDF lays it out.

    Blank lines between paragraphs stay; a paragraph may get a page break (a
    blank line inside it, mid-sentence) and a leading space.

    >>> damage_wrap("كلمة " * 30, random.Random(1), page_break=0, leading_space=0).count("\\n")
    1
    """
    blocks = []
    for line in text.split("\n"):
        if not line.strip():
            blocks.append([line.strip()])
            continue
        wrapped = wrap_line(line, rng.randint(*width))
        if len(wrapped) > 1 and rng.random() < page_break:
            cut = rng.randrange(1, len(wrapped))
            wrapped[cut:cut] = [""] * rng.choice((1, 1, 2))
        if rng.random() < leading_space:
            wrapped[0] = " " + wrapped[0]
        blocks.append(wrapped)
    out = []
    for block in blocks:
        for piece in block:
            out.append(piece)
            if piece == "" and len(block) > 1:
                _note(log, "page_break", len(out))
            elif piece.startswith(" "):
                _note(log, "leading_space", len(out))
    wrapped_lines = sum(len(b) - 1 for b in blocks if len(b) > 1)
    _note(log, "wrap", 0, breaks=wrapped_lines)
    return "\n".join(out)


# --- 2. kashida ----------------------------------------------------------


def kashida_slots(word: str) -> list[int]:
    """Positions in ``word`` where justification may put tatweel: after a letter
    that joins left, before another letter, never inside lam-alef.

    >>> kashida_slots("وكالة")
    [2, 4]
    """
    slots = []
    for i in range(1, len(word)):
        before, after = word[i - 1], word[i]
        if _joins_left(before) and _is_letter(after) and not (before == "ل" and after in "اأإآ"):
            slots.append(i)
    return slots


def stretch_word(word: str, count: int, rng: random.Random) -> str:
    """``word`` with ``count`` tatweel at one slot, most often the last one.

    >>> stretch_word("وكالة", 3, random.Random(0))
    'وكالـــة'
    """
    slots = kashida_slots(word)
    if not slots:
        return word
    at = slots[-1] if rng.random() < 0.7 else rng.choice(slots)
    return word[:at] + TATWEEL * count + word[at:]


def damage_kashida(text: str, rng: random.Random, log=None, share=0.3, words=0.8) -> str:
    """Stretch ``share`` of the lines as justification does: most words of a line
    get the same number (1–4) of tatweel (``وكالـــة``, ``مـن``).

    >>> "\\u0640" in damage_kashida("وكالة أعماق المرتبطة", random.Random(2), share=1)
    True
    """
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if not has_arabic(line) or rng.random() >= share:
            continue
        count = rng.choice((1, 1, 2, 3, 3, 4))
        parts = re.split(r"(\s+)", line)
        stretched = 0
        for i, part in enumerate(parts):
            if part and not part.isspace() and rng.random() < words:
                new = stretch_word(part, count, rng)
                stretched += new != part
                parts[i] = new
        if stretched:
            lines[n] = "".join(parts)
            _note(log, "kashida", n + 1, words=stretched, tatweel=count)
    return "\n".join(lines)


# --- 3. chunk reversal ---------------------------------------------------


def chunk_cut_points(line: str) -> list[int]:
    """Offsets inside words right after a letter that does not join left and
    before another letter: where pdf.js may break a glyph run.

    >>> chunk_cut_points("السورية رياض")
    [1, 4, 5, 9, 11]
    """
    return [i for i in range(1, len(line))
            if line[i - 1] in NON_JOINING_LEFT and _is_letter(line[i - 1]) and _is_letter(line[i])]


def reverse_chunks(line: str, cuts: list[int]) -> str:
    """Cut ``line`` at ``cuts`` into logical chunks A B C; return ``C B A``.

    >>> reverse_chunks("للمعارضة السورية رياض حجاب", [14, 18])
    'ياض حجاب ية ر للمعارضة السور'
    """
    bounds = [0, *sorted(cuts), len(line)]
    chunks = [line[a:b].strip() for a, b in zip(bounds, bounds[1:])]
    return " ".join(c for c in reversed(chunks) if c)


def cut_weight(line: str, i: int) -> int:
    """How likely a run break at ``i`` is: seed 002 has twelve after ر or ز
    before ي, one after أ.

    >>> cut_weight("السورية", 5), cut_weight("أكد", 1)
    (12, 1)
    """
    if line[i] == "ي":
        return 12 if line[i - 1] in "رز" else 3
    return 1


def _after_article_alef(line: str, i: int) -> bool:
    return line[i - 1:i + 1] == "ال" and (i == 1 or not _is_letter(line[i - 2]))


def pick_cuts(line: str, rng: random.Random, most: int = 3) -> list[int]:
    """1–``most`` cut points, chosen mostly before ي (as in seed 002), at least 5
    characters apart.

    >>> pick_cuts("abc", random.Random(0))
    []
    """
    candidates = [i for i in chunk_cut_points(line) if not _after_article_alef(line, i)]
    if not candidates:
        return []
    weights = [cut_weight(line, i) for i in candidates]
    wanted = rng.randint(1, most)
    cuts: list[int] = []
    for _ in range(10 * wanted):
        if len(cuts) == wanted:
            break
        cut = rng.choices(candidates, weights)[0]
        if all(abs(cut - c) >= 5 for c in cuts) and 3 <= cut <= len(line) - 3:
            cuts.append(cut)
    return sorted(cuts)


def damage_chunk_reversal(text: str, rng: random.Random, log=None, share=0.1, lines_free=None) -> str:
    """Chunk-reverse ``share`` of the lines, the seed-002 (pdf.js) defect.

    ``lines_free`` (a set of 0-based line numbers) limits which lines may be
    touched; the chosen ones are removed from it.

    >>> damage_chunk_reversal("للمعارضة السورية رياض حجاب", random.Random(0), share=1) != "للمعارضة السورية رياض حجاب"
    True
    """
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if (lines_free is not None and n not in lines_free) or not has_arabic(line) or rng.random() >= share:
            continue
        cuts = pick_cuts(line, rng)
        if not cuts:
            continue
        lines[n] = (" " if line.startswith(" ") else "") + reverse_chunks(line, cuts)
        if lines_free is not None:
            lines_free.discard(n)
        _note(log, "chunk_reversal", n + 1, cuts=cuts, after=[line[c - 1:c + 1] for c in cuts])
    return "\n".join(lines)


# --- 4. visual order and 5. presentation forms ---------------------------


def to_visual(line: str, shaped: bool = False) -> str:
    """``line`` in visual order, as pdfminer gives it (digit runs stay left to right).

    >>> to_visual("في 85 بالمئة")
    'ةئملاب 85 يف'
    """
    if shaped:
        line = to_presentation(line)
    return get_display(line, base_dir="R")


def to_presentation(line: str) -> str:
    """``line`` with letters as presentation forms (logical order kept).

    >>> to_presentation("لا") == "\\ufefb"
    True
    """
    return _RESHAPER.reshape(line)


def _line_damage(text, rng, log, share, lines_free, kind, transform) -> str:
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if (lines_free is not None and n not in lines_free) or not has_arabic(line) or rng.random() >= share:
            continue
        new = transform(line)
        if new != line:
            lines[n] = new
            if lines_free is not None:
                lines_free.discard(n)
            _note(log, kind, n + 1)
    return "\n".join(lines)


def damage_visual(text: str, rng: random.Random, log=None, share=1.0, shaped=0.0, lines_free=None) -> str:
    """Put ``share`` of the Arabic lines in visual order; ``shaped`` of those
    also in presentation forms (reshaped before the bidi pass).

    >>> damage_visual("في 85 بالمئة", random.Random(0))
    'ةئملاب 85 يف'
    """
    def transform(line):
        if rng.random() < shaped:
            return to_visual(line, shaped=True)
        return to_visual(line)
    return _line_damage(text, rng, log, share, lines_free, "visual", transform)


def damage_presentation(text: str, rng: random.Random, log=None, share=0.4, lines_free=None) -> str:
    """Turn ``share`` of the Arabic lines into presentation forms, logical order.

    >>> damage_presentation("بالمئة", random.Random(0), share=1) == to_presentation("بالمئة")
    True
    """
    return _line_damage(text, rng, log, share, lines_free, "presentation", to_presentation)


# --- 6. split words and glued digits --------------------------------------


def word_split_points(word: str) -> list[int]:
    """Offsets inside ``word`` after a letter that does not join left (where
    poppler's overlapping glyphs leave a space).

    >>> word_split_points("الأثرية")
    [1, 3, 5]
    """
    return [i for i in range(1, len(word))
            if word[i - 1] in NON_JOINING_LEFT and _is_letter(word[i - 1]) and _is_letter(word[i])]


def damage_split_words(text: str, rng: random.Random, log=None, share=0.02) -> str:
    """Split ``share`` of the words that can be split: ``الأثرية`` → ``الأثر ية``.

    Splits just after the article (``ال|``) are not made: poppler's splits come
    from overlapping glyphs inside the word.

    >>> damage_split_words("الأثرية", random.Random(0), share=1)
    'الأثر ية'
    """
    lines = text.split("\n")
    for n, line in enumerate(lines):
        def split(m):
            word = m.group()
            points = [p for p in word_split_points(word) if not (p == 2 and word.startswith("ال")) and p >= 2]
            if not points or rng.random() >= share:
                return word
            weights = [4 if word[p] == "ي" or word[p:] in ("ين", "ون", "ات", "ية") else 1 for p in points]
            p = rng.choices(points, weights)[0]
            _note(log, "word_split", n + 1, word=word, at=p)
            return word[:p] + " " + word[p:]
        lines[n] = WORD.sub(split, line)
    return "\n".join(lines)


def damage_glue_digits(text: str, rng: random.Random, log=None, share=0.5) -> str:
    """Drop the space between a number and the Arabic word after it (pdftotext):
    ``85 بالمئة`` → ``85بالمئة``.

    >>> damage_glue_digits("نحو 85 بالمئة", random.Random(0), share=1)
    'نحو 85بالمئة'
    """
    lines = text.split("\n")
    for n, line in enumerate(lines):
        def glue(m):
            if rng.random() >= share:
                return m.group()
            _note(log, "digit_glue", n + 1)
            return ""
        lines[n] = DIGIT_THEN_SPACE_THEN_ARABIC.sub(glue, line)
    return "\n".join(lines)


def damage_words(text: str, rng: random.Random, log=None, split_share=0.02, glue_share=0.5) -> str:
    """Both word damages: words split at a non-joining letter, digits glued.

    >>> damage_words("الأثرية 85 شخص", random.Random(0), split_share=1, glue_share=1)
    'الأثر ية 85شخص'
    """
    text = damage_split_words(text, rng, log, split_share)
    return damage_glue_digits(text, rng, log, glue_share)


# --- 7. figures as private-use code points -------------------------------


def pua_table(rng: random.Random) -> dict[str, str]:
    """A per-document font table: digits 0–9 mapped to consecutive private-use
    code points (U+E0xx as in seed 002, or U+F7xx).

    >>> sorted(pua_table(random.Random(0)))[:3]
    ['0', '1', '2']
    """
    base = rng.choice((0xE000 + rng.randrange(0, 0xF0), 0xF700 + rng.randrange(0, 0xF0)))
    order = list(range(10))
    if rng.random() < 0.5:
        rng.shuffle(order)
    return {str(d): chr(base + order[d]) for d in range(10)}


def damage_pua_figures(text: str, rng: random.Random, log=None, table=None) -> str:
    """Replace every Western digit by its private-use code point from ``table``.

    >>> t = {str(d): chr(0xE005 + d) for d in range(10)}
    >>> damage_pua_figures("عن 100 عنصر", random.Random(0), table=t) == "عن \\ue006\\ue005\\ue005 عنصر"
    True
    """
    table = table or pua_table(rng)
    lines = text.split("\n")
    for n, line in enumerate(lines):
        new = "".join(table.get(ch, ch) for ch in line)
        if new != line:
            runs = len(re.findall("[0-9]+", line))
            _note(log, "pua_figures", n + 1, runs=runs)
            lines[n] = new
    return "\n".join(lines)


# --- sets ----------------------------------------------------------------


def damage_mixed(text: str, rng: random.Random, log=None) -> str:
    """Every kind at once, each line getting at most one line-order damage.

    >>> len(damage_mixed("نص سليم", random.Random(0))) > 0
    True
    """
    text = damage_wrap(text, rng, log)
    text = damage_words(text, rng, log)
    text = damage_kashida(text, rng, log)
    free = set(range(text.count("\n") + 1))
    text = damage_chunk_reversal(text, rng, log, share=0.1, lines_free=free)
    text = damage_visual(text, rng, log, share=0.1, shaped=0.5, lines_free=free)
    text = damage_presentation(text, rng, log, share=0.1, lines_free=free)
    return damage_pua_figures(text, rng, log)


def _set(*steps):
    def damage(text, rng, log=None):
        text = damage_wrap(text, rng, log)
        for step in steps:
            text = step(text, rng, log)
        return text
    return damage


# Fixture set name -> damage applied to a whole clean text.
SETS = {
    "mixed": damage_mixed,
    "wrap": _set(),
    "kashida": _set(damage_kashida),
    "chunks": _set(lambda t, r, l: damage_chunk_reversal(t, r, l, share=0.15)),
    "visual": _set(lambda t, r, l: damage_visual(t, r, l, share=1.0, shaped=0.5 if r.random() < 0.5 else 0.0)),
    "presentation": _set(damage_presentation),
    "words": _set(lambda t, r, l: damage_words(t, r, l, split_share=0.03, glue_share=0.6)),
}
