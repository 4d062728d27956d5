"""Pure-numpy inference for the character LSTM LMs (forward + backward), no torch needed.

    from lm_score import score, score_many
    score(prev, tokens, nxt) -> float   # higher is better; log-prob (nats) of the line in context
    score_many(prev, candidates, nxt)   # same, batched over candidate token lists (much faster)

prev is the last word of the previous line or "<s>" at a paragraph start; nxt is the first word
of the next line (or "</s>"). Weights: char_lstm.npz beside this file (export_npz.py writes it).
"""
from __future__ import annotations
from functools import lru_cache
from pathlib import Path
import numpy as np

WEIGHTS = Path(__file__).with_name("char_lstm.npz")
PARAGRAPH_START, PARAGRAPH_END = "<s>", "</s>"


def _sigmoid(x):
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


class CharLSTM:
    """One-layer (or stacked) LSTM char LM; gate order i, f, g, o as in torch.nn.LSTM."""

    def __init__(self, z, prefix):
        self.itos = list(str(z[prefix + "itos"]))
        self.stoi = {c: i for i, c in enumerate(self.itos)}
        self.emb = z[prefix + "emb"].astype(np.float32)
        self.layers = []
        k = 0
        while prefix + f"w_ih{k}" in z:
            self.layers.append((z[prefix + f"w_ih{k}"].T.astype(np.float32).copy(),
                                z[prefix + f"w_hh{k}"].T.astype(np.float32).copy(),
                                z[prefix + f"b{k}"].astype(np.float32)))
            k += 1
        self.w_out = z[prefix + "w_out"].T.astype(np.float32).copy()
        self.b_out = z[prefix + "b_out"].astype(np.float32)
        self.hidden = self.layers[0][1].shape[0]

    def encode(self, s):
        return [self.stoi.get(c, 0) for c in s]

    def _step(self, x, states):
        """x: (B, emb) input; states: list of (h, c); returns top hidden and new states."""
        new = []
        inp = x
        H = self.hidden
        for (w_ih, w_hh, b), (h, c) in zip(self.layers, states):
            g = inp @ w_ih + h @ w_hh + b
            i, f, gg, o = _sigmoid(g[:, :H]), _sigmoid(g[:, H:2 * H]), np.tanh(g[:, 2 * H:3 * H]), _sigmoid(g[:, 3 * H:])
            c = f * c + i * gg
            h = o * np.tanh(c)
            new.append((h, c))
            inp = h
        return inp, new

    @lru_cache(maxsize=4096)
    def _context_state(self, context: str):
        states = [(np.zeros((1, self.hidden), np.float32), np.zeros((1, self.hidden), np.float32)) for _ in self.layers]
        top = None
        for cid in self.encode(context):
            top, states = self._step(self.emb[[cid]], states)
        return top, states

    def logprob_batch(self, context: str, texts: list[str]) -> np.ndarray:
        """Sum of log P(text chars | context) for each text (texts must have equal length)."""
        B = len(texts)
        top, states = self._context_state(context)
        states = [(np.repeat(h, B, 0), np.repeat(c, B, 0)) for h, c in states]
        top = np.repeat(top, B, 0)
        ids = np.array([self.encode(t) for t in texts])          # (B, T)
        total = np.zeros(B)
        for t in range(ids.shape[1]):
            logits = top @ self.w_out + self.b_out
            m = logits.max(1, keepdims=True)
            lse = m[:, 0] + np.log(np.exp(logits - m).sum(1))
            total += logits[np.arange(B), ids[:, t]] - lse
            top, states = self._step(self.emb[ids[:, t]], states)
        return total


@lru_cache(maxsize=1)
def _models():
    z = np.load(WEIGHTS)
    return CharLSTM(z, "fwd_"), (CharLSTM(z, "bwd_") if "bwd_emb" in z else None)


def _texts(prev, candidates, nxt):
    lines = [" ".join(c) for c in candidates]
    start = prev == PARAGRAPH_START
    end = nxt == PARAGRAPH_END
    fwd_ctx = "\n" if start else "\n" + prev + " "
    fwd = [l + ("\n" if end else " " + nxt + " ") for l in lines]
    bwd_ctx = "\n" if end else "\n" + nxt[::-1] + " "
    bwd = [l[::-1] + ("\n" if start else " " + prev[::-1] + " ") for l in lines]
    return fwd_ctx, fwd, bwd_ctx, bwd


def score_many(prev: str, candidates: list[list[str]], nxt: str) -> list[float]:
    fwd_model, bwd_model = _models()
    out = np.zeros(len(candidates))
    groups: dict[int, list[int]] = {}
    for j, c in enumerate(candidates):                       # batch texts of equal length
        groups.setdefault(len(" ".join(c)), []).append(j)
    for idx in groups.values():
        fc, f, bc, b = _texts(prev, [candidates[j] for j in idx], nxt)
        s = fwd_model.logprob_batch(fc, f)
        if bwd_model is not None:
            s = s + bwd_model.logprob_batch(bc, b)
        out[idx] = s
    return out.tolist()


def score(prev: str, tokens: list[str], nxt: str) -> float:
    return score_many(prev, [list(tokens)], nxt)[0]
