"""Access to the app: open on loopback, a token on every request anywhere else."""

from __future__ import annotations

import hmac
import ipaddress
import secrets

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

TOKEN_COOKIE = "newsprism_token"


def is_local(host: str) -> bool:
    """Whether binding to `host` keeps the app on this machine."""
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    """A random access token, printed when the app starts."""
    return secrets.token_urlsafe(18)


class TokenMiddleware(BaseHTTPMiddleware):
    """Refuse every request that does not carry the token (query, cookie or bearer header).

    A token given in the query sets a cookie and is dropped from the address, so it does not
    stay in the browser's history or in links a person copies.
    """

    def __init__(self, app: object, token: str):
        super().__init__(app)  # type: ignore[arg-type]
        self.token = token

    def _ok(self, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(str(given), self.token)

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
