"""Build repair/data/bigrams.bin.gz: word-pair counts of real Arabic prose, from ar-corrector.

The only offline source of Arabic word-pair statistics we have found is the
MIT-licensed PyPI package ``ar-corrector`` (1.1.6, Bassel Kassem): its
``resources/ngram_plus1.pickle`` holds word bigram counts over about 33
million tokens of Arabic news (a Moroccan-heavy news classification set),
book reviews (LABR) and the Arabic Learner Corpus. Its text was cleaned
before counting: only Arabic letters, diacritics and ``، . ؛ ! ؟ :`` kept,
and lines cut at every comma and full stop, so its pairs never cross a
clause boundary; ``<s>`` opens a clause and ``<e>`` closes one.

This script downloads the wheel with pip (the registry is the only network
needed), loads the counts, folds every word with ``adjacency.word_key`` (so
alef and yeh variants meet), keeps the statistics interpolated Kneser-Ney
needs from the full table (each history's total and number of followers,
each word's number of distinct predecessors), drops pairs seen fewer than
``--min-count`` times and words outside the ``--vocabulary`` most frequent,
and writes a compact binary table (see ``repair/bigram.py`` for the format).

    python scripts/import_bigrams.py [--wheel PATH] [--min-count 3] [--vocabulary 120000]

Only this script unpickles ar-corrector's files (a pickle can run code; the
wheel comes from PyPI under a pinned version). The library reads the
derived table only.
"""

from __future__ import annotations

import argparse
import pickle
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.adjacency import word_key  # noqa: E402
from repair.bigram import DATA, START, END, write_table  # noqa: E402

PACKAGE = "ar-corrector==1.1.6"
MEMBER = "ar_corrector/resources/ngram_plus1.pickle"


def fetch_wheel(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(folder), PACKAGE],
                   check=True)
    return next(folder.glob("ar_corrector-*.whl"))


def load_pairs(wheel: Path) -> dict:
    with zipfile.ZipFile(wheel) as z, z.open(MEMBER) as f:
        return pickle.load(f)


def symbol(word: str) -> str:
    if word == "<s>":
        return START
    if word == "<e>":
        return END
    if word in {"،", ".", "؛", "!", "؟", ":"}:
        return ""          # punctuation tokens: their pairs say nothing about words
    return word_key(word)


def fold_pairs(raw: dict) -> Counter:
    """Pair counts keyed by folded words; pairs with punctuation or <unk> dropped."""
    pairs: Counter = Counter()
    for history, followers in raw.items():
        if len(history) != 1:
            continue        # the empty history: unigram counts
        left = history[0]
        a = symbol(left) if left != "<unk>" else ""
        if not a:
            continue
        for right, count in followers.items():
            b = symbol(right) if right != "<unk>" else ""
            if b and not (a == START and b == END):
                pairs[(a, b)] += count
    return pairs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--wheel", type=Path, help="an ar_corrector wheel already downloaded")
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--vocabulary", type=int, default=120_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or fetch_wheel(Path(tmp))
        raw = load_pairs(wheel)
    pairs = fold_pairs(raw)
    del raw
    write_table(pairs, DATA, min_count=args.min_count, vocabulary=args.vocabulary)
    print(f"{len(pairs):,} folded pairs -> {DATA} ({DATA.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
