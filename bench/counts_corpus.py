"""Accuracy of count-claim, count-mismatch and date-weekday on the reference article and on real copy.

1. The reference article: the findings these checks must (and must not) give there.
2. ``clean/lee``, ``names/conll`` and ``boilerplate/scraped``: warnings (count-mismatch + date-weekday) per
   100 articles, every one listed for reading (target: at most 0.25 per 100); count-claims per 100
   articles; and a fixed random sample of 50 count-claims listed by file, line and column, for an editor
   to judge (target: at least 45 of 50 are counts an editor would verify; the verdicts are recorded in
   ``results/counts_claim_sample_review.md``).
3. Time per article for the three checks, against reading the articles alone (the baseline), in the
   same run; and time on synthetic stories of 250 KB and 1 MB (written here, not taken from the
   corpus), whose ratio shows whether the checks grow in proportion to the text (4× for 4× the text).

Only file names, line numbers and the few words each finding quotes are printed: the corpus text is
for measuring and is not copied into the project.

Run: ``python bench/counts_corpus.py [--sample-seed N] [--show]``
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from pathlib import Path

from _corpus import CORPUS, SEED, lint_text, linter, require_corpus, write_result

CHECKS = ["count-claim", "count-mismatch", "date-weekday"]
WARNINGS = {"count-mismatch", "date-weekday"}
SETS = ["clean/lee", "names/conll", "boilerplate/scraped"]
SAMPLE_SIZE = 50
WARNING_TARGET = 0.25  # warnings per 100 articles
# Synthetic copy for the scaling test: weekday dates, ranges, anchored counts with and without lists.
SYNTHETIC_PARAGRAPHS = [
    "Gov. Dana Whitfield met on Tuesday, Jan. 28, 2013, with superintendents from three districts hit by floods.",
    "\"Every child should be back at a desk by fall,\" Whitfield said on Wednesday, Jan. 30.",
    "Among the school leaders were the superintendents from Millbrook, Ohio; Fairview, Ky. and Dunmore, Pa., "
    "the districts that lost the most days.",
    "One of the 13 officials who met the mayor said the 13 officials would meet again Monday, Feb. 4, through Friday.",
    "Police chiefs from four communities: Aurora, Oak Creek, Newtown and Tucson. "
    "The 40 passengers on the bus were safe.",
    "The hearing ran Monday-Wednesday, Jan. 28-30, 2013, and the board of 12 trustees voted on Thurs. Jan. 31.",
    "Delegates from five nations attended, and workers from 30 factories joined the march "
    "with farmers from nine villages.",
    "Two of the three suspects, Tom Reyes, Ann Li and Carl Moss, were charged with theft of about 600 cars.",
]


def _synthetic_story(size: int) -> str:
    paragraphs, length = [], 0
    while length < size:
        paragraphs.append(SYNTHETIC_PARAGRAPHS[len(paragraphs) % len(SYNTHETIC_PARAGRAPHS)])
        length += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs) + "\n"


def _time_synthetic(lint, no_checks) -> list[str]:
    """Seconds for the three checks on one long synthetic story, net of reading it alone."""
    lines, seconds = [], {}
    for size in (250_000, 1_000_000):
        text = _synthetic_story(size)
        started = time.perf_counter()
        lint_text(no_checks, f"baseline-{size}.txt", text)
        baseline = time.perf_counter() - started
        started = time.perf_counter()
        found = lint_text(lint, f"synthetic-{size}.txt", text)
        elapsed = time.perf_counter() - started
        seconds[size] = elapsed
        lines.append(f"- synthetic {len(text) / 1e6:.2f} MB story: reading alone {baseline * 1000:.0f} ms; "
                     f"with the three checks {elapsed:.2f} s ({len(found)} findings)")
    lines.append(f"- 4× the text took {seconds[1_000_000] / seconds[250_000]:.1f}× the time (4× is linear)")
    return lines


def _reference_article(lint) -> tuple[list[str], bool]:
    findings = lint_text(lint, SEED.name, SEED.read_text(encoding="utf-8"))
    got = sorted((f.line, f.check, f.message) for f in findings)
    expected_ok = [(line, check) for line, check, _ in got] == [(26, "count-claim")] \
        and '"13 officials"' in got[0][2]
    return [f"line {line}: {check} — {message}" for line, check, message in got], expected_ok


def main(seed: int, show: bool = False) -> None:
    require_corpus()
    lint = linter(CHECKS)
    lines: list[str] = []

    reference, reference_ok = _reference_article(lint)
    verdict = "PASS" if reference_ok else "FAIL"
    lines += ["## Reference article", "", *[f"- {entry}" for entry in reference], "",
              f'Expected exactly a count-claim on line 26 quoting "13 officials": {verdict}', ""]

    paths = [path for name in SETS for path in sorted((CORPUS / name).glob("*.txt"))]
    texts = {path: path.read_text(encoding="utf-8") for path in paths}

    no_checks = linter([])
    started = time.perf_counter()
    for path, text in texts.items():  # baseline: building each Document and running no check
        lint_text(no_checks, str(path), text)
    baseline = time.perf_counter() - started

    started = time.perf_counter()
    findings = {path: lint_text(lint, str(path), text) for path, text in texts.items()}
    elapsed = time.perf_counter() - started

    lines += ["## Real copy", ""]
    for name in SETS:
        in_set = [p for p in paths if str(p.parent).endswith(name)]
        per_check = Counter(f.check for p in in_set for f in findings[p])
        warnings = sum(per_check[c] for c in WARNINGS)
        lines.append(
            f"- {name}: {len(in_set)} articles; count-claim {per_check['count-claim']} "
            f"({100 * per_check['count-claim'] / len(in_set):.2f} per 100 articles, in "
            f"{sum(1 for p in in_set if any(f.check == 'count-claim' for f in findings[p]))} articles); "
            f"count-mismatch {per_check['count-mismatch']}; date-weekday {per_check['date-weekday']} "
            f"→ warnings {100 * warnings / len(in_set):.2f} per 100 articles"
        )
    total_warnings = [f for p in paths for f in findings[p] if f.check in WARNINGS]
    claims = [(p, f) for p in paths for f in findings[p] if f.check == "count-claim"]
    lines += [
        f"- all sets: {len(paths)} articles; warnings {100 * len(total_warnings) / len(paths):.2f} per 100 "
        f"(target ≤ {WARNING_TARGET}); count-claims {100 * len(claims) / len(paths):.2f} per 100 articles",
        "",
        "### Every warning",
        "",
        *([f"- {Path(f.path).parent.name}/{Path(f.path).name}:{f.line}:{f.column} {f.check}"
           + (f" {f.message}" if show else "")
           for f in total_warnings] or ["- none"]),
        "",
        f"### Sample of {SAMPLE_SIZE} count-claims (random seed {seed})",
        "",
    ]
    sample = sorted(random.Random(seed).sample(claims, min(SAMPLE_SIZE, len(claims))),
                    key=lambda c: (str(c[0]), c[1].line))
    # The corpus is under its publishers' copyright: the results file names positions only; --show prints
    # the quoted counts on the terminal for reading.
    lines += [f"{i}. {p.parent.name}/{p.name}:{f.line}:{f.column}" + (f" {f.message}" if show else "")
              for i, (p, f) in enumerate(sample, 1)]
    lines += [
        "",
        "## Time",
        "",
        f"- {len(paths)} articles: reading alone {baseline * 1000:.0f} ms; with the three checks "
        f"{elapsed * 1000:.0f} ms ({elapsed / max(baseline, 1e-9):.1f}× the baseline, "
        f"{1000 * (elapsed - baseline) / len(paths):.2f} ms per article for the checks). No NLP model is loaded.",
        *_time_synthetic(lint, no_checks),
        "",
    ]
    body = "\n".join(lines)
    print(body)
    if not show:
        print(f"written to {write_result('counts_corpus', body)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample-seed", type=int, default=2013)
    parser.add_argument("--show", action="store_true", help="print the quoted counts (not written to results)")
    arguments = parser.parse_args()
    main(arguments.sample_seed, arguments.show)
