"""Throughput of `repair` against ftfy on the same input, and memory of the streaming CLI.

    python scripts/benchmark.py [--mb 4] [--stream-mb 10 50]

Clean input: the clean seeds and fixtures/clean/ repeated to --mb megabytes.
Damaged input: seed 002 repeated (kashida, chunk-reversed lines, wrapped
paragraphs, private-use figures). Each is fixed whole by `repair.fix_text`
and by `ftfy.fix_text`, best of three runs, after a warm-up (the lexicon
loads once per process). Memory: peak RSS of `repair fix` on files of each
--stream-mb size.
"""

from __future__ import annotations

import argparse
import resource
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


def clean_text() -> str:
    seeds = ROOT / "fixtures" / "seeds"
    files = [p for p in sorted(seeds.glob("*.txt")) if not p.name.startswith("002")]
    files += sorted((ROOT / "fixtures" / "clean").glob("*.txt"))
    return "\n\n".join(read(p) for p in files) + "\n"


def damaged_text() -> str:
    return read(next((ROOT / "fixtures" / "seeds").glob("002_*.txt"))) + "\n\n"


def repeat_to(text: str, megabytes: float) -> str:
    size = len(text.encode("utf-8"))
    return text * max(1, int(megabytes * 1024 * 1024 / size))


def best_of(fn, text: str, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn(text)
        times.append(time.perf_counter() - t)
    return min(times)


def throughput(name: str, text: str) -> tuple[float, float]:
    import ftfy

    mb = len(text.encode("utf-8")) / 1e6
    repair.fix_text(text[:20000])  # warm-up: the lexicon and models load once per process
    ftfy.fix_text(text[:20000])
    t_repair = best_of(repair.fix_text, text)
    t_ftfy = best_of(ftfy.fix_text, text)
    r, f = mb / t_repair, mb / t_ftfy
    print(f"{name:<8} {mb:6.2f} MB   repair {r:7.2f} MB/s   ftfy {f:6.2f} MB/s   repair/ftfy {r / f:5.1f}x")
    return r, f


def stream_memory(megabytes: float) -> float:
    """Peak RSS (MB) of `repair fix FILE -o OUT` on a clean file of this size."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.txt", Path(tmp) / "out.txt"
        src.write_text(repeat_to(clean_text(), megabytes), encoding="utf-8")
        code = ("import resource, sys; from repair.cli import main; rc = main(sys.argv[1:]); "
                "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", code, "fix", str(src), "-o", str(out)],
                              capture_output=True, text=True, check=True)
        elapsed = time.perf_counter() - t
        peak = int(proc.stdout.strip().splitlines()[-1]) / 1024
        size = src.stat().st_size / 1e6
        print(f"stream   {size:6.1f} MB   peak RSS {peak:6.0f} MB   {size / elapsed:5.2f} MB/s end to end")
        return peak


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=4.0, help="size of the in-memory inputs")
    ap.add_argument("--stream-mb", type=float, nargs="*", default=[10, 50])
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]}, one process, best of 3")
    clean, _ = throughput("clean", repeat_to(clean_text(), args.mb))
    damaged, _ = throughput("damaged", repeat_to(damaged_text(), args.mb / 4))
    print(f"clean text passes {clean / damaged:.1f}x faster than damaged text is repaired")
    for mb in args.stream_mb:
        stream_memory(mb)


if __name__ == "__main__":
    main()
