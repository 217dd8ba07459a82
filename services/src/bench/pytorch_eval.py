#!/usr/bin/env python3
"""PyTorch eager peer for `paretowb bench eval`: the same example network, the same trained weights
(read from the workbench's PWB1 weight file), the same 10k Fashion-MNIST test set, batch 250.

Run with Debian's PyTorch: /usr/bin/python3 services/src/bench/pytorch_eval.py --model cnn --threads 2
Prints one JSON object: best and per-pass seconds with autograd off (torch.no_grad) and on, and accuracy.
"""
import argparse
import gzip
import json
import struct
import time

import torch
from torch import nn

RES = "models/src/main/resources/org/paretowb/models/"


def read_utf(f):
    (n,) = struct.unpack(">H", f.read(2))
    return f.read(n).decode("utf-8")


def read_pwb(path):
    """The workbench's weight file: big-endian, dense or bitmap-sparse float32 tensors, in DJL's order."""
    with open(path, "rb") as f:
        (magic,) = struct.unpack(">I", f.read(4))
        if magic != 0x50574231:
            raise SystemExit(f"{path} is not a PWB1 weight file")
        architecture = read_utf(f)
        (count,) = struct.unpack(">i", f.read(4))
        tensors = []
        for _ in range(count):
            name = read_utf(f)
            rank = f.read(1)[0]
            shape = struct.unpack(f">{rank}i", f.read(4 * rank))
            size = 1
            for d in shape:
                size *= d
            encoding = f.read(1)[0]
            if encoding == 0:
                values = torch.tensor(struct.unpack(f">{size}f", f.read(4 * size)))
            else:
                (nnz,) = struct.unpack(">i", f.read(4))
                bitmap = f.read((size + 7) // 8)
                nonzero = struct.unpack(f">{nnz}f", f.read(4 * nnz))
                values = torch.zeros(size)
                k = 0
                for i in range(size):
                    if bitmap[i >> 3] & (1 << (i & 7)):
                        values[i] = nonzero[k]
                        k += 1
            tensors.append((name, values.reshape(shape)))
        return architecture, tensors


CNN = "1x28x28 conv16k3p1 bn relu maxpool2 conv32k3p1 bn relu maxpool2 flatten dense128 relu dense10"
MLP = "1x28x28 flatten dense256 relu dense128 relu dense10"


def network(description):
    """The PyTorch twin of an example network, from the description in the weight file's header."""
    if description not in (CNN, MLP):
        raise SystemExit(f"no PyTorch twin for the network '{description}'")
    if description == CNN:
        return nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1568, 128), nn.ReLU(), nn.Linear(128, 10))
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                         nn.Linear(128, 10))


def load(net, tensors):
    # DJL lists weight, bias for conv and dense layers, and gamma, beta, runningMean, runningVar for
    # BatchNorm: the same order as PyTorch's state dict without num_batches_tracked.
    keys = [k for k in net.state_dict() if not k.endswith("num_batches_tracked")]
    if len(keys) != len(tensors):
        raise SystemExit(f"{len(tensors)} tensors for {len(keys)} PyTorch parameters")
    state = net.state_dict()
    for key, (name, value) in zip(keys, tensors):
        if tuple(state[key].shape) != tuple(value.shape):
            raise SystemExit(f"{name}{tuple(value.shape)} does not fit {key}{tuple(state[key].shape)}")
        state[key] = value
    net.load_state_dict(state)


def test_set():
    d = RES + "data/fashion-mnist/"
    images = gzip.open(d + "t10k-images-idx3-ubyte.gz").read()[16:]
    labels = gzip.open(d + "t10k-labels-idx1-ubyte.gz").read()[8:]
    x = torch.frombuffer(bytearray(images), dtype=torch.uint8).reshape(-1, 1, 28, 28).float() / 255
    y = torch.frombuffer(bytearray(labels), dtype=torch.uint8).long()
    return x, y


def evaluate(net, x, y, batch):
    correct = 0
    for i in range(0, len(y), batch):
        correct += (net(x[i:i + batch]).argmax(1) == y[i:i + batch]).sum().item()
    return correct / len(y)


def time_passes(net, x, y, batch, passes):
    seconds = []
    accuracy = 0
    for _ in range(passes):
        start = time.perf_counter()
        accuracy = evaluate(net, x, y, batch)
        seconds.append(round(time.perf_counter() - start, 4))
    ordered = sorted(seconds)
    median = (ordered[(passes - 1) // 2] + ordered[passes // 2]) / 2
    return {"passSeconds": seconds, "bestSeconds": min(seconds), "medianSeconds": median, "accuracy": accuracy}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="cnn")
    parser.add_argument("--weights", help="PWB1 file (default: the shipped example weights)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--passes", type=int, default=6)
    parser.add_argument("--batch", type=int, default=250)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    architecture, tensors = read_pwb(args.weights or RES + f"examples/{args.model}.pwb")
    net = network(architecture)
    load(net, tensors)
    net.eval()
    x, y = test_set()
    result = {"engine": f"PyTorch {torch.__version__} eager", "threads": torch.get_num_threads(),
              "model": args.model, "images": len(y), "batch": args.batch}
    with torch.no_grad():
        result["gradModeOff"] = time_passes(net, x, y, args.batch, args.passes)
    result["gradModeOn"] = time_passes(net, x, y, args.batch, args.passes)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
