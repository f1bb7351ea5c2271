"""The command line: each command on real inputs, exit codes, and help everywhere."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.cli import EXIT_INPUT_PROBLEMS, main
from newsprism.model import validate


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_analyze_writes_store_json_and_html(
    runner: CliRunner, examples_dir: Path, tmp_path: Path
) -> None:
    db, out, html = tmp_path / "case.db", tmp_path / "case.json", tmp_path / "case.html"
    result = runner.invoke(
        main,
        ["analyze", str(examples_dir), "--db", str(db), "--json", str(out), "--html", str(html)],
    )
    assert result.exit_code == 0, result.output
    assert "5 analysed" in result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    validate(doc)
    assert len(doc["articles"]) == 5
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_store_defaults_to_beside_the_input(
    runner: CliRunner, examples_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "case"
    shutil.copytree(examples_dir, folder)
    result = runner.invoke(main, ["analyze", str(folder), "-q"])
    assert result.exit_code == 0, result.output
    assert (folder / "newsprism.db").is_file()
    # A second run finds its own store beside the input and leaves it out of the articles.
    again = runner.invoke(main, ["analyze", str(folder)])
    assert "0 analysed, 5 already in the store" in again.output


def test_bad_input_fails_the_run_but_the_rest_goes_in(
    runner: CliRunner, examples_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    shutil.copytree(examples_dir, folder)
    (folder / "broken.jsonl").write_text('{"text": "Four people were hurt in Harlow."}\n{oops\n')
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\x00\x01")
    db = tmp_path / "case.db"
    result = runner.invoke(main, ["analyze", str(folder), "--db", str(db)])
    assert result.exit_code == EXIT_INPUT_PROBLEMS
    assert "broken.jsonl:2: E004" in result.output
    assert "scan.pdf: E006" in result.output
    assert "6 analysed" in result.output


def test_report_command(runner: CliRunner, examples_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "case.db"
    runner.invoke(
        main, ["analyze", str(examples_dir / "01_meridia_herald.txt"), "--db", str(db), "-q"]
    )
    out, html = tmp_path / "all.json", tmp_path / "all.html"
    result = runner.invoke(
        main, ["report", "--db", str(db), "--json", str(out), "--html", str(html)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["articles"][0]["outlet"] == "Meridia Herald"
    assert "Meridia Herald" in html.read_text(encoding="utf-8")


def test_report_on_a_missing_store_says_so(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["report", "--db", str(tmp_path / "nothing.db")])
    assert result.exit_code != 0
    assert "nothing.db" in result.output


def test_demo_prints_the_report_path(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = runner.invoke(main, ["demo", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Report: {(out / 'report.html').resolve()}" in result.output
    assert (out / "report.json").is_file()


@pytest.mark.parametrize("command", [[], ["analyze"], ["report"], ["demo"]])
def test_help_everywhere_with_an_example(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    if command:
        assert "Example:" in result.output


def test_user_alias_table(runner: CliRunner, examples_dir: Path, tmp_path: Path) -> None:
    aliases = tmp_path / "mine.tsv"
    aliases.write_text("name\ttype\taliases\tpart_of\nRed Hand\tORG\tCrimson Hand\t\n")
    out = tmp_path / "case.json"
    result = runner.invoke(
        main,
        [
            "analyze",
            str(examples_dir / "05_ostrava_today.txt"),
            "--db",
            str(tmp_path / "case.db"),
            "--json",
            str(out),
            "--aliases",
            str(aliases),
            "-q",
        ],
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text())
    hand = next(e for e in doc["entities"] if e["name"] == "Red Hand")
    assert "Crimson Hand" in hand["aliases"]


def test_the_cli_writes_the_claims_csv(tmp_path: Path, examples_dir: Path) -> None:
    import csv

    from click.testing import CliRunner

    from newsprism.cli import main

    db, out = tmp_path / "case.db", tmp_path / "claims.csv"
    run = CliRunner().invoke(
        main, ["analyze", str(examples_dir), "--db", str(db), "--csv", str(out), "-q"]
    )
    assert run.exit_code == 0, run.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and {"claim", "slot", "outlet", "sentence"} <= set(rows[0])
    again = tmp_path / "again.csv"
    assert CliRunner().invoke(main, ["report", "--db", str(db), "--csv", str(again)]).exit_code == 0
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")
