"""Throughput of `repair` against ftfy on the same articles, and memory of the streaming CLI.

    python scripts/benchmark.py [--mb 4] [--stream-mb 10 50]

Articles are fixed one at a time, as a scraper or a batch job calls the
library: clean articles are the clean seeds, fixtures/clean/ and corpus/;
damaged articles are seed 002 and the `mixed` damaged fixture set (kashida,
chunk-reversed and visual-order lines, presentation forms, split words,
wrapped paragraphs, private-use figures).  Each set is repeated to about
--mb megabytes and run through `repair.fix_text` and `ftfy.fix_text`, best
of three, after a warm-up (the lexicon loads once per process).  Memory: peak
resident memory (VmHWM) of `repair fix` on one file of each --stream-mb size.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import repair  # noqa: E402


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def clean_articles() -> list[str]:
    seeds = ROOT / "fixtures" / "seeds"
    files = [p for p in sorted(seeds.glob("*_*.txt")) if not p.name.startswith("002")]
    files += sorted((ROOT / "fixtures" / "clean").glob("*.txt")) + sorted((ROOT / "corpus").glob("*.txt"))
    return [read(p) for p in files]


def damaged_articles() -> list[str]:
    files = [next((ROOT / "fixtures" / "seeds").glob("002_*.txt"))]
    files += [p for p in sorted((ROOT / "fixtures" / "damaged" / "mixed").glob("*.txt"))
              if not p.name.endswith(".ref.txt")]
    return [read(p) for p in files]


def repeat_to(articles: list[str], megabytes: float) -> list[str]:
    size = sum(len(a.encode("utf-8")) for a in articles)
    return articles * max(1, round(megabytes * 1024 * 1024 / size))


def best_of(fn, articles: list[str], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        for article in articles:
            fn(article)
        times.append(time.perf_counter() - t)
    return min(times)


def throughput(name: str, articles: list[str]) -> float:
    import ftfy

    mb = sum(len(a.encode("utf-8")) for a in articles) / 1e6
    for article in articles[:50]:  # warm-up: the lexicon and models load once per process
        repair.fix_text(article)
        ftfy.fix_text(article)
    t_repair = best_of(repair.fix_text, articles)
    t_ftfy = best_of(ftfy.fix_text, articles)
    r, f = mb / t_repair, mb / t_ftfy
    print(f"{name:<8} {len(articles):5d} articles {mb:6.2f} MB   repair {r:7.2f} MB/s   "
          f"ftfy {f:6.2f} MB/s   repair/ftfy {r / f:5.1f}x")
    return r


def stream_memory(megabytes: float) -> float:
    """Peak memory (MB) of `repair fix FILE -o OUT` on a clean file of this size.

    Read from the child's VmHWM: ru_maxrss would carry the parent's high-water mark across exec.
    """
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.txt", Path(tmp) / "out.txt"
        text = "\n\n".join(clean_articles())
        with open(src, "w", encoding="utf-8") as f:
            for _ in range(max(1, round(megabytes * 1024 * 1024 / len(text.encode("utf-8"))))):
                f.write(text)
        code = ("import sys; from repair.cli import main; rc = main(sys.argv[1:]); "
                "print([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1])")
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", code, "fix", str(src), "-o", str(out)],
                              capture_output=True, text=True, check=True)
        elapsed = time.perf_counter() - t
        peak = int(proc.stdout.strip().splitlines()[-1]) / 1024
        size = src.stat().st_size / 1e6
        print(f"stream   {size:6.1f} MB file   peak memory {peak:6.0f} MB   {size / elapsed:5.2f} MB/s end to end")
        return peak


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=4.0, help="about this many megabytes of articles per set")
    ap.add_argument("--stream-mb", type=float, nargs="*", default=[10, 50])
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]}, one process, one article at a time, best of 3")
    clean = throughput("clean", repeat_to(clean_articles(), args.mb))
    damaged = throughput("damaged", repeat_to(damaged_articles(), args.mb))
    print(f"clean text passes {clean / damaged:.1f}x faster than damaged text is repaired")
    for mb in args.stream_mb:
        stream_memory(mb)


if __name__ == "__main__":
    main()
