"""Figure slots found and filled from siblings or the learned glyph table (repair.figures)."""

import itertools
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import CLEAN_FILES, ROOT, read, seed

import repair
from repair.figures import find_slots, resolve_figures
from repair.model import Config
from repair.siblings import Sibling, load_siblings, prepare, story_similarity, tokenize

SIBLINGS = [seed(p) for p in ("000", "001", "003", "004")]
SOURCE_001 = str(seed("001"))
# The eight figures of seed 002, in order: (words before, value, status).
TRUTH_002 = [
    ("ما لا يقل عن", "100", "confirmed"),
    ("من نوع ميغ", "23", "inferred"),
    ("أنهم استولوا على", "30", "inferred"),
    ("دبابات وقتلوا نحو", "120", "inferred"),
    ("منذ حوالى شهر", "120", "confirmed"),
    ("الرحيل سينفذ خلال", "48", "inferred"),
    ("ساعة إن", "728", "inferred"),
    ("أيضًا فإن", "13346", "inferred"),
]
PUA_RUN = re.compile("[\ue000-\uf8ff]+")


def resolve(text, siblings=(), config=None):
    ctx = SimpleNamespace(config=config or Config(), siblings=load_siblings(siblings), original=text)
    return resolve_figures(text, ctx)


def flattened(text: str) -> str:
    """Seed 002 with kashida stripped and lines joined, as the pipeline may hand it over."""
    return text.replace("\u0640", "").replace("\n", " ")


def assert_002_restored(figures, edits):
    assert [f.value for f in figures] == [value for _, value, _ in TRUTH_002]
    assert [f.status for f in figures] == [status for _, _, status in TRUTH_002]
    for figure, (words, _, _) in zip(figures, TRUTH_002):
        assert figure.context.replace("\u0640", "").split(" … ")[0].endswith(words), figure.context
    for figure in figures:
        if figure.status == "confirmed":
            assert figure.source == SOURCE_001 and figure.confidence >= 0.9
        else:
            assert figure.source is None and 0 < figure.confidence < 1
            assert "glyph table" in figure.evidence
        assert "004" not in (figure.source or "") and "004" not in figure.evidence.split("left out")[0]
    assert len(edits) == 8 and all(e.kind == "figure" for e in edits)


# --- seed 002 ------------------------------------------------------------------------------

def test_002_through_the_pipeline():
    result = repair.fix_and_explain(read(seed("002")), siblings=SIBLINGS)
    edits = [c for c in result.changes if c.kind == "figure"]
    assert_002_restored(result.figures, edits)
    assert [c.after for c in edits] == [value for _, value, _ in TRUTH_002]
    assert not PUA_RUN.search(result.text)
    for words in ("عن 100 عنصر", "ميغ 23", "على 30 دبابة", "نحو 120 من القوات", "شهر 120 ألف", "خلال 48 ساعة"):
        assert words in result.text, words
    assert result.glyph_table["\ue00a"] == "3" and result.glyph_table["\ue005"] == "0"


@pytest.mark.parametrize("prepare_text", [lambda t: t, flattened], ids=["raw", "flattened"])
def test_002_resolved_directly(prepare_text):
    text = prepare_text(read(seed("002")))
    edits, figures, table = resolve(text, SIBLINGS)
    assert_002_restored(figures, edits)
    assert [text[e.start:e.end] for e in edits] == PUA_RUN.findall(text)
    assert [f.slot for f in figures] == PUA_RUN.findall(text)
    assert {k: table[k] for k in ("\ue008", "\ue005", "\ue009")} == {"\ue008": "1", "\ue005": "0", "\ue009": "2"}


def test_the_other_120_comes_from_the_glyph_table_not_a_sibling():
    _, figures, _ = resolve(read(seed("002")), SIBLINGS)
    near = figures[3]
    assert near.context.startswith("وقذائف دبابات وقتلوا نحو") and near.status == "inferred"
    assert "U+E008=1 (anchor), U+E009=2 (anchor), U+E005=0 (anchor)" in near.evidence


def test_002_alone_keeps_every_figure_unknown():
    text = read(seed("002"))
    edits, figures, table = resolve(text, [])
    assert edits == [] and table == {}
    assert [f.status for f in figures] == ["unknown"] * 8 and all(f.value is None for f in figures)
    result = repair.fix_and_explain(text)
    assert not any(c.kind == "figure" for c in result.changes)
    assert PUA_RUN.findall(result.text) == PUA_RUN.findall(text)


def test_004_donates_nothing():
    text = read(seed("002"))
    edits, figures, _ = resolve(text, [seed("004")])
    assert edits == [] and all(f.status == "unknown" for f in figures)
    assert "004" in figures[0].evidence and "another story" in figures[0].evidence


def test_004_is_another_story_and_the_siblings_are_not():
    doc = prepare(read(seed("002")), lines_are_paragraphs=False)
    similarity = {p: story_similarity(doc, prepare(read(seed(p)))) for p in ("000", "001", "003", "004")}
    assert similarity["004"] < 0.09 <= min(similarity["000"], similarity["001"], similarity["003"])


def test_002_with_empty_slots_instead_of_glyphs():
    """The same article had the digits mapped to nothing: only evidence fills a slot."""
    text = PUA_RUN.sub("", read(seed("002")))
    edits, figures, _ = resolve(text, SIBLINGS)
    by_status = {f.status: [] for f in figures}
    for f in figures:
        by_status[f.status].append((f.context.replace("\u0640", ""), f.value))
    assert [v for _, v in by_status["confirmed"]] == ["100", "120"]
    assert all(f.kind == "empty" for f in figures)
    assert sorted(c.split(" … ")[0].split()[-1] for c, _ in by_status["unknown"]) == ["خلال", "على"]
    assert [e.after for e in edits] == [" 100 ", " 120 "]
    assert all(text[e.start:e.end] == "  " for e in edits)


# --- clean text ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["000", "001", "003", "004"])
def test_clean_seeds_alone_and_with_each_other_get_no_figure(name):
    text = read(seed(name))
    others = [seed(p) for p in ("000", "001", "003", "004") if p != name]
    for siblings in ([], others, others[:1]):
        assert resolve(text, siblings) == ([], [], {})
        result = repair.fix_and_explain(text, siblings=siblings)
        assert not any(c.kind == "figure" for c in result.changes) and result.figures == []


def test_the_doubled_space_in_003_is_not_a_slot():
    text = read(seed("003"))
    assert "داعش  فجر" in text
    assert find_slots(text, tokenize(text))[1] == []


@pytest.mark.parametrize("path", CLEAN_FILES, ids=lambda p: p.name)
def test_clean_files_have_no_slots(path):
    text = read(path)
    assert find_slots(text, tokenize(text))[1] == []


# --- slots ------------------------------------------------------------------------------------

def test_cid_runs_are_one_figure():
    text = "وقتل (cid:20)(cid:21) شخصا في القصف"
    _, slots = find_slots(text, tokenize(text))
    assert [(s.kind, s.codes) for s in slots] == [("cid", ("(cid:20)", "(cid:21)"))]
    edits, figures, table = resolve(text, ["وقتل 12 شخصا في القصف الذي استهدف المدينة"])
    assert edits[0].after == "12" and {k: table[k] for k in ("(cid:20)", "(cid:21)")} == {"(cid:20)": "1", "(cid:21)": "2"}


def test_glyphs_glued_inside_a_word_are_not_figures():
    text = "مــن(cid:4)ـن كتب ال\ue008كتاب"
    assert find_slots(text, tokenize(text))[1] == []


def test_a_proclitic_or_written_tatweel_before_a_figure_is_fine():
    text = "منذ الـ\ue008\ue009 من الشهر و\ue00a آخرين بـ\ue00b%"
    _, slots = find_slots(text, tokenize(text))
    assert len(slots) == 3


@pytest.mark.parametrize("text, strong", [
    ("سينفذ خلال  ساعة من الآن", True),
    ("قتل ما لا يقل عن  عنصر من القوات", True),
    ("وصل نحو  من المقاتلين", False),
    ("استمر القتال  يوما", False),
])
def test_empty_slots_need_a_numeral_context(text, strong):
    _, slots = find_slots(text, tokenize(text))
    assert slots and slots[0].strong is strong
    _, figures, _ = resolve(text)
    assert [f.status for f in figures] == (["unknown"] if strong else [])


@pytest.mark.parametrize("text", ["تراجع تنظيم داعش  فجر الأحد", "قال  إن", "مقتل خمسة  آلاف شخص"])
def test_doubled_spaces_elsewhere_are_left_alone(text):
    assert find_slots(text, tokenize(text))[1] == []
    assert resolve(text, [text.replace("  ", " 5 ")]) == ([], [], {})


# --- reading siblings ---------------------------------------------------------------------------

DOC = "وأفادت الوكالة الرسمية بخروج \ue00b\ue008\ue008\ue008 مدني من القسم الجنوبي من أحياء المدينة"


@pytest.mark.parametrize("sibling, value", [
    ("وأفادت الوكالة الرسمية بخروج أربعة آلاف مدني من القسم الجنوبي من أحياء المدينة", "4000"),
    ("وأفادت الوكالة الرسمية بخروج ٤٠٠٠ مدني من القسم الجنوبي من أحياء المدينة", "4000"),
    ("وأفادت الوكالة الرسمية بخروج 4 آلاف مدني من القسم الجنوبي من أحياء المدينة", "4000"),
])
def test_number_words_and_styles_are_read(sibling, value):
    _, figures, _ = resolve(DOC, [sibling])
    assert (figures[0].value, figures[0].status) == (value, "confirmed")


def test_a_slot_before_alaf_takes_only_the_digits():
    doc = DOC.replace("\ue00b\ue008\ue008\ue008 مدني", "\ue00b آلاف مدني")
    sibling = "وأفادت الوكالة الرسمية بخروج أربعة آلاف مدني من القسم الجنوبي من أحياء المدينة"
    assert resolve(doc, [sibling])[1][0].value == "4"


def test_digits_followed_by_alf_fill_a_slot_followed_by_alf():
    doc = "ودفع الهجوم منذ حوالى شهر \ue001\ue002\ue000 ألف شخص إلى الفرار من الأحياء الشرقية"
    _, figures, _ = resolve(doc, ["ودفع الهجوم منذ حوالي شهر مئة وعشرين ألف شخص إلى الفرار من الأحياء الشرقية"])
    assert figures[0].value == "120"


def test_restored_figures_follow_the_document_digit_style():
    doc = "أعلن في عام ٢٠١٦ أن ما لا يقل عن \ue008\ue005\ue005 عنصر قتلوا في مدينة تدمر ومحيطها"
    edits, figures, _ = resolve(doc, ["وأعلن أن ما لا يقل عن 100 عنصر قتلوا في مدينة تدمر ومحيطها"])
    assert edits[0].after == "١٠٠" and figures[0].value == "١٠٠"


STORY = "وقال المرصد إن {} شخصا قتلوا في القصف على الأحياء الشرقية من المدينة أمس"


def test_disagreeing_siblings_without_majority_leave_the_slot_unknown():
    doc = STORY.format("\ue001\ue002")
    edits, figures, _ = resolve(doc, [STORY.format("12"), STORY.format("15")])
    assert edits == [] and figures[0].status == "unknown"
    assert "siblings disagree (12 ×1, 15 ×1)" in figures[0].evidence


def test_a_clear_majority_wins_and_the_conflict_is_reported():
    doc = STORY.format("\ue001\ue002")
    _, figures, _ = resolve(doc, [Sibling(STORY.format("12"), "a"), Sibling(STORY.format("12"), "b"),
                                  Sibling(STORY.format("15"), "c")])
    assert figures[0].value == "12" and figures[0].status == "confirmed"
    assert "majority over 1 disagreeing" in figures[0].evidence and "c:" in figures[0].evidence


def test_a_reading_that_does_not_fit_the_slot_is_refused():
    doc = STORY.format("\ue001\ue002")
    edits, figures, _ = resolve(doc, [STORY.format("120")])
    assert edits == [] and "does not fit 2 digits" in figures[0].evidence


def test_glyph_contradictions_demote_confirmed_figures():
    """A sibling that reads U+E001 as 1 in one figure and 7 in another is believed in neither."""
    other = "وفي حادث آخر أصيب {} جنود بجروح خطيرة قرب الحدود الشمالية للبلاد"
    doc = STORY.format("\ue001\ue002") + ". " + other.format("\ue001")
    sibling = STORY.format("12") + ". " + other.format("7")
    edits, figures, _ = resolve(doc, [sibling])
    assert edits == [] and [f.status for f in figures] == ["unknown", "unknown"]
    assert all("contradicts the glyphs" in f.evidence for f in figures)


def test_a_sibling_with_two_similar_figures_is_ambiguous():
    doc = STORY.format("\ue001\ue002")
    edits, figures, _ = resolve(doc, [STORY.format("12") + ". " + STORY.format("15")])
    assert edits == [] and figures[0].status == "unknown"


def test_figures_never_overlap_and_edit_only_their_slot():
    text = read(seed("002"))
    edits, figures, _ = resolve(text, SIBLINGS)
    spans = sorted((e.start, e.end) for e in edits)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert {(f.start, f.end) for f in figures} == set(spans)


# --- the generated fixtures ----------------------------------------------------------------------

def test_fixture_sets_have_no_wrong_figure_and_recover_where_evidence_exists():
    sys.path.insert(0, str(ROOT / "scripts"))
    from evaluate_figures import evaluate

    result = evaluate(ROOT / "fixtures" / "figures")
    assert result["wrong"] == 0, result["sets_with_wrong"]
    assert result["recall"] >= 0.9
    assert len(result["sets"]) >= 40
    seed_002 = result["sets"]["seed_002"]
    assert seed_002["recovered"] == 8 and seed_002["confirmed"] == 2
    clean = [s for name, s in result["sets"].items() if name.startswith("clean_")]
    assert clean and all(s["spurious"] == 0 for s in clean)


def test_fixture_manifest_states_the_truth_of_seed_002():
    import json

    manifest = json.loads((ROOT / "fixtures" / "figures" / "manifest.json").read_text(encoding="utf-8"))
    entry = next(e for e in manifest["sets"] if e["name"] == "seed_002")
    assert [s["truth"] for s in entry["slots"]] == [v for _, v, _ in TRUTH_002]
    assert Path(ROOT / "fixtures" / "figures" / entry["document"]).resolve() == seed("002").resolve()


def _slot_key(slot):
    return (slot.kind, slot.start, slot.end, slot.text, slot.codes, slot.layout, slot.strong)


def _texts_with_slots():
    """Every fixture and a few hundred random strings of slot-like pieces (figures, spaces, CIDs)."""
    import random

    texts = [read(p) for p in sorted(ROOT.glob("fixtures/**/*.txt"))]
    rng = random.Random(1)
    pieces = ["خلال", "ساعة", "عن", "عنصر", "نحو", "  ", " ", "\n", "\ue008", "\ue005\ue006", ".", "،",
              "(cid:12)", "(cid:3)(cid:4)", "و", "ب", "ثلاثة", "12", "١٢", "%", "abc", "\u0640", "مدينة",
              "\u00a0\u00a0", "\t", "\ue008,\ue009", "٫", ",", "\ue001.", "(cid:1),(cid:2)", "5.", "(", "(cid:x)"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(400)]
    return texts


def test_slots_found_around_signs_are_those_of_the_whole_text():
    """Without siblings only the text around possible slots is tokenised: same slots, same contexts."""
    from repair import figures

    for text in _texts_with_slots():
        tokens, slots = find_slots(text, tokenize(text))
        want = [(_slot_key(s), figures.slot_context(text, tokens, s)) for s in slots]
        for reach in (figures.REACH, 3):
            got = [(_slot_key(s), c) for s, c in figures.slots_with_context(text, reach)]
            assert got == want, (reach, text[:200])
