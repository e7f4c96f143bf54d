"""The engine: selection, NLP loading and skipping, sorting: once, for every check."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newslint import nlp
from newslint.config import Config, ConfigError
from newslint.engine import Linter, Source
from newslint.finding import Problem
from newslint.registry import check, load_checks

DOC = """{}

What it does
------------
x
Why is this bad?
----------------
x
Example
-------
x
"""


def _make(name: str, nlp: tuple[str, ...] = (), problems=((0, 1, "first"),)):
    def run(document, options):
        if nlp:
            document.spacy_doc  # noqa: B018 - a check that needs the parse reads it
        for start, end, message in problems:
            yield Problem(start, end, message)

    run.__doc__ = DOC.format(f"Test check {name}.")
    return check(name, nlp_components=nlp)(run)


def test_nlp_checks_are_skipped_with_one_notice_when_no_default_model_is_installed(monkeypatch) -> None:
    monkeypatch.setattr(nlp, "DEFAULT_MODELS", ("no_such_model_package",))
    installed = {"needs-model": _make("needs-model", ("ner",)), "plain": _make("plain")}
    linter = Linter(installed, Config())
    results = [linter.lint(Source("s.txt", text="Some text.")) for _ in range(3)]
    assert [[f.check for f in result.findings] for result in results] == [["plain"]] * 3
    notices = [notice for result in results for notice in result.notices]
    assert len(notices) == 1 and not any(result.failures for result in results)
    assert "no spaCy English model" in notices[0] and "skipping needs-model" in notices[0]


def test_a_configured_model_that_does_not_exist_is_a_configuration_error(tmp_path) -> None:
    installed = {"needs-model": _make("needs-model", ("ner",))}
    config_file = tmp_path / ".newslint.toml"
    for model in ("no_such_model_package", "./models/missing"):
        with pytest.raises(ConfigError) as raised:
            Linter(installed, Config(model=model, path=config_file))
        assert str(raised.value).startswith(f"{config_file}: model = {model!r}: ")


def test_the_official_package_name_finds_the_same_pipeline_from_pypi() -> None:
    linter = Linter({"needs-model": _make("needs-model", ("ner",))}, Config(model="en_core_web_sm"))
    assert linter.pipeline is not None and linter.pipeline.model in nlp.DEFAULT_MODELS


def test_no_pipeline_is_built_when_no_selected_check_needs_one() -> None:
    installed = {"needs-model": _make("needs-model", ("ner",)), "plain": _make("plain")}
    assert Linter(installed, Config(select=("plain",))).pipeline is None
    assert Linter(installed, Config()).pipeline.components == frozenset({"ner"})


def test_findings_are_sorted_and_deduplicated() -> None:
    problems = ((10, 11, "later"), (0, 1, "earlier"), (0, 1, "earlier"))
    installed = {"b-check": _make("b-check", problems=problems), "a-check": _make("a-check")}
    findings = Linter(installed, Config()).lint(Source("s.txt", text="line one\nline two\n")).findings
    assert [(f.line, f.column, f.check) for f in findings] == [(1, 1, "a-check"), (1, 1, "b-check"), (2, 2, "b-check")]


def test_the_real_model_loads_once_per_process_for_the_same_components() -> None:
    from newslint.nlp import Pipeline

    first = Pipeline(None, {"ner"}).load()
    second = Pipeline(None, {"ner"}).load()
    assert first is second
    assert "parser" not in first.pipe_names and "ner" in first.pipe_names


def test_builtin_selection_by_config() -> None:
    linter = Linter(load_checks(), Config(select=("promo-text", "orphan-caption"), ignore=("orphan-caption",)))
    assert [c.name for c in linter.checks] == ["promo-text"]


def test_a_check_that_raises_is_an_error_of_the_run_and_the_other_checks_still_report() -> None:
    def explode(document, options):
        yield Problem(0, 1, "before the crash")
        raise KeyError("boom")

    explode.__doc__ = DOC.format("Test check that fails.")
    installed = {"explodes": check("explodes")(explode), "plain": _make("plain")}
    result = Linter(installed, Config()).lint(Source("s.txt", text="Some text."))
    assert [f.check for f in result.findings] == ["plain"]
    assert result.failures == (("s.txt", "check explodes failed: KeyError: 'boom'"),)


def test_a_check_that_yields_something_other_than_problems_is_an_error_not_a_crash() -> None:
    def wrong(document, options):
        yield "not a Problem"

    wrong.__doc__ = DOC.format("Test check that yields a string.")
    result = Linter({"wrong": check("wrong")(wrong)}, Config()).lint(Source("s.txt", text="Some text."))
    assert result.findings == () and result.failures[0].message.startswith("check wrong failed: AttributeError")


def test_lint_reads_files_and_reports_what_cannot_be_read(tmp_path) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes(b"Some text.\r\n")
    linter = Linter({"plain": _make("plain")}, Config())
    read = linter.lint(str(story))
    assert read.linted and [f.check for f in read.findings] == ["plain"] and read.source_lines == ("Some text.", "")
    missing = linter.lint(Source(str(tmp_path / "missing.txt")))
    assert not missing.linted and missing.failures == ((str(tmp_path / "missing.txt"), "no such file or directory"),)


def test_the_matched_text_travels_with_the_finding_but_not_in_its_identity() -> None:
    (finding,) = Linter({"plain": _make("plain")}, Config()).lint(Source("s.txt", text="Some text.")).findings
    assert finding.text == "S"
    assert finding == replace(finding, text="other") and "text" not in finding.to_dict()


def test_texts_longer_than_spacys_length_limit_are_parsed() -> None:
    from newslint.nlp import Pipeline

    pipeline = Pipeline(None, {"ner"})
    nlp = pipeline.load()
    default = nlp.max_length
    nlp.max_length = 1_000  # stands in for spaCy's 1,000,000 so the test parses a short text
    try:
        doc = pipeline.parser()("Mayor Ann Lee spoke. " * 100)
    finally:
        nlp.max_length = default
    assert len(doc.text) == 2_100 and any(entity.label_ == "PERSON" for entity in doc.ents)


def test_a_reader_that_fails_costs_only_that_file(monkeypatch) -> None:
    import newslint.engine as engine

    def broken_reader(*arguments, **options):
        raise ValueError("the parser gave up")

    monkeypatch.setattr(engine, "read_document", broken_reader)
    result = Linter({"plain": _make("plain")}, Config()).lint(Source("s.html", text="<p>x</p>"))
    assert not result.linted
    assert result.failures == (("s.html", "could not be read as html: ValueError: the parser gave up"),)


def test_spacy_is_imported_without_its_command_line_subtree() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from newslint.config import Config\n"
        "from newslint.engine import Linter, Source\n"
        "from newslint.registry import load_checks\n"
        "result = Linter(load_checks(), Config(select=('name-spelling',))).lint(\n"
        "    Source('s.txt', text='Mayor Ann Manger spoke. Later Menger said no.\\n'))\n"
        "print([f.check for f in result.findings])\n"
        "cli = ('weasel', 'typer', 'httpx', 'requests', 'jinja2', 'spacy.cli')\n"
        "print(sorted(m for m in cli if m in sys.modules))\n"
        "import spacy, spacy.cli\n"
        "print(callable(spacy.cli.download), callable(spacy.info))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.stdout.splitlines() == ["['name-spelling']", "[]", "True True"], done.stderr
