"""Figure slots found, and filled from siblings or a learned glyph table.

A *slot* is where a figure stands or stood in the broken text:

* ``pua``: a run of private-use code points (the font's digit glyphs mapped
  to U+E000–U+F8FF), e.g. ``عن \\ue008\\ue005\\ue005 عنصر``;
* ``cid``: a run of ``(cid:NN)`` tokens (one figure however many in a row);
* ``empty``: a doubled space where the digits mapped to nothing, only in a
  numeral context (``خلال  ساعة``: a cue word before and/or a counted noun
  after, see :data:`repair.numbers.COUNTED_NOUNS`).

Each slot is filled in one of three ways, never by guessing:

1. ``confirmed``: siblings about the same story (:func:`repair.siblings.story_similarity`)
   have a figure at the aligned place (:func:`repair.siblings.read_figure`);
   several siblings must agree or have a clear majority.
2. ``inferred``: the slot's code points are decoded with the glyph table
   learned from the confirmed slots (:mod:`repair.glyphs`), plus the stated
   consecutive-digit prior and any compatible table stored in ``glyph_db``.
3. ``unknown``: otherwise; the slot is reported and left as it is.  Empty
   slots without a reading are reported only when the context is strongly
   numeral (a cue word *and* a counted noun).

>>> from types import SimpleNamespace
>>> from repair.model import Config
>>> ctx = SimpleNamespace(config=Config(), siblings=[])
>>> edits, figures, table = resolve_figures("مقتل ما لا يقل عن \\ue008\\ue005\\ue005 عنصر", ctx)
>>> edits, figures[0].status, figures[0].context
([], 'unknown', 'ما لا يقل عن … عنصر')
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter, itemgetter

from . import screen
from .arabic import fold
from .glyphs import (GlyphStore, code_kind, code_label, compatible, learn_table, split_codes, store_keys,
                     vote_anchors)
from .model import Edit, Figure
from .numbers import (COUNTED_NOUNS, NUMERAL_CUES, SMALL_WORDS, TEEN_ONLY_UNITS, digit_style, digits_of,
                      SEPARATORS, fill_layout, format_digits, to_western)
from .siblings import (CID_RUN, FIGURE_KEY, SAME_STORY, Token, load_siblings, prepare, read_figure, story_similarity, token_at,
                       token_spans, tokenize)

# One-letter proclitics (and the article) that may be written onto a figure: و30, بـ4, الـ18.
_CLITICS = {fold(w) for w in ("و", "ب", "ل", "ف", "ك", "ال", "وب", "ول", "فب", "بال", "وال", "لل", "وبال")}
_EMPTY_SLOT = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
_CID_ANYWHERE = re.compile(r"\(cid:\d+\)")
_START = attrgetter("start")
# Where a slot may be (the tokens around it then decide): private-use runs, CIDs and runs
# of spaces, each searched apart (one simple pattern scans faster than an alternation).
_PUA_RUN = re.compile("[\ue000-\uf8ff]+")
_SPACE_RUN = re.compile("[ \u00a0]{2,}")
# Words shown on each side of a slot in its context.
CONTEXT_WORDS = 4
# Characters read on each side of a slot for its context words (more when they hold too few words).
REACH = 48
# Agreement needed among sibling readings of one slot: this share, and two votes, when they differ.
MAJORITY = 2 / 3


@dataclass(frozen=True)
class Slot:
    """A place a figure stands or stood.

    ``index`` is its token in the document's token list, ``codes`` the digit
    codes (none for an empty slot), ``layout`` a ``#`` per digit with the
    slot's own separators, ``strong`` whether the context alone says a figure
    belongs here (always true for glyph slots).

    >>> Slot("pua", 0, 2, "\\ue008\\ue005", 0, ("\\ue008", "\\ue005"), "##", True).layout
    '##'
    """

    kind: str
    start: int
    end: int
    text: str
    index: int
    codes: tuple
    layout: str
    strong: bool


@dataclass(frozen=True)
class Verdict:
    """What the siblings say about a slot: the agreed value (or None) and why.

    >>> Verdict(None, None, 0.0, "no sibling").value is None
    True
    """

    value: Decimal | None
    source: str | None
    confidence: float
    evidence: str
    readings: tuple = ()
    written: str | None = None


# What a slot no sibling reads gets.
NO_VERDICT = Verdict(None, None, 0.0, "")


# --- finding slots -------------------------------------------------------------

def find_slots(text: str, tokens: list[Token]) -> tuple[list[Token], list[Slot]]:
    """The document's slots, and its tokens with a token added for each empty slot.

    >>> toks, slots = find_slots("سينفذ خلال  ساعة و\\ue00b\\ue00f يوما", tokenize("سينفذ خلال  ساعة و\\ue00b\\ue00f يوما"))
    >>> [(s.kind, s.text.isspace(), s.layout) for s in slots]
    [('empty', True, ''), ('pua', False, '##')]
    """
    tokens = _with_empty_slots(text, tokens)
    slots = []
    for i, token in enumerate(tokens):
        if token.kind == "empty":
            slots.append(_empty_slot(tokens, i))
        elif token.kind in ("pua", "cid") and _stands_alone(text, tokens, i):
            slots.append(_glyph_slot(token, i))
    return tokens, slots


def _empty_slot(tokens, i: int) -> Slot:
    """The slot of empty token ``i``, strong with a cue before it and a counted noun after it.

    >>> toks = _with_empty_slots("خلال  ساعة", tokenize("خلال  ساعة"))
    >>> _empty_slot(toks, 1).strong
    True
    """
    token = tokens[i]
    strong = _cue_before(tokens, i) and _counted_after(tokens, i)
    return Slot("empty", token.start, token.end, token.text, i, (), "", strong)


def _glyph_slot(token: Token, i: int) -> Slot:
    """The slot of glyph token ``i`` (``pua`` or ``cid``).

    >>> _glyph_slot(tokenize("\\ue008.\\ue009")[0], 0).layout
    '#.#'
    """
    codes, layout = _codes_and_layout(token.text)
    return Slot(token.kind, token.start, token.end, token.text, i, codes, layout, True)


@lru_cache(maxsize=4096)
def _codes_and_layout(slot: str) -> tuple[tuple, str]:
    """A slot's digit codes and its layout, cached per slot text.

    >>> _codes_and_layout("\\ue008\\ue005")[1]
    '##'
    """
    return tuple(split_codes(slot)), _layout(slot)


def _layout(slot: str) -> str:
    """``#`` for each digit code, separators kept.

    >>> _layout("(cid:1)(cid:2),(cid:3)"), _layout("\\ue008.\\ue009")
    ('##,#', '#.#')
    """
    return re.sub(r"\(cid:\d+\)|[\ue000-\uf8ff]", "#", slot)


def _stands_alone(text: str, tokens: list[Token], i: int) -> bool:
    """A glyph run is a figure only when no letter is glued to it (a proclitic before it is fine).

    >>> t = "و\\ue008 ك\\ue008ب"
    >>> _stands_alone(t, tokenize(t), 1), _stands_alone(t, tokenize(t), 3)
    (True, False)
    """
    token = tokens[i]
    after = text[token.end:token.end + 1]
    if after and (after.isalnum() or after == "\u0640"):
        return False
    before = text[token.start - 1:token.start] if token.start else ""
    if not before or not before.isalnum():
        return True
    previous = tokens[i - 1] if i else None
    return previous is not None and previous.end == token.start and previous.kind == "word" \
        and fold(previous.text) in _CLITICS


def _with_empty_slots(text: str, tokens: list[Token]) -> list[Token]:
    """Tokens with an ``empty`` token in each doubled space that sits in a numeral context.

    >>> [t.kind for t in _with_empty_slots("داعش  فجر", tokenize("داعش  فجر"))]
    ['word', 'word']
    """
    inserted = _empty_tokens(text, [t.start for t in tokens], [t.end for t in tokens], tokens.__getitem__)
    if not inserted:
        return tokens
    out = list(tokens)
    for i in sorted(inserted, reverse=True):
        out.insert(i, inserted[i])
    return out


def _empty_tokens(text: str, starts: list[int], ends: list[int], token, start: int = 0, end: int | None = None) -> dict:
    """An ``empty`` token for each doubled space of ``text[start:end]`` between two tokens, in a numeral context.

    Keyed by the index of the token after it; ``starts``/``ends`` are the
    tokens' offsets and ``token(i)`` gives token ``i``.

    >>> text = "خلال  ساعة"
    >>> toks = tokenize(text)
    >>> _empty_tokens(text, [t.start for t in toks], [t.end for t in toks], toks.__getitem__)
    {1: Token(kind='empty', start=4, end=6, text='  ', key='#')}
    """
    inserted = {}
    for m in _EMPTY_SLOT.finditer(text, start, len(text) if end is None else end):
        after = bisect_left(starts, m.end())
        if not 0 < after < len(starts) or starts[after] != m.end() or ends[after - 1] != m.start():
            continue
        if _empty_slot_context(token(after - 1), token(after)):
            inserted[after] = Token("empty", m.start(), m.end(), m.group(), "#")
    return inserted


def _empty_slot_context(before: Token, after: Token) -> bool:
    """Words on both sides, no number word next to the gap, and a cue or a counted noun.

    >>> _empty_slot_context(*tokenize("خلال ساعة")), _empty_slot_context(*tokenize("داعش فجر"))
    (True, False)
    >>> _empty_slot_context(*tokenize("خمسة آلاف"))
    False
    """
    if before.kind != "word" or after.kind != "word":
        return False
    if _is_small_number(before.text) or _is_small_number(after.text):
        return False
    return _is_cue(before.text) or fold(after.text) in COUNTED_NOUNS


def _is_small_number(word: str) -> bool:
    """A unit, ten or hundred word (scale words such as ألف are not small).

    >>> _is_small_number("ثلاثة"), _is_small_number("ألف")
    (True, False)
    """
    key = fold(word)
    return key in SMALL_WORDS or key in TEEN_ONLY_UNITS


def _is_cue(word: str) -> bool:
    """A word a figure often follows: نحو, حوالى, خلال, عن …, also with و.

    >>> _is_cue("وخلال"), _is_cue("مدينة")
    (True, False)
    """
    key = fold(word)
    return key in NUMERAL_CUES or (key.startswith("و") and key[1:] in NUMERAL_CUES)


def _cue_before(tokens: list[Token], i: int) -> bool:
    """Whether the token before ``i`` is a numeral cue.

    >>> _cue_before(tokenize("نحو عنصر"), 1)
    True
    """
    return i > 0 and tokens[i - 1].kind == "word" and _is_cue(tokens[i - 1].text)


def _counted_after(tokens: list[Token], i: int) -> bool:
    """Whether the token after ``i`` is a counted noun.

    >>> _counted_after(tokenize("نحو عنصر"), 0)
    True
    """
    return i + 1 < len(tokens) and tokens[i + 1].kind == "word" and fold(tokens[i + 1].text) in COUNTED_NOUNS


# --- slots without siblings: only the text around them is tokenised ---------------

class TokenView:
    """Some of a text's tokens as offsets; a :class:`Token` is made only where one is looked at.

    ``known`` holds tokens already made (and the empty tokens put in), by
    offset.  Indexing works as on the token list :func:`find_slots` returns
    for the same stretch of text.

    >>> view = TokenView("عن \\ue008 عنصر", [0, 3, 5], [2, 4, 9])
    >>> len(view), view[1].kind
    (3, 'pua')
    """

    __slots__ = ("text", "starts", "ends", "known")

    def __init__(self, text: str, starts: list[int], ends: list[int], known: dict | None = None):
        self.text, self.starts, self.ends, self.known = text, starts, ends, {} if known is None else known

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: int) -> Token:
        start = self.starts[i]
        token = self.known.get(start)
        return token if token is not None else token_at(self.text, start)

    def with_empties(self, empties: list[Token]) -> "TokenView":
        """The view with these empty tokens put in among the others.

        >>> view = TokenView("خلال  ساعة", [0, 6], [4, 10]).with_empties([Token("empty", 4, 6, "  ", "#")])
        >>> view.starts, view[1].kind
        ([0, 4, 6], 'empty')
        """
        return TokenView(self.text, sorted(self.starts + [t.start for t in empties]),
                         sorted(self.ends + [t.end for t in empties]), {**self.known, **{t.start: t for t in empties}})


def glyph_tokens(text: str) -> list[Token]:
    """The document's ``pua`` and ``cid`` tokens, as :func:`repair.siblings.tokenize` finds them.

    A private-use token is a run of private-use characters, or several
    joined by single separators (``\\ue008,\\ue009``); no other token holds
    a private-use character, so the runs alone say where they are.

    >>> [(t.kind, t.start, t.end) for t in glyph_tokens("عن \\ue008,\\ue009\\ue005 و(cid:3)(cid:4) .\\ue001")]
    [('pua', 3, 7), ('cid', 9, 23), ('pua', 25, 26)]
    """
    spans: list[list] = []
    for m in _PUA_RUN.finditer(text):
        start, end = m.span()
        if spans and spans[-1][2] == start - 1 and text[start - 1] in SEPARATORS:
            spans[-1][2] = end
        else:
            spans.append(["pua", start, end])
    if "(cid:" in text:
        spans += [["cid", *m.span()] for m in CID_RUN.finditer(text)]
        spans.sort(key=itemgetter(1))
    return [Token(kind, start, end, text[start:end], FIGURE_KEY) for kind, start, end in spans]


def slots_with_context(text: str, reach: int = REACH) -> list[tuple[Slot, str]]:
    """Every slot of ``text`` with its context, as :func:`find_slots` and :func:`slot_context` give them.

    Only the text within ``reach`` characters of each possible slot is
    tokenised (a stretch is widened while it holds too few words around a
    slot), so the words far from any slot cost nothing.  ``Slot.index`` is
    the slot's index among the tokens of its stretch.

    >>> [(s.kind, context) for s, context in slots_with_context("قتل ما لا يقل عن \\ue008 عنصر من قوات")]
    [('pua', 'ما لا يقل عن … عنصر من قوات')]
    """
    glyphs = glyph_tokens(text)
    glyph_starts = [t.start for t in glyphs]
    done: list[tuple[int, int, list]] = []
    windows = _windows(text, glyphs, reach)
    windows.reverse()  # popped from the end, first window first
    while windows:
        start, end = windows.pop()
        grow = reach
        while True:
            while done and done[-1][1] >= start:  # a widened window swallows its neighbours
                start = min(start, done.pop()[0])
            while windows and windows[-1][0] <= end:
                end = max(end, windows.pop()[1])
            inside = glyphs[bisect_left(glyph_starts, start):bisect_left(glyph_starts, end)]
            found = _window_slots(text, start, end, inside)
            if found is not None:
                break
            start, end, grow = _cut_before(text, start - grow), _cut_after(text, end + grow), grow * 2
        done.append((start, end, found))
    return [item for _, _, found in done for item in found]


def _windows(text: str, glyphs: list[Token], reach: int) -> list[tuple[int, int]]:
    """Stretches of ``text`` within ``reach`` characters of a possible slot, cut at whitespace, merged.

    >>> text = "ا " * 50 + "\\ue008" + " ب" * 50
    >>> _windows(text, glyph_tokens(text), 10)
    [(90, 111)]
    """
    clusters: list[list[int]] = []
    for start, end in _slot_signs(text, glyphs):
        if clusters and start - clusters[-1][1] <= 2 * reach:
            clusters[-1][1] = max(end, clusters[-1][1])
        else:
            clusters.append([start, end])
    merged: list[tuple[int, int]] = []
    for start, end in clusters:
        start, end = _cut_before(text, start - reach), _cut_after(text, end + reach)
        if merged and start <= merged[-1][1]:
            merged[-1] = (min(start, merged[-1][0]), max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _slot_signs(text: str, glyphs: list[Token]) -> list[tuple[int, int]]:
    """Spans that hold every slot, in order: the glyph tokens and whole runs of spaces.

    >>> text = "عن \\ue008\\ue005 و(cid:3)  عنصر"
    >>> _slot_signs(text, glyph_tokens(text))
    [(3, 5), (7, 14), (14, 16)]
    """
    signs = [(t.start, t.end) for t in glyphs]
    if "  " in text or "\u00a0" in text:
        signs += [m.span() for m in _SPACE_RUN.finditer(text)]
        signs.sort()
    return signs


# How far :func:`_cut_before`/:func:`_cut_after` look for whitespace before cutting at the text's edge.
_CUT_LOOK = 256


def _cut_before(text: str, pos: int) -> int:
    """An offset at or before ``pos`` that cuts no token: just after whitespace, or 0.

    >>> _cut_before("abc def", 5), _cut_before("abc def", 2)
    (4, 0)
    """
    if pos <= 0:
        return 0
    low = max(0, pos - _CUT_LOOK)
    space = max(text.rfind(" ", low, pos), text.rfind("\n", low, pos))
    return space + 1 if space >= 0 else 0


def _cut_after(text: str, pos: int) -> int:
    """An offset at or after ``pos`` that cuts no token: at whitespace, or the text's end.

    >>> _cut_after("abc def", 1), _cut_after("abc def", 5)
    (3, 7)
    """
    if pos >= len(text):
        return len(text)
    space, newline = text.find(" ", pos, pos + _CUT_LOOK), text.find("\n", pos, pos + _CUT_LOOK)
    if space < 0 or 0 <= newline < space:
        space = newline
    return space if space >= 0 else len(text)


def _window_slots(text: str, start: int, end: int, glyphs: list[Token]) -> list[tuple[Slot, str]] | None:
    """The slots of ``text[start:end]`` with their contexts; None when a context reaches past the window.

    ``start`` and ``end`` cut no token (see :func:`repair.siblings.token_spans`);
    ``glyphs`` are the glyph tokens between them.

    >>> text = "وقال إن \\ue00b\\ue00f شخصا قتلوا"
    >>> [(s.layout, c) for s, c in _window_slots(text, 0, len(text), glyph_tokens(text))]
    [('##', 'وقال إن … شخصا قتلوا')]
    >>> _window_slots(text, 5, len(text), glyph_tokens(text)) is None
    True
    """
    view = TokenView(text, *token_spans(text, start, end))
    slots = []
    if text.find("  ", start, end) >= 0 or text.find("\u00a0", start, end) >= 0:
        empties = _empty_tokens(text, view.starts, view.ends, view.__getitem__, start, end)
        if empties:
            view = view.with_empties(list(empties.values()))
            slots = [_empty_slot(view, bisect_left(view.starts, t.start)) for t in empties.values()]
    starts, ends, count = view.starts, view.ends, len(view)
    for token in glyphs:
        i = bisect_left(starts, token.start)
        view.known[token.start] = token
        if _stands_alone(text, view, i):
            slots.append(_glyph_slot(token, i))
    if len(slots) > 1:
        slots.sort(key=_START)
    whole_left, whole_right = start == 0, end == len(text)
    out = []
    for slot in slots:
        i = slot.index
        if (i < CONTEXT_WORDS and not whole_left) or (i + CONTEXT_WORDS >= count and not whole_right):
            return None
        first, last = starts[max(0, i - CONTEXT_WORDS)], ends[min(count, i + 1 + CONTEXT_WORDS) - 1]
        out.append((slot, _context(text, slot, first, last, count)))
    return out


# --- reading siblings ------------------------------------------------------------

def relevant_siblings(doc, siblings) -> tuple[list, list[str]]:
    """Prepared siblings that tell the same story, and a note for each one left out.

    >>> relevant_siblings(prepare("نص قصير جدا هنا"), [])
    ([], [])
    """
    kept, notes = [], []
    for sibling in siblings:
        prepared = prepare(sibling.text)
        similarity = story_similarity(doc, prepared)
        if similarity >= SAME_STORY:
            kept.append((sibling, prepared))
        else:
            notes.append(f"{sibling.source} left out: another story (shared trigrams {similarity:.2f} < {SAME_STORY})")
    return kept, notes


def sibling_readings(doc, slots: list[Slot], siblings: list) -> dict[int, list]:
    """Readings per slot (by position in ``slots``), at most one per sibling.

    A sibling figure read by two slots goes to the slot whose context agrees
    better (to neither on a tie).

    >>> from repair.siblings import Sibling
    >>> text = "قتل ما لا يقل عن \ue008\ue005 عنصر من قوات النظام"
    >>> toks, slots = find_slots(text, tokenize(text))
    >>> sib = Sibling("قتل ما لا يقل عن 10 عنصر من قوات النظام", "s")
    >>> sibling_readings(prepare(text, toks, False), slots, [(sib, prepare(sib.text))])[0][0].value
    Decimal('10')
    """
    out: dict[int, list] = {n: [] for n in range(len(slots))}
    for sibling, prepared in siblings:
        claims: dict[int, list] = {}
        for n, slot in enumerate(slots):
            reading = read_figure(doc, slot.index, prepared, sibling.source)
            if reading is not None:
                claims.setdefault(reading.candidate, []).append((reading.score, n, reading))
        for claimants in claims.values():
            claimants.sort(key=lambda c: c[0], reverse=True)
            if len(claimants) > 1 and claimants[0][0] == claimants[1][0]:
                continue
            out[claimants[0][1]].append(claimants[0][2])
    return out


def decide(slot: Slot, readings: list) -> Verdict:
    """The value the siblings agree on (one vote per sibling), or None with the conflict.

    Readings that do not fit the slot (three codes cannot hold 1200) are left out.

    >>> from repair.siblings import Reading
    >>> slot = Slot("pua", 0, 3, "abc", 0, ("a", "b", "c"), "###", True)
    >>> decide(slot, [Reading(Decimal(100), "001", 1.0, 10, 0, "عن مئة عنصر")]).value
    Decimal('100')
    >>> decide(slot, [Reading(Decimal(100), "001", 1.0, 10, 0, ""), Reading(Decimal(120), "003", 1.0, 10, 0, "")]).value is None
    True
    """
    fitting = [r for r in readings if not slot.layout or fill_layout(r.value, slot.layout, r.written) is not None]
    misfits = [f"{r.source} reads {digits_of(r.value)}, which does not fit {len(slot.codes)} digits"
               for r in readings if r not in fitting]
    if not fitting:
        return Verdict(None, None, 0.0, "; ".join(misfits), tuple(readings))
    votes = Counter(r.value for r in fitting)
    (value, count), total = votes.most_common(1)[0], len(fitting)
    described = "; ".join(f"{r.source}: «{r.snippet}» (context {r.score:.2f})" for r in fitting)
    if len(votes) > 1 and not (count >= 2 and count / total >= MAJORITY):
        readout = ", ".join(f"{digits_of(v)} ×{c}" for v, c in votes.most_common())
        return Verdict(None, None, 0.0, f"siblings disagree ({readout}): {described}", tuple(readings))
    agreeing = sorted((r for r in fitting if r.value == value), key=lambda r: r.score, reverse=True)
    written = next((r.written for r in agreeing if r.written), None)
    conflict = f"; majority over {total - count} disagreeing" if len(votes) > 1 else ""
    confidence = min(0.99, 0.85 + 0.1 * agreeing[0].score + 0.02 * (count - 1) - 0.1 * (total - count))
    evidence = f"read from {count} sibling(s){conflict}: {described}" + (f"; {'; '.join(misfits)}" if misfits else "")
    return Verdict(value, agreeing[0].source, round(confidence, 3), evidence, tuple(readings), written)


# --- the glyph table --------------------------------------------------------------

def glyph_anchors(slots: list[Slot], verdicts: dict) -> tuple[dict, set]:
    """Anchors from confirmed glyph slots, and the slots voted out for contradicting them.

    >>> s = Slot("pua", 0, 2, "ab", 0, ("a", "b"), "##", True)
    >>> glyph_anchors([s], {0: Verdict(Decimal(12), "001", 0.9, "")})
    ({'a': '1', 'b': '2'}, set())
    """
    readings = []
    for n, slot in enumerate(slots):
        verdict = verdicts[n]
        if slot.codes and verdict.value is not None:
            digits = re.sub(r"\D", "", fill_layout(verdict.value, slot.layout, verdict.written))
            readings.append((n, list(slot.codes), digits))
    votes = vote_anchors(readings)
    return votes.anchors, votes.rejected


def _open_store(ctx) -> GlyphStore | None:
    """The glyph store the context asks for: ``ctx.glyph_store`` or ``ctx.config.glyph_db``.

    >>> from types import SimpleNamespace
    >>> _open_store(SimpleNamespace(config=SimpleNamespace(glyph_db=None))) is None
    True
    """
    store = getattr(ctx, "glyph_store", None)
    if isinstance(store, GlyphStore):
        return store
    path = getattr(getattr(ctx, "config", None), "glyph_db", None)
    return GlyphStore(path) if path else None


def _font_name(ctx) -> str | None:
    """A font name for the glyph store key: ``ctx.font`` or ``ctx.config.glyph_font``, if given.

    >>> from types import SimpleNamespace
    >>> _font_name(SimpleNamespace(font="Amiri")), _font_name(SimpleNamespace())
    ('Amiri', None)
    """
    return getattr(ctx, "font", None) or getattr(getattr(ctx, "config", None), "glyph_font", None)


def stored_anchors(store, keys: list[str], anchors: dict, codes: list[str], font: str | None) -> tuple[dict, str]:
    """Anchors kept in the store for these keys, if they fit this document, and a note.

    They must agree with the document's own anchors.  Without a font name,
    the page key alone does not say it is the same font, so the stored table
    must also share an anchor with the document or decode every code the
    document uses.

    >>> stored_anchors(None, ["pua:E0"], {}, [], None)
    ({}, '')
    >>> store = GlyphStore(":memory:"); store.save("pua:E0", {"\\ue008": "1", "\\ue009": "2"}, "001")
    >>> stored_anchors(store, ["pua:E0"], {}, ["\\ue00a"], None)[1]
    'glyph_db table pua:E0 (2 anchors)'
    >>> stored_anchors(store, ["pua:E0"], {}, ["\\ue0f0"], None)[1]
    'glyph_db table pua:E0 does not cover this document: not used'
    """
    if store is None or not keys:
        return {}, ""
    stored = store.load(keys)
    if not stored:
        return {}, ""
    name = f"glyph_db table {', '.join(keys)}"
    if not compatible(anchors, stored):
        return {}, f"{name} contradicts this document's anchors: not used"
    shared = any(stored.get(code) == digit for code, digit in anchors.items())
    if not font and not shared and learn_table({}, stored).decode(codes) is None:
        return {}, f"{name} does not cover this document: not used"
    return stored, f"{name} ({len(stored)} anchors)"


def save_anchors(store, keys: list[str], anchors: dict, sources: str, font: str | None) -> None:
    """Store this document's anchors under their table keys.

    >>> store = GlyphStore(":memory:")
    >>> save_anchors(store, ["pua:E0"], {"\\ue008": "1"}, "001", None)
    >>> store.load(["pua:E0"]) == {"\\ue008": "1"}
    True
    """
    if store is None or not anchors:
        return
    for key in keys:
        mine = {c: d for c, d in anchors.items() if font or (code_kind(c) == "pua" and store_keys([c]) == [key])}
        if mine:
            store.save(key, mine, sources)


# --- writing ----------------------------------------------------------------------

def write_value(value: Decimal, slot: Slot, style: str, written: str | None = None) -> str:
    """The figure as it goes into the text: in the slot's layout and the document's digit style.

    ``written`` is the sibling's own digits, kept in an empty slot (``1,200``).

    >>> slot = Slot("empty", 0, 2, "  ", 0, (), "", True)
    >>> write_value(Decimal("3.4"), slot, "arabic-indic"), write_value(Decimal(1200), slot, "western", "١,٢٠٠")
    ('٣٫٤', '1,200')
    """
    if slot.layout:
        digits = fill_layout(value, slot.layout, written)
    else:
        digits = to_western(written) if written else digits_of(value)
    written = format_digits(digits, style)
    return written.replace(".", "\u066b") if style != "western" and not slot.layout else written


def slot_context(text: str, tokens: list[Token], slot: Slot, words: int = CONTEXT_WORDS) -> str:
    """The words around a slot with ``…`` in its place, on one line.

    >>> t = "قتل ما لا يقل عن \\ue008 عنصر من قوات"
    >>> toks, slots = find_slots(t, tokenize(t))
    >>> slot_context(t, toks, slots[0])
    'ما لا يقل عن … عنصر من قوات'
    """
    first = tokens[max(0, slot.index - words)]
    last = tokens[min(len(tokens), slot.index + 1 + words) - 1]
    return _context(text, slot, first.start, last.end, len(tokens))


def _context(text: str, slot: Slot, first: int, last: int, count: int) -> str:
    """The text from ``first`` to ``last`` on one line, ``…`` in the slot's place (``count`` tokens in all).

    >>> _context("عن \\ue008 عنصر", Slot("pua", 3, 4, "\\ue008", 1, ("\\ue008",), "#", True), 0, 9, 3)
    'عن … عنصر'
    """
    left = " ".join(text[first:slot.start].split()) if slot.index else ""
    right = " ".join(text[slot.end:last].split()) if slot.index + 1 < count else ""
    return f"{left} … {right}".strip()


def _edit(slot: Slot, written: str, confidence: float, evidence: str) -> Edit:
    """The edit that writes a figure into its slot (single spaces around an empty one).

    >>> _edit(Slot("empty", 4, 6, "  ", 1, (), "", True), "48", 0.9, "").after
    ' 48 '
    """
    after = f" {written} " if slot.kind == "empty" else written
    return Edit(slot.start, slot.end, after, kind="figure", confidence=confidence, evidence=evidence)


def _document_style(text: str) -> str:
    """The document's digit style, not counting the digits inside ``(cid:NN)``.

    >>> _document_style("(cid:12)(cid:13) في عام ٢٠١٦")
    'arabic-indic'
    """
    return digit_style(_CID_ANYWHERE.sub("", text) if "(cid:" in text else text)


# --- the step ---------------------------------------------------------------------

def resolve_figures(text: str, ctx):
    """Return (edits, figures, glyph_table) for ``text``.

    ``edits`` write every confirmed or inferred figure; ``figures`` report
    every slot (an empty slot only when a sibling reads it or its context is
    strongly numeral); ``glyph_table`` maps each code to its digit as learned
    for this document (anchors, stored anchors and the prior).

    >>> from types import SimpleNamespace
    >>> ctx = SimpleNamespace(siblings=["وسينفذ الاتفاق خلال 48 ساعة من الآن"])
    >>> edits, figures, table = resolve_figures("وسينفذ الاتفاق خلال  ساعة من الآن", ctx)
    >>> edits[0].after, figures[0].status, figures[0].kind
    (' 48 ', 'confirmed', 'empty')
    """
    if not screen.has_sign(text, "figures", ctx):
        return [], [], {}
    siblings = getattr(ctx, "siblings", ()) or ()
    if siblings:
        tokens, slots = find_slots(text, tokenize(text))
        if not slots:
            return [], [], {}
        contexts = [slot_context(text, tokens, slot) for slot in slots]
        verdicts, notes = sibling_verdicts(text, tokens, slots, siblings)
    else:
        found = slots_with_context(text)
        if not found:
            return [], [], {}
        slots, contexts = [slot for slot, _ in found], [context for _, context in found]
        verdicts, notes = dict.fromkeys(range(len(slots)), NO_VERDICT), []
    anchors, verdicts = checked_anchors(slots, verdicts)
    table, anchor_note = glyph_table_for(slots, verdicts, anchors, ctx)
    style = _document_style(text)
    edits, figures = [], []
    for n, slot in enumerate(slots):
        figure = _figure(slot, contexts[n], verdicts[n], table, style, anchor_note, notes)
        if figure is not None:
            figures.append(figure)
            if figure.value is not None:
                edits.append(_edit(slot, figure.value, figure.confidence, figure.evidence))
    return edits, figures, table.as_report()


def sibling_verdicts(text: str, tokens: list[Token], slots: list[Slot], siblings) -> tuple[dict, list[str]]:
    """What the same-story siblings say about each slot, and notes on the siblings left out.

    >>> text = "قتل ما لا يقل عن \ue008\ue005 عنصر من قوات النظام في مدينة تدمر"
    >>> toks, slots = find_slots(text, tokenize(text))
    >>> verdicts, notes = sibling_verdicts(text, toks, slots, [text.replace("\ue008\ue005", "عشرة")])
    >>> verdicts[0].value, notes
    (Decimal('10'), [])
    """
    siblings = load_siblings(siblings)
    if not siblings:
        return dict.fromkeys(range(len(slots)), NO_VERDICT), []
    doc = prepare(text, tokens, lines_are_paragraphs=False)
    kept, notes = relevant_siblings(doc, siblings)
    readings = sibling_readings(doc, slots, kept)
    verdicts = {n: decide(slot, readings[n]) if readings[n] else NO_VERDICT
                for n, slot in enumerate(slots)}
    return verdicts, notes


def checked_anchors(slots: list[Slot], verdicts: dict) -> tuple[dict, dict]:
    """Anchors from the confirmed glyph slots, and the verdicts with contradicting slots demoted.

    >>> slots = [Slot("pua", 0, 1, "a", 0, ("\\ue001",), "#", True), Slot("pua", 2, 3, "b", 2, ("\\ue001",), "#", True)]
    >>> anchors, verdicts = checked_anchors(slots, {0: Verdict(Decimal(1), "x", 0.9, ""), 1: Verdict(Decimal(7), "y", 0.9, "")})
    >>> anchors, [v.value for v in verdicts.values()]
    ({}, [None, None])
    """
    anchors, outvoted = glyph_anchors(slots, verdicts)
    demoted = {n: Verdict(None, None, 0.0, f"{verdicts[n].evidence}; contradicts the glyphs of the other confirmed figures",
                          verdicts[n].readings) for n in outvoted}
    return anchors, {**verdicts, **demoted}


def glyph_table_for(slots: list[Slot], verdicts: dict, anchors: dict, ctx):
    """The glyph table from the anchors and the store, and a note on where its anchors came from.

    >>> from types import SimpleNamespace
    >>> slot = Slot("pua", 0, 2, "\ue008\ue009", 0, ("\ue008", "\ue009"), "##", True)
    >>> verdicts = {0: Verdict(Decimal(12), "001", 0.95, "")}
    >>> table, note = glyph_table_for([slot], verdicts, {"\ue008": "1", "\ue009": "2"}, SimpleNamespace())
    >>> table.decode(["\ue00b"]).digits, note
    ('4', 'anchors from figures confirmed by 001')
    """
    sources = _anchor_sources(slots, verdicts, anchors)
    stored, store_note = exchange_with_store(ctx, [c for slot in slots for c in slot.codes], anchors, sources)
    note = "; ".join(([f"anchors from figures confirmed by {', '.join(sources)}"] if sources else [])
                     + ([store_note] if store_note else []))
    return learn_table(anchors, stored), note


def exchange_with_store(ctx, codes: list[str], anchors: dict, sources: list[str]) -> tuple[dict, str]:
    """Stored anchors that fit this document (and a note); this document's anchors are saved.

    Nothing happens without ``ctx.glyph_store`` or ``ctx.config.glyph_db``.

    >>> from types import SimpleNamespace
    >>> exchange_with_store(SimpleNamespace(), ["\\ue008"], {}, [])
    ({}, '')
    """
    store, font = _open_store(ctx), _font_name(ctx)
    if store is None:
        return {}, ""
    try:
        keys = store_keys(codes, font)
        stored, note = stored_anchors(store, keys, anchors, codes, font)
        if "contradicts" not in note:
            save_anchors(store, keys, anchors, ", ".join(sources), font)
        return stored, note
    finally:
        if store is not getattr(ctx, "glyph_store", None):
            store.close()


def _anchor_sources(slots: list[Slot], verdicts: dict, anchors: dict) -> list[str]:
    """The siblings whose confirmed figures gave the anchors.

    >>> _anchor_sources([], {}, {})
    []
    """
    return sorted({verdicts[n].source for n, s in enumerate(slots)
                   if s.codes and verdicts[n].value is not None and all(c in anchors for c in s.codes)})


def figure_for(text, tokens, slot: Slot, verdict: Verdict, table, style: str, anchor_note: str, notes: list):
    """The Figure for one slot: confirmed, inferred or unknown (None for a weak empty slot nobody reads).

    >>> from repair.glyphs import learn_table
    >>> text = "خلال \ue00b\ue00f ساعة"
    >>> toks, slots = find_slots(text, tokenize(text))
    >>> table = learn_table({"\ue00b": "4", "\ue00f": "8"})
    >>> figure_for(text, toks, slots[0], Verdict(None, None, 0.0, ""), table, "western", "", []).value
    '48'
    """
    return _figure(slot, slot_context(text, tokens, slot), verdict, table, style, anchor_note, notes)


def _figure(slot: Slot, context: str, verdict: Verdict, table, style: str, anchor_note: str, notes: list):
    """:func:`figure_for` with the slot's context already worked out.

    >>> _figure(Slot("empty", 0, 2, "  ", 0, (), "", False), "", NO_VERDICT, None, "western", "", []) is None
    True
    """
    if verdict.value is not None:
        written = write_value(verdict.value, slot, style, verdict.written)
        return Figure(slot.kind, slot.start, slot.end, slot.text, written, "confirmed", verdict.source, context,
                      verdict.confidence, verdict.evidence)
    inferred = _inferred(slot, verdict, table, anchor_note)
    if inferred is not None:
        digits, confidence, evidence = inferred
        return Figure(slot.kind, slot.start, slot.end, slot.text, format_digits(digits, style), "inferred", None,
                      context, confidence, evidence)
    if not slot.strong and not verdict.readings:
        return None
    evidence = verdict.evidence or _unknown_reason(slot, table, notes)
    return Figure(slot.kind, slot.start, slot.end, slot.text, None, "unknown", None, context, 0.0, evidence)


def _inferred(slot: Slot, verdict: Verdict, table, anchor_note: str):
    """(digits, confidence, evidence) decoded with the glyph table, or None.

    None when a code is missing, or when siblings read this slot and the
    decoded figure is none of their readings.

    >>> from repair.glyphs import learn_table
    >>> slot = Slot("pua", 0, 1, "\ue00b", 0, ("\ue00b",), "#", True)
    >>> _inferred(slot, Verdict(None, None, 0.0, ""), learn_table({"\ue00b": "4"}), "")
    ('4', 0.97, 'glyph table: U+E00B=4 (anchor)')
    """
    decoded = table.decode(slot.codes) if slot.codes else None
    if decoded is None:
        return None
    laid = fill_layout_digits(decoded.digits, slot.layout)
    heard = {fill_layout(r.value, slot.layout, r.written) for r in verdict.readings}
    if heard and laid not in heard:
        return None
    prior_used = any(table.entries[c].how == "prior" for c in slot.codes)
    parts = [f"glyph table: {table.describe(slot.codes)}", anchor_note, table.note if prior_used else ""]
    if verdict.evidence:
        parts.append(f"siblings: {verdict.evidence}")
    return laid, round(min(decoded.confidence, 0.99), 3), "; ".join(p for p in parts if p)


def fill_layout_digits(digits: str, layout: str) -> str:
    """Digits laid into a slot layout as they are (no value check).

    >>> fill_layout_digits("13346", "##,###")
    '13,346'
    """
    it = iter(digits)
    return "".join(next(it) if ch == "#" else ch for ch in layout)


def _unknown_reason(slot: Slot, table, notes: list) -> str:
    """Why a slot stays unknown, for the report.

    >>> _unknown_reason(Slot("empty", 0, 2, "  ", 0, (), "", True), None, [])
    'no sibling reads a figure here'
    """
    reason = "no sibling reads a figure here"
    if slot.codes:
        missing = [code_label(c) for c in slot.codes if c not in table.entries]
        reason += f"; glyph table lacks {', '.join(dict.fromkeys(missing))}" if missing else ""
    if notes:
        reason += "; " + "; ".join(notes)
    return reason
