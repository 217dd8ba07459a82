"""Trains a small CNN of an architecture unlike the examples (5x5 convolution, average pooling, dropout) in PyTorch on
Fashion-MNIST, prints its own test accuracy, and exports it as ONNX (torch.onnx.export) and TorchScript
(torch.jit.trace), for the workbench to load.

    /usr/bin/python3 services/src/bench/make_torch_cnn.py --out /tmp/torchcnn   # writes .onnx and .pt

--data names the folder of idx files: the full training set (train-images-idx3-ubyte.gz) when it is there, else the
12k subset that ships in the repo (train-12k-images-idx3-ubyte.gz); the t10k files are the test set. CI runs this
script (app's PyTorchModelRoutesIT) on the repo's embedded copy.

As real users train: --mean and --std normalise the pixels ((x/255 - mean) / std per channel) and --input-shape
3,32,32 trains on the images resized and replicated to RGB exactly as the workbench converts them (fashion_data.py).
The ONNX file states none of it (as torch.onnx.export writes it), unless --metadata adds the keys the workbench
reads (mean, std, class_names).

    /usr/bin/python3 services/src/bench/make_torch_cnn.py --out /tmp/cnn32 --input-shape 3,32,32 \
        --mean 0.485,0.456,0.406 --std 0.229,0.224,0.225
"""
import argparse
import os

# OpenMP threads that spin while they wait slow training several times on 2 shared cores; set before torch loads
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

import fashion_data  # noqa: E402

DATA = fashion_data.SYSTEM


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="/tmp/torchcnn")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--data", default=DATA)
    parser.add_argument("--input-shape", default="1,28,28", help="C,H,W the network takes (default: 1,28,28)")
    parser.add_argument("--mean", default="0", help="per-channel mean of the normalisation (default: 0)")
    parser.add_argument("--std", default="1", help="per-channel std of the normalisation (default: 1)")
    parser.add_argument("--metadata", action="store_true",
                        help="write mean, std and class_names into the ONNX file's metadata")
    args = parser.parse_args()
    shape = [int(v) for v in args.input_shape.split(",")]
    mean, std = fashion_data.floats(args.mean), fashion_data.floats(args.std)
    torch.manual_seed(0)
    torch.set_num_threads(2)
    c, h, w = shape
    model = nn.Sequential(nn.Conv2d(c, 8, 5, padding=2), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.1),
                          nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.AvgPool2d(2), nn.Flatten(),
                          nn.Linear(16 * (h // 4) * (w // 4), 64), nn.ReLU(), nn.Dropout(0.2), nn.Linear(64, 10))
    images, y = fashion_data.load(args.data, "train")
    test_images, ty = fashion_data.load(args.data, "t10k")
    x = fashion_data.normalise(fashion_data.convert(images, shape), mean, std)
    tx = fashion_data.normalise(fashion_data.convert(test_images, shape), mean, std)
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
    example = torch.rand(1, c, h, w)
    torch.onnx.export(model, example, args.out + ".onnx", input_names=["pixels"], output_names=["logits"],
                      dynamic_axes={"pixels": {0: "n"}, "logits": {0: "n"}}, opset_version=13)
    if args.metadata:
        write_metadata(args.out + ".onnx", {"mean": args.mean, "std": args.std,
                                            "class_names": ",".join(fashion_data.CLASS_NAMES)})
    torch.jit.trace(model, example).save(args.out + ".pt")


def write_metadata(path, entries):
    import onnx
    model = onnx.load(path)
    for key, value in entries.items():
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.save(model, path)


if __name__ == "__main__":
    main()
