"""Visual-order lines back in logical order, on real extractor output.

Fixtures: ``fixtures/pdf/`` (made by ``scripts/make_pdf_fixtures.py``).
CER is the Levenshtein distance over the reference length, whitespace folded.
"""

import re

import pytest

import repair

from conftest import CLEAN_FILES, PDF, cer, read
from repair import lexicon
from repair.arabic import arabic_share
from repair.offsets import apply_edits
from repair.presentation import fold_presentation_forms
from repair.visual import reorder_visual_lines, to_logical

ARABIC_WORD = re.compile("[\u0621-\u064a]+")


def fold(text: str) -> str:
    return apply_edits(text, fold_presentation_forms(text, None))[0]


def both_steps(text: str) -> str:
    folded = fold(text)
    return apply_edits(folded, reorder_visual_lines(folded, None))[0]


def fixture(name: str, extractor: str = "pdfminer") -> tuple[str, str]:
    return read(PDF / f"{name}.{extractor}.txt"), read(PDF / f"{name}.ref.txt")


PER_LINE = ["seed001_lines", "seed000_lines", "news_01_lines", "figures_lines"]


@pytest.mark.parametrize("name", PER_LINE)
def test_pdfminer_output_becomes_logical(name):
    text, ref = fixture(name)
    assert cer(text, ref) > 0.8
    assert cer(both_steps(text), ref) < 0.01


@pytest.mark.parametrize("path", CLEAN_FILES, ids=lambda p: p.name)
def test_clean_text_gets_no_edit(path):
    assert reorder_visual_lines(read(path), None) == []


@pytest.mark.parametrize("name", PER_LINE + ["libreoffice_dejavu", "seed001_paragraph"])
@pytest.mark.parametrize("extractor", ["pdftotext", "pymupdf"])
def test_logical_extractor_output_is_not_reordered(name, extractor):
    # pdftotext and PyMuPDF give words in logical order (whatever else is wrong).
    assert reorder_visual_lines(fold(read(PDF / f"{name}.{extractor}.txt")), None) == []


def test_figures_keep_their_direction_and_brackets_mirror():
    text, ref = fixture("figures_lines")
    out = [line for line in both_steps(text).splitlines() if line.strip()]
    assert out == ref.splitlines()
    joined = "\n".join(out)
    for kept in ("قتل 85 شخصا", "عام 2012", "12.5%", "(مقارنة مع 9% في عام 2011).", "15/11/2016",
                 "Associated Press", "The New York Times"):
        assert kept in joined
    assert "58" not in joined and "2102" not in joined


def test_percent_after_arabic_and_at_line_start():
    # After Arabic letters a number is an Arabic number and its % stays at the
    # right-to-left level (stored left of it); at the start of a line it is a
    # European number and takes the % along (python-bidi alone gets both wrong).
    assert to_logical("%44.4 :ةكراشملا ةبسن") == "نسبة المشاركة: 44.4%"
    assert to_logical("ةنراقم 3.4%") == "3.4% مقارنة"
    assert to_logical("ةعاس 2-1 نيب") == "بين 1-2 ساعة"


def test_round_trip_through_the_bidi_algorithm_on_the_clean_corpus():
    # python-bidi's get_display is what the reportlab recipe draws: undoing it
    # must give back every clean line.
    from bidi.algorithm import get_display

    lines = [line.strip() for path in CLEAN_FILES for line in read(path).splitlines()]
    lines = [line for line in lines if line and arabic_share(line) > 0.5
             and not any(ord(ch) >= 0x1F000 for ch in line)]
    assert len(lines) > 300
    wrong = [line for line in lines if to_logical(get_display(line, base_dir="R")) != line]
    assert wrong == []


def test_one_edit_per_reordered_line():
    text = fold(fixture("seed001_lines")[0])
    edits = reorder_visual_lines(text, None)
    assert len(edits) == len([line for line in text.splitlines() if line.strip()])
    assert all("\n" not in text[e.start:e.end] for e in edits)
    assert {e.kind for e in edits} == {"visual_order"}
    assert all("Zipf" in e.evidence for e in edits)


def test_paragraph_bidi_lines_are_made_logical_here_and_put_in_order_by_line_order():
    # reportlab's Paragraph fed a whole paragraph in visual order: each line
    # reads backwards and the lines of a paragraph come bottom-up.  No word is
    # split across lines, so this step only makes each line logical; the
    # line_order step that follows reads the paragraphs bottom up.
    text, ref = fixture("seed001_paragraph")
    folded = fold(text)
    edits = reorder_visual_lines(folded, None)
    assert edits and not any("line order" in e.evidence for e in edits)
    result = repair.fix_and_explain(text)
    assert cer(result.text, ref) < 0.01
    assert [c.kind for c in result.changes].count("line_order") == 1


def test_line_order_reversed_only_where_a_split_word_shows_it():
    # A paragraph bidi'd as a whole, its lines stored bottom-up, a word split
    # across the line break: read bottom-up, the halves make a word.
    from bidi.algorithm import get_display

    first, second = "وقال المرصد إن حدة الاشتبا", "كات تراجعت بعد ظهر اليوم في المدينة"
    text = get_display(second, base_dir="R") + "\n" + get_display(first, base_dir="R")
    edits = reorder_visual_lines(text, None)
    assert len(edits) == 2
    assert all("line order reversed inside the paragraph" in e.evidence for e in edits)
    assert apply_edits(text, edits)[0] == first + "\n" + second
    # the same lines stored top-down stay in place
    text = get_display(first, base_dir="R") + "\n" + get_display(second, base_dir="R")
    assert apply_edits(text, reorder_visual_lines(text, None))[0] == first + "\n" + second


def test_a_lone_short_line_needs_a_strong_margin():
    assert reorder_visual_lines("بلح", None) == []             # بلح (dates) is a word too
    assert reorder_visual_lines("لاتقلا رمتسا", None) != []     # استمر القتال
    # next to a visual line, the weaker bar applies
    text = "ةينغو ةفلكلا ةصيخر ،ماشلا دالب يف ةيبعشلا قابطألا رهشأ نم ةردجملا\nنشخ لغرب بوك 1.5 •"
    assert both_steps(text).splitlines()[1] == "• 1.5 كوب برغل خشن"


def test_pdfminer_fragments_split_at_a_shadda_are_joined():
    # reportlab + Amiri with harakat: pdfminer breaks lines at shadda glyphs and
    # lists the pieces as separate boxes; pieces that run on into each other
    # (the word across the break is a word) are joined into one line.
    text, ref = fixture("classical_01_lines")
    edits = reorder_visual_lines(fold(text), None)
    assert sum("fragments of one line" in e.evidence for e in edits) >= 10
    out = both_steps(text)
    assert "مِنْ عُيونِ الشِّعْرِ العَرَبِيِ" in out
    assert cer(text, ref) > 0.8 and cer(out, ref) < 0.05


def test_libreoffice_pdfminer_words_come_back():
    # pdfminer moves LibreOffice's digit and Latin runs to boxes of their own:
    # the order of the page is lost, but every line's words read forwards.
    text, ref = fixture("libreoffice_dejavu")
    ref_words = set(ARABIC_WORD.findall(ref))
    def share(t):
        words = ARABIC_WORD.findall(t)
        return sum(w in ref_words for w in words) / len(words)
    assert share(text) < 0.4
    assert share(both_steps(text)) > 0.98


def test_text_without_arabic_never_loads_the_lexicon(monkeypatch):
    def refuse():
        raise AssertionError("lexicon loaded")
    monkeypatch.setattr(lexicon, "_table", refuse)
    assert reorder_visual_lines("plain English, 85 and 2012\n(cid:12) ＡＢＣ", None) == []
