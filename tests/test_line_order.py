"""Paragraphs given last line first (a producer bidi'd each paragraph whole), put back in reading order."""

import textwrap

import pytest

import repair
from repair import line_order

from conftest import CLEAN_FILES, PDF, ROOT, cer, read



@pytest.mark.parametrize("name, extractor, at_most", [
    ("news_05_paragraph", "pdftotext", 0.01), ("news_05_paragraph", "pymupdf", 0.01),
    ("news_05_paragraph", "pdfminer", 0.01), ("news_01_paragraph", "pdftotext", 0.01),
    ("news_01_paragraph", "pdfminer", 0.01), ("seed001_paragraph", "pdftotext", 0.01),
    ("seed001_paragraph", "pymupdf", 0.1), ("seed000_paragraph", "pymupdf", 0.01),
])
def test_upside_down_paragraphs_come_back(name, extractor, at_most):
    text, ref = read(PDF / f"{name}.{extractor}.txt"), read(PDF / f"{name}.ref.txt")
    assert cer(text, ref) > 0.9
    result = repair.fix_and_explain(text)
    assert cer(result.text, ref) < at_most
    assert repair.fix_text(result.text) == result.text


def test_the_title_stays_on_top_and_each_paragraph_is_turned_on_its_own():
    result = repair.fix_and_explain(read(PDF / "news_05_paragraph.pdftotext.txt"))
    lines = [line for line in result.text.split("\n") if line.strip()]
    assert lines[0].startswith("باحثون عرب يطورون مستشعرا")
    assert lines[1].startswith("نجح فريق من الباحثين في كلية العلوم")
    change = next(c for c in result.changes if c.kind == "line_order")
    assert "bottom up" in change.evidence and "paragraph(s)" in change.evidence and change.confidence >= 0.9


@pytest.mark.parametrize("width", [60, 90])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_wrapped_clean_text_is_never_turned_round(width, gap):
    """Clean files wrapped as extraction gives them, in a document that shows damage elsewhere."""
    class Damaged:
        damaged = True

    for path in CLEAN_FILES:
        paragraphs = [p for p in read(path).split("\n") if p.strip()]
        text = gap.join("\n".join(textwrap.wrap(p, width)) for p in paragraphs)
        assert line_order.reverse_upside_down_paragraphs(text, Damaged()) == [], path


def test_a_block_that_ends_a_sentence_is_not_even_scored():
    assert not line_order.looks_upside_down(["بدأ الاجتماع صباحا", "وانتهى مساء."])
    assert line_order.reading_order(["سطر أول.", "سطر ثان", "سطر ثالث."]) == (None, 0.0)


def test_clean_documents_are_left_alone_whole():
    for path in CLEAN_FILES:
        assert not [c for c in repair.fix_and_explain(read(path)).changes if c.kind == "line_order"], path


def test_damaged_documents_in_reading_order_are_not_turned_round():
    """Every synthetic damaged fixture is in reading order (verse under ``وقال المتنبي:`` included)."""
    damaged = sorted(p for p in (ROOT / "fixtures" / "damaged").glob("*/*.txt") if not p.name.endswith(".ref.txt"))
    assert len(damaged) > 200
    for path in damaged:
        assert not [c for c in repair.fix_and_explain(read(path)).changes if c.kind == "line_order"], path


def test_a_colon_does_not_end_a_paragraph():
    assert line_order.ends_paragraph("انتهى الاجتماع.»")
    assert not line_order.ends_paragraph("وقال أبو الطيب المتنبي:")
