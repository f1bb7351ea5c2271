"""Score the technique model on the PTC dev split with SemEval-2020 Task 11's two measures.

    python benchmarks/techniques.py [--data ../shared/data/ptc/dev] [--model FOLDER]

Prints span identification P/R/F1 (partial-overlap credit), technique classification
micro-F1 given the gold spans, F1 per technique, and the speed of detection against the
spaCy parse of the same articles (techniques must cost at most twice the parse).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from goldmatch import SHARED
from newsprism.nlp import load_pipeline
from newsprism.techniques.data import read_corpus
from newsprism.techniques.model import TechniqueModel
from newsprism.techniques.scoring import merge, si_scores, tc_scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "ptc" / "dev")
    parser.add_argument("--model", type=Path, default=None, help="model folder (default: shipped)")
    args = parser.parse_args()
    if not (args.data / "articles").is_dir():
        sys.exit(f"no PTC split at {args.data}")
    corpus = read_corpus(args.data)
    model = TechniqueModel.load(args.model)
    gold: dict[str, list[tuple[int, int]]] = {a: [] for a in corpus.texts}
    for article, _, start, end in corpus.labels:
        gold[article].append((start, end))
    model.spans(next(iter(corpus.texts.values())))  # load the embeddings outside the timing
    started = time.perf_counter()
    predicted = {a: [(s, e) for s, e, _ in model.spans(t)] for a, t in corpus.texts.items()}
    detect_s = time.perf_counter() - started
    p, r, f1 = si_scores(predicted, {a: merge(v) for a, v in gold.items()})
    micro, per = tc_scores(corpus.labels, lambda a, spans: model.rank(corpus.texts[a], spans))
    kind = "fine-tuned MiniLM (int8 ONNX)" if model.word_pieces is not None else "linear"
    print(
        f"PTC dev: {len(corpus.texts)} articles, {len(corpus.labels)} technique labels; "
        f"span tagger: {kind}"
    )
    print(f"span identification: P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")
    print(f"technique classification (gold spans): micro-F1 {micro:.3f}")
    for technique, (tp, tr, tf) in sorted(per.items(), key=lambda kv: -kv[1][2]):
        print(f"  {technique:38} P {tp:.2f}  R {tr:.2f}  F1 {tf:.2f}")
    nlp = load_pipeline()
    texts = list(corpus.texts.values())
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    parse_s = time.perf_counter() - started
    started = time.perf_counter()
    for text in texts:
        model.detect(text)
    full_s = time.perf_counter() - started
    n_sent = sum(t.count("\n") + 1 for t in texts)
    print(
        f"speed: detection {n_sent / full_s:.0f} sentences/s ({full_s:.1f} s for the split; "
        f"span finding alone {detect_s:.1f} s); spaCy parse {parse_s:.1f} s; "
        f"ratio {full_s / parse_s:.2f} (budget 2.0)"
    )


if __name__ == "__main__":
    main()
