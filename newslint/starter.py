"""``newslint init``: a commented starter configuration listing every installed check and its options.

Every setting is written commented out at its default, so the file changes nothing until an editor
uncomments a line, and it is valid TOML as written (the tests load it through the real schema).
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from newslint.registry import CheckInfo

_HEADER = """\
# newslint configuration. Every line below is commented out at its default: uncomment what you change.
# Command-line options override this file; `newslint --explain CHECK` documents a check.

# select = []                     # only these checks (default: every installed check)
# ignore = []                     # never these checks
# fail-on = "warning"             # exit 1 on findings at or above: error | warning | info | never
# model = "en_core_web_sm"        # the spaCy pipeline: a package name or a folder
# max-file-size = "10 MB"         # a larger input is an error; the other files are still linted
# encoding = "utf-8"              # read every input in this encoding instead of detecting it
# date = "2026-01-28"             # publication date of stories that carry none (date-weekday's year)
# html-scope = "article"          # HTML pages: lint the story only (article) or the whole page (page)

# [per-file-ignores]              # globs relative to this file's folder
# "archive/**" = ["name-spelling"]
"""


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a TOML basic string is JSON's string syntax


def starter_configuration(checks: Iterable[CheckInfo], table_prefix: str = "") -> str:
    """The file's text; ``table_prefix`` is ``"tool.newslint."`` for a section of pyproject.toml."""
    checks = sorted(checks, key=lambda check: check.name)
    width = max((len(check.name) for check in checks), default=0)
    lines = [_HEADER.rstrip("\n"), "", "# The installed checks:"]
    lines += [f"#   {check.name:<{width}}  {check.severity.label:<7}  {check.summary}" for check in checks]
    for check in checks:
        specs = getattr(getattr(check, "options", None), "specs", {})
        if not specs:
            continue
        lines += ["", f"[{table_prefix}checks.{check.name}]"]
        for key, spec in specs.items():
            lines.append(f"# {key} = {_toml_value(spec.default)}    # {spec.kind}")
    text = "\n".join(lines) + "\n"
    if table_prefix:  # in pyproject.toml the top-level keys live under [tool.newslint] too
        text = text.replace("# select = []", f"[{table_prefix.rstrip('.')}]\n# select = []", 1)
        text = text.replace("# [per-file-ignores]", f"# [{table_prefix}per-file-ignores]", 1)
    return text
