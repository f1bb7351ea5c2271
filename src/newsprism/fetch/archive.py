"""Fetched responses kept as evidence: a gzipped WARC file (ISO 28500) per run, written
with warcio, one response record per answer, flushed as it arrives (a killed run keeps what
it fetched)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import BinaryIO

from newsprism.fetch.fetcher import Response
from newsprism.ingest.warc import ROLE_FIELD

ARCHIVE_FOLDER = "newsprism-archive"


def archive_path(beside: Path) -> Path:
    """A new archive file for this run, in the archive folder in `beside` (the store's)."""
    folder = beside / ARCHIVE_FOLDER
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return folder / f"fetched-{stamp}.warc.gz"


class ResponseArchive:
    """A WARC file being written: `keep(response)` adds one response record."""

    def __init__(self, path: Path):
        from warcio.warcwriter import WARCWriter

        self.path = path
        self._file: BinaryIO = path.open("ab")
        self._writer = WARCWriter(self._file, gzip=True)
        self.records = 0

    def keep(self, response: Response) -> None:
        """Write one response, as the server sent it, with the time it came."""
        from warcio.statusandheaders import StatusAndHeaders

        http = StatusAndHeaders(
            f"{response.status} {_REASONS.get(response.status, '')}".strip(),
            # The body is kept decoded: a compressed encoding no longer describes it.
            [(k, v) for k, v in response.headers if k.lower() not in _NOT_KEPT],
            protocol="HTTP/1.1",
        )
        record = self._writer.create_warc_record(
            response.final_url,
            "response",
            payload=io.BytesIO(response.body),
            http_headers=http,
            warc_headers_dict={
                "WARC-Date": response.fetched_at.replace("+00:00", "Z"),
                # WARC allows fields of one's own (ISO 28500, 5.1): what the answer was for.
                ROLE_FIELD: "listing" if response.listing else "page",
            },
        )
        self._writer.write_record(record)
        self._file.flush()
        self.records += 1

    def close(self) -> None:
        self._file.close()


_NOT_KEPT = frozenset({"content-encoding", "transfer-encoding", "content-length"})
_REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found", 404: "Not Found", 500: "Error"}
