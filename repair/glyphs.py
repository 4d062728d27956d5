"""Glyph tables: which private-use code point (or ``(cid:NN)``) draws which digit.

A broken font maps its digit glyphs to code points no reader knows.  Slots
filled from siblings are *anchors* (``U+E008`` drew ``1``); the table learned
from them decodes the document's other slots.  Beyond the anchors, exactly
one stated prior is used, :func:`consecutive_digit_prior`.  Tables can be
kept in SQLite (:class:`GlyphStore`) and reused for other articles set in
the same font.

Codes are strings as they appear in the text: a private-use character
(``"\\ue008"``) or a ``"(cid:12)"`` token.

The glyph store (``Config.glyph_db``, an SQLite file) has one table,
``glyph_anchors(table_key, code, digit, documents, sources)``:

* ``table_key`` is ``font:<name>`` when the caller names the font
  (``ctx.font`` or ``ctx.config.glyph_font``), else ``pua:<page>`` for each
  256-code private-use page the document's codes fall in (``pua:E0``).
  CIDs are glyph ids of one font, so they are kept only under a font name.
* Only anchors are stored (digits siblings confirmed), with the number of
  documents that confirmed them; the prior is recomputed from them.
* Stored anchors are used only when they agree with the document's own
  (no code with two digits, no digit on two codes); a table that
  contradicts the document is neither used nor updated.  They count as
  ``stored`` (confidence 0.9) and feed the prior like the document's own.

>>> table = learn_table({"\\ue008": "1", "\\ue009": "2", "\\ue005": "0"})
>>> table.decode(["\\ue008", "\\ue00b", "\\ue005"]).digits
'140'
>>> table.decode(["\\ue006"]) is None
True
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

CID = re.compile(r"\(cid:(\d+)\)")

# Confidence of a digit read from an anchor of this document, from an anchor
# another document confirmed (glyph_db), and the cap for the consecutive prior.
ANCHOR_CONFIDENCE = 0.97
STORED_CONFIDENCE = 0.9
PRIOR_CONFIDENCE_CAP = 0.95
# A code needs this share of the votes (and at least two) to win a conflict.
MAJORITY = 2 / 3


def code_kind(code: str) -> str:
    """``pua`` for a private-use character, ``cid`` for a ``(cid:NN)`` token.

    >>> code_kind("\\ue008"), code_kind("(cid:12)")
    ('pua', 'cid')
    """
    return "cid" if code.startswith("(cid:") else "pua"


def code_number(code: str) -> int:
    """The number behind a code: the code point, or the CID.

    >>> hex(code_number("\\ue008")), code_number("(cid:12)")
    ('0xe008', 12)
    """
    match = CID.fullmatch(code)
    return int(match.group(1)) if match else ord(code)


def code_from_number(kind: str, number: int) -> str:
    """The code string of a number of the given kind.

    >>> code_from_number("pua", 0xE00A) == "\\ue00a", code_from_number("cid", 7)
    (True, '(cid:7)')
    """
    return f"(cid:{number})" if kind == "cid" else chr(number)


@lru_cache(maxsize=4096)
def code_label(code: str) -> str:
    """A printable name for a code: ``U+E008`` or ``cid:12``.

    >>> code_label("\\ue008"), code_label("(cid:12)")
    ('U+E008', 'cid:12')
    """
    return f"cid:{code_number(code)}" if code_kind(code) == "cid" else f"U+{ord(code):04X}"


def code_from_label(label: str) -> str:
    """Inverse of :func:`code_label`.

    >>> code_from_label("U+E008") == "\\ue008", code_from_label("cid:12")
    (True, '(cid:12)')
    """
    if label.startswith("cid:"):
        return f"(cid:{int(label[4:])})"
    return chr(int(label[2:], 16))


def split_codes(slot: str) -> list[str]:
    """The digit codes of a slot's text, separators left out.

    >>> split_codes("(cid:3)(cid:4),(cid:5)")
    ['(cid:3)', '(cid:4)', '(cid:5)']
    >>> len(split_codes("\\ue008\\ue009.\\ue005"))
    3
    """
    if "(cid:" in slot:
        return [m.group(0) for m in CID.finditer(slot)]
    return [ch for ch in slot if "\ue000" <= ch <= "\uf8ff"]


# --- anchors ---------------------------------------------------------------

@dataclass(frozen=True)
class AnchorVotes:
    """Anchors agreed on by the readings, and the readings that disagreed.

    ``anchors`` maps a code to its digit; ``rejected`` holds the ids of
    readings that contradict the majority (or a tie) for some code or digit.

    >>> AnchorVotes({"\\ue008": "1"}, set()).anchors["\\ue008"]
    '1'
    """

    anchors: dict
    rejected: set


def vote_anchors(readings: list[tuple]) -> AnchorVotes:
    """Anchors from ``(reading_id, codes, digits)`` readings, contradictions voted out.

    A code that two readings give different digits (or a digit given to two
    codes) keeps the digit with a clear majority (two thirds of the votes and
    at least two); readings on the losing side, or on either side of a tie,
    are rejected and none of their codes become anchors.

    >>> votes = vote_anchors([(0, ["a", "b"], "12"), (1, ["a", "c"], "10"), (2, ["a"], "7")])
    >>> sorted(votes.anchors.items()), votes.rejected
    ([('a', '1'), ('b', '2'), ('c', '0')], {2})
    >>> vote_anchors([(0, ["a"], "1"), (1, ["a"], "7")]).anchors
    {}
    """
    rejected: set = set()
    while True:
        live = [r for r in readings if r[0] not in rejected]
        losers = _losing_readings(live, by_code=True) | _losing_readings(live, by_code=False)
        if not losers:
            break
        rejected |= losers
    anchors = {code: digit for rid, codes, digits in readings if rid not in rejected
               for code, digit in zip(codes, digits)}
    return AnchorVotes(anchors, rejected)


def _losing_readings(readings: list[tuple], by_code: bool) -> set:
    """Ids of readings that lose a vote on some code's digit (or digit's code).

    >>> _losing_readings([(0, ["a"], "1"), (1, ["a"], "1"), (2, ["a"], "2")], by_code=True)
    {2}
    """
    votes: dict = defaultdict(Counter)
    voters: dict = defaultdict(lambda: defaultdict(set))
    for rid, codes, digits in readings:
        for code, digit in zip(codes, digits):
            key, value = (code, digit) if by_code else (digit, code)
            if rid not in voters[key][value]:
                votes[key][value] += 1
                voters[key][value].add(rid)
    losers: set = set()
    for key, counter in votes.items():
        if len(counter) < 2:
            continue
        (best, n), total = counter.most_common(1)[0], sum(counter.values())
        winner = best if n >= 2 and n / total >= MAJORITY else None
        for value, ids in voters[key].items():
            if value != winner:
                losers |= ids
    return losers


# --- the prior --------------------------------------------------------------

def consecutive_digit_prior(anchors: dict) -> dict:
    """The stated prior: digits 1–9 sit at consecutive codes in digit order.

    Fonts keep their digit glyphs together, in order, so ``code = base +
    digit`` for 1–9.  When at least two anchored digits (``0`` counts only
    when it sits at ``base`` itself) fit one base, and *every* anchored digit
    1–9 fits it, the line is extended to the missing digits 1–9.  ``0`` is
    never inferred (fonts put it before 1, after 9 or elsewhere; seed 002 has
    it two codes before the line), and a ``0`` anchored on the line at a
    1–9 position contradicts the prior.  Works per kind (private use, CID).
    Returns only the new codes, ``{}`` when the anchors do not fit.

    >>> prior = consecutive_digit_prior({"\\ue008": "1", "\\ue009": "2", "\\ue005": "0"})
    >>> sorted((code_label(c), d) for c, d in prior.items())[:3]
    [('U+E00A', '3'), ('U+E00B', '4'), ('U+E00C', '5')]
    >>> consecutive_digit_prior({"\\ue008": "1", "\\ue00c": "2"})
    {}
    >>> consecutive_digit_prior({"\\ue008": "1"})
    {}
    """
    out: dict = {}
    for kind in ("pua", "cid"):
        numbers = {code_number(c): int(d) for c, d in anchors.items() if code_kind(c) == kind}
        out.update({code_from_number(kind, n): str(d) for n, d in _extend_line(numbers).items()})
    return out


def _extend_line(anchors: dict) -> dict:
    """The prior on plain numbers: ``{code: digit}`` anchors to new ``{code: digit}``.

    >>> _extend_line({11: 1, 12: 2})[19]
    9
    >>> _extend_line({10: 0, 11: 1})[12], _extend_line({11: 1, 12: 2, 13: 0})
    (2, {})
    """
    bases = {code - digit for code, digit in anchors.items() if digit != 0}
    if len(bases) != 1:
        return {}
    base = bases.pop()
    support = {digit for code, digit in anchors.items() if code == base + digit}
    if len(support) < 2:
        return {}
    if any(digit == 0 and base + 1 <= code <= base + 9 for code, digit in anchors.items()):
        return {}
    taken = set(anchors)
    return {base + d: d for d in range(1, 10) if base + d not in taken and d not in anchors.values()}


def prior_confidence(anchors: dict) -> float:
    """Confidence in digits the prior adds: 1 − 0.5ⁿ for n anchors on the line, capped.

    >>> prior_confidence({"\\ue008": "1", "\\ue009": "2", "\\ue005": "0"})
    0.75
    """
    numbers = {code_number(c): int(d) for c, d in anchors.items()}
    bases = Counter(code - digit for code, digit in numbers.items())
    on_line = bases.most_common(1)[0][1] if bases else 0
    return min(PRIOR_CONFIDENCE_CAP, 1 - 0.5 ** on_line)


# --- the table ----------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """One code's digit, how it is known (``anchor``, ``stored``, ``prior``) and how surely.

    >>> Entry("1", "anchor", 0.97).how
    'anchor'
    """

    digit: str
    how: str
    confidence: float


@dataclass(frozen=True)
class Decoded:
    """Digits decoded for a slot, with the weakest code's confidence and how each was known.

    >>> Decoded("12", 0.75, ("anchor", "prior")).confidence
    0.75
    """

    digits: str
    confidence: float
    hows: tuple


@dataclass
class GlyphTable:
    """A learned table: code → :class:`Entry`.

    >>> GlyphTable({"\\ue008": Entry("1", "anchor", 0.97)}).as_report() == {"\\ue008": "1"}
    True
    """

    entries: dict = field(default_factory=dict)
    note: str = ""

    def decode(self, codes) -> Decoded | None:
        """The slot's digits, or None when any code is not in the table.

        >>> GlyphTable({"a": Entry("1", "anchor", 0.97)}).decode(["a", "a"]).digits
        '11'
        """
        if not self.entries:
            return None
        found = [self.entries.get(code) for code in codes]
        if not found or any(e is None for e in found):
            return None
        return Decoded("".join(e.digit for e in found), min(e.confidence for e in found),
                       tuple(e.how for e in found))

    def as_report(self) -> dict:
        """Code → digit, in code order, for the JSON report.

        >>> GlyphTable({"(cid:9)": Entry("2", "anchor", 0.97), "(cid:8)": Entry("1", "anchor", 0.97)}).as_report()
        {'(cid:8)': '1', '(cid:9)': '2'}
        """
        return {code: self.entries[code].digit for code in sorted(self.entries, key=lambda c: (code_kind(c), code_number(c)))}

    def describe(self, codes) -> str:
        """How each code of a slot is known, e.g. ``U+E00A=3 (prior)``, each code once.

        >>> GlyphTable({"\\ue00a": Entry("3", "prior", 0.75)}).describe(["\\ue00a", "\\ue00a"])
        'U+E00A=3 (prior)'
        """
        return ", ".join(f"{code_label(c)}={self.entries[c].digit} ({self.entries[c].how})" for c in dict.fromkeys(codes))


def learn_table(anchors: dict, stored: dict | None = None) -> GlyphTable:
    """This document's anchors, compatible stored anchors, then the prior over both.

    >>> t = learn_table({"\\ue008": "1"}, stored={"\\ue009": "2"})
    >>> t.entries["\\ue00a"].how, t.entries["\\ue009"].how
    ('prior', 'stored')
    """
    stored = {c: d for c, d in (stored or {}).items() if c not in anchors}
    entries = {c: Entry(d, "anchor", ANCHOR_CONFIDENCE) for c, d in anchors.items()}
    entries.update({c: Entry(d, "stored", STORED_CONFIDENCE) for c, d in stored.items()})
    known = {**stored, **anchors}
    confidence = prior_confidence(known)
    prior = consecutive_digit_prior(known)
    entries.update({c: Entry(d, "prior", confidence) for c, d in prior.items()})
    return GlyphTable(entries, _prior_note(prior))


def _prior_note(prior: dict) -> str:
    """Where the consecutive-digit prior put the line, for evidence.

    >>> _prior_note({"\\ue00a": "3", "\\ue00b": "4"})
    'prior: digits 1–9 at consecutive codes, 1 = U+E008'
    >>> _prior_note({})
    ''
    """
    if not prior:
        return ""
    code, digit = next(iter(prior.items()))
    one = code_from_number(code_kind(code), code_number(code) - int(digit) + 1)
    return f"prior: digits 1–9 at consecutive codes, 1 = {code_label(one)}"


def compatible(anchors: dict, stored: dict) -> bool:
    """Whether two anchor sets agree: no code with two digits, no digit with two codes.

    >>> compatible({"a": "1"}, {"a": "1", "b": "2"}), compatible({"a": "1"}, {"b": "1"})
    (True, False)
    """
    if any(stored.get(code, digit) != digit for code, digit in anchors.items()):
        return False
    by_digit = {(code_kind(c), d): c for c, d in stored.items()}
    return all(by_digit.get((code_kind(c), d), c) == c for c, d in anchors.items())


# --- the store ----------------------------------------------------------------

def store_keys(codes, font: str | None = None) -> list[str]:
    """The glyph_db tables a document's codes belong to.

    With a font name (``font:<name>``) one table holds every code of that
    font.  Without one, private-use codes are grouped by their 256-code page
    (``pua:E0`` holds U+E000–U+E0FF): a font allocates its private-use glyphs
    together, and a different font on the same page shows up as anchors that
    contradict the stored ones (then the table is neither used nor updated).
    CIDs are glyph ids of one font, so they are stored only under a font name.

    >>> store_keys(["\\ue008", "\\ue00f", "(cid:4)"]), store_keys(["(cid:4)"], font="Amiri")
    (['pua:E0'], ['font:Amiri'])
    """
    if font:
        return [f"font:{font}"]
    return sorted({f"pua:{code_number(c) >> 8:02X}" for c in codes if code_kind(c) == "pua"})


class GlyphStore:
    """Anchors confirmed by earlier documents, kept in SQLite.

    One row per (table key, code): the digit and how many documents
    confirmed it.  Only anchors are stored (never digits the prior added), so
    the prior is always recomputed from evidence.

    >>> store = GlyphStore(":memory:")
    >>> store.save("pua:E0", {"\\ue008": "1"}, "001.txt")
    >>> store.load(["pua:E0"]) == {"\\ue008": "1"}
    True
    """

    SCHEMA = """CREATE TABLE IF NOT EXISTS glyph_anchors (
        table_key TEXT NOT NULL,
        code TEXT NOT NULL,
        digit TEXT NOT NULL,
        documents INTEGER NOT NULL DEFAULT 1,
        sources TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (table_key, code))"""

    def __init__(self, path: str):
        """Open (or create) the store at ``path`` (``":memory:"`` for a throwaway one).

        >>> GlyphStore(":memory:").path
        ':memory:'
        """
        self.path = str(path)
        self.db = sqlite3.connect(self.path)
        self.db.execute(self.SCHEMA)

    def load(self, keys) -> dict:
        """Anchors stored under any of ``keys``; codes the tables disagree on are left out.

        >>> GlyphStore(":memory:").load(["pua:E0"])
        {}
        """
        found: dict = defaultdict(set)
        for key in keys:
            for code, digit in self.db.execute("SELECT code, digit FROM glyph_anchors WHERE table_key = ?", (key,)):
                found[code_from_label(code)].add(digit)
        return {code: digits.pop() for code, digits in found.items() if len(digits) == 1}

    def save(self, key: str, anchors: dict, sources: str) -> None:
        """Add this document's anchors to table ``key`` (counting documents per code).

        A code already stored with another digit is left as it was.

        >>> store = GlyphStore(":memory:")
        >>> store.save("font:X", {"(cid:5)": "1"}, "a"); store.save("font:X", {"(cid:5)": "7"}, "b")
        >>> store.load(["font:X"])
        {'(cid:5)': '1'}
        """
        with self.db:
            for code, digit in anchors.items():
                self.db.execute(
                    """INSERT INTO glyph_anchors (table_key, code, digit, documents, sources) VALUES (?, ?, ?, 1, ?)
                       ON CONFLICT(table_key, code) DO UPDATE SET documents = documents + 1, sources = excluded.sources
                       WHERE digit = excluded.digit""",
                    (key, code_label(code), digit, sources))

    def close(self) -> None:
        """Close the database.

        >>> GlyphStore(":memory:").close()
        """
        self.db.close()
