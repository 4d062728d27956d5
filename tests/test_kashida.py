"""Kashida from justification goes; a writer's tatweel stays."""

import repair
from repair.kashida import is_stretched, remove_kashida
from repair.model import Config

from conftest import read, seed


class Ctx:
    config = Config()


def test_justified_lines_lose_every_stretch():
    line = "وكالـــة “أعمـــاق” المرتبطـــة بتنظيـــم “داعـــش” المتطـــرف قـــالت إن"
    assert repair.fix_text(line) == "وكالة “أعماق” المرتبطة بتنظيم “داعش” المتطرف قالت إن"


def test_seed_002_has_no_tatweel_left_and_each_change_is_one_word():
    text = read(seed("002"))
    edits = remove_kashida(text, Ctx())
    assert sum(e.end - e.start - len(e.after) for e in edits) == text.count("\u0640")
    assert all(" " not in text[e.start:e.end] for e in edits)


def test_written_prefixes_are_not_stretches():
    for token in ("بـ", "الـ", "لـ", "وبـ", "للـ", "وللـ", "فالـ"):
        assert not is_stretched(token), token


def test_one_decorated_word_in_clean_text_stays():
    text = "قال الشاعر: هذا جميـــل جدا، ثم مضى في طريقه."
    assert repair.fix_text(text) == text


def test_stray_stretched_word_goes_once_the_document_is_justified():
    text = "مــن نــوع ميــغ أقلعــت مــن مطــار\nقال إن الطائرة سقطـت قرب المدينة"
    assert "\u0640" not in repair.fix_text(text)
