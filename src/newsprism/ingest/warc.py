"""Web archives: a `.warc` or `.warc.gz` file read as the pages it holds, one article per
HTML response, so a case can be analysed again offline exactly as the pages were fetched.

Each article keeps where and when it was fetched: its `url` is the record's target URI
(unless the page names its own), and `extra` holds `fetched_at` (the record's WARC-Date),
`warc_record` (its WARC-Record-ID) and `archive` (the file). Responses that are not pages
(an image, a 404, a redirect) are skipped with the reason; a truncated archive yields the
records before the damage and an E014 problem naming the file.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from newsprism.errors import InputError, InputProblem, Problem
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.readers import ReadItem, Skipped, html_article, reader

HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b"
# A field of newsprism's own in the records it writes when fetching (fetch/archive.py):
# "page", or "listing" for a feed or sitemap fetched for its links, never an article.
ROLE_FIELD = "Newsprism-Role"
# The record types of WARC 1.1 (ISO 28500:2017, section 6).
RECORD_TYPES = frozenset(
    "warcinfo response resource request metadata revisit conversion continuation".split()
)


@reader(".warc", ".warc.gz")
def read_warc(path: str, data: bytes) -> Iterator[ReadItem]:
    """The pages of a web archive, one article per HTML response record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    damage = None
    if data[:2] == GZIP_MAGIC:
        data, damage = gunzip(data)
    responses = 0
    end = 0  # where the last whole record ends
    try:
        records = ArchiveIterator(io.BytesIO(data))
        for record in records:
            if record.format != "warc":
                raise ArchiveLoadFailed("no WARC/1.x record header")
            if not _whole_header(record):
                raise EOFError("a record's header is cut short or malformed")
            if record.rec_type == "response":
                responses += 1
                yield from _page(f"{path}:{responses}", path, record)
            _drain(record)
            end = records.get_record_offset() + records.get_record_length()
        if data[end:].strip():  # warcio stops quietly inside a record's header
            raise EOFError("the archive ends inside a record's header")
    # warcio meets bytes cut anywhere in a record; some cuts surface as its own slips.
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError) as exc:
        damage = str(exc) or type(exc).__name__
    if damage is not None:
        yield InputProblem(path, Problem.E014, detail=f"after {responses} responses: {damage}")


def _whole_header(record: object) -> bool:
    """Whether a record's header has what every WARC record must (warcio reads a header cut
    in the middle as a record of its own)."""
    headers = record.rec_headers  # type: ignore[attr-defined]
    return record.rec_type in RECORD_TYPES and all(  # type: ignore[attr-defined]
        headers.get_header(name) for name in ("WARC-Record-ID", "WARC-Date", "Content-Length")
    )


def _drain(record: object) -> None:
    """Read a record to its end; EOFError when the archive ends before the record does."""
    stream = record.raw_stream  # type: ignore[attr-defined]
    while stream.read(1 << 16):
        pass
    if getattr(stream, "limit", 0):
        uri = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
        raise EOFError(f"the record of {uri or 'an unnamed resource'} is cut short")


def gunzip(data: bytes) -> tuple[bytes, str | None]:
    """The bytes of a gzip file of one or more members (a WARC has one per record), as far
    as they decompress, and what stopped them (None when the file is whole)."""
    out = []
    rest = data
    while rest:
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out.append(member.decompress(rest))
        except zlib.error as exc:
            return b"".join(out), f"bad compressed data ({exc})"
        if not member.eof:
            return b"".join(out), "the compressed data ends before its last record does"
        rest = member.unused_data
    return b"".join(out), None


def _page(source: str, archive: str, record: object) -> Iterator[ReadItem]:
    headers = record.rec_headers  # type: ignore[attr-defined]
    uri = headers.get_header("WARC-Target-URI") or ""
    http = record.http_headers  # type: ignore[attr-defined]
    status = http.get_statuscode() if http is not None else None
    content_type = (http.get_header("Content-Type") or "") if http is not None else ""
    if headers.get_header(ROLE_FIELD) == "listing":
        yield Skipped(source, f"{uri}: a feed or sitemap newsprism fetched for its links")
        return
    if status != "200":
        yield Skipped(source, f"{uri}: HTTP status {status}, not a page")
        return
    if not content_type.lower().startswith(HTML_TYPES):
        yield Skipped(source, f"{uri}: {content_type or 'no content type'}, not a page")
        return
    body = record.content_stream().read()  # type: ignore[attr-defined]
    _drain(record)  # a page cut short is no page
    extra = {
        "fetched_at": headers.get_header("WARC-Date") or "",
        "warc_record": headers.get_header("WARC-Record-ID") or "",
        "archive": archive,
    }
    try:
        yield html_article(source, decode_bytes(body, source), url=uri or None, extra=extra)
    except InputError as exc:  # one page without an article: the others still go in
        yield exc.problem
