#!/usr/bin/env python3
"""Write the training module's Fashion-MNIST test data as gzip IDX files.

TARGET_DIR/train gets the first N training images and TARGET_DIR/test a copy of the official test
files, all 10,000 images. The module's tests read these, so they run without the Debian package.
Usage:

    training/scripts/make-test-subset.py [SOURCE_DIR] [TARGET_DIR] [TRAIN_COUNT]

Defaults: /usr/share/datasets/fashion-mnist (Debian package dataset-fashion-mnist),
training/src/test/resources/fashion-mnist and 2000. The training subset is byte-for-byte
reproducible because gzip gets a fixed modification time.
"""

import gzip
import shutil
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
    default_target = here.parent / "src/test/resources/fashion-mnist"
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else default_target
    train_count = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    (target / "train").mkdir(parents=True, exist_ok=True)
    (target / "test").mkdir(parents=True, exist_ok=True)
    for kind in ("images-idx3-ubyte.gz", "labels-idx1-ubyte.gz"):
        name = f"train-{kind}"
        write_subset(source / name, target / "train" / name, train_count)
        print(f"wrote {target / 'train' / name}: {train_count} items")
        name = f"t10k-{kind}"
        shutil.copyfile(source / name, target / "test" / name)
        print(f"copied {target / 'test' / name}")


if __name__ == "__main__":
    main()
