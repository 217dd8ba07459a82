#!/usr/bin/env python3
"""PyTorch peer for `paretowb bench distill`: the same teacher weights (the shipped example CNN), the same
student (784-64-10 MLP), the same loss (alpha * T^2 * KL(teacher_T || student_T) + (1 - alpha) * CE), Adam with
a cosine learning-rate schedule, batch 128; accuracy on the 10k test set.

Run from the repository root with Debian's PyTorch:
  /usr/bin/python3 services/src/bench/pytorch_distill.py --epochs 10 --train-images 60000
"""
import argparse
import gzip
import math
import os

import torch
import torch.nn.functional as F
from torch import nn

from pytorch_eval import RES, evaluate, load, network, read_pwb, test_set

SYSTEM = "/usr/share/datasets/fashion-mnist/"


def training_set(limit):
    if os.path.exists(SYSTEM + "train-images-idx3-ubyte.gz"):
        images, labels = SYSTEM + "train-images-idx3-ubyte.gz", SYSTEM + "train-labels-idx1-ubyte.gz"
    else:
        d = RES + "data/fashion-mnist/"
        images, labels = d + "train-12k-images-idx3-ubyte.gz", d + "train-12k-labels-idx1-ubyte.gz"
    x = torch.frombuffer(bytearray(gzip.open(images).read()[16:]), dtype=torch.uint8).reshape(-1, 1, 28, 28)
    y = torch.frombuffer(bytearray(gzip.open(labels).read()[8:]), dtype=torch.uint8).long()
    return x[:limit].float() / 255, y[:limit]


def student(width, seed):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Flatten(), nn.Linear(784, width), nn.ReLU(), nn.Linear(width, 10))


def train(x, y, teacher_logits, t, alpha, epochs, lr, seed, width):
    net = student(width, seed)
    optimizer = torch.optim.Adam(net.parameters(), lr=lr)
    steps = epochs * math.ceil(len(y) / 128)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, steps)
    generator = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        order = torch.randperm(len(y), generator=generator)
        for i in range(0, len(y), 128):
            idx = order[i:i + 128]
            logits = net(x[idx])
            loss = F.cross_entropy(logits, y[idx]) * (1 - alpha)
            if alpha > 0:
                soft = F.softmax(teacher_logits[idx] / t, 1)
                kl = F.kl_div(F.log_softmax(logits / t, 1), soft, reduction="batchmean")
                loss = loss + kl * alpha * t * t
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
    return net


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--lr", type=float, default=0.001)
    parser.add_argument("--width", type=int, default=64)
    parser.add_argument("--train-images", type=int, default=60000)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    architecture, tensors = read_pwb(RES + "examples/cnn.pwb")
    teacher = network(architecture)
    load(teacher, tensors)
    teacher.eval()
    x, y = training_set(args.train_images)
    tx, ty = test_set()
    with torch.no_grad():
        teacher_logits = torch.cat([teacher(x[i:i + 500]) for i in range(0, len(y), 500)])
        print(f"teacher: train {evaluate(teacher, x, y, 500):.4f}, test {evaluate(teacher, tx, ty, 500):.4f}; "
              f"{len(y)} training images, {args.epochs} epochs")

    def score(t, alpha, seed):
        net = train(x, y, teacher_logits, t, alpha, args.epochs, args.lr, seed, args.width)
        with torch.no_grad():
            return evaluate(net.eval(), tx, ty, 500)

    plain = score(1, 0, 1)
    print(f"alpha 0, seed 1: {plain * 100:.2f}%")
    for t in (2, 4, 8):
        for alpha in (0.5, 0.9):
            a = score(t, alpha, 1)
            print(f"T {t} alpha {alpha}, seed 1: {a * 100:.2f}% ({(a - plain) * 100:+.2f} points)")


if __name__ == "__main__":
    main()
