"""Which word follows which in real Arabic prose: a Kneser-Ney word bigram.

The n-gram model of :mod:`repair.ngram` is learned from the project's own
corpus (a few hundred thousand words). This one comes from about 33 million
tokens of real Arabic news and reviews, counted by the MIT-licensed PyPI
package ar-corrector and turned into ``repair/data/bigrams.bin.gz`` by
``scripts/import_bigrams.py``: words folded (``adjacency.word_key``), pairs
seen fewer than three times dropped, the most frequent words kept. Its counts
stop at every comma and full stop, so a pair across a clause boundary is
scored as the first word ending a clause and the second opening one.

The table is read on first use (about 0.3 s) and looked up by bisection in
flat arrays, so nothing is built per pair.

>>> log_prob("قال", "إن") > log_prob("إن", "قال")
True
>>> log_prob("<s>", "قال") > log_prob("<s>", "عن")
True
"""

from __future__ import annotations

import gzip
import math
import struct
from array import array
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from .adjacency import PARAGRAPH_END, PARAGRAPH_START, word_key

DATA = Path(__file__).with_name("data") / "bigrams.bin.gz"

START, END = "<s>", "<e>"    # a clause's start and end, as the counts have them
DISCOUNT = 0.75
CLAUSE_END = frozenset("،.؛!؟:,;?")
NON_WORD = -3.0               # log10 score of a pair with a number, Latin or a symbol in it
MAGIC = b"RBG1"


def write_table(pairs, path: Path, min_count: int, vocabulary: int) -> None:
    """Write the binary table from ``{(left, right): count}`` (full counts, before pruning).

    Layout, all little-endian uint32 after a header: the vocabulary (most
    frequent first, ``\\n``-joined UTF-8); per word, its count as a history, its
    number of distinct followers, its number of distinct predecessors; per word,
    the offset of its kept followers; the followers' ids (sorted per word) and
    their counts.
    """
    totals: dict[str, int] = {}
    followers: dict[str, int] = {}
    predecessors: dict[str, int] = {}
    frequency: dict[str, int] = {}
    for (a, b), c in pairs.items():
        totals[a] = totals.get(a, 0) + c
        followers[a] = followers.get(a, 0) + 1
        predecessors[b] = predecessors.get(b, 0) + 1
        frequency[b] = frequency.get(b, 0) + c
    frequency[START] = frequency[END] = max(frequency.values()) + 1
    words = sorted(frequency, key=lambda w: (-frequency[w], w))[:vocabulary]
    ids = {w: i for i, w in enumerate(words)}
    kept: list[list[tuple[int, int]]] = [[] for _ in words]
    for (a, b), c in pairs.items():
        if c >= min_count and a in ids and b in ids:
            kept[ids[a]].append((ids[b], c))
    offsets, right, counts = array("I", [0]), array("I"), array("I")
    for row in kept:
        row.sort()
        right.extend(b for b, _ in row)
        counts.extend(c for _, c in row)
        offsets.append(len(right))
    stats = array("I")
    for w in words:
        stats.extend((totals.get(w, 0), followers.get(w, 0), predecessors.get(w, 0)))
    vocab_bytes = "\n".join(words).encode("utf-8")
    header = struct.pack("<4sIIIQ", MAGIC, len(words), len(right), len(vocab_bytes), len(pairs))
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as f:
        for part in (header, vocab_bytes, stats.tobytes(), offsets.tobytes(), right.tobytes(), counts.tobytes()):
            f.write(part)


class Bigrams:
    """The table of :func:`write_table`, with interpolated Kneser-Ney probabilities."""

    def __init__(self, blob: bytes):
        magic, n_words, n_pairs, n_vocab, n_types = struct.unpack_from("<4sIIIQ", blob)
        if magic != MAGIC:
            raise ValueError("not a bigram table")
        at = struct.calcsize("<4sIIIQ")
        words = blob[at:at + n_vocab].decode("utf-8").split("\n")
        at += n_vocab
        self.ids = {w: i for i, w in enumerate(words)}
        self.stats = self._take(blob, at, 3 * n_words)
        at += 12 * n_words
        self.offsets = self._take(blob, at, n_words + 1)
        at += 4 * (n_words + 1)
        self.right = self._take(blob, at, n_pairs)
        self.counts = self._take(blob, at + 4 * n_pairs, n_pairs)
        self.types = n_types
        self.unknown = len(words) + 1

    @staticmethod
    def _take(blob: bytes, at: int, n: int) -> array:
        a = array("I")
        a.frombytes(blob[at:at + 4 * n])
        return a

    def continuation(self, b: int | None) -> float:
        """How readily a word follows anything (its distinct predecessors), smoothed."""
        seen = self.stats[3 * b + 2] if b is not None else 0
        return (seen + 0.5) / (self.types + 0.5 * self.unknown)

    def prob(self, a: str, b: str) -> float:
        ia, ib = self.ids.get(a), self.ids.get(b)
        p = self.continuation(ib)
        if ia is None:
            return p
        total, distinct = self.stats[3 * ia], self.stats[3 * ia + 1]
        if not total:
            return p
        count = 0
        if ib is not None:
            lo, hi = self.offsets[ia], self.offsets[ia + 1]
            k = bisect_left(self.right, ib, lo, hi)
            if k < hi and self.right[k] == ib:
                count = self.counts[k]
        return max(count - DISCOUNT, 0.0) / total + DISCOUNT * distinct / total * p


@lru_cache(maxsize=1)
def _table() -> Bigrams:
    with gzip.open(DATA, "rb") as f:
        return Bigrams(f.read())


@lru_cache(maxsize=200_000)
def log_prob(left: str, right: str) -> float:
    """log10 of ``right`` following ``left`` (tokens as in the text, or the paragraph markers).

    A token ending in a comma or full stop ends a clause: the pair then scores
    the clause's end after ``left`` and ``right`` opening the next one.
    """
    table = _table()
    a = START if left == PARAGRAPH_START else word_key(left)
    b = END if right == PARAGRAPH_END else word_key(right)
    if not a or not b:
        return NON_WORD
    if a != START and left[-1:] in CLAUSE_END:
        return math.log10(table.prob(a, END)) + (math.log10(table.prob(START, b)) if b != END else 0.0)
    return math.log10(table.prob(a, b))
