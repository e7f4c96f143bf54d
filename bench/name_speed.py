"""Speed of name-spelling against the floor of its own NLP: spaCy's nlp.pipe over the same texts.

Runs on demand (not part of the test suite):

    .venv/bin/python bench/name_speed.py [--corpus ../shared/corpus] [--rounds 3]

In one process: newslint's Linter (only name-spelling selected) lints the Lee corpus, and the same
texts go through the same loaded spaCy pipeline with ``nlp.pipe`` (the floor) and with one
``nlp(text)`` call per document (what the engine does today). Each is timed ``--rounds`` times,
interleaved, and the best round is kept. Writes bench/results/name_speed.md.
"""

from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

import _corpus as corpus

from newslint.document import Document

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    paths = sorted((args.corpus / "clean" / "lee").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]

    linter = corpus.linter(["name-spelling"])
    assert linter.pipeline is not None
    nlp = linter.pipeline.load()  # the very pipeline the Linter parses with
    parse = linter.pipeline.parser()
    list(nlp.pipe(texts[:5]))  # warm up

    def run_linter() -> int:
        return sum(len(corpus.lint_text(linter, str(p), t)) for p, t in zip(paths, texts, strict=True))

    def run_pipe() -> int:
        return sum(len(doc.ents) for doc in nlp.pipe(texts))

    def run_calls() -> int:
        return sum(len(nlp(t).ents) for t in texts)

    best = {"linter": float("inf"), "pipe": float("inf"), "calls": float("inf")}
    for _ in range(args.rounds):
        for name, run in (("pipe", run_pipe), ("linter", run_linter), ("calls", run_calls)):
            began = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - began)

    # The check's own work, with the parses done beforehand.
    documents = [Document.from_text(str(p), t, parse=parse) for p, t in zip(paths, texts, strict=True)]
    for document in documents:
        _ = document.spacy_doc
    check = linter.checks[0]
    began = time.perf_counter()
    for document in documents:
        list(check.run(document, linter.options[check.name]))
    check_only = time.perf_counter() - began

    ratio = best["linter"] / best["pipe"]
    report = "\n".join(
        [
            "# name-spelling speed",
            "",
            f"Corpus: ../shared/corpus/clean/lee, {len(texts)} articles; "
            f"{platform.processor() or platform.machine()}, Python {platform.python_version()}",
            "",
            f"Pipeline components: {', '.join(nlp.pipe_names)}",
            "",
            "| run (best of rounds) | seconds | per article (ms) |",
            "|---|---|---|",
            f"| floor: `nlp.pipe(texts)` | {best['pipe']:.2f} | {1000 * best['pipe'] / len(texts):.1f} |",
            f"| `nlp(text)` per document | {best['calls']:.2f} | {1000 * best['calls'] / len(texts):.1f} |",
            f"| newslint Linter, name-spelling | {best['linter']:.2f} | {1000 * best['linter'] / len(texts):.1f} |",
            f"| name-spelling alone, parses done beforehand | {check_only:.2f} "
            f"| {1000 * check_only / len(texts):.1f} |",
            "",
            f"**Linter / nlp.pipe floor: {ratio:.3f}** (target at most 1.15).",
            f"Per-document `nlp(text)` / `nlp.pipe`: {best['calls'] / best['pipe']:.3f}.",
            "",
        ]
    )
    print(report)
    corpus.write_result("name_speed", report)


if __name__ == "__main__":
    main()
