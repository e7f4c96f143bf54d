"""Document: lines, blocks and the one offset → (line, column) map."""

import datetime

import pytest

from newslint.document import Document, Segment, SourceMap, publication_date


def test_positions_are_one_based_lines_and_columns() -> None:
    document = Document.from_text("s.txt", "first line\nsecond line\n\nfourth")
    assert document.position(0) == (1, 1)
    assert document.position(document.text.index("line", 11)) == (2, 8)
    assert document.position(document.text.index("fourth")) == (4, 1)


def test_crlf_and_cr_give_the_same_positions_as_lf() -> None:
    texts = ["a\nbb\n\nccc", "a\r\nbb\r\n\r\nccc", "a\rbb\r\rccc"]
    documents = [Document.from_text("s.txt", text) for text in texts]
    assert {d.text for d in documents} == {"a\nbb\n\nccc"}
    assert {d.position(d.text.index("ccc")) for d in documents} == {(4, 1)}


def test_blocks_are_paragraphs_between_blank_lines() -> None:
    document = Document.from_text("s.txt", "\n  Headline\n\nFirst para\ncontinues.\n \t\nLast.\n")
    assert [b.text for b in document.blocks] == ["Headline", "First para\ncontinues.", "Last."]
    for block in document.blocks:
        assert document.text[block.start:block.end] == block.text


def test_line_spans_skip_blank_lines_and_strip() -> None:
    document = Document.from_text("s.txt", "  one \n\n two")
    assert [(line.index, line.text) for line in document.line_spans()] == [(0, "one"), (2, "two")]
    assert all(document.text[line.start:line.end] == line.text for line in document.line_spans())


def test_source_map_maps_extracted_text_back_to_the_source() -> None:
    source = "<p>Hello</p>\n<p>World</p>"
    text = "Hello\n\nWorld"
    source_map = SourceMap(source, [Segment(0, 5, 3), Segment(7, 12, 16)])
    document = Document("s.html", text, source_map=source_map)
    assert document.position(text.index("World")) == (2, 4)
    assert document.position(text.index("llo")) == (1, 6)


def test_spacy_doc_is_parsed_once_and_only_on_demand() -> None:
    calls = []

    def parse(text):
        calls.append(text)
        return text.upper()

    document = Document.from_text("s.txt", "text", parse=parse)
    assert calls == []
    assert document.spacy_doc == document.spacy_doc == "TEXT"
    assert calls == ["text"]


def test_a_line_of_non_breaking_spaces_separates_paragraphs() -> None:
    document = Document.from_text("s.txt", "First.\n\u00a0\nSecond.\n \u2003 \nThird.")
    assert [b.text for b in document.blocks] == ["First.", "Second.", "Third."]


def test_photo_captions_lookup_handles_nested_figures() -> None:
    from newslint.document import Block

    text = "outer start inner caption outer end body"
    outer = Block(0, text.index(" body"), text[: text.index(" body")])
    inner = Block(text.index("inner"), text.index(" outer end"), "inner caption")
    document = Document("s.html", text, photo_captions=[inner, outer])
    assert document.is_photo_caption(text.index("outer end"), text.index("outer end") + 5)
    assert document.is_photo_caption(text.index("inner"), text.index("inner") + 3)
    assert not document.is_photo_caption(text.index("body"), len(text))


def test_memo_computes_an_analysis_once_per_document() -> None:
    calls = []

    def analysis(document: Document) -> int:
        calls.append(document.path)
        return len(document.text)

    first, second = Document.from_text("a.txt", "abc"), Document.from_text("b.txt", "abcd")
    assert (first.memo(analysis), first.memo(analysis), second.memo(analysis)) == (3, 3, 4)
    assert calls == ["a.txt", "b.txt"]


@pytest.mark.parametrize("value, expected", [
    ("2026-12-04", datetime.date(2026, 12, 4)),
    ("2026-12-04T09:00:00-05:00", datetime.date(2026, 12, 4)),
    ('"December 4, 2026"', datetime.date(2026, 12, 4)),
    ("Dec. 4, 2026", datetime.date(2026, 12, 4)),
    ("4 December 2026", datetime.date(2026, 12, 4)),
    ("Friday, 4 Dec 2026", datetime.date(2026, 12, 4)),
    ("Tues., Jan. 6, 2026", datetime.date(2026, 1, 6)),
    ("2nd of March 2015", datetime.date(2015, 3, 2)),
    ("Smarch 4, 2026", None),
    ("next week", None),
    ("2026-02-30", None),
    ("February 30, 2026", None),
])
def test_a_publication_date_is_read_as_iso_or_written_out(value: str, expected: datetime.date | None) -> None:
    assert publication_date(value) == expected
