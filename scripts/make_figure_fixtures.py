"""Write the figure fixtures: fixtures/figures/<set>/ and fixtures/figures/manifest.json.

Each set is a broken document whose figures were turned into slots, its
siblings, and the truth.  Sources are the clean seeds (000, 001, 003) and
every text in fixtures/clean/ with at least three figures that stand alone.

Damage (one mode per set, every figure of the document):

* ``pua-line``: digits as private-use code points, 1–9 at ``base + digit``
  (random base), 0 before the line, after it or two codes below it;
* ``pua-shuffled``: a random, non-consecutive private-use table;
* ``cid-line`` / ``cid-shuffled``: the same as ``(cid:NN)`` runs;
* ``empty``: figures standing between spaces vanish, leaving a doubled space.

Some documents are wrapped at about 75 characters (spaces become newlines).

Siblings are written from the clean source: sentences dropped (so some
figures have no evidence), sentences swapped, a few words replaced by a
synonym, swapped, dropped or added, figures written as words or in
Arabic-Indic digits; sometimes a *disagreeing* sibling (one or two figures
changed, same number of digits) and a *distractor* (another story with a few
sentences that share a figure's neighbouring words and carry other figures).
The seeds give three more sets with real siblings (the other clean seeds
and 004 as the distractor), ``seed_002`` is the real broken article with
the truth the issue states, and ``clean_*`` sets are clean documents with
siblings, where nothing may change.

The manifest says, per slot: where it is, the true figure, whether the
slot can be found by design (``detectable``: glued to a word it is not a
figure slot; an empty slot needs a numeral context) and what evidence exists
(``sibling``: a sibling has it and no tie of disagreeing siblings; ``glyph``:
decodable from the sibling-evidenced slots with :func:`repair.glyphs.learn_table`;
``none``).

    .venv/bin/python scripts/make_figure_fixtures.py

Output is a pure function of the sources.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import sys
import zlib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.arabic import ARABIC_INDIC_DIGITS, WESTERN_DIGITS, fold  # noqa: E402
from repair.glyphs import code_label, learn_table  # noqa: E402
from repair.numbers import COUNTED_NOUNS, DIGIT_STRING, NUMERAL_CUES, parse_digits, spell_number, to_western  # noqa: E402
from repair.siblings import prepare  # noqa: E402

OUT = ROOT / "fixtures" / "figures"
SEEDS = ROOT / "fixtures" / "seeds"
CLEAN = ROOT / "fixtures" / "clean"
SEED_FILES = {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))}
MODES = ("pua-line", "pua-shuffled", "cid-line", "cid-shuffled", "empty")

SYNONYMS = {
    "قال": "ذكر", "ذكر": "قال", "أعلن": "أفاد", "أفاد": "أعلن", "أكد": "أوضح", "أوضح": "أكد",
    "وفق": "بحسب", "بحسب": "وفق", "وقال": "وذكر", "وأضاف": "وتابع", "الحكومة": "السلطات",
    "الماضي": "المنصرم", "أيضا": "كذلك", "كبيرة": "واسعة", "جديدة": "حديثة", "مدينة": "بلدة",
    "أمس": "البارحة", "حاليا": "الآن", "نحو": "حوالي", "حوالي": "نحو", "أكثر": "أزيد",
}
FILLERS = ("أيضا", "كذلك", "بدوره", "حينها", "رسميا")
_LATIN_GLUE = re.compile(r"[A-Za-z_/=?&@#:\-+]")
_SENTENCE_END = re.compile(r"(?<=[.!؟?])\s+")
_PLACEHOLDER = re.compile(r"⟦(\d+)⟧")


@dataclass
class Fig:
    """One figure of the clean source: where, as written, and its value."""

    id: int
    start: int
    end: int
    text: str
    value: Decimal


# --- sources ---------------------------------------------------------------------

def figures_of(text: str) -> list[Fig]:
    """Every digit string of the source with a value."""
    out = []
    for m in DIGIT_STRING.finditer(text):
        value = parse_digits(m.group())
        if value is not None:
            out.append(Fig(len(out), m.start(), m.end(), m.group(), value))
    return out


def stands_alone(text: str, fig: Fig) -> bool:
    """A figure not glued to Latin text or a URL (a proclitic or tatweel before it is fine)."""
    before = text[fig.start - 1:fig.start] if fig.start else " "
    after = text[fig.end:fig.end + 1] or " "
    if _LATIN_GLUE.match(before) or _LATIN_GLUE.match(after) or after.isalnum() or after == "\u0640":
        return False
    if before.isalpha():
        word = re.findall(r"\S+$", text[:fig.start])[0]
        return fold(word) in {fold(w) for w in ("و", "ب", "ل", "ف", "ك", "ال", "وب", "ول", "بال", "وال", "لل")}
    return True


def sources() -> dict[str, str]:
    """Name -> text of every usable clean source."""
    out = {f"seed{k}": SEED_FILES[k].read_text(encoding="utf-8") for k in ("000", "001", "003")}
    for path in sorted(CLEAN.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if sum(stands_alone(text, f) for f in figures_of(text)) >= 3:
            out[path.stem] = text
    return out


# --- damage ------------------------------------------------------------------------

def glyph_table(mode: str, rng: random.Random) -> dict[str, str]:
    """Digit -> code string for a glyph mode."""
    kind = mode.split("-")[0]
    if mode.endswith("line"):
        base = rng.randrange(0xE010, 0xF7F0) if kind == "pua" else rng.randrange(3, 900)
        numbers = {d: base + d for d in range(1, 10)}
        numbers[0] = {"before": base, "after": base + 10, "below": base - 2}[rng.choice(["before", "after", "below"])]
    else:
        start = rng.randrange(0xE000, 0xF700) if kind == "pua" else rng.randrange(3, 900)
        while True:
            picked = rng.sample(range(start, start + 40), 10)
            if not all(picked[d + 1] - picked[d] == 1 for d in range(1, 3)):
                break
        numbers = dict(enumerate(picked))
    return {str(d): (chr(n) if kind == "pua" else f"(cid:{n})") for d, n in numbers.items()}


def break_document(text: str, figs: list[Fig], mode: str, table: dict, rng: random.Random) -> tuple[str, list[dict]]:
    """The broken document and a truth record per figure turned into a slot."""
    out, slots, last = [], [], 0
    for fig in figs:
        out.append(text[last:fig.start])
        pos = sum(len(p) for p in out)
        if mode == "empty":
            alone = text[fig.start - 1:fig.start] == " " and text[fig.end:fig.end + 1] == " "
            if not alone:
                out.append(fig.text)
            else:
                slots.append({"fig": fig.id, "kind": "empty", "start": pos - 1, "end": pos + 1})
        else:
            written = "".join(table[to_western(ch)] if ch in WESTERN_DIGITS + ARABIC_INDIC_DIGITS else ch for ch in fig.text)
            out.append(written)
            slots.append({"fig": fig.id, "kind": mode.split("-")[0], "start": pos, "end": pos + len(written)})
        last = fig.end
    out.append(text[last:])
    broken = "".join(out)
    if mode == "empty":
        for slot in slots:
            slot["end"] = slot["start"] + 2
    return broken, slots


def wrap_lines(text: str, slots: list[dict], width: int) -> str:
    """Turn single spaces into newlines about every ``width`` characters, away from slots."""
    near = {i for s in slots for i in range(s["start"] - 1, s["end"] + 1)}
    chars, column = list(text), 0
    for i, ch in enumerate(chars):
        column = 0 if ch == "\n" else column + 1
        if ch == " " and column >= width and i not in near and chars[i - 1] != " " and i + 1 < len(chars) and chars[i + 1] != " ":
            chars[i] = "\n"
            column = 0
    return "".join(chars)


# --- siblings ----------------------------------------------------------------------

def with_placeholders(text: str, figs: list[Fig]) -> str:
    """The source with each figure as ⟦id⟧."""
    out, last = [], 0
    for fig in figs:
        out += [text[last:fig.start], f"⟦{fig.id}⟧"]
        last = fig.end
    return "".join(out + [text[last:]])


def sentences(text: str) -> list[list[str]]:
    """Paragraphs as lists of sentences."""
    return [[s for s in _SENTENCE_END.split(p) if s.strip()] for p in text.split("\n") if p.strip()]


def paraphrase_sentence(sentence: str, rng: random.Random, edits: int) -> str:
    """A few word-level edits: synonym, swap, drop, add a filler; figures untouched."""
    words = sentence.split(" ")
    for _ in range(edits):
        free = [i for i, w in enumerate(words) if w and "⟦" not in w and w.strip("«»“”\"().،,") == w]
        if not free:
            break
        i = rng.choice(free)
        op = rng.choice(["synonym", "swap", "drop", "filler"])
        if op == "synonym":
            options = [j for j in free if words[j] in SYNONYMS]
            if options:
                j = rng.choice(options)
                words[j] = SYNONYMS[words[j]]
        elif op == "swap" and i + 1 in free:
            words[i], words[i + 1] = words[i + 1], words[i]
        elif op == "drop" and len(words) > 6:
            del words[i]
        else:
            words.insert(i, rng.choice(FILLERS))
    return " ".join(words)


def render_figures(text: str, figs: dict, rng: random.Random, changed: dict, words_share: float) -> str:
    """Placeholders back to figures: as digits, Arabic-Indic digits or words, changed ones changed."""
    def one(m):
        fig = figs[int(m.group(1))]
        shown = changed.get(fig.id, fig.text)
        value = parse_digits(shown)
        roll = rng.random()
        plain = re.fullmatch(r"[0-9٠-٩]+", shown) and not (1900 <= value <= 2100)
        if plain and roll < words_share and spell_number(int(value)):
            before = m.string[max(0, m.start() - 1):m.start()]
            if before in ("", " ", "\n"):
                return spell_number(int(value))
        if roll > 1 - 0.15:
            return shown.translate(str.maketrans(WESTERN_DIGITS, ARABIC_INDIC_DIGITS))
        return shown
    return _PLACEHOLDER.sub(one, text)


def write_sibling(marked: str, figs: dict, rng: random.Random, drop: float, changed: dict) -> tuple[str, set]:
    """A paraphrased sibling and the ids of the figures it kept."""
    paragraphs = []
    for para in sentences(marked):
        kept = [paraphrase_sentence(s, rng, rng.choice([0, 1, 1, 2])) for s in para if rng.random() >= drop]
        if len(kept) > 2 and rng.random() < 0.3:
            i = rng.randrange(len(kept) - 1)
            kept[i], kept[i + 1] = kept[i + 1], kept[i]
        if kept:
            paragraphs.append(" ".join(kept))
    text = "\n\n".join(paragraphs)
    present = {int(i) for i in _PLACEHOLDER.findall(text)}
    return render_figures(text, figs, rng, changed, words_share=0.3), present


def change_figure(fig: Fig, rng: random.Random) -> str:
    """Another figure with the same number of digits (one digit changed, in the same script)."""
    digits = [i for i, ch in enumerate(fig.text) if ch.isdigit()]
    script = ARABIC_INDIC_DIGITS if fig.text[digits[0]] in ARABIC_INDIC_DIGITS else WESTERN_DIGITS
    while True:
        i = rng.choice(digits)
        new = script[rng.randrange(1 if i == digits[0] else 0, 10)]
        text = fig.text[:i] + new + fig.text[i + 1:]
        if to_western(text) != to_western(fig.text):
            return text


def distractor(other: str, source: str, figs: list[Fig], rng: random.Random) -> str:
    """Another story, with a few sentences that keep a figure's neighbours but not its value."""
    pool = [w for w in other.split() if not DIGIT_STRING.search(w)]
    inserted = []
    for fig in rng.sample(figs, min(3, len(figs))):
        before = source[:fig.start].split()[-1:]
        after = source[fig.end:].split()[:1]
        value = change_figure(fig, rng)
        filler = [rng.choice(pool) for _ in range(4)]
        inserted.append(" ".join(filler[:2] + before + [value] + after + filler[2:]) + ".")
    paras = other.split("\n")
    for sentence in inserted:
        i = rng.randrange(len(paras))
        paras[i] = (paras[i] + " " + sentence).strip()
    return "\n".join(paras)


# --- evidence ------------------------------------------------------------------------

def detectable(broken: str, slot: dict, mode: str) -> bool:
    """Whether the slot is a figure slot by the stated definition."""
    if mode != "empty":
        return True
    before = broken[:slot["start"]].split()[-1:]
    after = broken[slot["end"]:].split()[:1]
    if not before or not after:
        return False
    cue = fold(before[0].strip("«»“”\"(),.،")) in NUMERAL_CUES
    counted = fold(after[0].strip("«»“”\"(),.،")) in COUNTED_NOUNS
    return cue or counted


def word_context(source: str, figs: list[Fig]) -> set:
    """Ids of figures that sit among words: what a sibling can be aligned on.

    Within its sentence (or line), a figure needs a word right before or
    after it, at least three words among the five tokens on either side, and
    a word on each side that has tokens.  Table cells and list numbers fail.
    """
    prepared = prepare(source)
    starts = {t.start: i for i, t in enumerate(prepared.tokens)}
    out = set()
    for fig in figs:
        i = starts.get(fig.start)
        if i is None or prepared.tokens[i].end != fig.end:
            continue
        left = prepared.tokens[max(prepared.first[i], i - 5):i]
        right = prepared.tokens[i + 1:min(prepared.after[i], i + 6)]
        words_left = sum(t.kind == "word" for t in left)
        words_right = sum(t.kind == "word" for t in right)
        adjacent = (left and left[-1].kind == "word") or (right and right[0].kind == "word")
        if adjacent and words_left + words_right >= 3 and (words_left or not left) and (words_right or not right):
            out.add(fig.id)
    return out


def classify(slots: list[dict], roles: list[dict], table: dict | None, in_words: set) -> None:
    """Set each slot's ``evidence``: sibling, glyph or none."""
    for slot in slots:
        support = [r["file"] for r in roles if r["role"] != "distractor" and slot["fig"] in r["kept"] and slot["fig"] not in r["changed"]]
        dissent = [r["file"] for r in roles if r["role"] != "distractor" and slot["fig"] in r["kept"] and slot["fig"] in r["changed"]]
        clear = support and (not dissent or (len(support) >= 2 and len(support) / (len(support) + len(dissent)) >= 2 / 3))
        slot["evidence"] = "sibling" if clear and slot["detectable"] and slot["fig"] in in_words else "none"
    if not table:
        return
    code_of = {d: c for d, c in table.items()}
    anchors = {}
    for slot in slots:
        if slot["evidence"] == "sibling":
            for ch in slot["truth"]:
                if ch.isdigit():
                    anchors[code_of[ch]] = ch
    learned = learn_table(anchors)
    for slot in slots:
        if slot["evidence"] == "none" and slot["detectable"]:
            codes = [code_of[ch] for ch in slot["truth"] if ch.isdigit()]
            if learned.decode(codes) is not None:
                slot["evidence"] = "glyph"


# --- sets ------------------------------------------------------------------------------

def make_set(name: str, source_name: str, text: str, mode: str, others: dict, seed: int) -> dict:
    """Write one fixture set; return its manifest entry."""
    rng = random.Random(seed)
    figs = figures_of(text)
    table = glyph_table(mode, rng) if mode != "empty" else None
    broken, slots = break_document(text, figs, mode, table, rng)
    wrapped = rng.random() < 0.5
    if wrapped:
        broken = wrap_lines(broken, slots, rng.randrange(60, 90))
    folder = OUT / name
    folder.mkdir(parents=True)
    (folder / "broken.txt").write_text(broken, encoding="utf-8")
    marked = with_placeholders(text, figs)
    by_id = {f.id: f for f in figs}
    roles = []
    for n in range(rng.choice([1, 2, 2, 3])):
        sib, kept = write_sibling(marked, by_id, rng, drop=rng.choice([0.1, 0.2, 0.3]), changed={})
        roles.append(_role(folder, f"paraphrase_{n}.txt", sib, "paraphrase", kept, {}))
    if rng.random() < 0.4:
        # Change only figures a faithful sibling also reports: a lone sibling is believed.
        reported = set().union(*(r["kept"] for r in roles))
        candidates = [f for f in figs if stands_alone(text, f) and f.id in reported]
        changed = {f.id: change_figure(f, rng) for f in rng.sample(candidates, min(2, len(candidates)))}
        sib, kept = write_sibling(marked, by_id, rng, drop=0.1, changed=changed)
        roles.append(_role(folder, "disagreeing.txt", sib, "disagreeing", kept, changed))
    if rng.random() < 0.6:
        other_name = rng.choice(sorted(k for k in others if k != source_name))
        sib = distractor(others[other_name], text, [f for f in figs if stands_alone(text, f)], rng)
        roles.append(_role(folder, "distractor.txt", sib, "distractor", set(), {}))
    for slot in slots:
        fig = by_id[slot["fig"]]
        slot["slot"] = broken[slot["start"]:slot["end"]]
        slot["truth"] = to_western(fig.text)
        slot["detectable"] = stands_alone(text, fig) and detectable(broken, slot, mode)
    classify(slots, roles, table, word_context(text, figs))
    return {
        "name": name, "source": source_name, "mode": mode, "wrapped": wrapped,
        "table": {code_label(c): d for d, c in (table or {}).items()},
        "document": f"{name}/broken.txt",
        "siblings": [{"path": f"{name}/{r['file']}", "role": r["role"],
                      "changed": {str(k): v for k, v in r["changed"].items()}} for r in roles],
        "slots": [{k: s[k] for k in ("start", "end", "kind", "slot", "truth", "detectable", "evidence")} for s in slots],
    }


def _role(folder: Path, file: str, text: str, role: str, kept: set, changed: dict) -> dict:
    (folder / file).write_text(text, encoding="utf-8")
    return {"file": file, "role": role, "kept": kept, "changed": changed}


def seed_sets(texts: dict) -> list[dict]:
    """Sets built on the seeds: 002 itself, broken clean seeds with their real siblings, clean checks."""
    entries = [seed_002()]
    real = {"000": ["001", "003", "004"], "001": ["000", "003", "004"], "003": ["000", "001", "004"]}
    for n, (doc, sibs) in enumerate(real.items()):
        text = texts[f"seed{doc}"]
        rng = random.Random(1000 + n)
        mode = ("pua-line", "cid-line", "pua-shuffled")[n]
        figs = figures_of(text)
        table = glyph_table(mode, rng)
        broken, slots = break_document(text, figs, mode, table, rng)
        name = f"seed{doc}_{mode}"
        (OUT / name).mkdir(parents=True)
        (OUT / name / "broken.txt").write_text(broken, encoding="utf-8")
        roles = []
        sib_text = {s: SEED_FILES[s].read_text(encoding="utf-8") for s in sibs}
        for s in sibs:
            kept = {f.id for f in figs if s != "004" and _mentions(sib_text[s], text, f)}
            roles.append({"file": f"../seeds/{SEED_FILES[s].name}", "role": "distractor" if s == "004" else "real",
                          "kept": kept, "changed": {}})
        by_id = {f.id: f for f in figs}
        for slot in slots:
            fig = by_id[slot["fig"]]
            slot["slot"] = broken[slot["start"]:slot["end"]]
            slot["truth"] = to_western(fig.text)
            slot["detectable"] = stands_alone(text, fig)
        classify(slots, roles, table, word_context(text, figs))
        entries.append({
            "name": name, "source": f"seed{doc}", "mode": mode, "wrapped": False,
            "table": {code_label(c): d for d, c in table.items()}, "document": f"{name}/broken.txt",
            "siblings": [{"path": r["file"], "role": r["role"], "changed": {}} for r in roles],
            "slots": [{k: s[k] for k in ("start", "end", "kind", "slot", "truth", "detectable", "evidence")} for s in slots],
        })
    for doc in ("000", "001", "003", "004"):
        entries.append({
            "name": f"clean_seed{doc}", "source": f"seed{doc}", "mode": "clean", "wrapped": False, "table": {},
            "document": f"../seeds/{SEED_FILES[doc].name}",
            "siblings": [{"path": f"../seeds/{SEED_FILES[s].name}", "role": "real", "changed": {}}
                         for s in ("000", "001", "003", "004") if s != doc],
            "slots": [],
        })
    return entries


def _mentions(sibling: str, source: str, fig: Fig) -> bool:
    """Whether a real sibling has this figure next to one of the same neighbouring words."""
    before = fold(source[:fig.start].split()[-1]) if source[:fig.start].split() else ""
    after = fold(source[fig.end:].split()[0]) if source[fig.end:].split() else ""
    for m in DIGIT_STRING.finditer(sibling):
        if parse_digits(m.group()) == fig.value:
            near = fold(sibling[:m.start()].split()[-1]) if sibling[:m.start()].split() else ""
            far = fold(sibling[m.end():].split()[0]) if sibling[m.end():].split() else ""
            if before and before == near or after and after == far:
                return True
    return False


SEED_002_TRUTH = [  # (value, evidence) in order of the eight private-use runs of seed 002
    ("100", "sibling"), ("23", "glyph"), ("30", "glyph"), ("120", "glyph"),
    ("120", "sibling"), ("48", "glyph"), ("728", "glyph"), ("13346", "glyph"),
]


def seed_002() -> dict:
    """The real broken article with the truth stated in issue #3."""
    text = SEED_FILES["002"].read_text(encoding="utf-8")
    runs = list(re.finditer("[\ue000-\uf8ff]+", text))
    assert len(runs) == len(SEED_002_TRUTH)
    return {
        "name": "seed_002", "source": "seed002", "mode": "pua-real", "wrapped": True, "table": {},
        "document": f"../seeds/{SEED_FILES['002'].name}",
        "siblings": [{"path": f"../seeds/{SEED_FILES[s].name}", "role": "distractor" if s == "004" else "real",
                      "changed": {}} for s in ("000", "001", "003", "004")],
        "slots": [{"start": m.start(), "end": m.end(), "kind": "pua", "slot": m.group(), "truth": value,
                   "detectable": True, "evidence": evidence} for m, (value, evidence) in zip(runs, SEED_002_TRUTH)],
    }


def clean_sets(texts: dict) -> list[dict]:
    """Clean sources with paraphrased siblings: nothing may change."""
    entries = []
    for name in sorted(texts)[:6]:
        rng = random.Random(zlib.crc32(name.encode()))
        text = texts[name]
        figs = figures_of(text)
        marked = with_placeholders(text, figs)
        folder = OUT / f"clean_{name}"
        folder.mkdir(parents=True)
        (folder / "document.txt").write_text(text, encoding="utf-8")
        sib, _ = write_sibling(marked, {f.id: f for f in figs}, rng, drop=0.2, changed={})
        (folder / "paraphrase_0.txt").write_text(sib, encoding="utf-8")
        entries.append({"name": f"clean_{name}", "source": name, "mode": "clean", "wrapped": False, "table": {},
                        "document": f"clean_{name}/document.txt",
                        "siblings": [{"path": f"clean_{name}/paraphrase_0.txt", "role": "paraphrase", "changed": {}}],
                        "slots": []})
    return entries


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    texts = sources()
    entries = seed_sets(texts)
    for name in sorted(texts):
        if name.startswith("seed"):
            continue
        for n in range(2):  # two modes per source, picked from its name
            seed = zlib.crc32(f"{name}/{n}".encode())
            mode = MODES[(zlib.crc32(name.encode()) + 2 * n) % len(MODES)]
            entries.append(make_set(f"{name}_{n}_{mode}", name, texts[name], mode, texts, seed))
    entries += clean_sets({k: v for k, v in texts.items() if not k.startswith("seed")})
    manifest = {"about": __doc__.split("\n\n")[0], "sets": entries}
    (OUT / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    slots = sum(len(e["slots"]) for e in entries)
    print(f"{len(entries)} sets, {slots} slots -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
