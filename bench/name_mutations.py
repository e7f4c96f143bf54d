"""Mutation benchmark for name-spelling: plant one realistic typo in a later mention of a surname.

Runs on demand (not part of the test suite):

    .venv/bin/python bench/name_mutations.py [--corpus ../shared/corpus] [--seed 7] [--show-misses] [--show-extra]

For every real article (Lee and CoNLL) and every typo pattern, a seeded RNG picks a person the story
introduces with a full name and later mentions again, and rewrites one *later* occurrence of the
surname with the pattern (transposed / doubled / dropped letter, vowel swap, added or dropped final
letter, Mc/Mac, missing diacritics — the last two only where a surname allows them). A mutation is
caught when name-spelling reports the planted span with the original surname as its suggestion.
Findings on the untouched articles are the false-finding rate.

People come from the gold PER spans for CoNLL and from the check's own mention finder (full names)
for Lee, which has no gold. Writes bench/results/name_mutations.md.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import _corpus as corpus
from newslint.checks._mentions import find_mentions

from newslint.document import Document
from newslint.finding import Finding

ROOT = Path(__file__).resolve().parent.parent
VOWELS = "aeiou"
SURNAME_SHAPE = re.compile(r"^[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF]+(?:[-'][A-Z][a-z]+)?$|^Ma?c[A-Z][a-z]+$")


def _interior(name: str) -> range:
    return range(1, len(name) - 1)


def transposed(name: str, rng: random.Random) -> str | None:
    spots = [
        i for i in range(1, len(name) - 2) if name[i] != name[i + 1] and name[i].isalpha() and name[i + 1].isalpha()
    ]
    if not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :]


def doubled(name: str, rng: random.Random) -> str | None:
    doubles = [i for i in range(1, len(name) - 1) if name[i] == name[i + 1]]
    if doubles and rng.random() < 0.5:  # undouble: "Pettitte" -> "Pettite"
        i = rng.choice(doubles)
        return name[:i] + name[i + 1 :]
    spots = [i for i in _interior(name) if name[i].isalpha() and name[i] != name[i - 1] and name[i] != name[i + 1]]
    if not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + name[i] + name[i:]


def dropped(name: str, rng: random.Random) -> str | None:
    spots = [i for i in _interior(name) if name[i].isalpha() and name[i] != name[i - 1] and name[i] != name[i + 1]]
    if len(name) < 6 or not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + name[i + 1 :]


def vowel_swap(name: str, rng: random.Random) -> str | None:
    spots = [i for i in _interior(name) if name[i] in VOWELS]
    if not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + rng.choice([v for v in VOWELS if v != name[i]]) + name[i + 1 :]


def final_letter(name: str, rng: random.Random) -> str | None:
    if name[-1] in "e" and len(name) >= 5:  # "Forsythe" -> "Forsyth"
        return name[:-1]
    if name[-1] not in VOWELS + "sy":  # "Forsyth" -> "Forsythe", "Abbot" -> "Abbott"
        return name + ("e" if rng.random() < 0.5 else name[-1])
    return None


def mc_mac(name: str, rng: random.Random) -> str | None:
    if name.startswith("Mac") and name[3:4].isupper():
        return "Mc" + name[3:]
    if name.startswith("Mc") and name[2:3].isupper():
        return "Mac" + name[2:]
    return None


def no_diacritics(name: str, rng: random.Random) -> str | None:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain if plain != name else None


PATTERNS: dict[str, Callable[[str, random.Random], str | None]] = {
    "transposed letters": transposed,
    "doubled letter": doubled,
    "dropped letter": dropped,
    "vowel swap": vowel_swap,
    "final letter": final_letter,
    "Mc/Mac": mc_mac,
    "missing diacritics": no_diacritics,
}


@dataclass(frozen=True)
class Mutation:
    article: str
    pattern: str
    original: str
    typo: str
    start: int  # offset of the planted typo in the mutated text
    text: str


def _later_occurrences(text: str, surname: str, after: int) -> list[int]:
    pattern = re.compile(r"(?<![\w'’-])" + re.escape(surname) + r"(?![\w-])")
    return [m.start() for m in pattern.finditer(text) if m.start() > after]


def _introduced(text: str, full_names: list[tuple[str, int]]) -> dict[str, int]:
    """Surname -> end offset of its first full-name introduction."""
    first: dict[str, int] = {}
    for name, end in full_names:
        surname = name.split()[-1]
        if SURNAME_SHAPE.match(surname) and len(surname) >= 4:
            first.setdefault(surname, end)
    return first


def _mutations(article: str, text: str, introduced: dict[str, int], rng: random.Random) -> list[Mutation]:
    out = []
    for pattern, make in PATTERNS.items():
        candidates = []
        for surname, end in sorted(introduced.items()):
            typo = make(surname, random.Random(rng.random()))
            if typo is None or typo == surname or re.search(r"\b" + re.escape(typo) + r"\b", text):
                continue
            later = _later_occurrences(text, surname, end)
            if later:
                candidates.append((surname, typo, later))
        if not candidates:
            continue
        surname, typo, later = rng.choice(candidates)
        start = rng.choice(later)
        mutated = text[:start] + typo + text[start + len(surname) :]
        out.append(Mutation(article, pattern, surname, typo, start, mutated))
    return out


def _conll_people(corpus: Path) -> dict[str, list[tuple[str, int]]]:
    gold = json.loads((corpus / "names" / "names.json").read_text(encoding="utf-8"))
    people = {}
    for name, spans in gold.items():
        text = (corpus / "names" / "conll" / name).read_text(encoding="utf-8")
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        people[name] = [
            (s["text"], starts[s["line"] - 1] + s["end"]) for s in spans if " " in s["text"] and not s["text"].isupper()
        ]
    return people


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--show-extra", action="store_true", help="print the findings besides the planted typo")
    args = parser.parse_args()
    linter = corpus.linter(["name-spelling"])
    assert linter.pipeline is not None
    parse = linter.pipeline.parser()  # for the mention finder, which picks the names to misspell
    began = time.perf_counter()

    articles: list[tuple[str, str, list[tuple[str, int]] | None]] = []
    for path in sorted((args.corpus / "clean" / "lee").glob("*.txt")):
        articles.append((f"lee/{path.name}", path.read_text(encoding="utf-8"), None))
    conll_people = _conll_people(args.corpus)
    for path in sorted((args.corpus / "names" / "conll").glob("*.txt")):
        articles.append((f"conll/{path.name}", path.read_text(encoding="utf-8"), conll_people.get(path.name, [])))

    untouched_findings = 0
    mutations: list[Mutation] = []
    for article, text, gold_people in articles:
        document = Document.from_text(article, text, parse=parse)
        untouched_findings += len(corpus.lint_text(linter, article, text))
        if gold_people is None:  # Lee: people from the mention finder's full names
            gold_people = [(text[m.start : m.end], m.end) for m in find_mentions(document) if m.has_given]
        rng = random.Random(f"{args.seed}:{article}")
        mutations.extend(_mutations(article, text, _introduced(text, gold_people), rng))

    caught: Counter[str] = Counter()
    planted: Counter[str] = Counter()
    extra = 0
    misses = []
    extras: list[tuple[Mutation, Finding, str]] = []
    for mutation in mutations:
        document = Document.from_text(mutation.article, mutation.text)
        findings = corpus.lint_text(linter, mutation.article, mutation.text)
        line, column = document.position(mutation.start)
        hit = [f for f in findings if (f.line, f.column) == (line, column) and f.suggestion == mutation.original]
        planted[mutation.pattern] += 1
        if hit:
            caught[mutation.pattern] += 1
        else:
            misses.append(mutation)
        extra += len(findings) - len(hit)
        for finding in findings:
            if finding not in hit:
                line_text = document.lines[finding.line - 1]
                extras.append((mutation, finding, line_text[max(finding.column - 60, 0) : finding.column + 40]))
    elapsed = time.perf_counter() - began

    total_planted, total_caught = sum(planted.values()), sum(caught.values())
    lines = [
        "# name-spelling mutation benchmark",
        "",
        "Corpus: ../shared/corpus",
        "",
        f"Articles: {len(articles)} (Lee 343 + CoNLL 300). Mutated copies: {total_planted}.",
        "",
        "| pattern | planted | caught | recall |",
        "|---|---|---|---|",
    ]
    for pattern in PATTERNS:
        if planted[pattern]:
            lines.append(
                f"| {pattern} | {planted[pattern]} | {caught[pattern]} | {caught[pattern] / planted[pattern]:.3f} |"
            )
    lines += [
        f"| **all** | {total_planted} | {total_caught} | **{total_caught / max(total_planted, 1):.3f}** |",
        "",
        f"Findings on the untouched articles: {untouched_findings} in {len(articles)} articles"
        f" ({100 * untouched_findings / len(articles):.2f} per 100). Read by hand when this was written, every one"
        " was a real inconsistency in the published copy, not a false finding (see name_corpus.md).",
        f"Other findings in the mutated copies (besides the planted typo): {extra} — mostly those same real"
        " slips, repeated in each mutated copy of their article.",
        "",
        "No corpus surname carries an accent, so missing diacritics are covered by the fixtures only;"
        " Mc/Mac applies to the few Mc/Mac surnames there are.",
        "",
        f"Run time: {elapsed:.0f} s",
        "",
    ]
    report = "\n".join(lines)
    print(report)
    if args.show_misses:
        for m in misses:
            context = m.text[max(m.start - 70, 0) : m.start + 40].replace("\n", " | ")
            print(f"MISS {m.article} [{m.pattern}] {m.original} -> {m.typo}: ...{context}...")
    if args.show_extra:
        for m, finding, excerpt in extras:
            where = f"{finding.line}:{finding.column}"
            print(f"EXTRA {m.article} [{m.pattern}] {m.original} -> {m.typo}: {where} {finding.message}")
            print(f"    ...{excerpt}...")
    corpus.write_result("name_mutations", report)


if __name__ == "__main__":
    main()
