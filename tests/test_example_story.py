"""The example story the README runs: every built-in check fires on it, and nothing else does."""

import json
from pathlib import Path

from fixture_support import FIXTURES, run_json


def test_the_readme_example_story_gives_one_finding_per_planted_problem() -> None:
    story = FIXTURES / "examples" / "story.txt"
    expected = json.loads((FIXTURES / "examples" / "story.expected.json").read_text())
    findings = run_json(str(story))["findings"]
    assert [(f["line"], f["check"]) for f in findings] == [(e["line"], e["check"]) for e in expected]
    for finding, entry in zip(findings, expected, strict=True):
        if "suggestion" in entry:
            assert finding["suggestion"] == entry["suggestion"]


def test_the_readme_shows_the_example_output() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for line in (
        'fixtures/examples/story.txt:18:52: warning name-spelling "Kovak" may be a misspelling of "Kovac" (line 16)',
        "fixtures/examples/story.txt:16:40: info count-claim count to verify: \"11 council members\"",
    ):
        assert line in readme
