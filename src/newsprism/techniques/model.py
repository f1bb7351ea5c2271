"""The technique detector: which spans persuade, and how.

Two linear models in numpy (learn.linear), trained by `newsprism train techniques --data DIR`:
a word tagger (is this word inside a persuasive span?) whose positive runs become spans, and
a span classifier over the 14 techniques. Spans are character offsets into the text given;
a span carries every technique whose probability reaches MULTI_SHARE of the best one's.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from newsprism.learn.linear import LinearModel, train_logistic
from newsprism.techniques.data import Corpus, read_corpus
from newsprism.techniques.features import span_features, token_features
from newsprism.techniques.runs import PUNCTUATION
from newsprism.techniques.scoring import merge, si_scores
from newsprism.techniques.taxonomy import TAXONOMY_VERSION, TECHNIQUES

if TYPE_CHECKING:
    from newsprism.techniques.span_classifier import OnnxSpanClassifier
    from newsprism.techniques.transformer import OnnxTagger

MODEL_DIR = "model"
TAGGER_FILE, CLASSIFIER_FILE = "tagger.npz", "classifier.npz"
MULTI_SHARE = 0.8
HELD_OUT_SHARE = 10  # one article in ten, by a hash of its id, picks the tagging threshold


@dataclass(frozen=True)
class Detected:
    """A persuasive span: where, which technique, how sure."""

    start: int
    end: int
    technique: str
    score: float


def _inside(spans: list[tuple[int, int]], gold: list[tuple[int, int]]) -> np.ndarray:
    gold = merge(gold)
    out = np.zeros(len(spans), dtype=np.int64)
    j = 0
    for i, (s, e) in enumerate(spans):
        while j < len(gold) and gold[j][1] <= s:
            j += 1
        if j < len(gold) and gold[j][0] < e:
            out[i] = 1
    return out


def decode(
    text: str, spans: list[tuple[int, int]], probs: np.ndarray, threshold: float
) -> list[tuple[int, int, float]]:
    """Runs of words at or over the threshold, as character spans without edge punctuation."""
    found, run = [], []
    for i, p in enumerate(probs):
        if p >= threshold:
            run.append(i)
            continue
        if run:
            found.append(run)
        run = []
    if run:
        found.append(run)
    out = []
    for indices in found:
        while indices and text[spans[indices[0]][0]] in PUNCTUATION:
            indices = indices[1:]
        while indices and text[spans[indices[-1]][0]] in PUNCTUATION:
            indices = indices[:-1]
        if indices:
            start, end = spans[indices[0]][0], spans[indices[-1]][1]
            out.append((start, end, float(np.mean(probs[indices]))))
    return out


class TechniqueModel:
    """The tagger, the classifier and the tagging threshold."""

    def __init__(
        self,
        tagger: LinearModel,
        classifier: LinearModel,
        word_pieces: OnnxTagger | None = None,
        span_classifier: OnnxSpanClassifier | None = None,
    ):
        self.tagger = tagger
        self.classifier = classifier
        self.word_pieces = word_pieces  # the fine-tuned transformer tagger, when shipped
        self.span_classifier = span_classifier  # the fine-tuned classifier, when shipped
        self.threshold = float(tagger.meta.get("threshold", 0.5))

    @classmethod
    def load(cls, folder: Path | None = None, threads: int | None = None) -> TechniqueModel:
        """The model in `folder` (the shipped one by default). The fine-tuned tagger and
        classifier are used when the folder has them, the linear ones otherwise."""
        from newsprism.techniques.span_classifier import has_span_classifier, load_span_classifier
        from newsprism.techniques.transformer import has_transformer, load_onnx_tagger

        folder = folder or model_dir()
        transformer = load_onnx_tagger(str(folder), threads) if has_transformer(folder) else None
        fine_tuned = (
            load_span_classifier(str(folder), threads) if has_span_classifier(folder) else None
        )
        return cls(
            LinearModel.load(folder / TAGGER_FILE),
            LinearModel.load(folder / CLASSIFIER_FILE),
            transformer,
            fine_tuned,
        )

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.tagger.save(folder / TAGGER_FILE)
        self.classifier.save(folder / CLASSIFIER_FILE)

    def spans(self, text: str, threshold: float | None = None) -> list[tuple[int, int, float]]:
        """Persuasive spans of a text, before classification."""
        if self.word_pieces is not None:
            return self.word_pieces.spans(text, threshold)
        words, x = token_features(text)
        if not words:
            return []
        probs = self.tagger.probabilities(x)[:, 1]
        return decode(text, words, probs, self.threshold if threshold is None else threshold)

    def technique_probabilities(self, text: str, spans: list[tuple[int, int]]) -> np.ndarray:
        """One row per span, one column per technique (TECHNIQUES order): the mean of the
        fine-tuned and the linear classifier when both are shipped (the linear one counts
        repeats across the article, which the fine-tuned one cannot see)."""
        linear = self.classifier.probabilities(span_features(text, spans))
        if self.span_classifier is None:
            return linear
        return 0.5 * (self.span_classifier.probabilities(text, spans) + linear)

    def rank(self, text: str, spans: list[tuple[int, int]]) -> list[list[str]]:
        """For each span, the techniques best first."""
        if not spans:
            return []
        probs = self.technique_probabilities(text, spans)
        return [[TECHNIQUES[i] for i in np.argsort(-row)] for row in probs]

    def detect(self, text: str) -> list[Detected]:
        """Spans and their techniques (several when the model is torn between them)."""
        found = self.spans(text)
        if not found:
            return []
        probs = self.technique_probabilities(text, [(s, e) for s, e, _ in found])
        out = []
        for (start, end, _), row in zip(found, probs, strict=True):
            best = float(row.max())
            for i in np.argsort(-row):
                if row[i] < MULTI_SHARE * best:
                    break
                out.append(Detected(start, end, TECHNIQUES[i], round(float(row[i]), 3)))
        return out


def has_model(folder: Path | None = None) -> bool:
    """Whether a technique model is installed (in `folder`, the shipped one by default)."""
    folder = folder or model_dir()
    return (folder / TAGGER_FILE).is_file() and (folder / CLASSIFIER_FILE).is_file()


def model_dir() -> Path:
    """The folder of the shipped technique model."""
    return Path(str(resources.files("newsprism.techniques").joinpath(MODEL_DIR)))


@lru_cache(maxsize=2)
def load_model(folder: str | None = None, threads: int | None = None) -> TechniqueModel:
    """The technique model, loaded once (per folder and thread count)."""
    return TechniqueModel.load(Path(folder) if folder else None, threads)


def _held_out(article: str) -> bool:
    return zlib.crc32(article.encode()) % HELD_OUT_SHARE == 0


def train_tagger(corpus: Corpus, epochs: int) -> LinearModel:
    """The word tagger, with its threshold chosen on held-out articles."""
    gold: dict[str, list[tuple[int, int]]] = {a: [] for a in corpus.texts}
    for article, _, start, end in corpus.labels:
        gold[article].append((start, end))
    rows: dict[str, tuple[list[tuple[int, int]], np.ndarray]] = {
        a: token_features(text) for a, text in corpus.texts.items()
    }
    fit_ids = [a for a in corpus.texts if not _held_out(a)] or list(corpus.texts)
    held_ids = [a for a in corpus.texts if _held_out(a)]

    def stack(ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
        xs = [rows[a][1] for a in ids if len(rows[a][0])]
        ys = [_inside(rows[a][0], gold[a]) for a in ids if len(rows[a][0])]
        return np.vstack(xs), np.concatenate(ys)

    x, y = stack(fit_ids)
    model = train_logistic(x, y, ["no", "yes"], epochs=epochs, balance=0.5, l2=1e-3)
    threshold, best = 0.5, -1.0
    if held_ids:
        for candidate in np.linspace(0.2, 0.8, 13):
            predicted = {}
            for a in held_ids:
                words, feats = rows[a]
                if words:
                    probs = model.probabilities(feats)[:, 1]
                    predicted[a] = [
                        (s, e)
                        for s, e, _ in decode(corpus.texts[a], words, probs, float(candidate))
                    ]
            f1 = si_scores(predicted, {a: merge(gold[a]) for a in held_ids})[2]
            if f1 > best:
                threshold, best = float(candidate), f1
    if held_ids:
        x_all, y_all = stack(list(corpus.texts))
        model = train_logistic(x_all, y_all, ["no", "yes"], epochs=epochs, balance=0.5, l2=1e-3)
    model.meta = {
        "threshold": f"{threshold:.3f}",
        "held_out_si_f1": f"{best:.3f}",
        "taxonomy": TAXONOMY_VERSION,
    }
    return model


def train_classifier(corpus: Corpus, epochs: int) -> LinearModel:
    """The span classifier over the taxonomy, from the corpus's labelled spans."""
    xs: list[np.ndarray] = []
    ys: list[int] = []
    by_article: dict[str, list[tuple[str, int, int]]] = {}
    for article, technique, start, end in corpus.labels:
        if technique in TECHNIQUES:
            by_article.setdefault(article, []).append((technique, start, end))
    for article, rows in by_article.items():
        xs.append(span_features(corpus.texts[article], [(s, e) for _, s, e in rows]))
        ys.extend(TECHNIQUES.index(t) for t, _, _ in rows)
    model = train_logistic(
        np.vstack(xs), np.array(ys), list(TECHNIQUES), epochs=epochs, balance=0.5, l2=3e-3
    )
    model.meta = {"taxonomy": TAXONOMY_VERSION, "spans": str(len(ys))}
    return model


def train_techniques(
    data: Path, out: Path, limit: int | None = None, epochs: int = 150
) -> dict[str, float]:
    """Train both models on the corpus at `data` (PTC layout) and save them to `out`."""
    corpus = read_corpus(data, limit)
    tagger = train_tagger(corpus, epochs)
    classifier = train_classifier(corpus, epochs)
    TechniqueModel(tagger, classifier).save(out)
    return {
        "articles": len(corpus.texts),
        "spans": len(corpus.labels),
        "threshold": float(tagger.meta["threshold"]),
        "held_out_si_f1": float(tagger.meta["held_out_si_f1"]),
    }
