from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
CLEAN = ROOT / "fixtures" / "clean"


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


CLEAN_SEEDS = [seed(p) for p in ("000", "001", "003", "004")]
CLEAN_FILES = CLEAN_SEEDS + sorted(CLEAN.glob("*.txt"))


@pytest.fixture(scope="session")
def broken():
    return read(seed("002"))
