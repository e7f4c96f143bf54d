"""Stable fingerprints: one per finding, the same wherever the finding moves in its file.

Built from :attr:`Finding.identity` (never a line number) and the finding's occurrence among identical
ones, so SARIF code scanning and GitLab Code Quality keep tracking a problem across edits above it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Iterable, Iterator

from newslint.finding import Finding


def fingerprint(finding: Finding, occurrence: int) -> str:
    """Stable across edits elsewhere in the file; the occurrence number tells identical findings apart."""
    digest = hashlib.sha256("\0".join(finding.identity).encode("utf-8", "surrogateescape")).hexdigest()
    return f"{digest[:32]}:{occurrence}"


def fingerprints(findings: Iterable[Finding]) -> Iterator[tuple[Finding, str]]:
    """Each finding (in order) with its fingerprint."""
    occurrences: Counter[tuple[str, str, str, str]] = Counter()
    for finding in findings:
        occurrences[finding.identity] += 1
        yield finding, fingerprint(finding, occurrences[finding.identity])
