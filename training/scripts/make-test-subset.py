#!/usr/bin/env python3
"""Write the first N training and test images of Fashion-MNIST as gzip IDX files.

The training module's tests read this subset, so they run without the full data set. Usage:

    training/scripts/make-test-subset.py [SOURCE_DIR] [TARGET_DIR] [TRAIN_COUNT] [TEST_COUNT]

Defaults: /usr/share/datasets/fashion-mnist (Debian package dataset-fashion-mnist),
training/src/test/resources/fashion-mnist-subset, 2000 and 500. The output is byte-for-byte
reproducible because gzip gets a fixed modification time.
"""

import gzip
import struct
import sys
from pathlib import Path

IMAGES_MAGIC = 0x00000803
LABELS_MAGIC = 0x00000801


def write_subset(source: Path, target: Path, count: int) -> None:
    """Copy the header with the count replaced, then the first `count` items."""
    data = gzip.decompress(source.read_bytes())
    magic, total = struct.unpack(">II", data[:8])
    if magic == IMAGES_MAGIC:
        rows, columns = struct.unpack(">II", data[8:16])
        header = struct.pack(">IIII", magic, count, rows, columns)
        body = data[16 : 16 + count * rows * columns]
    elif magic == LABELS_MAGIC:
        header = struct.pack(">II", magic, count)
        body = data[8 : 8 + count]
    else:
        sys.exit(f"{source}: unknown IDX magic number 0x{magic:08x}")
    if count > total:
        sys.exit(f"{source}: has {total} items, fewer than the {count} requested")
    with open(target, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(header + body)


def main() -> None:
    here = Path(__file__).resolve().parent
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist")
    default_target = here.parent / "src/test/resources/fashion-mnist-subset"
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else default_target
    train_count = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    test_count = int(sys.argv[4]) if len(sys.argv) > 4 else 500
    target.mkdir(parents=True, exist_ok=True)
    for prefix, count in (("train", train_count), ("t10k", test_count)):
        for kind in ("images-idx3-ubyte.gz", "labels-idx1-ubyte.gz"):
            name = f"{prefix}-{kind}"
            write_subset(source / name, target / name, count)
            print(f"wrote {target / name}: {count} items")


if __name__ == "__main__":
    main()
