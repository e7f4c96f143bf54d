"""Turning paths into text: finding the copy under directories, and decoding bytes honestly.

newslint only ever opens inputs for reading.
"""

from __future__ import annotations

import codecs
import os
import stat
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
# Word-processor and page formats: linting their bytes as text would report noise, or nothing.
_DOCUMENT_SUFFIXES = frozenset({".doc", ".docx", ".rtf", ".pdf", ".odt", ".pages", ".wpd", ".epub"})
_DOCUMENT_SIGNATURES = (b"%PDF-", b"PK\x03\x04", b"{\\rtf", b"\xd0\xcf\x11\xe0")  # PDF, zip (docx/odt), RTF, OLE
NOT_COPY = "not plain text, Markdown or HTML: export the story as text"
# Bytes that are control characters in every text encoding we accept; a file full of them is not copy.
_CONTROL_BYTES = bytes([*range(0, 9), 11, 14, 15, *range(16, 27), *range(28, 32)])


DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024  # a long feature is 100 KB; 10 MB is an archive dump, not a story


class InputError(Exception):
    """An input that cannot be linted. The message names the problem; the path names the input."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


@dataclass(frozen=True)
class Skipped:
    """A file or folder found while recursing that is not linted, and why (a notice, not an error)."""

    path: str
    reason: str


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
            # A byte-order mark is no character of the copy, whatever encoding is forced ("utf-8" keeps it).
            return SourceText(path, data.decode(encoding).removeprefix("\ufeff"), encoding)
        except LookupError:
            raise InputError(path, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise InputError(path, f"not valid {encoding} (byte {error.start}: {error.reason})") from None
        except UnicodeError as error:  # codecs such as punycode raise the base class
            raise InputError(path, f"not valid {encoding} ({error})") from None
    if data.startswith(_DOCUMENT_SIGNATURES):
        raise InputError(path, NOT_COPY)
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
    # translate() deletes the control bytes in C: the length lost is their count (a loop took 0.1 ms a story).
    return bool(sample) and (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample) > 0.05


def check_encoding(encoding: str) -> None:
    """Raise LookupError unless ``encoding`` is a text encoding Python knows (said once, not once per file)."""
    info = codecs.lookup(encoding)
    if not getattr(info, "_is_text_encoding", True):  # "rot13", "base64": codecs, but not text encodings
        raise LookupError(f"{encoding!r} is not a text encoding")


def too_large(size: int, limit: int) -> str:
    # A stream is read only one byte past the limit: its size is not known, only that it is larger.
    said = f"more than {_size(limit)}" if size == limit + 1 else _size(size)
    return f"is {said}, over the {_size(limit)} limit (max-file-size)"


def _size(count: int) -> str:
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if count >= factor:
            return f"{count / factor:.1f} {unit}".replace(".0 ", " ")
    return f"{count} bytes"


def read_file(path: str, encoding: str | None = None, max_size: int = DEFAULT_MAX_FILE_SIZE) -> SourceText:
    """Decode one file. A FIFO, device or socket is refused before it is opened: reading one could block."""
    if Path(path).suffix.lower() in _DOCUMENT_SUFFIXES:
        raise InputError(path, NOT_COPY)
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):
            if stat.S_ISDIR(status.st_mode):
                raise IsADirectoryError(path)
            raise InputError(path, "is not a regular file (a FIFO, device or socket), so it is not read")
        if status.st_size > max_size:
            raise InputError(path, too_large(status.st_size, max_size))
        with open(path, "rb") as handle:
            data = handle.read(max_size + 1)
        if len(data) > max_size:  # grew while we looked
            raise InputError(path, too_large(len(data), max_size))
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror or error}") from None
    return decode(path, data, encoding)


def read_stream(path: str, stream: BinaryIO, encoding: str | None = None,
                max_size: int = DEFAULT_MAX_FILE_SIZE) -> SourceText:
    data = stream.read(max_size + 1)
    if len(data) > max_size:
        raise InputError(path, too_large(len(data), max_size) + " (read from standard input)")
    return decode(path, data, encoding)


def discover(paths: Iterable[str]) -> Iterator[str | InputError | Skipped]:
    """Each file to lint, in a stable order; an InputError for an argument that yields none or a folder
    that cannot be read; a Skipped for what recursing passes over on purpose."""
    for argument in paths:
        if argument == "-":
            yield argument
            continue
        path = Path(argument)
        if path.is_dir():
            found = sorted(_copy_files(path), key=lambda item: str(item if isinstance(item, Path) else item.path))
            if not any(isinstance(item, Path) for item in found):
                yield InputError(argument, "directory holds no copy (" + ", ".join(COPY_SUFFIXES) + " files)")
            for item in found:
                yield str(item) if isinstance(item, Path) else item
        elif path.exists() or path.is_symlink():
            yield argument  # an explicit file is linted whatever its suffix (and wherever a link points)
        else:
            yield InputError(argument, "no such file or directory")


def _copy_files(directory: Path) -> Iterator[Path | Skipped | InputError]:
    """Copy files under ``directory``. Links that lead out of it are not followed (a story folder must not
    leak a file from elsewhere into a report); FIFOs, devices and sockets are never opened."""
    root_folder = directory.resolve()
    unreadable: list[OSError] = []
    for root, directories, files in os.walk(directory, onerror=unreadable.append):
        kept = []
        for name in directories:
            folder = Path(root) / name
            if name.startswith(".") or name in _SKIPPED_DIRECTORIES:
                continue
            if folder.is_symlink():
                yield Skipped(str(folder), "a symbolic link to a folder; not followed")
                continue
            kept.append(name)
        directories[:] = kept
        for name in files:
            if not name.lower().endswith(COPY_SUFFIXES) or name.startswith("."):
                continue
            file = Path(root) / name
            reason = _not_lintable(file, root_folder)
            if reason:
                yield Skipped(str(file), reason)
            else:
                yield file
    for error in unreadable:
        where = error.filename if error.filename is not None else directory
        yield InputError(str(where), f"folder cannot be read: {error.strerror or error}; its files were not linted")


def _not_lintable(file: Path, root_folder: Path) -> str | None:
    try:
        if file.is_symlink() and not file.resolve().is_relative_to(root_folder):
            return "a symbolic link out of the folder being linted; not followed"
        if not stat.S_ISREG(file.stat().st_mode):
            return "not a regular file (a FIFO, device or socket); not read"
    except OSError as error:
        return f"cannot be examined ({error.strerror or error})"
    return None
