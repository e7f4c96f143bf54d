"""Load on ``newslint serve``: requests per second and latency of ``/v2/check``, memory, startup time.

    python bench/server_load.py            # writes bench/results/server_load.md

Starts the server as a subprocess on 127.0.0.1 (a free port), then:

- startup: seconds from starting the process to its first answer (``/v2/languages``) and to its first
  ``/v2/check`` answer (the model is loaded before the server accepts connections);
- 1,000 ``/v2/check`` requests of a ~700-word invented story: 100 from 1 client, 300 from 4, 600 from 16
  (each client a thread with its own keep-alive connection); requests per second and p50/p95 latency
  per level;
- the server's resident memory (VmRSS) after 100 requests and after 1,000;
- that no request fails and none is answered with another's findings: each request's story names its
  own count of commissioners ("one of the 1,042 commissioners"), and its count-claim match must cover
  exactly that number, at the right offset of its own text, beside the findings the story always has.

Every loop is bounded in count and in time (``LEVEL_SECONDS`` per level); traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import http.client
import itertools
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import write_result  # noqa: E402

LEVELS = ((1, 100), (4, 300), (16, 600))  # (concurrent clients, requests): 1,000 in all
LEVEL_SECONDS = 300
REQUEST_SECONDS = 60
STARTUP_SECONDS = 120

# Invented: every name, place and number in it is made up for this benchmark.
STORY = """\
Sign up for our newsletter

Harbor City approves a flood wall after a wet decade

HARBOR CITY — After three hours of public comment that stretched past midnight, the Harbor City Council
voted on Tuesday to borrow $48 million for a concrete flood wall along the lower Esk River, the largest
public works project the city has attempted since its water plant was rebuilt.

Mayor Ingrid Halvorsen, who had campaigned on the wall for two elections, called the vote "the day we
stopped bailing water and started building." Residents of the Millrace neighborhood, where basements have
flooded four times since 2016, filled the council chamber and spilled into the hallway, many of them
holding photographs of water lines on their walls.

The wall would run 2.3 miles from the rail bridge to the old cannery, rising as high as 14 feet where the
river bends closest to homes. Engineers from the county told the council that the design would protect
against a flood as large as the one in the spring of 2019, which closed the downtown for nine days and
damaged more than 600 buildings.

Not everyone in the chamber was persuaded. Theo Marchetti, who owns a boat repair shop on the river side
of the planned wall, said the project would cut his business off from the street. "You are building a
wall between me and my customers," he told the council. "Nobody has asked where I am supposed to go."

City staff said that openings in the wall, closed by steel gates during floods, would keep access to the
riverfront for businesses like his. The gates would be tested twice a year, and a crew of six would be
trained to close them within four hours of a flood warning, according to the plan presented on Tuesday.

Councilwoman Dara Okonkwo, who voted against the borrowing, said she supported flood protection but
worried about the cost to taxpayers. She pointed out that the city still owes money on the water plant
and that interest rates have risen since the wall was first proposed. "We are asking our grandchildren
to pay for a decision we rushed," she said.

The measure passed by a vote of five to two. Okonkwo and Councilman Ruben Esquivel voted no.

The borrowing will be repaid over 30 years from a new stormwater fee, which would add about $9 a month
to a typical household's water bill. Households that qualify for the city's utility assistance program
would pay half the fee, and churches and nonprofit groups would be charged a reduced rate.

Residents who spoke in favor of the wall described years of cleaning up after floods. Priya Venkataraman,
a retired teacher who has lived on Weir Street for 31 years, said she had replaced her furnace twice. "I
keep a bag packed by the door from March to June," she said. "I would like to unpack it."

The county's flood control board, which will share the cost of design and oversee construction, is
expected to approve its part of the agreement next month. Board chairman Walter Quist said that the board
had reviewed the engineering studies and found them sound. Quist is one of the {count} commissioners who
will vote on the agreement.

Construction could begin next spring and would take about three years, according to the city's public
works director, Annelise Brandt. Brandt said the work would be done in sections so that no stretch of the
riverfront would be closed for more than a few months at a time, and that the trail along the river would
reopen once each section was finished.

The city has applied for a federal grant that could cover as much as a quarter of the cost. If the grant
is awarded, the stormwater fee would be lowered, Brandt said, though she cautioned that the city would
not learn the outcome until late in the year.

Halvorson said after the vote that she would hold meetings in each neighborhood along the river before
construction begins. "People deserve to see exactly where the wall goes and what it will look like from
their front steps," she said. "This is their river, and it is going to be their wall."

The first of those meetings is scheduled for the Millrace branch library, where residents will be able to
see drawings of the wall and speak with the engineers who designed it.
"""


def story(count: int) -> str:
    # Written with a thousands separator: "1,042 commissioners" is a count to verify, where "1042" reads as a year.
    return STORY.format(count=f"{count:,}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def covered(text: str, match: dict) -> str:
    units = text.encode("utf-16-le")
    return units[2 * match["offset"]:2 * (match["offset"] + match["length"])].decode("utf-16-le")


class Client:
    """One client: a keep-alive connection to the server."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_SECONDS)

    def check(self, text: str) -> tuple[int, dict]:
        body = urlencode({"text": text, "language": "en-US"})
        self.connection.request("POST", "/v2/check", body=body,
                                headers={"Content-Type": "application/x-www-form-urlencoded"})
        response = self.connection.getresponse()
        return response.status, json.loads(response.read())

    def close(self) -> None:
        self.connection.close()


def expected_rules(port: int) -> list[str]:
    """The story's findings apart from its count claim, from one request (checked again on every answer)."""
    client = Client(port)
    status, body = client.check(story(999))
    client.close()
    assert status == 200, body
    return sorted(m["rule"]["id"] for m in body["matches"])


def verify(count: int, status: int, body: dict, rules: list[str]) -> str | None:
    """None if the answer is this request's own; else what is wrong with it."""
    if status != 200:
        return f"status {status}: {body}"
    text = story(count)
    if sorted(m["rule"]["id"] for m in body["matches"]) != rules:
        return f"rules {[m['rule']['id'] for m in body['matches']]}"
    claims = [covered(text, m) for m in body["matches"] if m["rule"]["id"] == "count-claim"
              and "commissioners" in m["message"]]
    if claims != [f"{count:,} commissioners"] or not any(f"{count:,}" in m["message"] for m in body["matches"]):
        return f"another request's findings? {claims}"
    return None


def level(port: int, clients: int, requests: int, counts: itertools.count, rules: list[str]) -> dict:
    latencies: list[float] = []
    problems: list[str] = []
    lock = threading.Lock()
    remaining = iter(range(requests))
    deadline = time.monotonic() + LEVEL_SECONDS

    def work() -> None:
        client = Client(port)
        try:
            while time.monotonic() < deadline:
                with lock:
                    if next(remaining, None) is None:
                        return
                    count = next(counts)
                started = time.perf_counter()
                try:
                    status, body = client.check(story(count))
                    problem = verify(count, status, body, rules)
                except (OSError, http.client.HTTPException, ValueError) as error:
                    problem = f"{type(error).__name__}: {error}"
                    client.close()
                    client = Client(port)
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    if problem:
                        problems.append(problem)
        finally:
            client.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=work) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(LEVEL_SECONDS + REQUEST_SECONDS)
    wall = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "clients": clients, "requests": len(latencies), "asked": requests, "seconds": wall,
        "rps": len(latencies) / wall, "p50": statistics.median(ordered) * 1000,
        "p95": ordered[max(int(round(0.95 * len(ordered))) - 1, 0)] * 1000, "problems": problems,
    }


def wait_for_answer(port: int, process: subprocess.Popen, started: float) -> float:
    deadline = started + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited: {process.stderr.read() if process.stderr else ''}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/v2/languages")
            if connection.getresponse().status == 200:
                connection.close()
                return time.monotonic() - started
        except OSError:
            time.sleep(0.05)
    raise SystemExit("the server did not answer in time")


class Server:
    """``newslint serve`` as a subprocess on a free port of 127.0.0.1, stopped on exit."""

    def __enter__(self) -> "Server":
        self.port = free_port()
        self.started = time.monotonic()
        self.process = subprocess.Popen([sys.executable, "-m", "newslint", "serve", "--port", str(self.port)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                        cwd=Path(__file__).resolve().parents[1])
        return self

    def rss(self) -> int:
        return rss_kib(self.process.pid)

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


MEMORY_CLIENTS, MEMORY_STEP, MEMORY_REQUESTS = 4, 100, 1000


def main() -> None:
    counts = itertools.count(1000)
    with Server() as server:
        first_answer = wait_for_answer(server.port, server.process, server.started)
        client = Client(server.port)
        status, _ = client.check(story(998))
        first_check = time.monotonic() - server.started
        client.close()
        assert status == 200
        rules = expected_rules(server.port)
        results = [level(server.port, clients, requests, counts, rules) for clients, requests in LEVELS]
    # Memory on a fresh server, under one steady load, so that only requests differ between the samples.
    with Server() as server:
        wait_for_answer(server.port, server.process, server.started)
        rss_start = server.rss()
        memory = []
        rss = {}
        for done in range(MEMORY_STEP, MEMORY_REQUESTS + 1, MEMORY_STEP):
            memory.append(level(server.port, MEMORY_CLIENTS, MEMORY_STEP, counts, rules))
            rss[done] = server.rss()

    words = len(story(1000).split())
    failures = sum(len(r["problems"]) for r in results + memory)
    answered = sum(r["requests"] for r in results + memory)
    lines = [
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}; server and load generator on the "
        f"same machine (127.0.0.1). Story: {words} words, invented; each request's text names its own count.",
        "",
        "| clients | requests | seconds | requests/s | p50 ms | p95 ms | failed or wrong |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(f"| {r['clients']} | {r['requests']} of {r['asked']} | {r['seconds']:.1f} | {r['rps']:.1f} | "
                     f"{r['p50']:.0f} | {r['p95']:.0f} | {len(r['problems'])} |")
    lines += [
        "",
        f"Startup: first answer {first_answer:.2f} s after starting the process (the model is loaded before the "
        f"server accepts connections); first /v2/check answered at {first_check:.2f} s.",
        "",
        f"Memory (VmRSS), a fresh server, {MEMORY_REQUESTS} requests from {MEMORY_CLIENTS} clients: "
        f"{rss_start / 1024:.1f} MiB after startup, **{rss[MEMORY_STEP] / 1024:.1f} MiB after {MEMORY_STEP} requests, "
        f"{rss[MEMORY_REQUESTS] / 1024:.1f} MiB after {MEMORY_REQUESTS}** "
        f"({(rss[MEMORY_REQUESTS] - rss[MEMORY_STEP]) / 1024:+.1f} MiB). Every 100: "
        + ", ".join(f"{rss[n] / 1024:.1f}" for n in sorted(rss)) + " MiB.",
        "",
        f"Every answer checked ({answered} in all): status 200, the story's findings ({', '.join(rules)}), and "
        f"its own count claim at its own offset. Failed or wrong answers: {failures}.",
    ]
    for r in results + memory:
        for problem in r["problems"][:5]:
            lines.append(f"- {r['clients']} clients: {problem}")
    print("\n".join(lines))
    print(f"written to {write_result('server_load', chr(10).join(lines) + chr(10))}")
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
