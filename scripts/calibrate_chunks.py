"""Fit chunks.CALIBRATION: how often a rotated line's reading is right, given its margin.

Rotates lines of held-out real news (seeds 000, 001, 003 and fixtures/clean/news_*)
the way scripts/eval_chunks.py does, one cut each, records each chosen
reading's margin over the runner-up and whether it is the original line, and
fits confidence = logistic(-a + b * margin) by maximum likelihood (gradient
ascent; two parameters need nothing more).

    python scripts/calibrate_chunks.py
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_chunks import one_cut, rotated_readings  # noqa: E402


def samples(seed: int = 1) -> list[tuple[float, bool]]:
    rng = random.Random(seed)
    files = sorted((ROOT / "fixtures" / "seeds").glob("00[013]_*.txt")) + sorted((ROOT / "fixtures" / "clean").glob("news_*.txt"))
    return [(got.margin, got.text == line)
            for line, got in rotated_readings(files, rng, one_cut(rng)) if got is not None]


def fit(data: list[tuple[float, bool]], steps: int = 20000, rate: float = 0.05) -> tuple[float, float]:
    a, b = 0.0, 1.0
    for _ in range(steps):
        ga = gb = 0.0
        for margin, right in data:
            p = 1.0 / (1.0 + math.exp(a - b * margin))
            ga += -(right - p)
            gb += (right - p) * margin
        a += rate * ga / len(data)
        b += rate * gb / len(data)
    return a, b


def main() -> None:
    data = [s for seed in (1, 2, 3) for s in samples(seed)]   # three wraps and cuts of each paragraph
    a, b = fit(data)
    right = sum(r for _, r in data)
    print(f"{len(data)} readings, {right} right ({right / len(data):.0%}); CALIBRATION = ({a:.2f}, {b:.2f})")
    for lo, hi in ((0, 1), (1, 2), (2, 4), (4, 99)):
        group = [r for m, r in data if lo <= m < hi]
        if group:
            print(f"  margin {lo}-{hi}: {len(group)} readings, {sum(group) / len(group):.0%} right")


if __name__ == "__main__":
    main()
