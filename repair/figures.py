"""Figure slots found, and filled from siblings or a learned glyph table. (stub)"""
from __future__ import annotations


def resolve_figures(text: str, ctx):
    """Return (edits, figures, glyph_table) for ``text``."""
    return [], [], {}
