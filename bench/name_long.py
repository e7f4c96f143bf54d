"""Speed of name-spelling on one long input, against the spaCy parse of that same input.

Runs on demand (not part of the test suite):

    .venv/bin/python bench/name_long.py [--corpus ../shared/corpus] [--size 267000] [--rounds 3] [--profile]

Lee articles are joined, blank line between them, into one text of about ``--size`` characters
(built in memory, never written out: corpus text stays out of the project). The text is parsed
once with the pipeline the Linter uses (timed: the baseline), then the check alone runs on the
parsed document ``--rounds`` times: the first round (memo tables empty, as in a fresh process)
and the best are reported. The target is the check's own
time at most about 10% of the parse. ``--profile`` prints the check's top functions by own time.
Writes bench/results/name_long.md.
"""

from __future__ import annotations

import argparse
import cProfile
import platform
import pstats
import time
from pathlib import Path

import _corpus as corpus

from newslint.document import Document
from newslint.registry import load_checks

ROOT = Path(__file__).resolve().parent.parent


def long_text(corpus: Path, size: int) -> tuple[str, int]:
    """Lee articles joined until the text reaches ``size`` characters, and how many were used."""
    articles: list[str] = []
    length = 0
    for path in sorted((corpus / "clean" / "lee").glob("*.txt")):
        if length >= size:
            break
        article = path.read_text(encoding="utf-8").strip()
        articles.append(article)
        length += len(article) + 2
    return "\n\n".join(articles) + "\n", len(articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--size", type=int, default=267_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    text, articles = long_text(args.corpus, args.size)

    checks = load_checks()
    linter = corpus.linter(["name-spelling"])
    assert linter.pipeline is not None
    parse = linter.pipeline.parser()  # the engine's own parse, timed on its own as the baseline
    check = checks["name-spelling"]
    parse("warm up the pipeline.")

    began = time.perf_counter()
    document = Document.from_text("long.txt", text, parse=parse)
    _ = document.spacy_doc
    parse_seconds = time.perf_counter() - began

    # The first round runs with the check's memo tables empty, as in a fresh `newslint` process.
    rounds: list[float] = []
    findings = 0
    for _ in range(args.rounds):
        began = time.perf_counter()
        findings = len(list(check.run(document)))
        rounds.append(time.perf_counter() - began)
    first, best = rounds[0], min(rounds)

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        list(check.run(document))
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)

    report = "\n".join(
        [
            "# name-spelling on one long input",
            "",
            f"Corpus: ../shared/corpus/clean/lee, first {articles} articles joined: {len(text)} characters;"
            f" {platform.processor() or platform.machine()}, Python {platform.python_version()}",
            "",
            "| run | seconds |",
            "|---|---|",
            f"| spaCy parse of the text (baseline, once) | {parse_seconds:.2f} |",
            f"| name-spelling alone on the parsed text, first run (cold memo tables) | {first:.3f} |",
            f"| name-spelling alone on the parsed text, best of {args.rounds} | {best:.3f} |",
            "",
            f"**Check / parse, first run: {first / parse_seconds:.3f}** (target at most about 0.10);"
            f" best run: {best / parse_seconds:.3f}. Findings: {findings}.",
            "",
        ]
    )
    print(report)
    corpus.write_result("name_long", report)


if __name__ == "__main__":
    main()
