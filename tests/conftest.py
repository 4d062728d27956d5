from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
PDF = ROOT / "fixtures" / "pdf"   # real-producer PDFs and their extractions (scripts/make_pdf_fixtures.py)
# The PDFs drawn a line at a time, each extractor's output of which comes back nearly whole.
PDF_LINE_FIXTURES = ["figures_lines", "news_01_lines", "seed000_lines", "seed001_lines",
                     "classical_01_lines", "libreoffice_dejavu"]
CLEAN = ROOT / "fixtures" / "clean"


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def cer(text: str, ref: str) -> float:
    """Character error rate of ``text`` against ``ref``, whitespace folded."""
    ref = " ".join(ref.split())
    return Levenshtein.distance(" ".join(text.split()), ref) / len(ref)


CLEAN_SEEDS = [seed(p) for p in ("000", "001", "003", "004")]
CLEAN_FILES = CLEAN_SEEDS + sorted(CLEAN.glob("*.txt"))


@pytest.fixture(scope="session")
def broken():
    return read(seed("002"))
