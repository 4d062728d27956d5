"""Learn the n-gram tables of repair/ngram.py (repair/data/ngram.json.gz) from clean text.

Trains on corpus/*.txt and seed 004 only, as scripts/train_adjacency.py does:
seeds 000, 001, 002 and 003 and fixtures/clean/ (the source of fixtures/damaged/)
are evaluation data and stay out.

    python scripts/train_ngram.py
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "scripts"))

from repair.ngram import DATA, train  # noqa: E402
from train_adjacency import training_files  # noqa: E402


def main() -> None:
    files = training_files()
    tables = train(p.read_text(encoding="utf-8") for p in files)
    DATA.parent.mkdir(exist_ok=True)
    payload = json.dumps(tables, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    # mtime=0: the same text gives the same bytes
    with open(DATA, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as f:
        f.write(payload)
    sizes = {name: [len(o) for o in t["orders"]] for name, t in tables.items()}
    print(f"{len(files)} files -> {DATA} ({DATA.stat().st_size / 1e6:.2f} MB; contexts per order {sizes})")


if __name__ == "__main__":
    main()
