"""Presentation forms and swapped lam-alefs, on real extractor output.

Fixtures: ``fixtures/pdf/`` (made by ``scripts/make_pdf_fixtures.py``):
reportlab PDFs extracted by pdfminer.six (visual order, presentation forms)
and poppler pdftotext (logical order, presentation forms); LibreOffice PDFs
set in DejaVu Sans extracted by PyMuPDF (lam-alef written alef first).
"""

import re
import unicodedata

import pytest

from conftest import CLEAN_FILES, PDF, read
from repair import lexicon
from repair.offsets import apply_edits
from repair.presentation import PRESENTATION_FORM, fold_presentation_forms, unswap_lam_alef
from repair.visual import reorder_visual_lines

LAM_ALEF = re.compile("ل[اأإآ]")


def fold(text: str) -> str:
    return apply_edits(text, fold_presentation_forms(text, None))[0]


def both_steps(text: str) -> str:
    return apply_edits(fold(text), reorder_visual_lines(fold(text), None))[0]


def nfkc_forms_only(text: str) -> str:
    """What folding a logical-order text must give: NFKC on the two blocks only."""
    def one(ch):
        if not PRESENTATION_FORM.match(ch):
            return ch
        base = unicodedata.normalize("NFKC", ch)
        return base.lstrip(" ") if base.startswith(" ") and len(base) > 1 else base
    return "".join(one(ch) for ch in text)


@pytest.mark.parametrize("path", CLEAN_FILES, ids=lambda p: p.name)
def test_clean_text_gets_no_edit(path):
    assert fold_presentation_forms(read(path), None) == []


@pytest.mark.parametrize("ch", ["\ufb01", "\ufb4f", "\ufe50", "\ufe4f", "\ufeff", "\uff0c", "\uff21", "\u00b2", "\u2163"])
def test_compatibility_characters_outside_the_arabic_blocks_are_untouched(ch):
    # ﬁ, the last Hebrew presentation form, a small comma, a wavy low line,
    # the BOM, fullwidth forms, a superscript, a Roman numeral: around shaped Arabic too.
    text = f"ﻣﺮﺣﺒﺎ{ch} {ch}fine ﺑﻚ{ch}"
    out = fold(text)
    assert out.count(ch) == 3
    assert out == text.replace("ﻣﺮﺣﺒﺎ", "مرحبا").replace("ﺑﻚ", "بك")


def test_block_boundaries_are_folded():
    assert fold("\ufb50") == "\u0671"          # first of Presentation Forms-A: alef wasla
    assert fold("\ufefc") == "لا"              # last letter form of Forms-B: lam-alef final
    assert fold("\ufdf2") == "الله"


def test_only_presentation_code_points_change_inside_a_word():
    assert fold("ﺣﻠـﺐ،") == "حلـب،"           # tatweel and Arabic comma kept


def test_isolated_marks_lose_the_nfkc_space():
    assert fold("ﺑ\ufe76") == "ب\u064e"


@pytest.mark.parametrize("name", ["seed001_lines", "seed000_lines", "figures_lines", "news_01_lines"])
def test_logical_pdftotext_output_folds_like_nfkc_on_the_forms(name):
    text = read(PDF / f"{name}.pdftotext.txt")
    out = fold(text)
    assert not PRESENTATION_FORM.search(out)
    assert out == nfkc_forms_only(text)


def test_one_edit_per_changed_word():
    text = read(PDF / "seed001_lines.pdftotext.txt")
    edits = fold_presentation_forms(text, None)
    assert all(" " not in text[e.start:e.end] for e in edits)
    assert {e.kind for e in edits} == {"presentation_form"}


def test_ligatures_in_visual_lines_unfold_right_to_left():
    # pdfminer gives ﻻ ﻷ ﻵ ﻹ ﷲ inside lines stored right to left; after the
    # visual step they must read لا لأ الآن الإ الله.
    lines = [line for line in both_steps(read(PDF / "figures_lines.pdfminer.txt")).splitlines() if line.strip()]
    ref = read(PDF / "figures_lines.ref.txt").splitlines()
    assert "وقال عبد الله بن زايد إن لا مجال للتراجع الآن لأن الإصلاحات بدأت قبل 3 سنوات." in lines
    assert lines == ref


def test_a_lone_ligature_follows_the_shapes_of_its_line():
    assert fold("ﻻ ﺐﻠﺣ") == "ال بلح"            # visual line: unfolded right to left
    assert fold("ﺣﻠﺐ ﻻ") == "حلب لا"            # logical line
    assert both_steps("ﻻ ﺐﻠﺣ ﻲﻓ ﻝﺎﺘﻘﻟﺍ ﺮﻤﺘﺳﺍ") == "استمر القتال في حلب لا"


def test_visual_pdfminer_words_fold_to_reversed_reference_words():
    text = read(PDF / "seed001_lines.pdfminer.txt")
    ref_words = set(read(PDF / "seed001_lines.ref.txt").split())
    folded = fold(text).split()
    assert sum(w[::-1] in ref_words for w in folded) / len(folded) > 0.9


@pytest.mark.parametrize("extractor", ["pymupdf", "pdftotext"])
def test_lam_alef_swap_fixed_on_real_extractor_output(extractor):
    # LibreOffice + DejaVu Sans: PyMuPDF and poppler both write lam-alef alef first.
    text = read(PDF / f"libreoffice_dejavu.{extractor}.txt")
    ref = read(PDF / "libreoffice_dejavu.ref.txt")
    assert "اإلسالمية" in text and "األحد" in text and "خالل" in text
    out = fold(text)
    for word in ("الإسلامية", "الأحد", "خلال", "الإنسان", "فضلا", "الإنمائي", "للاستقرار"):
        assert word in out and word in ref
    wanted = sum(bool(LAM_ALEF.search(w)) for w in ref.split())
    found_before = sum(bool(LAM_ALEF.search(w)) for w in text.split())
    found_after = sum(bool(LAM_ALEF.search(w)) for w in out.split())
    assert found_before < wanted / 2
    assert found_after >= wanted - 2
    kinds = {e.kind for e in fold_presentation_forms(text, None)}
    assert kinds == {"lam_alef"}


def test_lam_alef_swap_fixed_after_visual_reversal_of_libreoffice_pdfminer_output():
    # The ligature's text ``لإ`` is copied into a line stored right to left:
    # reversing the line writes it alef first; the visual step swaps it back.
    out = both_steps(read(PDF / "libreoffice_dejavu.pdfminer.txt"))
    for word in ("الإسلامية", "الأحد", "آلاف", "إلا", "الإنسان"):
        assert word in out
    assert "اإلسالمية" not in out and "آالف" not in out


@pytest.mark.parametrize("word", ["بالإنتاج", "كالعادة", "السالم", "مالك", "فالمدينة", "والسلام",
                                  "الآلاف", "بالله", "هلل", "سالم", "عالم", "كاللاعب"])
def test_lam_alef_fix_leaves_real_words_alone(word):
    assert unswap_lam_alef(word) is None
    assert fold(f"قال {word} أمس") == f"قال {word} أمس"


def test_lam_alef_not_fixed_inside_visual_lines():
    # Reversed words can look swapped (لالخ → للاخ is a word): left to the visual step.
    text = "نيعوبسأ لالخ ديدج حزان فلأ 90 نم رثكأ :ةدحتملا ممألا"
    assert fold_presentation_forms(text, None) == []
    assert both_steps(text) == "الأمم المتحدة: أكثر من 90 ألف نازح جديد خلال أسبوعين"


def test_text_without_arabic_never_loads_the_lexicon(monkeypatch):
    def refuse():
        raise AssertionError("lexicon loaded")
    monkeypatch.setattr(lexicon, "_table", refuse)
    assert fold_presentation_forms("ﬁne print, 85 and 2012 — Reuters ＡＢＣ", None) == []
