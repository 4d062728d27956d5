"""Chunk-reversed lines put back in logical order, split words joined at the seams.

A producer broke a line's glyph run inside words (after a letter that does
not join to the left, as ``الأثر|ية``); the extractor reversed each run on its
own and joined the runs in visual order with a space, so logical chunks
``A B C`` come out ``C B A``.  Every way of cutting the line at spaces into
2–4 chunks is a hypothesis: the chunks are put back in reverse order and
each seam joins two fragments into one word.  A hypothesis is scored with
the lexicon (each seam must make a word far likelier than its two halves)
and with the word-class bigram model across the neighbouring lines (where
the line starts and ends); the best one is kept only when it clearly beats
leaving the line alone.

>>> line = "يتا ياض حجاب، ورئيس المجلس المحلي لمدينة حلب بر ية ر للمفاوضات التابعة للمعارضة السور"
>>> best_reading(line.split(), "العليا", "حاجي").text
'للمفاوضات التابعة للمعارضة السورية رياض حجاب، ورئيس المجلس المحلي لمدينة حلب بريتا'
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from . import adjacency, bigram, lexicon, line_context, ngram, screen
from .arabic import NON_JOINING_LEFT, is_arabic_letter, letters_only, strip_diacritics
from .model import Edit
from .paragraphs import wrap_width

MAX_LINE_CHARS = 400          # PDF lines are short; paragraph-long lines are never chunk-reversed
MAX_CUTS = 3                  # up to four chunks
MIN_SEAM_GAIN = 3.0           # log10: the joined word against its two halves read as words
MIN_JOINED_ZIPF = 1.5
PROCLITICS = "وفبك"            # one-letter proclitics before the article a rare joined word may be read through
MIN_STEM_ZIPF = 2.5           # the stem (article and noun) must be this common
CLITIC_PENALTY = 1.0          # log10: the proclitic's cost
LONE_LETTER_LOG_PROB = -6.0     # a lone letter as a seam's left half (و, أ): as rare as a Zipf-3 word
ADJACENCY_WEIGHT = 1.0
LOCAL_WEIGHT = 1.0            # word pairs of the document itself and its siblings
LOCAL_PHRASE_WEIGHT = 2.0     # word triples of the same: a phrase the story repeats (eval_chunks --siblings)
NGRAM_WEIGHT = 0.75           # fluency of the whole reading (repair.ngram), chosen on held-out corpus files
BIGRAM_WEIGHT = 1.0           # real-prose word pairs (repair.bigram) in the word term; flat from 0.75 to 2 on held-out lines
CUT_PENALTY = 1.0             # per cut, so that one strong seam is not padded with weak ones
CALIBRATION = (0.89, 1.39)    # confidence = logistic(-0.89 + 1.39 * margin over the runner-up)
MIN_MARGIN = 2.0              # best reading against the line as it stands
HEAD = max(ngram.WORD_ORDER, 3)  # the words all terms but the class n-gram's see (local phrases are triples)


@dataclass(frozen=True)
class Reading:
    """One hypothesis for a line: where it was cut, the text it gives, and its score."""

    cuts: tuple
    tokens: tuple
    score: float
    seams: tuple

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def repair_chunk_reversal(text: str, ctx) -> list[Edit]:
    """One edit per chunk-reversed line: the line's words in logical order.

    Only worth a look in extraction output (see ``Context.worth_a_full_scan``) or where the
    screen sees a line that opens and closes like the halves of a split word.

    >>> class Ctx: siblings = []
    >>> repair_chunk_reversal("نص سليم لا يتغير", Ctx())
    []
    """
    worth = getattr(ctx, "worth_a_full_scan", None)
    if worth is not None and not worth(text) and not screen.has(text, "chunk_reversal"):
        return []
    lines = text.split("\n")
    candidates = {i for i, line in enumerate(lines)
                  if could_be_chunk_reversed(line) and has_seams(line.split()) and line_context.mostly_arabic(line)}
    if not candidates:
        return []
    clean_lines = [line for i, line in enumerate(lines) if i not in candidates]
    sibling_texts = [s.text for s in getattr(ctx, "siblings", ())]
    openings = line_context.paragraph_openings(lines, candidates, sibling_texts)
    local = adjacency.LocalPairs(clean_lines + sibling_texts, starts=openings)
    width = wrap_width(lines)
    verse = line_context.is_verse(lines, candidates)
    edits = []
    offset = 0
    for i, line in enumerate(lines):
        if i in candidates:
            before, after = line_context.previous_token(lines, i, width), line_context.next_token(lines, i)
            edit = _repair_line(line, offset, before, after, local, line_context.template_start(lines, i), verse)
            if edit:
                edits.append(edit)
        offset += len(line) + 1
    return edits


def has_seams(tokens: list[str]) -> bool:
    """True when the last word can open a seam and the first can close one.

    >>> has_seams("ية، بالرغم من القصف الأثر".split()), has_seams("قال إن الجيش تقدم".split())
    (True, False)
    """
    last, first = [tokens[-1]], [tokens[0]]
    if not can_open_seam(last[0]):  # every seam_gain(tokens[-1], ...) would be None
        return False
    if _any_joins(last, first):
        return True
    inner = tokens[1:-1]
    return _any_joins(last, inner) and _any_joins(inner, first)


def _joins(left: str, right: str) -> bool:
    """True when ``left`` and ``right`` join into one word (:func:`seam_gain` is not None).

    >>> _joins("الأثر", "ية،"), _joins("الأثر", "بالرغم"), _joins("قال", "إن")
    (True, False, False)
    """
    return _any_joins([left], [right])


def _any_joins(lefts: list[str], rights: list[str]) -> bool:
    """True when a token of ``lefts`` joins a token of ``rights`` into one word: the test of
    :func:`_listed_seam_gain`, with each token's seam keys looked up once.

    >>> _any_joins(["قال", "الأثر"], ["بالرغم", "ية،"]), _any_joins(["الأثر"], ["بالرغم", "من"])
    (True, False)
    """
    keys = lexicon.listed_keys()
    rights = [(right, _seam_keys(right)[2]) for right in rights if can_close_seam(right)]
    for left in lefts:
        if not can_open_seam(left):
            continue
        left_key = _seam_keys(left)[0]
        for right, right_key in rights:
            if left_key is not None and right_key is not None and not _key_listed(left_key + right_key, keys):
                continue  # the joined word is not listed: seam_gain would be None
            if seam_gain(left, right) is not None:
                return True
    return False


@lru_cache(maxsize=50_000)
def can_close_seam(word: str) -> bool:
    """True when ``word`` can be the right half of a seam: it opens on an Arabic letter
    (before any slash: ``يل/نيسان``) and holds letters.

    >>> can_close_seam("ية،"), can_close_seam("«داعش»"), can_close_seam("/نيسان")
    (True, False, False)
    """
    word = word.split("/", 1)[0]
    return bool(word) and is_arabic_letter(word[0]) and bool(letters_only(word))


@lru_cache(maxsize=50_000)
def can_open_seam(word: str) -> bool:
    """True when ``word`` can be the left half of a seam (the test :func:`seam_gain` puts to it).

    Its :func:`_left_half` (after a slash, an opening quote, a hashtag or a glued
    figure) is letters only and ends on a letter that does not join left.

    >>> can_open_seam("«الأثر"), can_open_seam("الأثر."), can_open_seam("الجيش")
    (True, False, False)
    """
    word = _left_half(word)
    letters = letters_only(word)
    return bool(letters) and letters[-1] in NON_JOINING_LEFT and letters == strip_diacritics(word)


_OPENING = re.compile("^.*[/«“\"(#]")  # up to a slash, an opening quote or bracket, a hashtag
_GLUED_FIGURE = re.compile("^[0-9\u0660-\u0669\u06f0-\u06f9\ue000-\uf8ff][0-9\u0660-\u0669\u06f0-\u06f9\ue000-\uf8ff.,:\u066b\u066c]*")


def _left_half(word: str) -> str:
    """The part of a token that a seam continues: after a slash (``يوليو/تمو``), an
    opening quote or a hashtag (``لـ«الجز``, ``#الكو``), and after a figure glued to
    it (``20أ|لف``, as pdftotext glues digits to the next word).

    >>> _left_half("يوليو/تمو"), _left_half("لـ«الجز"), _left_half("#الكو"), _left_half("20أ")
    ('تمو', 'الجز', 'الكو', 'أ')
    """
    return _GLUED_FIGURE.sub("", _OPENING.sub("", word))


def could_be_chunk_reversed(line: str) -> bool:
    """Cheap test: short line from an Arabic word to a word ending in a letter that does not join left.

    >>> could_be_chunk_reversed("ية، بالرغم من القصف الجوي مجددًا الأحد من السيطرة على مدينة تدمر الأثر")
    True
    >>> could_be_chunk_reversed("نص سليم")
    False
    """
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_LINE_CHARS or " " not in stripped or not is_arabic_letter(stripped[0]):
        return False
    return letters_only(stripped.rsplit(None, 1)[-1])[-1:] in NON_JOINING_LEFT


def _repair_line(line: str, offset: int, before: str, after: str, local=None,
                 start_class: tuple | None = None, verse: bool = False) -> Edit | None:
    tokens = line.split()
    best = best_reading(tokens, before, after, local, start_class, verse)
    if best is None:
        return None
    start = offset + (len(line) - len(line.lstrip()))
    end = offset + len(line.rstrip())
    return Edit(start, end, best.text, kind="chunk_reversal", confidence=best.confidence,
                evidence=best.evidence)


@dataclass(frozen=True)
class Repair:
    """The reading chosen for a line, how sure, why, and its lead over the runner-up (log10)."""

    text: str
    confidence: float
    evidence: str
    margin: float = 0.0


def best_reading(tokens: list[str], before: str, after: str, local=None,
                 start_class: tuple | None = None, verse: bool = False) -> Repair | None:
    """The best chunk-reversal reading of a line, or None when the line should stay.

    ``before`` is the last word of the previous line, ``after`` the first of the
    next (or the paragraph markers of :mod:`repair.adjacency`); ``local`` holds
    word pairs from the document's clean lines and its siblings.
    ``start_class`` is how the lines around it open (:func:`line_context.template_start`):
    a row of a table or an item of a list opens the same way.  ``verse``: the
    document is verse, its lines two hemistichs either side of `` … ``.
    """
    if len(tokens) < 2:
        return None
    score = _LineScorer(before, after, _pair_scorer(local), local)
    if start_class is not None:
        score = line_context.StartBonus(score, start_class)
    if verse and tokens.count(line_context.HEMISTICH_BREAK) == 1:
        score = line_context.VerseBalance(score)
    return _best_reading(tokens, score)


def _best_reading(tokens: list[str], score) -> Repair | None:
    """:func:`best_reading` with the line's scorer (its context and memo)."""
    n = len(tokens)
    gains = _SeamGains(tokens)
    base = score(tokens)
    readings = []
    for cuts in _seam_consistent_cuts(n, gains):
        reading = _reading(tokens, cuts, gains, base, score)
        if reading is not None:
            readings.append(reading)
    if not readings:
        return None
    readings.sort(key=lambda r: r.score, reverse=True)
    best = readings[0]
    if best.score < MIN_MARGIN or _leaves_a_seam(best.tokens, score):
        return None
    runner_up = next((r for r in readings[1:] if r.tokens != best.tokens), None)
    margin = best.score - runner_up.score if runner_up else best.score
    confidence = confidence_of(margin)
    seams = ", ".join("|".join(parts) + "→" + "".join(parts) for parts in best.seams)
    evidence = (f"{len(best.cuts) + 1} chunks in reverse order; seams joined: {seams}; "
                f"score {best.score:.1f} over the line as it stands")
    if runner_up:
        evidence += f"; next best reading {margin:.1f} behind: {runner_up.text[:40]}…"
    return Repair(best.text, round(confidence, 3), evidence, round(margin, 3))


def _seam_consistent_cuts(n: int, gains) -> list[tuple]:
    """Cut positions (1..n-1, at most MAX_CUTS) whose every seam can join two halves.

    Chunks c1..ck+1 come out in reverse; the seam between c(j+1) and c(j)
    joins the last word of c(j+1) with the first word of c(j).  A middle chunk
    of one token is joined on both sides: the three pieces must make one word.
    Built chunk by chunk from the line's end, so impossible seams are pruned early.

    >>> tokens = "ية، بالرغم من القصف الأثر".split()
    >>> _seam_consistent_cuts(len(tokens), _SeamGains(tokens))
    [(1,), (2,), (3,), (4,)]
    """
    out = []

    def joins(left_index: int, right_index: int, open_left: int | None) -> bool:
        # open_left: the chunk ending at left_index is one token, joined to open_left on its left
        if open_left is None:
            return gains(left_index, right_index) is not None
        return gains(open_left, right_index, left_index) is not None

    def next_cuts(left_index: int, upper: int, open_left: int | None) -> list[int]:
        # where the chunk before tokens[upper:...] may start, ascending
        if open_left is not None:
            return gains.partners(open_left, left_index, stop=upper - 1)
        starts = [c for c in gains.partners(left_index) if c < upper - 1]
        if upper >= 2 and gains.opens[left_index] and gains.can_be_middle(upper - 1):
            starts.append(upper - 1)  # a chunk of one token, checked with the piece after it
        return starts

    def extend(cuts: tuple, open_left: int | None = None):
        # cuts so far, ascending; the next cut must lie before cuts[0]
        k = len(cuts)
        if not k:
            for c in range(1, n):
                extend((c,))
            return
        left_index = (cuts[1] if k > 1 else n) - 1   # last token of the chunk tokens[cuts[0]:...]
        if joins(left_index, 0, open_left):          # close here: c1 = tokens[0:cuts[0]]
            out.append(cuts)
        if k == MAX_CUTS:
            return
        for c in next_cuts(left_index, cuts[0], open_left):
            extend((c,) + cuts, left_index if c == cuts[0] - 1 else None)

    extend(())
    return out


def _leaves_a_seam(tokens, score) -> bool:
    """A reading that would itself read as chunk-reversed explains the line only in part
    (its chunks were not simply reversed); leave such a line alone, so fixing stays idempotent.
    ``score`` is the line's scorer: same context, so its memo serves."""
    line = " ".join(tokens)
    return (could_be_chunk_reversed(line) and has_seams(list(tokens))
            and _best_reading(list(tokens), score) is not None)


def confidence_of(margin: float) -> float:
    """How often a reading that wins by ``margin`` is right: a logistic fit on 773 rotated
    lines of held-out news (seeds 000, 001, 003 and fixtures/clean/news_*, damaged as
    scripts/eval_chunks.py does, three times over; 84% of them right overall;
    ``scripts/calibrate_chunks.py`` refits it).

    >>> confidence_of(0.0), confidence_of(2.0), confidence_of(4.0)
    (0.29, 0.87, 0.99)
    """
    return round(min(0.99, 1.0 / (1.0 + math.exp(CALIBRATION[0] - CALIBRATION[1] * margin))), 2)


class _SeamGains:
    """Memoised lexicon gain of joining token ``a`` (left half) and token ``b`` (right half).

    Most tokens can be neither half (:func:`can_open_seam`, :func:`can_close_seam`):
    their pairs are None without a lexicon look-up.  Most other joins make no
    word, which one look-up tells (:func:`_listed_seam_gain`).

    >>> gains = _SeamGains("ية، بالرغم من القصف الأثر".split())
    >>> round(gains(4, 0), 1), gains(4, 1), gains(0, 1)
    (6.3, None, None)
    """

    def __init__(self, tokens: list[str]):
        self.tokens = tokens
        self.opens = list(map(can_open_seam, tokens))
        self.closes = list(map(can_close_seam, tokens))
        self.memo: dict[tuple[int, int], float | None] = {}
        self.joined: dict[tuple, list[int]] = {}

    def __call__(self, a: int, b: int, middle: int | None = None) -> float | None:
        """Gain of joining tokens ``a`` and ``b`` (with token ``middle`` between them)."""
        if not (self.opens[a] and self.closes[b]):
            return None
        key = (a, b, middle)
        if key not in self.memo:
            t = self.tokens
            self.memo[key] = _listed_seam_gain(t[a], t[b], None if middle is None else t[middle])
        return self.memo[key]

    def can_be_middle(self, i: int) -> bool:
        """Token ``i`` can be the middle piece of a word cut twice."""
        return self.opens[i] and self.closes[i]

    def partners(self, a: int, middle: int | None = None, stop: int | None = None) -> list[int]:
        """The tokens 1..stop-1 (1..n-1 by default), ascending, that token ``a`` (then ``middle``)
        joins as a right half: their gains are not None.

        The joined word's spliced key rules out most of them at once, as in
        :func:`_listed_seam_gain`.

        >>> _SeamGains("ية، بالرغم من القصف الأثر".split()).partners(4)
        []
        >>> _SeamGains("الأثر بالرغم ية،".split()).partners(0)
        [2]
        """
        key = (a, middle, stop)
        found = self.joined.get(key)
        if found is None:
            rights = self._listed_right_halves(a, middle, len(self.tokens) if stop is None else stop)
            found = self.joined[key] = [b for b in rights if self(a, b, middle) is not None]
        return found

    def _listed_right_halves(self, a: int, middle: int | None, stop: int) -> list[int]:
        """The tokens 1..stop-1 that may close a seam after ``a`` (and ``middle``), less those
        whose joined key is spliced and not listed (:func:`_listed_seam_gain` gives them None)."""
        if not self.opens[a]:
            return []
        closes, tokens = self.closes, self.tokens
        rights = [b for b in range(1, stop) if closes[b]]
        prefix = _seam_keys(tokens[a])[0]
        if middle is not None:
            middle_key = _seam_keys(tokens[middle])[1]
            prefix = None if prefix is None or middle_key is None else prefix + middle_key
        if prefix is None:
            return rights
        keys = lexicon.listed_keys()
        right_keys = [_seam_keys(tokens[b])[2] for b in rights]
        return [b for b, key in zip(rights, right_keys) if key is None or _key_listed(prefix + key, keys)]


def _listed_seam_gain(left: str, right: str, middle: str | None = None) -> float | None:
    """:func:`seam_gain`, None at once when the joined word's lexicon key is not listed
    (its Zipf value is then 0.0, below MIN_JOINED_ZIPF): most joins make no word,
    and the key is spliced from the pieces' own keys (:func:`_seam_keys`).

    >>> round(_listed_seam_gain("الأثر", "ية،"), 1), _listed_seam_gain("الأثر", "بالرغم")
    (6.3, None)
    """
    parts = (_seam_keys(left)[0], _seam_keys(right)[2]) if middle is None else (
        _seam_keys(left)[0], _seam_keys(middle)[1], _seam_keys(right)[2])
    if None not in parts and not _key_listed("".join(parts), lexicon.listed_keys()):
        return None
    return seam_gain(left, right, middle)


def _key_listed(key: str, keys) -> bool:
    """True when ``key``, a joined word's lexicon key, is in ``keys`` (:func:`repair.lexicon.listed_keys`),
    or is the article and a listed word after a proclitic: else the joined word cannot pass
    :func:`_joined_log_prob`.

    >>> keys = lexicon.listed_keys()
    >>> _key_listed("الاثرية", keys), _key_listed("بالخوادم", keys), _key_listed("الاثرزز", keys)
    (True, True, False)
    """
    stem = _article_stem(key)
    return key in keys or (stem != "" and stem in keys)


@lru_cache(maxsize=50_000)
def _seam_keys(word: str) -> tuple:
    """The lexicon keys of ``word`` as a seam's left half, middle piece and right half:
    :func:`repair.lexicon.splice_key` of the part of it that goes into the joined
    word, None where it cannot be that piece or its key cannot be spliced.

    The keys of the pieces splice into the joined word's key: a left half is
    letters and marks only (:func:`can_open_seam`), a middle piece (no slash)
    and a right half open on a letter (:func:`can_close_seam`), and a middle
    piece ends with its left half.

    >>> _seam_keys("«الأثر"), _seam_keys("ية،"), _seam_keys("ستثنا")
    (('الأثر', None, None), (None, None, 'ية'), ('ستثنا', 'ستثنا', 'ستثنا'))
    """
    opens, closes = can_open_seam(word), can_close_seam(word)
    left = lexicon.splice_key(_left_half(word)) if opens else None
    middle = lexicon.splice_key(word) if opens and closes and "/" not in word else None
    right = lexicon.splice_key(word.split("/", 1)[0]) if closes else None
    return left, middle, right


@lru_cache(maxsize=50_000)
def seam_gain(left: str, right: str, middle: str | None = None) -> float | None:
    """log10 gain of reading ``left+right`` as one word; None when they cannot be one word.

    >>> round(seam_gain("الأثر", "ية،"), 1)
    6.3
    >>> seam_gain("قال", "إن") is None
    True

    Slash compounds join on their near side: ``أبر|يل/نيسان`` is ``أبريل``.

    >>> seam_gain("أبر", "يل/نيسان") is not None
    True

    A word cut twice comes back from three pieces, ``middle`` between the two
    (``با|ستثنا|ء``: a chunk of one fragment, joined on both sides).

    >>> seam_gain("با", "ء", middle="ستثنا") is not None
    True
    >>> seam_gain("فبر", "ط", middle="اير/شبا") is not None
    True
    """
    if middle is not None and "/" in middle:  # فبر|اير/شبا|ط: two words, a seam each
        gains = seam_gain(left, middle), seam_gain(middle, right)
        return None if None in gains else sum(gains)
    if not can_open_seam(left) or not can_close_seam(right):
        return None
    if middle is not None and not (can_close_seam(middle) and can_open_seam(middle)):
        return None
    left, right = _left_half(left), right.split("/", 1)[0]
    joined = _joined_log_prob(left + (middle or "") + right)
    if joined is None:
        return None
    parts = _fragment_log_prob(left) + _fragment_log_prob(right)
    if middle is not None:
        parts += lexicon.log_prob(middle)
    gain = joined - parts
    return gain if gain >= MIN_SEAM_GAIN else None


def _joined_log_prob(joined: str) -> float | None:
    """log10 probability of the word a seam makes; None when the lexicon does not know it.

    A word too rare in the list (``بالخوادم``) counts through its stem after a
    one-letter proclitic, when that stem is a common word with the article
    (``الخوادم``), less ``CLITIC_PENALTY``.

    >>> _joined_log_prob("بالخوادم") is not None, _joined_log_prob("بزززز"), _joined_log_prob("بكرانة")
    (True, None, None)
    """
    if lexicon.zipf(joined) >= MIN_JOINED_ZIPF:
        return lexicon.log_prob(joined)
    stem = _article_stem(joined)
    if len(letters_only(stem)) >= 5 and lexicon.zipf(stem) >= MIN_STEM_ZIPF:
        return lexicon.log_prob(stem) - CLITIC_PENALTY
    return None


def _article_stem(word: str) -> str:
    """The article and noun after a one-letter proclitic (``PROCLITICS``), or "".

    >>> _article_stem("بالخوادم"), _article_stem("بكرانة")
    ('الخوادم', '')
    """
    return word[1:] if word[:1] in PROCLITICS and word[1:3] == "ال" else ""


def _fragment_log_prob(half: str) -> float:
    """log10 probability of a seam's half read as a word of its own.

    A one-letter token is a fragment: the conjunction و is written joined to
    its word, and a lone أ or د is a list label or an abbreviation; the list's
    high counts for them come from loose typing, so they count as rare words.
    That holds for a right half too (``هيا|ل``, ``هيال``; punctuation after it aside).

    >>> _fragment_log_prob("و") == _fragment_log_prob("أ") == _fragment_log_prob("ل،") == LONE_LETTER_LOG_PROB
    True
    """
    return LONE_LETTER_LOG_PROB if len(letters_only(half)) == 1 else lexicon.log_prob(half)


def _reading(tokens, cuts, gains, base: float, score) -> Reading | None:
    """The reading of the line cut at ``cuts``: chunks in reverse order, seams joined.

    A chunk of one token between two others is joined on both sides (a word
    cut twice); every joined word must pass :func:`seam_gain`.
    """
    bounds = (0,) + cuts + (len(tokens),)
    logical: list[str] = []
    seams = []
    word: list[int] = []   # token indices of the word being joined across seams
    # Logical order is the chunks reversed; chunk j+1 ends where chunk j begins.
    for j in range(len(bounds) - 2, -1, -1):
        first, last = bounds[j], bounds[j + 1] - 1
        if not word:
            logical.extend(tokens[first:last + 1])
        else:
            word.append(first)
            logical[-1] += tokens[first]
            if first == last and j > 0 and len(word) == 2:
                continue  # one token, joined on both sides: the word goes on
            gain = gains(word[0], word[-1], word[1] if len(word) == 3 else None)
            if gain is None:
                return None
            seams.append(tuple(tokens[i] for i in word))
            logical.extend(tokens[first + 1:last + 1])
        word = [last] if j > 0 else []
    gain = score(logical) - base - CUT_PENALTY * len(cuts)
    return Reading(cuts, tuple(logical), gain, tuple(seams))


def _pair_scorer(local):
    """Score of a word pair: the trained model plus the document's own pairs, memoised per line."""
    memo: dict = {}

    def score(a: str, b: str) -> float:
        key = (a, b)
        value = memo.get(key)
        if value is None:
            value = adjacency.pmi(a, b) + (LOCAL_WEIGHT * local.pmi(a, b) if local is not None else 0.0)
            memo[key] = value
        return value

    return score


class _LineScorer:
    """Scores readings of one line: lexicon, word pairs and n-gram fluency, in context.

    The readings of a line share most of their word windows, so each
    position's terms are memoised by the window of words that ends there
    (:data:`repair.ngram.WINDOW`); the four sums run in position order, as
    :func:`repair.ngram.score` sums its own.  All terms but the class n-gram's
    see only the last ``HEAD`` words of a window, so they are memoised by those
    too: windows that differ only in their first word share them.
    """

    def __init__(self, before: str, after: str, pair_score=adjacency.pmi, local=None):
        self.before, self.after = before, after
        self.pair_score = pair_score
        self.local = local
        self.at_start = before == adjacency.PARAGRAPH_START
        self.memo: dict[tuple, tuple] = {}
        self.head_memo: dict[tuple, tuple] = {}

    def __call__(self, tokens) -> float:
        sequence = (self.before, *tokens, self.after)
        last = len(sequence) - 1
        memo = self.memo
        back = ngram.WINDOW - 1
        unigram = pairs = word = klass = 0
        for i in range(1, last + 1):
            window = sequence[i - back if i > back else 0:i + 1]
            terms = memo.get(window)
            if terms is None:
                terms = memo[window] = self._terms(window)
            if i < last:
                unigram += terms[0]
            pairs += terms[1]
            word += terms[2]
            klass += terms[3]
        fluency = word + ngram.CLASS_WEIGHT * klass
        return unigram + ADJACENCY_WEIGHT * pairs + NGRAM_WEIGHT * fluency

    def _terms(self, window: tuple) -> tuple:
        """(lexicon, pairs, word fluency, class fluency) of the window's last word."""
        head = window[-HEAD:]
        terms = self.head_memo.get(head)
        if terms is None:
            terms = self.head_memo[head] = self._head_terms(head)
        return (*terms, ngram.class_term(window, self.at_start))

    def _head_terms(self, head: tuple) -> tuple:
        """The terms that see only ``head``, the window's last ``HEAD`` words."""
        word = ngram.word_term(head, self.at_start)
        pairs = self.pair_score(head[-2], head[-1])
        word += BIGRAM_WEIGHT * bigram.log_prob(head[-2], head[-1])
        if self.local is not None and len(head) >= 3:
            pairs += LOCAL_PHRASE_WEIGHT * self.local.continuation(*head)
        return lexicon.log_prob(head[-1]), pairs, word


def _score(tokens, before: str, after: str, pair_score=adjacency.pmi) -> float:
    """Score of ``tokens`` between ``before`` and ``after`` (higher is likelier).

    >>> _score("قال إن الجيش".split(), "<s>", "</s>") > _score("الجيش إن قال".split(), "<s>", "</s>")
    True
    """
    return _LineScorer(before, after, pair_score)(tokens)
