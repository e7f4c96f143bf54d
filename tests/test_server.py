"""``newslint serve``: the LanguageTool API (driven by the real language_tool_python client), the JSON
API, bad input, and that nothing submitted is logged.

Servers bind 127.0.0.1 on a free port in a thread, through the same uvicorn settings as
``newslint serve``; every wait and every load loop here is bounded in count and time.
"""

from __future__ import annotations

import http.client
import json
import logging
import os
import re
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import quote, urlencode, urlsplit

import pytest

from newslint.config import Config
from newslint.finding import Problem
from newslint.registry import check, load_checks
from newslint.server.languagetool import AnnotatedText
from newslint.server.textunits import ClientText, utf16_length

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_a3a39f2484b01051.txt"
# The reference article's six findings (DESIGN.md), as the words each one must cover.
SEED_FINDINGS = [
    ("promo-text", "Discuss as:"),
    ("orphan-caption", "Jason Reed / Reuters"),
    ("orphan-caption", "President Barack Obama meets with police chiefs"),
    ("promo-text", "NBC's National Investigative Correspondent"),
    ("count-claim", "13 officials"),
    ("name-spelling", "Menger"),
]
STARTUP_SECONDS = 90


# -- a server in a thread ---------------------------------------------------------------------------------

@contextmanager
def running(app: Any) -> Iterator[str]:
    """``app`` served by uvicorn on 127.0.0.1 (a free port) with newslint serve's settings; yields its URL."""
    import uvicorn

    from newslint.server.app import uvicorn_config

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn_config(app, "127.0.0.1", port))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


def request(url: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None,
            method: str | None = None) -> tuple[int, Any]:
    """(status, parsed JSON body or text) for one request; no proxy, no retries."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request(method or ("GET" if body is None else "POST"), path, body=body, headers=headers or {})
        response = connection.getresponse()
        raw = response.read().decode("utf-8")
        kind = response.getheader("content-type", "")
        return response.status, json.loads(raw) if kind.startswith("application/json") else raw
    finally:
        connection.close()


def check_form(url: str, **fields: str) -> tuple[int, Any]:
    return request(url, "/v2/check", urlencode(fields).encode("utf-8"),
                   {"Content-Type": "application/x-www-form-urlencoded"})


def lint_json(url: str, payload: Any) -> tuple[int, Any]:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
    return request(url, "/v1/lint", body, {"Content-Type": "application/json"})


def utf16_index(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


@check("always-fails", severity="warning")
def always_fails(document, options):
    """A check that fails on every text.

    What it does
    ------------
    Raises.

    Why is this bad?
    ----------------
    It is a test double.

    Example
    -------
    Any text.
    """
    if "boom" in document.text:
        raise RuntimeError("the check broke")
    yield Problem(0, 1, "first character")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    from newslint.server.app import create_app

    with running(create_app(Config())) as url:
        yield url


@pytest.fixture(scope="module")
def small_server() -> Iterator[str]:
    """A server with a 2 KB body limit and, besides the real checks, one that fails on 'boom'."""
    from newslint.server.app import create_app

    installed = {**{name: load_checks()[name] for name in load_checks()}, "always-fails": always_fails}
    with running(create_app(Config(), installed=installed, max_body=2048)) as url:
        yield url


# -- positions, without a server --------------------------------------------------------------------------

def test_utf16_offsets_count_an_emoji_twice_and_an_accented_letter_once():
    text = "Zoë 🎉 Castelanos\r\nsaid Castelanos."
    units = ClientText(text)
    name = text.index("Castelanos")
    assert units.utf16(name) == utf16_index(text, name) == name + 1
    assert units.utf16(text.index("Zoë") + 2) == 2  # "ë" (one code point, one UTF-16 unit)
    assert units.offset(2, 6) == text.index("Castelanos", name + 1)  # CRLF is one line break
    assert utf16_length("🎉🎉") == 4
    assert units.line(1) == "Zoë 🎉 Castelanos" and units.line(3) == ""


def test_annotated_text_maps_plain_spans_back_onto_text_with_markup():
    annotated = AnnotatedText([("Chief ", None), ("<b>", ""), ("Ann Kovac", None), ("</b>", ""),
                               (" spoke.", None), ("<br/>", "\n\n"), ("said Kovak.", None)])
    assert annotated.plain == "Chief Ann Kovac spoke.\n\nsaid Kovak."
    assert annotated.original == "Chief <b>Ann Kovac</b> spoke.<br/>said Kovak."
    start = annotated.plain.index("Kovac")
    original = annotated.original[annotated.start(start):annotated.end(start + 5)]
    assert original == "Kovac"
    # A span starting in interpretAs text starts at its markup; one ending in it ends after the markup.
    newline = annotated.plain.index("\n")
    assert annotated.original[annotated.start(newline):annotated.end(newline + 2)] == "<br/>"
    assert annotated.start(len(annotated.plain)) == len(annotated.original)


# -- the LanguageTool API through its real Python client --------------------------------------------------

@pytest.fixture
def only_loopback(monkeypatch):
    """Records every outgoing connection; the test asserts each went to the test server."""
    targets: list[Any] = []
    real_connect = socket.socket.connect

    def connect(self, address):
        targets.append(address)
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    for variable in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    return targets


@pytest.mark.e2e  # a real client against a real server
def test_language_tool_python_gets_the_reference_articles_six_findings(server, only_loopback):
    import language_tool_python

    text = SEED.read_text(encoding="utf-8")
    tool = language_tool_python.LanguageTool("en-US", remote_server=server)
    try:
        matches = tool.check(text)
    finally:
        tool.close()
    found = [(m.rule_id, text[m.offset:m.offset + m.error_length]) for m in matches]
    assert len(found) == 6
    for (check_name, words), (rule, covered) in zip(SEED_FINDINGS, found, strict=True):
        assert rule == check_name and covered.startswith(words), (rule, covered)
    assert found[-1][1] == "Menger" and matches[-1].replacements == ["Manger"]
    assert found[4][1] == "13 officials"
    port = urlsplit(server).port
    assert only_loopback and all(address[:2] == ("127.0.0.1", port) for address in only_loopback), only_loopback


@pytest.mark.e2e  # a real client against a real server
def test_offsets_are_utf16_units_after_an_emoji_and_an_accented_name(server, only_loopback):
    import language_tool_python

    text = ("Party organiser 🎉 Renée Lefèvre opened the harvest fair on Saturday.\n\n"
            "“We waited all year for this,” said Lefevre.")
    status, body = check_form(server, text=text, language="en-US")
    assert status == 200
    (match,) = body["matches"]
    python_index = text.index("Lefevre")
    assert match["offset"] == utf16_index(text, python_index) == python_index + 1  # the emoji is two units
    assert match["length"] == 7 and match["rule"]["id"] == "name-spelling"
    assert match["replacements"] == [{"value": "Lefèvre"}]
    context = match["context"]
    assert context["text"][context["offset"]:context["offset"] + context["length"]] == "Lefevre"

    tool = language_tool_python.LanguageTool("en-US", remote_server=server)
    try:
        (converted,) = tool.check(text)  # the client turns UTF-16 offsets back into Python indices
    finally:
        tool.close()
    assert text[converted.offset:converted.offset + converted.error_length] == "Lefevre"


def test_offsets_point_into_the_text_as_sent_with_crlf_line_endings(server):
    text = ("Share this article\r\n\r\nMayor Zoë Castellanos 🎉 opened the harvest fair on Saturday, one of the "
            "12 council members said.\r\n\r\n“We waited all year,” said Castelanos.\r\n")
    status, body = check_form(server, text=text, language="auto")
    assert status == 200
    units = text.encode("utf-16-le")
    covered = [units[2 * m["offset"]:2 * (m["offset"] + m["length"])].decode("utf-16-le") for m in body["matches"]]
    assert covered == ["Share this article", "12 council members", "Castelanos"]
    assert body["matches"][2]["sentence"] == "“We waited all year,” said Castelanos."


def test_data_annotations_map_positions_back_to_text_with_markup(server):
    annotation = [{"text": "Mayor "}, {"markup": "<b>"}, {"text": "Zoë Castellanos"}, {"markup": "</b>"},
                  {"text": " 🎉 opened the harvest fair on Saturday."}, {"markup": "<p>", "interpretAs": "\n\n"},
                  {"text": "“We waited all year,” said "}, {"markup": "<i>"}, {"text": "Castelanos"},
                  {"markup": "</i>"}, {"text": "."}]
    status, body = check_form(server, data=json.dumps({"annotation": annotation}), language="en-US")
    assert status == 200
    (match,) = body["matches"]
    with_markup = "".join(part.get("text", part.get("markup", "")) for part in annotation)
    assert match["offset"] == utf16_index(with_markup, with_markup.index("Castelanos"))
    assert match["length"] == len("Castelanos")


def test_enabled_and_disabled_rules_name_checks(server):
    text = SEED.read_text(encoding="utf-8")
    _, body = check_form(server, text=text, language="en-US", disabledRules="name-spelling,WHITESPACE_RULE")
    assert [m["rule"]["id"] for m in body["matches"]].count("name-spelling") == 0 and len(body["matches"]) == 5
    _, body = check_form(server, text=text, language="en-US", enabledRules="promo-text", enabledOnly="true")
    assert [m["rule"]["id"] for m in body["matches"]] == ["promo-text", "promo-text"]
    status, body = check_form(server, text=text, language="en-US", disabledRules="name-speling")
    assert status == 400
    assert body["error"] == "disabledRules: unknown check 'name-speling' (did you mean name-spelling?)"


def test_languages_lists_english(server):
    status, body = request(server, "/v2/languages")
    assert status == 200 and {"name": "English (US)", "code": "en", "longCode": "en-US"} in body
    status, body = check_form(server, text="Tekst.", language="de-DE")
    assert status == 400 and "English copy only" in body["error"]


# -- the JSON API -----------------------------------------------------------------------------------------

@pytest.mark.e2e
def test_v1_lint_answers_exactly_what_the_cli_prints(server):
    text = SEED.read_text(encoding="utf-8")
    status, body = request(server, "/v1/lint", json.dumps({"text": text, "path": "story.txt"}).encode(),
                           {"Content-Type": "application/json"})
    cli = subprocess.run([sys.executable, "-m", "newslint", "--format", "json", "--stdin-filename", "story.txt", "-"],
                         input=text.encode("utf-8"), capture_output=True, timeout=120, cwd=REPO,
                         env={**os.environ, "NO_COLOR": "1"})
    assert cli.returncode == 1, cli.stderr
    assert status == 200 and body == json.loads(cli.stdout)
    raw = http.client.HTTPConnection("127.0.0.1", urlsplit(server).port, timeout=60)
    raw.request("POST", "/v1/lint", json.dumps({"text": text, "path": "story.txt"}).encode())
    assert raw.getresponse().read() == cli.stdout  # byte for byte
    raw.close()


def test_v1_lint_path_suffix_picks_the_reader_and_select_ignore_apply(server):
    html = "<p>Share this article</p>\n<p>Mayor Ann Kovac spoke.</p>\n<p>Later, said Kovak.</p>\n"
    status, body = lint_json(server, {"text": html, "path": "desk/story.html", "ignore": ["name-spelling"]})
    assert status == 200 and body["errors"] == []
    assert [(f["check"], f["line"], f["column"], f["path"]) for f in body["findings"]] == [
        ("promo-text", 1, 4, "desk/story.html")]
    _, body = lint_json(server, {"text": html, "path": "story.html", "select": "name-spelling"})
    assert [f["suggestion"] for f in body["findings"]] == ["Kovac"]


def test_v1_checks_lists_what_a_request_may_name(server):
    status, body = request(server, "/v1/checks")
    names = {c["name"]: c for c in body["checks"]}
    assert status == 200 and {"name-spelling", "promo-text", "unused-suppression"} <= set(names)
    assert names["count-claim"]["severity"] == "info" and names["count-claim"]["default"] is True


# -- bad input: a 4xx naming the problem, and the server keeps serving ------------------------------------

@pytest.mark.parametrize(("payload", "status", "error"), [
    (b"{not json", 400, "malformed JSON: "),
    (b"[1, 2]", 400, "expected a JSON object"),
    ({"path": "a.txt"}, 400, "missing 'text'"),
    ({"text": 3}, 400, "'text' must be a string"),
    ({"text": "x", "selct": ["promo-text"]}, 400, "unknown field(s) selct"),
    ({"text": "x", "select": ["promo-txt"]}, 400, "select: unknown check 'promo-txt' (did you mean promo-text?)"),
    ({"text": "x", "ignore": ["count-clam"]}, 400, "ignore: unknown check 'count-clam' (did you mean count-claim?)"),
    ({"text": "x", "select": []}, 400, "'select' names no check"),
    ({"text": "x", "select": [1]}, 400, "'select' must be a list of check names"),
    (b'{"text": "Read more: \\udc80 the harbour story"}', 400, "'text' holds a lone surrogate"),
    (b'{"text": "Share this", "path": "a\\ud800.txt"}', 400, "'path' holds a lone surrogate"),
    (b"[" * 100_000 + b"]" * 100_000, 400, "malformed JSON: nested too deeply"),
])
def test_bad_json_requests_are_4xx_naming_the_problem(server, payload, status, error):
    answer_status, body = lint_json(server, payload)
    assert answer_status == status and body["error"].startswith(error), body
    assert request(server, "/v2/languages")[0] == 200  # still serving


@pytest.mark.parametrize(("body", "content_type", "error"), [
    (b"language=en-US", "application/x-www-form-urlencoded", "give the text to check as 'text' or 'data'"),
    (b"text=a&data=b", "application/x-www-form-urlencoded", "give the text to check as 'text' or 'data'"),
    (b"text", "application/x-www-form-urlencoded", "malformed form data"),
    (b"text=%FF", "application/x-www-form-urlencoded", "malformed form data"),
    (b"text=\xff", "application/x-www-form-urlencoded", "form data is not UTF-8"),
    (b"--x\r\nbroken", "multipart/form-data", "malformed form data"),
    (b'{"text": "a"}', "application/json", "send form fields"),
    (b"data=%7Bnope", "application/x-www-form-urlencoded", "data: not valid JSON"),
    (b"data=%7B%7D", "application/x-www-form-urlencoded", "data: expected {\"annotation\""),
    (b"text=a&enabledOnly=true", "application/x-www-form-urlencoded", "enabledOnly=true needs enabledRules"),
    (b"data=" + b"%5B" * 50_000, "application/x-www-form-urlencoded", "data: not valid JSON"),
    (b"text=%ED%A0%80", "application/x-www-form-urlencoded", "malformed form data"),
    (b"data=" + quote('{"annotation": [{"text": "Share this article \\ud800"}]}').encode(),
     "application/x-www-form-urlencoded", "'data' holds a lone surrogate"),
])
def test_bad_languagetool_requests_are_4xx_naming_the_problem(server, body, content_type, error):
    status, answer = request(server, "/v2/check", body, {"Content-Type": content_type})
    assert status == 400 and answer["error"].startswith(error), answer
    assert request(server, "/v2/languages")[0] == 200


def test_unknown_paths_and_methods_answer_json(server):
    assert request(server, "/v2/nothing") == (404, {"error": "Not Found"})
    status, body = request(server, "/v1/lint")
    assert status == 405 and "error" in body
    parts = urlsplit(server)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request("OPTIONS", "/v1/lint")
        response = connection.getresponse()
        response.read()
        assert response.status == 405 and response.getheader("allow") == "POST"  # as the standard asks
    finally:
        connection.close()


def test_a_byte_order_mark_before_the_text_is_no_character_of_it(server):
    status, body = lint_json(server, {"text": "\ufeffShare this article\n\nThe council met.\n", "path": "a.txt"})
    assert status == 200 and [(f["line"], f["column"], f["check"]) for f in body["findings"]] == [(1, 1, "promo-text")]


def test_a_body_over_the_limit_is_413_declared_or_streamed(small_server):
    big = urlencode({"text": "x" * 4000, "language": "en"}).encode()
    status, body = request(small_server, "/v2/check", big, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413 and "over the server's limit of 2048 bytes" in body["error"]
    # No Content-Length (chunked): refused as the body arrives.
    parts = urlsplit(small_server)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    connection.request("POST", "/v1/lint", body=iter([b'{"text": "', b"y" * 3000, b'"}']),
                       headers={"Content-Type": "application/json"}, encode_chunked=True)
    response = connection.getresponse()
    assert response.status == 413 and "limit" in json.loads(response.read())["error"]
    connection.close()
    assert lint_json(small_server, {"text": "Share this article\n\nCopy.", "select": ["promo-text"]})[0] == 200


def test_a_failing_check_is_an_error_in_the_response_not_a_500(small_server):
    status, body = lint_json(small_server, {"text": "Share this article\n\nboom", "path": "a.txt"})
    assert status == 200
    assert body["errors"] == [{"path": "a.txt", "message": "check always-fails failed: RuntimeError: the check broke"}]
    assert [f["check"] for f in body["findings"]] == ["promo-text"]
    status, body = check_form(small_server, text="Share this article\n\nboom", language="en")
    assert status == 200 and body["warnings"]["incompleteResults"] is True
    assert "always-fails failed" in body["warnings"]["incompleteResultsReason"]
    assert [m["rule"]["id"] for m in body["matches"]] == ["promo-text"]


# -- isolation under concurrency, and privacy --------------------------------------------------------------

@pytest.mark.e2e  # a real client against a real server
def test_concurrent_requests_each_get_their_own_findings(server):
    def one(number: int) -> tuple[int, list[str]]:
        text = f"Mayor Ann Kovac spoke on Monday.\n\nShe is one of the {number} council members who voted."
        status, body = check_form(server, text=text, language="en-US")
        return status, [text.encode("utf-16-le")[2 * m["offset"]:2 * (m["offset"] + m["length"])].decode("utf-16-le")
                        for m in body["matches"]]

    numbers = list(range(20, 52))  # 32 requests from 8 clients
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(one, numbers, timeout=120))
    assert answers == [(200, [f"{n} council members"]) for n in numbers]


def test_nothing_submitted_is_logged(server, caplog, capfd):
    marker = "Quillfeather Vantongeren"
    caplog.set_level(logging.DEBUG)
    check_form(server, text=f"Share this article\n\nMayor {marker} spoke.", language="en-US")
    lint_json(server, {"text": f"Mayor {marker} spoke.", "select": ["promo-txt"]})
    check_form(server, text=f"{marker}", language="xx")
    out, err = capfd.readouterr()
    assert marker not in caplog.text and marker not in out and marker not in err


def test_an_unexpected_error_is_logged_by_its_type_alone(caplog):
    import asyncio

    from newslint.server.app import _NoTextInLogs

    async def broken(scope, receive, send):
        raise ValueError("submitted copy: Quillfeather")

    async def call() -> None:
        async def receive():
            return {"type": "http.request", "body": b""}

        async def send(message):
            return None

        await _NoTextInLogs(broken)({"type": "http", "method": "POST", "path": "/v1/lint"}, receive, send)

    with caplog.at_level(logging.DEBUG):
        asyncio.run(call())
    assert "ValueError" in caplog.text and "Quillfeather" not in caplog.text


# -- the page and the command -----------------------------------------------------------------------------

def test_the_page_is_self_contained(server):
    parts = urlsplit(server)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    connection.request("GET", "/")
    response = connection.getresponse()
    page = response.read().decode()
    policy = response.getheader("content-security-policy")
    connection.close()
    assert response.status == 200 and "<textarea" in page
    assert "http://" not in page and "https://" not in page and 'src="' not in page  # no external assets
    assert policy.startswith("default-src 'none'; script-src 'sha256-") and "connect-src 'self'" in policy


def test_serve_with_a_bad_configuration_stops_with_exit_status_2(tmp_path):
    bad = tmp_path / ".newslint.toml"
    bad.write_text('select = ["promo-txt"]\n')
    run = subprocess.run([sys.executable, "-m", "newslint", "serve", "--config", str(bad), "--port", "0"],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == 2 and "did you mean promo-text?" in run.stderr


def test_a_lint_run_imports_neither_the_server_nor_the_language_server(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Share this article\n\nCopy.\n")
    probe = ("import sys\nfrom newslint.cli import main\ntry:\n    main([sys.argv[1], '--select', 'promo-text'])\n"
             "except SystemExit:\n    pass\n"
             "print(sorted(m for m in ('starlette', 'uvicorn', 'pygls') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", probe, str(story)], capture_output=True, text=True, timeout=120)
    assert run.stdout.strip().endswith("[]"), run.stdout + run.stderr


@pytest.mark.e2e
def test_the_socket_listens_before_the_server_says_it_is_serving(monkeypatch) -> None:
    # uvicorn runs the app's start-up (which prints "serving on") before its own listen(): a client told the
    # port must be queued from then on, not refused.
    import uvicorn

    from newslint.server.app import serve

    connected: list[bool] = []

    def run_without_serving(self, sockets=None) -> None:
        (listener,) = sockets
        with socket.create_connection(listener.getsockname()[:2], timeout=5):
            connected.append(True)
        listener.close()

    monkeypatch.setattr(uvicorn.Server, "run", run_without_serving)
    serve(Config(select=("promo-text",)), "127.0.0.1", 0)
    assert connected == [True]


def test_serve_says_the_port_it_listens_on_and_a_taken_port_is_one_clear_error(tmp_path):
    command = [sys.executable, "-m", "newslint", "serve", "--port", "0"]
    server = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()  # said once the port is bound and the model is loaded
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match and match.group(1) != "0", line
        url = f"http://127.0.0.1:{match.group(1)}"
        status, body = lint_json(url, {"text": "Share this article\n\nThe council met.\n"})
        assert status == 200 and [f["check"] for f in body["findings"]] == ["promo-text"]
        taken = subprocess.run([*command[:-1], match.group(1)], cwd=tmp_path, capture_output=True, text=True,
                               timeout=120)
        assert taken.returncode == 2 and f"cannot listen on 127.0.0.1:{match.group(1)}" in taken.stderr
        assert "serving on" not in taken.stdout
    finally:
        server.terminate()
        server.wait(timeout=30)
