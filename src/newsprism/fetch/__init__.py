"""Fetching the pages people list (`.urls` files): politely, and kept as evidence.

Every response is written to a web archive (WARC) beside the store before anything is read
from it, so a case can be analysed again offline exactly as it was fetched; `ingest` reads
the archive like any other. See `fetcher.py` for how politely, and `archive.py` for what
is kept.
"""

from newsprism.fetch.fetcher import Fetcher, FetchError, FetchPolicy
from newsprism.fetch.url_list import read_url_list

__all__ = ["FetchError", "FetchPolicy", "Fetcher", "read_url_list"]
