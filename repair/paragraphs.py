"""Wrapped lines joined into paragraphs. (stub)"""
from __future__ import annotations


def join_wrapped_lines(text: str, ctx) -> list:
    return []
