"""Streaming: repair a file block by block so memory stays flat in the input size.

A block ends at a paragraph boundary (a blank line after a line that ends a
sentence) once it is ``block_chars`` long, or anywhere after a space once it
is ``4 * block_chars`` long (one huge line is cut into pieces; line-level
repairs never apply to such lines anyway).  Offsets and line numbers in the
changes are made global.

>>> import io
>>> blocks = list(iter_blocks(io.StringIO("أ.\\n\\nب\\n"), block_chars=1))
>>> [b.text for b in blocks], [b.offset for b in blocks]
(['أ.\\n\\n', 'ب\\n'], [0, 4])
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .model import Config, Diagnosis, Result
from .pipeline import run

BLOCK_CHARS = 256 * 1024
READ_CHARS = 1 << 20
SENTENCE_END = (".", "!", "?", "؟", ":", "”", "»", '"')


@dataclass(frozen=True)
class Block:
    text: str
    offset: int
    line: int


def iter_blocks(stream, block_chars: int = BLOCK_CHARS):
    """Yield :class:`Block` pieces of a text stream (offsets in characters)."""
    pending: list[str] = []
    size = 0
    offset = 0
    line = 0
    previous_ends_sentence = False
    for piece in _pieces(stream, 4 * block_chars):
        pending.append(piece)
        size += len(piece)
        is_blank = piece.strip() == "" and piece.endswith("\n")
        cut = (size >= block_chars and is_blank and previous_ends_sentence) or size >= 4 * block_chars
        if not is_blank:
            previous_ends_sentence = piece.rstrip().endswith(SENTENCE_END)
        if cut:
            text = "".join(pending)
            yield Block(text, offset, line)
            offset += len(text)
            line += text.count("\n")
            pending, size = [], 0
    if pending:
        yield Block("".join(pending), offset, line)


def _pieces(stream, max_piece: int):
    """Lines of the stream; a line longer than ``max_piece`` comes in pieces cut after a space."""
    while True:
        line = stream.readline(max_piece)
        if not line:
            return
        while len(line) >= max_piece and not line.endswith("\n"):
            cut = line.rfind(" ") + 1 or len(line)
            yield line[:cut]
            line = line[cut:] + stream.readline(max_piece - (len(line) - cut))
        yield line


def shift(result: Result, block: Block) -> Result:
    """Make a block's offsets and line numbers global."""
    changes = [replace(c, start=c.start + block.offset, end=c.end + block.offset, line=c.line + block.line)
               for c in result.changes]
    figures = [replace(f, start=f.start + block.offset, end=f.end + block.offset, line=f.line + block.line)
               for f in result.figures]
    return Result(result.text, changes, figures, result.diagnosis, result.glyph_table)


def fix_stream(source, sink, siblings=(), config: Config | None = None,
               block_chars: int = BLOCK_CHARS) -> Result:
    """Repair ``source`` (a text stream) into ``sink``; return the merged report (text left empty)."""
    changes, figures, glyphs = [], [], {}
    counts: dict[str, int] = {}
    characters = 0
    touched = 0.0
    for block in iter_blocks(source, block_chars):
        result = shift(run(block.text, siblings, config), block)
        sink.write(result.text)
        changes.extend(result.changes)
        figures.extend(result.figures)
        glyphs.update(result.glyph_table)
        for kind, n in result.diagnosis.counts.items():
            counts[kind] = counts.get(kind, 0) + n
        characters += len(block.text)
        touched += result.diagnosis.score * len(block.text)
    score = touched / characters if characters else 0.0
    return Result("", changes, figures, Diagnosis(counts, score, characters), glyphs)
