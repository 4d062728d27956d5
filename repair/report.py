"""Reports: the JSON report, the human-readable explanation, the scan table.

>>> from repair.model import Diagnosis, Result
>>> to_report(Result("نص", [], [], Diagnosis({}, 0.0, 2)), "in.txt")["input"]
'in.txt'
"""

from __future__ import annotations

import json

from .model import Result

KIND_NAMES = {
    "bidi_control": "bidi embedding marks removed",
    "kashida": "justification kashida removed",
    "presentation_form": "presentation forms folded",
    "lam_alef": "swapped lam-alef put right",
    "visual_order": "visual-order line put in logical order",
    "detached_mark": "vowel mark put back on its word",
    "run_order": "line's runs (PyMuPDF order) put in logical order",
    "bracket": "mirrored bracket turned round",
    "line_order": "paragraph given last line first put in reading order",
    "chunk_reversal": "chunk-reversed line put in logical order",
    "word_join": "split word joined",
    "word_split": "merged words split",
    "line_join": "wrapped line joined",
    "paragraph_indent": "paragraph indent removed",
    "figure": "figure restored",
}


def to_report(result: Result, source: str, siblings=()) -> dict:
    """The JSON report for one input: changes, figures, diagnosis, glyph table."""
    report = {"input": source, "siblings": [str(s) for s in siblings]}
    report.update(result.to_dict())
    return report


def write_report(report: dict, path: str) -> None:
    """Write a report as UTF-8 JSON (Arabic kept readable)."""
    with open(path, "w", encoding="utf-8") as f:
        json.dump(report, f, ensure_ascii=False, indent=1)
        f.write("\n")


def explain(result: Result) -> str:
    """Every change and figure, one block each, in reading order.

    >>> from repair.model import Change, Diagnosis, Result
    >>> c = Change("kashida", 3, 10, 14, "مـــن", "من", 0.99, "3 stretched words on the line")
    >>> print(explain(Result("", [c], [], Diagnosis({"kashida": 1}, 0.1, 20))).splitlines()[2])
    line 3 [10:14] justification kashida removed (confidence 0.99)
    """
    out = [f"diagnosis: {_counts(result.diagnosis.counts)}; damage score {result.diagnosis.score:.2f}", ""]
    for c in result.changes:
        out.append(f"line {c.line} [{c.start}:{c.end}] {KIND_NAMES.get(c.kind, c.kind)} (confidence {c.confidence:.2f})")
        out.append(f"  before: {_show(c.before)}")
        out.append(f"  after:  {_show(c.after)}")
        out.append(f"  why:    {c.evidence}")
    if result.figures:
        out.append("")
        out.append(f"figures: {len(result.figures)}")
    for f in result.figures:
        value = f.value if f.value is not None else "unknown"
        source = f" from {f.source}" if f.source else ""
        out.append(f"line {f.line} [{f.start}:{f.end}] figure {value} ({f.status}{source}, confidence {f.confidence:.2f})")
        out.append(f"  slot:    {_show(f.slot)}")
        out.append(f"  context: {f.context}")
        if f.evidence:
            out.append(f"  why:     {f.evidence}")
    if result.glyph_table:
        table = ", ".join(f"U+{ord(k):04X}={v}" for k, v in sorted(result.glyph_table.items()))
        out.append(f"glyph table: {table}")
    if not result.changes and not result.figures:
        out.append("no damage found; the text is left as it is")
    return "\n".join(out) + "\n"


def scan_row(name: str, result: Result) -> dict:
    """One row of ``repair scan``: the file, its damage counts and score."""
    return {"file": name, **result.diagnosis.to_dict()}


def scan_table(rows: list[dict]) -> str:
    """The rows of ``repair scan`` as an aligned text table.

    >>> print(scan_table([{"file": "a.txt", "counts": {}, "score": 0.0, "clean": True}]))
    file   score  damage
    a.txt  0.00   clean
    """
    lines = [("file", "score", "damage")]
    for row in rows:
        if "error" in row:
            lines.append((row["file"], "-", "error: " + row["error"]))
        else:
            lines.append((row["file"], f"{row['score']:.2f}", "clean" if row["clean"] else _counts(row["counts"])))
    widths = [max(len(r[i]) for r in lines) for i in range(2)]
    return "\n".join(f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]}".rstrip() for r in lines)


def _counts(counts: dict) -> str:
    shown = [f"{k} {v}" for k, v in counts.items() if v]
    return ", ".join(shown) if shown else "clean"


def _show(text: str) -> str:
    """Make invisible characters visible: private-use as <U+E008>, newlines as ⏎."""
    out = []
    for ch in text:
        if "\ue000" <= ch <= "\uf8ff":
            out.append(f"<U+{ord(ch):04X}>")
        elif ch == "\n":
            out.append("⏎")
        else:
            out.append(ch)
    return "".join(out)
