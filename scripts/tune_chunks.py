"""Fit the weights that decide where a rotated (two-chunk) line starts.

Cross-fitted on the training text: the pair model is learned from one half
of the files, lines of the other half are wrapped and rotated the way pdf.js
damages them, and the weights of the three pair terms (the seam the
extractor made, the join with the previous line, the join with the next)
for each evidence source (word classes, words, the document's own pairs)
are chosen by grid search to restore the most lines (one weight per
source, the class weight fixing the scale).

    python scripts/tune_chunks.py
"""

from __future__ import annotations

import random
import sys
from itertools import product
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from repair import adjacency  # noqa: E402
from repair.adjacency import LocalPairs, train  # noqa: E402
from eval_chunks import wrap  # noqa: E402
from train_adjacency import training_files  # noqa: E402

FEATURES = ("class_cut", "class_in", "class_out", "word_cut", "word_in", "word_out", "local_cut", "local_in", "local_out")


def cases_from(files, rng):
    """(features per candidate cut, index of the true cut) for rotated lines of these files."""
    out = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        paragraphs = [p for p in text.split("\n") if p.strip()]
        for k, paragraph in enumerate(paragraphs):
            local = LocalPairs(paragraphs[:k] + paragraphs[k + 1:])
            lines = wrap(paragraph, rng.randint(75, 95))
            for i, line in enumerate(lines[:-1]):
                tokens = line.split()
                if len(tokens) < 4:
                    continue
                true_start = rng.randint(1, len(tokens) - 1)
                rotated = tokens[true_start:] + tokens[:true_start]
                before = lines[i - 1].split()[-1] if i else adjacency.PARAGRAPH_START
                after = lines[i + 1].split()[0]
                out.append((candidate_features(rotated, before, after, local), len(tokens) - true_start - 1))
    return out


def candidate_features(tokens, before, after, local):
    """For each cut p (between tokens[p] and tokens[p+1]): the nine pair terms."""
    rows = []
    for p in range(len(tokens) - 1):
        x, y = tokens[p], tokens[p + 1]
        pairs = {"cut": (x, y), "in": (before, y), "out": (x, after)}
        row = []
        for source in ("class", "word", "local"):
            for name in ("cut", "in", "out"):
                a, b = pairs[name]
                if source == "class":
                    v = adjacency._pmi_classes(adjacency.word_class(a), adjacency.word_class(b))
                elif source == "word":
                    v = adjacency._pmi_words(adjacency.word_key(a), adjacency.word_key(b))
                else:
                    v = local.pmi(a, b)
                row.append(-v if name == "cut" else v)
        rows.append(row)
    return rows


def accuracy(cases, weights):
    right = 0
    for rows, truth in cases:
        scores = [sum(w * f for w, f in zip(weights, row)) for row in rows]
        right += max(range(len(rows)), key=scores.__getitem__) == truth
    return right / max(1, len(cases))


def fit(cases):
    """One weight per evidence source (class, word, local), shared by its three pair terms."""
    best, best_tied = -1.0, None
    grid = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0)
    for tied in product(grid, repeat=3):
        if tied[0] != 1.0:
            continue  # the class weight fixes the scale
        acc = accuracy(cases, [w for w in tied for _ in range(3)])
        if acc > best:
            best, best_tied = acc, tied
    return [w for w in best_tied for _ in range(3)], best


def main():
    rng = random.Random(7)
    files = [f for f in training_files() if f.parent.name == "corpus"]
    rng.shuffle(files)
    half = len(files) // 2
    model_files, case_files = files[:half], files[half:]
    adjacency._model.cache_clear()
    model = train(p.read_text(encoding="utf-8") for p in model_files)
    adjacency._model.__wrapped__ = None
    import functools
    adjacency._model = functools.lru_cache(maxsize=1)(lambda: model)
    adjacency._pmi_classes.cache_clear()
    adjacency._pmi_words.cache_clear()
    cases = cases_from(case_files, rng)
    unit = accuracy(cases, [1.0] * len(FEATURES))
    weights, acc = fit(cases)
    chance = sum(1 / len(rows) for rows, _ in cases) / len(cases)
    print(f"{len(cases)} rotated lines; chance {chance:.0%}; equal weights {unit:.0%}; fitted {acc:.0%}")
    print(dict(zip(FEATURES, weights)))
    print("set WORD_WEIGHT in repair/adjacency.py and LOCAL_WEIGHT in repair/chunks.py to the word and local weights")


if __name__ == "__main__":
    main()
