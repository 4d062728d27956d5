"""How fluent a run of words is: a Kneser-Ney word trigram mixed with a class 4-gram.

The pair model of :mod:`repair.adjacency` looks at one word pair at a time.
This module scores a whole run of words with two small interpolated
Kneser-Ney models learned from clean text by ``scripts/train_ngram.py``: one
over folded words (``adjacency.word_key``), one over word classes
(``adjacency.word_class``), mixed log-linearly.  Top-order counts of 1 and
contexts seen once are pruned (keeping the lower orders' continuation counts of
1 is worth more than their size), so the table (``repair/data/ngram.json.gz``,
under 1 MB) stays small; it is loaded on first use, in about 0.1 s.

>>> score("<s>", "قال إن الجيش".split(), "</s>") > score("<s>", "الجيش إن قال".split(), "</s>")
True
"""

from __future__ import annotations

import gzip
import json
import math
from functools import lru_cache
from pathlib import Path

from .adjacency import PARAGRAPH_END, PARAGRAPH_START, word_class, word_key

DATA = Path(__file__).with_name("data") / "ngram.json.gz"

WORD_ORDER = 3
CLASS_ORDER = 4
WINDOW = max(WORD_ORDER, CLASS_ORDER)  # the words a position's terms depend on, itself included
DISCOUNT = 0.75
CLASS_WEIGHT = 0.5            # the class model's share of the log-linear mix
MIN_COUNT = 2                 # top-order n-grams seen once are dropped (the lower orders carry them)
MIN_CONTEXT = 2               # contexts seen fewer times are dropped whole
SEPARATOR = " "               # word keys and class labels never hold a space


class KneserNey:
    """Interpolated Kneser-Ney from a table ``train_table`` made.

    ``table["orders"][k - 1]`` maps a context of ``k - 1`` symbols (joined by a
    space) to ``[total, followers, {symbol: count}]``: how often the context
    was seen (raw counts at the top order, continuation counts below), how
    many different symbols followed it, and the counts kept after pruning.

    >>> m = KneserNey(train_table([["a", "b", "c"], ["a", "b", "d"]], order=2, min_count=1, min_context=1))
    >>> round(m.prob(("a",), "b"), 3), m.prob(("a",), "c") < m.prob(("b",), "c")
    (0.68, True)
    """

    def __init__(self, table: dict):
        self.order = table["order"]
        self.discount = table["discount"]
        self.vocabulary = table["vocabulary"]
        # table["orders"] keyed by the context as a tuple of symbols (no string joins per look-up),
        # each entry's arithmetic done once (:meth:`_interpolation`)
        self.contexts = [{tuple(h.split(SEPARATOR)) if h else (): self._interpolation(*e) for h, e in order.items()}
                         for order in table["orders"]]
        self.prob = lru_cache(maxsize=50_000)(self._prob)
        # one cache for the log (the scorers' look-up): a miss here is nearly always a miss of prob too
        self.log10 = lru_cache(maxsize=50_000)(self._log10)

    def _interpolation(self, total: int, followers: int, counts: dict) -> tuple[dict, float]:
        """A context's entry as ``(share, weight)``: the probability after it is
        ``share.get(symbol, 0.0) + weight * p``, ``p`` the probability after the context one
        symbol shorter (the discounted count and the back-off weight, as :meth:`_prob` mixes them).

        >>> KneserNey({"order": 1, "discount": 0.75, "vocabulary": 3, "orders": [{}]})._interpolation(4, 2, {"a": 3})
        ({'a': 0.5625}, 0.375)
        """
        d = self.discount
        return {symbol: max(count - d, 0.0) / total for symbol, count in counts.items()}, d * followers / total

    def _log10(self, history: tuple, symbol: str) -> float:
        return math.log10(self._prob(history, symbol))

    def _prob(self, history: tuple, symbol: str) -> float:
        p = 1.0 / self.vocabulary
        n = len(history)
        for k in range(min(self.order, n + 1)):  # context length 0, 1, ... as far as the history goes
            entry = self.contexts[k].get(history[n - k:])
            if entry is not None:
                share, weight = entry
                p = share.get(symbol, 0.0) + weight * p
        return p

def train_table(sequences, order: int, discount: float = DISCOUNT,
                min_count: int = MIN_COUNT, min_context: int = MIN_CONTEXT) -> dict:
    """Count an interpolated Kneser-Ney model over symbol sequences (each padded with ``<s>``, ended with ``</s>``).

    >>> t = train_table([["a", "b"], ["a", "c"]], order=2, min_count=1, min_context=1)
    >>> t["orders"][1]["a"]
    [2, 2, {'b': 1, 'c': 1}]
    """
    counts: list[dict[tuple, int]] = [dict() for _ in range(order + 1)]
    for sequence in sequences:
        padded = (PARAGRAPH_START,) * (order - 1) + tuple(sequence) + (PARAGRAPH_END,)
        for i in range(order - 1, len(padded)):
            gram = padded[i - order + 1:i + 1]
            top = counts[order]
            top[gram] = top.get(gram, 0) + 1
            if top[gram] > 1:
                continue
            for k in range(order - 1, 0, -1):  # a new type: continuation counts of its suffixes
                lower = gram[order - k:]
                counts[k][lower] = counts[k].get(lower, 0) + 1
                if counts[k][lower] > 1:
                    break
    orders = []
    for k in range(1, order + 1):
        contexts: dict[str, list] = {}
        for gram, c in counts[k].items():
            entry = contexts.setdefault(SEPARATOR.join(gram[:-1]), [0, 0, {}])
            entry[0] += c
            entry[1] += 1
            if c >= min_count or k < order:
                entry[2][gram[-1]] = c
        orders.append({h: e for h, e in contexts.items() if e[0] >= min_context or k == 1})
    return {"order": order, "discount": discount, "vocabulary": len(counts[1]) + 1, "orders": orders}


def train(texts) -> dict:
    """Both tables from clean texts (one paragraph a line)."""
    paragraphs = [p.split() for text in texts for p in text.split("\n") if p.strip()]
    return {"words": train_table([[word_key(t) or t for t in p] for p in paragraphs], WORD_ORDER),
            "classes": train_table([[word_class(t) for t in p] for p in paragraphs], CLASS_ORDER)}


@lru_cache(maxsize=1)
def _models() -> tuple[KneserNey, KneserNey]:
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        tables = json.load(f)
    return KneserNey(tables["words"]), KneserNey(tables["classes"])


@lru_cache(maxsize=50_000)
def _symbol(token: str) -> str:
    """The word model's symbol for a token: its folded letters, or the token itself."""
    return word_key(token) or token


def window_terms(window: tuple, at_start: bool) -> tuple[float, float]:
    """(word, class) log10 probability of ``window[-1]`` after the tokens before it in ``window``.

    The terms :func:`score` sums, one position at a time, so that a caller
    scoring many readings of a line can memoise them by window.  ``at_start``:
    ``window[0]`` is the ``<s>`` that opens a paragraph, which pads a short
    history as :func:`score` does.

    >>> w, c = window_terms(("<s>", "قال", "إن"), True)
    >>> w < 0 and c < 0
    True
    """
    return word_term(window, at_start), class_term(window, at_start)


def word_term(window: tuple, at_start: bool) -> float:
    """The word half of :func:`window_terms`: it sees only the last ``WORD_ORDER`` tokens.

    >>> word_term(("<s>", "قال", "إن"), True) == window_terms(("<s>", "قال", "إن"), True)[0]
    True
    """
    words = _models()[0]
    return _last_log10(words, tuple(map(_symbol, window[-words.order:])), at_start)


def class_term(window: tuple, at_start: bool) -> float:
    """The class half of :func:`window_terms`: the last ``CLASS_ORDER`` tokens' classes.

    >>> class_term(("<s>", "قال", "إن"), True) == window_terms(("<s>", "قال", "إن"), True)[1]
    True
    """
    classes = _models()[1]
    return _last_log10(classes, tuple(map(word_class, window[-classes.order:])), at_start)


def _last_log10(model: KneserNey, symbols: tuple, at_start: bool) -> float:
    """log10 of ``model`` giving the last of ``symbols`` after the others; a short history at a
    paragraph's start is padded with ``<s>`` up to the model's order."""
    if at_start and len(symbols) < model.order:
        symbols = (PARAGRAPH_START,) * (model.order - len(symbols)) + symbols
    return model.log10(symbols[:-1], symbols[-1])


def score(prev: str, tokens: list[str], nxt: str) -> float:
    """log10 probability of ``tokens`` then ``nxt``, after ``prev`` (``<s>`` at a paragraph start).

    Word model plus ``CLASS_WEIGHT`` times the class model.  Only ``prev`` is
    known of the line before, so the first words see a short history.

    >>> score("وقال", ["رئيس"], "الوزراء") > score("وقال", ["الوزراء"], "رئيس")
    True
    """
    sequence = (prev, *tokens, nxt)
    return score_at(sequence, range(1, len(sequence)), prev == PARAGRAPH_START)


def score_at(sequence: tuple, positions, at_start: bool) -> float:
    """The terms :func:`score` sums, at ``positions`` of ``sequence`` only (each after the
    words before it): enough to compare two orders of the same words where only
    some positions see different histories.

    >>> seq = ("<s>", "قال", "إن", "الجيش", "</s>")
    >>> score_at(seq, range(1, 5), True) == score("<s>", ["قال", "إن", "الجيش"], "</s>")
    True
    """
    word = klass = 0
    for i in positions:
        w, c = window_terms(sequence[max(0, i - WINDOW + 1):i + 1], at_start)
        word += w
        klass += c
    return word + CLASS_WEIGHT * klass
