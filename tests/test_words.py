"""Repair family 5: split words joined, merged words split (repair/words.py)."""

from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

import repair
from repair.model import Config
from repair.offsets import apply_edits
from repair.words import best_split, repair_words, should_join

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
CLEAN_SEEDS = sorted(p for p in SEEDS.glob("*.txt") if p.name[:3] in ("000", "001", "003", "004")
                     and not p.name.endswith(".ref.txt"))
CLEAN = sorted((ROOT / "fixtures" / "clean").glob("*.txt"))
WORDS_SET = ROOT / "fixtures" / "damaged" / "words"


def fix(text: str) -> str:
    return apply_edits(text, repair_words(text, None))[0]


def folded(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("path", CLEAN_SEEDS + CLEAN, ids=lambda p: p.name)
def test_no_edit_on_clean_text(path):
    assert repair_words(path.read_text(encoding="utf-8"), None) == []


@pytest.mark.parametrize("damaged, clean", [
    ("مدينة تدمر الأثر ية، بالرغم من", "مدينة تدمر الأثرية، بالرغم من"),
    ("«الأثر ية»", "«الأثرية»"),
    ("عن 85بالمئة من", "عن 85 بالمئة من"),
    ("نحو 120ألف شخص", "نحو 120 ألف شخص"),
    ("يعيش فيمدينة حلب", "يعيش في مدينة حلب"),
    ("وز ير الخارجية", "وزير الخارجية"),
    ("في منطقة الشر قي من", "في منطقة الشرقي من"),
])
def test_real_damage_is_repaired(damaged, clean):
    assert fix(damaged) == clean


@pytest.mark.parametrize("text", [
    "وفي مدينة حلب", "بالمئة", "للمدنيين", "والجيش", "كتابها", "لاسيما", "مازال",
    "عبدالرحمن", "أبو ظبي", "في ما بعد", "و الجيش", "عام 2016م", "نحو 5كم", "1437هـ",
    "الـ15 من", "بـ «خروج", "منذ الـ8 من كانون", "ما تنساش", "آ ختي",
])
def test_attached_clitics_and_names_are_left_alone(text):
    assert repair_words(text, None) == []


@pytest.mark.parametrize("text", ["الأثر\nية", "الأثر، ية", "الأثر 5 ية", "الأثر-ية", "الأثر\tية\n"])
def test_never_joins_across_punctuation_digits_or_line_breaks(text):
    assert repair_words(text, None) == []


def test_proclitic_and_participle_readings_are_not_split():
    for word in ("فيتولى", "أنذهب", "لنبيع", "منفجر", "منحرجة", "ومنرجع", "بكلكل"):
        assert best_split(word) is None, word


def test_join_needs_a_fragment_or_a_clear_margin():
    assert should_join("الأثر", "ية")
    assert not should_join("عبد", "الرحمن")
    assert not should_join("أو", "لا")


def test_edits_are_well_formed():
    text = "سيطر على مدينة تدمر الأثر ية ونزح 85بالمئة فيمدينة حلب"
    edits = repair_words(text, None)
    assert {e.kind for e in edits} == {"word_join", "word_split"}
    last = -1
    for e in sorted(edits, key=lambda e: e.start):
        assert e.start >= last and 0 < e.confidence <= 1 and e.evidence
        assert e.after.replace(" ", "") == text[e.start:e.end].replace(" ", "")
        last = e.end


def test_tatweel_left_in_words_does_not_block_a_join():
    assert fix("الأثـر ية") == "الأثـرية"


def test_chunk_reversed_line_of_seed_002_is_left_to_the_chunk_step():
    text = (SEEDS / "002_7e4ab6964e81393c.txt").read_text(encoding="utf-8")
    line = next(l for l in text.splitlines() if l.replace("\u0640", "").startswith("يتا ياض"))
    assert repair_words(line, None) == []
    assert repair_words(line.replace("\u0640", ""), None) == []


def test_runs_in_the_pipeline():
    assert repair.fix_text("مدينة تدمر الأثر ية") == "مدينة تدمر الأثرية"
    assert repair.fix_text("مدينة تدمر الأثر ية", config=Config(words=False)) == "مدينة تدمر الأثر ية"


@pytest.mark.skipif(not WORDS_SET.exists(), reason="fixtures/damaged/words not generated")
def test_words_fixtures_are_mostly_repaired_and_never_made_worse():
    before = after = 0
    for ref_path in sorted(WORDS_SET.glob("*.ref.txt")):
        reference = folded(ref_path.read_text(encoding="utf-8"))
        damaged = ref_path.with_name(ref_path.name.replace(".ref.txt", ".txt")).read_text(encoding="utf-8")
        d_before = Levenshtein.distance(folded(damaged), reference)
        d_after = Levenshtein.distance(folded(fix(damaged)), reference)
        assert d_after <= d_before, ref_path.name
        before, after = before + d_before, after + d_after
    assert before > 0 and after <= 0.25 * before
