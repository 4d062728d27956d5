"""Justification kashida removed. (stub)"""
from __future__ import annotations


def remove_kashida(text: str, ctx) -> list:
    return []
