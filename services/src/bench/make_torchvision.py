"""The test bed of real architectures: torchvision 0.14's resnet18, mobilenet_v2, squeezenet1_1 and efficientnet_b0
(Debian's python3-torchvision, no pretrained weights) with 10 classes, each trained briefly in PyTorch on Fashion-MNIST
resized to 3x32x32 exactly as the workbench resizes (fashion_data.py: bilinear with half-pixel centres, rounded to
8 bits, grey replicated to RGB) and normalised with ImageNet's per-channel mean and std, as real users' networks are.
Each is exported as ONNX (torch.onnx.export, opset 13, eval mode, a dynamic batch axis, and, as PyTorch users' files
are, WITHOUT normalisation metadata unless --metadata) and TorchScript (torch.jit.trace), evaluated on the 10,000
test images, and summed up in summary.json (network, files, mean, std, input shape, accuracy, parameters, times).

    /usr/bin/python3 services/src/bench/make_torchvision.py --out /tmp/testbed

Sized for CI on 2 cores (about 5 minutes for all four): a fixed number of Adam steps of 64 images per network,
one-cycle learning rate, on the 12k training images that ship in the repo (--data: a folder with the full
train-images-idx3-ubyte.gz is used whole). Deterministic: seeds and 2 threads (--threads).
"""
import argparse
import json
import os
import time

# OpenMP threads that spin while they wait make every operator wait for a descheduled thread when the 2 cores are
# shared (measured here under other builds: a resnet18 step of 64 images 4.1 s spinning, 0.55 s passive); set before
# torch loads libgomp
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torchvision  # noqa: E402

import fashion_data  # noqa: E402

SHAPE = (3, 32, 32)
BATCH = 64
# Adam steps of 64 images and the one-cycle peak learning rate, per network (about 60-75 s of training each on
# 2 cores; squeezenet's steps are ten times cheaper)
NETWORKS = {
    "resnet18": (180, 2e-3),
    "mobilenet_v2": (260, 3e-3),
    "squeezenet1_1": (800, 1e-3),
    "efficientnet_b0": (220, 3e-3),
}


def build(name):
    return getattr(torchvision.models, name)(weights=None, num_classes=10)


def train(model, images, labels, steps, lr, mean, std, seed):
    generator = torch.Generator().manual_seed(seed)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, total_steps=steps, pct_start=0.25)
    order = torch.randperm(len(images), generator=generator)
    at = 0
    model.train()
    losses = []
    for step in range(steps):
        if at + BATCH > len(order):
            order, at = torch.randperm(len(images), generator=generator), 0
        batch = order[at:at + BATCH]
        at += BATCH
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(model(fashion_data.normalise(images[batch], mean, std)), labels[batch])
        loss.backward()
        optimizer.step()
        schedule.step()
        losses.append(loss.item())
    return sum(losses[-20:]) / min(20, len(losses))


def evaluate(model, images, labels, mean, std):
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(images), 500):
            logits = model(fashion_data.normalise(images[i:i + 500], mean, std))
            correct += (logits.argmax(1) == labels[i:i + 500]).sum().item()
    return correct / len(images)


def export(model, out, name, metadata, mean, std):
    model.eval()
    example = torch.zeros(1, *SHAPE)
    onnx_path = os.path.join(out, name + ".onnx")
    torch.onnx.export(model, example, onnx_path, input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}}, opset_version=13)
    if metadata:
        import onnx
        proto = onnx.load(onnx_path)
        for key, value in (("mean", ",".join(map(str, mean))), ("std", ",".join(map(str, std))),
                           ("class_names", ",".join(fashion_data.CLASS_NAMES))):
            entry = proto.metadata_props.add()
            entry.key, entry.value = key, value
        onnx.save(proto, onnx_path)
    pt_path = os.path.join(out, name + ".pt")
    with torch.no_grad():
        torch.jit.trace(model, example).save(pt_path)
    return onnx_path, pt_path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="/tmp/testbed")
    parser.add_argument("--data", default=fashion_data.EMBEDDED,
                        help="folder of Fashion-MNIST idx files (default: the copy in the repo, 12k training images)")
    parser.add_argument("--networks", default=",".join(NETWORKS),
                        help="comma-separated subset of " + ",".join(NETWORKS))
    parser.add_argument("--steps-scale", type=float, default=1.0, help="multiply every network's training steps")
    parser.add_argument("--metadata", action="store_true",
                        help="also write mean, std and class_names into the ONNX files' metadata")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2, help="torch threads (default: 2; the accuracies are those"
                        " of this count)")
    parser.add_argument("--min-accuracy", type=float, default=0.0,
                        help="exit 1 when a network scores below this (CI: 0.5, chance being 0.1)")
    parser.add_argument("--lock", help="hold an exclusive POSIX lock (lockf) on this file while training, and do"
                        " nothing when --out already has a summary.json (the build starts the training in the"
                        " background; the tests that use it take the same lock and wait for it to end)")
    args = parser.parse_args()
    if args.lock:
        import fcntl
        os.makedirs(os.path.dirname(os.path.abspath(args.lock)), exist_ok=True)
        held = open(args.lock, "a")
        fcntl.lockf(held, fcntl.LOCK_EX)  # released when the process ends, however it ends
        if os.path.exists(os.path.join(args.out, "summary.json")):
            print("the test bed is already trained in " + args.out)
            return
    torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)
    mean, std = fashion_data.IMAGENET_MEAN, fashion_data.IMAGENET_STD
    train_images, train_labels = fashion_data.load(args.data, "train")
    test_images, test_labels = fashion_data.load(args.data, "t10k")
    train_images = fashion_data.convert(train_images, SHAPE)
    test_images = fashion_data.convert(test_images, SHAPE)
    summary = {"data": os.path.abspath(args.data), "trainImages": len(train_images), "testImages": len(test_images),
               "inputShape": list(SHAPE), "mean": mean, "std": std, "batch": BATCH, "threads": args.threads,
               "seed": args.seed,
               "resize": "bilinear, half-pixel centres (F.interpolate align_corners=False, antialias=False) on 0..255"
                         " float32, rounded half to even, grey replicated to 3 channels",
               "metadata": args.metadata, "networks": []}
    for name in args.networks.split(","):
        steps, lr = NETWORKS[name]
        steps = max(1, round(steps * args.steps_scale))
        torch.manual_seed(args.seed)
        model = build(name)
        start = time.perf_counter()
        loss = train(model, train_images, train_labels, steps, lr, mean, std, args.seed)
        trained = time.perf_counter()
        accuracy = evaluate(model, test_images, test_labels, mean, std)
        evaluated = time.perf_counter()
        onnx_path, pt_path = export(model, args.out, name, args.metadata, mean, std)
        exported = time.perf_counter()
        parameters = sum(p.numel() for p in model.parameters())
        print(f"{name}: pytorch accuracy on the 10,000 test images: {accuracy:.4f} ({parameters:,} parameters;"
              f" {steps} steps of {BATCH} in {trained - start:.1f} s, last loss {loss:.3f}; evaluation"
              f" {evaluated - trained:.1f} s; export {exported - evaluated:.1f} s)", flush=True)
        summary["networks"].append({
            "network": name, "onnx": os.path.abspath(onnx_path), "torchscript": os.path.abspath(pt_path),
            "mean": mean, "std": std, "inputShape": list(SHAPE), "accuracy": accuracy, "parameters": parameters,
            "trainSteps": steps, "learningRate": lr, "imagesSeen": steps * BATCH, "lastLoss": loss,
            "trainSeconds": round(trained - start, 1), "evalSeconds": round(evaluated - trained, 1),
            "exportSeconds": round(exported - evaluated, 1)})
    # whole or not at all: a reader never sees half a summary
    with open(os.path.join(args.out, "summary.json.part"), "w") as f:
        json.dump(summary, f, indent=2)
    os.replace(os.path.join(args.out, "summary.json.part"), os.path.join(args.out, "summary.json"))
    print("wrote " + os.path.join(args.out, "summary.json"))
    low = [n["network"] for n in summary["networks"] if n["accuracy"] < args.min_accuracy]
    if low:
        raise SystemExit(f"below {args.min_accuracy:.2f} accuracy: {', '.join(low)}")


if __name__ == "__main__":
    main()
