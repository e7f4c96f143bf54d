"""name-spelling on one long input: time and peak memory at growing sizes, one line or many.

Runs on demand (not part of the test suite):

    .venv/bin/python bench/name_long.py [--corpus ../shared/corpus] [--sizes 1000000 10000000]

Lee stories are joined (and repeated, to reach the size) into one text, built in memory and never
written out (corpus text stays out of the project): ``lines`` joins them with blank lines, ``one
line`` with spaces, so the whole input is a single 10 MB line. Each input is linted with only
name-spelling selected in a fresh process, which reports its wall time and peak RSS (the model
included). Time per MB should not grow with the size (linear), and memory should stay bounded:
the model sees only bounded pieces around candidate words. Writes bench/results/name_long.md.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
from pathlib import Path

import _corpus as corpus

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import _corpus as corpus
from pathlib import Path
stories = [p.read_text(encoding="utf-8").strip() for p in sorted(Path(sys.argv[2]).glob("*.txt"))]
size, joiner = int(sys.argv[3]), ("\n\n" if sys.argv[4] == "lines" else " ")
parts, length, i = [], 0, 0
while length < size:
    story = stories[i % len(stories)]
    parts.append(story); length += len(story) + len(joiner); i += 1
text = joiner.join(parts)[:size]
linter = corpus.linter(["name-spelling"])
corpus.lint_text(linter, "warm-up.txt", "Mayor Ann Lee spoke. Mr Lea left.")  # load the model
began = time.perf_counter()
findings = corpus.lint_text(linter, "long.txt", text)
seconds = time.perf_counter() - began
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"chars": len(text), "seconds": seconds, "rss_mb": rss, "findings": len(findings)}))
"""


def run(corpus_dir: Path, size: int, shape: str) -> dict:
    bench = Path(__file__).resolve().parent
    out = subprocess.run([sys.executable, "-c", CHILD, str(bench), str(corpus_dir / "clean" / "lee"), str(size), shape],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=corpus.CORPUS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000])
    args = parser.parse_args()
    rows = []
    for shape in ("lines", "one line"):
        for size in args.sizes:
            result = run(args.corpus, size, shape)
            rows.append((shape, result))
            print(shape, result, flush=True)
    lines = [
        "# name-spelling on one long input",
        "",
        f"Corpus: ../shared/corpus/clean/lee stories, joined and repeated to each size; "
        f"{platform.processor() or platform.machine()}, Python {platform.python_version()}; one run each, each in a"
        " fresh process (the model loaded before the clock starts; peak RSS includes it).",
        "",
        "| input | characters | seconds | seconds per MB | peak RSS (MB) | findings |",
        "|---|---|---|---|---|---|",
    ]
    for shape, r in rows:
        per_mb = r["seconds"] / (r["chars"] / 1_000_000)
        lines.append(f"| {shape} | {r['chars']:,} | {r['seconds']:.1f} | {per_mb:.2f} | {r['rss_mb']:.0f} |"
                     f" {r['findings']} |")
    for shape in ("lines", "one line"):
        sized = [r for s, r in rows if s == shape]
        if len(sized) >= 2:
            small, large = sized[0], sized[-1]
            growth = (large["seconds"] / large["chars"]) / (small["seconds"] / small["chars"])
            lines.append(f"\n{shape}: time per character at the largest size / at the smallest: **{growth:.2f}**.")
    lines.append("")
    report = "\n".join(lines)
    print(report)
    corpus.write_result("name_long", report)


if __name__ == "__main__":
    main()
