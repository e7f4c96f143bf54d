"""orphan-caption (and promo-text) on ``bench/data/invented_pages``: 40 invented pages, every line labelled.

A second measure beside ``captions_accuracy.py``, whose real pages come from few site templates: these pages
were written for newslint, by a helper that saw neither its code nor its fixtures, in the layouts of forty
kinds of news site (see the folder's README). Pages with an odd number are the half tuned on; pages with an
even number are only measured, and their misses are not listed.

Run: ``python bench/invented_pages_accuracy.py [--show]`` (``--show`` lists the tune half's misses).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from _corpus import lint_text, linter, write_result

PAGES = Path(__file__).resolve().parent / "data" / "invented_pages"
LABELS = {"B": "body", "O": "other", "C": "caption", "K": "credit", "CK": "caption+credit"}
PICTURE_LABELS = ("caption+credit", "caption", "credit")
_TAGGED = re.compile(r"^(?:(B|O) |(CK|C|K)\{([^}]+)\} )(.+)$")


def read_page(path: Path) -> tuple[str, dict[int, tuple[str, str]]]:
    """The page's text and {line number: (label, form)} from its tagged source."""
    text, labels = [], {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").rstrip("\n").split("\n"), start=1):
        tagged = _TAGGED.match(raw)
        if raw.strip() and tagged is None:
            raise ValueError(f"{path.name}:{number}: untagged line {raw!r}")
        if tagged:
            tag = tagged.group(1) or tagged.group(2)
            labels[number] = (LABELS[tag], tagged.group(3) or "")
        text.append(tagged.group(4) if tagged else "")
    return "\n".join(text) + "\n", labels


def measure(show: bool) -> str:
    lint = linter(["orphan-caption", "promo-text"])
    lines = {half: Counter() for half in ("tune", "held-out")}
    found = {half: Counter() for half in ("tune", "held-out")}
    wrong = {half: Counter() for half in ("tune", "held-out")}
    misses = []
    for path in sorted(PAGES.glob("*.src")):
        half = "tune" if int(path.name[:2]) % 2 else "held-out"
        text, labels = read_page(path)
        findings = lint_text(lint, path.name, text)
        covered = {n for f in findings if f.check == "orphan-caption" for n in range(f.line, f.end_line + 1)}
        for finding in findings:
            label = labels.get(finding.line, ("blank", ""))[0]
            wrong[half][(finding.check, label)] += 1
        for number, (label, form) in labels.items():
            if label not in PICTURE_LABELS:
                continue
            lines[half][label] += 1
            if number in covered:
                found[half][label] += 1
            elif half == "tune":
                misses.append(f"  {path.stem}:{number} [{label}/{form}] {text.splitlines()[number - 1][:110]}")

    def ratio(part: int, whole: int) -> str:
        return f"{part}/{whole} = {part / whole:.2f}" if whole else "0/0"

    out = ["| | tune (odd pages) | held-out (even pages) |", "|---|---|---|"]
    for label in PICTURE_LABELS:
        out.append(f"| {label} recall | " + " | ".join(ratio(found[h][label], lines[h][label]) for h in lines) + " |")
    out.append("| all caption/credit recall | " + " | ".join(
        ratio(sum(found[h].values()), sum(lines[h].values())) for h in lines) + " |")
    for check, label in (("orphan-caption", "body"), ("orphan-caption", "other"), ("promo-text", "body"),
                         ("promo-text", "caption"), ("promo-text", "credit"), ("promo-text", "caption+credit")):
        out.append(f"| {check} findings on `{label}` lines | " + " | ".join(str(wrong[h][(check, label)])
                                                                           for h in lines) + " |")
    report = "\n".join(out) + "\n"
    if show:
        report += "\nMisses (tune):\n" + "\n".join(misses) + "\n"
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list the tune half's misses")
    args = parser.parse_args()
    report = measure(args.show)
    print(report)
    if not args.show:
        write_result("invented_pages_accuracy", report)


if __name__ == "__main__":
    main()
