"""Visual-order (character-reversed) lines put back in logical order. (stub)"""
from __future__ import annotations


def reorder_visual_lines(text: str, ctx) -> list:
    return []
