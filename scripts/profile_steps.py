"""Where the time goes: milliseconds per pipeline step on the benchmark's articles.

    python scripts/profile_steps.py [clean|002-like|mixed]

Each step of `repair.pipeline.STEPS` and the figure resolver is timed on every
article of one of scripts/benchmark.py's sets (one pass over articles seen
once, after a warm-up on the mixed fixture set), with the round each call
belongs to.  Use it to find what to
speed up; use scripts/benchmark.py for the numbers to quote.
"""

from __future__ import annotations

import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import benchmark  # noqa: E402
import repair  # noqa: E402
from repair import pipeline  # noqa: E402

TIMES: collections.Counter = collections.Counter()
CALLS: collections.Counter = collections.Counter()


def timed(name: str, fn):
    def step(*args):
        CALLS[name] += 1
        start = time.perf_counter()
        out = fn(*args)
        TIMES[(CALLS[name], name)] += time.perf_counter() - start
        return out
    return step


def main() -> None:
    which = sys.argv[1] if len(sys.argv) > 1 else "002-like"
    articles = benchmark.clean_articles() if which == "clean" else benchmark.damaged_articles(which)
    pipeline.STEPS = [(flag, timed(step.__name__, step)) for flag, step in pipeline.STEPS]
    pipeline.resolve_figures = timed("resolve_figures", pipeline.resolve_figures)
    for article in benchmark.fixture_articles():
        repair.fix_text(article)
    TIMES.clear()
    start = time.perf_counter()
    for article in articles:
        CALLS.clear()
        repair.fix_text(article)
    total = time.perf_counter() - start
    megabytes = sum(len(a.encode("utf-8")) for a in articles) / 1e6
    print(f"{which}: {len(articles)} articles, {megabytes:.2f} MB, {total * 1000:.1f} ms, "
          f"{megabytes / total:.2f} MB/s")
    print(f"{'round':>5} {'step':<28} {'ms':>8}")
    for (round_, name), seconds in sorted(TIMES.items()):
        print(f"{round_:>5} {name:<28} {seconds * 1000:8.1f}")
    print(f"{'':>5} {'(outside the steps)':<28} {(total - sum(TIMES.values())) * 1000:8.1f}")


if __name__ == "__main__":
    main()
