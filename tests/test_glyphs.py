"""Glyph tables: anchors, the consecutive-digit prior, and the SQLite store (repair.glyphs)."""

from pathlib import Path
from types import SimpleNamespace

from conftest import read, seed

from repair.figures import resolve_figures
from repair.glyphs import (GlyphStore, compatible, consecutive_digit_prior, learn_table, split_codes, store_keys,
                           vote_anchors)
from repair.model import Config
from repair.siblings import load_siblings

# What the sibling evidence fixes in seed 002: 100 (مئة in 001) and 120 (001).
ANCHORS_002 = {"\ue008": "1", "\ue005": "0", "\ue009": "2"}


def pua(n: int) -> str:
    return chr(n)


# --- the prior -----------------------------------------------------------------------------

def test_prior_extends_the_002_line_to_every_digit_1_to_9():
    prior = consecutive_digit_prior(ANCHORS_002)
    assert prior == {pua(0xE007 + d): str(d) for d in range(3, 10)}


def test_prior_never_infers_zero():
    prior = consecutive_digit_prior({pua(0xF731): "1", pua(0xF732): "2"})
    assert "0" not in prior.values() and pua(0xF730) not in prior


def test_prior_counts_a_zero_that_sits_at_the_base():
    prior = consecutive_digit_prior({pua(0xF730): "0", pua(0xF731): "1"})
    assert prior[pua(0xF739)] == "9" and pua(0xF730) not in prior


def test_anchors_off_one_line_infer_nothing():
    assert consecutive_digit_prior({pua(0xE008): "1", pua(0xE00C): "2"}) == {}
    assert consecutive_digit_prior({pua(0xE008): "1", pua(0xE009): "2", pua(0xE020): "5"}) == {}


def test_one_anchor_infers_nothing():
    assert consecutive_digit_prior({pua(0xE008): "1"}) == {}
    assert consecutive_digit_prior({pua(0xE008): "1", pua(0xE005): "0"}) == {}


def test_a_zero_on_the_line_contradicts_the_prior():
    assert consecutive_digit_prior({pua(0xE008): "1", pua(0xE009): "2", pua(0xE00C): "0"}) == {}


def test_prior_works_on_cids_and_keeps_kinds_apart():
    prior = consecutive_digit_prior({"(cid:20)": "1", "(cid:21)": "2", pua(0xE008): "1"})
    assert prior["(cid:27)"] == "8" and all(c.startswith("(cid:") for c in prior)


def test_prior_never_overrides_an_anchor():
    table = learn_table(ANCHORS_002)
    assert table.entries["\ue005"].digit == "0" and table.entries["\ue005"].how == "anchor"
    assert table.entries["\ue00a"].how == "prior" and table.entries["\ue00a"].confidence < 1


def test_002_table_decodes_the_six_other_runs():
    table = learn_table(ANCHORS_002)
    runs = ["\ue009\ue00a", "\ue00a\ue005", "\ue008\ue009\ue005", "\ue00b\ue00f", "\ue00e\ue009\ue00f",
            "\ue008\ue00a\ue00a\ue00b\ue00d"]
    assert [table.decode(split_codes(r)).digits for r in runs] == ["23", "30", "120", "48", "728", "13346"]
    assert table.decode(["\ue006"]) is None


# --- anchors -------------------------------------------------------------------------------

def test_contradicting_readings_are_voted_out():
    votes = vote_anchors([(0, ["a", "b"], "10"), (1, ["a", "c"], "12"), (2, ["a"], "7")])
    assert votes.anchors == {"a": "1", "b": "0", "c": "2"} and votes.rejected == {2}


def test_a_tie_drops_both_sides():
    votes = vote_anchors([(0, ["a"], "1"), (1, ["a"], "7")])
    assert votes.anchors == {} and votes.rejected == {0, 1}


def test_one_digit_on_two_codes_is_a_contradiction():
    votes = vote_anchors([(0, ["a"], "1"), (1, ["b"], "1")])
    assert votes.anchors == {}


# --- the store -----------------------------------------------------------------------------

def test_store_keys():
    assert store_keys(["\ue008", "\uf731"]) == ["pua:E0", "pua:F7"]
    assert store_keys(["(cid:4)"]) == []
    assert store_keys(["(cid:4)", "\ue008"], font="Amiri") == ["font:Amiri"]


def test_store_round_trip(tmp_path):
    path = tmp_path / "glyphs.sqlite"
    store = GlyphStore(path)
    store.save("pua:E0", ANCHORS_002, "001")
    store.close()
    assert GlyphStore(path).load(["pua:E0"]) == ANCHORS_002


def test_compatibility():
    assert compatible(ANCHORS_002, {"\ue008": "1", "\ue00a": "3"})
    assert not compatible(ANCHORS_002, {"\ue008": "7"})
    assert not compatible(ANCHORS_002, {"\ue00c": "1"})


SIBLINGS = [seed(p) for p in ("000", "001", "003", "004")]


def _resolve(text, siblings, db):
    ctx = SimpleNamespace(config=Config(glyph_db=str(db)), siblings=load_siblings(siblings))
    return resolve_figures(text, ctx)


def test_a_learned_table_serves_the_next_article_in_the_font(tmp_path):
    db = tmp_path / "glyphs.sqlite"
    broken = read(seed("002"))
    _resolve(broken, SIBLINGS, db)
    assert GlyphStore(db).load(["pua:E0"]) == ANCHORS_002  # anchors only, never the prior's digits
    edits, figures, table = _resolve(broken, [], db)
    assert [f.value for f in figures] == ["100", "23", "30", "120", "120", "48", "728", "13346"]
    assert {f.status for f in figures} == {"inferred"}
    assert all("glyph_db table pua:E0" in f.evidence and f.confidence < 1 for f in figures)
    assert len(edits) == 8


def test_a_contradicting_store_is_neither_used_nor_updated(tmp_path):
    db = tmp_path / "glyphs.sqlite"
    GlyphStore(db).save("pua:E0", {"\ue008": "7", "\ue009": "8"}, "elsewhere")
    edits, figures, _ = _resolve(read(seed("002")), SIBLINGS, db)
    assert [f.value for f in figures][:2] == ["100", "23"]
    assert GlyphStore(db).load(["pua:E0"]) == {"\ue008": "7", "\ue009": "8"}


def test_without_evidence_the_store_stays_empty(tmp_path):
    db = tmp_path / "glyphs.sqlite"
    edits, figures, table = _resolve(read(seed("002")), [], db)
    assert edits == [] and table == {} and GlyphStore(db).load(["pua:E0"]) == {}
    assert Path(db).exists()


def test_a_page_table_is_not_used_for_codes_it_does_not_cover(tmp_path):
    db = tmp_path / "glyphs.sqlite"
    _resolve(read(seed("002")), SIBLINGS, db)
    text = "قتل نحو \ue0f1\ue0f2 شخصا في القصف"  # same page, codes far from the learned line
    edits, figures, _ = _resolve(text, [], db)
    assert edits == [] and figures[0].status == "unknown"


def test_a_font_name_keys_the_store_and_serves_cids(tmp_path):
    db = tmp_path / "glyphs.sqlite"
    story = "وقال المرصد إن {} شخصا قتلوا في القصف على الأحياء الشرقية من المدينة أمس"
    ctx = SimpleNamespace(config=Config(glyph_db=str(db)), font="Naskh-X",
                          siblings=load_siblings([story.format("12")]))
    resolve_figures(story.format("(cid:31)(cid:32)"), ctx)
    assert GlyphStore(db).load(["font:Naskh-X"]) == {"(cid:31)": "1", "(cid:32)": "2"}
    later = SimpleNamespace(config=Config(glyph_db=str(db)), font="Naskh-X", siblings=[])
    edits, figures, _ = resolve_figures("وصل (cid:34)(cid:35) مقاتلا", later)
    assert [e.after for e in edits] == ["45"] and figures[0].status == "inferred"
    other_font = SimpleNamespace(config=Config(glyph_db=str(db)), font="Other", siblings=[])
    assert resolve_figures("وصل (cid:34)(cid:35) مقاتلا", other_font)[0] == []
