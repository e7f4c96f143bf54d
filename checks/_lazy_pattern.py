"""Regular expressions compiled on first use, not at import.

The caption and credit checks hold many patterns that a clean story never needs (there is no credit line in
it to look at). Compiling them all at import costs every run several milliseconds of start-up time, which is
most of what a one-file run of these checks spends; a :class:`LazyPattern` pays only when it is used.
"""

from __future__ import annotations

import re
from typing import Any, Callable


class LazyPattern:
    """A stand-in for ``re.compile(pattern, flags)`` that compiles on the first call of any method."""

    __slots__ = ("_pattern", "_flags", "_compiled")

    def __init__(self, pattern: str | Callable[[], str], flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            pattern = self._pattern if isinstance(self._pattern, str) else self._pattern()
            self._compiled = re.compile(pattern, self._flags)
        return self._compiled

    def search(self, *args: Any) -> re.Match[str] | None:
        return self.compiled.search(*args)

    def match(self, *args: Any) -> re.Match[str] | None:
        return self.compiled.match(*args)

    def fullmatch(self, *args: Any) -> re.Match[str] | None:
        return self.compiled.fullmatch(*args)

    def finditer(self, *args: Any):
        return self.compiled.finditer(*args)

    def findall(self, *args: Any) -> list[Any]:
        return self.compiled.findall(*args)

    def split(self, *args: Any) -> list[str]:
        return self.compiled.split(*args)

    def sub(self, *args: Any) -> str:
        return self.compiled.sub(*args)


def lazy(pattern: str | Callable[[], str], flags: int = 0) -> LazyPattern:
    """``pattern`` may be a function that builds it, for a pattern made of another module's parts."""
    return LazyPattern(pattern, flags)


__all__ = ["LazyPattern", "lazy"]
