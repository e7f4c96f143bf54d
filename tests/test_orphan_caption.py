import pytest
from fixture_support import growth

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


def lint_doc(path: str, text: str, **config) -> list:
    linter = Linter(load_checks(), Config(select=("orphan-caption",), **config))
    return list(linter.lint(Source(path, text=text)).findings)


def caption_growth(make, small: int, factor: int = 4) -> float:
    """How much longer orphan-caption takes on ``make(factor * small)`` than on ``make(small)``."""
    linter = Linter(load_checks(), Config(select=("orphan-caption",)))
    return growth(lambda size: linter.lint(Source("x.txt", text=make(size))), small, factor)


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "Jane Roe / Reuters\n" * n,  # no blank lines: a paragraph walk per credit line was quadratic
        lambda n: "Jane Roe / Reuters\nA man walks past a shop in Riverton, Oct. 10, 2024.\n\n" * n,
        lambda n: "The mayor speaks.\n\nPhoto\n\n" * n,
        # One line that grows: a pattern that walks a run of spaces (or one word) from every position is quadratic.
        lambda n: "Photo: Jane Roe/Reuters\n\nA " + " " * (10 * n) + "crowd (left) gathers.\n",
        lambda n: "Photo: Jane Roe/Reuters\n\nJo A" + "a" * (10 * n) + ", founder of it\n",
    ],
    ids=["credits-without-blank-lines", "credit-and-caption-pairs", "residue", "spaces-in-a-caption",
         "one-long-word-beside-a-credit"],
)
def test_work_grows_linearly_with_the_text(make) -> None:
    # Four times the text: about four times the work. A walk per credit line over the whole run was 16 times.
    assert caption_growth(make, 1500) < 9


@pytest.mark.parametrize(
    "credit",
    ["Photographer: Aleksi Varga/Getty Images", "Photo by Nadia Orel/Reuters", "(Juno Pell/AFP/Getty Images)",
     "(Credit: Bea Strand/Valley Wire)", "Courtesy of NASA", "Via Facebook", "Source: Reuters", "© Lise Harrow",
     "Mandatory Credit: Pim Okonjo-USA TODAY Sports", "Credit: Sana Ruel/Merrow Valley Press",
     "Animation by Jo Lee. Photo by Kim Ray/AFP", "Left: Illustration courtesy of the archive. Right: Photo by Kim Ray",
     "By Kim Ray/WireImage", "Ines Marlow/for The Larkspur Ledger", "Photo credits"],
)
def test_more_credit_forms_are_reported(credit: str) -> None:
    findings = lint(f"The river rose overnight.\n\n{credit}\n\nResidents were evacuated, the county said.\n")
    assert [f.line for f in findings] == [3], credit


@pytest.mark.parametrize(
    "line",
    ["Commuters cross the bridge on its first morning, June 6, 2025. (AP Photo)",
     "Crews lower the last deck section into place [GETTY]",
     "Mayor Odile Fennick cuts the ribbon. Credit Tomas Brenner/The Larkspur Ledger",
     "A cyclist rides the new path. Photograph: Ines Marlow for the Courier",
     "Engineer Ravi Daskal with the 1961 drawings. Photo courtesy Ravi Daskal",
     "Boats pass under the span at dusk. Kim Ostrava/Getty Images",
     "Kim Ostrava/Getty ImagesA tugboat guides a barge past the pier.",
     "Residents lined the quay. (Marta Vell/Reuters)",
     "Boats pass under the span at dusk. The Larkspur Times"],
)
def test_a_caption_with_its_credit_on_the_line(line: str) -> None:
    findings = lint(f"Bridge reopens\n\nThe bridge reopened on Friday, the city said.\n\n{line}\n")
    assert [f.line for f in findings] == [5], line


@pytest.mark.parametrize(
    "line",
    ["Photos", "Pictures", "Photography", "Flickr", "Getty", "Photos: Harbour festival in pictures",
     "Credit card fees will be dropped, the authority said.", "(Reporting by Maren Toll; Editing by Aldo Brisk)",
     "© 2025 Example Media. All rights reserved.", "Dana Oyelaran for CNN", "Credit Control",
     "Watch the festival highlights [VIDEO]", "Which phones will last longest? (Ask Maggie)",
     "Photographs by Jo Lee hang in the town hall until May."],
)
def test_nav_words_bylines_and_copy_stay_silent(line: str) -> None:
    text = f"Headline\n\nThe council met on Monday, a spokesperson said.\n\n{line}\n\nMore copy here, he said.\n"
    assert lint(text) == []


def test_a_caption_printed_twice_is_reported_twice() -> None:
    caption = "Volunteers fill sandbags outside the fire station in Hollin, Feb. 11, 2025."
    text = f"Headline\n\n{caption}\n\nPhoto by Greta Lind/Reuters\n\nCopy, the council said.\n\n{caption}\n"
    assert [f.line for f in lint(text)] == [3, 5, 9]


def test_figcaption_beside_an_image_outside_a_figure_is_with_its_photo() -> None:
    page = ("<html><body><article><h1>Tram opens</h1><p>The first trams ran on Monday, the authority said.</p>"
            '<div class="photo"><img src="a.jpg"><figcaption>Commuters wait at Quarry Road.</figcaption>'
            '<p class="credit">Kim Ostrava / AFP</p></div><p>The line cost 310 million euros.</p>'
            "<p>Aldo Brisk / Reuters</p></article></body></html>")
    for scope in ("article", "page"):
        findings = lint_doc("page.html", page, html_scope=scope)
        assert [f.message for f in findings] == ['"Aldo Brisk / Reuters" is a photo credit with no photo'], scope


@pytest.mark.parametrize("caption", [
    "Mayor Jo Hart (far left) greets the rowing crew at the quay.",
    "Mayor Jo Hart (second from right) greets the rowing crew at the quay.",
    "Mayor Jo Hart, left, greets the rowing crew at the quay.",
    "Mayor Jo Hart and Ines Varga, from left, greet the rowing crew at the quay.",
    "Mayor Jo Hart and Ines Varga, left to right, greet the rowing crew at the quay.",
    "The quay, then and now. Left, the old harbour master greets a crew. Right, the new berths.",
])
def test_where_a_person_stands_in_the_picture_is_a_sign_of_a_caption(caption: str) -> None:
    # Beside an agency's name alone, a caption must show two signs: the present tense, and here the position
    # (whose "left" is no past tense).
    story = "Headline\n\nReuters\n\n{}\n\nThe crew left.\n"
    assert [f.line for f in lint(story.format(caption))] == [3, 5]
    assert lint(story.format("Mayor Jo Hart greets the rowing crew at the quay.")) == []


@pytest.mark.parametrize(
    ("sentence", "present"),
    [
        ("Volunteers hand out candles at the north entrance.", True),
        # A participle is no second tense: "scarred by" leaves "meets with" a caption's present.
        ("Mayor Jo Hart meets with chiefs from three towns scarred by floods last year, in the town hall.", True),
        ("Goldens are patient, which makes them easy to train.", False),  # "them" is no object "the"
    ],
)
def test_the_present_tense_of_a_caption(sentence: str, present: bool) -> None:
    from newslint.checks._captions import reads_present_tense

    assert reads_present_tense(sentence) is present
