"""Readers: a file's decoded text to a Document, as plain text, Markdown or HTML.

Markdown and HTML are reduced to their prose before any check sees them (``prose`` builds it with a
map back to source lines and columns); the reader is chosen by the file name's suffix unless the
caller names one.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, Callable

from newslint.document import Document, normalise_newlines

if TYPE_CHECKING:
    from spacy.tokens import Doc

MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
HTML_SCOPES = ("article", "page")
READERS = ("text", "markdown", "html")


def kind_of(path: str) -> str:
    """``markdown``, ``html`` or ``text``, from the file name's suffix."""
    suffix = PurePath(path).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def read_document(path: str, text: str, parse: Callable[[str], "Doc"] | None = None, *,
                  reader: str | None = None, html_scope: str = "article") -> Document:
    """The Document for a file's decoded text, read by ``reader`` (default: by the path's suffix).

    ``html_scope`` is ``article`` (an HTML page's story only) or ``page`` (all of it).

    The markup readers are imported only when a file needs them.
    """
    source = normalise_newlines(text)
    kind = reader or kind_of(path)
    if kind == "markdown":
        from newslint.readers.markdown import read_markdown

        return read_markdown(path, source, parse)
    if kind == "html":
        from newslint.readers.html import read_html

        return read_html(path, source, parse, html_scope=html_scope)
    if kind != "text":
        raise ValueError(f"unknown reader {kind!r} (choose from {', '.join(READERS)})")
    from newslint.readers.text import read_text

    return read_text(path, source, parse)
