"""Checks and how they are found: the ``newslint.checks`` entry-point group.

A check is a function ``(document, options) -> Iterable[Problem]`` wrapped by :func:`check`, which
records its metadata. Built-in checks register through newslint's own ``pyproject.toml`` exactly as
a third-party pack would::

    [project.entry-points."newslint.checks"]
    my-check = "my_pack.my_module:my_check"
"""

from __future__ import annotations

import inspect
import os
import re
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, Protocol

from newslint.finding import Problem, Severity
from newslint.options import OptionsSchema

if TYPE_CHECKING:
    from newslint.document import Document

    class EntryPointLike(Protocol):  # for the type checker only: a Protocol class costs start-up time
        """What the registry reads of an entry point: ``importlib.metadata.EntryPoint`` or ``_EntryPoint``."""

        @property
        def name(self) -> str: ...

        @property
        def value(self) -> str: ...

        def load(self) -> Any: ...

ENTRY_POINT_GROUP = "newslint.checks"
_CHECK_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_DOC_HEADINGS = ("What it does", "Why is this bad?", "Example")

CheckFunction = Callable[["Document", Any], Iterable[Problem]]


@dataclass(frozen=True)
class CheckInfo:
    """What every check has, including those the engine produces itself (``unused-suppression``).

    ``nlp_components`` names the spaCy pipeline components the check reads (empty: no NLP at all).
    """

    name: str
    severity: Severity
    documentation: str = field(repr=False)
    nlp_components: frozenset[str] = frozenset()

    @property
    def needs_nlp(self) -> bool:
        return bool(self.nlp_components)

    @property
    def summary(self) -> str:
        """The docstring's first line: the one-line description for --list-checks and SARIF rules."""
        first = self.documentation.split("\n\n", 1)[0]
        return " ".join(first.split())


@dataclass(frozen=True)
class Check(CheckInfo):
    """A registered check: its metadata, its function and the options configuration may set."""

    function: CheckFunction = field(default=lambda document, options: (), repr=False)
    options: OptionsSchema = field(default_factory=lambda: OptionsSchema.declare(None, ""), repr=False)

    def run(self, document: "Document", options: Any = None) -> Iterable[Problem]:
        """The check's problems; ``options`` as built by ``self.options.read`` (None: the defaults)."""
        return self.function(document, self.options.defaults() if options is None else options)


def check(
    name: str,
    *,
    severity: str = "warning",
    options: Any = None,
    nlp_components: Iterable[str] = (),
) -> Callable[[CheckFunction], Check]:
    """Declare a check. The decorated function's docstring is its documentation.

    ``options`` is a frozen dataclass of typed options with defaults (see :mod:`newslint.options`),
    or, for a small check pack, a mapping of option names to defaults.
    """

    if not _CHECK_NAME.match(name):
        raise ValueError(f"check name {name!r} must be kebab-case, like 'name-spelling'")
    schema = OptionsSchema.declare(options, name)

    def register(function: CheckFunction) -> Check:
        documentation = inspect.cleandoc(function.__doc__ or "")
        missing = [h for h in _DOC_HEADINGS if h not in documentation]
        if missing:
            raise ValueError(f"check {name!r} documentation lacks the heading(s): {', '.join(missing)}")
        return Check(
            name=name,
            severity=Severity.parse(severity),
            documentation=documentation,
            nlp_components=frozenset(nlp_components),
            function=function,
            options=schema,
        )

    return register


def unknown_check(name: str, known: Iterable[str]) -> str:
    """``unknown check 'promo-txt' (did you mean promo-text?)``, for every place a check is named."""
    import difflib  # only for a name that is wrong

    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    hint = f"did you mean {close[0]}?" if close else "see newslint --list-checks"
    return f"unknown check {name!r} ({hint})"


class RegistryError(Exception):
    """An installed check pack that cannot be used: the message names its entry point and what went wrong."""


class InstalledChecks(Mapping[str, Check]):
    """The installed checks by name, each imported only when first looked up.

    Listing names costs one scan of the entry points; a run that selects two checks imports only
    those two modules (and so never pays for a heavy dependency of a check it does not run).
    """

    def __init__(self, entry_points_by_name: Mapping[str, EntryPointLike]) -> None:
        self._entry_points = dict(sorted(entry_points_by_name.items()))
        self._loaded: dict[str, Check] = {}

    def __getitem__(self, name: str) -> Check:
        if name not in self._loaded:
            self._loaded[name] = _load(self._entry_points[name])
        return self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entry_points)

    def __len__(self) -> int:
        return len(self._entry_points)

    def __contains__(self, name: object) -> bool:
        return name in self._entry_points


def _load(entry_point: EntryPointLike) -> Check:
    try:
        loaded = entry_point.load()
    except (Exception, SystemExit) as error:  # a broken plugin must say which one it is
        raise RegistryError(f"cannot load check {entry_point.name!r} from entry point {entry_point.value!r}: "
                            f"{type(error).__name__}: {error}") from error
    if not isinstance(loaded, Check):
        raise RegistryError(f"entry point {entry_point.name!r} ({entry_point.value}) is not a newslint check")
    if loaded.name != entry_point.name:
        raise RegistryError(
            f"entry point {entry_point.name!r} loads the check named {loaded.name!r}; the names must match"
        )
    return loaded


def load_checks() -> InstalledChecks:
    """Every check installed in this environment, by name (imported lazily)."""
    found: dict[str, EntryPointLike] = {}
    for entry_point in _entry_points(ENTRY_POINT_GROUP):
        if entry_point.name in found and found[entry_point.name].value != entry_point.value:
            raise RegistryError(
                f"two installed packages both provide the check {entry_point.name!r} "
                f"({found[entry_point.name].value} and {entry_point.value})"
            )
        found[entry_point.name] = entry_point
    return InstalledChecks(found)


# Entry points are read from the file system rather than through importlib.metadata: importing it (email,
# zipfile, csv) and its scan cost ~45 ms, a fifth of a one-story run; this scan, ~3 ms. It finds exactly what
# ``importlib.metadata.entry_points(group=...)`` finds for the usual layout (directories on sys.path holding
# *.dist-info / *.egg-info), reading the directories afresh every run, so nothing is cached that installing
# or removing a plugin could make stale; any other layout is left to importlib.metadata itself.


class _Unusual(Exception):
    """A sys.path layout the scan does not cover (a zip, an egg, another distribution finder)."""


class _EntryPoint:
    """One ``name = module:attr`` line of an ``entry_points.txt``, loaded as ``EntryPoint.load`` does."""

    __slots__ = ("name", "value", "group")

    def __init__(self, name: str, value: str, group: str) -> None:
        self.name, self.value, self.group = name, value, group

    def load(self) -> Any:
        from importlib import import_module

        match = re.match(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$", self.value)
        if match is None:
            raise ValueError(f"malformed entry point value {self.value!r}")
        loaded = import_module(match.group("module"))
        for attribute in filter(None, (match.group("attr") or "").split(".")):
            loaded = getattr(loaded, attribute)
        return loaded


def _entry_points(group: str) -> list[EntryPointLike]:
    try:
        return list(_scan_entry_points(group))
    except _Unusual:
        from importlib.metadata import entry_points

        return list(entry_points(group=group))


def _scan_entry_points(group: str) -> Iterator[_EntryPoint]:
    """The group's entry points of each distribution on sys.path, the first of each name, in sys.path order."""
    from importlib.machinery import PathFinder

    if any(getattr(finder, "find_distributions", None) is not None and finder is not PathFinder
           for finder in sys.meta_path):
        raise _Unusual
    header = f"[{group}]"
    seen: set[str] = set()
    for entry in sys.path:
        if not isinstance(entry, str):
            raise _Unusual
        root = entry or "."
        if root.lower().endswith(".egg"):
            raise _Unusual
        try:
            children = os.listdir(root)
        except (FileNotFoundError, PermissionError):
            continue
        except OSError:  # a file: a zip archive on sys.path
            raise _Unusual from None
        for child in children:
            stem, _, suffix = child.rpartition(".")
            if suffix.lower() not in ("dist-info", "egg-info"):
                continue
            if suffix not in ("dist-info", "egg-info"):  # importlib.metadata names these from their METADATA
                raise _Unusual
            # A distribution's normalized name, as importlib.metadata's dedup reads it from the folder name.
            distribution = re.sub(r"[-_.]+", "_", stem.partition("-")[0]).lower()
            if distribution in seen:  # an earlier copy on sys.path shadows this one
                continue
            seen.add(distribution)
            try:
                with open(os.path.join(root, child, "entry_points.txt"), encoding="utf-8") as handle:
                    text = handle.read()
            except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError):
                continue
            if header in text:
                yield from _section(text, group)


def _section(text: str, group: str) -> Iterator[_EntryPoint]:
    """The ``[group]`` entries of an entry_points.txt, parsed as importlib.metadata parses them."""
    section = None
    for line in map(str.strip, text.splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
        elif section == group:
            name, _, value = line.partition("=")
            yield _EntryPoint(name.strip(), value.strip(), group)
