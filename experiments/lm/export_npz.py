"""Export trained torch checkpoints to one .npz (float16 weights) for lm_score.py.

    python export_npz.py /tmp/lm_fwd.pt [/tmp/lm_bwd.pt] --out char_lstm.npz
"""
import argparse
import numpy as np
import torch

ap = argparse.ArgumentParser()
ap.add_argument("fwd")
ap.add_argument("bwd", nargs="?")
ap.add_argument("--out", required=True)
ap.add_argument("--dtype", default="float16")
a = ap.parse_args()
arrays = {}
for prefix, path in (("fwd_", a.fwd), ("bwd_", a.bwd)):
    if not path:
        continue
    ck = torch.load(path, map_location="cpu")
    sd = ck["state"]
    arrays[prefix + "itos"] = np.array("".join(ck["itos"]))
    arrays[prefix + "emb"] = sd["emb.weight"].numpy()
    k = 0
    while f"lstm.weight_ih_l{k}" in sd:
        arrays[prefix + f"w_ih{k}"] = sd[f"lstm.weight_ih_l{k}"].numpy()
        arrays[prefix + f"w_hh{k}"] = sd[f"lstm.weight_hh_l{k}"].numpy()
        arrays[prefix + f"b{k}"] = (sd[f"lstm.bias_ih_l{k}"] + sd[f"lstm.bias_hh_l{k}"]).numpy()
        k += 1
    arrays[prefix + "w_out"] = sd["out.weight"].numpy()
    arrays[prefix + "b_out"] = sd["out.bias"].numpy()
arrays = {k: (v.astype(a.dtype) if v.dtype == np.float32 else v) for k, v in arrays.items()}
np.savez_compressed(a.out, **arrays)
print("wrote", a.out)
