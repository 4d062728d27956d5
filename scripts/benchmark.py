"""Throughput of `repair` against ftfy on the same articles, and memory of the streaming CLI.

    python scripts/benchmark.py [--stream-mb 10 50]

Articles are fixed one at a time, as a scraper or a batch job calls the
library, each article once: `repair` keeps small caches (words, word pairs,
clauses), and an article seen again would hit them, so no article is repeated.

- clean: the clean seeds, fixtures/clean/, corpus/ and corpus/pending/ (about
  2 MB, 450 articles); best of three passes (on clean text only word-level
  caches are touched).
- 002-like: seed 002, then every clean article damaged as 002 is (wrapped
  lines, kashida, chunk-reversed lines, private-use figures: scripts/damage.py).
- mixed: every clean article with every kind of damage at once (also
  visual-order lines, presentation forms, split and merged words).

Damaged sets are timed in one pass, after a warm-up on the `mixed` fixture set
(the lexicon and models load once per process).  `ftfy.fix_text` runs on the
same articles in the same process.  Memory: peak resident memory (VmHWM) of
`repair fix` on one file of each --stream-mb size.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import repair  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
import damage  # noqa: E402


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def clean_articles() -> list[str]:
    seeds = ROOT / "fixtures" / "seeds"
    files = [p for p in sorted(seeds.glob("*_*.txt")) if not p.name.startswith("002")]
    files += sorted((ROOT / "fixtures" / "clean").glob("*.txt")) + sorted((ROOT / "corpus").glob("*.txt"))
    files += sorted((ROOT / "corpus" / "pending").glob("*.txt"))
    return [read(p) for p in files if p.name != "README.md"]


def fixture_articles() -> list[str]:
    """The `mixed` damaged fixture set: the warm-up."""
    return [read(p) for p in sorted((ROOT / "fixtures" / "damaged" / "mixed").glob("*.txt"))
            if not p.name.endswith(".ref.txt")]


def damage_002_like(text: str, rng: random.Random) -> str:
    """Seed 002's kinds of damage: wrapped lines, kashida, chunk-reversed lines, private-use figures."""
    text = damage.damage_wrap(text, rng)
    text = damage.damage_kashida(text, rng)
    text = damage.damage_chunk_reversal(text, rng, share=0.1)
    return damage.damage_pua_figures(text, rng)


def damaged_articles(kind: str = "002-like") -> list[str]:
    """Seed 002 and every clean article damaged (``002-like`` or ``mixed``), each once."""
    make = damage_002_like if kind == "002-like" else damage.damage_mixed
    articles = [make(text, random.Random(f"{kind}:{i}")) for i, text in enumerate(clean_articles())]
    if kind == "002-like":
        articles.insert(0, read(next((ROOT / "fixtures" / "seeds").glob("002_*.txt"))))
    return articles


def timed_pass(fn, articles: list[str]) -> float:
    start = time.perf_counter()
    for article in articles:
        fn(article)
    return time.perf_counter() - start


def throughput(name: str, articles: list[str], passes: int = 1) -> float:
    """MB/s of repair and of ftfy on ``articles`` (best of ``passes``), printed side by side."""
    import ftfy

    mb = sum(len(a.encode("utf-8")) for a in articles) / 1e6
    for article in fixture_articles()[:30]:  # warm-up: the lexicon and models load once per process
        repair.fix_text(article)
        ftfy.fix_text(article)
    t_repair = min(timed_pass(repair.fix_text, articles) for _ in range(passes))
    t_ftfy = min(timed_pass(ftfy.fix_text, articles) for _ in range(passes))
    r, f = mb / t_repair, mb / t_ftfy
    print(f"{name:<9}{len(articles):5d} articles {mb:6.2f} MB   repair {r:7.2f} MB/s   "
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
    ap.add_argument("--stream-mb", type=float, nargs="*", default=[10, 50])
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]}, one process, one article at a time, each article once")
    clean = throughput("clean", clean_articles(), passes=3)
    damaged = throughput("002-like", damaged_articles("002-like"))
    throughput("mixed", damaged_articles("mixed"))
    print(f"clean text passes {clean / damaged:.1f}x faster than 002-like text is repaired")
    for mb in args.stream_mb:
        stream_memory(mb)


if __name__ == "__main__":
    main()
