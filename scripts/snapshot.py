"""Fingerprint every output of `repair` on the fixtures, to check that a speed-up changed nothing.

    python scripts/snapshot.py > before.txt   # ... change code ...
    python scripts/snapshot.py > after.txt && diff before.txt after.txt

One line per input file: its path, a hash of the repaired text and a hash of
the changes and figures (kind, offsets, before/after, confidence, evidence).
Inputs: seeds (alone and with their siblings), fixtures/clean, fixtures/damaged,
fixtures/pdf extractions, fixtures/figures, corpus.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import repair  # noqa: E402


def digest(value: str) -> str:
    return hashlib.sha1(value.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def fingerprint(text: str, siblings=()) -> str:
    result = repair.fix_and_explain(text, siblings=siblings)
    changes = "\n".join(f"{c.kind}|{c.start}|{c.end}|{c.before}|{c.after}|{c.confidence}|{c.evidence}"
                        for c in result.changes)
    figures = "\n".join(repr(f) for f in result.figures)
    return f"{digest(result.text)} {digest(changes)} {digest(figures)} {len(result.changes)}"


def inputs():
    seeds = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
    for path in seeds:
        yield path, ()
        yield path, [p for p in seeds if p != path]
    for folder in ("clean", "damaged", "pdf", "figures"):
        for path in sorted((ROOT / "fixtures" / folder).rglob("*.txt")):
            if not path.name.endswith(".ref.txt"):
                yield path, ()
    yield from ((p, ()) for p in sorted((ROOT / "corpus").rglob("*.txt")))


def main() -> None:
    for path, siblings in inputs():
        text = path.read_text(encoding="utf-8")
        label = path.relative_to(ROOT).as_posix() + (" +siblings" if siblings else "")
        print(label, fingerprint(text, siblings))


if __name__ == "__main__":
    main()
