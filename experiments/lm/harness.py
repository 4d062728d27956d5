"""Evaluation harness: one-cut rotations of wrapped held-out lines, argmax of score(prev, tokens, nxt)."""
from __future__ import annotations
import random, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))
from eval_chunks import wrap, cut_points, damage  # noqa: E402

PARAGRAPH_START = "<s>"


def dev_files():
    """Corpus files held out from every model trained for tuning (the LSTM's validation split)."""
    files = sorted((ROOT / "corpus").glob("*.txt"))
    return [f for i, f in enumerate(files) if i % 20 == 7]


def cases(seed: int = 1, cuts: int = 1, files=None):
    """(prev, damaged tokens, nxt, true line) with the same RNG sequence as eval_chunks.py."""
    files = files or sorted((ROOT / "fixtures" / "seeds").glob("00[013]_*.txt"))
    rng = random.Random(seed)
    out = []
    for path in files:
        paragraphs = path.read_text(encoding="utf-8").split("\n")
        for k, paragraph in enumerate(paragraphs):
            lines = wrap(paragraph, rng.randint(75, 95))
            for i, line in enumerate(lines[:-1]):
                points = cut_points(line)
                if len(points) < cuts:
                    continue
                cs = sorted(rng.sample(points, cuts))
                before = lines[i - 1].split()[-1] if i else PARAGRAPH_START
                after = lines[i + 1].split()[0]
                out.append((before, damage(line, cs).split(), after, line))
    return out


def rotations(t: list[str]) -> list[list[str]]:
    """Every one-cut logical reading: t[k:n-1] + [t[n-1]+t[0]] + t[1:k] for k in 1..n-1."""
    n = len(t)
    return [t[k:n - 1] + [t[n - 1] + t[0]] + t[1:k] for k in range(1, n)]


def evaluate(score, name="", verbose=False, dev=False):
    cs = cases(files=dev_files()) if dev else cases()
    right = 0
    ncand = 0
    t0 = time.time()
    for before, toks, after, line in cs:
        cands = rotations(toks)
        ncand += len(cands)
        assert any(" ".join(c) == line for c in cands)
        scores = [score(before, c, after) for c in cands]
        best = max(range(len(cands)), key=lambda j: scores[j])
        ok = " ".join(cands[best]) == line
        right += ok
        if verbose and not ok:
            print("MISS", " ".join(cands[best])[:60], "||", line[:60])
    dt = time.time() - t0
    print(f"{name}{' [dev]' if dev else ''}: {right}/{len(cs)} = {right / len(cs):.1%}  (chance {len(cs) / ncand:.1%}; {dt / len(cs) * 1000:.1f} ms/line)")
    return right / len(cs)


def batch_evaluate(score_many, name="", dev=False):
    """score_many(prev, [cands], nxt) -> list of scores (for batched models)."""
    cs = cases(files=dev_files()) if dev else cases()
    right = 0
    t0 = time.time()
    for before, toks, after, line in cs:
        cands = rotations(toks)
        scores = score_many(before, cands, after)
        best = max(range(len(cands)), key=lambda j: scores[j])
        right += " ".join(cands[best]) == line
    dt = time.time() - t0
    print(f"{name}{' [dev]' if dev else ''}: {right}/{len(cs)} = {right / len(cs):.1%}  ({dt / len(cs) * 1000:.1f} ms/line)")
    return right / len(cs)


if __name__ == "__main__":
    from repair import chunks, lexicon, adjacency
    print(len(cases()), "cases")
    evaluate(lambda p, t, n: chunks._score(t, p, n), "baseline _score (unigram+pmi)")
    evaluate(lambda p, t, n: sum(adjacency.pmi(a, b) for a, b in zip([p, *t], [*t, n])), "baseline pmi only")
