"""Reports: the self-contained HTML report and the JSON contract export."""

from newsprism.report.html import (
    highlighted_text,
    render_report,
    report_sections,
    write_report,
)

__all__ = ["highlighted_text", "render_report", "report_sections", "write_report"]
