"""Adding articles from the app: uploaded files and pasted text."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from newsprism.ingest import READERS
from newsprism.web.site import Site, site_of

router = APIRouter()
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
SiteDep = Annotated[Site, Depends(site_of)]


@router.post("/upload")
async def upload(
    request: Request,
    site: SiteDep,
    files: Annotated[list[UploadFile], File()],
    csrf_token: Annotated[str, Form()] = "",
) -> RedirectResponse:
    site.check_form(request, csrf_token)
    with tempfile.TemporaryDirectory() as tmp:
        names, problems = {}, []
        for n, file in enumerate(files):
            given = Path(file.filename or "upload").name
            suffix = Path(given).suffix.lower()
            if suffix not in READERS:
                problems.append(f"{given}: E006 unsupported file type")
                continue
            data = await file.read(MAX_UPLOAD_BYTES + 1)
            if len(data) > MAX_UPLOAD_BYTES:
                problems.append(f"{given}: larger than {MAX_UPLOAD_BYTES // 2**20} MB")
                continue
            # The file name a browser sends never reaches the file system.
            stored = Path(tmp) / f"upload{n}{suffix}"
            stored.write_bytes(data)
            names[str(stored)] = given
        if problems:
            return site.back("/", "; ".join(problems), error=True)
        if not names:
            return site.back("/", "no file was given", error=True)
        # Analysis takes seconds: off the event loop, so every other page keeps answering.
        return await run_in_threadpool(site.ingest, Path(tmp), names)


@router.post("/paste")
def paste(
    request: Request,
    site: SiteDep,
    text: Annotated[str, Form()],
    outlet: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "",
    date: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> RedirectResponse:
    site.check_form(request, csrf_token)
    if not text.strip():
        return site.back("/", "paste an article's text first", error=True)
    fields = {"outlet": outlet, "title": title, "date": date}
    header = "".join(f"{k}: {' '.join(v.split())}\n" for k, v in fields.items() if v.strip())
    with tempfile.TemporaryDirectory() as tmp:
        stored = Path(tmp) / "pasted.txt"
        stored.write_text(f"{header}\n{text}" if header else text, encoding="utf-8")
        return site.ingest(Path(tmp), {str(stored): "pasted text"})
