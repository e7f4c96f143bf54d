"""The HTTP server: LanguageTool's API, newslint's JSON API and the copy-desk page, on starlette + uvicorn.

    GET  /v2/languages   the languages LanguageTool clients may ask for (English)
    POST /v2/check       LanguageTool's check (form fields text or data, language, enabledRules, ...)
    POST /v1/lint        {"text", "path", "select", "ignore"} -> the CLI's --format json object
    GET  /v1/checks      the checks a request may name
    GET  /               the copy-desk page (inline CSS and JavaScript; no other assets)

Bad input is a 4xx with ``{"error": "..."}`` naming the problem. Nothing submitted is stored or logged:
uvicorn's access log is off, and an unexpected error is logged by its type alone.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from importlib.resources import files
from typing import TYPE_CHECKING, Any, AsyncIterator, Awaitable, Callable, Mapping
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newslint.config import Config
from newslint.engine import Source
from newslint.formatters.json import format_json
from newslint.registry import Check
from newslint.report import Report
from newslint.server import languagetool
from newslint.server.service import LintService, RequestError, Selection

if TYPE_CHECKING:
    import uvicorn

DEFAULT_MAX_BODY = 5 * 1024 * 1024
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
_LINT_FIELDS = {"text", "path", "select", "ignore"}
_MAX_FIELDS = 100
logger = logging.getLogger("newslint.server")


class BodyTooLarge(Exception):
    pass


def _error(message: str, status: int, headers: Mapping[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def valid_unicode(value: str, field: str) -> str:
    """``value``, refused when it holds a lone surrogate (a browser's half of an emoji), which no text can
    carry: said as a 400 here rather than met as a 500 when the answer is encoded."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise RequestError(f"{field!r} holds a lone surrogate (character {error.start}): send valid Unicode") from None
    return value


class _BodyLimit:
    """Refuses a body over ``max_bytes`` with 413: at once when Content-Length says so, else as it arrives."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                await _error("Content-Length is not a number", 400)(scope, receive, send)
                return
            if int(declared) > self.max_bytes:
                await self._too_large()(scope, receive, send)
                return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise BodyTooLarge()
            return message

        await self.app(scope, counted, send)

    def _too_large(self) -> JSONResponse:
        return _error(f"request body is over the server's limit of {self.max_bytes} bytes", 413)


class _NoTextInLogs:
    """The outermost layer: an unexpected error is answered 500 and logged by its type alone.

    Starlette re-raises such errors after answering so that the server logs them, with a traceback
    whose messages could quote submitted text; this stops them here instead.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.app(scope, receive, send)
        except ClientDisconnect:  # the client hung up mid-request: nothing to answer, nothing went wrong
            return
        except Exception as error:  # the response (a JSON 500) has already been sent by starlette
            logger.error("internal error answering %s %s: %s", scope.get("method"), scope.get("path"),
                         type(error).__name__)


async def _form(request: Request, max_bytes: int) -> Mapping[str, str]:
    """A LanguageTool request's fields: the query string for GET, the form body for POST."""
    if request.method == "GET":
        return dict(request.query_params)
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in _FORM_TYPES:
        raise RequestError(f"send form fields ({' or '.join(_FORM_TYPES)}), not {media_type or 'no content type'}")
    if media_type == _FORM_TYPES[0]:
        # Parsed here rather than by starlette, which reads bytes that are not percent-encoded as Latin-1:
        # a client sending raw UTF-8 would get offsets into a garbled text.
        try:
            body = (await request.body()).decode("utf-8")
        except UnicodeDecodeError:
            raise RequestError("form data is not UTF-8") from None
        bare = next((field for field in body.split("&") if field and "=" not in field), None)
        if bare is not None:
            raise RequestError(f"malformed form data: a field with no '=': {bare[:40]!r}")
        try:
            pairs = parse_qsl(body, keep_blank_values=True, errors="strict", max_num_fields=_MAX_FIELDS)
        except (ValueError, UnicodeDecodeError) as error:
            raise RequestError(f"malformed form data: {error}") from None
        return {**dict(request.query_params), **dict(pairs)}
    try:
        form = await request.form(max_files=0, max_fields=_MAX_FIELDS, max_part_size=max_bytes)
    except HTTPException as error:
        raise RequestError(f"malformed form data: {error.detail}") from None
    fields = {key: value for key, value in form.items() if isinstance(value, str)}
    return {**dict(request.query_params), **fields}


def _check_names(value: Any, field: str) -> list[str]:
    if isinstance(value, str):  # "a,b" as on the command line
        value = [name.strip() for name in value.split(",") if name.strip()]
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise RequestError(f"{field!r} must be a list of check names")
    return value


def _page() -> tuple[str, str]:
    """The page, and its Content-Security-Policy: only its own inline script and style, only this server."""
    html = files("newslint.server").joinpath("page.html").read_text(encoding="utf-8")

    def digest(tag: str) -> str:
        body = html.split(f"<{tag}>", 1)[1].split(f"</{tag}>", 1)[0]
        return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"

    policy = (f"default-src 'none'; script-src {digest('script')}; style-src {digest('style')}; "
              "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    return html, policy


def create_app(config: Config, installed: Mapping[str, Check] | None = None,
               max_body: int = DEFAULT_MAX_BODY, on_ready: Callable[[], None] | None = None) -> ASGIApp:
    """The server's ASGI app. Raises ConfigError/UsageError for a configuration it cannot run with."""
    from newslint.registry import load_checks

    service = LintService(installed if installed is not None else load_checks(), config)
    infos = {info.name: info for info, _ in service.checks()}
    page, policy = _page()

    # Linting is CPU work, done off the event loop so that it keeps answering other requests, and in one
    # thread: lints are serialised anyway (see LintService), and one thread keeps the memory in one arena.
    linting = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newslint-lint")

    async def run(function: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(linting, function, *args)

    def validate(names: list[str], field: str) -> tuple[str, ...]:
        return service.names(names, field)

    async def check(request: Request) -> Response:
        fields = await _form(request, max_body)
        if ("text" in fields) == ("data" in fields):
            raise RequestError("give the text to check as 'text' or 'data' (one of them)")
        annotated = (languagetool.AnnotatedText.plain_text(valid_unicode(fields["text"], "text")) if "text" in fields
                     else languagetool.parse_data(fields["data"]))
        valid_unicode(annotated.plain, "data")
        language = languagetool.language_section(fields.get("language", "auto"))
        selection = languagetool.selection(fields, config.select, validate)
        result = await run(service.lint, Source("-", text=annotated.plain, reader="text"), selection)
        return JSONResponse(languagetool.check_response(result, annotated, language, infos))

    async def lint(request: Request) -> Response:
        try:
            body = json.loads(await request.body())
        except ValueError as error:
            raise RequestError(f"malformed JSON: {error}") from None
        except RecursionError:
            raise RequestError("malformed JSON: nested too deeply") from None
        if not isinstance(body, dict):
            raise RequestError('expected a JSON object: {"text": ..., "path": ..., "select": [...], "ignore": [...]}')
        unknown = sorted(set(body) - _LINT_FIELDS)
        if unknown:
            raise RequestError(f"unknown field(s) {', '.join(unknown)} (known: {', '.join(sorted(_LINT_FIELDS))})")
        text, path = body.get("text"), body.get("path", "-")
        if not isinstance(text, str):
            raise RequestError("missing 'text' (the copy to lint, a string)" if text is None
                               else "'text' must be a string")
        if not isinstance(path, str) or not path:
            raise RequestError("'path' must be a file name (its suffix picks the reader: .txt, .md, .html)")
        # A byte-order mark is no character of the copy: the answer is the CLI's for the file (its lines and columns).
        text, path = valid_unicode(text, "text").removeprefix("\ufeff"), valid_unicode(path, "path")
        select = None
        if "select" in body:
            select = service.names(_check_names(body["select"], "select"), "select")
            if not select:
                raise RequestError("'select' names no check")
        ignore = service.names(_check_names(body.get("ignore", []), "ignore"), "ignore")
        result = await run(service.lint, Source(path, text=text), Selection(select, ignore))
        report = Report()
        report.add(result)
        report.sort()
        return Response(format_json(report), media_type="application/json")

    async def checks(request: Request) -> Response:
        return JSONResponse({"checks": [{"name": info.name, "severity": info.severity.label, "summary": info.summary,
                                         "default": default} for info, default in service.checks()]})

    async def languages(request: Request) -> Response:
        return JSONResponse(languagetool.languages())

    async def home(request: Request) -> Response:
        return HTMLResponse(page, headers={"Content-Security-Policy": policy, "Cache-Control": "no-store",
                                           "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"})

    async def request_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestError)
        return _error(error.message, error.status)

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        return _error(error.detail, error.status_code, error.headers)  # a 405 keeps its Allow header

    async def too_large(request: Request, error: Exception) -> Response:
        return _error(f"request body is over the server's limit of {max_body} bytes", 413)

    async def internal_error(request: Request, error: Exception) -> Response:
        return _error("internal error (nothing of the request was kept)", 500)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # uvicorn accepts connections only after this: no client waits for the model.
        for notice in await run(service.warm_up):
            logger.warning("newslint: %s", notice)
        if on_ready is not None:
            on_ready()
        try:
            yield
        finally:
            linting.shutdown(wait=False, cancel_futures=True)

    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        RequestError: request_error, HTTPException: http_error, BodyTooLarge: too_large, Exception: internal_error,
    }
    app = Starlette(
        routes=[
            Route("/", home, methods=["GET"]),
            Route("/v2/languages", languages, methods=["GET"]),
            Route("/v2/check", check, methods=["GET", "POST"]),
            Route("/v1/lint", lint, methods=["POST"]),
            Route("/v1/checks", checks, methods=["GET"]),
        ],
        middleware=[Middleware(_BodyLimit, max_bytes=max_body)],
        exception_handlers=handlers,
        lifespan=lifespan,
    )
    return _NoTextInLogs(app)


def uvicorn_config(app: ASGIApp, host: str, port: int) -> "uvicorn.Config":
    """How the server runs under uvicorn (``newslint serve`` and the tests use the same settings)."""
    import uvicorn

    # No access log (request lines carry no copy, but a newsroom's rule may be "log nothing of it");
    # uvicorn's own warnings and errors never include a request body.
    return uvicorn.Config(app, host=host, port=port, access_log=False, log_level="warning", server_header=False,
                          lifespan="on")


class ServeError(Exception):
    """The server cannot start: the address is taken or cannot be listened on."""


def serve(config: Config, host: str, port: int, max_body: int = DEFAULT_MAX_BODY) -> None:
    """Run the server until interrupted (what ``newslint serve`` does)."""
    import socket

    import uvicorn

    # Bound here, before anything is said: a port in use is one clear error, and "--port 0" says the port the
    # system chose.
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as error:
        listener.close()
        raise ServeError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    port = listener.getsockname()[1]
    # Listening from here on: "serving on" is printed when the model is loaded, before uvicorn's own listen()
    # (lifespan first), and a client told so must be queued, not refused.
    listener.listen(2048)

    def ready() -> None:
        print(f"newslint: serving on http://{host}:{port}/ (LanguageTool API at /v2, JSON API at /v1/lint)",
              flush=True)

    app = create_app(config, max_body=max_body, on_ready=ready)
    uvicorn.Server(uvicorn_config(app, host, port)).run(sockets=[listener])
