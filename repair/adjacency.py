"""How plausible it is that one word follows another: a word-class bigram model.

wordfreq has no word pairs, and no Arabic n-gram list can be had offline, so
`repair` keeps a small class-bigram table learned from clean text by
``scripts/train_adjacency.py`` (function words are their own class; other
words are classed by their clitics, suffix and trailing punctuation).  It
decides what the lexicon cannot: where a rotated line starts, i.e. which of
the line's word pairs is the seam the extractor made.

>>> word_class("والمدنيين،")
'و+ال|يين|،'
>>> word_class("إلى")
'F:الي'
>>> pmi("<s>", "وقال") > pmi("إلى", "وقال")
True
"""

from __future__ import annotations

import json
import math
from collections import Counter
from itertools import chain
from functools import lru_cache
from pathlib import Path

from .arabic import fold, letters_only

DATA = Path(__file__).with_name("data") / "adjacency.json"

PARAGRAPH_START = "<s>"
PARAGRAPH_END = "</s>"

# Function words: each is its own class (folded spelling).
FUNCTION_WORDS = frozenset(fold(w) for w in """
في من إلى على عن مع منذ نحو حتى دون بين عند لدى بعد قبل خلال حول ضد عبر وفق
أن إن لأن كأن لكن بأن وأن وإن فإن ما لا لم لن قد كان كانت يكون تكون ليس
الذي التي الذين اللذين اللتين اللواتي هذا هذه ذلك تلك هؤلاء هو هي هم هما نحن أنا
كل بعض أي غير أو أم ثم بل إذا إذ لو كما حيث بينما عندما كيف متى أين هل
وفي ومن وإلى وعلى وعن ومع وقد وكان ولا ولم وهو وهي وهذا وذلك فقد فيما مما عما
به بها له لها منه منها عليه عليها فيه فيها إليه إليها عنه عنها لهم بهم منهم عليهم
أيضا فقط جدا الآن اليوم أمس قال وقال قالت وقالت يقول أكد وأكد أضاف وأضاف
""".split())

# Days and months behave alike (``ليل السبت``, ``مساء الأحد``, ``في مارس``): one class each.
_TIME_WORDS = {fold(w): label for label, words in {
    "DAY": "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت",
    "MONTH": ("يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر "
              "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين"),
}.items() for w in words.split()}

_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال", "و", "ف", "ب", "ل")
_SUFFIXES = ("يين", "يات", "ية", "ات", "ون", "ين", "ان", "تين", "ها", "هم", "هما", "وا", "ة", "ي")
# Each affix with its folded spelling (what a folded core is matched against).
_FOLDED_PREFIXES = tuple((p, fold(p)) for p in _PREFIXES)
_FOLDED_SUFFIXES = tuple((s, fold(s)) for s in _SUFFIXES)


def _by_letter(affixes: tuple, at: int) -> dict[str, tuple]:
    """``affixes`` (affix, folded key) grouped by the key's letter at ``at`` (0: first, -1: last),
    each group in the order of ``affixes``: a core is matched only against the group of its own letter."""
    groups: dict[str, list] = {}
    for affix, key in affixes:
        groups.setdefault(key[at], []).append((affix, key))
    return {letter: tuple(group) for letter, group in groups.items()}


_PREFIXES_BY_FIRST = _by_letter(_FOLDED_PREFIXES, 0)
_SUFFIXES_BY_LAST = _by_letter(_FOLDED_SUFFIXES, -1)
_END_PUNCT = {".": ".", "،": "،", ",": "،", "؛": "،", ";": "،", ":": ":", "؟": ".", "?": ".", "!": ".",
              "”": "q", "»": "q", '"': "q", ")": ")"}
_START_PUNCT = {"“": "q", "«": "q", '"': "q", "(": "("}


@lru_cache(maxsize=50_000)
def word_class(token: str) -> str:
    """The class of a token: a boundary, a function word, a number, or clitic|suffix|punctuation.

    >>> word_class("“داعش”"), word_class("120"), word_class("</s>")
    ('q:||q', 'NUM', '</s>')
    """
    if token in (PARAGRAPH_START, PARAGRAPH_END):
        return token
    lead = _START_PUNCT.get(token[:1], "")
    trail = _END_PUNCT.get(token[-1:], "")
    core = letters_only(token)
    if not core:
        if any(ch.isdigit() or "\ue000" <= ch <= "\uf8ff" for ch in token):
            return "NUM"
        return "LAT" if any(ch.isalpha() for ch in token) else "PUNCT" + trail
    folded = fold(core)
    time_class = _TIME_WORDS.get(folded) or _TIME_WORDS.get(folded[1:] if folded[:1] in "وفب" else "")
    if time_class:
        return ("و" if folded[:1] == "و" and folded not in _TIME_WORDS else "") + time_class + (
            "|" + trail if trail else "")
    if folded in FUNCTION_WORDS and not lead:
        return "F:" + folded + ("|" + trail if trail else "")
    prefix = next((p for p, key in _PREFIXES_BY_FIRST.get(folded[:1], ())
                   if folded.startswith(key) and len(folded) - len(p) >= 3), "")
    rest = folded[len(prefix):]
    if _has_accusative_tanween(token):
        suffix = "ًا"
    else:
        suffix = next((s for s, key in _SUFFIXES_BY_LAST.get(rest[-1:], ())
                       if rest.endswith(key) and len(rest) - len(s) >= 2), "")
    prefix_label = "+".join(_split_prefix(prefix))
    return f"{lead + ':' if lead else ''}{prefix_label}|{fold(suffix)}|{trail}"


def _has_accusative_tanween(token: str) -> bool:
    """``مجددًا``, ``أيضاً``: the adverbial accusative, a strong class of its own."""
    core = token.rstrip("".join(_END_PUNCT))
    return core.endswith("\u064bا") or core.endswith("ا\u064b")


def _split_prefix(prefix: str) -> list[str]:
    """``وال`` -> ``['و', 'ال']`` so that related prefixes share their parts."""
    parts = []
    rest = prefix
    while rest:
        if rest.startswith("ال") or rest.startswith("لل"):
            parts.append(rest[:2])
            rest = rest[2:]
        else:
            parts.append(rest[0])
            rest = rest[1:]
    return parts


@lru_cache(maxsize=1)
def _model() -> dict:
    with open(DATA, encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=50_000)
def _pmi_classes(left: str, right: str) -> float:
    """Observed against expected count of the class pair (log10, smoothed).

    Comparing with the expected count, not with a smoothed conditional, keeps
    an unseen pair of rare classes near 0 instead of punishing it.
    """
    model = _model()
    unigram = model["unigram"]
    expected = unigram.get(left, 0) * unigram.get(right, 0) / model["total"]
    observed = model["bigram"].get(left, {}).get(right, 0)
    return math.log10((observed + CLASS_SMOOTHING) / (expected + CLASS_SMOOTHING))


CLASS_SMOOTHING = 1.0


def pmi(left: str, right: str) -> float:
    """How much likelier the pair is than chance (log10): classes, plus the words themselves when seen.

    >>> pmi("من", "القوات") > pmi("من", "في")
    True
    """
    return _pmi_classes(word_class(left), word_class(right)) + WORD_WEIGHT * _pmi_words(word_key(left), word_key(right))


WORD_WEIGHT = 1.0
WORD_SMOOTHING = 0.5


@lru_cache(maxsize=50_000)
def word_key(token: str) -> str:
    """The folded letters of a token, or its boundary marker.

    >>> word_key("«أعماق»")
    'اعماق'
    """
    if token in (PARAGRAPH_START, PARAGRAPH_END):
        return token
    return fold(letters_only(token))


@lru_cache(maxsize=50_000)
def _pmi_words(left: str, right: str) -> float:
    """Observed against expected count of the word pair, smoothed; 0 when either word is unseen."""
    model = _model()
    words = model.get("words", {})
    left_count, right_count = words.get(left, 0), words.get(right, 0)
    if not left or not right or not left_count or not right_count:
        return 0.0
    expected = left_count * right_count / model["word_total"]
    observed = model["word_pairs"].get(left + " " + right, 0)
    return math.log10((observed + WORD_SMOOTHING) / (expected + WORD_SMOOTHING))


def train(texts) -> dict:
    """Count class unigrams and bigrams over texts (paragraphs split on newlines).

    >>> m = train(["قال إن الجيش"])
    >>> m["bigram"]["F:قال"]["F:ان"]
    1
    """
    unigram: dict[str, int] = {}
    bigram: dict[str, dict[str, int]] = {}
    words: dict[str, int] = {}
    word_pairs: dict[str, int] = {}
    for text in texts:
        for paragraph in text.split("\n"):
            tokens = paragraph.split()
            if not tokens:
                continue
            keys = [PARAGRAPH_START] + [word_key(t) for t in tokens] + [PARAGRAPH_END]
            for left, right in zip(keys, keys[1:]):
                words[right] = words.get(right, 0) + 1
                pair = left + " " + right
                word_pairs[pair] = word_pairs.get(pair, 0) + 1
            words[PARAGRAPH_START] = words.get(PARAGRAPH_START, 0) + 1
            classes = [PARAGRAPH_START] + [word_class(t) for t in tokens] + [PARAGRAPH_END]
            for left, right in zip(classes, classes[1:]):
                unigram[right] = unigram.get(right, 0) + 1
                bigram.setdefault(left, {})
                bigram[left][right] = bigram[left].get(right, 0) + 1
            unigram[PARAGRAPH_START] = unigram.get(PARAGRAPH_START, 0) + 1
    word_total = sum(words.values())
    words = {w: n for w, n in words.items() if n >= MIN_WORD_COUNT}
    word_pairs = {p: n for p, n in word_pairs.items() if n >= MIN_PAIR_COUNT and all(w in words for w in p.split(" "))}
    return {"unigram": unigram, "bigram": bigram, "total": sum(unigram.values()), "smoothing": 5.0,
            "words": words, "word_pairs": word_pairs, "word_total": word_total}


MIN_WORD_COUNT = 3
MIN_PAIR_COUNT = 2


def paragraph_openings(texts) -> list[str]:
    """The first word of every non-blank line of texts written one paragraph a line.

    >>> paragraph_openings(["قال الوزير\\n\\nوقال المتحدث"])
    ['قال', 'وقال']
    """
    return [p.split()[0] for text in texts for p in text.split("\n") if p.strip()]


class LocalPairs:
    """Word pairs counted in the document's own clean lines and its siblings.

    A story repeats its phrases (``إلى ذلك``, ``قوات النظام``), and siblings
    tell the same story in nearly the same words, so their pairs are the most
    relevant evidence there is.

    >>> local = LocalPairs(["قال ثلاثة مسؤولين إن الولايات المتحدة", "إن الولايات المتحدة وروسيا"])
    >>> local.pmi("إن", "الولايات") > 0 > local.pmi("المتحدة", "إن")
    True

    Given the first words of the lines that open paragraphs (``starts``), it also
    knows how the document's paragraphs and headings open:

    >>> heads = LocalPairs(["الحديث الثالث", "الحديث الرابع", "عن أبي هريرة"], starts=["الحديث", "الحديث"])
    >>> heads.pmi("<s>", "الحديث") > 0 > heads.pmi("<s>", "الرابع")
    True
    """

    def __init__(self, texts, starts=()):
        # the word keys of each paragraph; pairs and triples (tuples of keys) stay within one
        paragraphs = [[k for k in map(word_key, p.split()) if k] for text in texts for p in text.split("\n")]
        self.words: Counter[str] = Counter(chain.from_iterable(paragraphs))
        self.pairs: Counter[tuple] = Counter(chain.from_iterable(zip(k, k[1:]) for k in paragraphs))
        # ``starts``: the first words of the lines that open a paragraph, paired with ``<s>``
        opening = [k for k in map(word_key, starts) if k]
        if opening:
            self.words[PARAGRAPH_START] += len(opening)
            self.pairs.update((PARAGRAPH_START, k) for k in opening)
        self.triples: Counter[tuple] = Counter(chain.from_iterable(zip(k, k[1:], k[2:]) for k in paragraphs))
        self.total = max(1, sum(self.words.values()))

    @classmethod
    def of_paragraphs(cls, texts) -> "LocalPairs":
        """The pairs of clean texts written one paragraph a line: every line opens a paragraph.

        >>> LocalPairs.of_paragraphs(["قال الوزير", "وقال المتحدث"]).words["<s>"]
        2
        """
        return cls(texts, starts=paragraph_openings(texts))

    def continuation(self, first: str, second: str, third: str) -> float:
        """How much likelier ``third`` is after the pair ``first second`` in these texts than
        after any word (log10, smoothed): a phrase the story repeats word for word.

        >>> local = LocalPairs(["منتصف ليل السبت الأحد", "ليل السبت الأحد جولة"])
        >>> local.continuation("ليل", "السبت", "الأحد") > 0 == local.continuation("قال", "إن", "الأحد")
        True
        """
        a, b, c = word_key(first), word_key(second), word_key(third)
        context = self.pairs.get((a, b), 0)
        if not context or c not in self.words:
            return 0.0
        expected = context * self.words[c] / self.total
        observed = self.triples.get((a, b, c), 0)
        return math.log10((observed + WORD_SMOOTHING) / (expected + WORD_SMOOTHING))

    def pmi(self, left: str, right: str) -> float:
        """Observed against expected count of the pair in these texts (log10, smoothed)."""
        a, b = word_key(left), word_key(right)
        if not self.pairs or a not in self.words or b not in self.words:
            return 0.0
        expected = self.words[a] * self.words[b] / self.total
        observed = self.pairs.get((a, b), 0)
        return math.log10((observed + WORD_SMOOTHING) / (expected + WORD_SMOOTHING))
