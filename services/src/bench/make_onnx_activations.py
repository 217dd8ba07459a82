"""Writes two tiny PyTorch networks with the activations and constant multiplications the ONNX importer folds or maps
(LeakyReLU, Sigmoid, Tanh, x * scalar, x * per-channel constant, a final Softmax), briefly trained on Fashion-MNIST,
as ONNX (torch.onnx.export, opset 13), each with PyTorch's own logits (before the Softmax) on the first 8 test images
as JSON. The importer's tests read them from the test resources.

    /usr/bin/python3 services/src/bench/make_onnx_activations.py \
        --out services/src/test/resources/org/paretowb/services/onnx
"""
import argparse
import gzip
import json

import numpy as np
import torch
import torch.nn as nn

DATA = "/usr/share/datasets/fashion-mnist/"
IMAGES = 8


def load(kind):
    images = np.frombuffer(gzip.open(f"{DATA}{kind}-images-idx3-ubyte.gz").read()[16:], np.uint8)
    labels = np.frombuffer(gzip.open(f"{DATA}{kind}-labels-idx1-ubyte.gz").read()[8:], np.uint8)
    return torch.tensor(images.reshape(-1, 1, 28, 28) / 255.0, dtype=torch.float32), torch.tensor(labels, dtype=torch.long)


class Scale(nn.Module):
    """x * a constant: a Python float (ONNX: a Constant node) or a tensor buffer (ONNX: an initializer)."""

    def __init__(self, factor):
        super().__init__()
        if isinstance(factor, float):
            self.factor = factor
        else:
            self.register_buffer("factor", factor)

    def forward(self, x):
        return x * self.factor


def mlp():
    """Average-pooled to 7x7 so the file stays a few KB; Mul by 0.5 right after a Linear folds into it."""
    return nn.Sequential(nn.AvgPool2d(4), nn.Flatten(), nn.Linear(49, 24), nn.LeakyReLU(0.2), nn.Dropout(0.1),
                         nn.Linear(24, 16), Scale(0.5), nn.Sigmoid(), nn.Linear(16, 12), nn.Tanh(),
                         nn.Linear(12, 10), nn.Softmax(dim=1))


def cnn():
    """x * 2 before the first convolution, a per-channel Mul after a BatchNorm and another after a Tanh (folded
    into the next layer's inputs, across the pooling and the flatten)."""
    torch.manual_seed(1)
    return nn.Sequential(Scale(2.0), nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4),
                         Scale(torch.rand(4, 1, 1) + 0.5), nn.LeakyReLU(0.1), nn.MaxPool2d(2),
                         nn.Conv2d(4, 8, 3, padding=1), nn.Tanh(), Scale(torch.rand(8, 1, 1) + 0.5), nn.AvgPool2d(2),
                         nn.Flatten(), nn.Linear(8 * 7 * 7, 16), nn.Sigmoid(), nn.Linear(16, 10), nn.Softmax(dim=1))


def train(model, x, y, steps):
    optimizer = torch.optim.Adam(model.parameters(), 3e-3)
    model.train()
    order = torch.randperm(len(x))
    for step in range(steps):
        batch = order[step * 128:(step + 1) * 128]
        optimizer.zero_grad()
        # the Softmax is the last module: train on the logits before it
        loss = nn.functional.cross_entropy(model[:-1](x[batch]), y[batch])
        loss.backward()
        optimizer.step()
    model.eval()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="/tmp")
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args()
    torch.set_num_threads(2)
    x, y = load("train")
    tx, ty = load("t10k")
    for name, make in (("activations-mlp", mlp), ("activations-cnn", cnn)):
        torch.manual_seed(0)
        model = make()
        train(model, x, y, args.steps)
        with torch.no_grad():
            accuracy = (model(tx).argmax(1) == ty).float().mean().item()
            logits = model[:-1](tx[:IMAGES])
        print(f"{name}: pytorch accuracy on the 10,000 test images {accuracy:.4f}")
        # without constant folding the BatchNorm stays a BatchNormalization node (folding would merge it into the Conv)
        torch.onnx.export(model, tx[:1], f"{args.out}/{name}.onnx", input_names=["pixels"], output_names=["scores"],
                          dynamic_axes={"pixels": {0: "n"}, "scores": {0: "n"}}, opset_version=13,
                          do_constant_folding=False, training=torch.onnx.TrainingMode.PRESERVE)
        with open(f"{args.out}/{name}.json", "w") as f:
            json.dump({"images": f"the first {IMAGES} Fashion-MNIST test images, pixels / 255",
                       "logits": [[float(v) for v in row] for row in logits]}, f, indent=1)


if __name__ == "__main__":
    main()
