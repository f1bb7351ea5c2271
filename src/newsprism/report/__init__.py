"""Reports: the self-contained HTML report, the claims CSV and the JSON contract export."""

from newsprism.report.csv_export import claims_csv, write_csv
from newsprism.report.html import (
    highlighted_text,
    render_report,
    report_sections,
    write_report,
)

__all__ = [
    "claims_csv",
    "highlighted_text",
    "render_report",
    "report_sections",
    "write_csv",
    "write_report",
]
