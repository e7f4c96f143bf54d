"""The server's one engine: the configuration read once, Linters per check selection, one lint at a time.

Every request names its own checks (``select``/``ignore``, LanguageTool's ``enabledRules``), so a
Linter is built per selection and kept; the spaCy model under them is loaded once per process
(``newslint.nlp`` caches it) and shared. Lint calls are serialised by a lock: a Linter and its spaCy
pipeline are used by one request at a time, while the event loop keeps answering others.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Iterable, Mapping

from newslint.config import Config, ConfigError
from newslint.engine import Linter, Source, UsageError, with_engine_checks
from newslint.nlp import ModelUnavailable
from newslint.registry import Check, CheckInfo, RegistryError, unknown_check
from newslint.report import FileResult

_KEPT_LINTERS = 32  # distinct selections kept; a client rarely uses more than a few


class RequestError(Exception):
    """A request the server cannot answer as asked (a 4xx); the message names the problem."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class Selection:
    """The checks one request asks for: ``select`` replaces the configuration's, ``ignore`` adds to it."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()


class LintService:
    """Lints submitted text with the server's configuration; safe to call from many threads."""

    def __init__(self, installed: Mapping[str, Check], config: Config) -> None:
        self.installed = installed
        self.known = with_engine_checks(installed)
        self.config = config
        self._linters: OrderedDict[Selection, Linter] = OrderedDict()
        self._lock = threading.Lock()
        # Built here, where a ConfigError or UsageError stops the server at startup; every check's options
        # too, so that a mistake in one is not left for the first request that selects it.
        self.default = Linter(installed, config)
        Linter(installed, config.with_overrides(select=tuple(self.known), ignore=()))
        self._linters[Selection()] = self.default

    def names(self, values: Iterable[str], field: str) -> tuple[str, ...]:
        """Check names a client gave, each known (else a RequestError with the closest name)."""
        names = tuple(values)
        for name in names:
            if name not in self.known:
                raise RequestError(f"{field}: {unknown_check(name, self.known)}")
        return names

    def linter(self, selection: Selection) -> Linter:
        with self._lock:
            linter = self._linters.get(selection)
            if linter is None:
                config = self.config.with_overrides(select=selection.select,
                                                    ignore=tuple(self.config.ignore) + selection.ignore)
                try:
                    linter = Linter(self.installed, config)
                except UsageError as error:
                    raise RequestError(str(error)) from None
                except ConfigError as error:  # cannot happen after the startup check; say so if it does
                    raise RequestError(str(error), status=500) from None
                self._linters[selection] = linter
                if len(self._linters) > _KEPT_LINTERS:
                    self._linters.popitem(last=False)
            else:
                self._linters.move_to_end(selection)
            return linter

    def lint(self, source: Source, selection: Selection = Selection()) -> FileResult:
        linter = self.linter(selection)
        with self._lock:
            return linter.lint(source)

    def checks(self) -> list[tuple[CheckInfo, bool]]:
        """Every check a request may name, with whether it runs by default; unloadable packs left out."""
        chosen = {check.name for check in self.default.selected}
        listed = []
        for name in sorted(self.known):
            try:
                listed.append((self.known[name], name in chosen))
            except RegistryError:
                continue
        return listed

    def warm_up(self) -> tuple[str, ...]:
        """Load the model and run every check once before the first request, so that no client waits.

        Returns the notices a person should see (the NLP checks skipped for want of a model)."""
        pipeline = self.default.pipeline
        if pipeline is not None:
            try:
                pipeline.load()
            except ModelUnavailable:  # the lint below says so once, as the CLI would
                pass
        sample = "Mayor Ada Kovac spoke on Monday.\n\nLater, said Kovak, one of the 12 members."
        return self.lint(Source("-", text=sample)).notices
