"""Dev-only generator of the small PyTorch checkpoints used by TorchCheckpointTest.

EndoLens never needs Python to build, test or run: these files are committed. Re-run this script only to
change them (Debian: `apt-get install python3-torch`, then `python3 make_checkpoints.py` in this folder).
Values are deterministic (arange-based) so that the Java tests can state the expected numbers directly.
"""
import argparse
from collections import OrderedDict

import torch


def backbone():
    return OrderedDict([
        ("module.backbone.cls_token", torch.arange(4.0).reshape(1, 1, 4)),
        ("module.backbone.blocks.0.norm1.weight", torch.ones(4)),
        ("module.head.last_layer.weight", torch.arange(8.0).reshape(2, 4)),
    ])


def dino_wrapper():
    """A DINO / Endo-FM style training checkpoint: weights under 'teacher', DataParallel 'module.' prefix."""
    student = backbone()
    student["module.backbone.cls_token"] = -student["module.backbone.cls_token"]
    args = argparse.Namespace(arch="vit_base", lr=0.0005, out_dim=65536, norm_last_layer=True,
                              local_crops_scale=(0.05, 0.4), data_path="/data/endoscopy", seed=0)
    return {"student": student, "teacher": backbone(), "epoch": 3, "args": args,
            "dino_loss": {"center": torch.zeros(1, 2)}}


def state_dict_wrapper():
    """A Lightning / classic training checkpoint: weights under 'state_dict', optimizer state beside them."""
    weights = OrderedDict([("module.fc.weight", torch.arange(6.0).reshape(2, 3)),
                           ("module.fc.bias", torch.tensor([0.5, -0.5]))])
    optimizer = {"state": {0: {"step": torch.tensor(10.0), "exp_avg": torch.zeros(2, 3)}},
                 "param_groups": [{"lr": 0.1, "betas": (0.9, 0.999), "params": [0, 1]}]}
    return {"state_dict": weights, "optimizer": optimizer, "epoch": 7, "best_acc": 0.875, "arch": "fc"}


def tensor_kinds():
    """Every storage type, a 0-d tensor, non-contiguous views and several tensors sharing one storage."""
    shared = torch.arange(20.0)
    matrix = torch.arange(24.0).reshape(4, 6)
    return OrderedDict([
        ("float32", torch.arange(6.0).reshape(2, 3)),
        ("float64", torch.arange(3, dtype=torch.float64) / 3),
        ("float16", torch.tensor([1.5, -2.25, 65504.0, 2.0 ** -24, float("inf"), -0.0], dtype=torch.float16)),
        ("bfloat16", torch.tensor([1.0, -3.5, 2.0 ** 100, 0.1], dtype=torch.bfloat16)),
        ("int64", torch.tensor([-(2 ** 40), 0, 2 ** 62])),
        ("int32", torch.tensor([[-7, 8]], dtype=torch.int32)),
        ("uint8", torch.tensor([0, 127, 255], dtype=torch.uint8)),
        ("bool", torch.tensor([True, False, True])),
        ("scalar", torch.tensor(2.5)),
        ("parameter", torch.nn.Parameter(torch.tensor([1.0, 2.0]))),
        ("empty", torch.zeros(0, 3)),
        ("transposed", torch.arange(12.0).reshape(3, 4).t()),
        ("columns", matrix[:, 1:4]),
        ("expanded", torch.tensor([1.0, 2.0, 3.0]).expand(2, 3)),
        ("shared_head", shared[2:8]),
        ("shared_tail", shared[10:20].view(2, 5)),
        ("shared_all", shared),
    ])


if __name__ == "__main__":
    torch.save(dino_wrapper(), "dino_wrapper.pth")
    torch.save(state_dict_wrapper(), "state_dict_wrapper.pth")
    torch.save(tensor_kinds(), "tensor_kinds.pth")
    torch.save(backbone(), "legacy.pth", _use_new_zipfile_serialization=False)
