"""Turning a file's bytes into text, with a precise error when they are not text."""

from __future__ import annotations

import codecs

from newsprism.errors import InputError, InputProblem, Problem

_SNIFF = 8192


def decode_bytes(data: bytes, path: str) -> str:
    """UTF-8 text of `data`, or an InputError that names the file, the line and the problem."""
    if not data.strip():
        raise InputError(InputProblem(path, Problem.E001))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and b"\x00" in data[:_SNIFF]:
        # UTF-16 with its byte-order mark: English text in it has a NUL in every other byte,
        # and is text all the same.
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            detail = f"bad UTF-16 at offset {exc.start}"
            raise InputError(InputProblem(path, Problem.E003, detail=detail)) from exc
        if not text.strip():
            raise InputError(InputProblem(path, Problem.E001))
        return text
    if b"\x00" in data[:_SNIFF]:
        raise InputError(InputProblem(path, Problem.E002, detail="it contains NUL bytes"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        detail = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
        raise InputError(InputProblem(path, Problem.E003, line=line, detail=detail)) from exc
    if not text.strip():  # a byte-order mark and nothing else
        raise InputError(InputProblem(path, Problem.E001))
    return text
