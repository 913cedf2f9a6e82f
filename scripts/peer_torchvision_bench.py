#!/usr/bin/python3
"""Peer of `endolens bench mfu` in PyTorch + torchvision (dev-only cross-check; EndoLens itself never needs Python).

Runs the same measurements in the same order with the same FLOP formula as org.endolens.bench:
fp32 GEMM peak, torchvision vit_b_16 eval inference under no_grad, GEMM peak again, then a ViT-S/16 training
step (torchvision VisionTransformer, cross-entropy on 1000 classes, AdamW). Medians after warm-up.

    apt-get install -y python3-torch python3-torchvision
    /usr/bin/python3 scripts/peer_torchvision_bench.py --threads 2 --json peer.json
"""
import argparse
import json
import platform
import statistics
import time

import torch
import torchvision
from torchvision.models.vision_transformer import VisionTransformer

GEMM_SIZES = (2048, 4096)
GEMM_WARMUP = 2
GEMM_RUNS = 8


def vit_forward_macs(image_size, patch_size, width, depth, mlp_dim, classes, channels=3):
    """Same count as org.endolens.bench.VitFlops: patch embed, qkv, scores, weighted sum, proj, MLP, head."""
    patches = (image_size // patch_size) ** 2
    tokens = patches + 1
    per_block = tokens * width * 3 * width + 2 * tokens * tokens * width + tokens * width * width \
        + 2 * tokens * width * mlp_dim
    return patches * width * channels * patch_size ** 2 + depth * per_block + width * classes


def timings(seconds):
    median = statistics.median(seconds)
    return {"seconds": seconds, "median": median, "min": min(seconds), "max": max(seconds),
            "spread": (max(seconds) - min(seconds)) / median}


def gemm_peak():
    results = []
    for n in GEMM_SIZES:
        a = torch.rand(n, n) * 2 - 1
        b = torch.rand(n, n) * 2 - 1
        seconds = []
        for i in range(GEMM_WARMUP + GEMM_RUNS):
            start = time.perf_counter()
            c = a @ b
            c[0, 0].item()
            if i >= GEMM_WARMUP:
                seconds.append(time.perf_counter() - start)
        t = timings(seconds)
        results.append({"size": n, "timings": t, "flopsPerSecond": 2.0 * n ** 3 / t["median"]})
    return results


def with_mfu(throughput, gemm):
    peak = max(g["flopsPerSecond"] for g in gemm)
    images_per_second = throughput["batch"] / throughput["timings"]["median"]
    throughput["imagesPerSecond"] = images_per_second
    throughput["flopsPerSecond"] = throughput["flopsPerImage"] * images_per_second
    return {"throughput": throughput, "gemm": gemm, "peakFlopsPerSecond": peak,
            "mfu": throughput["flopsPerSecond"] / peak}


def inference(batch, warmup, runs):
    model = torchvision.models.vit_b_16().eval()
    seconds = []
    with torch.no_grad():
        for i in range(warmup + runs):
            images = torch.randn(batch, 3, 224, 224)
            start = time.perf_counter()
            logits = model(images)
            logits[0, 0].item()
            if i >= warmup:
                seconds.append(time.perf_counter() - start)
    return {"model": "torchvision vit_b_16", "mode": "inference", "batch": batch,
            "flopsPerImage": 2.0 * vit_forward_macs(224, 16, 768, 12, 3072, 1000), "timings": timings(seconds)}


def training(batch, warmup, steps):
    model = VisionTransformer(image_size=224, patch_size=16, num_layers=12, num_heads=6, hidden_dim=384,
                              mlp_dim=1536).train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    loss_fn = torch.nn.CrossEntropyLoss()
    seconds = []
    for i in range(warmup + steps):
        images = torch.randn(batch, 3, 224, 224)
        labels = torch.randint(0, 1000, (batch,))
        start = time.perf_counter()
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(images), labels)
        loss.backward()
        optimizer.step()
        loss.item()
        if i >= warmup:
            seconds.append(time.perf_counter() - start)
    return {"model": "torchvision ViT-S/16", "mode": "training", "batch": batch,
            "flopsPerImage": 3 * 2.0 * vit_forward_macs(224, 16, 384, 12, 1536, 1000), "timings": timings(seconds)}


def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--iterations", type=int, default=5)
    parser.add_argument("--train-steps", type=int, default=5)
    parser.add_argument("--json")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    report = {"engine": {"torch": torch.__version__, "torchvision": torchvision.__version__,
                         "intra_op_threads": torch.get_num_threads()},
              "cpu": cpu_model()}
    report["inference"] = with_mfu(inference(args.batch, args.warmup, args.iterations), gemm_peak())
    report["training"] = with_mfu(training(args.batch, args.warmup, args.train_steps), gemm_peak())
    print(f"engine   torch {torch.__version__}, torchvision {torchvision.__version__}, "
          f"{torch.get_num_threads()} intra-op threads")
    print(f"cpu      {report['cpu']}\n")
    print(f"{'model':<22} {'mode':<9} {'batch':>5} {'median s':>9} {'spread':>7} {'images/s':>9} {'GFLOP/im':>9} "
          f"{'GFLOP/s':>9} {'GEMM GFLOP/s just before':>30} {'MFU':>6}")
    for key in ("inference", "training"):
        r = report[key]
        t = r["throughput"]
        gemm = ", ".join(f"{g['size']}: {g['flopsPerSecond'] / 1e9:.1f}" for g in r["gemm"])
        print(f"{t['model']:<22} {t['mode']:<9} {t['batch']:>5} {t['timings']['median']:>9.3f} "
              f"{100 * t['timings']['spread']:>6.1f}% {t['imagesPerSecond']:>9.2f} {t['flopsPerImage'] / 1e9:>9.2f} "
              f"{t['flopsPerSecond'] / 1e9:>9.1f} {gemm:>30} {r['mfu']:>6.3f}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(report, f, indent=2)
        print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
