"""The trained check-worthiness model: shipped, offline, sensible, and retrainable."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from click.testing import CliRunner

from newsprism.cli import main
from newsprism.extract.checkworthy_model import checkworthy_scores, load_checkworthy, model_path
from newsprism.learn.linear import LinearModel, ModelFileError


def test_shipped_model_loads_offline() -> None:
    model = load_checkworthy()
    assert model.labels == ["no", "yes"]
    assert 0 < float(model.meta["threshold"]) < 1


def test_factual_claims_score_above_chatter() -> None:
    scores = checkworthy_scores(
        [
            "Unemployment rose to 9.1 percent last year, the highest since 1983.",
            "We spent $60 billion on the program in 2023 alone.",
            "Thank you all for coming tonight.",
            "I think that's a great question.",
        ]
    )
    assert min(scores[:2]) > max(scores[2:])
    assert scores[0] >= 0.5 > scores[2]


def test_training_command_on_a_tiny_slice(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    rows = ["sentence_id\ttext\tlabel"]
    for i in range(40):
        if i % 2:
            rows.append(f"{i}\tTaxes rose by {i} percent in {1990 + i}.\tCFS")
        else:
            rows.append(f"{i}\tThank you, it is good to be here number {i}.\tNFS")
    (data / "train.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "cw.npz"
    result = CliRunner().invoke(
        main, ["train", "checkworthy", "--data", str(data), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    scores = checkworthy_scores(
        ["Taxes rose by 7 percent in 2001.", "Thank you, it is good."], str(out)
    )
    assert scores[0] > scores[1]


def test_bad_model_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "model.npz"
    bad.write_bytes(b"not a model")
    try:
        LinearModel.load(bad)
    except ModelFileError as exc:
        assert "model.npz" in str(exc)
    else:
        raise AssertionError("a broken model file must raise")
    assert model_path().is_file()
    assert np.isfinite(load_checkworthy().weights).all()
