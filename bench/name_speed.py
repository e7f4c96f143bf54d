"""Speed of name-spelling on a batch of stories, against the floor of its own NLP: nlp.pipe over every story.

Runs on demand (not part of the test suite):

    .venv/bin/python bench/name_speed.py [--corpus ../shared/corpus]

In one process, once each (after a warm-up): newslint's Linter (only name-spelling selected) lints
the Lee corpus, and the same texts go whole through the same loaded spaCy pipeline with
``nlp.pipe`` (the floor a check that parsed every story could reach). The check finds candidate
pairs on the text first: a story without any is never parsed, and the others have only the
sentences holding candidates parsed, in one ``nlp.pipe`` batch per story. Reported: the share of
stories that skip the model, the share of characters parsed, and Linter time / floor.
Writes bench/results/name_speed.md.
"""

from __future__ import annotations

import argparse
import platform
import time

import _corpus as corpus
from newslint.checks._candidates import find_candidates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=type(corpus.CORPUS), default=corpus.CORPUS)
    args = parser.parse_args()
    paths = sorted((args.corpus / "clean" / "lee").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]

    linter = corpus.linter(["name-spelling"])
    assert linter.pipeline is not None
    nlp = linter.pipeline.load()  # the very pipeline the Linter parses with
    list(nlp.pipe(texts[:5]))  # warm up
    corpus.lint_text(linter, "warm-up.txt", texts[0])

    candidates = [find_candidates(text) for text in texts]
    skipped = sum(1 for c in candidates if not c)
    parsed_chars = sum(end - start for c in candidates for start, end in c.pieces)
    total_chars = sum(len(t) for t in texts)

    began = time.perf_counter()
    findings = sum(len(corpus.lint_text(linter, str(p), t)) for p, t in zip(paths, texts, strict=True))
    linter_seconds = time.perf_counter() - began
    began = time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts))
    floor_seconds = time.perf_counter() - began

    ratio = linter_seconds / floor_seconds
    report = "\n".join(
        [
            "# name-spelling speed",
            "",
            f"Corpus: ../shared/corpus/clean/lee, {len(texts)} stories; "
            f"{platform.processor() or platform.machine()}, Python {platform.python_version()}; one run each"
            " (machine shared with other work: expect some noise).",
            "",
            f"Pipeline components loaded: {', '.join(nlp.pipe_names)}",
            "",
            f"- stories that skip the model entirely (no candidate pair): **{skipped} of {len(texts)}"
            f" ({skipped / len(texts):.1%})**",
            f"- characters handed to the model: {parsed_chars:,} of {total_chars:,} ({parsed_chars / total_chars:.1%})",
            "",
            "| run | seconds | per story (ms) |",
            "|---|---|---|",
            f"| floor: `nlp.pipe` over every whole story | {floor_seconds:.2f} "
            f"| {1000 * floor_seconds / len(texts):.1f} |",
            f"| newslint Linter, name-spelling ({findings} findings) | {linter_seconds:.2f} "
            f"| {1000 * linter_seconds / len(texts):.1f} |",
            "",
            f"**Linter / nlp.pipe floor: {ratio:.3f}** ({entities} entities in the floor run).",
            "",
        ]
    )
    print(report)
    corpus.write_result("name_speed", report)


if __name__ == "__main__":
    main()
