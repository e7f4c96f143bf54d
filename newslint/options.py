"""Check options: declared with types, validated once when the configuration is read.

A check declares its options as a frozen dataclass whose fields have defaults; configuration keys
are the field names in kebab-case (``extra_labels`` is ``extra-labels``)::

    @dataclass(frozen=True)
    class PromoTextOptions:
        extra_labels: tuple[str, ...] = ()
        names_file: FilePath = ""      # a file, relative to the configuration file

    @check("promo-text", options=PromoTextOptions)
    def promo_text(document, options: PromoTextOptions): ...

A check pack may instead give a mapping of defaults (``options={"max-length": 40}``); each option's
type is then the type of its default. Either way a value of the wrong type is a configuration error
naming the file, the table and the key, never a crash inside the check.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, Callable, Mapping

# An option naming a file: a string, resolved against the configuration file's folder and required to exist.
FilePath = Annotated[str, "file"]


class OptionError(Exception):
    """An option value that cannot be used; the message names the table, the key and the problem."""


@dataclass(frozen=True)
class OptionSpec:
    key: str  # as written in configuration: kebab-case
    attribute: str  # as the check reads it (a dataclass field name, or the key itself for a mapping)
    kind: str  # one of _KINDS
    default: Any


_KINDS = ("string", "boolean", "integer", "number", "list of strings", "file")


def _kind_of_annotation(annotation: Any) -> str | None:
    if typing.get_origin(annotation) is Annotated:
        base, *extras = typing.get_args(annotation)
        return "file" if base is str and "file" in extras else _kind_of_annotation(base)
    if annotation is bool:
        return "boolean"
    if annotation is int:
        return "integer"
    if annotation is float:
        return "number"
    if annotation is str:
        return "string"
    if typing.get_origin(annotation) in (tuple, list, frozenset):
        args = [arg for arg in typing.get_args(annotation) if arg is not Ellipsis]
        if args == [str]:
            return "list of strings"
    return None


def _kind_of_default(key: str, default: Any) -> str | None:
    if isinstance(default, bool):
        return "boolean"
    if isinstance(default, int):
        return "integer"
    if isinstance(default, float):
        return "number"
    if isinstance(default, str):
        return "file" if key.endswith("-file") else "string"
    if isinstance(default, (list, tuple)) and all(isinstance(item, str) for item in default):
        return "list of strings"
    return None


@dataclass(frozen=True)
class OptionsSchema:
    """A check's options: what configuration may set, and how to build what the check receives."""

    specs: Mapping[str, OptionSpec]
    _build: Callable[[dict[str, Any]], Any]

    @classmethod
    def declare(cls, declared: Any, check_name: str) -> "OptionsSchema":
        """From a frozen dataclass type, a mapping of defaults, or None (no options)."""
        if declared is None:
            return cls({}, lambda values: MappingProxyType(values))
        if isinstance(declared, type) and dataclasses.is_dataclass(declared):
            hints = typing.get_type_hints(declared, include_extras=True)
            specs = {}
            for item in dataclasses.fields(declared):
                kind = _kind_of_annotation(hints[item.name])
                if kind is None or item.default is dataclasses.MISSING:
                    raise TypeError(f"check {check_name!r}: option {item.name!r} needs a default and one of the "
                                    f"types str, bool, int, float, tuple[str, ...] or FilePath")
                key = item.name.replace("_", "-")
                specs[key] = OptionSpec(key, item.name, kind, item.default)
            return cls(specs, lambda values: declared(**values))
        if isinstance(declared, Mapping):
            specs = {}
            for key, default in declared.items():
                kind = _kind_of_default(key, default)
                if kind is None:
                    raise TypeError(f"check {check_name!r}: option {key!r} has a default of unsupported type "
                                    f"{type(default).__name__}")
                specs[key] = OptionSpec(key, key, kind, tuple(default) if kind == "list of strings" else default)
            return cls(specs, lambda values: MappingProxyType(values))
        raise TypeError(f"check {check_name!r}: options must be a dataclass or a mapping of defaults")

    def __iter__(self):
        return iter(self.specs)

    def __contains__(self, key: object) -> bool:
        return key in self.specs

    def defaults(self) -> Any:
        return self._build({spec.attribute: spec.default for spec in self.specs.values()})

    def read(self, given: Mapping[str, Any], *, table: str, base: Path) -> Any:
        """The options object for these configured values; raises OptionError naming ``table`` and the key."""
        unknown = sorted(set(given) - set(self.specs))
        if unknown:
            known = ", ".join(sorted(self.specs)) or "none"
            raise OptionError(f"{table} has no option(s) {', '.join(unknown)} (known: {known})")
        values = {spec.attribute: spec.default for spec in self.specs.values()}
        for key, value in given.items():
            spec = self.specs[key]
            values[spec.attribute] = _validated(spec, value, f"{table} {key}", base)
        return self._build(values)


def _describe(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string", list: "a list",
             dict: "a table"}
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:39] + "…"
    return f"{names.get(type(value), type(value).__name__)} ({shown})"


def _validated(spec: OptionSpec, value: Any, where: str, base: Path) -> Any:
    def wrong() -> OptionError:
        article = "an" if spec.kind[0] in "aeiou" else "a"
        return OptionError(f"{where} must be {article} {spec.kind}, not {_describe(value)}")

    if spec.kind == "boolean":
        if not isinstance(value, bool):
            raise wrong()
        return value
    if spec.kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            raise wrong()
        return value
    if spec.kind == "number":
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise wrong()
        return float(value)
    if spec.kind == "list of strings":
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise wrong()
        return tuple(value)
    if not isinstance(value, str):
        raise wrong()
    if spec.kind == "file" and value:
        # Options naming a file are relative to the configuration file, wherever newslint is run.
        resolved = (base / value).resolve()
        if not resolved.is_file():
            raise OptionError(f"{where} = {value!r}: no such file ({resolved})")
        return str(resolved)
    return value
