"""name-spelling: every fixture through the Linter, plus the pieces it is built from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newslint.checks._names_variants import misspelling_pattern
from newslint.checks._people import find_mentions, given_names_compatible, group_people, mention_from_parts, name_parts
from newslint.config import Config
from newslint.document import Document
from newslint.engine import Linter
from newslint.finding import Finding
from newslint.registry import load_checks

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "name-spelling"
FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(load_checks(), Config(select=("name-spelling",)), notify=lambda message: None)


def _lint(linter: Linter, text: str, path: str = "story.txt", options: dict | None = None) -> list[Finding]:
    if options:
        linter.options["name-spelling"] = options
    try:
        return linter.lint(Document.from_text(path, text, parse=linter.parse_function()))
    finally:
        linter.options["name-spelling"] = {}


def test_fixtures_exist_both_ways() -> None:
    expectations = [json.loads(p.with_suffix(".expected.json").read_text(encoding="utf-8")) for p in FIXTURE_FILES]
    assert sum(1 for e in expectations if e) >= 8, "fixtures that must flag"
    assert sum(1 for e in expectations if not e) >= 5, "fixtures that must stay silent"


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture(linter: Linter, path: Path) -> None:
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    findings = _lint(linter, path.read_text(encoding="utf-8"), str(path))
    assert {(f.line, f.check) for f in findings} == {(e["line"], e["check"]) for e in expected}
    for entry in expected:
        finding = next(f for f in findings if f.line == entry["line"])
        assert entry.get("message_contains", "") in finding.message
        if "suggestion" in entry:
            assert finding.suggestion == entry["suggestion"]


def test_menger_case_points_at_the_surname(linter: Linter) -> None:
    text = (
        "Police Chief J. Thomas Manger said the meeting went well.\n\n"
        '"We listened more than we talked," said Menger.\n'
    )
    (finding,) = _lint(linter, text)
    assert (finding.line, finding.column, finding.end_column) == (3, 41, 47)
    assert finding.message == '"Menger" may be a misspelling of "Manger" (line 1)'
    assert finding.suggestion == "Manger"
    assert finding.severity.label == "warning"


def test_rarer_form_is_the_suspect_even_when_it_comes_first(linter: Linter) -> None:
    text = (
        "Harbour master Thomas Kesler opened the new wharf.\n\n"
        "Thomas Kessler said the wharf took two years.\n\n"
        "Kessler thanked the builders. Mr Kessler then cut the ribbon.\n"
    )
    findings = _lint(linter, text)
    assert [(f.line, f.suggestion) for f in findings] == [(1, "Kessler")]
    assert "may be a misspelling" in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        # Consistent usage: initials, titles, possessives, plurals.
        "Senator Brian Greig spoke first. Senator Greig said no. Mr Greig's staff agreed. The Greigs left.",
        # A bare surname before any full name is someone else, not a second reference.
        "The prophet Mohammed was quoted. Later the inmate took the name Yusuf Abdullah Muhammed.",
        # Two bare surnames: nothing ties them to one person.
        'Rowland said yes. Rowlands said no. "Maybe," Rowland said.',
    ],
)
def test_silent(linter: Linter, text: str) -> None:
    assert _lint(linter, text) == []


def test_names_file_reports_a_single_variant(linter: Linter, tmp_path: Path) -> None:
    names = tmp_path / "officials.txt"
    names.write_text("# county officials\nSheriff Dana Whitcombe\nMarta Oyelaran  # treasurer\n", encoding="utf-8")
    text = "The budget was backed by Treasurer Marta Oyelaren on Tuesday.\n"
    (finding,) = _lint(linter, text, options={"names-file": str(names)})
    assert finding.message == '"Oyelaren" may be a misspelling of "Oyelaran" (names file)'
    assert finding.suggestion == "Oyelaran"
    # The same story without the house list has nothing to compare the name with.
    assert _lint(linter, text) == []


def test_names_file_ignores_a_different_person(linter: Linter, tmp_path: Path) -> None:
    names = tmp_path / "officials.txt"
    names.write_text("Marta Oyelaran\n", encoding="utf-8")
    text = "Chef Kunle Oyelaren opened his second restaurant on Tuesday.\n"
    assert _lint(linter, text, options={"names-file": str(names)}) == []


def test_names_file_that_cannot_be_read_says_so(linter: Linter, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="names-file"):
        _lint(linter, "Mayor Ann Lee spoke.\n", options={"names-file": str(tmp_path / "missing.txt")})


@pytest.mark.parametrize(
    ("first", "second", "pattern"),
    [
        ("Manger", "Menger", "vowel swap"),
        ("Feinstein", "Feinstien", "transposed letters"),
        ("Abbott", "Abbot", "doubled letter"),
        ("Hollingsworth", "Hollingworth", "dropped letter"),
        ("Forsythe", "Forsyth", "final letter"),
        ("McKenzie", "MacKenzie", "Mc/Mac"),
        ("José", "Jose", "missing diacritics"),
        ("Obama", "Obamas", None),  # a plural
        ("Obama", "OBAMA", None),  # case only
        ("Reid", "Reed", "vowel swap"),
        ("Dan", "Don", None),  # too short to tell
        ("Mann", "Wann", None),  # a different first letter
        ("Katz", "Kats", None),  # consonant for consonant
        ("Lanka", "Lankan", None),  # a demonym
        ("Smith", "Jones", None),
    ],
)
def test_misspelling_patterns(first: str, second: str, pattern: str | None) -> None:
    assert misspelling_pattern(first, second) == pattern
    assert misspelling_pattern(second, first) == pattern


def _mention(text: str):
    mention = mention_from_parts(name_parts(text, 0, len(text)), "test")
    assert mention is not None
    return mention


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("J. Thomas Manger", "Thomas Manger", True),
        ("Thomas Manger", "Tom Manger", True),  # nickname list
        ("Christopher Lane", "Chris Lane", True),  # short form
        ("J. Manger", "Thomas Manger", False),  # initial disagrees
        ("Tom Manger", "Ann Menger", False),
        ("Barack Obama", "Michelle Obama", False),
    ],
)
def test_given_names_compatible(a: str, b: str, same: bool) -> None:
    assert given_names_compatible(_mention(a), _mention(b)) is same


def test_mention_parsing_strips_titles_and_possessives() -> None:
    mention = _mention("Police Chief J. Thomas Manger's")
    assert [p.text for p in mention.given] == ["J.", "Thomas"]
    assert mention.surname.text == "Manger"
    assert mention_from_parts(name_parts("OBAMA", 0, 5), "test") is None  # headline capitals say nothing


def test_mentions_are_linked_to_the_full_name(linter: Linter) -> None:
    text = "Sheriff Richard Stanek spoke. Stanek said yes. Richard said no. Mr Stanek left.\n"
    document = Document.from_text("story.txt", text, parse=linter.parse_function())
    people = group_people(find_mentions(document))
    (stanek,) = [p for p in people if p.key == "stanek"]
    assert [m.surname.text for m in stanek.mentions] == ["Stanek", "Stanek", "Stanek"]
    assert all(p.key != "richard" for p in people)  # a first-name reference is not a surname
