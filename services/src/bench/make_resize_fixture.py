"""Writes the fixture that holds the workbench's resize (models/data/ImageResize.java) to PyTorch's: for several sizes,
up and down, square and not, an 8-bit grey image (seeded random, or a ramp), PyTorch's float32 output of
F.interpolate(mode="bilinear", align_corners=False, antialias=False) on its 0..255 values, and the 8-bit result of
fashion_data.resize (rounded half to even, clamped), which the PyTorch scripts train on.

    /usr/bin/python3 services/src/bench/make_resize_fixture.py \
        > models/src/test/resources/org/paretowb/models/data/resize-pytorch.txt

Format, per case: "case H W TO_H TO_W", then one line of the input bytes (hex), one line of the float32 outputs
(8 hex digits each: IEEE-754 bits, big-endian), one line of the 8-bit outputs (hex).
"""
import numpy as np
import torch
import torch.nn.functional as F

import fashion_data

CASES = [(28, 28, 32, 32), (28, 28, 32, 32), (32, 32, 28, 28), (37, 23, 32, 32), (13, 17, 31, 29), (64, 48, 28, 28),
         (28, 28, 33, 47), (100, 75, 32, 32), (5, 7, 3, 2), (1, 5, 3, 4), (9, 1, 2, 3), (28, 28, 28, 28)]


def main():
    torch.set_num_threads(1)
    rng = np.random.default_rng(16)
    print("# services/src/bench/make_resize_fixture.py, torch " + torch.__version__)
    for n, (h, w, th, tw) in enumerate(CASES):
        if n == 1:
            image = (np.add.outer(np.arange(h) * 9, np.arange(w) * 5) % 256).astype(np.uint8)  # a ramp
        else:
            image = rng.integers(0, 256, (h, w), dtype=np.uint8)
        x = torch.from_numpy(image.copy())[None, None]
        values = F.interpolate(x.to(torch.float32), size=(th, tw), mode="bilinear", align_corners=False,
                               antialias=False)[0, 0].numpy().astype(">f4")
        rounded = fashion_data.resize(x, th, tw)[0, 0].numpy()
        print(f"case {h} {w} {th} {tw}")
        print(image.tobytes().hex())
        print(values.tobytes().hex())
        print(rounded.tobytes().hex())


if __name__ == "__main__":
    main()
