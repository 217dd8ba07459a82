#!/usr/bin/env python3
"""PyTorch's side of `paretowb torchscript`: global magnitude pruning of a TorchScript file's weights (every
parameter of rank 2 or more, as the workbench prunes), and the accuracy of TorchScript copies the workbench
saved (`torchscript --out-dir DIR`), each on the full 10k test set.

Run with Debian's PyTorch from the repository root:
    /usr/bin/python3 services/src/bench/pytorch_torchscript.py --model torch-cnn.pt --prune 0,0.5,0.9 --copies DIR/*.pt
Prints one JSON object.
"""
import argparse
import json

import torch

from pytorch_eval import evaluate, test_set


def pruned_accuracy(path, sparsity, x, y):
    net = torch.jit.load(path).eval()
    weights = [p for p in net.parameters() if p.dim() >= 2]
    magnitudes = torch.cat([w.detach().abs().flatten() for w in weights])
    count = int(round(sparsity * magnitudes.numel()))
    with torch.no_grad():
        if count > 0:
            threshold = magnitudes.sort().values[count - 1]
            for w in weights:
                w[w.abs() <= threshold] = 0
        return evaluate(net, x, y, 500)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--prune", default="0,0.5,0.9")
    parser.add_argument("--copies", nargs="*", default=[])
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    x, y = test_set()
    result = {"pytorch": torch.__version__,
              "pruned": {s: pruned_accuracy(args.model, float(s), x, y) for s in args.prune.split(",")}}
    with torch.no_grad():
        result["copies"] = {c: evaluate(torch.jit.load(c).eval(), x, y, 500) for c in args.copies}
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
