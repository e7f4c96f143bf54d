"""The example story the README runs: every built-in check fires on it, and the README shows the real output."""

from click.testing import CliRunner
from fixture_support import FIXTURES, ROOT, assert_findings, load_expected, run_json

from newslint.cli import main

STORY = FIXTURES / "examples" / "story.txt"
README_STORY = "fixtures/examples/story.txt"  # as the README runs it, from the repository root


def test_the_readme_example_story_gives_one_finding_per_planted_problem() -> None:
    # Every check selected (the README's command), so a finding from any check that is not expected fails.
    assert_findings(STORY.name, load_expected(STORY), run_json(str(STORY))["findings"])


def readme_example_output() -> list[str]:
    """The output lines README.md shows under "## Try it" (indented code), in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Try it\n", 1)[1].split("\n## ", 1)[0]
    return [line.strip() for line in section.splitlines() if line.strip().startswith(f"{README_STORY}:")]


def test_the_readme_shows_the_real_output_of_its_example_command(monkeypatch) -> None:
    shown = readme_example_output()
    assert shown, "README.md's \"## Try it\" section shows no output lines"
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, [README_STORY])
    assert result.exit_code == 1, result.output  # "and newslint says so (exit status 1)"
    assert result.stdout.splitlines() == shown

