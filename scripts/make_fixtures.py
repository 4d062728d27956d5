"""Write the damaged fixtures: fixtures/damaged/<set>/<name>.s<seed>.txt.

For every set of :data:`damage.SETS` and every clean source text
(fixtures/clean/*.txt and the clean seeds 000, 001, 003, 004) it writes the
damaged text, ``<name>.s<seed>.ref.txt`` (the clean source, the reference)
and one ``manifest.json`` per set saying which damage went where.  The
``mixed`` set has every source under every seed; to keep the fixtures small,
the one-damage sets have every source once, under a seed picked from the
source's name (so the seeds are spread over the sources and adding a source
changes no other fixture); ``--all-seeds`` writes every seed everywhere.

    .venv/bin/python scripts/make_fixtures.py            # all sets, seeds 1 2 3
    .venv/bin/python scripts/make_fixtures.py --set chunks --seeds 7

Output is a pure function of the sources and the seeds.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import zlib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import damage  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CLEAN_SEEDS = ("000", "001", "003", "004")
DEFAULT_SEEDS = (1, 2, 3)


def clean_sources(root: Path = ROOT) -> dict[str, Path]:
    """Name -> path of every clean text: fixtures/clean/*.txt and the clean seeds."""
    sources = {p.stem: p for p in sorted((root / "fixtures" / "clean").glob("*.txt"))}
    for path in sorted((root / "fixtures" / "seeds").glob("*.txt")):
        prefix = path.name[:3]
        if prefix in CLEAN_SEEDS and not path.name.endswith(".ref.txt"):
            sources[f"seed_{prefix}"] = path
    return sources


def rng_for(set_name: str, seed: int, name: str) -> random.Random:
    """The random generator of one fixture: depends only on set, seed and name."""
    return random.Random(f"{set_name}:{seed}:{name}")


def fixture_pairs(set_name: str, names, seeds, all_seeds: bool = False) -> list[tuple[int, str]]:
    """(seed, source name) of every fixture of a set.

    >>> fixture_pairs("kashida", ["a", "b"], [1, 2, 3])
    [(1, 'a'), (3, 'b')]
    >>> len(fixture_pairs("mixed", ["a", "b"], [1, 2, 3]))
    6
    """
    if all_seeds or set_name == "mixed":
        return [(seed, name) for seed in seeds for name in names]
    return [(seeds[zlib.crc32(name.encode()) % len(seeds)], name) for name in names]


def damage_text(set_name: str, seed: int, name: str, text: str) -> tuple[str, list[dict]]:
    """The damaged text of one fixture and the log of what was done where."""
    log: list[dict] = []
    damaged = damage.SETS[set_name](text, rng_for(set_name, seed, name), log)
    return damaged, log


def summarise(log: list[dict]) -> dict:
    """Counts per damage kind and the places (lines, details) of each."""
    counts = Counter(entry["kind"] for entry in log if entry["kind"] != "wrap")
    wrap = [e for e in log if e["kind"] == "wrap"]
    if wrap:
        counts["wrap_breaks"] = sum(e["breaks"] for e in wrap)
    places = [e for e in log if e["kind"] != "wrap"]
    return {"counts": dict(sorted(counts.items())), "places": places}


def make_set(set_name: str, seeds, sources: dict[str, Path], out_root: Path,
             all_seeds: bool = False) -> dict:
    """Write one set's fixtures and manifest; return the manifest."""
    out = out_root / set_name
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    files = {}
    totals: Counter = Counter()
    for seed, name in fixture_pairs(set_name, list(sources), list(seeds), all_seeds):
        path = sources[name]
        text = path.read_text(encoding="utf-8")
        damaged, log = damage_text(set_name, seed, name, text)
        stem = f"{name}.s{seed}"
        (out / f"{stem}.txt").write_text(damaged, encoding="utf-8")
        (out / f"{stem}.ref.txt").write_text(text, encoding="utf-8")
        summary = summarise(log)
        totals.update(summary["counts"])
        files[stem] = {"source": str(path.relative_to(ROOT)), "seed": seed, **summary}
    manifest = {"set": set_name, "seeds": list(seeds), "files": files,
                "totals": dict(sorted(totals.items()))}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8")
    return manifest


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=sorted(damage.SETS),
                        help="only this set (repeatable); default: all")
    parser.add_argument("--seeds", type=int, nargs="+", default=list(DEFAULT_SEEDS))
    parser.add_argument("--all-seeds", action="store_true",
                        help="every source under every seed in every set (larger)")
    parser.add_argument("--out", type=Path, default=ROOT / "fixtures" / "damaged")
    args = parser.parse_args(argv)
    sources = clean_sources()
    for set_name in args.set or list(damage.SETS):
        manifest = make_set(set_name, args.seeds, sources, args.out, args.all_seeds)
        print(f"{set_name:13} {len(manifest['files']):4} files  {manifest['totals']}")
    print(f"total size of {args.out}: {tree_size(args.out) / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
