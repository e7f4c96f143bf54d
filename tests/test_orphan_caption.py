import pytest

from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.registry import load_checks


def lint(text: str, **options) -> list:
    config = Config(select=("orphan-caption",), check_options={"orphan-caption": options} if options else {})
    return list(Linter(load_checks(), config).lint(Source("story.txt", text=text)).findings)


@pytest.mark.parametrize(
    "credit",
    ["Jason Park / Reuters", "REUTERS/Jane Doe", "Photo: Ann Lee, AP", "(AP Photo/Evan Vance)",
     "Nora Quinn | Bloomberg | Getty Images", "Getty Images", "Photo by Kim Ray on Unsplash",
     "Featured Image via Getty Images/Ray Moss", "Photo Credit: Lou Ford / Shutterstock.com",
     "Paul Ames/AFP via Getty Images", "Image copyright Getty Images"],
)
def test_credit_lines_are_reported(credit: str) -> None:
    findings = lint(f"The river rose overnight.\n\n{credit}\n\nResidents were evacuated.\n")
    assert [f.line for f in findings] == [3]


@pytest.mark.parametrize(
    "text",
    ["Reuters reported the figures on Monday.",
     "Photographer Ann Lee / a freelancer for years / said the picture was real.",
     "Photo opportunities were limited, organisers said, because of the rain and the crowd that gathered."],
)
def test_mentions_of_agencies_in_copy_stay_silent(text: str) -> None:
    findings = lint(f"Headline\n\n{text}\n")
    assert findings == []


def test_a_caption_needs_a_credit_next_to_it() -> None:
    caption = "Mayor Jo Hart speaks to reporters outside city hall in Springfield, May 2, 2022."
    assert lint(f"Headline\n\n{caption}\n\nThe mayor left.\n") == []
    findings = lint(f"Headline\n\nKay Moss / Reuters\n\n{caption}\n\nThe mayor left.\n")
    assert [f.line for f in findings] == [3, 5]


def test_quoted_copy_next_to_a_credit_is_not_a_caption() -> None:
    text = '"We will rebuild," Hart said as she walks the site.\n\nKay Moss / Reuters\n\nThe mayor left.\n'
    assert [f.line for f in lint(text)] == [3]


def test_caption_with_its_credit_in_parentheses() -> None:
    text = "Body copy here.\n\nFirefighters battle the blaze near Route 9 on Sunday. (Photo: Lee Ann Park/AP)\n"
    assert [f.line for f in lint(text)] == [3]


def test_newsroom_agencies_from_configuration() -> None:
    text = "Body copy.\n\nJo Reed / Valley Courier\n"
    assert lint(text) == []
    assert [f.line for f in lint(text, **{"extra-agencies": ["Valley Courier"]})] == [3]


def test_a_news_agency_alone_on_a_line_is_a_credit_only_beside_a_caption() -> None:
    byline = "Headline\n\nBy JANE ROE\nReuters\n\nThe council voted on Monday to close the depot.\n"
    assert lint(byline) == []
    caption = (
        "Body copy.\n\nReuters\n\n"
        "A firefighter walks past a burning house near Route 9 in Dover, Del., Aug. 2, 2023.\n"
    )
    assert [f.line for f in lint(caption)] == [3, 5]
