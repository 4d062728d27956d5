"""Wrapped lines joined, real breaks kept."""

import sys

import repair
from repair.paragraphs import continues, wrap_width

from conftest import CLEAN_FILES, ROOT, read

sys.path.insert(0, str(ROOT / "scripts"))
from damage import wrap_line  # noqa: E402


def wrapped_paragraphs():
    para1 = ("يواصل الجيش تقدمه في شرق المدينة بالتزامن مع فرار آلاف المدنيين من المناطق التي تسيطر عليها "
             "الفصائل المعارضة، إلا أنه مني بخسارة فادحة أمام التنظيم الذي تمكن مجددا من السيطرة على المدينة "
             "الأثرية بعد ساعات على طرده منها إثر غارات كثيفة.")
    para2 = ("وقال المرصد إن الاشتباكات توقفت في المدينة مع استمرار القصف الجوي على أطرافها الشرقية والشمالية "
             "خلال ساعات الليل، فيما نزح المئات من سكان القرى المجاورة نحو الريف الجنوبي بحثا عن الأمان.")
    return para1, para2


def wrap(paragraph, width=85):
    return wrap_line(paragraph, width)


def test_wrapped_paragraphs_rejoined_with_a_page_break_inside():
    p1, p2 = wrapped_paragraphs()
    lines1 = wrap(p1)
    lines1.insert(2, "")  # page break inside the sentence
    text = "\n".join(lines1) + "\n\nعنوان قصير\n\n" + "\n".join(wrap(p2)) + "\n"
    assert repair.fix_text(text) == p1 + "\n\nعنوان قصير\n\n" + p2 + "\n"


def test_paragraph_indent_removed_only_in_wrapped_documents():
    p1, p2 = wrapped_paragraphs()
    text = "\n".join(" " + l if i == 0 else l for i, l in enumerate(wrap(p1))) + "\n" + " " + "\n".join(wrap(p2))
    assert repair.fix_text(text) == p1 + "\n" + p2
    assert repair.fix_text(" سطر واحد.\n") == " سطر واحد.\n"


def test_clean_files_show_no_wrapping():
    for path in CLEAN_FILES:
        assert wrap_width(read(path).split("\n")) is None, path.name


def test_sentence_end_list_item_and_latin_stop_a_join():
    full = "كلمة " * 18
    assert not continues(full + "نهاية.", "بداية", 90)
    assert not continues(full, "1. بند", 90)
    assert not continues(full, "This is English text going on", 90)


def test_a_full_line_ending_a_sentence_runs_on_where_paragraphs_are_set_apart_by_blank_lines():
    """pdfminer's layout: a blank line after each paragraph, so a sentence that ends at a full
    line's end with the next line straight under it is inside the paragraph."""
    damaged = read(ROOT / "fixtures" / "damaged" / "chunks" / "news_01.s3.txt")
    fixed = repair.fix_text(damaged)
    assert "حدود الدوائر”. وتساءل أحد نوابها" in fixed
    assert "الجريدة الرسمية. وتقدر الهيئة" in fixed


def test_a_sentence_end_stays_a_line_end_where_paragraphs_are_not_set_apart():
    """The same article with its blank lines taken out: a paragraph's short last line now runs
    straight into the next paragraph, so no line ending a sentence is joined."""
    damaged = read(ROOT / "fixtures" / "damaged" / "chunks" / "news_01.s3.txt").replace("\n\n", "\n")
    assert wrap_width(damaged.split("\n")) is not None
    fixed = repair.fix_text(damaged)
    assert "حدود الدوائر”.\nوتساءل أحد نوابها" in fixed
