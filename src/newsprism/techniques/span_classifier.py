"""A fine-tuned MiniLM span classifier over the 14 techniques, run with onnxruntime (int8).

Each span is read as a pair: the span's words, then the sentence around it. Trained by
`newsprism train techniques --transformer` on the corpus's labelled spans (a span with
several techniques gives one example each), exported to ONNX and quantised to int8. When
its file is absent the linear classifier (techniques.model) names the spans.
"""

from __future__ import annotations

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
from newsprism.techniques.taxonomy import TECHNIQUES

CLASSIFIER_ONNX = "classifier.onnx"
MAX_TOKENS = 96
CONTEXT_CHARS = 300


def context_of(text: str, start: int, end: int) -> str:
    """The sentence around a span (or a window of text when the span crosses sentences)."""
    for s, e in sentences(text):
        if s <= start and end <= e:
            return text[s:e]
    return text[max(0, start - CONTEXT_CHARS // 2) : end + CONTEXT_CHARS // 2]


def _encode(tokenizer: object, pairs: list[tuple[str, str]]) -> dict[str, np.ndarray]:
    encoded = [tokenizer.encode(a, b) for a, b in pairs]  # type: ignore[attr-defined]
    width = min(MAX_TOKENS, max(len(e.ids) for e in encoded))
    ids = np.zeros((len(pairs), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    types = np.zeros_like(ids)
    for row, e in enumerate(encoded):
        n = min(width, len(e.ids))
        ids[row, :n] = e.ids[:n]
        mask[row, :n] = 1
        types[row, :n] = e.type_ids[:n]
        if len(e.ids) > width:
            ids[row, width - 1] = e.ids[-1]  # keep the closing [SEP]
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}


@dataclass
class OnnxSpanClassifier:
    """Technique probabilities for spans, from the exported classifier."""

    session: object
    tokenizer: object

    def probabilities(self, text: str, spans: list[tuple[int, int]], batch: int = 32) -> np.ndarray:
        """One row of 14 probabilities (TECHNIQUES order) per span."""
        pairs = [(text[s:e], context_of(text, s, e)) for s, e in spans]
        # Similar lengths batched together waste little on padding.
        order = np.argsort([len(a) + len(b) for a, b in pairs])
        out = np.zeros((len(pairs), len(TECHNIQUES)), dtype=np.float32)
        for i in range(0, len(order), batch):
            members = order[i : i + batch]
            feed = _encode(self.tokenizer, [pairs[j] for j in members])
            logits = self.session.run(["logits"], feed)[0]  # type: ignore[attr-defined]
            shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
            out[members] = shifted / shifted.sum(axis=1, keepdims=True)
        return out


def has_span_classifier(folder: Path) -> bool:
    return (folder / CLASSIFIER_ONNX).is_file() and (folder / TOKENIZER_FILE).is_file()


@lru_cache(maxsize=2)
def load_span_classifier(folder: str, threads: int | None = None) -> OnnxSpanClassifier:
    """The exported span classifier in `folder`, on the CPU."""
    return OnnxSpanClassifier(
        cpu_session(Path(folder) / CLASSIFIER_ONNX, threads),
        plain_tokenizer(Path(folder) / TOKENIZER_FILE),
    )


def train_span_classifier(
    texts: dict[str, str],
    labels: list[tuple[str, str, int, int]],
    out: Path,
    epochs: int = 3,
    base: str | None = None,
    progress: object = None,
) -> int:
    """Fine-tune the classifier on labelled spans and export it to int8 ONNX in `out`."""
    import torch
    from transformers import AutoModelForSequenceClassification

    base = start_fine_tuning(base)
    tokenizer = plain_tokenizer(Path(base) / TOKENIZER_FILE)
    rows = [
        ((texts[a][s:e], context_of(texts[a], s, e)), TECHNIQUES.index(t))
        for a, t, s, e in labels
        if a in texts and t in TECHNIQUES
    ]
    model = AutoModelForSequenceClassification.from_pretrained(base, num_labels=len(TECHNIQUES))
    optimiser = torch.optim.AdamW(model.parameters(), lr=5e-5, weight_decay=0.01)
    rng = np.random.default_rng(0)
    batch = 16
    model.train()
    for epoch in range(epochs):
        order = rng.permutation(len(rows))
        for n, i in enumerate(range(0, len(order), batch)):
            members = [rows[j] for j in order[i : i + batch]]
            feed = {
                k: torch.from_numpy(v)
                for k, v in _encode(tokenizer, [p for p, _ in members]).items()
            }
            target = torch.tensor([y for _, y in members])
            loss = torch.nn.functional.cross_entropy(model(**feed).logits, target)
            loss.backward()
            optimiser.step()
            optimiser.zero_grad()
            if callable(progress):
                progress(epoch, n, (len(order) + batch - 1) // batch, float(loss))
    example = {k: torch.from_numpy(v) for k, v in _encode(tokenizer, [("a b", "a b c")]).items()}
    export_int8(
        model,
        (example["input_ids"], example["attention_mask"], example["token_type_ids"]),
        out / CLASSIFIER_ONNX,
        base,
    )
    load_span_classifier.cache_clear()
    return len(rows)
