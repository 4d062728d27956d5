"""The data every part of `repair` passes around.

A repair step is a pure function ``step(text, ctx) -> list[Edit]``: it looks at
the text as the previous steps left it and proposes non-overlapping edits on
that text.  The pipeline applies them, maps their spans back to offsets in the
original input and records each one as a :class:`Change`.

>>> Edit(0, 3, "أكد", kind="chunk_reversal", confidence=0.9, evidence="lexicon").after
'أكد'
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace


@dataclass(frozen=True)
class Edit:
    """A proposed replacement of ``text[start:end]`` by ``after`` in one step's input.

    >>> Edit(4, 9, "", kind="kashida", confidence=0.99, evidence="justification").start
    4
    """

    start: int
    end: int
    after: str
    kind: str
    confidence: float
    evidence: str


@dataclass(frozen=True)
class Change:
    """One change made to the input, as the report shows it.

    ``start``/``end`` are character offsets into the original input, ``line``
    is the 1-based input line where the change starts, ``before`` is the text
    the step saw (earlier steps may already have changed it) and ``after``
    what it wrote.

    >>> Change("kashida", 3, 10, 14, "مـــن", "من", 0.99, "justification kashida").to_dict()["after"]
    'من'
    """

    kind: str
    line: int
    start: int
    end: int
    before: str
    after: str
    confidence: float
    evidence: str

    def to_dict(self) -> dict:
        return asdict(self)


FIGURE_STATUSES = ("confirmed", "inferred", "unknown")


@dataclass(frozen=True)
class Figure:
    """A place where a figure stands or stood, and what is known of its value.

    ``slot`` is the text found there (private-use code points, ``(cid:NN)``
    runs, or an empty slot), ``value`` the restored figure as written into
    the output (``None`` when unknown), ``status`` one of ``confirmed``,
    ``inferred`` or ``unknown``, ``source`` the sibling it came from (for
    confirmed figures), ``context`` the words around it.

    >>> Figure("pua", 10, 13, "\\ue008\\ue005\\ue005", None, "unknown", None, "عن … عنصر", 0.0, "").status
    'unknown'
    """

    kind: str
    start: int
    end: int
    slot: str
    value: str | None
    status: str
    source: str | None
    context: str
    confidence: float
    evidence: str
    line: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Diagnosis:
    """What is wrong with a text, per kind of damage, and a 0–1 damage score.

    ``counts`` maps a damage kind to the number of places it was found;
    ``score`` is the share of the text's characters the repairs would touch,
    lifted so that any real damage scores at least 0.05.

    >>> Diagnosis({}, 0.0, 0).is_clean
    True
    """

    counts: dict
    score: float
    characters: int

    @property
    def is_clean(self) -> bool:
        return not any(self.counts.values())

    def to_dict(self) -> dict:
        return {"counts": dict(self.counts), "score": round(self.score, 4),
                "characters": self.characters, "clean": self.is_clean}


@dataclass
class Result:
    """The repaired text with every change, every figure and the diagnosis.

    >>> Result("نص", [], [], Diagnosis({}, 0.0, 2)).text
    'نص'
    """

    text: str
    changes: list
    figures: list
    diagnosis: Diagnosis
    glyph_table: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "changes": [c.to_dict() for c in self.changes],
            "figures": [f.to_dict() for f in self.figures],
            "diagnosis": self.diagnosis.to_dict(),
            "glyph_table": dict(self.glyph_table),
        }


@dataclass(frozen=True)
class Config:
    """Which repair families run.  Every family is on by default.

    Like ftfy's ``TextFixerConfig``: make one with the families you want off.

    >>> Config(kashida=False).kashida
    False
    >>> Config().without("paragraphs").paragraphs
    False
    """

    bidi_controls: bool = True
    presentation_forms: bool = True
    visual_order: bool = True
    marks: bool = True
    run_order: bool = True
    brackets: bool = True
    line_order: bool = True
    kashida: bool = True
    chunk_reversal: bool = True
    words: bool = True
    paragraphs: bool = True
    figures: bool = True
    # Where learned glyph tables are kept (SQLite); None keeps them in memory only.
    glyph_db: str | None = None
    # The font (or publisher) the glyph table belongs to, so one learned table serves its archive.
    glyph_font: str | None = None

    def without(self, *families: str) -> "Config":
        names = {f.name for f in fields(self)}
        unknown = set(families) - names
        if unknown:
            raise ValueError(f"unknown repair families: {sorted(unknown)}")
        return replace(self, **{name: False for name in families})
