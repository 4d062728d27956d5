"""poppler pdftotext's output: bidi marks, the left-to-right runs inside them, mirrored brackets."""

import pytest

import repair
from repair.brackets import mirror_brackets
from repair.controls import reading_order, strip_bidi_embeddings

from conftest import CLEAN_FILES, PDF, PDF_LINE_FIXTURES, cer, read



@pytest.mark.parametrize("name", PDF_LINE_FIXTURES)
def test_pdftotext_output_comes_back_to_a_few_characters_in_a_thousand(name):
    text, ref = read(PDF / f"{name}.pdftotext.txt"), read(PDF / f"{name}.ref.txt")
    assert cer(repair.fix_text(text), ref) < 0.005 < cer(text, ref)


def test_runs_pdftotext_wrapped_in_lre_are_put_in_reading_order():
    out = repair.fix_text(read(PDF / "news_01_lines.pdftotext.txt"))
    # ‪ 230‬ with the blank on its left, ‪ ،‬ with the comma after the blank, ‪ %30‬ with the sign first
    assert "صوتا من أصل 230 نائبا حضروا الجلسة، فيما عارضه 61 نائبا" in out
    assert "عن 30% من المقاعد للنساء و10% للشباب" in out
    assert "أقصاه الـ15 من أكتوبر/تشرين" in out
    figures = repair.fix_text(read(PDF / "figures_lines.pdftotext.txt"))
    assert "وفق تقرير نشرته وكالة Associated Press يوم الأحد." in figures
    assert "عقد الاجتماع في 15/11/2016 بحضور 120 مندوبا" in figures


def test_every_change_to_a_run_says_what_pdftotext_did():
    text = read(PDF / "seed001_lines.pdftotext.txt")
    runs = [e for e in strip_bidi_embeddings(text, None) if e.after.strip()]
    moved = [e for e in runs if e.after != text[e.start + 1:e.end - 1]]
    assert moved and all("display order" in e.evidence for e in moved)


@pytest.mark.parametrize("run, logical", [(" 230", "230 "), (" ،", "، "), (" ،2012", "2012، "),
                                          (" %12.5", "12.5% "), (" The New York Times", "The New York Times "),
                                          ("15/11/2016", "15/11/2016"), ("/", "/")])
def test_reading_order_of_a_left_to_right_run(run, logical):
    assert reading_order(run) == logical


def test_a_run_in_a_left_to_right_line_keeps_its_order():
    text = "\u202bسطر أول\u202c\n\u202bسطر ثان\u202c\n\u202bسطر ثالث\u202c\nSee \u202a ،\u202c here\n"
    out = repair.fix_text(text)
    assert "See  ، here" in out


def test_mirrored_brackets_of_a_reportlab_pdf_turn_round():
    out = repair.fix_text(read(PDF / "seed000_lines.pdftotext.txt"))
    assert "امام تنظيم «الدولة الاسلامية» (داعش)" in out
    assert "»الدولة" not in out and ")داعش" not in out


def test_brackets_stay_in_clean_text_and_where_the_evidence_is_one_bracket():
    class Damaged:
        damaged = True

    assert mirror_brackets("قال »الجيش إن", Damaged()) == []          # one stray bracket: a typo
    assert len(mirror_brackets("قال الوكالة )سانا( إن", Damaged())) == 2
    assert mirror_brackets("قال «الجيش» إن )مجددا(", Damaged()) == []  # as many the usual way

    class Clean:
        damaged = False

    assert mirror_brackets("قال »الجيش« إن )مجددا(", Clean()) == []


def test_clean_files_have_no_bracket_or_run_changes():
    for path in CLEAN_FILES:
        kinds = {c.kind for c in repair.fix_and_explain(read(path)).changes}
        assert not kinds & {"bracket", "bidi_control"}, path


def test_a_line_opening_with_a_mirrored_guillemet_is_not_taken_for_pymupdf_order():
    """pdftotext writes logical order: ``»المرصد … الجوي«.`` is brackets mirrored by the PDF's
    producer, not a line whose closing punctuation PyMuPDF put first. Read as the latter, it hid
    the paragraph ends that turn upside-down paragraphs round (CER 0.35)."""
    text, ref = read(PDF / "seed000_paragraph.pdftotext.txt"), read(PDF / "seed000_paragraph.ref.txt")
    result = repair.fix_and_explain(text)
    assert not [c for c in result.changes if c.kind == "run_order"]
    assert "«المرصد السوري لحقوق الانسان» رامي عبد الرحمن" in result.text
    assert cer(result.text, ref) < 0.005
