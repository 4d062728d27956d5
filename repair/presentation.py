"""Presentation forms (U+FB50–FDFF, U+FE70–FEFF) folded to base letters. (stub)"""
from __future__ import annotations


def fold_presentation_forms(text: str, ctx) -> list:
    return []
