"""Harakat that pdf.js pushed off their words (repair/marks.py)."""

import repair
from repair.marks import reattach_marks

from conftest import PDF, cer, read


def test_pdfjs_vocalised_verse_gets_its_marks_back():
    """pdf.js on reportlab verse: every word's final haraka after the space (``مِن ْ عُيون ِ``),
    a line's last one at the line's start. CER 0.097 after repair without this step."""
    text, ref = read(PDF / "classical_01_lines.pdfjs.txt"), read(PDF / "classical_01_lines.ref.txt")
    result = repair.fix_and_explain(text)
    assert "مِنْ عُيونِ الشِّعْرِ العَرَبِيِّ" in result.text
    assert "قِفا نَبْكِ مِنْ ذِكْرى حَبيبٍ وَمَنْزِلِ" in result.text
    assert cer(result.text, ref) < 0.025
    assert all(c.evidence for c in result.changes if c.kind == "detached_mark")


def test_a_mark_shown_on_its_own_stays():
    """A text about the marks shows them alone, after a bracket or a space, not after a word."""
    text = "الفتحة ( َ ) والكسرة ( ِ ) والضمة ( ُ ) علامات الحركات."
    assert reattach_marks(text, None) == []
    assert repair.fix_text(text) == text


def test_line_opening_marks_move_only_where_words_lost_theirs():
    """Fewer than three detached marks: the line openings are not touched; a last word whose
    last letter has its own mark keeps it, and the opening mark stays where it is."""
    from repair.offsets import apply_edits
    assert apply_edits("ِقال ابن", reattach_marks("ِقال ابن", None))[0] == "ِقال ابن"
    text = "مِن ْ عُيون ِ الشِّعْر ِ\nِقالَ في مُعَلَّقَتِهِ:"
    assert apply_edits(text, reattach_marks(text, None))[0] == "مِنْ عُيونِ الشِّعْرِ\nِقالَ في مُعَلَّقَتِهِ:"
