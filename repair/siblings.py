"""Sibling articles: clean reports of the same story. (stub)"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Sibling:
    """A clean sibling article and where it came from.

    >>> Sibling("نص", "000.txt").source
    '000.txt'
    """

    text: str
    source: str


def load_siblings(items) -> list[Sibling]:
    """Siblings from paths (``pathlib.Path`` or ``os.PathLike``), strings of text, or Sibling objects.

    A plain ``str`` is taken as the sibling's text (source ``sibling[i]``);
    pass ``Path`` objects for files.

    >>> load_siblings(["نص"])[0].source
    'sibling[0]'
    """
    out = []
    for i, item in enumerate(items or ()):
        if isinstance(item, Sibling):
            out.append(item)
        elif isinstance(item, (os.PathLike,)):
            path = Path(item)
            out.append(Sibling(path.read_text(encoding="utf-8"), str(path)))
        elif isinstance(item, str):
            out.append(Sibling(item, f"sibling[{i}]"))
        else:
            raise TypeError(f"a sibling is a Path, a str of text or a Sibling, not {type(item).__name__}")
    return out
