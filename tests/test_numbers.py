"""Figures as Arabic writes them: digits, number words, digit styles (repair.numbers)."""

from decimal import Decimal

import pytest

from repair.numbers import (COUNTED_NOUNS, NUMERAL_CUES, digit_style, fill_layout, format_digits, parse_digits,
                            parse_number, spell_number)
from repair.arabic import fold


@pytest.mark.parametrize("words, value", [
    ("مئة", 100), ("مائة", 100), ("ثلاثين", 30), ("ثلاثون", 30), ("ثمانية", 8), ("ثمانية عشر", 18),
    ("أربعة آلاف", 4000), ("ألف", 1000), ("ألفين", 2000), ("ألفان", 2000), ("مئتين", 200),
    ("مئة وعشرين", 120), ("ثلاثة وعشرين", 23), ("خمسة وعشرون", 25), ("ثلاثمئة وثمانية وأربعين", 348),
    ("ثلاث مئة", 300), ("ثلاثمائة", 300), ("أربعة آلاف وخمسمئة", 4500), ("ثلاثة عشر ألفا وثلاثمئة وستة وأربعين", 13346),
    ("إحدى عشرة", 11), ("اثنا عشر", 12), ("عشر", 10), ("عشرة ملايين", 10_000_000), ("مليونين", 2_000_000),
    ("120 ألف", 120_000), ("١٢٠ ألف", 120_000), ("1.5 مليون", 1_500_000), ("١٢٠", 120), ("13,346", 13346),
    ("مـــئة", 100),  # kashida left in a sibling
])
def test_number_words_and_digits_read(words, value):
    assert parse_number(words.split()) == Decimal(value)


@pytest.mark.parametrize("words", [
    "آلاف", "ملايين", "أحد", "مئات", "عشرات", "عشرين ثلاثة", "مئة مئة", "ألف ألف", "ثلاثة 120", "وعشرين",
    "ثلاثين وعشرين", "مئتين ألفين", "",
])
def test_not_a_figure(words):
    assert parse_number(words.split()) is None


def test_spelled_numbers_read_back():
    for n in list(range(1, 3000)) + [4000, 10_000, 13_346, 99_999, 120_000, 999_999]:
        assert parse_number(spell_number(n).split()) == n, (n, spell_number(n))


@pytest.mark.parametrize("text, value", [
    ("120", "120"), ("١٢٠", "120"), ("۴۸", "48"), ("13,346", "13346"), ("13٬346", "13346"),
    ("3.4", "3.4"), ("٣٫٤", "3.4"), ("1,5", "1.5"), ("1,234.5", "1234.5"),
])
def test_digit_strings(text, value):
    assert parse_digits(text) == Decimal(value)


def test_digit_string_rejects_words():
    assert parse_digits("12ab") is None and parse_digits("") is None


def test_a_slot_holds_only_a_figure_of_its_own_length():
    assert fill_layout(Decimal(100), "###") == "100"
    assert fill_layout(Decimal(100), "##") is None
    assert fill_layout(Decimal(120_000), "###") is None  # "120 ألف" fills three digits only as 120
    assert fill_layout(Decimal("3.4"), "#.#") == "3.4"
    assert fill_layout(Decimal(34), "#.#") is None
    assert fill_layout(Decimal(13346), "##,###") == "13,346"
    assert fill_layout(Decimal("2.0"), "#.#", written="2.0") == "2.0"


def test_digit_styles():
    assert digit_style("قتل 30 شخصا") == "western"
    assert digit_style("قتل ٣٠ شخصا في ٢٠١٦") == "arabic-indic"
    assert digit_style("۱۲۳ نفر") == "extended"
    assert digit_style("لا أرقام هنا") == "western"
    assert format_digits("13346", "arabic-indic") == "١٣٣٤٦"


def test_numeral_context_words_of_seed_002():
    for word in ("عنصر", "دبابة", "ساعة", "شخصًا", "مدنيًا", "ألف"):
        assert fold(word) in COUNTED_NOUNS, word
    for word in ("عن", "نحو", "حوالى", "خلال", "على"):
        assert fold(word) in NUMERAL_CUES, word
    assert fold("فجر") not in COUNTED_NOUNS and fold("داعش") not in NUMERAL_CUES
