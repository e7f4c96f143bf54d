import pytest
from newslint.checks._group_counts import find_group_counts

from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.registry import load_checks


def claims(text: str) -> list[str]:
    linter = Linter(load_checks(), Config(select=("count-claim",)))
    return [f.message for f in linter.lint(Source("story.txt", text=text)).findings]


@pytest.mark.parametrize(
    ("sentence", "quoted"),
    [
        ("He was one of the 13 officials who met the mayor.", "13 officials"),
        ("He was one of the thirteen officials who met the mayor.", "thirteen officials"),
        ("She was among the 1,200 workers laid off.", "1,200 workers"),
        ("Two of the three suspects were freed.", "three suspects"),
        ("One of six executives indicted resigned.", "six executives"),
        ("Six of the 15 on board were rescued.", "Six of the 15"),
        ("All twenty-one senators voted yes.", "twenty-one senators"),
        ("The 13 senior U.S. officials flew home.", "13 senior U.S. officials"),
        ("The other 14 council members backed him.", "14 council members"),
        ("Ten of the 72 Scottish seats changed hands.", "72 Scottish seats"),
    ],
)
def test_group_counts_are_quoted_with_their_noun(sentence: str, quoted: str) -> None:
    assert claims(sentence) == [f'count to verify: "{quoted}"']


@pytest.mark.parametrize(
    "sentence",
    [
        "The $13 million plan passed.",
        "Turnout rose 13 percent among the 40% who voted.",
        "The 50 metres final was held on Jan. 13.",
        "Among the 40-year-old men, one was hurt.",
        "The 12 months of talks ended at 10:30 a.m.",
        "The Hawks won 3-1 with the two goals late.",
        "The 1996 Olympics opened in the 1990s with the 2,000 square feet of new space.",
        "He lives at 221 Baker Street.",
        "One of the two men was hurt.",  # "the two" points back at a pair already named
        "The two sides met.",
        "About 40 passengers and more than 100 people were among the roughly 300 guests.",
        "Two or three officials spoke.",
        "The top five teams and the last three races were close.",
        "He was one of the 140 million people who voted.",
        "Police arrested 14 people.",  # a plain tally, not a stated group size
        "Flight 93 passengers are remembered.",
        "Number 10 officials said so.",
    ],
)
def test_numbers_that_do_not_state_a_group_size_are_silent(sentence: str) -> None:
    assert claims(sentence) == []


def test_one_finding_per_group() -> None:
    text = "He is one of the 13 officials who met.\n\nThe 13 officials agreed.\n\nAll thirteen officials left.\n"
    assert claims(text) == ['count to verify: "13 officials"']


def test_a_count_the_story_confirms_by_naming_every_member_is_not_a_claim() -> None:
    assert claims("The three suspects, Tom Reyes, Ann Li and Carl Moss, were charged.") == []
    assert claims("The three suspects, Tom Reyes and Ann Li, were charged.") == []  # that is a count-mismatch


def test_group_count_fields() -> None:
    [count] = find_group_counts("Officials from three communities met.")
    assert (count.value, count.noun, count.kind, count.anchor) == (3, "communities", "bare", ("officials", "from"))
    [count] = find_group_counts("two of the three suspects")
    assert (count.part, count.value, count.kind, count.definite) == (2, 3, "partitive", True)
    [count] = find_group_counts("a dozen senators")
    assert (count.value, count.round_figure) == (12, True)


def test_a_general_word_for_people_already_counted_is_not_a_new_claim() -> None:
    text = "The three prison guards were freed.\n\nThe three men flew home.\n\nThe four men who drove them stayed.\n"
    assert claims(text) == ['count to verify: "three prison guards"', 'count to verify: "four men"']


@pytest.mark.parametrize(
    "sentence",
    [
        "The five boroughs - Manhattan, Brooklyn, Queens, the Bronx and Staten Island - voted.",
        "The band's four members - John, Paul, George and Ringo - played on.",
        "The band's four members – John, Paul, George and Ringo – played on.",
    ],
)
def test_a_list_set_off_by_spaced_dashes_confirms_the_count(sentence: str) -> None:
    assert claims(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Aid workers counted the 600 babies born in the camps weekly.",
        "The dealer showed the 40 cars sold each day.",
        "Officials tallied the 300 trucks that cross the border every year.",
        "The ministry cited the 12 new schools built annually.",
        "He tracked the 30 flights landing there a day.",
        "She counted the 25 patients treated per month.",
        "Regulators fined the 15 banks audited each month.",
    ],
)
def test_a_rate_is_not_a_group_size(sentence: str) -> None:
    assert claims(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "quoted"),
    [
        ("One of the three men jailed a year ago spoke.", "three men"),
        ("The 12 jurors who deliberated for a day agreed.", "12 jurors"),
        ("The four officers, who meet weekly, were cleared.", "four officers"),  # the rate is in another clause
    ],
)
def test_a_time_phrase_that_is_not_a_rate_keeps_the_count(sentence: str, quoted: str) -> None:
    assert claims(sentence) == [f'count to verify: "{quoted}"']


def test_group_counts_do_not_carry_unused_fields() -> None:
    [count] = find_group_counts("the thirteen officials")
    assert not hasattr(count, "written_as_word")


@pytest.mark.parametrize(
    "sentence",
    [
        "The three men were each given a year in jail.",
        "The three men who spent a year in prison were freed.",
        "The 13 officials told the Daily Telegraph they would resign.",
    ],
)
def test_a_year_in_the_middle_of_a_clause_or_a_capitalised_name_is_not_a_rate(sentence: str) -> None:
    assert len(claims(sentence)) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "She starred in the film The Four Seasons of Lisbon.",  # a title
        "One of the Six Nations sides lost on Saturday.",  # a name
        "He went to the 9th annual awards.",  # an ordinal
        "He is the 81 year-old. She met the 81 year old men.",  # ages written without a hyphen
        "See all 57 stories",  # page furniture
        "View 12 photos »",
        "The three aims of the festival – for money, fame, or beauty – were never his.",  # named on the spot
        "The five breeds most often involved were chow chows, boxers, beagles, pugs and collies.",
        "Australia won all four tests against Italy, Scotland, Ireland and Wales, and scored 414 points.",
        "IF YOU COUNT THE 12,223 EFP CONTRACTS ISSUED, WE GAINED.",  # all-capital text
        "His book 20 Lessons sold well.",
        "The three principles of the jury had not changed.",  # ideas, not members of a group
    ],
)
def test_names_titles_ordinals_ages_furniture_and_lists_on_the_spot_are_not_claims(sentence: str) -> None:
    assert claims(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "quoted"),
    [
        ("Corbel is one of the top five insurers in the state.", "top five insurers"),
        ("She is one of the top 20 players in the rankings.", "top 20 players"),
        ("He is among the top 10 scorers this season.", "top 10 scorers"),
        ("It was one of three home matches in March.", "three home matches"),
        ("A letter signed by 47 of 73 Inspectors General went out.", "73 Inspectors General"),
        ("All four crew members were rescued.", "four crew members"),
    ],
)
def test_rankings_and_whole_group_names_are_claims(sentence: str, quoted: str) -> None:
    assert claims(sentence) == [f'count to verify: "{quoted}"']


def test_a_back_reference_under_another_noun_is_not_a_second_claim() -> None:
    text = ("Troops killed three armed smugglers on Tuesday. The three smugglers had crossed before dawn. "
            "A crew later found the bodies of the three gunmen.\n")
    assert claims(text) == ['count to verify: "three smugglers"']


HOSTILE_NUMBERS = [
    "The park covers 5 km² of land.",
    "One of the 4² officials met. The 5 ₂ officials left. One of the ²³ officials spoke.",
    "One of the 13 officials met.".replace("13", "１３"),  # full-width digits are not numerals here
    "One of the " + "9" * 5000 + " officials met.",
    "One of the " + "9" * 400 + ".5 million officials met.",
    "Among the " + "1," * 3000 + "000 officials were two mayors.",
]


@pytest.mark.parametrize("text", HOSTILE_NUMBERS, ids=range(len(HOSTILE_NUMBERS)))
def test_digits_that_are_not_ascii_and_numbers_too_long_to_count_never_fail_the_count_checks(text: str) -> None:
    linter = Linter(load_checks(), Config(select=("count-claim", "count-mismatch")))
    result = linter.lint(Source("story.txt", text=text))
    assert result.failures == ()
    assert result.findings == ()


def test_a_superscript_from_an_html_entity_never_fails_the_count_checks() -> None:
    linter = Linter(load_checks(), Config(select=("count-claim", "count-mismatch")))
    html = "<p>The park covers 5 km&sup2; and one of the 4&sup2; officials.</p>"
    result = linter.lint(Source("story.html", text=html))
    assert result.failures == () and result.findings == ()
