"""Access to the app: open on loopback, a token on every request anywhere else."""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

TOKEN_COOKIE = "newsprism_token"
CSRF_COOKIE = "newsprism_csrf"
CSRF_FIELD = "csrf_token"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
STATE_CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def is_local(host: str) -> bool:
    """Whether binding to `host` keeps the app on this machine."""
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    """A random access token, printed when the app starts (also a form's CSRF token)."""
    return secrets.token_urlsafe(18)


def same_secret(given: str | None, expected: str) -> bool:
    """Constant-time comparison of a secret a request gives; any text, never an error."""
    if not given:
        return False
    return hmac.compare_digest(str(given).encode("utf-8", "replace"), expected.encode("utf-8"))


def host_name(header: str) -> str:
    """The name in a Host header, without its port ("[::1]:8000" -> "::1")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostGuard:
    """Answer only requests addressed to the names the server was started for: a page on
    another site that re-points its own name at 127.0.0.1 (DNS rebinding) gets nothing."""

    def __init__(self, app: Any, hosts: Iterable[str]):
        self.app = app
        self.hosts = frozenset(h.lower().strip("[]") for h in hosts)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            headers = dict(scope.get("headers") or [])
            given = headers.get(b"host", b"").decode("latin-1")
            if host_name(given) not in self.hosts:
                response = PlainTextResponse(
                    "newsprism: this app answers only to the host name it was started for",
                    status_code=400,
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class OriginGuard:
    """Refuse a state-changing request that a browser says comes from another site: by its
    Sec-Fetch-Site header, or an Origin that is not this app's own address."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope.get("method") in STATE_CHANGING:
            headers = dict(scope.get("headers") or [])
            site = headers.get(b"sec-fetch-site", b"").decode("latin-1").lower()
            origin = headers.get(b"origin", b"").decode("latin-1")
            host = headers.get(b"host", b"").decode("latin-1").lower()
            foreign = site not in ("", "same-origin", "none")
            if origin and origin != "null":
                foreign = foreign or urlsplit(origin).netloc.lower() != host
            elif origin == "null":
                foreign = True
            if foreign:
                response = PlainTextResponse(
                    "newsprism: refused a change requested by another site", status_code=403
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class TokenMiddleware(BaseHTTPMiddleware):
    """Refuse every request that does not carry the token (query, cookie or bearer header).

    A token given in the query sets a cookie and is dropped from the address, so it does not
    stay in the browser's history or in links a person copies.
    """

    def __init__(self, app: object, token: str):
        super().__init__(app)  # type: ignore[arg-type]
        self.token = token

    def _ok(self, given: str | None) -> bool:
        return same_secret(given, self.token)

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        header = request.headers.get("authorization", "")
        bearer = header[7:] if header.lower().startswith("bearer ") else None
        if self._ok(request.cookies.get(TOKEN_COOKIE)) or self._ok(bearer):
            return await call_next(request)
        if self._ok(request.query_params.get("token")):
            clean = request.url.remove_query_params("token")
            response = RedirectResponse(str(clean), status_code=303)
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict")
            return response
        return PlainTextResponse(
            "newsprism: this app needs its access token "
            "(printed when it started): add ?token=... to the address",
            status_code=401,
        )
