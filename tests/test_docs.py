"""Docs as tests: every CLI command and option is documented in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from newsprism.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(main.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_documented(name: str) -> None:
    assert f"newsprism {name}" in README


@pytest.mark.parametrize(
    ("name", "option"),
    [
        (name, opt)
        for name in COMMANDS
        for param in main.commands[name].params  # type: ignore[attr-defined]
        if isinstance(param, click.Option)
        for opt in param.opts
        if opt.startswith("--") and opt != "--help"
    ],
)
def test_option_is_documented(name: str, option: str) -> None:
    assert option in README, f"`newsprism {name} {option}` is not in the README"


def test_readme_names_the_two_commands() -> None:
    assert "make demo" in README and "make test" in README
