"""Docs as tests: every CLI command and option is documented in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from newsprism.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "newsprism") -> list[tuple[str, click.Command]]:
    found = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        found.append((path, command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, path))
    return found


COMMANDS = _commands(main)


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS])
def test_command_is_documented(path: str) -> None:
    assert path in README


@pytest.mark.parametrize(
    ("path", "option"),
    [
        (path, opt)
        for path, command in COMMANDS
        for param in command.params
        if isinstance(param, click.Option)
        for opt in param.opts
        if opt.startswith("--") and opt != "--help"
    ],
)
def test_option_is_documented(path: str, option: str) -> None:
    assert option in README, f"`{path} {option}` is not in the README"


def test_readme_names_the_two_commands() -> None:
    assert "make demo" in README and "make test" in README
