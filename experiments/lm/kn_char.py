"""Interpolated Kneser-Ney character n-gram LM trained on corpus/*.txt (cheap non-neural alternative)."""
from __future__ import annotations
import math, sys, time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BOS = "\x02"   # paragraph start


def corpus_paragraphs(exclude_dev=False):
    for i, f in enumerate(sorted((ROOT / "corpus").glob("*.txt"))):
        if exclude_dev and i % 20 == 7:
            continue
        for p in f.read_text(encoding="utf-8").split("\n"):
            p = " ".join(p.split())
            if p:
                yield p


class KNChar:
    def __init__(self, order=7, discount=0.75):
        self.n = order
        self.d = discount

    def fit(self, paragraphs):
        n = self.n
        # highest order: raw counts; lower orders: continuation counts
        self.count = [defaultdict(int) for _ in range(n + 1)]   # count[k][(h,c)] for len(h)=k-1
        seen = set()
        for p in paragraphs:
            s = BOS * (n - 1) + p + "\n"
            for i in range(n - 1, len(s)):
                g = s[i - n + 1:i + 1]
                if g in seen:
                    self.count[n][g] += 1
                    continue
                seen.add(g)
                self.count[n][g] += 1
                # new n-gram type: add continuation counts to lower orders, recursively
                for k in range(n - 1, 0, -1):
                    lower = g[n - k:]
                    self.count[k][lower] += 1
                    if self.count[k][lower] > 1:
                        break
        # hist totals and number of distinct followers
        self.hist = [defaultdict(int) for _ in range(n + 1)]
        self.types = [defaultdict(int) for _ in range(n + 1)]
        for k in range(1, n + 1):
            for g, c in self.count[k].items():
                self.hist[k][g[:-1]] += c
                self.types[k][g[:-1]] += 1
        self.vocab = len(self.count[1]) + 1
        return self

    def prob(self, h, c):
        n = self.n
        p = 1.0 / self.vocab
        for k in range(1, n + 1):
            hh = h[len(h) - (k - 1):] if k > 1 else ""
            tot = self.hist[k].get(hh, 0)
            if tot == 0:
                continue
            cnt = self.count[k].get(hh + c, 0)
            d = self.d
            p = max(cnt - d, 0) / tot + d * self.types[k][hh] / tot * p
        return p

    def logprob(self, text, start=True):
        n = self.n
        s = (BOS * (n - 1) if start else "") + text
        lp = 0.0
        off = n - 1 if start else 0
        for i in range(max(off, 1), len(s)):
            lp += math.log(self.prob(s[max(0, i - n + 1):i], s[i]))
        return lp


def text_of(prev, tokens, nxt):
    line = " ".join(tokens)
    if prev == "<s>":
        return True, line + " " + nxt
    return True, prev + " " + line + " " + nxt


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    import harness
    paras = list(corpus_paragraphs())
    for order in [int(a) for a in sys.argv[1:]] or [5, 6, 7, 8]:
        t0 = time.time()
        m = KNChar(order).fit(paras)
        fit = time.time() - t0

        def score(prev, tokens, nxt):
            line = " ".join(tokens)
            if prev == "<s>":
                return m.logprob(line + " " + nxt)
            return m.logprob(prev + " " + line + " " + nxt)
        harness.evaluate(score, f"KN char order {order} (fit {fit:.0f}s)")
