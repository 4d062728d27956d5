"""Variant of kn_word.py: trailing punctuation kept as its own token in the word trigram; discount grid."""
import sys; sys.path.insert(0, "/work/main/experiments/lm")
import harness, kn_word
from kn_word import KN, BOS, classes, seq_score, corpus_paragraphs
from repair.adjacency import word_key, _END_PUNCT

def pkeys(tokens):
    out = []
    for t in tokens:
        out.append(word_key(t) or t)
        p = _END_PUNCT.get(t[-1:])
        if p: out.append(p)
    return out

def build(excl, d):
    paras = [p.split() for p in corpus_paragraphs(excl)]
    return KN(3, d).fit([pkeys(p) for p in paras]), KN(4, d).fit([classes(p) for p in paras])

def mk(W, C, a, b):
    def score(prev, tokens, nxt):
        toks = [*tokens, nxt]
        if prev == "<s>":
            wk, ck = [BOS, BOS] + pkeys(toks), [BOS] * 3 + classes(toks)
        else:
            wk = [BOS] + pkeys([prev]) + pkeys(toks); ck = [BOS, BOS, kn_word.word_class(prev)] + classes(toks)
            wk = wk[-(len(pkeys(toks)) + 2):]
        return a * seq_score(W, wk, 2) + b * seq_score(C, ck, 3)
    return score

for d in (0.6, 0.75, 0.9):
    W, C = build(True, d)
    res = {g: harness.evaluate(mk(W, C, *g), f"punct-KN d={d} w x{g[0]} + class x{g[1]}", dev=True) for g in [(1, 0), (1, 0.5), (1, 0.75), (1, 1)]}
    best = max(res, key=res.get)
    W, C = build(False, d)
    harness.evaluate(mk(W, C, *best), f"TEST punct-KN d={d} {best}")
