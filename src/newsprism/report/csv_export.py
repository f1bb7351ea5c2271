"""The claims of a case as CSV, for a spreadsheet: one row per claim, corrections included.

Cells holding text from an article never become formulas: a cell starting with = + - @ (or a
tab or carriage return before one) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from newsprism.model.types import AccusationValue, Analysis, DateValue, EntityValue, NumberValue
from newsprism.report.labels import source_label, value_label

CSV_COLUMNS = (
    "claim",
    "article",
    "outlet",
    "slot",
    "value",
    "op",
    "number",
    "high",
    "unit",
    "date",
    "entity",
    "accuser",
    "accused",
    "hedged",
    "hedge_cue",
    "attributed_to",
    "sourced",
    "checkworthy",
    "correction",
    "sentence",
)


def claims_csv(analysis: Analysis) -> str:
    """Every claim as a CSV row, corrections included; cells are plain text, never formulas."""
    names = {e.id: e.name for e in analysis.entities}
    articles = {a.id: a for a in analysis.articles}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for c in analysis.claims:
        v = c.value
        art = articles[c.article]
        row = [
            c.id,
            c.article,
            source_label(art),
            c.slot,
            value_label(v, names=names),
            v.op if isinstance(v, NumberValue) else "",
            v.value if isinstance(v, NumberValue) else "",
            v.high if isinstance(v, NumberValue) and v.high is not None else "",
            v.unit if isinstance(v, NumberValue) and v.unit else "",
            v.date or "" if isinstance(v, DateValue) else "",
            names.get(v.entity, "") if isinstance(v, EntityValue) else "",
            names.get(v.accuser, "") if isinstance(v, AccusationValue) else "",
            names.get(v.accused, "") if isinstance(v, AccusationValue) else "",
            c.hedged,
            c.hedge_cue or "",
            names.get(c.attributed_to or "", ""),
            c.sourced,
            c.checkworthy,
            (c.correction or {}).get("status", ""),
            art.text[c.start : c.end],
        ]
        writer.writerow(
            [
                cell if column in PLAIN_COLUMNS else _no_formula(cell)
                for column, cell in zip(CSV_COLUMNS, row, strict=True)
            ]
        )
    return out.getvalue()


# Columns of a closed vocabulary newsprism writes itself ("=", ">=" in `op`): never text
# from an article, so left as they are.
PLAIN_COLUMNS = frozenset({"op"})
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _no_formula(cell: object) -> object:
    """Spreadsheets run cells that start with = + - @ (or a tab or carriage return before
    one): article text must not become one."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def write_csv(analysis: Analysis, path: Path) -> None:
    """Write the claims CSV atomically."""
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(claims_csv(analysis), encoding="utf-8", newline="")
    tmp.replace(path)
