"""Trains a small CNN of an architecture unlike the examples (5x5 convolution, average pooling, dropout) in PyTorch on
Fashion-MNIST, prints its own test accuracy, and exports it as ONNX (torch.onnx.export) and TorchScript
(torch.jit.trace), for the workbench to load.

    /usr/bin/python3 services/src/bench/make_torch_cnn.py --out /tmp/torchcnn   # writes .onnx and .pt

--data names the folder of idx files: the full training set (train-images-idx3-ubyte.gz) when it is there, else the
12k subset that ships in the repo (train-12k-images-idx3-ubyte.gz); the t10k files are the test set. CI runs this
script (app's PyTorchModelRoutesTest) on the repo's embedded copy.
"""
import argparse
import gzip

import numpy as np
import torch
import torch.nn as nn

import os

DATA = "/usr/share/datasets/fashion-mnist/"


def load(folder, kind):
    if kind == "train" and not os.path.exists(os.path.join(folder, "train-images-idx3-ubyte.gz")):
        kind = "train-12k"
    images = np.frombuffer(gzip.open(os.path.join(folder, f"{kind}-images-idx3-ubyte.gz")).read()[16:], np.uint8)
    labels = np.frombuffer(gzip.open(os.path.join(folder, f"{kind}-labels-idx1-ubyte.gz")).read()[8:], np.uint8)
    return torch.tensor(images.reshape(-1, 1, 28, 28) / 255.0, dtype=torch.float32), torch.tensor(labels, dtype=torch.long)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="/tmp/torchcnn")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--data", default=DATA)
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(2)
    model = nn.Sequential(nn.Conv2d(1, 8, 5, padding=2), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.1),
                          nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.AvgPool2d(2), nn.Flatten(),
                          nn.Linear(16 * 7 * 7, 64), nn.ReLU(), nn.Dropout(0.2), nn.Linear(64, 10))
    x, y = load(args.data, "train")
    tx, ty = load(args.data, "t10k")
    optimizer = torch.optim.Adam(model.parameters(), 1e-3)
    for epoch in range(args.epochs):
        model.train()
        order = torch.randperm(len(x))
        for i in range(0, len(x), 128):
            batch = order[i:i + 128]
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(x[batch]), y[batch])
            loss.backward()
            optimizer.step()
    model.eval()
    with torch.no_grad():
        accuracy = (model(tx).argmax(1) == ty).float().mean().item()
    print(f"pytorch accuracy on the 10,000 test images: {accuracy:.4f}")
    example = torch.rand(1, 1, 28, 28)
    torch.onnx.export(model, example, args.out + ".onnx", input_names=["pixels"], output_names=["logits"],
                      dynamic_axes={"pixels": {0: "n"}, "logits": {0: "n"}}, opset_version=13)
    torch.jit.trace(model, example).save(args.out + ".pt")


if __name__ == "__main__":
    main()
