"""A batch of real stories, all checks, against the ``nlp.pipe`` floor of parsing every story.

In one process: the engine's lint call over every story of ``clean/lee`` and ``names/conll`` with every
check selected, and ``nlp.pipe`` of the same texts through the very pipeline the engine loads (NER with
the components it needs). The floor is what a linter that parses every story could not beat; newslint
parses only the sentences that hold a candidate misspelling. Best of ``--rounds``; target ratio ≤ 0.35.

Run: ``python bench/batch_vs_floor.py [--rounds 2]``
"""

from __future__ import annotations

import argparse
import os
import time

from _corpus import CORPUS, require_corpus, write_result

from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.registry import load_checks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    arguments = parser.parse_args()
    require_corpus()
    paths = sorted((CORPUS / "clean" / "lee").glob("*.txt")) + sorted((CORPUS / "names" / "conll").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    linter = Linter(load_checks(), Config())
    assert linter.pipeline is not None
    nlp = linter.pipeline.load()
    list(nlp.pipe(texts[:5]))  # warm up both
    linter.lint(Source("warm.txt", text=texts[0]))
    load_before = os.getloadavg()[0]
    best = {"linter": float("inf"), "floor": float("inf")}
    findings = 0
    for _ in range(arguments.rounds):
        began = time.perf_counter()
        findings = sum(len(linter.lint(Source(str(p), text=t)).findings) for p, t in zip(paths, texts, strict=True))
        best["linter"] = min(best["linter"], time.perf_counter() - began)
        began = time.perf_counter()
        for _doc in nlp.pipe(texts):
            pass
        best["floor"] = min(best["floor"], time.perf_counter() - began)
    ratio = best["linter"] / best["floor"]
    body = "\n".join([
        f"{len(texts)} stories (clean/lee and names/conll), every check, best of {arguments.rounds} rounds.",
        f"Pipeline components: {', '.join(nlp.pipe_names)}.",
        f"Load average (1 min) before/after: {load_before:.2f} / {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores.",
        "",
        "| run | seconds |",
        "|---|---|",
        f"| newslint, every check ({findings} findings) | {best['linter']:.2f} |",
        f"| nlp.pipe of every story (the floor) | {best['floor']:.2f} |",
        "",
        f"**Ratio: {ratio:.3f}** (target at most 0.35).",
        "",
    ])
    print(body)
    print(f"written to {write_result('batch_vs_floor', body)}")


if __name__ == "__main__":
    main()
