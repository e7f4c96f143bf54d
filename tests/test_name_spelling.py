"""name-spelling through the Linter, and the pieces it is built from (tests/test_fixtures.py runs its fixtures)."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from fixture_support import parsed_document
from newslint.checks import _names_variants, name_spelling
from newslint.checks._mentions import Entity, _Spans, find_mentions, mentions_in
from newslint.checks._name_parts import given_names_compatible, mention_from_parts, name_parts
from newslint.checks._names_variants import VariantIndex, misspelling_pattern
from newslint.checks._people import group_people
from newslint.checks.name_spelling import NameSpellingOptions

from newslint.config import Config
from newslint.document import Document
from newslint.engine import Linter, Source
from newslint.finding import Finding
from newslint.registry import load_checks

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "name-spelling"
FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(load_checks(), Config(select=("name-spelling",)))


def _lint(linter: Linter, text: str, path: str = "story.txt", options: dict | None = None) -> list[Finding]:
    if options:
        linter = Linter(load_checks(), Config(select=("name-spelling",), check_options={"name-spelling": options}))
    return list(linter.lint(Source(path, text=text)).findings)


def test_fixtures_exist_both_ways() -> None:
    expectations = [json.loads(p.with_suffix(".expected.json").read_text(encoding="utf-8")) for p in FIXTURE_FILES]
    assert sum(1 for e in expectations if e) >= 8, "fixtures that must flag"
    assert sum(1 for e in expectations if not e) >= 5, "fixtures that must stay silent"


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


def _run_check(text: str, names_file: str) -> list:
    """The check called directly: what it raises reaches the test (the engine would record it)."""
    document = parsed_document(text)
    return list(load_checks()["name-spelling"].run(document, NameSpellingOptions(names_file=names_file)))


def test_names_file_that_cannot_be_read_says_so_in_one_line(linter: Linter, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(ValueError) as raised:
        _run_check("Mayor Ann Lee spoke.\n", str(missing))
    assert str(raised.value) == f"names-file {missing}: cannot read it (No such file or directory)"


def test_names_file_that_is_not_utf8_names_the_line(linter: Linter, tmp_path: Path) -> None:
    names = tmp_path / "officials.txt"
    names.write_bytes("Dana Whitcombe\nJos\u00e9 Ib\u00e1\u00f1ez\n".encode("cp1252"))
    with pytest.raises(ValueError) as raised:
        _run_check("Mayor Ann Lee spoke.\n", str(names))
    message = str(raised.value)
    assert message == f"names-file {names}: not valid UTF-8 (byte 0xe9 on line 2); save it as UTF-8"
    assert "\n" not in message


def test_names_file_is_read_once_until_it_changes(
    linter: Linter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = tmp_path / "officials.txt"
    names.write_text("Marta Oyelaran\n", encoding="utf-8")
    opened: list[Path] = []
    real_open = Path.open

    def counting_open(self: Path, mode: str = "r", *args, **kwargs):
        if self == names and "r" in mode:
            opened.append(self)
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", counting_open)
    story = "Treasurer Marta Oyelaren spoke on Tuesday.\n"
    for _ in range(3):
        assert [f.suggestion for f in _lint(linter, story, options={"names-file": str(names)})] == ["Oyelaran"]
    assert len(opened) == 1
    # An edited list is read again: the cache key is the file's modification time and size.
    names.write_text("Marta Oyelaren\n", encoding="utf-8")
    stamp = names.stat().st_mtime_ns + 1_000_000_000
    os.utime(names, ns=(stamp, stamp))
    assert _lint(linter, story, options={"names-file": str(names)}) == []
    assert len(opened) == 2


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
        ("Howard", "Haward", "vowel swap"),  # Jaro's greedy matching alone scores it under the floor
        ("Hill", "Hil", "dropped letter (short name)"),  # a four-letter name undoubled
        ("Kovalenkov", "Kovalenkova", None),  # a Slavic surname's feminine form: his wife, not a slip
        ("Ivanov", "Ivanova", None),
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
    document = parsed_document(text)
    people = group_people(find_mentions(document))
    (stanek,) = [p for p in people if p.key == "stanek"]
    assert [m.surname.text for m in stanek.mentions] == ["Stanek", "Stanek", "Stanek"]
    assert all(p.key != "richard" for p in people)  # a first-name reference is not a surname


def test_variant_index_finds_exactly_what_a_full_comparison_finds() -> None:
    rng = random.Random(11)
    stems = ["Manger", "Kovac", "Halvorsen", "McKenzie", "José", "Abbott", "Feinstein", "Oyelaran", "Reid"]
    names = set(stems)
    # Single-letter edits of every kind, some of them patterns and most not; few enough per stem that
    # no bucket of the index reaches its cap (a hostile list of near-identical names would).
    for stem in stems:
        for _ in range(5):
            i = rng.randrange(len(stem))
            letter = rng.choice("aeioubcklnrstz")
            names |= {stem[:i] + letter + stem[i + 1 :], stem[:i] + stem[i + 1 :], stem[:i] + letter + stem[i:]}
    names |= {"MacKenzie", "Jose", "Abbot", "Feinstien", "Manger", "Menger", "Kovak"}
    listed = sorted(n for n in names if n and rng.random() < 0.5)
    index = VariantIndex(listed)
    for word in sorted(names):
        if not word:
            continue
        expected = {(n, misspelling_pattern(word, n)) for n in listed if misspelling_pattern(word, n)}
        assert set(index.variants(word)) == expected, word
        assert index.has_variant(word) is bool(expected)


def test_spans_overlap_like_a_full_scan() -> None:
    rng = random.Random(5)
    spans = [(s, s + rng.randint(1, 40)) for s in (rng.randrange(2000) for _ in range(300))]
    indexed = _Spans()
    for count, (start, end) in enumerate(spans, 1):
        indexed.add(start, end)
        for _ in range(20):
            a = rng.randrange(2050)
            b = a + rng.randint(1, 15)
            assert indexed.overlaps(a, b) is any(s < b and a < e for s, e in spans[:count])


_GIVEN = "Anna Ben Carla Dmitri Elena Farid Grace Hamid Ingrid Jonas Keiko Liam Maria Nadia Oscar Priya".split()
_OFFICES = ["Council member", "Harbour master", "Police Chief", "Councillor", "Principal", "Coach"]


def _long_story(size: int) -> str:
    """Many short synthetic stories in one input: hundreds of people, each named three times."""
    rng = random.Random(3)

    def surname() -> str:
        syllables = "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 3)))
        return syllables.capitalize() + rng.choice(["n", "r", "l", "s", "k", "nd", "rt"])

    paragraphs: list[str] = []
    while sum(len(p) + 2 for p in paragraphs) < size:
        paragraphs.append("Town Board Weighs New Harbour Plan")
        for given, name in [(rng.choice(_GIVEN), surname()) for _ in range(3)]:
            paragraphs += [
                f"{rng.choice(_OFFICES)} {given} {name} said the Harbour Trust would meet on Tuesday.",
                f"The Board met for two hours. Then {name} left, and the Mayor's Office said nothing.",
                f'"We will vote in March," said {name}. But the Chamber of Commerce disagreed.',
            ]
    return "\n\n".join(paragraphs) + "\n"


@pytest.fixture(scope="module")
def long_document(linter: Linter) -> Document:
    document = parsed_document(_long_story(30_000), "long.txt")
    return document


def test_long_input_compares_each_word_with_few_names(long_document: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    real = _names_variants.misspelling_pattern

    def counting(first: str, second: str) -> str | None:
        nonlocal calls
        calls += 1
        return real(first, second)

    for module in (_names_variants, name_spelling):
        monkeypatch.setattr(module, "misspelling_pattern", counting)
    assert list(load_checks()["name-spelling"].run(long_document)) == []
    # Comparing every capitalised word with every name made this quadratic (about 90,000 calls here).
    assert calls < len(long_document.text.split()) / 2



# --- candidates first, model second ------------------------------------------------------------


class _FakeDoc:
    """What the check reads from a parse: no entities (every name then rests on the text's cues)."""

    ents: tuple = ()


def _recording_document(text: str, parsed: list[str]) -> Document:
    def parse(piece: str) -> _FakeDoc:
        parsed.append(piece)
        return _FakeDoc()

    return Document.from_text("story.txt", text, parse=parse)


def test_a_story_with_no_candidate_pair_is_never_parsed() -> None:
    parsed: list[str] = []
    document = _recording_document(
        "Police Chief J. Thomas Manger said the meeting went well.\n\nMr Manger said he listened.\n", parsed
    )
    assert list(load_checks()["name-spelling"].run(document)) == []
    assert parsed == []


def test_only_the_sentences_holding_candidates_are_parsed() -> None:
    parsed: list[str] = []
    text = (
        "The council met on Monday. Police Chief J. Thomas Manger said the meeting went well. "
        "The budget passed without debate. Rates will rise by two per cent.\n\n"
        '"We listened more than we talked," said Menger. The next meeting is in March.\n'
    )
    document = _recording_document(text, parsed)
    findings = list(load_checks()["name-spelling"].run(document))
    assert [(f.suggestion, text[f.start : f.end]) for f in findings] == [("Manger", "Menger")]
    assert parsed == [
        "Police Chief J. Thomas Manger said the meeting went well. ",
        '"We listened more than we talked," said Menger. ',
    ]


def test_no_spacy_import_for_a_story_without_candidates() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from newslint.config import Config\n"
        "from newslint.engine import Linter, Source\n"
        "from newslint.registry import load_checks\n"
        "linter = Linter(load_checks(), Config(select=('name-spelling',)))\n"
        "result = linter.lint(Source('s.txt', text='Mayor Ann Lee spoke. Ms Lee said no. Lee left.'))\n"
        "assert not result.findings and not result.failures and not result.notices, result\n"
        "print('spacy' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_a_huge_single_line_is_parsed_in_bounded_pieces() -> None:
    from newslint.checks._candidates import MAX_PIECE

    paragraph = (
        "Harbour master Ellen Halvorsen said ferries would run until the bridge opens; "
        "Halvorson said the ferries were full, and Mr Halvorsen agreed with the board "
    )
    text = paragraph * (400_000 // len(paragraph))  # one line, no sentence ends
    parsed: list[str] = []
    findings = list(load_checks()["name-spelling"].run(_recording_document(text, parsed)))
    assert parsed and max(len(piece) for piece in parsed) <= MAX_PIECE
    assert {f.suggestion for f in findings} == {"Halvorsen"}


def test_long_runs_of_brackets_reach_the_model_as_spaces() -> None:
    from newslint.nlp import Pipeline, model_safe

    assert model_safe("Mayor (" + "(" * 100 + " Lee") == "Mayor " + " " * 101 + " Lee"
    assert model_safe("a normal sentence, (with brackets).") == "a normal sentence, (with brackets)."
    doc = Pipeline(None, {"ner"}).parser()("Mayor Ann Lee spoke. " + "(" * 4000 + "*" * 4000 + " Ms Lee left.")
    assert len(doc.text) == 21 + 8000 + 13  # offsets unchanged


def _near_identical_names(count: int) -> str:
    """A list of people whose names differ by a letter: one surname spelt four ways, given names all different."""
    rng = random.Random(4)
    surnames = ["Kowalski", "Kowalsky", "Kowalksi", "Kovalski"]
    lines = []
    for _ in range(count):
        given = "".join(rng.choice("bdfgklmnprst") + rng.choice("aeiou") for _ in range(3)).capitalize()
        lines.append(f"Councillor {given} {rng.choice(surnames)} said yes, and Mr {rng.choice(surnames)} agreed.")
    return "\n".join(lines) + "\n"


def _work(count: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """Comparisons the check makes on a list of ``count`` near-identical names (model left out)."""
    from newslint.checks import _name_parts, _people

    calls = 0

    def counted(function):
        def wrapper(*args, **kwargs):
            nonlocal calls
            calls += 1
            return function(*args, **kwargs)

        return wrapper

    with monkeypatch.context() as patch:
        for module in (_names_variants, name_spelling):
            patch.setattr(module, "misspelling_pattern", counted(_names_variants.misspelling_pattern))
        for module in (_name_parts, name_spelling):
            patch.setattr(module, "given_names_compatible", counted(_name_parts.given_names_compatible))
        patch.setattr(_people, "_looked_up_by", counted(_people._looked_up_by))
        document = _recording_document(_near_identical_names(count), [])
        list(load_checks()["name-spelling"].run(document))
    return calls


def test_grouping_near_identical_names_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    # Comparing every person with every other of the same surname made a 78 KB list take minutes.
    small, large = _work(500, monkeypatch), _work(2_000, monkeypatch)
    assert large < 6 * small, (small, large)  # four times the names: about four times the work


def test_grouping_near_identical_names_time_grows_linearly() -> None:
    import time

    def seconds(count: int) -> float:
        document = _recording_document(_near_identical_names(count), [])
        began = time.perf_counter()
        list(load_checks()["name-spelling"].run(document))
        return time.perf_counter() - began

    seconds(200)  # warm the memo tables and word lists
    small, large = seconds(1_000), seconds(4_000)
    assert large < 10 * small, (small, large)  # quadratic would be about 16 times


def test_post_nominals_are_not_surnames() -> None:
    for written, surname in [
        ("Sarah MacLeod QC", "MacLeod"), ("John Smith MP", "Smith"), ("Martin Luther King Jr.", "King"),
        ("Henry Ford II", "Ford"), ("Jane Roe PhD", "Roe"), ("Sir John Smith KBE QC", "Smith"),
    ]:
        mention = _mention(written)
        assert mention.surname.text == surname, written


def test_five_letter_names_need_one_person_of_each_spelling(linter: Linter) -> None:
    text = (
        "Prime Minister Gordon Brawn spoke first. Mr Brawn said the budget was fair.\n\n"
        "Mr Bawn later played table tennis with students.\n"
    )
    assert [f.suggestion for f in _lint(linter, text)] == ["Brawn"]
    # Another person spelt the short way: no finding.
    text = text.replace("Mr Bawn later", "Council member Ruth Bawn later")
    assert _lint(linter, text) == []


def test_even_evidence_suggests_nothing(linter: Linter) -> None:
    text = (
        "Port director Thomas Brannvoll presented the budget.\n\n"
        "Mr Brannvoll said it was balanced. Thomas Branvoll then answered questions, and Mr Branvoll left.\n"
    )
    findings = _lint(linter, text)
    assert [(f.text, f.suggestion) for f in findings] == [("Branvoll", None), ("Branvoll", None)]
    assert all("conflicts with" in f.message for f in findings)


def test_once_each_way_the_census_list_decides(linter: Linter) -> None:
    text = (
        "Opposition leader Margaret Hendreson called for an inquiry on Wednesday.\n\n"
        "Ms Henderson said the reservoirs were at their lowest level in 20 years.\n"
    )
    findings = _lint(linter, text)
    assert [(f.text, f.suggestion) for f in findings] == [("Hendreson", "Henderson")]


def test_a_spelling_the_story_writes_in_lowercase_has_no_census_lead(linter: Linter) -> None:
    # "Hook" is the commoner surname, but a slip into a word is no rarer for that.
    text = (
        "Council head Mitch Hook said the hook on the crane had failed.\n\n"
        "Mr Hooke said the site would stay closed.\n"
    )
    findings = _lint(linter, text)
    assert [(f.text, f.suggestion) for f in findings] == [("Hooke", None)]
    assert "conflicts with" in findings[0].message


def test_names_the_tagger_mislabels_are_found_by_their_cues() -> None:
    text = (
        "The new coach Amadeu Varzim named the squad. Varzem told reporters. "
        "Oskar Krsvedt spoke later. Karsvedt said the road was closed."
    )

    def span(word: str, label: str) -> Entity:
        start = text.index(word)
        return Entity(start, start + len(word), label, word, " " in word)

    found = [span("Amadeu Varzim", "ORG"), span("Oskar Krsvedt", "WORK_OF_ART"), span("Karsvedt", "PERSON")]
    names = {(tuple(p.text for p in m.given), m.surname.text, m.cue) for m in mentions_in(text, found)}
    assert (("Amadeu",), "Varzim", "title") in names  # a lowercase role before a full name
    assert (("Oskar",), "Krsvedt", "variant") in names  # a full name a slip away from a person's surname


def test_a_lone_given_name_the_tagger_did_not_call_a_person_can_be_a_surname() -> None:
    text = (
        "The new coach Artur Vicnete named six players. Midfielder Vicente Lopes is among them. "
        "It will be Vicente's first match in charge."
    )

    def span(word: str, label: str, after: int = 0) -> Entity:
        start = text.index(word, after)
        return Entity(start, start + len(word), label, word, " " in word)

    found = [span("Artur Vicnete", "ORG"), span("Vicente Lopes", "PERSON"), span("Vicente", "ORG", text.index("be "))]
    people = group_people(mentions_in(text, found))
    vicente = [(m.surname.text, m.cue) for p in people if p.key == "vicente" for m in p.mentions]
    assert vicente == [("Vicente", "variant")]
    lopes = next(p for p in people if p.key == "lopes")
    assert [g.text for g in lopes.mentions[0].given] == ["Vicente"]  # "Midfielder" is a role, not a given name


def test_edge_forms_of_names_neither_crash_nor_hide_a_slip() -> None:
    from newslint.checks._mentions import find_mentions

    from newslint.config import Config
    from newslint.engine import Linter, Source
    from newslint.nlp import Pipeline
    from newslint.readers import read_document
    from newslint.registry import load_checks

    linter = Linter(load_checks(), Config(select=("name-spelling",)))
    # A surname that is itself an article's form ("Ash", "Al") is no "al-…" name.
    story = "Vote\n\nMichael Ash spoke. Later Micheal Ash said no. Al Ashe agreed.\n"
    result = linter.lint(Source("a.txt", text=story))
    assert not result.failures
    # "-born" is no birth name: "Jo Halvorsen" stays a full name, and the slip after it is found.
    story = "Vote\n\nThe Ohio-born Senator Jo Halvorsen spoke.\n\nHalvorson said no.\n"
    result = linter.lint(Source("b.txt", text=story))
    assert [(f.line, f.text) for f in result.findings] == [(5, "Halvorson")]
    # A surname written first: one mention, its span from the surname to the given name.
    document = read_document("c.txt", "Mayor Chen Mei-ling said no.", Pipeline(None, {"ner"}).parser())
    mentions = find_mentions(document)
    assert [(m.surname.text, m.start, m.end) for m in mentions] == [("Chen", 6, 19)]
