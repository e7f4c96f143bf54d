"""Running the fixture articles in ``fixtures/<check>/`` and comparing with their expected findings.

Each ``NAME.txt`` (or ``.md``, ``.html``) has ``NAME.expected.json`` beside it: a list of
``{"line": N, "column": N, "check": "...", "message_contains": "...", "suggestion": "..."}``, where
``end_line``, ``end_column``, ``message_contains`` and ``suggestion`` are optional. The fixture is linted
through the real command line with only that folder's check selected, and the (line, column, check)
triples must match exactly: a missing finding, an extra one and a moved column all fail. The optional keys
are compared when given (``"suggestion": null`` means there must be none).
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from click.testing import CliRunner

from newslint.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
FIXTURE_SUFFIXES = (".txt", ".md", ".html")
REQUIRED_KEYS = frozenset({"line", "column", "check"})
OPTIONAL_KEYS = frozenset({"end_line", "end_column", "message_contains", "suggestion"})


def declared_checks() -> list[str]:
    """The checks pyproject.toml registers in the ``newslint.checks`` entry-point group, in its order."""
    with open(ROOT / "pyproject.toml", "rb") as file:
        project = tomllib.load(file)["project"]
    return list(project["entry-points"]["newslint.checks"])


def fixture_paths(check: str) -> list[Path]:
    """The fixture articles in ``fixtures/<check>/`` (none if there is no such folder)."""
    folder = FIXTURES / check
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in FIXTURE_SUFFIXES)


def expected_path(path: Path) -> Path:
    return path.with_name(path.stem + ".expected.json")


def load_expected(path: Path) -> list[dict]:
    """The expected findings of a fixture article, each entry checked for its keys."""
    expected = json.loads(expected_path(path).read_text(encoding="utf-8"))
    assert isinstance(expected, list), f"{expected_path(path).name}: not a list"
    for entry in expected:
        missing, unknown = REQUIRED_KEYS - set(entry), set(entry) - REQUIRED_KEYS - OPTIONAL_KEYS
        assert not missing and not unknown, (
            f"{expected_path(path).name}: entry {entry} lacks {sorted(missing)} or has unknown keys {sorted(unknown)}"
        )
    return expected


def run_json(*arguments: str) -> dict:
    result = CliRunner().invoke(main, ["--format", "json", *arguments])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _position(item: dict) -> tuple[int, int, str]:
    return item["line"], item["column"], item["check"]


def _describe(finding: dict) -> str:
    return f"{finding['line']}:{finding['column']} {finding['check']} {finding['message']}"


def assert_findings(name: str, expected: list[dict], findings: list[dict]) -> None:
    """``findings`` (the JSON output's) are exactly ``expected``: same positions, and the optional keys."""
    got = sorted(findings, key=_position)
    want = sorted(expected, key=_position)
    got_positions = [_position(f) for f in got]
    want_positions = [_position(e) for e in want]
    if got_positions != want_positions:
        extra = [_describe(f) for f in got if _position(f) not in want_positions]
        missing = [p for p in want_positions if p not in got_positions]
        raise AssertionError(
            f"{name}: expected findings at {want_positions}, got {got_positions}\n"
            f"  missing: {missing}\n  unexpected: {extra}\n  all found: {[_describe(f) for f in got]}"
        )
    for entry, finding in zip(want, got, strict=True):
        where = f"{name}:{_describe(finding)}"
        for key in ("end_line", "end_column", "suggestion"):
            if key in entry:
                assert finding[key] == entry[key], f"{where}: {key} is {finding[key]!r}, expected {entry[key]!r}"
        if "message_contains" in entry:
            assert entry["message_contains"] in finding["message"], f"{where}: lacks {entry['message_contains']!r}"


def assert_fixture(path: Path, check: str) -> None:
    """Lint a fixture article through the command line with only ``check`` and compare with its expectations."""
    findings = run_json("--select", check, str(path))["findings"]
    assert_findings(path.name, load_expected(path), findings)


def parsed_document(text: str, path: str = "story.txt"):
    """A plain-text Document with the NLP pipeline the name checks use, for testing their parts directly."""
    from newslint.document import Document
    from newslint.nlp import Pipeline

    return Document.from_text(path, text, parse=Pipeline(None, {"ner"}).parser())


def growth(work, small: int, factor: int = 4) -> float:
    """How many times longer ``work(factor * small)`` takes than ``work(small)`` (best of three each, after
    a warm-up): the ratio a linear path keeps near ``factor`` and a quadratic one near ``factor ** 2``.
    Tests assert on this ratio, never on an absolute time, so a busy machine cannot fail them."""
    import time

    def best(size: int) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            work(size)
            times.append(time.perf_counter() - started)
        return min(times)

    work(small)
    return best(small * factor) / best(small)
