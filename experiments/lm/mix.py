"""Log-linear mixes of the per-candidate scores in /tmp/lm_scores.pkl; weights chosen on dev only."""
import itertools, pickle, sys
import numpy as np
from eval_all import acc

scores, gold, timing = pickle.load(open("/tmp/lm_scores.pkl", "rb"))
GRID = [0, 0.25, 0.5, 1, 2]


def search(names):
    best = None
    for w in itertools.product(GRID, repeat=len(names)):
        if not any(w) or (len(names) > 1 and max(w) != 1):
            continue
        a = acc([scores[(n, "dev")] for n in names], w, gold["dev"])
        if best is None or a > best[0]:
            best = (a, w)
    a, w = best
    t = acc([scores[(n, "test")] for n in names], w, gold["test"])
    print(f"{' + '.join(f'{x}*{n}' for x, n in zip(w, names)):70s} dev {a:.1%}  test {t:.1%} ({round(t * len(gold['test']))}/{len(gold['test'])})")


for names in [["kn_word3", "kn_class4"], ["lstm_fwd", "lstm_bwd"], ["kn_word3", "kn_class4", "baseline"],
              ["lstm_fwd", "lstm_bwd", "kn_word3", "kn_class4"], ["lstm_fwd", "lstm_bwd", "kn_word3", "kn_class4", "baseline"],
              ["kn_char7", "kn_word3", "kn_class4"], ["kn_char7", "kn_word3", "kn_class4", "baseline"]]:
    search(names)
