"""Split words joined and merged words split, on strong lexicon evidence.

PDF extractors cut words where glyphs overlap (poppler: ``الأثر ية``) and
lose the space between a number and the next word (``85بالمئة``); a lost
space can also glue two words (``فيمدينة``).  A change is proposed only when
the lexicon clearly prefers it to the text as it stands, and never touches
the attached prefixes and suffixes that Arabic writes as one word (``وفي``,
``بالمئة``, ``للمدنيين``, ``كتابها``).

>>> from repair.offsets import apply_edits
>>> fix = lambda text: apply_edits(text, repair_words(text, None))[0]
>>> fix("سيطر على مدينة تدمر الأثر ية، بعد")
'سيطر على مدينة تدمر الأثرية، بعد'
>>> fix("نسبة 85بالمئة من الأصوات")
'نسبة 85 بالمئة من الأصوات'
>>> fix("وفي مدينة حلب للمدنيين بالمئة")
'وفي مدينة حلب للمدنيين بالمئة'
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain, compress
from operator import methodcaller

from .arabic import (ARABIC_INDIC_DIGITS, ARABIC_LETTERS, DIACRITICS, EXTENDED_ARABIC_INDIC_DIGITS,
                     NON_JOINING_LEFT, TATWEEL, is_arabic_letter, letters_only)
from .lexicon import listed as lexicon_lists, log_prob, zipf
from . import screen
from .model import Edit

# A word run: letters with their marks and any tatweel left in them.
_LETTER_CLASS = "\u0621-\u063a\u0641-\u064a\u0671\u067e\u0686\u0698\u06a4\u06a9\u06af\u06cc\u06c1\u06d2"
WORD_RUN = re.compile(f"[{_LETTER_CLASS}][{_LETTER_CLASS}{DIACRITICS}{TATWEEL}]*")
_MARKS = DIACRITICS + TATWEEL
_MARK_SET = frozenset(_MARKS)
_LETTER_SET = frozenset(ch for ch in map(chr, range(0x0600, 0x0700)) if WORD_RUN.match(ch))
_STRIP_MARKS = {ord(ch): None for ch in _MARKS}
# A number written right before an Arabic letter (``85بالمئة``).
_DIGITS = "0-9" + ARABIC_INDIC_DIGITS + EXTENDED_ARABIC_INDIC_DIGITS
# (Led by the digit class, not the look-behind: a pattern led by a class is scanned for at C speed.)
DIGITS_THEN_WORD = re.compile(f"[{_DIGITS}](?<![{_DIGITS}].)[{_DIGITS}]*(?=[{_LETTER_CLASS}])")
DIGIT_THEN_LETTER = re.compile(f"[{_DIGITS}](?=[{_LETTER_CLASS}])")

# Word endings that stand alone only as fragments of a split word.
SUFFIX_FRAGMENTS = frozenset("ية يه يين يون ين ون ات ها هما هن تين تان تها ته".split())
# Suffixes (pronouns, plural endings) that are written attached: never split off.
ENCLITICS = frozenset("ه ها هم هما هن ك كم كما كن ي ني نا ين ون ان ات ية يه يين يون تين تان ة ت وا تم تن ما".split())
# Letters written attached before a word: conjunctions, prepositions, the
# interrogative hamza, future sa-, and the article after them.
PROCLITIC_LETTERS = "وفبلكأس"
# Words that stand alone and are often glued to the next word when a space is
# lost: prepositions, particles, relatives, demonstratives.  A merged token is
# split only after one of these (a closed list: ``ومنرجع`` and ``بكلكل`` stay).
SPLIT_HEADS = frozenset("""
في من على عن إلى الى مع منذ حتى بين عند لدى نحو حول خلال ضد بعد قبل دون
إن كان كانت التي الذي الذين هذا هذه ذلك تلك هو هي كل بعض غير أكثر
أمام وراء عبر ضمن رغم إثر اثر وفق
""".split())
# Units and era marks written attached to a number (``2016م``, ``5كم``).
NUMBER_SUFFIXES = frozenset("م ه ق د ث س ك ل غ كم كلم كغ كلغ كغم سم ملم مم مل ملغ مغ جم دج".split())

FRAGMENT_ZIPF = 3.0   # below this a token is a fragment rather than a word
KNOWN_ZIPF = 3.0      # a joined word this common may join a fragment on JOIN_MARGIN
RARE_ZIPF = 2.0       # a joined word rarer than KNOWN_ZIPF needs STRONG_JOIN_MARGIN
SOLID_ZIPF = 3.5      # each part of a split must be at least this common
UNKNOWN_ZIPF = 2.0    # a token this rare or rarer may be two words merged
JOIN_MARGIN = 2.0     # log10 advantage a join needs over two separate words
STRONG_JOIN_MARGIN = 4.0  # the same when neither piece is a fragment, or the word is rare
SPLIT_MARGIN = 1.0    # log10 advantage a split needs over the merged token
MAX_JOIN_PARTS = 3    # at most three pieces are put back into one word
MIN_SPLIT_LETTERS = 5  # a merged token has at least this many letters


def repair_words(text: str, ctx) -> list[Edit]:
    """Edits joining split words and splitting merged ones in ``text``.

    >>> [(e.kind, e.after) for e in repair_words("الأثر ية و85بالمئة", None)]
    [('word_join', 'الأثرية'), ('word_split', '85 بالمئة')]
    """
    if not worth_a_look(text, ctx):
        return []
    seams = _seams_to_look_at(text)
    if not seams:
        return []
    joins = join_split_words(text, seams)
    if any(_piece(piece)[3] for piece, _ in seams):  # a number glued to a word
        joins = split_digits_from_words(text, joins)
    return _drop_overlaps(joins + split_merged_words(text, seams))


def worth_a_look(text: str, ctx) -> bool:
    """The full lexicon scan runs on extraction output, short inputs, or where a number is glued to a word.

    Clean one-paragraph-a-line text passes at regex speed; a stray split word in
    otherwise clean, unwrapped text is not looked for.

    >>> worth_a_look("الأثر ية", None), worth_a_look("نص\\n" * 9, None)
    (True, True)
    """
    worth = getattr(ctx, "worth_a_full_scan", None)
    if worth is None or worth(text):
        return True
    return screen.has(text, "words")


# --- where to look --------------------------------------------------------
#
# A text is cut into clauses at its commas and full stops, and each clause
# into pieces at whitespace (all at C speed).  Clauses, pieces and pairs of
# neighbouring pieces are each judged once and cached: a text with nothing to
# repair, or the same text in the pipeline's next round, costs one cached
# look-up per clause.


def _seams_to_look_at(text: str) -> list[tuple[str, str]]:
    """Each whitespace-separated piece of ``text`` that may change, with the piece after it ("" for the last).

    A piece may change when the run at its end may join the run that starts
    the next piece (across whatever whitespace: the joining step checks the
    gap), when it holds a run :func:`best_split` cuts, or a number glued to a
    word.  Nothing joins across a comma or a full stop, so clauses are judged
    apart (a line break counts as a space: the same clause after its lines
    are joined is the same look-up).

    >>> _seams_to_look_at("مدينة تدمر الأثر ية، و85بالمئة")
    [('الأثر', 'ية'), ('و85بالمئة', '')]
    """
    clauses = chain.from_iterable(map(_split_at_commas, text.replace("\n", " ").split(". ")))
    return list(chain.from_iterable(map(_clause_seams, clauses)))


_split_at_commas = methodcaller("split", "، ")


@lru_cache(maxsize=20_000)
def _clause_seams(clause: str) -> tuple[tuple[str, str], ...]:
    """:func:`_seams_to_look_at` of a clause (cached: most clauses have none).

    >>> _clause_seams("تدمر الأثر ية")
    (('الأثر', 'ية'),)
    """
    pieces = clause.split()
    facts = list(map(_piece, pieces))  # one look-up a piece, shared by the seams on either side
    may_change = map(_may_change, facts, facts[1:] + [_piece("")])
    return tuple(compress(zip(pieces, pieces[1:] + [""]), may_change))


def _may_change(piece: tuple, next_piece: tuple) -> bool:
    """True when a piece, or the seam between it and the next, may need a word repair
    (both given as their :func:`_piece` facts).

    >>> _may_change(_piece("الأثر"), _piece("ية")), _may_change(_piece("الأثر"), _piece("الجديد"))
    (True, False)
    """
    tail, _, may_split, glued, tail_letters, _ = piece
    head, head_letters = next_piece[1], next_piece[5]
    if may_split or glued:
        return True
    # the cheap test _should_join_letters starts with, first: most neighbours fail it
    # (the left run ends on a letter that joins left, the right one is no suffix fragment)
    if tail_letters[-1:] not in NON_JOINING_LEFT and head_letters not in SUFFIX_FRAGMENTS:
        return False
    return bool(tail and head and _should_join_letters(tail_letters, head_letters))


@lru_cache(maxsize=50_000)
def _piece(piece: str) -> tuple[str, str, bool, bool, str, str]:
    """What the repairs ask of a piece of text between whitespace: the word run it
    ends with and the one it starts with ("" for none), whether it holds a run
    that :func:`best_split` cuts, whether it holds a number glued to a word, and
    the letters of the two runs (:func:`_run_letters`).

    >>> _piece("«الأثرَ"), _piece("فيمدينة،")
    (('الأثرَ', '', False, False, 'الأثر', ''), ('', 'فيمدينة', True, False, '', 'فيمدينة'))
    """
    tail = _TAIL_RUN.search(piece)
    head = WORD_RUN.match(piece)
    may_split = any(best_split(run) for run in WORD_RUN.findall(piece) if len(run) >= MIN_SPLIT_LETTERS)
    glued = bool(DIGIT_THEN_LETTER.search(piece))
    tail, head = tail.group() if tail else "", head.group() if head else ""
    return tail, head, may_split, glued, _run_letters(tail), _run_letters(head)


# --- joining -------------------------------------------------------------


def join_split_words(text: str, seams: list[tuple[str, str]] | None = None) -> list[Edit]:
    """``word_join`` edits for words cut in pieces by a stray space.

    ``seams`` are :func:`_seams_to_look_at` of ``text``, when the caller has them.

    >>> [e.after for e in join_split_words("السور ية وز ير الخارجية")]
    ['السورية', 'وزير']
    """
    seams = _seams_to_look_at(text) if seams is None else seams
    spans = _pair_spans(text, _joinable_pairs(seams))
    if not spans:
        return []
    suspect = _chunk_reversed_lines(text)
    edits = []
    done = 0  # runs before this offset are already part of a joined word
    for start, end in spans:
        if start < done or (suspect and _line_start(text, start) in suspect):
            continue
        end = _join_extent(text, start, end)
        before = text[start:end]
        after = "".join(before.split(" "))
        edits.append(Edit(start, end, after, "word_join", _join_confidence(after, before),
                          f"lexicon: {letters_only(after)} is a word, {before!r} is not two"))
        done = end
    return edits


# A word run at the end of a piece of text.
_TAIL_RUN = re.compile(f"[{_LETTER_CLASS}][{_LETTER_CLASS}{_MARKS}]*+\\Z")
# The one to three spaces after a run, and the run after them.
_GAP_THEN_RUN = re.compile(f" {{1,3}}+([{_LETTER_CLASS}][{_LETTER_CLASS}{_MARKS}]*+)")


def _joinable_pairs(seams: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """The pairs of word runs at ``seams`` that :func:`should_join` (as written in the text).

    >>> sorted(_joinable_pairs(_seams_to_look_at("وز ير الخارجية")))
    [('وز', 'ير')]
    """
    pairs = {(_piece(piece)[0], _piece(next_piece)[1]) for piece, next_piece in seams}
    return {(left, right) for left, right in pairs if left and right and _runs_join(left, right)}


def _pair_spans(text: str, joinable: set[tuple[str, str]]) -> list[tuple[int, int]]:
    """Start and end of the left run of each pair of ``joinable`` in ``text``, in order.

    >>> _pair_spans("وز ير الوز ير", {("وز", "ير")})
    [(0, 2)]
    """
    spans = []
    for left, right in joinable:
        pos = text.find(left + " ")
        while pos >= 0:
            end = pos + len(left)
            following = _GAP_THEN_RUN.match(text, end)
            if following and following.group(1) == right and _starts_run(text, pos):
                spans.append((pos, end))
            pos = text.find(left + " ", pos + 1)
    return sorted(spans)


def _starts_run(text: str, pos: int) -> bool:
    """True when a word run (:data:`WORD_RUN`) starts at ``pos``, a letter: no letter
    before it, nor a letter and the marks that go with it.

    >>> _starts_run("بَدر", 0), _starts_run("بَدر", 2), _starts_run("«َدر", 2)
    (True, False, True)
    """
    i = pos - 1
    while i >= 0 and text[i] in _MARK_SET:
        i -= 1
    return i < 0 or text[i] not in _LETTER_SET


def _join_extent(text: str, start: int, end: int) -> int:
    """The end of the last run that joins the run ``text[start:end]`` and the
    runs already joined to it (``end`` when none does), at most
    :data:`MAX_JOIN_PARTS` runs in all.

    >>> _join_extent("وز ير الخارجية", 0, 2)
    5
    """
    joined = text[start:end]
    for _ in range(MAX_JOIN_PARTS - 1):
        following = _GAP_THEN_RUN.match(text, end)
        if not following or not _runs_join(joined, following.group(1)):
            break
        joined += following.group(1)
        end = following.end()
    return end


@lru_cache(maxsize=50_000)
def _runs_join(left: str, right: str) -> bool:
    """:func:`should_join` for two word runs (cached per pair).

    >>> _runs_join("الأثر", "ية")
    True
    """
    return _should_join_letters(_run_letters(left), _run_letters(right))


def _run_letters(run: str) -> str:
    """The letters of a word run (:data:`WORD_RUN`): its marks and tatweel
    dropped, as :func:`repair.arabic.letters_only` would.

    >>> _run_letters("يَّـة")
    'ية'
    """
    return run.translate(_STRIP_MARKS)


def should_join(left: str, right: str) -> bool:
    """True when ``left`` + ``right`` is clearly one word cut in two.

    >>> should_join("الأثر", "ية"), should_join("وز", "ير")
    (True, True)
    >>> should_join("أبو", "ظبي"), should_join("في", "ما"), should_join("و", "الجيش")
    (False, False, False)
    """
    return _should_join_letters(letters_only(left), letters_only(right))


def _should_join_letters(a: str, b: str) -> bool:
    """:func:`should_join` on the letters of the two pieces.

    >>> _should_join_letters("الأثر", "ية")
    True
    """
    if not a or not b or a == "و" or len(a) == len(b) == 1:
        return False  # two lone letters are initials (أ ف ب, د ب أ), not a word cut in two
    if a[-1] not in NON_JOINING_LEFT and b not in SUFFIX_FRAGMENTS:
        return False
    whole = a + b
    if not lexicon_lists(whole):  # letters only, so its own lexicon key: Zipf 0.0, below RARE_ZIPF
        return False
    known = zipf(whole)
    if known < RARE_ZIPF:
        return False
    fragment = is_fragment(a) or is_fragment(b)
    if known < KNOWN_ZIPF and not fragment:
        return False
    margin = JOIN_MARGIN if fragment and known >= KNOWN_ZIPF else STRONG_JOIN_MARGIN
    return log_prob(whole) - (log_prob(a) + log_prob(b)) >= margin


# The first token of a line (after a line break), when its first letter is ي.
_OPENS_WITH_YEH = re.compile(f"\\n[ \\t]*(?=[^\\s{ARABIC_LETTERS}]*ي)(\\S+)")


def _chunk_reversed_lines(text: str) -> set[int]:
    """Start offsets of lines that look chunk-reversed: they begin with a
    fragment starting with ي and end with a word cut after a non-joining letter
    (``يتا ياض ... للمعارضة السور``).

    Such lines are left to :mod:`repair.chunks`; their pieces are not joined here.

    >>> sorted(_chunk_reversed_lines("سطر سليم\\nيتا ياض حجاب للمعارضة السور"))
    [9]
    """
    if not any(is_fragment(letters_only(m.group(1))) for m in _OPENS_WITH_YEH.finditer("\n" + text)):
        return set()  # no line opens with a fragment starting with ي
    starts = set()
    for m in re.finditer(r"^[ \t]*(\S+)(?:.*\s(\S+))?[ \t]*$", text, re.M):
        first, last = letters_only(m.group(1)), m.group(2) or ""
        if (first.startswith("ي") and is_fragment(first) and last and last == letters_only(last)
                and last[-1] in NON_JOINING_LEFT):
            starts.add(m.start())
    return starts


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def is_fragment(word: str) -> bool:
    """True for a token that is rarely a word of its own.

    >>> is_fragment("ية"), is_fragment("ر"), is_fragment("و"), is_fragment("مدينة")
    (True, True, False, False)
    """
    if word in SUFFIX_FRAGMENTS:
        return True
    if len(word) == 1:
        return word != "و"
    return zipf(word) < FRAGMENT_ZIPF


def _join_confidence(joined: str, before: str) -> float:
    pieces = before.split()
    gain = log_prob(joined) - sum(log_prob(p) for p in pieces)
    return round(min(0.99, 0.6 + 0.05 * gain), 3)


# --- splitting -----------------------------------------------------------


def split_merged_words(text: str, seams: list[tuple[str, str]] | None = None) -> list[Edit]:
    """``word_split`` edits for two words written without the space between them.

    ``seams`` are :func:`_seams_to_look_at` of ``text``, when the caller has them.

    >>> [e.after for e in split_merged_words("يعيش فيمدينة حلب")]
    ['في مدينة']
    """
    seams = _seams_to_look_at(text) if seams is None else seams
    if not any(_piece(piece)[2] for piece, _ in seams):
        return []
    edits = []
    for start, end in _word_runs(text):
        if end - start < MIN_SPLIT_LETTERS or not _whole_token(text, start, end):
            continue
        token = text[start:end]
        cut = best_split(token)
        if cut is None:
            continue
        edits.append(Edit(start, end, token[:cut] + " " + token[cut:], "word_split", 0.8,
                          f"lexicon: {letters_only(token)} is unknown, {token[:cut]} and {token[cut:]} are words"))
    return edits


@lru_cache(maxsize=50_000)
def best_split(token: str) -> int | None:
    """Where to put a space in ``token`` (an index into it), or None.

    >>> t = "فيمدينة"; t[:best_split(t)]
    'في'
    >>> best_split("وفي"), best_split("بالمئة"), best_split("للمدنيين")
    (None, None, None)
    """
    letters = letters_only(token)
    if (len(letters) < MIN_SPLIT_LETTERS or zipf(letters) >= UNKNOWN_ZIPF or has_clitic_reading(letters)
            or looks_like_participle(letters)):
        return None
    merged = log_prob(letters)
    best, best_gain = None, SPLIT_MARGIN
    for i in range(2, len(letters) - 1):
        head, tail = letters[:i], letters[i:]
        if not _splittable(head, tail):
            continue
        gain = log_prob(head) + log_prob(tail) - merged
        if gain >= best_gain:
            best, best_gain = i, gain
    if best is None:
        return None
    return _raw_index(token, best)


def has_clitic_reading(word: str) -> bool:
    """True when ``word`` reads as a known word with attached prefixes or suffixes.

    ``فيتولى`` is ف + يتولى, not في + تولى; ``أنذهب`` is أ + نذهب.

    >>> has_clitic_reading("فيتولى"), has_clitic_reading("أنذهب"), has_clitic_reading("فيمدينة")
    (True, True, False)
    """
    for stem in _stems(word):
        if len(stem) >= 3 and zipf(stem) >= FRAGMENT_ZIPF - 0.5:
            return True
    return False


def looks_like_participle(word: str) -> bool:
    """True for a form-VII participle, من + three root letters (+ ending): ``منفجر``.

    >>> looks_like_participle("منحرجة"), looks_like_participle("منذلك"), looks_like_participle("فيمدينة")
    (True, False, False)
    """
    if not word.startswith("من"):
        return False
    root = word[2:]
    for ending in ("ة", "ه", "ين", "ون", "ات", "ا"):
        if root.endswith(ending) and len(root) > 3:
            root = root[:-len(ending)]
            break
    return len(root) == 3 and root not in ("ذلك", "هذا", "هذه", "بين")


def _stems(word: str):
    """``word`` without up to three proclitic letters (and an article), or one enclitic."""
    for i in range(1, 4):
        head = word[:i]
        if not all(ch in PROCLITIC_LETTERS for ch in head):
            break
        yield word[i:]
        if word[i:].startswith("ال"):
            yield word[i + 2:]
    for suffix in ENCLITICS:
        if word.endswith(suffix) and len(suffix) < len(word):
            yield word[:-len(suffix)]


def _splittable(head: str, tail: str) -> bool:
    if head not in SPLIT_HEADS or tail in ENCLITICS:
        return False
    return zipf(head) >= SOLID_ZIPF and zipf(tail) >= SOLID_ZIPF


def split_digits_from_words(text: str, joins: list[Edit] = ()) -> list[Edit]:
    """``word_split`` edits for a number glued to the word after it.

    ``joins`` are the join edits of the same pass: a word put together there
    is judged whole, and its join edit gets the space in front.

    >>> [e.after for e in split_digits_from_words("نحو 120ألف شخص في 2016م و5كم و12و18")]
    ['120 ألف', '12 و']
    """
    if not DIGIT_THEN_LETTER.search(text):
        return list(joins)
    joined = {e.start: e for e in joins}
    edits = []
    for m in DIGITS_THEN_WORD.finditer(text):
        word = WORD_RUN.match(text, m.end())
        join = joined.get(word.start())
        letters = letters_only(join.after if join else word.group())
        if not glued_to_number(letters, text[word.end():word.end() + 1]):
            continue
        if join:
            joined[join.start] = Edit(join.start, join.end, " " + join.after, join.kind, join.confidence,
                                      join.evidence + "; number glued before it")
            continue
        edits.append(Edit(m.start(), word.end(), m.group() + " " + word.group(), "word_split", 0.9,
                          f"number glued to the word {letters}"))
    return list(joined.values()) + edits


def glued_to_number(word: str, next_char: str = "") -> bool:
    """True when ``word``, written right after a number, is a word of its own
    rather than a unit or era mark (``2016م``, ``5كم``, ``1437هـ``).

    >>> glued_to_number("بالمئة"), glued_to_number("كم"), glued_to_number("في"), glued_to_number("و", "1")
    (True, False, True, True)
    """
    if word in NUMBER_SUFFIXES:
        return False
    if len(word) >= 3:
        return True
    if word == "و":
        return next_char.isdigit()
    return len(word) == 2 and zipf(word) >= KNOWN_ZIPF


# --- helpers -------------------------------------------------------------


def _word_runs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in WORD_RUN.finditer(text)]


def _whole_token(text: str, start: int, end: int) -> bool:
    """True when the run is a whole token: no digit, Latin letter or stray mark glued to it."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())  # Arabic letters are alphanumeric


def _raw_index(token: str, letter_index: int) -> int:
    """Index in ``token`` of its ``letter_index``-th Arabic letter."""
    seen = -1
    for pos, ch in enumerate(token):
        if is_arabic_letter(ch):
            seen += 1
            if seen == letter_index:
                return pos
    return len(token)


def _drop_overlaps(edits: list[Edit]) -> list[Edit]:
    kept, last_end = [], -1
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start >= last_end:
            kept.append(edit)
            last_end = edit.end
    return kept

