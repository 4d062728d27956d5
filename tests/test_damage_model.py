"""The damage model (scripts/damage.py) does what it claims; fixtures are reproducible."""

import json
import random
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from bidi.algorithm import get_display

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import damage  # noqa: E402
import make_fixtures  # noqa: E402
from repair.arabic import NON_JOINING_LEFT, TATWEEL, is_arabic_letter, strip_diacritics  # noqa: E402

SOURCES = make_fixtures.clean_sources()
TEXTS = {name: path.read_text(encoding="utf-8") for name, path in SOURCES.items()}
LINES = [line for text in TEXTS.values() for line in text.split("\n") if damage.has_arabic(line)]
DAMAGED = ROOT / "fixtures" / "damaged"


def letters(text: str) -> Counter:
    return Counter(ch for ch in text if not ch.isspace())


def test_there_is_more_clean_text_than_the_seeds():
    assert {"seed_000", "seed_001", "seed_003", "seed_004"} <= set(SOURCES)
    assert all(not name.startswith("seed_002") for name in SOURCES)


# --- wrapping ------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_wrap_keeps_the_words_and_breaks_lines_at_75_to_95(name):
    text = TEXTS[name]
    log = []
    wrapped = damage.damage_wrap(text, random.Random(name), log)
    assert wrapped.split() == text.split()
    for line in wrapped.split("\n"):
        assert len(line.strip()) <= 95 or " " not in line.strip()
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    assert wrapped.count("\n") >= text.count("\n")
    assert len([p for p in wrapped.split("\n\n") if p.strip()]) >= len(paragraphs)
    for entry in log:
        if entry["kind"] == "page_break":
            assert wrapped.split("\n")[entry["line"] - 1] == ""


# --- kashida -------------------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_kashida_sits_between_joining_letters_and_removes_cleanly(seed):
    text = "\n".join(LINES[:40])
    log = []
    stretched = damage.damage_kashida(text, random.Random(seed), log, share=0.5)
    assert stretched.replace(TATWEEL, "") == text
    assert log and all(1 <= e["tatweel"] <= 4 for e in log)
    for i, ch in enumerate(stretched):
        if ch != TATWEEL or stretched[i - 1] == TATWEEL:
            continue
        j = i
        while stretched[j] == TATWEEL:
            j += 1
        before, after = stretched[i - 1], stretched[j]
        assert is_arabic_letter(before) and before not in NON_JOINING_LEFT
        assert is_arabic_letter(after)
        assert not (before == "ل" and after in "اأإآ")


# --- chunk reversal ------------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_chunk_reversal_reorders_chunks_cut_after_non_joining_letters(seed):
    rng = random.Random(seed)
    for line in LINES[seed * 20:(seed + 1) * 20]:
        cuts = damage.pick_cuts(line, rng)
        if not cuts:
            continue
        out = damage.reverse_chunks(line, cuts)
        assert letters(out) == letters(line)
        for cut in cuts:
            assert line[cut - 1] in NON_JOINING_LEFT and is_arabic_letter(line[cut])
        bounds = [0, *cuts, len(line)]
        chunks = [line[a:b].strip() for a, b in zip(bounds, bounds[1:])]
        assert out == " ".join(reversed(chunks))


def test_chunk_reversal_reproduces_the_seed_002_example():
    logical = "للمفاوضات التابعة للمعارضة السورية رياض حجاب، ورئيس المجلس المحلي لمدينة حلب بريتا"
    cuts = [logical.index("ية ر"), logical.index("ياض"), logical.index("يتا")]
    assert damage.reverse_chunks(logical, cuts) == (
        "يتا ياض حجاب، ورئيس المجلس المحلي لمدينة حلب بر ية ر للمفاوضات التابعة للمعارضة السور")


def test_chunk_reversal_logs_its_lines():
    text = "\n".join(LINES[:60])
    log = []
    out = damage.damage_chunk_reversal(text, random.Random(3), log, share=0.5)
    assert log
    src, dst = text.split("\n"), out.split("\n")
    for entry in log:
        n = entry["line"] - 1
        assert dst[n] != src[n] and letters(dst[n]) == letters(src[n])
        assert all(pair[0] in NON_JOINING_LEFT for pair in entry["after"])
    changed = {i for i, (a, b) in enumerate(zip(src, dst)) if a != b}
    assert changed == {e["line"] - 1 for e in log}


# --- visual order and presentation forms ---------------------------------


def test_visual_order_is_undone_by_the_bidi_algorithm():
    """Exactly so for lines without ``%`` (bidi moves a percent sign across its
    number, one way only); the lines with one are few."""
    undone = 0
    for line in LINES:
        visual = damage.to_visual(line)
        assert visual != line or len(set(line) - set(" ")) <= 1
        if get_display(visual, base_dir="R") == line:
            undone += 1
        else:
            assert "%" in line
    assert undone >= 0.9 * len(LINES)


def test_visual_order_keeps_digit_runs_left_to_right():
    assert damage.to_visual("قتل 120 شخصا") == "اصخش 120 لتق"


def same_up_to_mark_order(a: str, b: str) -> bool:
    """Equal letters in order and the same marks: a mark on the lam of a lam-alef
    ligature comes out after the alef (``حَوْلًا`` → ``حَوْلاً``), as reportlab's shaping does."""
    a, b = unicodedata.normalize("NFKC", a), unicodedata.normalize("NFKC", b)
    return strip_diacritics(a) == strip_diacritics(b) and Counter(a) == Counter(b)


def test_shaped_visual_lines_fold_back_to_the_line():
    for line in LINES[:100]:
        shaped = damage.to_visual(line, shaped=True)
        assert any("\ufb50" <= ch <= "\ufeff" for ch in shaped)
        if "%" not in line:
            assert same_up_to_mark_order(get_display(shaped, base_dir="R"), line)


def test_presentation_forms_keep_logical_order_and_fold_back():
    for line in LINES:
        shaped = damage.to_presentation(line)
        assert same_up_to_mark_order(shaped, line)


# --- words and figures ---------------------------------------------------


def test_split_words_only_insert_spaces_after_non_joining_letters():
    text = "\n".join(LINES)
    log = []
    out = damage.damage_split_words(text, random.Random(1), log, share=0.05)
    assert out.replace(" ", "") == text.replace(" ", "")
    assert log
    for entry in log:
        word, at = entry["word"], entry["at"]
        assert word[at - 1] in NON_JOINING_LEFT and word[:at] + " " + word[at:] in out.split("\n")[entry["line"] - 1]


def test_glued_digits_lose_only_the_space():
    out = damage.damage_glue_digits("نحو 85 بالمئة و120 ألف شخص في 2016", random.Random(0), share=1)
    assert out == "نحو 85بالمئة و120ألف شخص في 2016"


def test_pua_figures_use_one_injective_table_per_document():
    text = "\n".join(LINES)
    log = []
    table = damage.pua_table(random.Random(5))
    out = damage.damage_pua_figures(text, random.Random(5), log, table=table)
    assert not any(ch.isdigit() and ch.isascii() for ch in out)
    assert len(set(table.values())) == 10
    assert all("\ue000" <= v <= "\uf8ff" for v in table.values())
    back = {v: k for k, v in table.items()}
    assert "".join(back.get(ch, ch) for ch in out) == text


# --- fixture generation --------------------------------------------------


@pytest.mark.parametrize("set_name", sorted(damage.SETS))
def test_fixture_generation_is_deterministic_for_a_seed(set_name):
    name, text = "seed_001", TEXTS["seed_001"]
    first = make_fixtures.damage_text(set_name, 1, name, text)
    again = make_fixtures.damage_text(set_name, 1, name, text)
    other = make_fixtures.damage_text(set_name, 2, name, text)
    assert first == again
    assert first[0] != other[0]
    assert first[0] != text


def test_mixed_set_has_every_kind_of_damage():
    kinds = Counter()
    for name, text in TEXTS.items():
        log = []
        damage.SETS["mixed"](text, make_fixtures.rng_for("mixed", 1, name), log)
        kinds.update(e["kind"] for e in log)
    for kind in ("wrap", "page_break", "leading_space", "kashida", "chunk_reversal", "visual",
                 "presentation", "word_split", "digit_glue", "pua_figures"):
        assert kinds[kind] > 0, kind


def _committed_fixtures():
    for manifest_path in sorted(DAMAGED.glob("*/manifest.json")):
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        for stem, entry in manifest["files"].items():
            yield manifest_path.parent, manifest["set"], stem, entry


@pytest.mark.skipif(not DAMAGED.exists(), reason="fixtures/damaged not generated")
def test_committed_fixtures_match_the_damage_model():
    """Run scripts/make_fixtures.py after changing scripts/damage.py."""
    count = 0
    for folder, set_name, stem, entry in _committed_fixtures():
        source = ROOT / entry["source"]
        reference = (folder / f"{stem}.ref.txt").read_text(encoding="utf-8")
        if not source.exists() or source.read_text(encoding="utf-8") != reference:
            continue  # the clean source changed since; regenerating will pick it up
        name = stem.rsplit(".s", 1)[0]
        damaged, log = make_fixtures.damage_text(set_name, entry["seed"], name, reference)
        assert (folder / f"{stem}.txt").read_text(encoding="utf-8") == damaged, f"{set_name}/{stem}"
        assert make_fixtures.summarise(log)["counts"] == entry["counts"]
        count += 1
    assert count > 0


@pytest.mark.skipif(not DAMAGED.exists(), reason="fixtures/damaged not generated")
def test_fixtures_stay_small():
    size = sum(p.stat().st_size for p in DAMAGED.rglob("*") if p.is_file())
    assert size < 3_200_000


# --- evaluation ------------------------------------------------------------


def test_evaluate_reports_a_failing_step_and_goes_on(monkeypatch):
    import evaluate
    import repair.words

    def broken(word):
        raise RuntimeError("boom")

    monkeypatch.setattr(repair.words, "letters_only", broken)
    repaired = evaluate.run_repair("مدينة تدمر الأثر ية")
    assert repaired.errors and repaired.errors[0].startswith("words: RuntimeError")
    assert repaired.text == "مدينة تدمر الأثر ية"


def test_evaluate_scores_whitespace_folded_and_layout():
    import evaluate

    row = evaluate.score_pair("a b\nc", "a b c", "a b c")
    assert row["dist_before"] == 0 and row["layout_before"] == 1 and row["layout_after"] == 0
