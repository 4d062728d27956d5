"""Score figure restoration on the fixture sets of fixtures/figures/manifest.json.

For every set, :func:`repair.figures.resolve_figures` runs on the broken
document with the set's siblings, and each true slot is counted as

* ``recovered``: a value was written and it is the true figure;
* ``wrong``: a value was written and it is not (also every edit or valued
  figure where the truth has no slot: ``spurious``);
* ``unknown``: no value (reported unknown, or not reported).

``evidence`` counts the slots whose figure can be known (a sibling has it,
or the glyph table learned from such slots decodes it); ``recall`` is the
share of those recovered.  Targets: wrong = 0 on every set, recall ≥ 0.9.

    .venv/bin/python scripts/evaluate_figures.py [fixtures/figures]

``evaluate(root)`` returns the numbers as a dict for scripts/evaluate.py.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.figures import resolve_figures  # noqa: E402
from repair.model import Config  # noqa: E402
from repair.numbers import parse_digits, to_western  # noqa: E402
from repair.siblings import Sibling  # noqa: E402

FIELDS = ("slots", "evidence", "recovered", "recovered_with_evidence", "wrong", "spurious", "unknown",
          "confirmed", "inferred")


def score_set(entry: dict, root: Path) -> dict:
    """Counts for one fixture set."""
    text = (root / entry["document"]).read_text(encoding="utf-8")
    siblings = [Sibling((root / s["path"]).read_text(encoding="utf-8"), Path(s["path"]).name) for s in entry["siblings"]]
    ctx = SimpleNamespace(config=Config(), siblings=siblings, original=text)
    edits, figures, _ = resolve_figures(text, ctx)
    truth = {(s["start"], s["end"]): s for s in entry["slots"]}
    found = {(f.start, f.end): f for f in figures}
    counts = dict.fromkeys(FIELDS, 0)
    for span, slot in truth.items():
        figure = found.get(span)
        value = to_western(figure.value) if figure is not None and figure.value is not None else None
        counts["slots"] += 1
        has_evidence = slot["evidence"] != "none"
        counts["evidence"] += has_evidence
        if value is None:
            counts["unknown"] += 1
        elif parse_digits(value) == parse_digits(slot["truth"]):
            counts["recovered"] += 1
            counts["recovered_with_evidence"] += has_evidence
            counts[figure.status] += 1
        else:
            counts["wrong"] += 1
    edited = {(e.start, e.end) for e in edits}
    counts["spurious"] = sum(1 for span in edited if span not in truth) + sum(
        1 for span, f in found.items() if span not in truth and f.value is not None and span not in edited)
    counts["wrong"] += counts["spurious"]
    return counts


def evaluate(root=ROOT / "fixtures" / "figures") -> dict:
    """Per-set and total counts: ``{"sets": {name: counts}, "total": counts, "recall": r, "wrong": n}``."""
    root = Path(root)
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    sets = {entry["name"]: score_set(entry, root) | {"mode": entry["mode"]} for entry in manifest["sets"]}
    total = {k: sum(s[k] for s in sets.values()) for k in FIELDS}
    recall = total["recovered_with_evidence"] / total["evidence"] if total["evidence"] else 1.0
    return {"sets": sets, "total": total, "recall": round(recall, 4), "wrong": total["wrong"],
            "sets_with_wrong": sorted(name for name, s in sets.items() if s["wrong"])}


def table(result: dict) -> str:
    """The result as a plain-text table."""
    head = f"{'set':34} {'mode':13} {'slots':>5} {'evid':>5} {'recov':>5} {'conf':>5} {'infer':>5} {'wrong':>5} {'unkn':>5} {'recall':>6}"
    lines = [head, "-" * len(head)]
    rows = list(result["sets"].items()) + [("TOTAL", result["total"] | {"mode": ""})]
    for name, s in rows:
        recall = f"{s['recovered_with_evidence'] / s['evidence']:.2f}" if s["evidence"] else "-"
        lines.append(f"{name:34} {s['mode']:13} {s['slots']:5} {s['evidence']:5} {s['recovered']:5} {s['confirmed']:5} "
                     f"{s['inferred']:5} {s['wrong']:5} {s['unknown']:5} {recall:>6}")
    lines.append(f"recall where evidence exists: {result['recall']:.3f}; wrong: {result['wrong']}"
                 + (f" in {', '.join(result['sets_with_wrong'])}" if result["sets_with_wrong"] else ""))
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(evaluate(sys.argv[1] if len(sys.argv) > 1 else ROOT / "fixtures" / "figures")))
