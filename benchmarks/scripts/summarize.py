"""Turns the raw outputs of warm-path and cold-start into the Markdown tables of BENCHMARKS.md.

Every ratio is computed within one round, between measurements taken minutes apart in the same
script run, and the median over rounds is reported next to the value of each round.

Usage: python3 summarize.py warm|cold OUT_DIR
"""
import glob
import json
import statistics
import sys

IMAGES = ["photo-12mp.jpg", "photo-1mp.jpg", "fashion-28.png"]


def read_round(cpu_file, djpeg_file):
    """Returns {(image, pipeline): (cpu_median, cpu_min, wall_median, wall_min)} for one round."""
    values = {}
    with open(cpu_file) as lines:
        for line in lines:
            image, pipeline, *numbers = line.split()
            values[(image, pipeline)] = tuple(float(n) for n in numbers)
    with open(djpeg_file) as file:
        for result in json.load(file)["results"]:
            command = result["command"]
            image = command.split("/")[-1]
            scale = "djpeg1/8" if "-scale 1/8" in command else "djpegFull"
            cpu = (result["user"] + result["system"]) * 1000
            times = [t * 1000 for t in result["times"]]
            values[(image, scale)] = (cpu, cpu, statistics.median(times), min(times))
    return values


def fmt(value):
    return f"{value:.2f}" if value < 100 else f"{value:.0f}"


def ratio_row(label, rounds, numerator, denominator, image, column=0):
    ratios = [r[(image, numerator)][column] / r[(image, denominator)][column] for r in rounds
              if (image, numerator) in r and (image, denominator) in r]
    if not ratios:
        return None
    each = ", ".join(f"{x:.2f}" for x in ratios)
    return f"| {image} | {label} | {statistics.median(ratios):.2f} | {each} |"


def print_table(title, rounds, pipelines, column):
    print(f"{title}\n")
    print("| image | " + " | ".join(pipelines) + " |")
    print("| --- |" + " --- |" * len(pipelines))
    for image in IMAGES:
        cells = []
        for pipeline in pipelines:
            values = [r[(image, pipeline)][column] for r in rounds if (image, pipeline) in r]
            cells.append(fmt(statistics.median(values)) if values else "-")
        print(f"| {image} | " + " | ".join(cells) + " |")


def warm(out):
    cpu_files = sorted(glob.glob(f"{out}/cpu-round-*.txt"))
    rounds = [read_round(c, c.replace("cpu-round-", "djpeg-round-").replace(".txt", ".json"))
              for c in cpu_files]
    pipelines = ["classifier", "pillowDraft", "djpeg1/8", "djpegFull", "imageIoGraphics2d",
                 "djlDefaultPipeline"]
    print_table(f"CPU time per call in ms, median of {len(rounds)} rounds (each round: median of "
                "the calls; djpeg: user + system of the whole process, mean of the runs)",
                rounds, pipelines, 0)
    print_table("\nWall time per call in ms, median of rounds (each round: median of the calls)",
                rounds, pipelines, 2)
    print("\nRatios of CPU time within each round (median, then each round)\n")
    print("| image | ratio | median | rounds |")
    print("| --- | --- | --- | --- |")
    checks = [
        ("classifier / Pillow draft", "classifier", "pillowDraft"),
        ("classifier / djpeg -scale 1/8", "classifier", "djpeg1/8"),
        ("classifier / djpeg full size", "classifier", "djpegFull"),
        ("DJL pipeline / classifier", "djlDefaultPipeline", "classifier"),
        ("ImageIO + Graphics2D / classifier", "imageIoGraphics2d", "classifier"),
    ]
    for image in IMAGES:
        for label, numerator, denominator in checks:
            row = ratio_row(label, rounds, numerator, denominator, image)
            if row:
                print(row)
    print("\nSame ratios of wall time (median of calls) within each round\n")
    print("| image | ratio | median | rounds |")
    print("| --- | --- | --- | --- |")
    for image in IMAGES:
        for label, numerator, denominator in checks:
            row = ratio_row(label, rounds, numerator, denominator, image, column=2)
            if row:
                print(row)
    jmh(out)


def jmh(out):
    with open(f"{out}/jmh-warm.json") as file:
        results = json.load(file)
    print("\nJMH WarmPathBenchmark: wall time per call (ms) and allocation per call\n")
    print("| benchmark | image | ms/op | ± (99.9%) | allocated per call |")
    print("| --- | --- | --- | --- | --- |")
    for result in results:
        name = result["benchmark"].rsplit(".", 1)[1]
        primary = result["primaryMetric"]
        alloc = result["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score")
        alloc_text = f"{alloc / 1048576:.2f} MiB" if alloc else "-"
        print(f"| {name} | {result['params']['image']} | {fmt(primary['score'])} | "
              f"{fmt(primary['scoreError'])} | {alloc_text} |")
    with open(f"{out}/jmh-batch.json") as file:
        results = json.load(file)
    print("\nJMH BatchBenchmark: 28x28 PNG images per second on one thread\n")
    print("| method | batch size | calls/s | ± (99.9%) | images/s |")
    print("| --- | --- | --- | --- | --- |")
    for result in results:
        name = result["benchmark"].rsplit(".", 1)[1]
        size = int(result["params"]["batchSize"])
        primary = result["primaryMetric"]
        print(f"| {name} | {size} | {primary['score']:.0f} | {primary['scoreError']:.0f} | "
              f"{primary['score'] * size:.0f} |")
    print("\nImageIO's JDK JPEG reader, 12 MP, per JDK\n")
    with open(f"{out}/imageio-jdks.txt") as lines:
        for line in lines:
            print(f"    {line.rstrip()}")


def cold(out):
    with open(f"{out}/cold-start.json") as file:
        results = {r["command"]: r for r in json.load(file)["results"]}
    print("| program | mean ms | ± σ | median | min | user + system ms |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, result in results.items():
        times = [t * 1000 for t in result["times"]]
        print(f"| {name} | {result['mean'] * 1000:.0f} | {result['stddev'] * 1000:.0f} | "
              f"{statistics.median(times):.0f} | {min(times):.0f} | "
              f"{(result['user'] + result['system']) * 1000:.0f} |")
    print("\n| program / bare ONNX Runtime | mean | median | min | CPU |")
    print("| --- | --- | --- | --- | --- |")
    rows = [("1 MP JPEG", "handler, 1 MP JPEG"), ("28x28 PNG", "handler, 28x28 PNG")]
    rows += [(name.rsplit(", ", 1)[1], name) for name in results if name.startswith("handler from")]
    for image, name in rows:
        if name not in results:
            continue
        handler = results[name]
        bare = results[f"bare ONNX Runtime, {image}"]
        h_times, b_times = handler["times"], bare["times"]
        print(f"| {name} | {handler['mean'] / bare['mean']:.2f} | "
              f"{statistics.median(h_times) / statistics.median(b_times):.2f} | "
              f"{min(h_times) / min(b_times):.2f} | "
              f"{(handler['user'] + handler['system']) / (bare['user'] + bare['system']):.2f} |")
    print()
    with open(f"{out}/cold-start-phases.txt") as lines:
        for line in lines:
            print(f"    {line.rstrip()}")


if __name__ == "__main__":
    {"warm": warm, "cold": cold}[sys.argv[1]](sys.argv[2])
