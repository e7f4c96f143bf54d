"""Configuration: ``.newslint.toml`` or ``[tool.newslint]`` in ``pyproject.toml``, one schema.

Example (``.newslint.toml``; in ``pyproject.toml`` put the same keys under ``[tool.newslint]``)::

    select = ["promo-text", "name-spelling"]     # default: every installed check
    ignore = ["count-claim"]
    fail-on = "warning"                           # error | warning | info | never
    model = "en_core_web_sm"                      # a spaCy package name or a path
    date = "2013-01-28"                           # publication date of stories that carry none
    html-scope = "article"                        # HTML: lint the story (article) or the whole page
    [per-file-ignores]
    "archive/*.txt" = ["name-spelling"]
    [checks.promo-text]
    extra-labels = ["Listen to the Morning Briefing"]

Command-line options override the file.
"""

from __future__ import annotations

import datetime
import fnmatch
import re
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Mapping

from newslint.readers import HTML_SCOPES
from newslint.reading import DEFAULT_MAX_FILE_SIZE, check_encoding

CONFIG_FILE = ".newslint.toml"
FAIL_ON_CHOICES = ("error", "warning", "info", "never")
_KEYS = {"select", "ignore", "per-file-ignores", "fail-on", "model", "checks", "encoding", "max-file-size", "date",
         "html-scope"}


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None  # None: every installed check
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: str = "warning"
    model: str | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes; a larger input is an error, the others still linted
    encoding: str | None = None
    date: datetime.date | None = None  # the publication date of stories that do not give their own
    html_scope: str = "article"  # HTML pages: lint the story ("article") or everything ("page")
    check_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    path: Path | None = None  # the file this came from; per-file-ignores are relative to its folder

    def with_overrides(self, **overrides: Any) -> "Config":
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def ignored_for(self, path: str) -> set[str]:
        """Checks that per-file-ignores turn off for this path."""
        if path == "-" or not self.per_file_ignores:
            return set()
        relative = _relative_posix(Path(path), self.path.parent if self.path else Path.cwd())
        ignored: set[str] = set()
        for pattern, checks in self.per_file_ignores:
            if _matches(relative, pattern):
                ignored.update(checks)
        return ignored


def _relative_posix(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _matches(relative: str, pattern: str) -> bool:
    if fnmatch.fnmatch(relative, pattern) or PurePosixPath(relative).match(pattern):
        return True
    return "/" not in pattern and fnmatch.fnmatch(PurePosixPath(relative).name, pattern)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest .newslint.toml, or pyproject.toml with a [tool.newslint] table, from start upwards."""
    directory = (start or Path.cwd()).resolve()
    for folder in (directory, *directory.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            tool = _read_toml(pyproject).get("tool")
            if isinstance(tool, dict) and "newslint" in tool:
                return pyproject
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when a configuration file exists: a plain run does not pay its import

    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not UTF-8 text (byte {error.start}); TOML files are UTF-8") from None
    except RecursionError:
        raise ConfigError(f"{path}: nested too deeply to be a newslint configuration") from None


def load_config(path: Path | None) -> Config:
    """Read and validate a configuration file; no file gives the defaults."""
    if path is None:
        return Config()
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("newslint", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [tool.newslint] must be a table, not {type(data).__name__}")
    return parse_config(data, path)


def parse_config(data: Mapping[str, Any], path: Path | None = None) -> Config:
    where = str(path) if path else "configuration"

    def fail(message: str) -> ConfigError:
        return ConfigError(f"{where}: {message}")

    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise fail(f"unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(_KEYS))})")

    def names(key: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(f"{key!r} must be a list of check names")
        return tuple(value)

    select = names("select", data["select"]) if "select" in data else None
    if select == ():
        raise fail("'select' is empty, which would run no check (leave it out to run every check)")
    ignore = names("ignore", data.get("ignore", []))
    per_file = data.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise fail("'per-file-ignores' must be a table of glob = [check names]")
    per_file_ignores = tuple((glob, names(f"per-file-ignores.{glob}", checks)) for glob, checks in per_file.items())
    fail_on = data.get("fail-on", "warning")
    if fail_on not in FAIL_ON_CHOICES:
        raise fail(f"'fail-on' must be one of {', '.join(FAIL_ON_CHOICES)}, not {fail_on!r}")
    for key in ("model", "encoding"):
        if key in data and not isinstance(data[key], str):
            raise fail(f"{key!r} must be a string")
    if "encoding" in data:
        try:
            check_encoding(data["encoding"])
        except LookupError:
            raise fail(f"'encoding' names no text encoding: {data['encoding']!r}") from None
    html_scope = data.get("html-scope", "article")
    if html_scope not in HTML_SCOPES:
        raise fail(f"'html-scope' must be one of {', '.join(HTML_SCOPES)}, not {html_scope!r}")
    check_options = data.get("checks", {})
    if not isinstance(check_options, dict) or not all(isinstance(v, dict) for v in check_options.values()):
        raise fail("'checks' must hold one table of options per check, like [checks.promo-text]")
    return Config(
        select=select,
        ignore=ignore,
        per_file_ignores=per_file_ignores,
        fail_on=fail_on,
        model=data.get("model"),
        max_file_size=parse_size(data["max-file-size"], fail) if "max-file-size" in data else DEFAULT_MAX_FILE_SIZE,
        encoding=data.get("encoding"),
        date=parse_date(data["date"], fail) if "date" in data else None,
        html_scope=html_scope,
        check_options=check_options,
        path=path,
    )


def parse_date(value: Any, fail: Callable[[str], ConfigError]) -> datetime.date:
    """``date``: a TOML date (``date = 2013-01-28``) or a string "YYYY-MM-DD"."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise fail(f"'date' must be a date written YYYY-MM-DD, not {value!r}")


_SIZE_UNITS = {"": 1, "b": 1, "kb": 1024, "mb": 1024**2, "gb": 1024**3}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$", re.IGNORECASE)


def parse_size(value: Any, fail: Callable[[str], ConfigError]) -> int:
    """``max-file-size``: a number of bytes, or a string such as "10 MB" or "500 KB"."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    match = _SIZE.match(value) if isinstance(value, str) else None
    if match is None or float(match[1]) <= 0:
        raise fail(f"'max-file-size' must be a positive number of bytes or a size like \"10 MB\", not {value!r}")
    return int(float(match[1]) * _SIZE_UNITS[match[2].lower()])
