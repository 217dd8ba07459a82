"""Fashion-MNIST for the PyTorch scripts, converted and normalised exactly as the workbench reads it.

The workbench converts idx images (1x28x28, grey) to a model's input as it reads them (models/data/ImageResize.java):

- size: bilinear with half-pixel centres, which is PyTorch's
  F.interpolate(x, size=(H, W), mode="bilinear", align_corners=False, antialias=False) on the 0..255 values as
  float32, then rounded to the nearest 8-bit value, ties to even (torch.round), and clamped to 0..255;
- channels: a grey image is replicated into each of the model's channels (3 for RGB);
- normalisation: (x / 255 - mean) / std per channel, in float32.

So a network trained here on convert() + normalise() sees, bit for bit, the pixels the workbench gives it.
"""
import gzip
import os

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
# The copy that ships in the repository: the 10k test set and the first 12,000 training images.
EMBEDDED = os.path.normpath(os.path.join(
    HERE, "../../../models/src/main/resources/org/paretowb/models/data/fashion-mnist"))
SYSTEM = "/usr/share/datasets/fashion-mnist"

CLASS_NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]


def _read(folder, name):
    for suffix in (".gz", ""):
        path = os.path.join(folder, name + suffix)
        if os.path.exists(path):
            with (gzip.open(path) if suffix else open(path, "rb")) as f:
                return f.read()
    return None


def load(folder, kind):
    """(images as uint8 N x 1 x 28 x 28, labels as int64 N). kind: "train" (the full set when the folder has it, else
    the 12k subset) or "t10k"."""
    if kind == "train" and _read(folder, "train-images-idx3-ubyte") is None:
        kind = "train-12k"
    images = _read(folder, f"{kind}-images-idx3-ubyte")
    labels = _read(folder, f"{kind}-labels-idx1-ubyte")
    if images is None or labels is None:
        raise SystemExit(f"{folder} has no {kind} idx files")
    rows, cols = int.from_bytes(images[8:12], "big"), int.from_bytes(images[12:16], "big")
    pixels = np.frombuffer(images[16:], np.uint8).reshape(-1, 1, rows, cols)
    return torch.from_numpy(pixels.copy()), torch.from_numpy(np.frombuffer(labels[8:], np.uint8).astype(np.int64))


def resize(images, height, width):
    """uint8 N x C x h x w to uint8 N x C x height x width: the workbench's resize (see the module's note)."""
    if images.shape[2] == height and images.shape[3] == width:
        return images
    out = []
    for chunk in torch.split(images, 5000):
        scaled = F.interpolate(chunk.to(torch.float32), size=(height, width), mode="bilinear", align_corners=False,
                               antialias=False)
        out.append(torch.round(scaled).clamp(0, 255).to(torch.uint8))
    return torch.cat(out)


def convert(images, shape):
    """uint8 grey images to the model's input shape (C, H, W): resized, then replicated into C channels."""
    channels, height, width = shape
    resized = resize(images, height, width)
    return resized if channels == 1 else resized.expand(-1, channels, -1, -1).contiguous()


def normalise(images, mean, std):
    """uint8 N x C x H x W to float32 (x / 255 - mean) / std, one value per channel or one for all."""
    c = images.shape[1]
    m = torch.tensor(mean if len(mean) > 1 else mean * c, dtype=torch.float32).view(1, c, 1, 1)
    s = torch.tensor(std if len(std) > 1 else std * c, dtype=torch.float32).view(1, c, 1, 1)
    return (images.to(torch.float32) / 255 - m) / s


def floats(text):
    """"0.485,0.456,0.406" to [0.485, 0.456, 0.406]."""
    return [float(v) for v in text.split(",")]
