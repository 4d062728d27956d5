"""Render clean Arabic text to PDF the way real producers do, then extract it.

The common recipe (reportlab + arabic-reshaper + python-bidi): shape the
text into presentation forms, put it in visual order with ``get_display``
and draw it.  Drawn line by line, every line comes back from pdfminer.six in
visual order; bidi'd a whole paragraph at once and wrapped by reportlab's
``Paragraph``, the line order inside the paragraph is reversed too.

For every fixture ``NAME`` this writes into ``fixtures/pdf/``:

- ``NAME.pdf``            the rendered PDF (deterministic: reportlab invariant mode)
- ``NAME.ref.txt``        the clean source, one line per rendered line, in reading order
- ``NAME.pdfminer.txt``   ``pdfminer.high_level.extract_text`` output
- ``NAME.pdftotext.txt``  poppler ``pdftotext`` output (when poppler is installed)
- ``NAME.pymupdf.txt``    PyMuPDF ``page.get_text()`` output (when pymupdf is installed)

Producers: reportlab (per line, and a whole paragraph bidi'd at once) and,
when ``soffice`` is installed, LibreOffice Writer with DejaVu Sans (whose
lam-alef ligatures PyMuPDF returns alef first: ``اإلنتاجية``).

Usage::

    .venv/bin/python scripts/make_pdf_fixtures.py          # (re)make the fixtures
    .venv/bin/python scripts/make_pdf_fixtures.py --cer    # CER table, before/after repair
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEEDS = ROOT / "fixtures" / "seeds"
CLEAN = ROOT / "fixtures" / "clean"
OUT = ROOT / "fixtures" / "pdf"

AMIRI = "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf"
AMIRI_OLD = "/usr/share/fonts/truetype/fonts-hosny-amiri/Amiri-Regular.ttf"
NOTO_NASKH = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"

FONT_SIZE = 12
LEADING = 15
PARAGRAPH_GAP = 12
MARGIN = 56

# Figures, a Latin phrase, brackets, a date, percentages and every lam-alef
# ligature plus the Allah ligature that arabic-reshaper makes by default.
FIGURES_TEXT = """\
قتل 85 شخصا على الأقل في عام 2012 وفق تقرير نشرته وكالة Associated Press يوم الأحد.
ارتفعت نسبة البطالة إلى 12.5% في الربع الثالث (مقارنة مع 9% في عام 2011).
وقال المتحدث إن برنامج الأمم المتحدة الإنمائي سيقدم 300 مليون دولار للمتضررين.
عقد الاجتماع في 15/11/2016 بحضور 120 مندوبا من 40 دولة لمناقشة الأزمة.
وقال عبد الله بن زايد إن لا مجال للتراجع الآن لأن الإصلاحات بدأت قبل 3 سنوات.
أعلنت الشركة أن الإنتاجية ارتفعت بنسبة 7 في المئة خلال الأشهر التسعة الأولى.
نشرت صحيفة The New York Times تقريرا عن 4 آلاف لاجئ وصلوا إلى الحدود.
وأكد أن الإسلام دين السلام وأن الاعتدال هو الطريق الوحيد للاستقرار في المنطقة."""


def font_path(preferred: str) -> str:
    """The TTF to use: ``preferred`` when installed, else Amiri wherever Debian put it."""
    for path in (preferred, AMIRI, AMIRI_OLD):
        if Path(path).exists():
            return path
    raise SystemExit("no Arabic TTF: apt-get install -y fonts-hosny-amiri fonts-noto-core")


def register_font(path: str) -> str:
    """Register a TTF with reportlab under its file stem; return the name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = Path(path).stem
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, path))
    return name


def visual(text: str, keep_harakat: bool = False) -> str:
    """The common recipe: reshape to presentation forms, then bidi to visual order."""
    import arabic_reshaper
    from bidi.algorithm import get_display

    reshaper = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": not keep_harakat})
    return get_display(reshaper.reshape(text))


def wrap_paragraphs(text: str, width: int = 80) -> list[list[str]]:
    """Split text into paragraphs (blank lines or newlines) of lines of ~``width`` chars."""
    paragraphs = [p.strip() for p in re.split(r"\n+", text) if p.strip()]
    return [textwrap.wrap(p, width) for p in paragraphs]


def draw_lines(paragraphs: list[list[str]], pdf: Path, font: str, keep_harakat=False) -> list[str]:
    """Draw each line right-aligned, bidi'd on its own (the per-line recipe).

    Returns the lines drawn, in reading order.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    name = register_font(font)
    width, height = A4
    c = canvas.Canvas(str(pdf), pagesize=A4, invariant=1)
    c.setFont(name, FONT_SIZE)
    y = height - MARGIN
    drawn = []
    for lines in paragraphs:
        for line in lines:
            if y < MARGIN:
                c.showPage()
                c.setFont(name, FONT_SIZE)
                y = height - MARGIN
            c.drawRightString(width - MARGIN, y, visual(line, keep_harakat))
            drawn.append(line)
            y -= LEADING
        y -= PARAGRAPH_GAP
    c.save()
    return drawn


def paragraph_lines(paragraph: str, width: float, style) -> list[str]:
    """The logical text of each line reportlab's Paragraph draws for a paragraph
    bidi'd as a whole, top to bottom.

    The visual string's tokens are the logical tokens in reverse order, so a
    line of ``n`` tokens drawn at the top holds the last ``n`` logical tokens.
    (True as long as the paragraph has no multi-word Latin run.)
    """
    from reportlab.platypus import Paragraph

    para = Paragraph(visual(paragraph), style)
    para.wrap(width, 10_000)
    counts = [len(words) for _, words in para.blPara.lines]
    tokens = paragraph.split()
    assert sum(counts) == len(tokens), (sum(counts), len(tokens))
    lines, end = [], len(tokens)
    for n in counts:
        lines.append(" ".join(tokens[end - n:end]))
        end -= n
    return lines


def draw_paragraphs(paragraphs: list[str], pdf: Path, font: str) -> list[str]:
    """Bidi each paragraph as a whole and let reportlab's Paragraph wrap it.

    Returns the clean source lines in reading order (bottom rendered line of a
    paragraph first, since the producer reversed the line order).
    """
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    name = register_font(font)
    style = ParagraphStyle("ar", fontName=name, fontSize=FONT_SIZE, leading=LEADING,
                           alignment=TA_RIGHT, spaceAfter=PARAGRAPH_GAP)
    doc = SimpleDocTemplate(str(pdf), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN, invariant=1)
    doc.build([Paragraph(visual(p), style) for p in paragraphs])
    reading = []
    for p in paragraphs:
        reading.extend(reversed(paragraph_lines(p, doc.width, style)))
    return reading


FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles><style:style style:name="P1" style:family="paragraph">
<style:paragraph-properties fo:text-align="end" style:writing-mode="rl-tb" fo:margin-bottom="0cm"/>
<style:text-properties fo:font-family="'{font}'" style:font-family-complex="'{font}'"
 fo:font-size="11pt" style:font-size-complex="11pt"/></style:style></office:automatic-styles>
<office:body><office:text>
{paragraphs}
</office:text></office:body></office:document>
"""


def draw_libreoffice(lines: list[str], pdf: Path, font: str) -> list[str]:
    """Set each line as a right-to-left paragraph in LibreOffice Writer (HarfBuzz
    shapes it; ligature glyphs carry their letters in ToUnicode) and export a PDF.
    """
    import tempfile
    from xml.sax.saxutils import escape

    body = "\n".join(f'<text:p text:style-name="P1">{escape(line)}</text:p>' for line in lines)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{pdf.stem}.fodt"
        src.write_text(FODT.format(font=font, paragraphs=body), encoding="utf-8")
        subprocess.run([shutil.which("soffice"), "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True, timeout=300)
        shutil.move(str(Path(tmp) / f"{pdf.stem}.pdf"), pdf)
    return lines


def extract_pdfminer(pdf: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(pdf))


def extract_pdftotext(pdf: Path) -> str | None:
    if not shutil.which("pdftotext"):
        return None
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                          check=True, capture_output=True).stdout.decode("utf-8")


def extract_pymupdf(pdf: Path) -> str | None:
    try:
        import pymupdf
    except ImportError:
        return None
    with pymupdf.open(str(pdf)) as doc:
        return "".join(page.get_text() for page in doc)


EXTRACTORS = {"pdfminer": extract_pdfminer, "pdftotext": extract_pdftotext, "pymupdf": extract_pymupdf}


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def sentences(text: str, count: int) -> list[str]:
    """The first ``count`` sentences of a text (split after '.')."""
    parts = re.findall(r"[^.]+\.", text)
    return [p.strip() for p in parts[:count]]


def fixtures() -> dict:
    """name -> (kind, source, font, keep_harakat); kind is 'lines' or 'paragraph'."""
    specs = {
        "seed001_lines": ("lines", wrap_paragraphs(seed("001")), AMIRI, False),
        "seed000_lines": ("lines", wrap_paragraphs(seed("000")), AMIRI, False),
        "figures_lines": ("lines", [[line] for line in FIGURES_TEXT.splitlines()], AMIRI, False),
    }
    for stem, font, harakat in (("news_01", AMIRI, False), ("classical_01", AMIRI, True)):
        path = CLEAN / f"{stem}.txt"
        if path.exists():
            text = path.read_text(encoding="utf-8")
            specs[f"{stem}_lines"] = ("lines", wrap_paragraphs(text), font, harakat)
    if shutil.which("soffice"):
        lines = [line for p in wrap_paragraphs(seed("001")[:900] + "\n" + FIGURES_TEXT, 65) for line in p]
        specs["libreoffice_dejavu"] = ("libreoffice", lines, "DejaVu Sans", False)
    s = sentences(seed("001"), 6)
    specs["seed001_paragraph"] = ("paragraph", [" ".join(s[:2]), " ".join(s[2:4]), " ".join(s[4:6])],
                                  AMIRI, False)
    s = sentences(seed("000"), 12)
    specs["seed000_paragraph"] = ("paragraph", [" ".join(s[k:k + 3]) for k in range(0, 12, 3)], AMIRI, False)
    for stem in ("news_01", "news_05"):
        path = CLEAN / f"{stem}.txt"
        if path.exists():
            paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
            specs[f"{stem}_paragraph"] = ("paragraph", paragraphs[:6], AMIRI, False)
    return specs


def make(name: str, spec) -> None:
    kind, source, font, harakat = spec
    pdf = OUT / f"{name}.pdf"
    if kind == "libreoffice":
        ref = draw_libreoffice(source, pdf, font)
    elif kind == "lines":
        ref = draw_lines(source, pdf, font_path(font), harakat)
    else:
        ref = draw_paragraphs(source, pdf, font_path(font))
    (OUT / f"{name}.ref.txt").write_text("\n".join(ref) + "\n", encoding="utf-8")
    for extractor, extract in EXTRACTORS.items():
        text = extract(pdf)
        if text is not None:
            (OUT / f"{name}.{extractor}.txt").write_text(text, encoding="utf-8")
    print(f"{name}: {pdf.stat().st_size // 1024} KB, {len(ref)} lines")


# --- CER report -----------------------------------------------------------

def folded(text: str) -> str:
    """Whitespace folded: runs of whitespace to one space, ends stripped."""
    return " ".join(text.split())


def cer(text: str, ref: str) -> float:
    from rapidfuzz.distance import Levenshtein

    ref = folded(ref)
    return Levenshtein.distance(folded(text), ref) / max(len(ref), 1)


def repaired(text: str) -> str:
    """``text`` after fold_presentation_forms then reorder_visual_lines."""
    from repair.model import Config
    from repair.offsets import apply_edits
    from repair.pipeline import Context
    from repair.presentation import fold_presentation_forms
    from repair.visual import reorder_visual_lines

    ctx = Context(original=text, config=Config())
    for step in (fold_presentation_forms, reorder_visual_lines):
        text, _ = apply_edits(text, step(text, ctx))
    return text


def cer_table() -> str:
    rows = ["| fixture | extractor | CER before | CER after |", "| --- | --- | --- | --- |"]
    for ref_path in sorted(OUT.glob("*.ref.txt")):
        name = ref_path.name[: -len(".ref.txt")]
        ref = ref_path.read_text(encoding="utf-8")
        for extractor in EXTRACTORS:
            path = OUT / f"{name}.{extractor}.txt"
            if path.exists():
                text = path.read_text(encoding="utf-8")
                rows.append(f"| {name} | {extractor} | {cer(text, ref):.4f} | {cer(repaired(text), ref):.4f} |")
    return "\n".join(rows)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cer", action="store_true", help="print the CER table instead of rendering")
    parser.add_argument("names", nargs="*", help="fixtures to make (default: all)")
    args = parser.parse_args(argv)
    if args.cer:
        print(cer_table())
        return
    OUT.mkdir(parents=True, exist_ok=True)
    for name, spec in fixtures().items():
        if not args.names or name in args.names:
            make(name, spec)


if __name__ == "__main__":
    main()
