"""The engine: selection, NLP loading and skipping, sorting: once, for every check."""

from __future__ import annotations

from newslint.config import Config
from newslint.document import Document
from newslint.engine import Linter
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


def test_nlp_checks_are_skipped_with_one_notice_when_no_model_loads() -> None:
    installed = {"needs-model": _make("needs-model", ("ner",)), "plain": _make("plain")}
    notices: list[str] = []
    linter = Linter(installed, Config(model="no_such_model_package"), notify=notices.append)
    for _ in range(3):
        document = Document.from_text("s.txt", "Some text.", parse=linter.parse_function())
        assert [f.check for f in linter.lint(document)] == ["plain"]
    assert len(notices) == 1
    assert "no_such_model_package" in notices[0] and "skipping needs-model" in notices[0]


def test_no_pipeline_is_built_when_no_selected_check_needs_one() -> None:
    installed = {"needs-model": _make("needs-model", ("ner",)), "plain": _make("plain")}
    assert Linter(installed, Config(select=("plain",)), notify=print).pipeline is None
    assert Linter(installed, Config(), notify=print).pipeline.components == frozenset({"ner"})


def test_findings_are_sorted_and_deduplicated() -> None:
    problems = ((10, 11, "later"), (0, 1, "earlier"), (0, 1, "earlier"))
    installed = {"b-check": _make("b-check", problems=problems), "a-check": _make("a-check")}
    document = Document.from_text("s.txt", "line one\nline two\n")
    findings = Linter(installed, Config(), notify=print).lint(document)
    assert [(f.line, f.column, f.check) for f in findings] == [(1, 1, "a-check"), (1, 1, "b-check"), (2, 2, "b-check")]


def test_the_real_model_loads_once_per_process_for_the_same_components() -> None:
    from newslint.nlp import Pipeline

    first = Pipeline(None, {"ner"}).load()
    second = Pipeline(None, {"ner"}).load()
    assert first is second
    assert "parser" not in first.pipe_names and "ner" in first.pipe_names


def test_builtin_selection_by_config() -> None:
    linter = Linter(load_checks(), Config(select=("promo-text", "orphan-caption"), ignore=("orphan-caption",)),
                    notify=print)
    assert [c.name for c in linter.checks] == ["promo-text"]


def test_a_check_that_raises_is_an_error_of_the_run_and_the_other_checks_still_report() -> None:
    def explode(document, options):
        yield Problem(0, 1, "before the crash")
        raise KeyError("boom")

    explode.__doc__ = DOC.format("Test check that fails.")
    installed = {"explodes": check("explodes")(explode), "plain": _make("plain")}
    linter = Linter(installed, Config(), notify=print)
    findings = linter.lint(Document.from_text("s.txt", "Some text."))
    assert [f.check for f in findings] == ["plain"]
    assert linter.failures == [("s.txt", "check explodes failed: KeyError: 'boom'")]


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
