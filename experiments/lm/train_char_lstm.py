"""Train a character-level LSTM LM on /work/main/corpus/*.txt only (forward or backward direction).

    python train_char_lstm.py --direction fwd --minutes 15 --out /tmp/lm_fwd.pt
Paragraphs are joined with "\n" (the paragraph boundary); the backward model reads each
paragraph reversed. Held-out: every 20th corpus file for validation loss.
"""
from __future__ import annotations
import argparse, json, math, time
from pathlib import Path
import numpy as np
import torch
import torch.nn as nn

ROOT = Path(__file__).resolve().parents[2]


def load_text(direction: str):
    files = sorted(f for f in (ROOT / "corpus").glob("*.txt"))
    train, valid = [], []
    for i, f in enumerate(files):
        paras = [" ".join(p.split()) for p in f.read_text(encoding="utf-8").split("\n")]
        paras = [p for p in paras if p]
        if direction == "bwd":
            paras = [p[::-1] for p in paras]
        (valid if i % 20 == 7 else train).extend(paras)
    return "\n" + "\n".join(train) + "\n", "\n" + "\n".join(valid) + "\n"


class CharLSTM(nn.Module):
    def __init__(self, vocab, emb, hidden, layers, dropout):
        super().__init__()
        self.emb = nn.Embedding(vocab, emb)
        self.lstm = nn.LSTM(emb, hidden, layers, batch_first=True, dropout=dropout if layers > 1 else 0)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(hidden, vocab)

    def forward(self, x, state=None):
        h, state = self.lstm(self.drop(self.emb(x)), state)
        return self.out(self.drop(h)), state


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--direction", default="fwd")
    ap.add_argument("--emb", type=int, default=64)
    ap.add_argument("--hidden", type=int, default=512)
    ap.add_argument("--layers", type=int, default=1)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--seq", type=int, default=128)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--minutes", type=float, default=15)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    train, valid = load_text(args.direction)
    chars = sorted(set(train))
    # rare characters -> one OOV id
    counts = {c: train.count(c) for c in chars}
    chars = [c for c in chars if counts[c] >= 3]
    itos = ["\x00"] + chars            # 0 = unknown
    stoi = {c: i for i, c in enumerate(itos)}
    enc = lambda s: np.array([stoi.get(c, 0) for c in s], dtype=np.int64)
    tr, va = enc(train), enc(valid)
    print(f"train {len(tr)} chars, valid {len(va)}, vocab {len(itos)}", flush=True)
    model = CharLSTM(len(itos), args.emb, args.hidden, args.layers, args.dropout)
    nparams = sum(p.numel() for p in model.parameters())
    print("params", nparams, flush=True)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    B, T = args.batch, args.seq
    # B parallel streams over the training text (stateful truncated BPTT)
    stream_len = (len(tr) - 1) // B
    X = torch.from_numpy(tr[:stream_len * B].reshape(B, stream_len))
    Y = torch.from_numpy(tr[1:stream_len * B + 1].reshape(B, stream_len))
    steps_per_epoch = stream_len // T
    budget = args.minutes * 60
    t0 = time.time()
    step = 0
    lossf = nn.CrossEntropyLoss()

    def evaluate_valid():
        model.eval()
        with torch.no_grad():
            n = (len(va) - 1) // 8 * 8
            x = torch.from_numpy(va[:n].reshape(8, -1)); y = torch.from_numpy(va[1:n + 1].reshape(8, -1))
            logits, _ = model(x)
            loss = lossf(logits.reshape(-1, logits.size(-1)), y.reshape(-1)).item()
        model.train()
        return loss

    best = float("inf")
    epoch = 0
    history = []
    while time.time() - t0 < budget:
        state = None
        for s in range(steps_per_epoch):
            frac = min(1.0, (time.time() - t0) / budget)
            for g in opt.param_groups:
                g["lr"] = args.lr * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * frac)))
            x, y = X[:, s * T:(s + 1) * T], Y[:, s * T:(s + 1) * T]
            if state is not None:
                state = tuple(h.detach() for h in state)
            logits, state = model(x, state)
            loss = lossf(logits.reshape(-1, logits.size(-1)), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            step += 1
            if step % 100 == 0:
                print(f"step {step} ep {epoch} {time.time() - t0:.0f}s loss {loss.item():.3f}", flush=True)
            if time.time() - t0 > budget:
                break
        epoch += 1
        vl = evaluate_valid()
        history.append((epoch, round(time.time() - t0), vl))
        print(f"== epoch {epoch} valid loss {vl:.4f} ({vl / math.log(2):.3f} bpc) {time.time() - t0:.0f}s", flush=True)
        if vl < best:
            best = vl
            torch.save({"state": model.state_dict(), "itos": itos, "args": vars(args), "valid": vl,
                        "history": history, "params": nparams, "train_seconds": time.time() - t0}, args.out)
    print("done, best valid", best, "time", time.time() - t0, flush=True)


if __name__ == "__main__":
    main()
