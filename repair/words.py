"""Split words joined and merged words split on strong lexicon evidence. (stub)"""
from __future__ import annotations


def repair_words(text: str, ctx) -> list:
    return []
