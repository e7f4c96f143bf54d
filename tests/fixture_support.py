"""Running the fixture articles in ``fixtures/<check>/`` and comparing with their expected findings.

Each ``NAME.txt`` has ``NAME.expected.json`` beside it: a list of
``{"line": N, "check": "...", "message_contains": "...", "suggestion": "..."}`` (the last two optional).
The fixture is linted through the real command line with only that folder's check selected, and the
(line, check) pairs must match exactly: a missing finding and an extra one both fail.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newslint.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def fixture_paths(check: str) -> list[Path]:
    paths = sorted(p for p in (FIXTURES / check).iterdir() if p.suffix in {".txt", ".md", ".html"})
    assert paths, f"no fixtures for {check}"
    return paths


def run_json(*arguments: str) -> dict:
    result = CliRunner().invoke(main, ["--format", "json", *arguments])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def assert_fixture(path: Path, check: str) -> None:
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    findings = run_json("--select", check, str(path))["findings"]
    got = sorted((f["line"], f["check"]) for f in findings)
    want = sorted((e["line"], e["check"]) for e in expected)
    assert got == want, f"{path.name}: expected {want}, got {[(f['line'], f['message']) for f in findings]}"
    for entry in expected:
        finding = next(f for f in findings if (f["line"], f["check"]) == (entry["line"], entry["check"]))
        if "message_contains" in entry:
            assert entry["message_contains"] in finding["message"], finding["message"]
        if "suggestion" in entry:
            assert finding["suggestion"] == entry["suggestion"]


def parsed_document(text: str, path: str = "story.txt"):
    """A plain-text Document with the NLP pipeline the name checks use, for testing their parts directly."""
    from newslint.document import Document
    from newslint.nlp import Pipeline

    return Document.from_text(path, text, parse=Pipeline(None, {"ner"}).parser())
