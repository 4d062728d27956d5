"""Figures as Arabic writes them: digit strings, number words, digit styles.

Reads ``120``, ``١٢٠``, ``13,346``, ``3.4`` and number words (``مئة``,
``مائة``, ``ثلاثين``, ``أربعة آلاف``, ``ألفين``, ``مئة وعشرين``, ``120 ألف``)
into exact :class:`~decimal.Decimal` values, spells values back as words (for
the fixture generator), writes digits in a document's own style, and holds
the small vocabulary of words that stand next to figures (counted nouns such
as ``عنصر``/``ساعة``, and cues before them such as ``نحو``/``خلال``).

Number words are matched on :func:`repair.arabic.fold`-ed tokens, so
hamza, alef, yeh and teh-marbuta variants all read the same.

>>> parse_number(["أربعة", "آلاف"])
Decimal('4000')
>>> parse_number(["١٢٠"])
Decimal('120')
>>> format_digits("120", "arabic-indic")
'١٢٠'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .arabic import ARABIC_INDIC_DIGITS, EXTENDED_ARABIC_INDIC_DIGITS, WESTERN_DIGITS, fold

DIGIT_STYLES = {
    "western": WESTERN_DIGITS,
    "arabic-indic": ARABIC_INDIC_DIGITS,
    "extended": EXTENDED_ARABIC_INDIC_DIGITS,
}
_TO_WESTERN = str.maketrans(ARABIC_INDIC_DIGITS + EXTENDED_ARABIC_INDIC_DIGITS, WESTERN_DIGITS * 2)
ANY_DIGIT = WESTERN_DIGITS + ARABIC_INDIC_DIGITS + EXTENDED_ARABIC_INDIC_DIGITS
# Group and decimal separators seen inside figures: , . and the Arabic ٬ ٫.
SEPARATORS = ",.\u066b\u066c"
DIGIT_STRING = re.compile(f"[{ANY_DIGIT}]+(?:[{SEPARATORS}][{ANY_DIGIT}]+)*")
_NOT_DIGITS = re.compile(f"[^{ANY_DIGIT}]+")

# --- number words (folded forms) -------------------------------------------

def _folded(table: dict) -> dict:
    """A word table keyed by folded spellings (``مئة`` is looked up as ``ميه``).

    >>> _folded({"مئة": 100}) == {"ميه": 100}
    True
    """
    return {fold(word): value for word, value in table.items()}


UNITS = _folded({
    "واحد": 1, "واحدة": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5,
    "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8,
    "تسع": 9, "تسعة": 9,
})
# Units that only count as numbers before عشر/عشرة (أحد عشر, اثنا عشر).
TEEN_ONLY_UNITS = _folded({"أحد": 1, "إحدى": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2})
TEN = _folded({"عشر": 10, "عشرة": 10})
TENS = _folded({
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
})
HUNDRED_WORDS = {fold("مئة"), fold("مائة")}
HUNDREDS = _folded({"مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
                    "مئتا": 200, "مئتي": 200, "مائتا": 200, "مائتي": 200})
for _unit, _value in (("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("ثماني", 8), ("تسع", 9)):
    HUNDREDS[fold(_unit + "مئة")] = _value * 100
    HUNDREDS[fold(_unit + "مائة")] = _value * 100
# Scale words: singular (ألف), dual (ألفان = 2000), plural (آلاف, only after 3–10).
SCALES = _folded({"ألف": 1000, "ألفا": 1000, "مليون": 10**6, "مليونا": 10**6, "مليار": 10**9, "مليارا": 10**9,
                  "بليون": 10**9, "بليونا": 10**9})
DUAL_SCALES = _folded({"ألفان": 2000, "ألفين": 2000, "مليونان": 2 * 10**6, "مليونين": 2 * 10**6,
                       "ملياران": 2 * 10**9, "مليارين": 2 * 10**9})
PLURAL_SCALES = _folded({"آلاف": 1000, "ملايين": 10**6, "مليارات": 10**9})

SMALL_WORDS = {**UNITS, **TEN, **TENS, **HUNDREDS}
NUMBER_WORDS = set(SMALL_WORDS) | set(TEEN_ONLY_UNITS) | set(SCALES) | set(DUAL_SCALES) | set(PLURAL_SCALES)
SCALE_WORDS = set(SCALES) | set(DUAL_SCALES) | set(PLURAL_SCALES)

# --- words next to figures (folded forms) ---------------------------------

# Nouns and units that follow a figure: "48 ساعة", "100 عنصر", "30 دبابة".
COUNTED_NOUNS = frozenset(fold(w) for w in """
عنصر عنصرا عناصر شخص شخصا أشخاص مدني مدنيا مدنيين قتيل قتيلا قتلى جريح جريحا جرحى
مقاتل مقاتلا مقاتلين جندي جنديا جنود مسلح مسلحا مسلحين عسكري عسكريا عسكريين ضابط ضابطا ضباط
طفل طفلا أطفال امرأة نساء رجل رجلا عائلة عائلات أسرة أسر لاجئ لاجئا لاجئين نازح نازحا نازحين
معتقل معتقلا معتقلين سجين سجينا أسير أسيرا أسرى شرطي شرطيا عامل عاملا عمال موظف موظفا موظفين
طالب طالبا طلاب نائب نائبا نواب صوت صوتا أصوات مقعد مقعدا مقاعد
دبابة دبابات مدرعة مدرعات طائرة طائرات صاروخ صاروخا صواريخ قذيفة قذائف غارة غارات برميل براميل
سيارة سيارات حافلة حافلات منزل منزلا منازل مبنى مباني قرية قرى بلدة بلدات مدينة مدن حي أحياء
ساعة ساعات دقيقة دقائق ثانية ثوان يوم يوما أيام أسبوع أسبوعا أسابيع شهر شهرا أشهر شهور
سنة سنوات عام عاما أعوام قرن قرون مرة مرات
كيلومتر كيلومترا كيلومترات كلم كم متر مترا أمتار ميل ميلا هكتار هكتارا دونم دونما طن طنا أطنان
كيلوغرام كيلوغراما كغ لتر لترا درجة درجات نقطة نقاط
دولار دولارا دولارات يورو جنيه جنيها دينار دينارا درهم درهما ريال ريالا ليرة ليرات
بالمئة بالمائة % ٪ حالة حالات إصابة إصابات وفاة وفيات
ألف آلاف مليون ملايين مليار مليارات
""".split())

# Words a figure follows: "نحو 120", "خلال 48", "عن 100" (as in "لا يقل عن").
NUMERAL_CUES = frozenset(fold(w) for w in """
نحو حوالي حوالى قرابة زهاء خلال منذ بعد قبل لمدة مدة عن على إلى بين أكثر أقل أصل مجموع بلغ بلغت
""".split())


def to_western(text: str) -> str:
    """Arabic-Indic and extended (Persian) digits as Western digits.

    >>> to_western("١٣٬٣٤٦ و ۴۸")
    '13٬346 و 48'
    """
    return text.translate(_TO_WESTERN)


def parse_digits(text: str) -> Decimal | None:
    """The value of a digit string in any digit style, with group or decimal separators.

    A separator followed by exactly three digits (and not the last of
    several kinds) groups thousands; otherwise it is a decimal point.

    >>> parse_digits("13,346"), parse_digits("٣٫٤"), parse_digits("1,5")
    (Decimal('13346'), Decimal('3.4'), Decimal('1.5'))
    >>> parse_digits("12a") is None
    True
    """
    text = to_western(text)
    if not DIGIT_STRING.fullmatch(text):
        return None
    parts = re.split(f"[{SEPARATORS}]", text)
    if len(parts) == 1:
        return Decimal(text)
    seps = re.findall(f"[{SEPARATORS}]", text)
    if all(len(p) == 3 for p in parts[1:]) and len(set(seps)) == 1 and seps[0] not in ".\u066b":
        return Decimal("".join(parts))
    if len(parts) == 2:
        return Decimal(parts[0] + "." + parts[1])
    if all(len(p) == 3 for p in parts[1:-1]) and len(set(seps[:-1])) == 1 and seps[-1] != seps[0]:
        return Decimal("".join(parts[:-1]) + "." + parts[-1])
    return None


def is_number_word(token: str) -> bool:
    """True for a number word (``ثلاثين``, ``مئة``, ``آلاف``), also with a و prefix.

    >>> is_number_word("وعشرين"), is_number_word("عشرات")
    (True, False)
    """
    key = fold(token)
    return key in NUMBER_WORDS or (key.startswith("و") and key[1:] in NUMBER_WORDS)


def is_scale_word(token: str) -> bool:
    """True for ألف, آلاف, ألفين, مليون, مليار and their forms.

    >>> is_scale_word("ألف"), is_scale_word("مئة")
    (True, False)
    """
    return fold(token) in SCALE_WORDS


def parse_number(tokens: list[str]) -> Decimal | None:
    """The value of a whole figure written in digits and/or words, else None.

    Every token must belong to the figure.  Words join with و (``مئة
    وعشرين``); a digit string may come first and a scale word may follow it
    (``120 ألف`` reads 120000).

    >>> [parse_number(t.split()) for t in ["مئة", "مائة وعشرين", "ثلاثة وعشرين", "ألفين", "120 ألف"]]
    [Decimal('100'), Decimal('120'), Decimal('23'), Decimal('2000'), Decimal('120000')]
    >>> [parse_number(t.split()) for t in ["خمسة عشر", "ثلاث مئة", "أربعة آلاف وخمسمئة", "1.5 مليون"]]
    [Decimal('15'), Decimal('300'), Decimal('4500'), Decimal('1500000.0')]
    >>> parse_number("ثلاثمئة وثمانية وأربعين".split()), parse_number("ثلاثة وعشرين وأربعين".split())
    (Decimal('348'), None)
    >>> [parse_number(t.split()) for t in ["آلاف", "أحد", "عشرين ثلاثة", "مئة مئة", "ألف ألف", ""]]
    [None, None, None, None, None, None]
    >>> parse_number("مليون وألف".split())
    Decimal('1001000')
    """
    words = _number_words(tokens)
    if not words:
        return None
    figure = _Figure()
    for index, word in enumerate(words):
        if not figure.add(word, index):
            return None
    return figure.total + (figure.group or 0)


@dataclass(frozen=True)
class _Word:
    """One number word (or digit string) of a figure: its kind, value, and whether و joins it.

    >>> _Word("hundred", Decimal(100), True).joined
    True
    """

    kind: str  # digits, small, hundred, scale, plural, dual
    value: Decimal
    joined: bool


def _number_words(tokens: list[str]) -> list[_Word] | None:
    """The tokens as number words, a unit and عشر merged into a teen; None at any other word.

    >>> [(w.kind, int(w.value), w.joined) for w in _number_words("خمسة عشر ألفا".split())]
    [('small', 15, False), ('scale', 1000, False)]
    >>> _number_words(["حلب"]) is None
    True
    """
    out, i = [], 0
    while i < len(tokens):
        key, joined = fold(tokens[i]), False
        if i > 0 and key.startswith("و") and key[1:] in NUMBER_WORDS:
            key, joined = key[1:], True
        teen = i + 1 < len(tokens) and fold(tokens[i + 1]) in TEN and (key in UNITS or key in TEEN_ONLY_UNITS)
        digits = parse_digits(tokens[i]) if i == 0 else None
        if digits is not None:
            out.append(_Word("digits", digits, False))
        elif teen:
            out.append(_Word("small", Decimal(10 + (TEEN_ONLY_UNITS.get(key) or UNITS[key])), joined))
            i += 1
        elif key in SMALL_WORDS:
            out.append(_Word("hundred" if key in HUNDRED_WORDS else "small", Decimal(SMALL_WORDS[key]), joined))
        elif key in SCALES or key in PLURAL_SCALES:
            kind = "plural" if key in PLURAL_SCALES else "scale"
            out.append(_Word(kind, Decimal(SCALES.get(key) or PLURAL_SCALES[key]), joined))
        elif key in DUAL_SCALES:
            out.append(_Word("dual", Decimal(DUAL_SCALES[key]), joined))
        else:
            return None
        i += 1
    return out


@dataclass
class _Figure:
    """A figure read word by word: the total of finished groups and the group being read.

    >>> f = _Figure()
    >>> f.add(_Word("small", Decimal(3), False), 0), f.add(_Word("plural", Decimal(1000), False), 1), f.total
    (True, True, Decimal('3000'))
    """

    total: Decimal = Decimal(0)
    group: Decimal | None = None
    last_small: int | None = None  # magnitude of the group's last word (1, 10, 100)
    last_scale: int = 10**12

    def add(self, word: _Word, index: int) -> bool:
        """Take the next word; False when it cannot follow the words read so far.

        >>> _Figure(group=Decimal(5)).add(_Word("dual", Decimal(2000), False), 1)
        False
        """
        if word.kind == "digits":
            self.group, self.last_small = word.value, 10**9
            return True
        if word.kind in ("small", "hundred"):
            return self._add_small(word, index)
        if word.kind == "dual":
            if self.group is not None or (index > 0 and not word.joined):
                return False
            self.total += word.value
            return True
        return self._add_scale(word, index)

    def _add_small(self, word: _Word, index: int) -> bool:
        """A unit, teen, ten or hundred: starts the group or extends it with و; ثلاث مئة multiplies.

        >>> f = _Figure(group=Decimal(3), last_small=1)
        >>> f._add_small(_Word("hundred", Decimal(100), False), 1), f.group
        (True, Decimal('300'))
        """
        if word.kind == "hundred" and not word.joined and self.group is not None and self.last_small == 1 \
                and 3 <= self.group % 10 <= 9:
            unit = self.group % 10
            self.group, self.last_small = self.group - unit + unit * 100, 100
            return True
        value = int(word.value)
        if not _may_add(self.group, self.last_small, value, word.joined, index):
            return False
        self.group = (self.group or 0) + word.value
        self.last_small = 10 if 10 < value < 20 else _magnitude(value)
        return True

    def _add_scale(self, word: _Word, index: int) -> bool:
        """ألف/آلاف/مليون closes the group (a bare one counts as one; آلاف needs 3–10 before it).

        >>> _Figure(group=Decimal(20))._add_scale(_Word("plural", Decimal(1000), False), 1)
        False
        """
        scale = int(word.value)
        if self.group is None and index > 0 and not (word.joined and self.total and scale < self.last_scale):
            return False
        if self.group is not None and word.joined:
            return False
        if word.kind == "plural" and (self.group is None or not 3 <= self.group <= 10):
            return False
        self.total += (self.group if self.group is not None else 1) * word.value
        self.group, self.last_small, self.last_scale = None, None, scale
        return True


def _magnitude(value: int) -> int:
    """1 for units and teens, 10 for tens, 100 for hundreds.

    >>> _magnitude(300), _magnitude(40), _magnitude(7)
    (100, 10, 1)
    """
    return 100 if value >= 100 else 10 if value >= 20 else 1


def _may_add(current, last_small, value: int, joined: bool, index: int) -> bool:
    """Whether a small number word may extend the group read so far.

    The first word of a figure, or a word after a scale (with و), starts a
    group; inside a group each و-joined word must be smaller in kind than the
    one before, except that units come before tens (``ثلاثة وعشرين``).

    >>> _may_add(None, None, 3, False, 0), _may_add(100, 100, 20, True, 1), _may_add(20, 10, 3, False, 1)
    (True, True, False)
    """
    if index == 0:
        return True
    if not joined:
        return False
    if current is None:
        return True
    magnitude = _magnitude(value)
    if last_small == 1 and magnitude == 10 and 0 < current % 100 < 10:
        return True  # ثلاثة وعشرين, ثلاثمئة وثمانية وأربعين
    return magnitude < last_small


def spell_number(value: int) -> str | None:
    """Arabic words for a whole number below a million (None when too large).

    Used by the fixture generator to write sibling figures as words.

    >>> [spell_number(n) for n in (100, 23, 120, 4000, 2000, 13346)]
    ['مئة', 'ثلاثة وعشرين', 'مئة وعشرين', 'أربعة آلاف', 'ألفين', 'ثلاثة عشر ألفا وثلاثمئة وستة وأربعين']
    """
    if value <= 0 or value >= 10**6:
        return None
    thousands, rest = divmod(value, 1000)
    parts = []
    if thousands:
        parts.append(_spell_thousands(thousands))
    if rest:
        parts.append(_spell_below_thousand(rest))
    return " و".join(parts)


_UNIT_NAMES = ["", "واحد", "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
_TEN_NAMES = ["", "عشرة", "عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"]
_HUNDRED_NAMES = ["", "مئة", "مئتين", "ثلاثمئة", "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة", "تسعمئة"]


def _spell_thousands(n: int) -> str:
    """ألف, ألفين, أربعة آلاف, ثلاثة عشر ألفا.

    >>> _spell_thousands(1), _spell_thousands(5)
    ('ألف', 'خمسة آلاف')
    """
    if n == 1:
        return "ألف"
    if n == 2:
        return "ألفين"
    if 3 <= n <= 10:
        return f"{_spell_below_thousand(n)} آلاف"
    return f"{_spell_below_thousand(n)} ألفا" if n % 100 > 10 else f"{_spell_below_thousand(n)} ألف"


def _spell_below_thousand(n: int) -> str:
    """Words for 1–999.

    >>> _spell_below_thousand(346), _spell_below_thousand(15)
    ('ثلاثمئة وستة وأربعين', 'خمسة عشر')
    """
    hundreds, rest = divmod(n, 100)
    parts = [_HUNDRED_NAMES[hundreds]] if hundreds else []
    tens, units = divmod(rest, 10)
    if rest and rest < 10:
        parts.append(_UNIT_NAMES[units])
    elif rest == 10:
        parts.append("عشرة")
    elif 10 < rest < 20:
        parts.append(f"{'أحد' if units == 1 else 'اثني' if units == 2 else _UNIT_NAMES[units]} عشر")
    elif rest:
        parts.append(f"{_UNIT_NAMES[units]} و{_TEN_NAMES[tens]}" if units else _TEN_NAMES[tens])
    return " و".join(parts)


def digits_of(value: Decimal) -> str:
    """The plain Western digits of a value (a decimal point where there is one).

    >>> digits_of(Decimal("120")), digits_of(Decimal("3.40")), digits_of(Decimal("1500000.0"))
    ('120', '3.40', '1500000')
    """
    if value == value.to_integral_value():
        return str(int(value))
    return format(value, "f")


def format_digits(digits: str, style: str) -> str:
    """Western digits written in a digit style (``western``, ``arabic-indic``, ``extended``).

    >>> format_digits("48", "extended")
    '۴۸'
    """
    return digits.translate(str.maketrans(WESTERN_DIGITS, DIGIT_STYLES[style]))


def digit_style(text: str) -> str:
    """The digit style a text mostly uses (``western`` when it has no digits).

    >>> digit_style("قتل ٣٠ شخصا في ٢٠١٦ و5"), digit_style("لا أرقام")
    ('arabic-indic', 'western')
    """
    digits_only = _NOT_DIGITS.sub("", text)  # counting in the digits alone is cheap
    counts = {name: sum(digits_only.count(d) for d in digits) for name, digits in DIGIT_STYLES.items()}
    best = max(counts, key=lambda name: (counts[name], name == "western"))
    return best if counts[best] else "western"


def value_fits_layout(value: Decimal, layout: str, written: str | None = None) -> bool:
    """Whether ``value`` can be written in a slot of this layout.

    ``layout`` has ``#`` for each digit position and the slot's own
    separators: ``###`` holds 120, ``##,###`` holds 13346, ``#.#`` holds 3.4.

    >>> value_fits_layout(Decimal(120), "###"), value_fits_layout(Decimal(1200), "###")
    (True, False)
    >>> value_fits_layout(Decimal("3.4"), "#.#"), value_fits_layout(Decimal(34), "#.#")
    (True, False)
    """
    return fill_layout(value, layout, written) is not None


def fill_layout(value: Decimal, layout: str, written: str | None = None) -> str | None:
    """Western digits of ``value`` laid into ``layout`` (None if they do not fit).

    ``written`` is the figure as a sibling wrote it in digits, when it did:
    its digits are tried first, so ``2.0`` and ``0148`` keep their zeros.

    >>> fill_layout(Decimal(13346), "##,###"), fill_layout(Decimal(100), "##")
    ('13,346', None)
    >>> fill_layout(Decimal("2.0"), "#.#", written="2.0"), fill_layout(Decimal(148), "####", written="٠١٤٨")
    ('2.0', '0148')
    """
    options = [re.sub(r"\D", "", to_western(written))] if written else []
    options.append(digits_of(value).replace(".", ""))
    for digits in options:
        if len(digits) != layout.count("#"):
            continue
        it = iter(digits)
        laid = "".join(next(it) if ch == "#" else ch for ch in layout)
        try:
            if parse_digits(laid) == value:
                return laid
        except InvalidOperation:
            continue
    return None
