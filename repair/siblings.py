"""Sibling articles: clean reports of the same story, and reading figures from them.

A sibling is prepared once per call (:func:`prepare`): its tokens get
alignment keys (folded, light-stemmed words; ``#`` for any figure), its
figures (digits, number words, ``120 ألف``) become candidate readings, and
its word trigrams measure whether it tells the same story
(:func:`story_similarity`).  :func:`read_figure` aligns the words around a
slot of the broken document with the words around each candidate figure of
the sibling (token LCS with rapidfuzz) and returns the figure that sits at
the aligned place.

>>> doc = prepare("قتل ما لا يقل عن \\ue008\\ue005\\ue005 عنصر من قوات النظام في مدينة تدمر")
>>> sib = prepare("وأسفر الهجوم عن مقتل ما لا يقل عن مئة عنصر من قوات النظام في مدينة تدمر")
>>> read_figure(doc, 5, sib, "001").value
Decimal('100')
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from rapidfuzz.distance import LCSseq

from .arabic import fold
from .numbers import DIGIT_STRING, NUMBER_WORDS, SCALE_WORDS, SEPARATORS, SMALL_WORDS, is_number_word, is_scale_word, parse_number


@dataclass(frozen=True)
class Sibling:
    """A clean sibling article and where it came from.

    >>> Sibling("نص", "000.txt").source
    '000.txt'
    """

    text: str
    source: str


def load_siblings(items) -> list[Sibling]:
    """Siblings from paths (``pathlib.Path`` or ``os.PathLike``), strings of text, or Sibling objects.

    A plain ``str`` is taken as the sibling's text (source ``sibling[i]``);
    pass ``Path`` objects for files.

    >>> load_siblings(["نص"])[0].source
    'sibling[0]'
    """
    out = []
    for i, item in enumerate(items or ()):
        if isinstance(item, Sibling):
            out.append(item)
        elif isinstance(item, (os.PathLike,)):
            path = Path(item)
            out.append(Sibling(path.read_text(encoding="utf-8"), str(path)))
        elif isinstance(item, str):
            out.append(Sibling(item, f"sibling[{i}]"))
        else:
            raise TypeError(f"a sibling is a Path, a str of text or a Sibling, not {type(item).__name__}")
    return out


# --- tokens -------------------------------------------------------------------

_ARABIC_WORD_CHARS = ("\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d5\u06e5\u06e6\u06ee\u06ef\u06fa-\u06fc"
                      "\ufb50-\ufdff\ufe70-\ufefc")
_PUA = "[\ue000-\uf8ff]"
_CID = r"\(cid:\d+\)"
_PUA_RUN = f"{_PUA}+(?:[{SEPARATORS}]{_PUA}+)*"
_CID_RUN = f"(?:{_CID})+(?:[{SEPARATORS}](?:{_CID})+)*"
TOKEN = re.compile(
    f"(?P<pua>{_PUA_RUN})"
    f"|(?P<cid>{_CID_RUN})"
    f"|(?P<number>{DIGIT_STRING.pattern})"
    f"|(?P<word>[{_ARABIC_WORD_CHARS}A-Za-z]+)"
    "|(?P<percent>[%\u066a])"
)
# The same tokens as TOKEN, found faster for their offsets alone: words first (most
# tokens are words).  No two kinds start with the same character, so order changes nothing.
TOKEN_SPAN = re.compile(f"[{_ARABIC_WORD_CHARS}A-Za-z]+|{DIGIT_STRING.pattern}|{_PUA_RUN}|{_CID_RUN}|[%\u066a]")
# ``cid`` tokens alone: no other token holds a ``(``, so a search finds exactly them.
CID_RUN = re.compile(_CID_RUN)
FIGURE_KEY = "#"
# Article prefixes stripped for the alignment key (longest first).
_ARTICLES = ("وال", "بال", "فال", "كال", "ولل", "لل", "ال")


class Token(NamedTuple):
    """A word, figure, percent sign or glyph slot, with its alignment key.

    ``kind`` is ``word``, ``number``, ``percent``, ``pua``, ``cid`` (the two
    slot kinds) or ``empty`` (an empty slot put in by the figure finder).
    An immutable named tuple: a document has one per word, made fast.

    >>> tokenize("عن 100 عنصر")[1]
    Token(kind='number', start=3, end=6, text='100', key='#')
    """

    kind: str
    start: int
    end: int
    text: str
    key: str


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text``; punctuation and spaces are left out.

    >>> [t.key for t in tokenize("وقتلوا نحو \\ue008\\ue009 من القوات، بـ4.1%")]
    ['قتلو', 'نحو', '#', 'من', 'قوات', 'ب', '#', '%']
    """
    return [_token(m) for m in TOKEN.finditer(text)]


def token_spans(text: str, start: int = 0, end: int | None = None) -> tuple[list[int], list[int]]:
    """Where the tokens of ``text[start:end]`` start and end, without making Token objects.

    ``start`` and ``end`` must not cut a token: a whitespace character (or the
    text's edge) on the outer side of each, as no token holds whitespace.

    >>> token_spans("عن 100 عنصر")
    ([0, 3, 7], [2, 6, 11])
    """
    spans = [m.span() for m in TOKEN_SPAN.finditer(text, start, len(text) if end is None else end)]
    return [s for s, _ in spans], [e for _, e in spans]


def token_at(text: str, start: int) -> Token:
    """The token of ``text`` that starts at ``start`` (an offset :func:`token_spans` gave).

    >>> token_at("عن 100 عنصر", 3)
    Token(kind='number', start=3, end=6, text='100', key='#')
    """
    return _token(TOKEN.match(text, start))


def _token(m: re.Match) -> Token:
    """The token of one :data:`TOKEN` match."""
    kind, word = m.lastgroup, m.group()
    key = word_key(word) if kind == "word" else "%" if kind == "percent" else FIGURE_KEY
    return Token(kind, m.start(), m.end(), word, key)


@lru_cache(maxsize=50_000)
def word_key(word: str) -> str:
    """The alignment key of a word: folded, article and و stripped, tanwin alef dropped.

    Small number words key as ``#`` so that ``ثلاثة`` matches ``3``.

    >>> [word_key(w) for w in ["والقوات", "قوات", "شخصًــا", "ثلاثين", "حوالى", "آلاف"]]
    ['قوات', 'قوات', 'شخص', '#', 'حوالي', 'الاف']
    """
    if any("\ufb50" <= ch <= "\ufeff" for ch in word):
        word = unicodedata.normalize("NFKC", word)
    w = fold(word)
    if w in SMALL_WORDS or (w.startswith("و") and w[1:] in SMALL_WORDS):
        return FIGURE_KEY
    if w in SCALE_WORDS:
        return w
    for article in _ARTICLES:
        if w.startswith(article) and len(w) - len(article) >= 2:
            w = w[len(article):]
            break
    else:
        if w.startswith("و") and len(w) > 3:
            w = w[1:]
    if len(w) >= 4 and w.endswith("ا"):
        w = w[:-1]
    return w


# --- prepared texts ---------------------------------------------------------------

@dataclass(frozen=True)
class Candidate:
    """A figure in a sibling: tokens ``[start, end)`` and the value they read.

    >>> Candidate(3, 4, Decimal(100)).value
    Decimal('100')
    """

    start: int
    end: int
    value: Decimal
    written: str | None = None


@dataclass
class PreparedText:
    """A text tokenised once: keys, word trigrams, candidate figures and their indexes.

    ``by_left``/``by_right`` map the key just before/after a candidate to the
    candidates, so a slot is only compared with figures that share a
    neighbouring word.  ``first[i]``/``after[i]`` bound token ``i``'s
    sentence (contexts never cross it).

    >>> p = prepare("قال إن 5 أشخاص قتلوا. وفر آخرون")
    >>> p.keys, p.first, p.after
    (['قال', 'ان', '#', 'اشخاص', 'قتلو', 'وفر', 'اخرون'], [0, 0, 0, 0, 0, 5, 5], [5, 5, 5, 5, 5, 7, 7])
    """

    text: str
    tokens: list
    keys: list
    content: list = field(default_factory=list)
    trigrams: frozenset = frozenset()
    candidates: list = field(default_factory=list)
    by_left: dict = field(default_factory=dict)
    by_right: dict = field(default_factory=dict)
    first: list = field(default_factory=list)
    after: list = field(default_factory=list)


def prepare(text: str, tokens: list | None = None, lines_are_paragraphs: bool = True) -> PreparedText:
    """Tokenise ``text`` (or take ``tokens``) and index it for alignment.

    Contexts stop at sentence ends, and, when ``lines_are_paragraphs`` (a
    clean sibling), at line breaks; a broken document's lines may be wrapped
    mid-sentence, so it is prepared with ``lines_are_paragraphs=False``.

    >>> p = prepare("منذ حوالي شهر 120 ألف شخص")
    >>> [(c.start, c.end, c.value) for c in p.candidates]
    [(3, 4, Decimal('120')), (3, 5, Decimal('120000'))]
    """
    tokens = tokenize(text) if tokens is None else tokens
    keys = [t.key for t in tokens]
    content = [k for k in keys if k != FIGURE_KEY]
    trigrams = frozenset(zip(content, content[1:], content[2:]))
    first, after = _segments(text, tokens, lines_are_paragraphs)
    candidates = figure_candidates(text, tokens)
    by_left: dict = {}
    by_right: dict = {}
    for n, c in enumerate(candidates):
        if c.start > first[c.start]:
            by_left.setdefault(keys[c.start - 1], []).append(n)
        if c.end < after[c.end - 1]:
            by_right.setdefault(keys[c.end], []).append(n)
    return PreparedText(text, tokens, keys, content, trigrams, candidates, by_left, by_right, first, after)


_SENTENCE_END = re.compile(r"[.!?؟…]")


def _segments(text: str, tokens: list, lines_are_paragraphs: bool) -> tuple[list, list]:
    """For each token, the index of the first token of its sentence and one past its last.

    >>> _segments("أ ب. ج د", tokenize("أ ب. ج د"), True)
    ([0, 0, 2, 2], [2, 2, 4, 4])
    """
    first, start = [], 0
    for i, token in enumerate(tokens):
        if i:
            gap_start = tokens[i - 1].end
            if (token.start - gap_start != 1 or text[gap_start] != " ") and \
                    _breaks(text[gap_start:token.start], lines_are_paragraphs):
                start = i
        first.append(start)
    after, end = [0] * len(tokens), len(tokens)
    for i in range(len(tokens) - 1, -1, -1):
        after[i] = end
        if first[i] == i:
            end = i
    return first, after


def _breaks(gap: str, lines_are_paragraphs: bool) -> bool:
    """Whether the text between two tokens ends a sentence (or a paragraph line).

    >>> _breaks("، ", True), _breaks(". ", False), _breaks("\\n", True), _breaks("\\n", False)
    (False, True, True, False)
    """
    return bool(_SENTENCE_END.search(gap)) or (lines_are_paragraphs and "\n" in gap)


def figure_candidates(text: str, tokens: list) -> list[Candidate]:
    """Every run of figure tokens, and each of its prefixes that reads as a number.

    ``120 ألف`` gives 120 and 120000: which one a slot takes depends on
    whether the broken text kept ``ألف`` after the slot.

    >>> [c.value for c in figure_candidates("أربعة آلاف مدني", tokenize("أربعة آلاف مدني"))]
    [Decimal('4'), Decimal('4000')]
    >>> figure_candidates("آلاف المدنيين", tokenize("آلاف المدنيين"))
    []
    >>> [c.value for c in figure_candidates("ثلاثمئة وثمانية وأربعين", tokenize("ثلاثمئة وثمانية وأربعين"))]
    [Decimal('348')]
    """
    out = []
    i = 0
    while i < len(tokens):
        if not _starts_figure(tokens[i]):
            i += 1
            continue
        end = i + 1
        while end < len(tokens) and _continues_figure(text, tokens[end - 1], tokens[end]):
            end += 1
        for stop in range(i + 1, end + 1):
            if stop < end and not is_scale_word(tokens[stop].text):
                continue  # a figure is cut only before its scale word: 120 | ألف
            value = parse_number([t.text for t in tokens[i:stop]])
            if value is not None:
                written = tokens[i].text if stop == i + 1 and tokens[i].kind == "number" else None
                out.append(Candidate(i, stop, value, written))
        i = end
    return out


def _starts_figure(token: Token) -> bool:
    """A digit string or a number word (not a و-joined one) can start a figure.

    >>> _starts_figure(tokenize("ثلاثة")[0]), _starts_figure(tokenize("وثلاثة")[0]), _starts_figure(tokenize("واحد")[0])
    (True, False, True)
    """
    return token.kind == "number" or (token.kind == "word" and _folded(token.text) in NUMBER_WORDS)


@lru_cache(maxsize=50_000)
def _folded(word: str) -> str:
    """:func:`repair.arabic.fold`, cached per word.

    >>> _folded("مئة") == fold("مئة")
    True
    """
    return fold(word)


def _continues_figure(text: str, previous: Token, token: Token) -> bool:
    """A number word right after the previous token, with only spaces between.

    >>> toks = tokenize("120 ألف، شخص")
    >>> _continues_figure("120 ألف، شخص", toks[0], toks[1]), _continues_figure("120 ألف، شخص", toks[1], toks[2])
    (True, False)
    """
    gap = text[previous.end:token.start]
    return token.kind == "word" and is_number_word(token.text) and (gap == "" or gap.isspace()) and "\n" not in gap


# --- same story? ----------------------------------------------------------------

# Share of words in shared word trigrams from which two texts tell one story.
# Measured on the seeds: same event 0.12–0.57, same city other event 0.04–0.06,
# unrelated news 0.00–0.03.
SAME_STORY = 0.09


def story_similarity(a: PreparedText, b: PreparedText) -> float:
    """Share of the words of either text that sit in word trigrams both texts have (the larger share).

    >>> a = prepare("سيطر التنظيم على مدينة تدمر الأثرية بعد ساعات")
    >>> story_similarity(a, prepare("وسيطر التنظيم على مدينة تدمر")) > 0.5
    True
    """
    return max(_coverage(a.content, b.trigrams), _coverage(b.content, a.trigrams))


def _coverage(keys: list, trigrams: frozenset) -> float:
    """Share of ``keys`` covered by a trigram found in ``trigrams``.

    >>> _coverage(["a", "b", "c", "d"], frozenset({("b", "c", "d")}))
    0.75
    """
    if len(keys) < 3:
        return 0.0
    covered = bytearray(len(keys))
    for i in range(len(keys) - 2):
        if (keys[i], keys[i + 1], keys[i + 2]) in trigrams:
            covered[i] = covered[i + 1] = covered[i + 2] = 1
    return sum(covered) / len(keys)


# --- reading a figure ------------------------------------------------------------

# Words compared on each side of a slot.
WINDOW = 5
# A reading needs this share of the window's words in order (token LCS) …
MIN_CONTEXT = 0.5
# … at least this many of them, with one on each side, and a neighbour of
# the slot matching the sibling figure's neighbour.
MIN_MATCHES = 3
# Two candidates with different values this close in score: no reading.
AMBIGUITY_MARGIN = 0.15


@dataclass(frozen=True)
class Reading:
    """A sibling figure aligned with a slot: value, where, and how well the contexts agree.

    >>> Reading(Decimal(100), "001", 0.9, 9, 2, "عن مئة عنصر").value
    Decimal('100')
    """

    value: Decimal
    source: str
    score: float
    matches: int
    candidate: int
    snippet: str
    written: str | None = None


def read_figure(doc: PreparedText, index: int, sib: PreparedText, source: str) -> Reading | None:
    """The sibling figure at the place aligned with slot token ``index`` of ``doc``.

    None when no candidate's context agrees well enough, or when two
    candidates with different values agree about as well.

    >>> doc = prepare("وقال إن \ue00b\ue00f شخصا قتلوا في القصف على المدينة", lines_are_paragraphs=False)
    >>> read_figure(doc, 2, prepare("وقال إن 48 شخصا قتلوا في القصف"), "s").value
    Decimal('48')
    >>> read_figure(doc, 2, prepare("وقال إن 48 شخصا قتلوا. وقال إن 50 شخصا قتلوا"), "s") is None
    True
    """
    scored = _best_per_figure(_score_candidates(doc, index, sib), sib)
    if not scored:
        return None
    score, _, matches, n = scored[0]
    value = sib.candidates[n].value
    if any(s >= score - AMBIGUITY_MARGIN and sib.candidates[m].value != value for s, _, _, m in scored[1:]):
        return None
    return Reading(value, source, round(score, 3), matches, n, _snippet(sib, sib.candidates[n]), sib.candidates[n].written)


def _best_per_figure(scored: list[tuple], sib: PreparedText) -> list[tuple]:
    """The best-scoring reading of each sibling figure (``120`` or ``120 ألف`` of one run), best first.

    Between readings of one run that score the same, the one whose
    neighbouring words match the slot's wins; if that ties too, the run is
    left out: the slot cannot tell how much of it is the figure.

    >>> sib = prepare("شهر 120 ألف شخص")
    >>> _best_per_figure([(1.0, 2, 5, 0), (0.9, 1, 4, 1)], sib), _best_per_figure([(0.8, 2, 7, 0), (0.8, 1, 7, 1)], sib)
    ([(1.0, 2, 5, 0)], [(0.8, 2, 7, 0)])
    """
    by_start: dict = {}
    for item in scored:
        by_start.setdefault(sib.candidates[item[3]].start, []).append(item)
    out = []
    for items in by_start.values():
        items.sort(reverse=True)
        if len(items) > 1 and items[0][:2] == items[1][:2]:
            continue
        out.append(items[0])
    return sorted(out, reverse=True)


def _score_candidates(doc: PreparedText, index: int, sib: PreparedText) -> list[tuple]:
    """(score, neighbours matched, matches, candidate) for each sibling figure whose context agrees enough.

    >>> doc = prepare("مقتل ما لا يقل عن \ue008 عنصر من قوات النظام", lines_are_paragraphs=False)
    >>> _score_candidates(doc, 5, prepare("مقتل ما لا يقل عن مئة عنصر من قوات النظام"))
    [(1.0, 2, 9, 0)]
    """
    left = _own_figures(doc.keys, max(doc.first[index], index - WINDOW), index)
    right = _own_figures(doc.keys, index + 1, min(doc.after[index], index + 1 + WINDOW))
    if not left and not right:
        return []
    near = set(sib.by_left.get(left[-1], ())) if left else set()
    near |= set(sib.by_right.get(right[0], ())) if right else set()
    out = []
    for n in near:
        c = sib.candidates[n]
        sib_left = sib.keys[max(sib.first[c.start], c.start - WINDOW):c.start]
        sib_right = sib.keys[c.end:min(sib.after[c.end - 1], c.end + WINDOW)]
        # A side where the sibling's sentence or line ends at its figure says nothing either way.
        doc_left = left if sib_left else []
        doc_right = right if sib_right else []
        if not doc_left and not doc_right:
            continue
        matched_left = LCSseq.similarity(doc_left, sib_left)
        matched_right = LCSseq.similarity(doc_right, sib_right)
        matches = matched_left + matched_right
        score = matches / (len(doc_left) + len(doc_right))
        one_each_side = (matched_left or not doc_left) and (matched_right or not doc_right)
        if score >= MIN_CONTEXT and matches >= MIN_MATCHES and one_each_side:
            adjacent = (bool(doc_left) and doc_left[-1] == sib_left[-1]) + (bool(doc_right) and doc_right[0] == sib_right[0])
            out.append((score, adjacent, matches, n))
    return out


def _own_figures(keys: list, start: int, end: int) -> list:
    """``keys[start:end]`` with each figure key made unique, so figures never count as agreeing context.

    Figures are what differ between reports (and a table row is all
    figures); only words anchor a reading.

    >>> _own_figures(["عن", "#", "عنصر"], 0, 3)
    ['عن', '#1', 'عنصر']
    """
    return [f"#{i}" if keys[i] == FIGURE_KEY else keys[i] for i in range(start, min(end, len(keys)))]


def _snippet(sib: PreparedText, c: Candidate, words: int = 3) -> str:
    """The sibling's words around a figure, on one line.

    >>> p = prepare("قتل ما لا يقل عن مئة عنصر من قوات")
    >>> _snippet(p, p.candidates[0])
    'لا يقل عن مئة عنصر من قوات'
    """
    first = sib.tokens[max(0, c.start - words)]
    last = sib.tokens[min(len(sib.tokens), c.end + words) - 1]
    return " ".join(sib.text[first.start:last.end].split())
