"""Turning paths into text: finding the copy under directories, and decoding bytes honestly.

newslint only ever opens inputs for reading.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

COPY_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_SKIPPED_DIRECTORIES = {"node_modules", "__pycache__"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that are control characters in every text encoding we accept; a file full of them is not copy.
_CONTROL_BYTES = set(range(0, 9)) | {11, 14, 15} | set(range(16, 27)) | set(range(28, 32))


class InputError(Exception):
    """An input that cannot be linted. The message names the problem; the path names the input."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(frozen=True)
class SourceText:
    path: str
    text: str
    encoding: str
    notice: str | None = None


def decode(path: str, data: bytes, encoding: str | None = None) -> SourceText:
    """Decode copy: a forced encoding, else BOM, else UTF-8, else Windows-1252 with a notice."""
    if encoding:
        try:
            return SourceText(path, data.decode(encoding), encoding)
        except LookupError:
            raise InputError(path, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise InputError(path, f"not valid {encoding} (byte {error.start}: {error.reason})") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return SourceText(path, data.decode(codec).lstrip("\ufeff"), codec.replace("-sig", ""))
            except UnicodeDecodeError:
                raise InputError(path, f"starts with a {codec} byte-order mark but is not valid {codec}") from None
    if _looks_binary(data):
        raise InputError(path, "looks like a binary file, not text")
    try:
        return SourceText(path, data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(path, "is neither UTF-8 nor Windows-1252 text (use --encoding to say what it is)") from None
    notice = f"{path}: not valid UTF-8 (byte {utf8_error}); read as Windows-1252 (use --encoding to override)"
    return SourceText(path, text, "cp1252", notice)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    return bool(sample) and sum(byte in _CONTROL_BYTES for byte in sample) / len(sample) > 0.05


def read_file(path: str, encoding: str | None = None) -> SourceText:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror or error}") from None
    return decode(path, data, encoding)


def read_stream(path: str, stream: BinaryIO, encoding: str | None = None) -> SourceText:
    return decode(path, stream.read(), encoding)


def discover(paths: Iterable[str]) -> Iterator[str | InputError]:
    """Each file to lint, in a stable order; an InputError for an argument that yields none."""
    for argument in paths:
        if argument == "-":
            yield argument
            continue
        path = Path(argument)
        if path.is_dir():
            found = sorted(_copy_files(path))
            if not found:
                yield InputError(argument, "directory holds no copy (" + ", ".join(COPY_SUFFIXES) + " files)")
            yield from (str(p) for p in found)
        elif path.exists() or path.is_symlink():
            yield argument  # an explicit file is linted whatever its suffix
        else:
            yield InputError(argument, "no such file or directory")


def _copy_files(directory: Path) -> Iterator[Path]:
    for root, directories, files in os.walk(directory):
        directories[:] = [d for d in directories if not d.startswith(".") and d not in _SKIPPED_DIRECTORIES]
        for name in files:
            if name.lower().endswith(COPY_SUFFIXES) and not name.startswith("."):
                yield Path(root) / name
