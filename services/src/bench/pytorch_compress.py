#!/usr/bin/env python3
"""PyTorch's own compression on the workbench's example weights, for a side-by-side with `paretowb eval`.

Global unstructured L1 pruning (torch.nn.utils.prune.global_unstructured over every conv and linear
weight) at the given sparsities, and dynamic int8 quantization of the linear layers
(torch.ao.quantization.quantize_dynamic), each evaluated on the full 10k test set.

Run with Debian's PyTorch: /usr/bin/python3 services/src/bench/pytorch_compress.py --model cnn
Prints one JSON object.
"""
import argparse
import copy
import json

import torch
from torch import nn
from torch.nn.utils import prune

from pytorch_eval import RES, evaluate, load, network, read_pwb, test_set


def pruned(net, sparsity):
    net = copy.deepcopy(net)
    params = [(m, "weight") for m in net.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    prune.global_unstructured(params, pruning_method=prune.L1Unstructured, amount=sparsity)
    for module, name in params:
        prune.remove(module, name)
    return net


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="cnn")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--sparsity", type=float, nargs="*", default=[0.5, 0.7, 0.9])
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    description, tensors = read_pwb(RES + f"examples/{args.model}.pwb")
    net = network(description)
    load(net, tensors)
    net.eval()
    x, y = test_set()
    result = {"engine": f"PyTorch {torch.__version__}", "model": args.model}
    with torch.no_grad():
        result["baseline"] = evaluate(net, x, y, 250)
        result["pruning"] = {str(s): evaluate(pruned(net, s), x, y, 250) for s in args.sparsity}
        for engine in ("onednn", "qnnpack"):
            if engine in torch.backends.quantized.supported_engines:
                torch.backends.quantized.engine = engine
                dynamic = torch.ao.quantization.quantize_dynamic(copy.deepcopy(net), {nn.Linear}, dtype=torch.qint8)
                result["dynamicInt8Linear"] = {"engine": engine, "accuracy": evaluate(dynamic, x, y, 250)}
                break
    print(json.dumps(result))


if __name__ == "__main__":
    main()
