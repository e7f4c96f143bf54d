"""Every registered check's fixture articles, through the real command line; and the fixtures' own shape.

``fixtures/<check>/NAME.txt`` (or ``.md``, ``.html``) is linted with only that check selected and compared
with ``NAME.expected.json`` by line and column (see fixture_support). Every check declared in pyproject.toml
must have at least one fixture that flags and at least one near miss that stays silent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_support import (
    FIXTURE_SUFFIXES,
    FIXTURES,
    assert_fixture,
    declared_checks,
    expected_path,
    fixture_paths,
    load_expected,
)

from newslint.registry import load_checks

# Folders of fixtures/ that belong to no single check: test_example_story.py and test_markup.py run them.
SHARED_FOLDERS = frozenset({"examples", "markup"})
CASES = [
    pytest.param(path, check, id=f"{check}/{path.name}")
    for check in sorted(load_checks())
    for path in fixture_paths(check)
]


@pytest.mark.parametrize(("path", "check"), CASES)
def test_fixture(path: Path, check: str) -> None:
    assert_fixture(path, check)


def test_the_installed_checks_are_the_ones_pyproject_declares() -> None:
    assert sorted(load_checks()) == sorted(declared_checks()), (
        "the entry points installed in this environment differ from pyproject.toml's: reinstall with "
        "`pip install -e '.[test]'`"
    )


@pytest.mark.parametrize("check", declared_checks())
def test_every_check_has_fixtures_that_flag_and_fixtures_that_stay_silent(check: str) -> None:
    paths = fixture_paths(check)
    assert paths, f"fixtures/{check}/ has no fixture articles ({', '.join(FIXTURE_SUFFIXES)})"
    expected = {path.name: load_expected(path) for path in paths}
    assert [name for name, entries in expected.items() if entries], f"fixtures/{check}/: none must flag"
    assert [name for name, entries in expected.items() if not entries], f"fixtures/{check}/: none must stay silent"
    for name, entries in expected.items():
        assert {entry["check"] for entry in entries} <= {check}, f"fixtures/{check}/{name}: another check's finding"


def test_every_fixture_folder_is_a_check_and_every_article_has_its_expectations() -> None:
    folders = {path.name for path in FIXTURES.iterdir() if path.is_dir()}
    # A misspelt folder would never run: it must name a declared check (or be one of the shared ones).
    assert folders - SHARED_FOLDERS <= set(declared_checks()), sorted(folders - SHARED_FOLDERS)
    for folder in sorted(folders - {"markup"}):  # markup/ names its expectations NAME.SUFFIX.expected.json
        articles = sorted(p for p in (FIXTURES / folder).iterdir() if p.suffix in FIXTURE_SUFFIXES)
        stems = [path.stem for path in articles]
        assert len(stems) == len(set(stems)), f"fixtures/{folder}/: two articles would share one expected.json"
        for path in articles:
            assert expected_path(path).is_file(), f"fixtures/{folder}/{path.name} has no {expected_path(path).name}"
        for expectations in (FIXTURES / folder).glob("*.expected.json"):
            stem = expectations.name.removesuffix(".expected.json")
            assert stem in stems, f"fixtures/{folder}/{expectations.name} belongs to no fixture article"
        leftovers = [p.name for p in (FIXTURES / folder).iterdir()
                     if p.suffix not in FIXTURE_SUFFIXES and not p.name.endswith(".expected.json")]
        assert not leftovers, f"fixtures/{folder}/: files that are neither articles nor expectations: {leftovers}"
