"""Measure the chunk-reversal repair on lines damaged the way pdf.js damages them.

Takes clean paragraphs (held out from the adjacency model's training text),
wraps them at about 85 characters, cuts a line inside a word after a letter
that does not join left, puts the chunks in reverse order, and checks that
`repair.chunks.best_reading` gives the line back.

    python scripts/eval_chunks.py [--cuts 1] [FILES...]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair import adjacency, chunks  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from damage import wrap_line  # noqa: E402
from repair.arabic import NON_JOINING_LEFT, is_arabic_letter  # noqa: E402


def wrap(paragraph: str, width: int) -> list[str]:
    """Greedy wrap at word boundaries (the damage model's)."""
    return wrap_line(paragraph, width)


def cut_points(line: str) -> list[int]:
    return [i for i in range(1, len(line) - 1)
            if line[i - 1] in NON_JOINING_LEFT and is_arabic_letter(line[i]) and line[i - 2:i - 1] != " "
            and is_arabic_letter(line[i - 2]) and line[i + 1:i + 2].strip()]


def damage(line: str, cuts: list[int]) -> str:
    bounds = [0, *cuts, len(line)]
    parts = [line[a:b] for a, b in zip(bounds, bounds[1:])]
    return " ".join(reversed(parts))


def rotated_readings(files, rng: random.Random, choose_cuts, local: bool = True, siblings: bool = False):
    """For every line but the last of every paragraph, wrapped at 75–95 characters: the line,
    and ``best_reading`` of it cut at ``choose_cuts(cut_points(line))`` (a line it gives None
    for is skipped) with its chunks reversed.  ``local``: the word pairs and paragraph openings
    of the file's other paragraphs (``siblings``: and of the other files) are given to it.
    """
    for path in files:
        paragraphs = path.read_text(encoding="utf-8").split("\n")
        for k, paragraph in enumerate(paragraphs):
            lines = wrap(paragraph, rng.randint(75, 95))
            # the document's other paragraphs are the clean lines the pipeline would count pairs in
            others = [f.read_text(encoding="utf-8") for f in files if f != path] if siblings else []
            pairs = adjacency.LocalPairs.of_paragraphs(paragraphs[:k] + paragraphs[k + 1:] + others) if local else None
            for i, line in enumerate(lines[:-1]):
                cuts = choose_cuts(cut_points(line))
                if cuts is None:
                    continue
                before = lines[i - 1].split()[-1] if i else adjacency.PARAGRAPH_START
                after = lines[i + 1].split()[0]
                yield line, chunks.best_reading(damage(line, cuts).split(), before, after, pairs)


def one_cut(rng: random.Random):
    """``choose_cuts`` for :func:`rotated_readings`: one cut, at a random cut point."""
    return lambda points: [rng.choice(points)] if points else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--cuts", type=int, default=1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--local", action="store_true", help="also count word pairs in the document's other paragraphs")
    ap.add_argument("--siblings", action="store_true",
                    help="with --local, also the other files (the seeds 000, 001, 003 report one story)")
    args = ap.parse_args()
    files = [Path(f) for f in args.files] or sorted((ROOT / "fixtures" / "seeds").glob("00[013]_*.txt"))
    rng = random.Random(args.seed)

    def choose_cuts(points):
        return sorted(rng.sample(points, args.cuts)) if len(points) >= args.cuts else None

    right = wrong = missed = 0
    for line, got in rotated_readings(files, rng, choose_cuts, args.local, args.siblings):
        if got is None:
            missed += 1
        elif got.text == line:
            right += 1
        else:
            wrong += 1
    total = right + wrong + missed
    print(f"lines {total}: restored {right} ({right / max(total, 1):.0%}), wrong {wrong}, left alone {missed}")


if __name__ == "__main__":
    main()
