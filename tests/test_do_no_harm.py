"""Do no harm: clean text comes out byte-identical, and fixing is idempotent."""

import pytest

import repair
from conftest import CLEAN_FILES, CLEAN_SEEDS, read


@pytest.mark.parametrize("path", CLEAN_FILES, ids=lambda p: p.name)
def test_clean_text_is_byte_identical(path):
    text = read(path)
    result = repair.fix_and_explain(text)
    assert result.text == text
    assert result.changes == []
    assert repair.diagnose(text).is_clean


@pytest.mark.parametrize("path", CLEAN_SEEDS, ids=lambda p: p.name)
def test_clean_seeds_with_each_other_as_siblings_are_untouched(path):
    siblings = [p for p in CLEAN_SEEDS if p != path]
    assert repair.fix_text(read(path), siblings=siblings) == read(path)


def test_legitimate_tatweel_survives():
    text = "وافادت الوكالة بـ «خروج اربعة الاف مدني» ووصف ما يحصل بـ\"النزوح الهائل\" منذ الـ8 من كانون الأول"
    assert repair.fix_text(text) == text


def test_fixing_the_broken_seed_is_idempotent(broken):
    once = repair.fix_text(broken)
    assert repair.fix_text(once) == once


@pytest.mark.parametrize("path", CLEAN_FILES[:6], ids=lambda p: p.name)
def test_every_family_off_but_one_still_harmless(path):
    text = read(path)
    families = ["presentation_forms", "visual_order", "kashida", "chunk_reversal", "words", "paragraphs", "figures"]
    for keep in families:
        config = repair.Config().without(*[f for f in families if f != keep])
        assert repair.fix_text(text, config=config) == text, keep


def test_the_training_corpus_comes_out_byte_identical():
    """297 more clean articles (corpus/): not one change."""
    from conftest import ROOT

    changed = [p.name for p in sorted((ROOT / "corpus").glob("*.txt")) if repair.fix_text(read(p)) != read(p)]
    assert changed == []


def test_fixing_every_damaged_fixture_is_idempotent():
    from conftest import ROOT

    paths = [p for p in sorted((ROOT / "fixtures" / "damaged").glob("*/*.txt")) if not p.name.endswith(".ref.txt")]
    paths += sorted((ROOT / "fixtures" / "pdf").glob("*.txt"))
    not_fixed_points = []
    for path in paths:
        once = repair.fix_text(read(path))
        if repair.fix_text(once) != once:
            not_fixed_points.append(path.name)
    assert len(paths) > 250 and not_fixed_points == []
