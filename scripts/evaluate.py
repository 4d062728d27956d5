"""Measure how well `repair` undoes the damage in fixtures/damaged/, and that it
leaves clean text alone.

    .venv/bin/python scripts/evaluate.py                 # every set, table
    .venv/bin/python scripts/evaluate.py --set chunks    # one set
    .venv/bin/python scripts/evaluate.py --json          # machine output

CER is the Levenshtein distance over whitespace-folded text (runs of
whitespace made one space, stripped) divided by the reference length.  LCER
does the same but keeps the line structure (spaces folded inside lines, lines
stripped, runs of blank lines made one): it sees lines left unjoined, page
breaks and paragraph breaks.  Totals are sums of distances over sums of
reference lengths.  The ``negative`` row runs on fixtures/clean/ and the clean
seeds: every change there is a false repair.  A repair step that raises on a
file is reported (and the file repaired again without that family) instead of
stopping the run.
"""

from __future__ import annotations

import argparse
import importlib.util
import inspect
import json
import re
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import repair  # noqa: E402
from repair.model import Config  # noqa: E402

DAMAGED = ROOT / "fixtures" / "damaged"
CLEAN = ROOT / "fixtures" / "clean"
SEEDS = ROOT / "fixtures" / "seeds"
CLEAN_SEEDS = ("000", "001", "003", "004")
# Module of repair/ -> the Config flag that turns its family off.
FAMILY_OF_MODULE = {"presentation": "presentation_forms", "visual": "visual_order", "runs": "run_order",
                    "kashida": "kashida",
                    "chunks": "chunk_reversal", "words": "words", "paragraphs": "paragraphs",
                    "figures": "figures", "siblings": "figures"}


def fold_whitespace(text: str) -> str:
    """Runs of whitespace made one space, ends stripped.

    >>> fold_whitespace(" a\\n\\n b  c ")
    'a b c'
    """
    return re.sub(r"\s+", " ", text).strip()


def fold_layout(text: str) -> str:
    """Spaces folded inside lines, lines stripped, runs of blank lines made one.

    >>> fold_layout(" a  b \\n\\n\\n\\n c\\n")
    'a b\\n\\nc'
    """
    lines = [re.sub(r"[^\S\n]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def distance(a: str, b: str) -> int:
    return Levenshtein.distance(a, b)


_DIGIT = re.compile("[0-9\u0660-\u0669]")


def distance_excusing_unknown_figures(repaired: str, reference: str, damaged: str = "") -> int:
    """Edit distance not counting figures `repair` may not invent: private-use figure glyphs left
    in place (reported unknown), and reference digits missing from the output, up to the number of
    digits the damage deleted (the reference's digits less the damaged text's).

    >>> distance_excusing_unknown_figures("عن \ue008\ue005 عنصر", "عن 10 عنصر")
    0
    >>> distance_excusing_unknown_figures("عن  عنصر", "عن 10 عنصر", "عن  عنصر"), distance_excusing_unknown_figures("عن  عنصر", "عن 10 عنصر")
    (0, 2)
    """
    ops = Levenshtein.editops(repaired, reference)
    vanished = max(0, len(_DIGIT.findall(reference)) - len(_DIGIT.findall(damaged))) if damaged else 0
    missing_digits = sum(1 for op in ops if op.tag == "insert" and _DIGIT.match(reference[op.dest_pos]))
    glyphs = sum(1 for op in ops if op.tag in ("replace", "delete") and "\ue000" <= repaired[op.src_pos] <= "\uf8ff")
    return len(ops) - glyphs - min(missing_digits, vanished)


def cer(hypothesis: str, reference: str) -> float:
    """Character error rate of ``hypothesis`` against ``reference``, whitespace folded.

    >>> round(cer("ab  c", "ab d"), 3)
    0.25
    """
    ref = fold_whitespace(reference)
    return distance(fold_whitespace(hypothesis), ref) / max(len(ref), 1)


@dataclass
class Repaired:
    """The output of a repair on one text, and what went wrong on the way."""

    text: str
    changes: int = 0
    errors: list = field(default_factory=list)


def failing_family(exc: BaseException) -> str | None:
    """The Config flag of the repair module deepest in ``exc``'s traceback."""
    family = None
    for frame in traceback.extract_tb(exc.__traceback__):
        parts = Path(frame.filename).parts
        if len(parts) >= 2 and parts[-2] == "repair":
            family = FAMILY_OF_MODULE.get(Path(frame.filename).stem, family)
    return family


def run_repair(text: str, siblings=()) -> Repaired:
    """``repair.fix_and_explain`` on ``text``; a family that raises is reported
    and turned off, and the text repaired again without it."""
    config = Config()
    errors = []
    for _ in range(len(FAMILY_OF_MODULE) + 1):
        try:
            result = repair.fix_and_explain(text, siblings=siblings, config=config)
            return Repaired(result.text, len(result.changes), errors)
        except Exception as exc:  # a bug in one step must not stop the evaluation
            family = failing_family(exc)
            errors.append(f"{family or 'pipeline'}: {type(exc).__name__}: {exc}"[:300])
            if family is None or not getattr(config, family):
                break
            config = config.without(family)
    return Repaired(text, 0, errors)


def fixture_pairs(set_dir: Path) -> list[tuple[Path, Path]]:
    """(damaged, reference) paths of one fixture set."""
    pairs = []
    for ref in sorted(set_dir.glob("*.ref.txt")):
        damaged = ref.with_name(ref.name[: -len(".ref.txt")] + ".txt")
        if damaged.exists():
            pairs.append((damaged, ref))
    return pairs


def score_pair(damaged: str, reference: str, repaired: str) -> dict:
    """Distances before and after, folded and layout-aware, and reference lengths."""
    ref, ref_layout = fold_whitespace(reference), fold_layout(reference)
    return {
        "chars": len(ref),
        "dist_before": distance(fold_whitespace(damaged), ref),
        "dist_after": distance(fold_whitespace(repaired), ref),
        "dist_after_known": distance_excusing_unknown_figures(fold_whitespace(repaired), ref, damaged),
        "layout_chars": len(ref_layout),
        "layout_before": distance(fold_layout(damaged), ref_layout),
        "layout_after": distance(fold_layout(repaired), ref_layout),
    }


def evaluate_set(set_dir: Path) -> dict:
    """Scores of one damaged set, per file and in total."""
    started = time.perf_counter()
    files = []
    for damaged_path, ref_path in fixture_pairs(set_dir):
        damaged = damaged_path.read_text(encoding="utf-8")
        reference = ref_path.read_text(encoding="utf-8")
        repaired = run_repair(damaged)
        files.append({"file": damaged_path.name, **score_pair(damaged, reference, repaired.text),
                      "errors": repaired.errors})
    return {"set": set_dir.name, **totals(files), "seconds": round(time.perf_counter() - started, 2),
            "files": files}


def totals(files: list[dict]) -> dict:
    chars = sum(f["chars"] for f in files) or 1
    layout = sum(f["layout_chars"] for f in files) or 1
    return {
        "n_files": len(files),
        "chars": sum(f["chars"] for f in files),
        "cer_before": sum(f["dist_before"] for f in files) / chars,
        "cer_after": sum(f["dist_after"] for f in files) / chars,
        "cer_after_known": sum(f["dist_after_known"] for f in files) / chars,
        "lcer_before": sum(f["layout_before"] for f in files) / layout,
        "lcer_after": sum(f["layout_after"] for f in files) / layout,
        "n_errors": sum(bool(f["errors"]) for f in files),
    }


def clean_texts() -> list[Path]:
    """fixtures/clean/*.txt, corpus/*.txt and the clean seeds: texts that must come out unchanged."""
    paths = sorted(CLEAN.glob("*.txt")) + sorted((ROOT / "corpus").glob("*.txt"))
    paths += sorted(p for p in SEEDS.glob("*.txt") if p.name[:3] in CLEAN_SEEDS and not p.name.endswith(".ref.txt"))
    return paths


def evaluate_negative() -> dict:
    """How many clean files the repair changes, and how many changes it makes."""
    started = time.perf_counter()
    files = []
    for path in clean_texts():
        text = path.read_text(encoding="utf-8")
        repaired = run_repair(text)
        files.append({"file": path.name, "chars": len(text), "changed": repaired.text != text,
                      "changes": repaired.changes, "errors": repaired.errors})
    return {"set": "negative", "n_files": len(files), "chars": sum(f["chars"] for f in files),
            "files_changed": sum(f["changed"] for f in files),
            "changes": sum(f["changes"] for f in files),
            "n_errors": sum(bool(f["errors"]) for f in files),
            "seconds": round(time.perf_counter() - started, 2),
            "files": [f for f in files if f["changed"] or f["errors"] or f["changes"]]}


def evaluate_seed_002() -> dict | None:
    """Seed 002 against its reference (if fixtures/reference/002.ref.txt exists),
    with the clean seeds as siblings."""
    refs = sorted((ROOT / "fixtures" / "reference").glob("002*.ref.txt"))
    broken = [p for p in sorted(SEEDS.glob("002*.txt")) if not p.name.endswith(".ref.txt")]
    if not refs or not broken:
        return None
    damaged = broken[0].read_text(encoding="utf-8")
    reference = refs[0].read_text(encoding="utf-8")
    siblings = [p for p in clean_texts() if p.parent == SEEDS]
    started = time.perf_counter()
    alone = run_repair(damaged)
    with_siblings = run_repair(damaged, siblings=siblings)
    rows = [{"file": broken[0].name, **score_pair(damaged, reference, alone.text), "errors": alone.errors},
            {"file": broken[0].name + " +siblings", **score_pair(damaged, reference, with_siblings.text),
             "errors": with_siblings.errors}]
    return [{"set": name, **totals([row]), "seconds": round(time.perf_counter() - started, 2), "files": [row]}
            for name, row in zip(("seed002", "seed002+sibs"), rows)]


def evaluate_figures_summary() -> dict | None:
    """The summary of scripts/evaluate_figures.py's ``evaluate(root)``, if it exists."""
    path = ROOT / "scripts" / "evaluate_figures.py"
    if not path.exists():
        return None
    try:
        spec = importlib.util.spec_from_file_location("evaluate_figures", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if not hasattr(module, "evaluate"):
            return {"error": "scripts/evaluate_figures.py has no evaluate(root)"}
        return module.evaluate(*figures_root(module.evaluate))
    except Exception as exc:  # another helper's script must not stop this one
        return {"error": f"{type(exc).__name__}: {exc}"[:300]}


def figures_root(function) -> tuple:
    """The arguments for ``evaluate``: none when its root has a default, else the repository root."""
    params = list(inspect.signature(function).parameters.values())
    if not params or params[0].default is not inspect.Parameter.empty:
        return ()
    return (ROOT,)


def set_dirs(only: str | None) -> list[Path]:
    dirs = sorted(p for p in DAMAGED.iterdir() if p.is_dir()) if DAMAGED.exists() else []
    dirs.sort(key=lambda p: (p.name != "mixed", p.name))
    return [d for d in dirs if only in (None, d.name)]


def evaluate_all(only: str | None = None) -> dict:
    report = {"sets": [evaluate_set(d) for d in set_dirs(only)]}
    if only in (None, "negative"):
        report["negative"] = evaluate_negative()
    if only in (None, "seed002"):
        report["seed002"] = evaluate_seed_002()
    if only in (None, "figures"):
        report["figures"] = evaluate_figures_summary()
    if only in (None, "pdf"):
        report["pdf"] = evaluate_pdf()
    return report


EXTRACTORS = ("pdfminer", "pdftotext", "pymupdf", "pdfjs")
PDF_DIRS = (ROOT / "fixtures" / "pdf", ROOT / "fixtures" / "pdfjs")  # make_pdf_fixtures.py, make_pdfjs_fixtures.py


def evaluate_pdf(folders=PDF_DIRS) -> list[dict]:
    """CER before and after the whole repair of each real extractor's output in ``folders``:
    fixtures/pdf/ and fixtures/pdfjs/ (pdf.js as pdf-parse uses it, lines broken mid-word)."""
    rows = []
    for folder in folders:
        for ref_path in sorted(Path(folder).glob("*.ref.txt")):
            reference = ref_path.read_text(encoding="utf-8")
            name = ref_path.name[:-len(".ref.txt")]
            row = {"fixture": name if Path(folder).name == "pdf" else f"{Path(folder).name}/{name}"}
            for extractor in EXTRACTORS:
                path = ref_path.with_name(f"{name}.{extractor}.txt")
                if path.exists():
                    text = path.read_text(encoding="utf-8")
                    row[extractor] = (cer(text, reference), cer(run_repair(text).text, reference))
            rows.append(row)
    return rows


def format_pdf(rows: list[dict]) -> list[str]:
    lines = ["", "real extractors (fixtures/pdf/, fixtures/pdfjs/), CER before -> after:",
             f"{'fixture':20} " + " ".join(f"{e:>16}" for e in EXTRACTORS)]
    for row in rows:
        cells = [f"{row[e][0]:.3f} -> {row[e][1]:.3f}" if e in row else "-" for e in EXTRACTORS]
        lines.append(f"{row['fixture']:20} " + " ".join(f"{c:>16}" for c in cells))
    return lines


def figures_summary(figures):
    """The short part of evaluate_figures' result: its ``summary``, or all but the per-set detail.

    >>> figures_summary({"sets": {"a": {}, "b": {}}, "recall": 0.9})
    {'recall': 0.9, 'n_sets': 2}
    """
    if not isinstance(figures, dict):
        return figures
    if "summary" in figures:
        return figures["summary"]
    short = {k: v for k, v in figures.items() if k != "sets"}
    if isinstance(figures.get("sets"), (dict, list)):
        short["n_sets"] = len(figures["sets"])
    return short


def format_table(report: dict) -> str:
    lines = []
    head = (f"{'set':13} {'files':>5} {'chars':>8} {'CER before':>10} {'CER after':>10} {'CER after*':>10} "
            f"{'LCER before':>11} {'LCER after':>10} {'errors':>6} {'secs':>6}")
    rows = list(report["sets"])
    if report.get("seed002"):
        rows.extend(report["seed002"])
    if rows:
        lines += [head, "-" * len(head)]
    for r in rows:
        lines.append(f"{r['set']:13} {r['n_files']:5} {r['chars']:8} {r['cer_before']:10.2%} {r['cer_after']:10.2%} "
                     f"{r['cer_after_known']:10.2%} "
                     f"{r['lcer_before']:11.2%} {r['lcer_after']:10.2%} {r['n_errors']:6} {r['seconds']:6.1f}")
    if "seed002" in report and report["seed002"] is None:
        lines.append("seed002       (no fixtures/reference/002.ref.txt: not scored)")
    if rows:
        lines.append("CER after*: not counting figures never invented: private-use glyphs left in place as unknown, "
                     "and digits the damage deleted")
    neg = report.get("negative")
    if neg:
        lines.append("")
        lines.append(f"negative: {neg['n_files']} clean files, {neg['chars']} chars: "
                     f"{neg['files_changed']} files changed, {neg['changes']} changes, "
                     f"{neg['n_errors']} with errors ({neg['seconds']:.1f}s)")
        for f in neg["files"]:
            lines.append(f"  {f['file']}: {f['changes']} changes" + (f"; errors: {f['errors']}" if f["errors"] else ""))
    errors = [(r["set"], f["file"], e) for r in rows for f in r["files"] for e in f["errors"]]
    if errors:
        lines.append("")
        lines.append(f"errors ({len(errors)}):")
        for set_name, name, message in errors[:20]:
            lines.append(f"  {set_name}/{name}: {message}")
        if len(errors) > 20:
            lines.append(f"  ... {len(errors) - 20} more (see --json)")
    if report.get("pdf"):
        lines += format_pdf(report["pdf"])
    if report.get("figures") is not None:
        lines.append("")
        figures = report["figures"]
        lines.append("figures (scripts/evaluate_figures.py): "
                     + json.dumps(figures_summary(figures), ensure_ascii=False, default=str)[:2000])
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Score repair on the damaged fixtures.")
    parser.add_argument("--set", help="only this set (a folder of fixtures/damaged/, or negative, seed002, figures, pdf)")
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    args = parser.parse_args(argv)
    known = [d.name for d in set_dirs(None)] + ["negative", "seed002", "figures", "pdf"]
    if args.set and args.set not in known:
        parser.error(f"unknown set {args.set!r}; one of: {', '.join(known)}")
    report = evaluate_all(args.set)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1, default=str))
    else:
        print(format_table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
