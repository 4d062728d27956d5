"""Map positions in a repaired text back to offsets in the original input.

Each pipeline stage applies a list of non-overlapping edits; a :class:`StageMap`
remembers them (not the text) so memory grows with the number of edits only.

>>> from repair.model import Edit
>>> text, stage = apply_edits("abcdef", [Edit(1, 3, "X", "k", 1.0, "")])
>>> text, stage.to_old(2, "start"), stage.to_old(5, "end")
('aXdef', 3, 6)
"""

from __future__ import annotations

from bisect import bisect_right

from .model import Edit


class StageMap:
    """Positions after one stage's edits, mapped to positions before them."""

    def __init__(self, edits: list[Edit]):
        self.old_starts: list[int] = []
        self.old_ends: list[int] = []
        self.new_starts: list[int] = []
        self.new_ends: list[int] = []
        delta = 0
        for edit in edits:
            new_start = edit.start + delta
            self.old_starts.append(edit.start)
            self.old_ends.append(edit.end)
            self.new_starts.append(new_start)
            self.new_ends.append(new_start + len(edit.after))
            delta += len(edit.after) - (edit.end - edit.start)

    def to_old(self, pos: int, side: str = "start") -> int:
        """Where ``pos`` of the new text was in the old one (:meth:`to_old_all` of one position)."""
        return self.to_old_all([pos], side)[0]

    def to_old_all(self, positions: list[int], side: str = "start") -> list[int]:
        """Where each of ``positions`` of the new text was in the old one, in one pass.

        A position inside a replaced span maps to the span's start (``side``
        ``"start"``) or end (``"end"``).

        >>> StageMap([Edit(1, 3, "X", "k", 1.0, "")]).to_old_all([0, 1, 2, 5], "end")
        [0, 3, 3, 6]
        """
        if not self.new_starts:
            return positions
        new_starts, new_ends, old_ends = self.new_starts, self.new_ends, self.old_ends
        inside = self.old_starts if side == "start" else old_ends
        out = []
        for pos in positions:
            i = bisect_right(new_starts, pos) - 1
            if i < 0:
                out.append(pos)
            elif pos >= new_ends[i]:
                out.append(pos - new_ends[i] + old_ends[i])
            else:
                out.append(inside[i])
        return out



def apply_edits(text: str, edits: list[Edit]) -> tuple[str, StageMap]:
    """Apply sorted, non-overlapping edits; return the new text and its map.

    >>> apply_edits("ab", [])[0]
    'ab'
    """
    edits = sorted(edits, key=lambda e: (e.start, e.end))
    check_disjoint(edits)
    parts = []
    last = 0
    for edit in edits:
        parts.append(text[last:edit.start])
        parts.append(edit.after)
        last = edit.end
    parts.append(text[last:])
    return "".join(parts), StageMap(edits)


def check_disjoint(edits: list[Edit]) -> None:
    """Raise ValueError when two sorted edits overlap or one is malformed."""
    last_end = -1
    for edit in edits:
        if edit.start < 0 or edit.end < edit.start:
            raise ValueError(f"malformed edit {edit}")
        if edit.start < last_end:
            raise ValueError(f"overlapping edits at {edit.start}")
        last_end = edit.end


class LineIndex:
    """1-based line numbers of offsets in a text.

    >>> LineIndex("a\\nb\\nc").line_of(2)
    2
    """

    def __init__(self, text: str):
        self.starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            self.starts.append(pos + 1)
            pos = find("\n", pos + 1)

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset)
