"""Estimates the Lambda bill per million images from the durations that cold-start measured.

Model, per image (one S3 record per invocation):
  compute = CPU time of a warm handler invocation (download, decode, inference, JSON, SDK calls),
            stretched by 1769 / memory below 1769 MB, because Lambda gives a function the
            equivalent of one vCPU at 1,769 MB and a proportional share below
            (docs.aws.amazon.com/lambda/latest/dg/resource-model.html);
  wait    = wall time minus CPU time of the same invocation: waiting for S3 and DynamoDB, here the
            local servers on loopback, so a lower bound for AWS;
  billed  = compute + wait, rounded up to whole milliseconds;
  cost    = billed seconds x memory GB x price per GB-second + price per request.
The arm64 rows reuse the x86_64 durations: the code was not run on arm64 here.

Usage: python3 cost.py RESULTS_DIR
"""
import math
import re
import sys

PRICE_PER_GB_SECOND = {"x86_64": 0.0000166667, "arm64": 0.0000133334}
PRICE_PER_REQUEST = 0.20 / 1_000_000
MEMORY_MB = [512, 1024, 2048]
ONE_VCPU_MB = 1769


def warm_invocations(results):
    pattern = re.compile(r"uploads/(\S+) warm invocation: wall median ([\d.]+) .* CPU median ([\d.]+)")
    with open(f"{results}/cold-start-phases.txt") as lines:
        for line in lines:
            match = pattern.search(line)
            if match:
                yield match.group(1), float(match.group(2)), float(match.group(3))


def main():
    print("| image | arch | memory MB | billed ms (estimate) | USD per million images |")
    print("| --- | --- | --- | --- | --- |")
    for image, wall, cpu in warm_invocations(sys.argv[1]):
        wait = max(0.0, wall - cpu)
        for arch, price in PRICE_PER_GB_SECOND.items():
            for memory in MEMORY_MB:
                billed = math.ceil(cpu * max(1.0, ONE_VCPU_MB / memory) + wait)
                cost = 1_000_000 * (billed / 1000 * memory / 1024 * price + PRICE_PER_REQUEST)
                print(f"| {image} | {arch} | {memory} | {billed} | {cost:.2f} |")


if __name__ == "__main__":
    main()
