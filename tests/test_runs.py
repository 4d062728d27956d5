"""PyMuPDF's run order: lines whose direction runs came out in visual order."""

import pytest

import repair
from repair.runs import reorder_runs

from conftest import PDF, PDF_LINE_FIXTURES, cer, read



@pytest.mark.parametrize("name", PDF_LINE_FIXTURES)
def test_pymupdf_output_comes_back(name):
    text, ref = read(PDF / f"{name}.pymupdf.txt"), read(PDF / f"{name}.ref.txt")
    assert cer(repair.fix_text(text), ref) < 0.03 < cer(text, ref)


def test_figures_keep_their_digits_and_sentences_end_right():
    out = repair.fix_text(read(PDF / "figures_lines.pymupdf.txt"))
    assert "قتل 85 شخصا على الأقل في عام 2012 وفق تقرير نشرته وكالة Associated Press يوم الأحد." in out
    assert "ارتفعت نسبة البطالة إلى 12.5% في الربع الثالث (مقارنة مع 9% في عام 2011)." in out


def test_wrapped_clean_text_with_quotes_and_brackets_at_line_starts_stays():
    text = ("قال المتحدث باسم الوزارة في مؤتمر صحفي عقده صباح اليوم في العاصمة إن الحكومة\n"
            "«لن تتراجع عن خططها» مهما كانت الضغوط، مضيفا أن الإصلاحات ستطبق تدريجيا\n"
            "(على مراحل) خلال العام المقبل، وأن 85 بالمئة من المشاريع قد أنجزت فعلا.\n")
    assert reorder_runs(text, None) == []
    assert repair.fix_text(text) == text


def test_an_arabic_question_mark_at_a_line_end_stays_there():
    """؟ is a right-to-left letter to the bidi algorithm: PyMuPDF leaves it at the end of its run.
    Moved to the front, it hid a paragraph end, and the upside-down paragraphs of this PDF
    came back in the wrong order (CER 0.33)."""
    text, ref = read(PDF / "news_01_paragraph.pymupdf.txt"), read(PDF / "news_01_paragraph.ref.txt")
    fixed = repair.fix_text(text)
    assert "التي ستشرف عليها؟" in fixed
    assert cer(fixed, ref) < 0.005


def test_a_guillemet_round_the_first_word_and_a_dash_between_runs():
    """PyMuPDF on reportlab lines: ``.»الإخبارية« …`` keeps its guillemets round the word (only the
    full stop was shown first), and ``النزوح- وشهد … السبت`` is two runs around a dash in visual
    order (``السبت - الاحد``). seed000_lines went from CER 0.020 to 0.002."""
    text, ref = read(PDF / "seed000_lines.pymupdf.txt"), read(PDF / "seed000_lines.ref.txt")
    fixed = repair.fix_text(text)
    assert "«الإخبارية» السورية عن البرازي، إن الجيش انسحب من المدينة." in fixed
    assert "وشهد منتصف ليل السبت - الاحد جولة جديدة من النزوح." in fixed
    assert cer(fixed, ref) < 0.005


def test_a_line_opening_with_its_comma_shows_its_runs_in_visual_order():
    """``، تاريخ … ويتركز2012 هذه … العام``: the line's own leading comma says its runs are in
    visual order, though the document shows no mirrored bracket. Left as it was, it also hid the
    paragraph ends of this whole-paragraph PDF (seed001_paragraph, CER 0.077 -> 0.004). The comma
    itself goes to the line's end (``ويتركز،``), not after the figure: which of the two it was is
    not told by the line alone."""
    text, ref = read(PDF / "seed001_paragraph.pymupdf.txt"), read(PDF / "seed001_paragraph.ref.txt")
    fixed = repair.fix_text(text)
    assert "هذه الأحياء التي كانت تحت سيطرة الفصائل المعارضة منذ العام 2012" in fixed
    assert cer(fixed, ref) < 0.005
