"""Chunk-reversed lines put back in logical order. (stub)"""
from __future__ import annotations


def repair_chunk_reversal(text: str, ctx) -> list:
    return []
