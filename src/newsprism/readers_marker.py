"""The mark newsprism puts in its own HTML outputs, so ingest never reads them as articles."""

GENERATOR_MARK = "newsprism-report"
