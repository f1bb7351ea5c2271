"""Reports: the self-contained HTML report and the JSON contract export."""

from newsprism.report.html import render_report, write_report

__all__ = ["render_report", "write_report"]
