"""orphan-caption (and promo-text) on ``captions/``: real pages with their captions and credits left in place.

Every non-blank line of ``captions/pages/<page>.txt`` carries a label in ``captions/labels.json``:
``caption``, ``credit``, ``caption+credit``, ``body`` or ``other`` (see that folder's README). A labelled
caption or credit line counts as found when an orphan-caption finding covers it.

**The split.** The pages are divided BY SITE into a half the checks are tuned on and a half that is only
measured, so that a rule written for one site's captions cannot pass as a general one. A page's site is
its id without the ``goose3-`` prefix, a ``test`` prefix, an ``_issue_N``/``_article`` suffix, a single
trailing page digit and the domain ending, case-folded (``reuters.com3`` → ``reuters``,
``goose3-businessWeek2`` → ``businessweek``; ``goose3-issue115`` stays ``issue115``). A site is in the held-out
half when the first byte of the SHA-1 of its name is odd, else in the tune half.

Reported per half: recall per label and per caption form, orphan-caption findings on ``body`` lines (must
be none) and on ``other`` lines, precision against ``body`` lines, and what promo-text reports on each label.

Run: ``python bench/captions_accuracy.py`` (both halves, written to ``bench/results/captions_accuracy.md``);
``python bench/captions_accuracy.py --show tune`` also lists the tune half's misses and its findings on
``body``/``other`` lines, for reading (the held-out half is never listed while tuning).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from _corpus import CORPUS, linter, require_corpus, write_result

CAPTIONS = CORPUS / "captions"
CHECKS = ["orphan-caption", "promo-text"]
LABELS = ("caption+credit", "caption", "credit")
HALVES = ("tune", "held-out")
TARGETS = {"caption+credit": 0.8, "caption": 0.7, "credit": 0.9}


def site_of(page: str) -> str:
    """The site a page comes from; both test suites' copies of one site share it."""
    site = page.casefold().removeprefix("goose3-").removeprefix("test")
    site = re.sub(r"_(?:issue_\d+|article)$", "", site)
    site = re.sub(r"(?<=\D)\d$", "", site)
    return re.sub(r"\.(?:com\.au|co\.uk|com|org|ca)$", "", site)


def half_of(page: str) -> str:
    return "held-out" if hashlib.sha1(site_of(page).encode("utf-8")).digest()[0] % 2 else "tune"


@dataclass
class Tally:
    lines: Counter[str] = field(default_factory=Counter)  # label → lines
    found: Counter[str] = field(default_factory=Counter)  # label → lines orphan-caption covers
    forms: Counter[str] = field(default_factory=Counter)
    forms_found: Counter[str] = field(default_factory=Counter)
    findings: Counter[tuple[str, str]] = field(default_factory=Counter)  # (check, label of the line) → findings
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)  # findings on body and other lines
    pages: int = 0
    sites: set[str] = field(default_factory=set)


def measure() -> dict[str, Tally]:
    labels = json.loads((CAPTIONS / "labels.json").read_text(encoding="utf-8"))
    lint = linter(CHECKS)
    tallies = {half: Tally() for half in HALVES}
    for page, data in sorted(labels["pages"].items()):
        tally = tallies[half_of(page)]
        tally.pages += 1
        tally.sites.add(site_of(page))
        path = CAPTIONS / "pages" / f"{page}.txt"
        result = lint.lint(path.as_posix())
        for failure in result.failures:
            print(f"error: {failure.path}: {failure.message}", file=sys.stderr)
        covered: dict[str, set[int]] = defaultdict(set)
        first_line: dict[tuple[str, int], str] = {}
        for finding in result.findings:
            for number in range(finding.line, finding.end_line + 1):
                covered[finding.check].add(number)
            first_line[(finding.check, finding.line)] = finding.message
        by_number = {line["n"]: line for line in data["lines"]}
        for check in CHECKS:
            for number in sorted({f.line for f in result.findings if f.check == check}):
                label = by_number[number]["label"] if number in by_number else "blank"
                tally.findings[(check, label)] += 1
                if label in ("body", "other") and check == "orphan-caption":
                    tally.wrong.append(f"{page}:{number} [{label}] {by_number[number]['text'][:140]}")
                if label in ("body", *LABELS) and check == "promo-text":
                    tally.wrong.append(f"{page}:{number} [{label}, promo-text] {by_number[number]['text'][:140]}")
        for line in data["lines"]:
            label = line["label"]
            if label not in LABELS:
                continue
            hit = line["n"] in covered["orphan-caption"]
            tally.lines[label] += 1
            tally.forms[line["form"]] += 1
            if hit:
                tally.found[label] += 1
                tally.forms_found[line["form"]] += 1
            else:
                tally.misses.append(f"{page}:{line['n']} [{label}/{line['form']}] {line['text'][:140]}")
    return tallies


def ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.2f}" if whole else "0/0"


def report(tallies: dict[str, Tally]) -> str:
    out = ["Split by site (SHA-1 of the site name, odd first byte: held-out); tuned on the tune half only.", ""]
    halves = list(tallies)
    out += ["| | " + " | ".join(halves) + " |", "|---|" + "---|" * len(halves)]
    out.append("| pages (sites) | " + " | ".join(f"{t.pages} ({len(t.sites)})" for t in tallies.values()) + " |")
    for label in LABELS:
        target = f" (target ≥ {TARGETS[label]})"
        out.append(f"| {label} recall{target} | "
                   + " | ".join(ratio(t.found[label], t.lines[label]) for t in tallies.values()) + " |")
    out.append("| all caption/credit recall | " + " | ".join(
        ratio(sum(t.found.values()), sum(t.lines.values())) for t in tallies.values()) + " |")
    for label in ("body", "other"):
        out.append(f"| orphan-caption findings on `{label}` lines | "
                   + " | ".join(str(t.findings[("orphan-caption", label)]) for t in tallies.values()) + " |")

    def precision(t: Tally) -> str:
        right = sum(t.findings[("orphan-caption", label)] for label in LABELS)
        return ratio(right, right + t.findings[("orphan-caption", "body")])

    out.append("| orphan-caption precision against `body` lines | "
               + " | ".join(precision(t) for t in tallies.values()) + " |")
    for label in ("body", "other", *LABELS):
        out.append(f"| promo-text findings on `{label}` lines | "
                   + " | ".join(str(t.findings[("promo-text", label)]) for t in tallies.values()) + " |")
    out += ["", "Recall per caption form (orphan-caption):", "",
            "| form | " + " | ".join(halves) + " |", "|---|" + "---|" * len(halves)]
    forms = sorted(set().union(*(t.forms for t in tallies.values())),
                   key=lambda form: (-sum(t.forms[form] for t in tallies.values()), form))
    for form in forms:
        out.append(f"| {form} | " + " | ".join(ratio(t.forms_found[form], t.forms[form]) for t in tallies.values())
                   + " |")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", choices=HALVES, help="report only this half, and list its misses and wrong findings")
    arguments = parser.parse_args()
    require_corpus()
    tallies = measure()
    if arguments.show:  # while tuning, the other half's numbers are not even printed
        tallies = {arguments.show: tallies[arguments.show]}
    text = report(tallies)
    print(text)
    if arguments.show:
        tally = tallies[arguments.show]
        print(f"Misses ({arguments.show}):", *tally.misses, sep="\n  ")
        print(f"\nFindings on body/other lines, and promo-text's on caption/credit lines ({arguments.show}):",
              *tally.wrong, sep="\n  ")
    else:
        write_result("captions_accuracy", text)


if __name__ == "__main__":
    main()
