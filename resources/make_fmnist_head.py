#!/usr/bin/env python3
"""Builds resources/fmnist-pixels.h5, the small real head embedded in the studio.

Multinomial logistic regression on the 784 pixels of Debian's dataset-fashion-mnist (scaled to [0, 1],
plus a bias), trained by seeded minibatch SGD (8 epochs, batch 256, step 0.5, L2 1e-4), with the first
300 test images as queries. Deterministic: numpy's default_rng(0). Needs python3-numpy, python3-h5py
and dataset-fashion-mnist. Run from the repository root:  python3 resources/make_fmnist_head.py
"""
import gzip
import os
import struct

import h5py
import numpy as np

BASE = "/usr/share/datasets/fashion-mnist"
NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def idx(name):
    with gzip.open(os.path.join(BASE, name), "rb") as f:
        data = f.read()
    (magic,) = struct.unpack(">I", data[:4])
    dims = struct.unpack(">" + "I" * (magic & 0xFF), data[4 : 4 + 4 * (magic & 0xFF)])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * len(dims)).reshape(dims)


def main():
    xtr = idx("train-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255
    ytr = idx("train-labels-idx1-ubyte.gz")
    xte = idx("t10k-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255
    yte = idx("t10k-labels-idx1-ubyte.gz")
    rng = np.random.default_rng(0)
    w = np.zeros((10, 784), np.float32)
    b = np.zeros(10, np.float32)
    onehot = np.eye(10, dtype=np.float32)[ytr]
    for _ in range(8):
        perm = rng.permutation(len(xtr))
        for i in range(0, len(xtr), 256):
            batch = perm[i : i + 256]
            z = xtr[batch] @ w.T + b
            z -= z.max(1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(1, keepdims=True)
            g = (p - onehot[batch]) / len(batch)
            w -= 0.5 * (g.T @ xtr[batch] + 1e-4 * w)
            b -= 0.5 * g.sum(0)
    accuracy = float(((xte @ w.T + b).argmax(1) == yte).mean())
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fmnist-pixels.h5")
    with h5py.File(out, "w") as f:
        f.attrs["format"] = "adasoftmax-head"
        f.attrs["version"] = 1
        f.attrs["model"] = "fmnist-logreg-pixels (resources/make_fmnist_head.py)"
        f.attrs["dataset"] = "fashion-mnist/test[:300]"
        f.attrs["description"] = f"Fashion-MNIST pixels, multinomial logistic regression, test accuracy {accuracy:.3f}"
        f.create_dataset("head/weight", data=w, compression="gzip", shuffle=True)
        f.create_dataset("head/bias", data=b)
        f.create_dataset("queries/x", data=xte[:300], compression="gzip", shuffle=True)
        f.create_dataset("queries/label", data=yte[:300].astype(np.int64))
        f.create_dataset("vocab", data=np.array(NAMES, dtype=object), dtype=h5py.string_dtype())
    print(f"wrote {out}: test accuracy {accuracy:.4f}")


if __name__ == "__main__":
    main()
