"""Per-candidate scores of every model on dev (held-out corpus files) and test (fixtures 000/001/003),
then accuracies of each model and of log-linear mixes whose weights are chosen on dev only."""
from __future__ import annotations
import itertools, pickle, sys, time
from pathlib import Path
import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE)); sys.path.insert(0, str(HERE.parents[1]))
import harness  # noqa: E402


def table(score_many, cs):
    out, t0 = [], time.time()
    for prev, toks, nxt, line in cs:
        cands = harness.rotations(toks)
        out.append(np.array(score_many(prev, cands, nxt), dtype=float))
    return out, (time.time() - t0) / len(cs)


def truth(cs):
    return [[" ".join(c) for c in harness.rotations(t)].index(line) for _, t, _, line in cs]


def acc(tables, weights, gold):
    right = 0
    for i, g in enumerate(gold):
        s = sum(w * t[i] for w, t in zip(weights, tables))
        right += int(np.argmax(s) == g)
    return right / len(gold)


def per_candidate(fn):
    return lambda prev, cands, nxt: [fn(prev, c, nxt) for c in cands]


if __name__ == "__main__":
    from repair import chunks
    import kn_word, kn_char
    import lm_score
    dev, test = harness.cases(files=harness.dev_files()), harness.cases()
    gold = {"dev": truth(dev), "test": truth(test)}
    scores, timing = {}, {}
    from repair import adjacency
    real_model = adjacency._model
    dev_names = {f.name for f in harness.dev_files()}
    files = [f for f in sorted((harness.ROOT / "corpus").glob("*.txt")) if f.name not in dev_names]
    files += sorted((harness.ROOT / "fixtures" / "seeds").glob("004_*.txt"))
    dev_adjacency = adjacency.train(f.read_text(encoding="utf-8") for f in files)
    for split, cs, excl in (("dev", dev, True), ("test", test, False)):
        # baseline on dev: the adjacency model retrained without the dev files (as scripts/train_adjacency.py does)
        adjacency._model = (lambda: dev_adjacency) if excl else real_model
        adjacency._pmi_classes.cache_clear(); adjacency._pmi_words.cache_clear()
        scores[("baseline", split)], timing["baseline"] = table(per_candidate(lambda p, t, n: chunks._score(t, p, n)), cs)
        W, C = kn_word.build(excl, 3, 4)
        scores[("kn_word3", split)], timing["kn_word3"] = table(per_candidate(kn_word.make_score(W, C, 1, 0)), cs)
        scores[("kn_class4", split)], timing["kn_class4"] = table(per_candidate(kn_word.make_score(W, C, 0, 1)), cs)
        K = kn_char.KNChar(7).fit(list(kn_char.corpus_paragraphs(excl)))
        scores[("kn_char7", split)], timing["kn_char7"] = table(per_candidate(
            lambda p, t, n: K.logprob((" ".join(t) if p == "<s>" else p + " " + " ".join(t)) + " " + n)), cs)
        # the LSTMs never saw the dev files (their validation split), so one model serves both splits
        fwd, bwd = lm_score._models()
        def lstm(direction):
            def f(prev, cands, nxt):
                fc, fw, bc, bw = lm_score._texts(prev, cands, nxt)
                groups = {}
                for j, t in enumerate(fw):
                    groups.setdefault(len(t), []).append(j)
                out = np.zeros(len(cands))
                for idx in groups.values():
                    out[idx] = (fwd.logprob_batch(fc, [fw[j] for j in idx]) if direction == "fwd"
                                else bwd.logprob_batch(bc, [bw[j] for j in idx]))
                return out
            return f
        scores[("lstm_fwd", split)], timing["lstm_fwd"] = table(lstm("fwd"), cs)
        scores[("lstm_bwd", split)], timing["lstm_bwd"] = table(lstm("bwd"), cs)
    pickle.dump((scores, gold, timing), open("/tmp/lm_scores.pkl", "wb"))
    names = sorted({k[0] for k in scores})
    for n in names:
        print(f"{n:12s} dev {acc([scores[(n, 'dev')]], [1], gold['dev']):.1%}  test {acc([scores[(n, 'test')]], [1], gold['test']):.1%}  {timing[n] * 1000:.1f} ms/line")
