"""Real pdf.js fixtures for chunk reversal: lines whose glyph run the producer
broke mid-word, extracted the way the npm package pdf-parse extracts them.

Clean articles are drawn line by line as in ``make_pdf_fixtures.py``
(reportlab, arabic-reshaper, python-bidi, Amiri, right-aligned, each line
bidi'd on its own).  On about one line in three (a fixed random seed chooses
them) the run is broken one to three times inside a word, after a letter
that does not join to the left (ر ز د ذ و ؤ ا أ إ آ); cuts before ي after ر or
ز are weighted six to one as in seed 002, a word's lone first letter cut off
(``و|قال``) one half.  The logical line ``A|B|C`` is drawn as three pieces,
``C``, then ``B``, then ``A`` from left to right, with a horizontal gap of
``GAP_EM`` (0.7 em) between pieces.  Cutting only after a non-left-joining
letter keeps every glyph's shape what it would be in the unbroken line, so
the page looks like the unbroken line with a wide gap in some words; the
script checks that the pieces' visual strings concatenate to the whole
line's.  The pieces are placed inside one text object (``BT``, a ``Td`` move
to each piece, ``ET``): a kerning gap inside the line's run.  ``--separate``
draws each piece with its own ``drawString`` (its own ``BT``/``ET``)
instead; pdf.js gives byte-identical text (checked on all seven fixtures).

Then ``scripts/pdfjs_extract.mjs`` (pdfjs-dist 5.4.296, pdf-parse's
``render_page``) extracts the text.  For every fixture ``NAME`` this writes
into ``fixtures/pdfjs/``:

- ``NAME.pdf``          the rendered PDF (reportlab invariant mode: deterministic)
- ``NAME.ref.txt``      the clean source, one rendered line per line, reading order
- ``NAME.pdfjs.txt``    pdf.js's text, as pdf-parse returns it (starts with two newlines)
- ``NAME.breaks.json``  which lines were broken: line number (0-based in
  ``ref.txt``), the logical chunks, and the line pdf.js is expected to give

With ``--existing`` it also writes ``fixtures/pdf/NAME.pdfjs.txt`` for every
PDF of ``make_pdf_fixtures.py`` (no broken runs: pdf.js's other habits).

What pdf.js does (read in pdfjs-dist 5.4.296's ``getTextContent``,
``compareWithLastPosition``/``addFakeSpaces``, and measured here):

- Position decides, not operators: a ``Td``, a ``TJ`` kerning number or a new
  ``BT`` block give the same result for the same gap (read in the code;
  ``Td`` and separate ``BT`` blocks measured: byte-identical text).  A gap wider than
  ``0.6 em`` (``SPACE_IN_FLOW_MAX_FACTOR``) ends the current text item and
  pushes a separate ``" "`` item; a gap of ``0.102``-``0.6 em`` only puts a
  space inside the item (``الأثر ية``, the pdftotext kind of split, no
  reversal); below ``0.102 em`` nothing.  A font change (``Tf``, e.g.
  reportlab switching to another 256-glyph subset) also ends the item, without
  a space.
- Every item is passed through pdf.js's own bidi on its own
  (``runBidiTransform``), so an all right-to-left item comes back in logical
  order, and the items stay in content-stream order (left to right here).
  pdf-parse then concatenates the items of one baseline with no separator.
  So the line ``A|B|C`` with 0.7 em gaps comes out ``C B A``: seed 002's
  chunk reversal, exactly (``ية، بالرغم ... تدمر الأثر``); measured on all 84
  broken lines, and on seed001 with 0.61 em.  With gaps of 0.5 em the same lines
  come out in logical order with a space in each split word (``مجد دا``).
- pdf-parse 1.1.1 with the pdf.js it bundles by default (1.10.100, tried by
  hand, not used here) gives the same reversal with no space between the
  chunks (``حققدا``, ``منحلب``): a ``Td``, ``Tm`` or ``BT`` move that is not
  a small forward step ends the item and adds nothing, and a ``TJ`` kerning
  gap up to four space widths only adds spaces inside the item.  It also
  folds presentation forms to letters.  Seed 002's single space between
  chunks is the modern pdf.js's " " item.
- What pdf.js 5 does to every line, broken or not: presentation forms stay
  presentation forms (its NFKC normalisation does not touch them), brackets
  stay mirrored (python-bidi mirrored them for display; pdf.js's bidi does not
  mirror back: ``)داعش(``), and ``بـ «`` comes out ``ب ـ »``.

Usage::

    npm install       # once, at the repository root: pdfjs-dist and @napi-rs/canvas into node_modules/
    .venv/bin/python scripts/make_pdfjs_fixtures.py --existing # (re)make the fixtures
    .venv/bin/python scripts/make_pdfjs_fixtures.py --gap 0.5 --out /tmp/x   # try another gap
    .venv/bin/python scripts/make_pdfjs_fixtures.py --cer      # CER before/after repair
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from make_pdf_fixtures import (AMIRI, CLEAN, FONT_SIZE, LEADING, MARGIN, PARAGRAPH_GAP,  # noqa: E402
                               font_path, register_font, seed, visual, wrap_paragraphs)

OUT = ROOT / "fixtures" / "pdfjs"
PDF_FIXTURES = ROOT / "fixtures" / "pdf"
EXTRACT = ROOT / "scripts" / "pdfjs_extract.mjs"

GAP_EM = 0.7                   # wider than pdf.js's 0.6 em: the run is split into two items
RANDOM_SEED = 2016
BREAK_SHARE = 0.35             # share of lines broken
CUT_COUNTS = (1, 1, 1, 2, 2, 3)
NON_JOINING_LEFT = set("رزدذوؤاأإآ")
YA_WEIGHT = 6                  # 002: twelve of thirteen cuts are before ي after ر or ز
LONE_LETTER_WEIGHT = 0.5       # a word's first letter cut off (و|قال, ا|لنظام; 002 has one: أ|كد)
MIN_CHUNK = 3                  # characters in every chunk

SOURCES = {
    "seed000": ("seed", "000"),
    "seed001": ("seed", "001"),
    "seed003": ("seed", "003"),
    "news_02": ("clean", "news_02"),
    "news_03": ("clean", "news_03"),
    "news_04": ("clean", "news_04"),
    "news_07": ("clean", "news_07"),
}


def source_text(kind: str, key: str) -> str:
    return seed(key) if kind == "seed" else (CLEAN / f"{key}.txt").read_text(encoding="utf-8")


def is_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def candidate_cuts(line: str) -> list[tuple[int, int]]:
    """(offset, weight) of every place inside a word after a non-left-joining letter."""
    cuts = []
    for i in range(MIN_CHUNK, len(line) - MIN_CHUNK + 1):
        before, after = line[i - 1], line[i]
        if before in NON_JOINING_LEFT and is_letter(after):
            if before in "رز" and after == "ي":
                weight = YA_WEIGHT
            elif i == 1 or not is_letter(line[i - 2]):
                weight = LONE_LETTER_WEIGHT
            else:
                weight = 1
            cuts.append((i, weight))
    return cuts


def chunks_of(line: str, cuts) -> list[str]:
    bounds = [0, *sorted(cuts), len(line)]
    return [line[a:b] for a, b in zip(bounds, bounds[1:])]


def visual_pieces(line: str, cuts) -> list[str] | None:
    """The pieces to draw left to right (last logical chunk first), or None when
    drawing them apart would not look like the unbroken line."""
    pieces = [visual(chunk) for chunk in reversed(chunks_of(line, cuts))]
    return pieces if "".join(pieces) == visual(line) else None


def choose_cuts(line: str, rng: random.Random) -> tuple[int, ...]:
    """Deterministic (given ``rng``'s state): no cut, or one to three."""
    if rng.random() >= BREAK_SHARE:
        return ()
    candidates = candidate_cuts(line)
    wanted = rng.choice(CUT_COUNTS)
    chosen: list[int] = []
    while candidates and len(chosen) < wanted:
        offset = rng.choices([c for c, _ in candidates], weights=[w for _, w in candidates])[0]
        chosen.append(offset)
        candidates = [(c, w) for c, w in candidates if abs(c - offset) >= MIN_CHUNK]
    cuts = tuple(sorted(chosen))
    return cuts if cuts and visual_pieces(line, cuts) else ()


def draw_broken_lines(paragraphs, pdf: Path, font: str, rng: random.Random, gap_em: float = GAP_EM,
                      separate: bool = False) -> tuple[list[str], list[dict]]:
    """Draw each line right-aligned, some of them broken; return the lines and the breaks."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    name = register_font(font)
    width, height = A4
    gap = gap_em * FONT_SIZE
    c = canvas.Canvas(str(pdf), pagesize=A4, invariant=1)
    c.setFont(name, FONT_SIZE)
    y = height - MARGIN
    drawn, breaks = [], []
    for lines in paragraphs:
        for line in lines:
            if y < MARGIN:
                c.showPage()
                c.setFont(name, FONT_SIZE)
                y = height - MARGIN
            cuts = choose_cuts(line, rng)
            if not cuts:
                c.drawRightString(width - MARGIN, y, visual(line))
            else:
                pieces = visual_pieces(line, cuts)
                widths = [stringWidth(p, name, FONT_SIZE) for p in pieces]
                x = width - MARGIN - sum(widths) - gap * (len(pieces) - 1)
                if separate:
                    for piece, w in zip(pieces, widths):
                        c.drawString(x, y, piece)
                        x += w + gap
                else:
                    text = c.beginText(x, y)
                    offset = 0.0
                    for k, (piece, w) in enumerate(zip(pieces, widths)):
                        if k:
                            text.moveCursor(offset, 0)   # Td from the piece's start: the gap
                            offset = 0.0
                        text.textOut(piece)
                        offset += w + gap
                    c.drawText(text)
                chunks = chunks_of(line, cuts)
                breaks.append({"line": len(drawn), "cuts": list(cuts), "chunks": chunks,
                               "expected": " ".join(reversed(chunks))})
            drawn.append(line)
            y -= LEADING
        y -= PARAGRAPH_GAP
    c.save()
    return drawn, breaks


def extract_pdfjs(pdf: Path) -> str:
    """pdf-parse's text of ``pdf`` through scripts/pdfjs_extract.mjs."""
    return subprocess.run(["node", str(EXTRACT), str(pdf)], check=True, capture_output=True,
                          timeout=120).stdout.decode("utf-8")


def pdfjs_version() -> str:
    package = ROOT / "node_modules" / "pdfjs-dist" / "package.json"
    return json.loads(package.read_text())["version"] if package.exists() else "?"


def fold_forms(text: str) -> str:
    """Presentation forms to letters (NFKC on U+FB50..U+FEFF only), whitespace folded."""
    folded = "".join(unicodedata.normalize("NFKC", c) if "\ufb50" <= c <= "\ufeff" else c for c in text)
    return " ".join(folded.split())


def comparable(text: str) -> str:
    """``fold_forms``, harakat dropped (the reshaper drops them when drawing) and
    brackets made direction-free (pdf.js leaves python-bidi's mirroring)."""
    text = "".join(c for c in fold_forms(text) if not "\u064b" <= c <= "\u0652")
    return text.translate(str.maketrans("«»()", "\"\"||"))


def extracted_lines(text: str) -> list[str]:
    """pdf.js's non-empty lines (pages are separated by blank lines)."""
    return [line for line in text.split("\n") if line.strip()]


def make(name: str, kind: str, key: str, out: Path, gap_em: float, separate: bool) -> dict:
    rng = random.Random(f"{RANDOM_SEED}:{name}")
    pdf = out / f"{name}.pdf"
    ref, breaks = draw_broken_lines(wrap_paragraphs(source_text(kind, key)), pdf, font_path(AMIRI), rng,
                                    gap_em, separate)
    text = extract_pdfjs(pdf)
    (out / f"{name}.ref.txt").write_text("\n".join(ref) + "\n", encoding="utf-8")
    (out / f"{name}.pdfjs.txt").write_text(text, encoding="utf-8")
    got = extracted_lines(text)
    as_expected = sum(1 for b in breaks
                      if b["line"] < len(got) and comparable(got[b["line"]]) == comparable(b["expected"]))
    meta = {"source": f"{kind} {key}", "pdfjs": pdfjs_version(), "gap_em": gap_em,
            "drawn": "separate drawString per piece" if separate else "one text object, Td between pieces",
            "lines": len(ref), "breaks": breaks}
    (out / f"{name}.breaks.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n",
                                             encoding="utf-8")
    print(f"{name}: {len(ref)} lines, {len(breaks)} broken "
          f"({sum(len(b['cuts']) for b in breaks)} cuts), {len(got)} lines out of pdf.js, "
          f"{as_expected}/{len(breaks)} broken lines come out as the chunks reversed")
    return meta


def cer_table(out: Path) -> str:
    """``scripts/evaluate.py --set pdf``'s table for the fixtures in ``out`` (another gap, say)."""
    from evaluate import evaluate_pdf, format_pdf

    return "\n".join(format_pdf(evaluate_pdf([out]))[2:])   # the table without evaluate.py's title


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cer", action="store_true", help="print the CER table instead of rendering")
    parser.add_argument("--gap", type=float, default=GAP_EM, help="gap between pieces, in em")
    parser.add_argument("--separate", action="store_true", help="one drawString per piece")
    parser.add_argument("--existing", action="store_true",
                        help="also write NAME.pdfjs.txt next to every fixtures/pdf/NAME.pdf (unbroken lines)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("names", nargs="*", help="fixtures to make (default: all)")
    args = parser.parse_args(argv)
    if args.cer:
        print(cer_table(args.out))
        return
    if args.existing:
        for pdf in sorted(PDF_FIXTURES.glob("*.pdf")):
            pdf.with_suffix(".pdfjs.txt").write_text(extract_pdfjs(pdf), encoding="utf-8")
            print(f"{pdf.relative_to(ROOT).with_suffix('.pdfjs.txt')}")
    args.out.mkdir(parents=True, exist_ok=True)
    for name, (kind, key) in SOURCES.items():
        if not args.names or name in args.names:
            make(name, kind, key, args.out, args.gap, args.separate)


if __name__ == "__main__":
    main()
