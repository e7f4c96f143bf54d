"""Checks and how they are found: the ``newslint.checks`` entry-point group.

A check is a function ``(document, options) -> Iterable[Problem]`` wrapped by :func:`check`, which
records its metadata. Built-in checks register through newslint's own ``pyproject.toml`` exactly as
a third-party pack would::

    [project.entry-points."newslint.checks"]
    my-check = "my_pack.my_module:my_check"
"""

from __future__ import annotations

import difflib
import inspect
import re
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

from newslint.finding import Problem, Severity
from newslint.options import OptionsSchema

if TYPE_CHECKING:
    from newslint.document import Document

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

    def __init__(self, entry_points_by_name: Mapping[str, EntryPoint]) -> None:
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


def _load(entry_point: EntryPoint) -> Check:
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
    found: dict[str, EntryPoint] = {}
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        if entry_point.name in found and found[entry_point.name].value != entry_point.value:
            raise RegistryError(
                f"two installed packages both provide the check {entry_point.name!r} "
                f"({found[entry_point.name].value} and {entry_point.value})"
            )
        found[entry_point.name] = entry_point
    return InstalledChecks(found)
