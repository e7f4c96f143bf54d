"""Every input shape that was once super-linear, timed at two sizes: the ratio per doubling.

Each path of the hostile-input issue (item 9) is linted at n and 2n through the engine's one lint call
with the check it stresses; linear work gives about 2.0 per doubling, quadratic 4.0. Target: every ratio
at most 2.5. Best of three runs per size, after a warm-up, in one process. A size whose run takes under
50 ms is doubled until it does not (at most 64 times over): below that a ratio measures the clock.

Run: ``python bench/linear_paths.py [--scale 1.0]``
"""

from __future__ import annotations

import argparse
import time

from _corpus import write_result

from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.registry import load_checks

# (what, check, file name, maker of a text of about n units, n)
PATHS = [
    ("promo-text: teaser tail over a run of full stops", "promo-text", "x.txt", lambda n: "." * n, 64_000),
    ("promo-text: a finding per line", "promo-text", "x.txt", lambda n: "Click here to subscribe.\n" * n, 8_000),
    ("orphan-caption: credit lines with no blank line", "orphan-caption", "x.txt",
     lambda n: "Jane Roe / Reuters\n" * n, 8_000),
    ("orphan-caption: a run of spaces in a caption beside a credit", "orphan-caption", "x.txt",
     lambda n: "Photo: Jane Roe/Reuters\n\nA " + " " * n + "crowd (left) gathers.\n", 64_000),
    ("orphan-caption: one long word beside a credit", "orphan-caption", "x.txt",
     lambda n: "Photo: Jane Roe/Reuters\n\nJo A" + "a" * n + ", founder of it\n", 64_000),
    ("name-spelling: near-identical names", "name-spelling", "x.txt",
     lambda n: " ".join(f"Mayor Ann Lee{'e' * (i % 3)} said." for i in range(n)), 2_000),
    ("name-spelling: a long run of brackets", "name-spelling", "x.txt",
     lambda n: "Mayor Ann Lee said. " + "(" * n + " Mayor Ann Lea said.", 16_000),
    ("html reader: nested figures", "promo-text", "x.html",
     lambda n: "<figure>" * n + "A caption." + "</figure>" * n, 8_000),
    ("html reader: '<a' with no '>'", "promo-text", "x.html", lambda n: "<a" * n, 40_000),
    ("markdown: suppression comments", "promo-text", "x.md",
     lambda n: "<!-- newslint: ignore promo-text -->\n" * n + "Share this article\n", 20_000),
    ("counts and dates: one long line", "count-mismatch", "x.txt",
     lambda n: "One of the 13 officials met on Monday, Jan. 28, 2013. " * n, 4_000),
]


MEASURABLE = 0.05  # seconds
MAX_GROWTH = 64


def best_of_three(linter: Linter, name: str, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        linter.lint(Source(name, text=text))
        best = min(best, time.perf_counter() - began)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    arguments = parser.parse_args()
    rows = ["| path | n | seconds at n | seconds at 2n | ratio |", "|---|---|---|---|---|"]
    worst = 0.0
    for what, check, name, make, size in PATHS:
        n = max(int(size * arguments.scale), 10)
        linter = Linter(load_checks(), Config(select=(check,)))
        linter.lint(Source(name, text=make(max(n // 10, 1))))  # warm up: model, regexes, data files
        small = best_of_three(linter, name, make(n))
        while small < MEASURABLE and n < size * arguments.scale * MAX_GROWTH:
            n *= 2
            small = best_of_three(linter, name, make(n))
        large = best_of_three(linter, name, make(2 * n))
        ratio = large / small if small else float("nan")
        worst = max(worst, ratio)
        rows.append(f"| {what} | {n:,} | {small:.3f} | {large:.3f} | {ratio:.2f} |")
        print(rows[-1], flush=True)
    body = "\n".join([*rows, "", f"Worst ratio per doubling: {worst:.2f} (target at most 2.5).", ""])
    print(f"written to {write_result('linear_paths', body)}")


if __name__ == "__main__":
    main()
