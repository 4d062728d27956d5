"""Interpolated Kneser-Ney word trigram + class trigram (word classes of repair.adjacency), log-linear mix."""
from __future__ import annotations
import math, sys, time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE)); sys.path.insert(0, str(HERE.parents[1]))
from repair.adjacency import word_class, word_key  # noqa: E402
from kn_char import corpus_paragraphs  # noqa: E402

BOS, EOS = "<s>", "</s>"


class KN:
    def __init__(self, order=3, d=0.75):
        self.n, self.d = order, d

    def fit(self, seqs):
        n = self.n
        self.count = [defaultdict(int) for _ in range(n + 1)]
        for s in seqs:
            s = (BOS,) * (n - 1) + tuple(s) + (EOS,)
            for i in range(n - 1, len(s)):
                g = s[i - n + 1:i + 1]
                self.count[n][g] += 1
                if self.count[n][g] == 1:
                    for k in range(n - 1, 0, -1):
                        lo = g[n - k:]
                        self.count[k][lo] += 1
                        if self.count[k][lo] > 1:
                            break
        self.hist = [defaultdict(int) for _ in range(n + 1)]
        self.types = [defaultdict(int) for _ in range(n + 1)]
        for k in range(1, n + 1):
            for g, c in self.count[k].items():
                self.hist[k][g[:-1]] += c
                self.types[k][g[:-1]] += 1
        self.V = len(self.count[1]) + 1
        return self

    def prob(self, h, w):
        p = 1.0 / self.V
        for k in range(1, self.n + 1):
            hh = tuple(h[len(h) - (k - 1):]) if k > 1 else ()
            tot = self.hist[k].get(hh, 0)
            if not tot:
                continue
            p = max(self.count[k].get(hh + (w,), 0) - self.d, 0) / tot + self.d * self.types[k][hh] / tot * p
        return p

    def logprob(self, seq, start_bos=True):
        """log P of seq[n-1:]... we score all tokens after the first context tokens given."""
        return seq


def keys(tokens):
    return [word_key(t) or t for t in tokens]


def classes(tokens):
    return [word_class(t) for t in tokens]


def seq_score(model, seq, first):
    """Sum log P(seq[i] | seq[:i]) for i >= first."""
    n = model.n
    return sum(math.log(model.prob(seq[max(0, i - n + 1):i], seq[i])) for i in range(first, len(seq)))


def build(exclude_dev, word_order=3, class_order=4):
    paras = [p.split() for p in corpus_paragraphs(exclude_dev)]
    return KN(word_order).fit([keys(p) for p in paras]), KN(class_order).fit([classes(p) for p in paras])


def make_score(W, C, alpha, beta):
    nw, nc = W.n - 1, C.n - 1
    def score(prev, tokens, nxt):
        toks = [*tokens, nxt]
        if prev == "<s>":
            wk, ck = [BOS] * nw + keys(toks), [BOS] * nc + classes(toks)
        else:
            wk = [BOS] * (nw - 1) + [word_key(prev) or prev] + keys(toks)
            ck = [BOS] * (nc - 1) + [word_class(prev)] + classes(toks)
        return alpha * seq_score(W, wk, nw) + beta * seq_score(C, ck, nc)
    return score


if __name__ == "__main__":
    import harness
    grid = [(1, 0), (0, 1), (1, 0.25), (1, 0.5), (1, 0.75), (1, 1), (0.5, 1)]
    for wo, co in [(3, 4), (3, 3), (2, 4), (3, 5)]:
        W, C = build(True, wo, co)
        res = {g: harness.evaluate(make_score(W, C, *g), f"KN word{wo} x{g[0]} + class{co} x{g[1]}", dev=True) for g in grid}
        best = max(res, key=res.get)
        W, C = build(False, wo, co)
        harness.evaluate(make_score(W, C, *best), f"TEST KN word{wo} x{best[0]} + class{co} x{best[1]} (dev-chosen)")
