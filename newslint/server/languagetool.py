"""LanguageTool's HTTP API (``/v2/check``, ``/v2/languages``) in newslint's terms.

Requests: ``text``, or ``data`` (LanguageTool's annotated text: ``{"annotation": [{"text": ...},
{"markup": ..., "interpretAs": ...}]}``, what editors send for rich text), ``language``, and
``enabledRules``/``disabledRules``/``enabledOnly`` naming newslint checks.

Responses have LanguageTool's shape, so its clients work unchanged. Offsets and lengths are UTF-16
code units, as LanguageTool's Java server counts them and its clients expect (language_tool_python
converts them back to Python indices; browser and editor clients use them as JavaScript indices).
For ``data``, positions refer to the text with its markup, as LanguageTool's do: the checks see the
text parts and each markup's ``interpretAs``; a span is mapped back onto the parts it came from.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from newslint import __version__
from newslint.finding import Finding, Severity
from newslint.registry import CheckInfo
from newslint.report import FileResult
from newslint.server.service import RequestError, Selection
from newslint.server.textunits import ClientText, utf16_length

API_VERSION = 1
CONTEXT_SIZE = 40  # characters either side of a match, as LanguageTool's server gives by default
CATEGORY = {"id": "NEWSLINT", "name": "News copy (newslint)"}

# newslint checks English copy; LanguageTool clients ask for a language and expect it in this list.
LANGUAGES = (
    ("English", "en", "en"),
    ("English (US)", "en", "en-US"),
    ("English (GB)", "en", "en-GB"),
    ("English (Australian)", "en", "en-AU"),
    ("English (Canadian)", "en", "en-CA"),
    ("English (New Zealand)", "en", "en-NZ"),
    ("English (South African)", "en", "en-ZA"),
)
_LANGUAGE_NAMES = {long_code.lower(): name for name, _, long_code in LANGUAGES}

# LanguageTool's issue types drive how clients colour a match (a misspelling is red, and so on).
_ISSUE_TYPES = {
    "name-spelling": "misspelling",
    "count-mismatch": "inconsistency",
    "date-weekday": "inconsistency",
    "orphan-caption": "non-conformance",
    "promo-text": "non-conformance",
}
# LanguageTool's own rule ids (WHITESPACE_RULE, UPPERCASE_SENTENCE_START): clients configured for
# LanguageTool send them, and disabling a rule newslint does not have is a no-op, as in LanguageTool.
_LANGUAGETOOL_RULE_ID = re.compile(r"^[A-Z][A-Z0-9_]*$")


def languages() -> list[dict[str, str]]:
    return [{"name": name, "code": code, "longCode": long_code} for name, code, long_code in LANGUAGES]


def language_section(requested: str) -> dict[str, Any]:
    """The response's ``language``; raises RequestError for a language newslint does not check."""
    code = requested.strip().replace("_", "-") or "auto"
    if code.lower() == "auto":
        code = "en-US"
    name = _LANGUAGE_NAMES.get(code.lower())
    if name is None and code.lower().startswith("en-"):
        name = "English"
    if name is None:
        known = ", ".join(long_code for _, _, long_code in LANGUAGES)
        raise RequestError(f"language {requested!r}: newslint checks English copy only ({known} or auto)")
    return {"name": name, "code": code,
            "detectedLanguage": {"name": name, "code": code, "confidence": 1.0, "source": ""}}


@dataclass(frozen=True)
class _Part:
    """One annotation: ``plain`` is what the checks read of it, ``original`` its span in text+markup."""

    plain_start: int
    plain_end: int
    original_start: int
    original_end: int
    is_text: bool


class AnnotatedText:
    """``data``'s annotations: the plain text the checks read, and the text with markup it came from."""

    def __init__(self, annotations: list[tuple[str, str | None]]) -> None:
        """``annotations``: (text, None) for a text part, (markup, interpretAs or "") for markup."""
        plain: list[str] = []
        original: list[str] = []
        self._parts: list[_Part] = []  # only those the checks read something of: they tile the plain text
        plain_at = original_at = 0
        for content, interpret_as in annotations:
            shown = content if interpret_as is None else interpret_as
            if shown:
                self._parts.append(_Part(plain_at, plain_at + len(shown), original_at,
                                         original_at + len(content), interpret_as is None))
            plain.append(shown)
            original.append(content)
            plain_at += len(shown)
            original_at += len(content)
        self.plain = "".join(plain)
        self.original = "".join(original)
        self._starts = [part.plain_start for part in self._parts]

    @classmethod
    def plain_text(cls, text: str) -> "AnnotatedText":
        return cls([(text, None)])

    def start(self, offset: int) -> int:
        """Where a span starting at plain ``offset`` starts in the original (inside markup: at the markup)."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0 or offset >= self._parts[index].plain_end:
            return len(self.original)
        part = self._parts[index]
        return part.original_start + (offset - part.plain_start if part.is_text else 0)

    def end(self, offset: int) -> int:
        """Where a span ending at plain ``offset`` ends in the original (inside markup: after it)."""
        index = bisect.bisect_left(self._starts, offset) - 1
        if index < 0:
            return self.start(offset)
        part = self._parts[index]
        return part.original_start + offset - part.plain_start if part.is_text else part.original_end


def parse_data(data: str) -> AnnotatedText:
    """``data``'s JSON; raises RequestError naming what is wrong with it."""
    try:
        parsed = json.loads(data)
    except ValueError as error:
        raise RequestError(f"data: not valid JSON: {error}") from None
    except RecursionError:
        raise RequestError("data: not valid JSON: nested too deeply") from None
    if not isinstance(parsed, dict) or not isinstance(parsed.get("annotation"), list):
        raise RequestError('data: expected {"annotation": [{"text": ...}, {"markup": ...}, ...]}')
    annotations: list[tuple[str, str | None]] = []
    for number, item in enumerate(parsed["annotation"]):
        where = f"data: annotation[{number}]"
        if not isinstance(item, dict) or ("text" in item) == ("markup" in item):
            raise RequestError(f"{where}: give either 'text' or 'markup'")
        if "text" in item:
            if not isinstance(item["text"], str):
                raise RequestError(f"{where}: 'text' must be a string")
            annotations.append((item["text"], None))
            continue
        markup, interpret_as = item["markup"], item.get("interpretAs", "")
        if not isinstance(markup, str) or not isinstance(interpret_as, str):
            raise RequestError(f"{where}: 'markup' and 'interpretAs' must be strings")
        annotations.append((markup, interpret_as))
    return AnnotatedText(annotations)


def _rule_names(fields: Mapping[str, str], field: str) -> list[str]:
    return [name.strip() for name in fields.get(field, "").split(",") if name.strip()]


def selection(fields: Mapping[str, str], default: tuple[str, ...] | None,
              validate: Callable[[list[str], str], tuple[str, ...]]) -> Selection:
    """The checks a request asks for; ``validate(names, field)`` rejects an unknown check name.

    ``enabledOnly=true`` runs only ``enabledRules``; otherwise ``enabledRules`` adds to the checks that
    run by default (``default``: the configuration's selection, None for every check), as in LanguageTool.
    """
    def ours(field: str) -> tuple[str, ...]:
        return validate([name for name in _rule_names(fields, field) if not _LANGUAGETOOL_RULE_ID.match(name)],
                        field)

    enabled, disabled = ours("enabledRules"), ours("disabledRules")
    if fields.get("enabledOnly", "").strip().lower() == "true":
        if not _rule_names(fields, "enabledRules"):
            raise RequestError("enabledOnly=true needs enabledRules (the checks to run)")
        return Selection(select=enabled, ignore=disabled)
    if default is not None and enabled:
        return Selection(select=tuple(sorted({*default, *enabled})), ignore=disabled)
    return Selection(select=None, ignore=disabled)  # None: the configuration's selection


def _context(original: str, start: int, end: int) -> dict[str, Any]:
    """The match with up to CONTEXT_SIZE characters either side, on one line, as LanguageTool gives it."""
    before = max(start - CONTEXT_SIZE, 0)
    after = min(end + CONTEXT_SIZE, len(original))
    prefix = "..." if before > 0 else ""
    window = prefix + original[before:after] + ("..." if after < len(original) else "")
    window = window.replace("\r", " ").replace("\n", " ")
    offset = utf16_length(prefix + original[before:start])
    return {"text": window, "offset": offset, "length": utf16_length(original[start:end])}


def _short_message(check: str) -> str:
    return check.replace("-", " ").capitalize()


def match(finding: Finding, plain: ClientText, annotated: AnnotatedText, original: ClientText,
          info: CheckInfo | None) -> dict[str, Any]:
    """One finding as a LanguageTool match: offsets in UTF-16 units of the text as submitted."""
    start = annotated.start(plain.offset(finding.line, finding.column))
    end = max(annotated.end(plain.offset(finding.end_line, finding.end_column)), start)
    offset, length = original.utf16(start), original.utf16(end) - original.utf16(start)
    return {
        "message": finding.message,
        "shortMessage": _short_message(finding.check),
        "replacements": [{"value": finding.suggestion}] if finding.suggestion else [],
        "offset": offset,
        "length": length,
        "context": _context(annotated.original, start, end),
        "sentence": plain.line_of(plain.offset(finding.line, finding.column)).strip(),
        "type": {"typeName": "Hint" if finding.severity is Severity.INFO else "Other"},
        "rule": {
            "id": finding.check,
            "description": info.summary if info else finding.check,
            "issueType": _ISSUE_TYPES.get(finding.check, "uncategorized"),
            "category": dict(CATEGORY),
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def check_response(result: FileResult, annotated: AnnotatedText, language: dict[str, Any],
                   checks: Mapping[str, CheckInfo]) -> dict[str, Any]:
    """The whole ``/v2/check`` answer. A check that failed makes the results incomplete, as a timeout
    does in LanguageTool: the other checks' matches are still given, and the reason is in ``warnings``."""
    plain, original = ClientText(annotated.plain), ClientText(annotated.original)
    problems = [failure.message for failure in result.failures]
    warnings: dict[str, Any] = {"incompleteResults": bool(problems)}
    if problems:
        warnings["incompleteResultsReason"] = "; ".join(problems)
    return {
        "software": {"name": "newslint", "version": __version__, "buildDate": "", "apiVersion": API_VERSION,
                     "premium": False, "status": ""},
        "warnings": warnings,
        "language": language,
        "matches": [match(finding, plain, annotated, original, checks.get(finding.check))
                    for finding in result.findings],
        "sentenceRanges": [],
    }
