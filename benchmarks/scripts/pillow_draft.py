"""Times Pillow's draft-mode open plus resize, what a Python Lambda function would use.

For each image: Image.open from bytes in memory, then draft("L", twice the model size), so that
libjpeg-turbo decodes a JPEG at the smallest DCT scale that keeps twice the target size. Then
convert to gray and resize to 28x28 with Pillow's antialiasing bilinear filter. No inference: the CNN takes well
under a millisecond. Prints the same columns as CpuTimeComparison:
image pipeline cpuMedianMs cpuMinMs wallMedianMs wallMinMs.

Usage: python3 pillow_draft.py IMAGE_DIR RUNS IMAGE...   (Debian's python3-pil)
"""
import io
import statistics
import sys
import time

from PIL import Image

SIZE = 28
WARMUP = 20


def classify_input(data):
    image = Image.open(io.BytesIO(data))
    image.draft("L", (2 * SIZE, 2 * SIZE))
    return image.convert("L").resize((SIZE, SIZE), Image.BILINEAR).tobytes()


def main():
    folder, runs, names = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    for name in names:
        with open(f"{folder}/{name}", "rb") as file:
            data = file.read()
        for _ in range(WARMUP):
            classify_input(data)
        cpu, wall = [], []
        for _ in range(runs):
            start_cpu, start = time.process_time(), time.perf_counter()
            classify_input(data)
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        print(f"{name} pillowDraft {statistics.median(cpu):.3f} {min(cpu):.3f} "
              f"{statistics.median(wall):.3f} {min(wall):.3f}")


if __name__ == "__main__":
    main()
