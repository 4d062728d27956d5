"""Time :func:`repair.figures.resolve_figures`: one article against its siblings.

The article is seed 002 as extracted (8,000 bytes of UTF-8, 4,404
characters, eight private-use figures, kashida and wrapped lines still in
it); the siblings are seeds 000, 001, 003 and 004.  The target is a median
under 20 ms on one core.  Then the cost is measured as the number of
siblings grows (the four seeds cycled) and as each sibling grows (its text
repeated), and as the article grows (its text repeated, so the slots grow
with it).

    .venv/bin/python scripts/bench_figures.py [--runs 50]

Every call prepares the siblings afresh (tokens, keys, trigrams, candidate
figures), so the numbers include that work; only per-word caches
(``word_key``) stay warm between calls, and the first, cold call is shown
apart.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.figures import resolve_figures  # noqa: E402
from repair.model import Config  # noqa: E402
from repair.siblings import Sibling  # noqa: E402

SEEDS = {p.name[:3]: p for p in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))}


def siblings(count: int = 4, repeat: int = 1) -> list[Sibling]:
    """``count`` siblings cycling through 000, 001, 003, 004, each text repeated ``repeat`` times."""
    names = ["000", "001", "003", "004"]
    out = []
    for i in range(count):
        name = names[i % len(names)]
        text = SEEDS[name].read_text(encoding="utf-8")
        out.append(Sibling("\n\n".join([text] * repeat), f"{name}#{i}"))
    return out


def median_ms(text: str, sibs: list[Sibling], runs: int) -> tuple[float, float]:
    """Median and first-call time of resolve_figures, in milliseconds."""
    ctx = SimpleNamespace(config=Config(), siblings=sibs, original=text)
    start = time.perf_counter()
    resolve_figures(text, ctx)
    first = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        resolve_figures(text, ctx)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    article = SEEDS["002"].read_text(encoding="utf-8")
    sib_chars = sum(len(s.text) for s in siblings())
    median, first = median_ms(article, siblings(), args.runs)
    verdict = "OK" if median < 20 else "TOO SLOW"
    print(f"article: seed 002, {len(article.encode())} bytes / {len(article)} chars; "
          f"4 siblings, {sib_chars} chars in all")
    print(f"resolve_figures median {median:.2f} ms over {args.runs} runs (first call {first:.2f} ms)"
          f" -> {verdict} (target < 20 ms)\n")
    print("siblings  median ms")
    for count in (0, 1, 2, 4, 8, 16):
        print(f"{count:8}  {median_ms(article, siblings(count), args.runs)[0]:9.2f}")
    print("\nsibling length (x seed)  chars/sibling  median ms")
    for repeat in (1, 2, 4, 8):
        sibs = siblings(4, repeat)
        chars = sum(len(s.text) for s in sibs) // len(sibs)
        print(f"{repeat:23}  {chars:13}  {median_ms(article, sibs, args.runs)[0]:9.2f}")
    print("\narticle length (x 002)  chars  slots  median ms")
    for repeat in (1, 2, 4):
        text = "\n\n".join([article] * repeat)
        print(f"{repeat:22}  {len(text):5}  {8 * repeat:5}  {median_ms(text, siblings(), args.runs)[0]:9.2f}")


if __name__ == "__main__":
    main()
