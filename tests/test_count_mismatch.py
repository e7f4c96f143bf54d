
import pytest
from fixture_support import growth
from newslint.checks import _count_analysis
from newslint.checks._enumerations import read_enumeration
from newslint.checks._group_counts import find_group_counts

from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.registry import load_checks


def mismatches(text: str) -> list[str]:
    linter = Linter(load_checks(), Config(select=("count-mismatch",)))
    return [f.message for f in linter.lint(Source("story.txt", text=text)).findings]


def test_the_reference_pattern_with_three_named_places_is_silent() -> None:
    text = (
        "The mayor meets with fire chiefs from three towns hit by floods, in City Hall, May 2, 2019.\n\n"
        "Among those present were the fire chiefs from Aurora, Colo.; Oak Creek, Wis. and Newtown, Conn., "
        "the towns that lost the most homes.\n"
    )
    assert mismatches(text) == []
    four = text.replace("Oak Creek, Wis. and", "Oak Creek, Wis.; Dover, Del. and")
    [message] = mismatches(four)
    assert message.startswith('"three towns" but 4 are named later (line 3): Aurora, Colo.; Oak Creek, Wis.;')


@pytest.mark.parametrize(
    "sentence",
    [
        "The two nations, France and Germany, agreed.",
        "The four nations: England, Scotland, Wales and Northern Ireland.",
        "He toured the three cities: New York, Los Angeles and Washington, D.C.",
        "He visited two cities, Springfield, Illinois, and Paris.",
        "The two senators, Sens. Ann Hale, R-Ariz., and Joe Ruiz, D-Conn., spoke.",
        "The three suspects, Tom Reyes, 24, Ann Li, 31, and Carl Moss, 19, were charged.",
        "The two firms, Ford Motor Co. and General Motors Corp., said so.",
        "The two countries, Trinidad and Tobago and Jamaica, signed.",
        "Police arrested three men, Smith and Jones said.",
        "He met three officials, including Smith and Jones.",
        "He met three officials: Smith, Jones and others.",
        "He met three officials: Smith, Jones, etc.",
        "He met his number 10 and 11 batsmen, Ann Lee and Bo Ray, at lunch.",
    ],
)
def test_lists_that_agree_or_are_not_the_whole_group_are_silent(sentence: str) -> None:
    assert mismatches(sentence) == []


def test_two_counts_for_the_same_group() -> None:
    text = "The 13 officials met.\n\nLater the 12 officials agreed.\n"
    assert mismatches(text) == ['"12 officials" but the story gave the group as "13 officials" (line 1)']


@pytest.mark.parametrize(
    "text",
    [
        "One of the 13 officials spoke.\n\nThe 13 officials agreed.\n",
        "The 13 officials met.\n\nThe 12 other officials agreed.\n",
        "The 13 officials met.\n\nThe 12 officials who signed the letter left.\n",
        "His 13 officials met.\n\nTheir 12 officials agreed.\n",
        "The two men were held.\n\nThe three men were freed.\n",
    ],
)
def test_differently_qualified_groups_are_not_compared(text: str) -> None:
    assert mismatches(text) == []


def test_part_larger_than_the_whole() -> None:
    assert mismatches("Five of the four trustees voted.") == [
        '"Five of the four trustees": the part (5) is larger than the whole group (4)'
    ]
    assert mismatches("Three of his four children came. Game 5 of the 3 games.") == []


def test_read_enumeration_merges_places_with_their_states() -> None:
    text = "Aurora, Colo.; Oak Creek, Wis. and Newtown, Conn., the sites"
    enumeration = read_enumeration(text, 0)
    assert enumeration is not None
    assert enumeration.items == ("Aurora, Colo.", "Oak Creek, Wis.", "Newtown, Conn.")
    assert enumeration.size == 3


def test_read_enumeration_keeps_both_readings_of_a_state_name() -> None:
    enumeration = read_enumeration("Armenia, Georgia and Azerbaijan.", 0)
    assert enumeration is not None and enumeration.sizes == {2, 3} and enumeration.size is None


def test_read_enumeration_needs_a_closed_list() -> None:
    assert read_enumeration("Israel and Lebanon said on Tuesday", 0) is None
    assert read_enumeration("Bosnia and Herzegovina, Croatia and Serbia.", 0) is not None
    assert read_enumeration("Aurora, Newtown, Oak Creek.", 0) is None  # no "and": not a complete list


def test_estimates_are_not_compared_with_lists() -> None:
    assert mismatches("At least three families, the Smiths and the Joneses, left.") == []
    assert [c.approximate for c in find_group_counts("more than 100 people and 12 people")] == [True, False]


@pytest.mark.parametrize(
    "text",
    [
        "Police chiefs from three communities: Aurora, Oak Creek,\nNewtown and Tucson.\n",
        "Police chiefs from three communities: Aurora, Oak Creek, Newtown and\nTucson.\n",
        "Police chiefs from three communities: Aurora,\nOak Creek, Newtown and Tucson.\n",
    ],
)
def test_a_list_hard_wrapped_after_a_comma_or_and_is_read(text: str) -> None:
    [message] = mismatches(text)
    assert message.startswith('"three communities" but 4 are named')


def test_a_paragraph_break_ends_a_list() -> None:
    assert read_enumeration("Aurora, Oak Creek,\n\nNewtown and Tucson.", 0) is None


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("The five boroughs - Manhattan, Brooklyn, Queens and the Bronx - voted.", 4),
        ("The band's three members - John, Paul, George and Ringo - played.", 4),
        ("The band's three members – John, Paul, George and Ringo – played.", 4),
    ],
)
def test_a_list_set_off_by_spaced_dashes_names_the_group(sentence: str, named: int) -> None:
    [message] = mismatches(sentence)
    assert f"but {named} are named" in message


def test_rates_are_not_group_sizes() -> None:
    text = "The 600 babies born weekly were counted.\n\nLater the 500 babies born weekly were counted.\n"
    assert mismatches(text) == []


def _synthetic_story(size: int) -> str:
    """Paragraphs with anchored counts whose members are never listed, repeated to ``size`` characters."""
    paragraphs = [
        "Delegates from five nations attended, and workers from 30 factories joined farmers from nine villages.",
        "Police chiefs from four communities: Aurora, Oak Creek, Newtown and Tucson. The 40 passengers were safe.",
        "One of the 13 officials who met the mayor said the 13 officials would meet again.",
    ]
    text = "\n\n".join(paragraphs)
    return "\n\n".join([text] * (size // len(text) + 1)) + "\n"


def test_a_long_story_of_consistent_paragraphs_stays_silent() -> None:
    # Speed on long texts is measured in bench/counts_corpus.py, not asserted here (timings are noisy).
    assert mismatches(_synthetic_story(300_000)) == []


def test_count_claim_and_count_mismatch_share_one_analysis_of_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = _count_analysis.find_group_counts

    def counting(text: str):
        calls.append(text)
        return original(text)

    monkeypatch.setattr(_count_analysis, "find_group_counts", counting)
    text = "Police chiefs from three communities: Aurora, Oak Creek, Newtown and Tucson.\n\nThe 13 officials met.\n"
    linter = Linter(load_checks(), Config(select=("count-claim", "count-mismatch")))
    findings = linter.lint(Source("story.txt", text=text)).findings
    assert sorted(f.check for f in findings) == ["count-claim", "count-mismatch"]
    assert len(calls) == 1


CAPTION_THEN_LIST = (
    "The mayor meets firefighters from four towns hit by the storm, Feb. 5, 2019.\n\n"
    "She said the county could not cover the repairs alone.\n\n"
    "Among those who came were the firefighters from Marlow Cross, Kent; Pellbury, Bucks. and Oakhithe, Devon.\n"
)


def test_a_list_two_paragraphs_after_the_count_that_names_fewer_contradicts_it() -> None:
    [message] = mismatches(CAPTION_THEN_LIST)
    assert message == ('"four towns" but 3 are named later (line 5): Marlow Cross, Kent; Pellbury, Bucks.; '
                       "Oakhithe, Devon")
    four = CAPTION_THEN_LIST.replace("Bucks. and", "Bucks.; Tarnhurst, Kent and")
    assert mismatches(four) == []


def test_a_later_list_that_names_a_part_of_the_group_may_name_fewer() -> None:
    text = CAPTION_THEN_LIST.replace("were the firefighters", "were two of the firefighters")
    assert mismatches(text) == []
    text = CAPTION_THEN_LIST.replace("Among those who came were the", "Crews came, including the")
    assert mismatches(text) == []


def test_a_list_parted_by_semicolons_keeps_the_commas_inside_its_items() -> None:
    enumeration = read_enumeration("Marlow Cross, Kent; Pellbury, Bucks. and Oakhithe, Devon, the towns", 0)
    assert enumeration is not None and enumeration.size == 3
    assert enumeration.items == ("Marlow Cross, Kent", "Pellbury, Bucks.", "Oakhithe, Devon")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ann Roe, one of the 9 trustees who signed the letter, spoke.\n\nThe 8 trustees also wrote.\n",
         ['"8 trustees" but the story gave the group as "9 trustees" (line 1)']),
        ("Ann Roe, one of the 9 trustees, spoke.\n\nThe 12 trustees also wrote.\n",
         ['"12 trustees" but the story gave the group as "9 trustees" (line 1)']),
        # the signers may be a part of a larger board, never more than it
        ("Ann Roe, one of the 9 trustees who signed the letter, spoke.\n\nThe 12 trustees also wrote.\n", []),
        ("The 8 trustees met.\n\nAnn Roe, one of the 9 trustees who signed the letter, spoke.\n",
         ['"9 trustees" but the story gave the group as "8 trustees" (line 1)']),
        ("The 12 trustees met.\n\nAnn Roe, one of the 9 trustees who signed the letter, spoke.\n", []),
        ("Ann Roe, one of the 9 trustees who signed, spoke.\n\nThe 9 trustees also wrote.\n", []),
    ],
)
def test_one_of_the_n_and_the_n_are_sizes_of_one_group(text: str, expected: list[str]) -> None:
    assert mismatches(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The firm lost 48 million dollars last year and made a profit of 12 million dollars this year.",
        "The firm lost 48 million Australian dollars and later 12 million Australian dollars.",
        "It bought back 5 million of the 20 million shares. The 20 million shares and the 18 million shares.",
        "The 3 per cent rise and the 4 per cent fall. The 50 kilometres and the 40 kilometres of track.",
        "The firm sold 20,000 of the three models it makes.",
        "The three publishers sued. Two more publishers joined on Monday. All five publishers want damages.",
        "The three publishers sued. Other publishers joined on Monday. All five publishers want damages.",
        "The three publishers sued. Two more joined on Monday. All five publishers want damages.",
    ],
)
def test_amounts_and_groups_that_changed_are_not_compared(text: str) -> None:
    assert mismatches(text + "\n") == []


def test_a_part_larger_than_the_whole_is_still_reported_when_it_counts_the_same_things() -> None:
    assert mismatches("Twelve of the 11 players were fined.") == [
        '"Twelve of the 11 players": the part (12) is larger than the whole group (11)'
    ]




@pytest.mark.parametrize("one_line", [False, True], ids=["paragraphs", "one long line"])
def test_the_count_and_date_analyses_grow_in_proportion_to_the_text(one_line: bool) -> None:
    # A ratio of two runs in one test, never an absolute time: 4x the text must not take 16x the time
    # (quadratic); linear is 4x, and the bound leaves room for a busy machine. bench/counts_corpus.py
    # records the times at 250 KB and 1 MB.
    linter = Linter(load_checks(), Config(select=("count-claim", "count-mismatch", "date-weekday")))

    def lint(size: int) -> None:
        text = _synthetic_story(size)
        linter.lint(Source("story.txt", text=text.replace("\n", " ") if one_line else text))

    assert growth(lint, 50_000) < 8
