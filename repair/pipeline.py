"""The repair pipeline: one line per kind of damage, run in order.

Each step is ``step(text, ctx) -> list[Edit]`` on the text as the earlier
steps left it.  A new kind of damage is one new module and one line in
:data:`STEPS`.

>>> fix_and_explain("نص سليم").text
'نص سليم'
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from operator import attrgetter

from . import (brackets, chunks, controls, kashida, line_order, marks, paragraphs, presentation, runs, screen,
               visual, words)
from .figures import resolve_figures
from .model import Change, Config, Diagnosis, Result
from .offsets import LineIndex, StageMap, apply_edits
from .siblings import Sibling, load_siblings

_START = attrgetter("start")

# (config flag, step). Order matters: shapes are folded before lines are
# reordered, kashida goes before lexicon look-ups, lines are joined last.
STEPS = [
    ("bidi_controls", controls.strip_bidi_embeddings),
    ("presentation_forms", presentation.fold_presentation_forms),
    ("visual_order", visual.reorder_visual_lines),
    ("marks", marks.reattach_marks),
    ("run_order", runs.reorder_runs),
    ("brackets", brackets.mirror_brackets),
    ("line_order", line_order.reverse_upside_down_paragraphs),
    ("kashida", kashida.remove_kashida),
    ("chunk_reversal", chunks.repair_chunk_reversal),
    ("words", words.repair_words),
    ("paragraphs", paragraphs.join_wrapped_lines),
]


# A repair can uncover another (a word joined at a line's edge reveals that the
# line was chunk-reversed): the steps run again until a round changes nothing,
# so fixing a fixed text changes nothing.
MAX_ROUNDS = 3


@dataclass
class Context:
    """What a step may consult besides the text: the input, config and siblings.

    ``damaged`` tells the costlier steps that the document already shows
    extraction damage (marks in the input, or edits by an earlier step), so
    their full scan is worth its cost; ``layout`` caches the wrap width.
    """

    original: str
    config: Config
    siblings: list = field(default_factory=list)
    damaged: bool = False
    _layout: dict = field(default_factory=dict)

    def wrap_width(self, text: str):
        """The hard-wrap width of ``text`` (None when not wrapped), computed once per text."""
        key = (len(text), hash(text))
        if key not in self._layout:
            self._layout[key] = paragraphs.wrap_width(text.split("\n"))
        return self._layout[key]

    def worth_a_full_scan(self, text: str) -> bool:
        """True for short inputs, damaged documents and hard-wrapped ones (extraction output)."""
        if self.damaged or screen.is_short(text):
            return True
        return self.wrap_width(text) is not None


def run(text: str, siblings=(), config: Config | None = None) -> Result:
    """Run every enabled step and the figure resolver; return a full Result."""
    config = config or Config()
    signs = screen.signs(text)
    ctx = Context(original=text, config=config, siblings=load_siblings(siblings),
                  damaged="extraction" in signs)
    if not signs and not ctx.worth_a_full_scan(text):
        # No step has anything to look at: every step's own gate would say so.
        return Result(text, [], [], _diagnose(text, [], []), {})
    lines = LineIndex(text)
    stages: list[StageMap] = []
    changes: list[Change] = []
    current = text
    for _ in range(MAX_ROUNDS):
        before = len(changes)
        for flag, step in STEPS:
            if not getattr(config, flag):
                continue
            edits = step(current, ctx)
            if not edits:
                continue
            changes.extend(_record(current, edits, stages, lines))
            current, stage = apply_edits(current, edits)
            stages.append(stage)
            ctx.damaged = True
        if len(changes) == before:
            break
    figures = []
    if config.figures:
        edits, figures, glyph_table = resolve_figures(current, ctx)
        figures = [_locate_figure(f, stages, lines) for f in figures]
        if edits:
            changes.extend(_record(current, edits, stages, lines))
            current, stage = apply_edits(current, edits)
            stages.append(stage)
    else:
        glyph_table = {}
    diagnosis = _diagnose(text, changes, figures)
    return Result(current, changes, figures, diagnosis, glyph_table)


def _all_to_original(positions: list[int], stages: list[StageMap], side: str) -> list[int]:
    """Where each of ``positions`` of the current text was in the input, a stage at a time."""
    for stage in reversed(stages):
        positions = stage.to_old_all(positions, side)
    return positions


def _record(current: str, edits, stages, lines: LineIndex) -> list[Change]:
    """The Changes of one step's edits on ``current``, located in the input."""
    edits = sorted(edits, key=_START)
    starts = _all_to_original([e.start for e in edits], stages, "start")
    ends = _all_to_original([e.end for e in edits], stages, "end")
    line_of = lines.line_of
    return [Change(e.kind, line_of(start), start, end, current[e.start:e.end], e.after, round(e.confidence, 3),
                   e.evidence) for e, start, end in zip(edits, starts, ends)]


def _locate_figure(fig, stages, lines: LineIndex):
    """The figure with its span and line in the input."""
    [start] = _all_to_original([fig.start], stages, "start")
    [end] = _all_to_original([fig.end], stages, "end")
    return replace(fig, start=start, end=end, line=lines.line_of(start))


def _diagnose(text: str, changes: list[Change], figures: list) -> Diagnosis:
    """Counts per kind of change and figure, and the share of the text touched."""
    counts: dict[str, int] = {}
    touched = 0
    for c in changes:
        counts[c.kind] = counts.get(c.kind, 0) + 1
        touched += max(c.end - c.start, len(c.after), 1)
    unknown = [f for f in figures if f.status == "unknown"]
    if unknown:
        counts["figure_unknown"] = len(unknown)
        touched += sum(max(f.end - f.start, 1) for f in unknown)
    if figures:
        counts["figure_slots"] = len(figures)
    score = 0.0
    if touched:
        score = min(1.0, max(0.05, touched / max(len(text), 1)))
    return Diagnosis(counts, score, len(text))


def fix_and_explain(text: str, siblings=(), config: Config | None = None) -> Result:
    """Repair ``text``; return the text with every change and figure explained.

    ``siblings`` are clean reports of the same story: paths, strings, or
    :class:`repair.siblings.Sibling` objects.
    """
    return run(text, siblings, config)


def fix_text(text: str, siblings=(), config: Config | None = None) -> str:
    """Repair ``text`` and return the repaired string.

    >>> fix_text("وكالـــة أعمـــاق المرتبطـــة بتنظيـــم داعـــش")
    'وكالة أعماق المرتبطة بتنظيم داعش'
    """
    return run(text, siblings, config).text


def diagnose(text: str) -> Diagnosis:
    """Count each kind of damage in ``text`` without changing it.

    >>> diagnose("نص سليم").is_clean
    True
    """
    return run(text).diagnosis


__all__ = ["Context", "STEPS", "Sibling", "diagnose", "fix_and_explain", "fix_text", "run"]
