"""Mutation benchmark for name-spelling: plant realistic slips in real copy, on a tune half and a held-out half.

Runs on demand (not part of the test suite):

    .venv/bin/python bench/name_mutations.py [--corpus ../shared/corpus] [--seed 7] [--show-misses] [--show-extra]

The articles (Lee and CoNLL) are split by story into two halves, deterministically (a hash of the
story's name; the overlapping versions of one story that the corpus README lists stay together).
The check is tuned on the ``tune`` half only; ``held-out`` is measured, never read: ``--show-misses``
and ``--show-extra`` print the tune half's cases only.

Every mutated copy plants ONE slip (a typo kind) in ONE place (a placement) of a person the story
introduces with a full name and mentions again:

* later mention: a later bare occurrence of the surname, once per typo kind;
* honorific: a later "Mr X" / "Mrs X" / "Ms X" / "Dr X" reference (where the story has none, a later
  bare occurrence is given "Mr");
* first mention: the surname in the full-name introduction, where two or more later references
  spell it right (the story's majority can tell which spelling is right);
* first mention, one later reference: the same with exactly one later reference, so the story has
  one spelling each way: a conflict with no suggestion counts as reported (the story alone cannot
  say which is right), a suggestion of the typo as a wrong suggestion;
* five-letter name: a later reference of a five-letter surname (a dropped letter included);
* post-nominal: "QC", "MP", "Jr.", "PhD", "II" or "OBE" added after the introduction, slip in a later
  reference;
* two related people: a second person with a different given name and a surname one slip away from
  the first's is added after the introduction ("Carl Lindqvist" beside "Anna Lindquist"), slip in a
  later reference of the first; a finding on the added person is a false finding.

A slip is *reported* (recall) when name-spelling reports the planted span, or reports a conflict (two
spellings, no suggestion) that names the planted form; *right suggestion* counts only a finding at the
planted span with the original surname as its suggestion.
A *wrong suggestion* is a finding that offers the planted typo as the right spelling (the correct
form named as the misspelling). Findings on the untouched articles are false findings unless they
are real slips in the published copy (bench/name_corpus.py lists and reads them).

People and their later references come from the gold PER spans for CoNLL and, for Lee (no gold),
from spaCy's PERSON entities on the whole text. A later reference is the surname alone, after a
title, or in the same full name again, never a word of another person's name. Writes bench/results/name_mutations.md.
"""

from __future__ import annotations

import argparse
import hashlib
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

from newslint.document import Document
from newslint.finding import Finding

ROOT = Path(__file__).resolve().parent.parent
VOWELS = "aeiou"
SURNAME_SHAPE = re.compile(r"^[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF]+(?:[-'][A-Z][a-z]+)?$|^Ma?c[A-Z][a-z]+$")
HALVES = ("tune", "held-out")
# Overlapping versions of one story (corpus README): split as one story.
SAME_STORY = {"lee/073.txt": "lee/060.txt", "lee/108.txt": "lee/099.txt", "lee/237.txt": "lee/229.txt"}
HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.? $")
POST_NOMINALS = ("QC", "MP", "Jr.", "PhD", "II", "OBE")
OTHER_GIVEN = ("Carl", "Dana", "Hugo", "Ingrid", "Kwame", "Lotte", "Nils", "Priya", "Ursula", "Yusuf")


def half_of(article: str) -> str:
    story = SAME_STORY.get(article, article)
    return HALVES[hashlib.sha256(story.encode()).digest()[0] % 2]


# --- typo kinds ----------------------------------------------------------------------------------


def transposed(name: str, rng: random.Random) -> str | None:
    spots = [i for i in range(1, len(name) - 1) if name[i] != name[i + 1] and name[i : i + 2].isalpha()]
    if not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :]


def doubled(name: str, rng: random.Random) -> str | None:
    doubles = [i for i in range(1, len(name) - 1) if name[i] == name[i + 1]]
    if doubles and rng.random() < 0.5:  # undouble: "Harrisson" -> "Harisson"
        i = rng.choice(doubles)
        return name[:i] + name[i + 1 :]
    spots = [i for i in range(1, len(name)) if name[i].isalpha() and name[i] != name[i - 1]
             and (i + 1 == len(name) or name[i] != name[i + 1])]
    if not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + name[i] + name[i:]


def dropped(name: str, rng: random.Random) -> str | None:
    spots = [i for i in range(1, len(name) - 1) if name[i].isalpha() and name[i] != name[i - 1]
             and name[i] != name[i + 1]]
    if len(name) < 5 or not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + name[i + 1 :]


def vowel_swap(name: str, rng: random.Random) -> str | None:
    spots = [i for i in range(1, len(name)) if name[i] in VOWELS]
    if not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + rng.choice([v for v in VOWELS if v != name[i]]) + name[i + 1 :]


def final_letter(name: str, rng: random.Random) -> str | None:
    if name[-1] in "e" and len(name) >= 5:  # "Forsythe" -> "Forsyth"
        return name[:-1]
    if name[-1] not in VOWELS + "sy":  # "Forsyth" -> "Forsythe"
        return name + "e"
    return None


def sound_alike(name: str, rng: random.Random) -> str | None:
    swap = {"c": "k", "k": "c", "s": "z", "z": "s"}
    spots = [i for i in range(1, len(name)) if name[i] in swap]
    if len(name) < 5 or not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + swap[name[i]] + name[i + 1 :]


def moved_double(name: str, rng: random.Random) -> str | None:
    """ "Harrison" -> "Harisson": the doubling moved to a neighbouring consonant."""
    options = []
    for i in range(1, len(name) - 1):
        if name[i] == name[i + 1]:
            for j in (i - 1, i + 2):
                if 0 < j < len(name) and name[j].isalpha() and name[j] not in VOWELS and name[j] != name[i]:
                    undoubled = name[:i] + name[i + 1 :]
                    k = j if j < i else j - 1
                    options.append(undoubled[:k] + undoubled[k] + undoubled[k:])
    return rng.choice(options) if options else None


def mc_mac(name: str, rng: random.Random) -> str | None:
    if name.startswith("Mac") and name[3:4].isupper():
        return "Mc" + name[3:]
    if name.startswith("Mc") and name[2:3].isupper():
        return "Mac" + name[2:]
    return None


def no_diacritics(name: str, rng: random.Random) -> str | None:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain if plain != name else None


KINDS: dict[str, Callable[[str, random.Random], str | None]] = {
    "transposed letters": transposed,
    "doubled/undoubled letter": doubled,
    "dropped letter": dropped,
    "vowel swap": vowel_swap,
    "final letter": final_letter,
    "sound-alike letter": sound_alike,
    "doubling moved": moved_double,
    "Mc/Mac": mc_mac,
    "missing diacritics": no_diacritics,
}
PLACEMENTS = ("later mention", "honorific", "first mention", "five-letter name", "post-nominal",
              "two related people")
UNDECIDABLE = "first mention, one later reference"


@dataclass(frozen=True)
class Mutation:
    article: str
    half: str
    kind: str
    placement: str
    original: str
    typo: str
    start: int  # offset of the planted typo in the mutated text
    text: str
    decoy: tuple[int, int] | None = None  # the added related person's surname span (two related people)


@dataclass(frozen=True)
class Introduced:
    given: str
    surname: str
    start: int  # of the surname in the introduction
    end: int  # of the introduction
    references: tuple[int, ...]  # starts of the later references to this person's surname


_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_TITLE = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Sen|Senator|Rep|Gov|Governor|President|Minister|Prof|Judge|"
                    r"Chief|Sheriff|Mayor|Premier|Captain|Coach|General|Gen|Col|Lt|Sgt|Inspector|Detective)\.?$")


def _introductions(text: str, people: list[tuple[str, int]], references: list[tuple[str, int]]) -> list[Introduced]:
    """Each person's first full name, with the later references the source names as that person.

    ``people`` are (full name, end offset) introductions; ``references`` every (name, end offset) the
    source marks as a person (gold spans, or NER PERSON entities). A later reference is a bare
    surname, a titled one, or the full name again with the same given name: never a word inside
    another person's name ("Borge" in "Borge Lind" after "Artur Borge", or "Costa" of another Costa).
    """
    first: dict[str, tuple[str, str, int, int]] = {}
    for name, end in people:
        words = name.split()
        surname = words[-1]
        if SURNAME_SHAPE.match(surname) and len(surname) >= 4 and text[end - len(surname) : end] == surname:
            first.setdefault(surname, (words[0], surname, end - len(surname), end))
    out = []
    for given, surname, start, end in first.values():
        later = []
        for name, ref_end in references:
            words = name.split()
            if ref_end <= end or words[-1] != surname or text[ref_end - len(surname) : ref_end] != surname:
                continue
            if len(words) > 1 and words[0] != given:
                continue  # another person of that surname, or another order of names
            begin = ref_end - len(surname)
            if len(words) == 1:
                before = _WORD_BEFORE.search(text, max(begin - 30, 0), begin)
                word = before.group(1) if before else ""
                if word[:1].isupper() and word[-1:].isalpha() and not _TITLE.match(word) and word != given:
                    continue  # "Rui Costa" read as a bare "Costa"
            later.append(begin)
        # "Mr Chaterjee": a titled surname is a reference to the person whatever the source's label.
        for match in re.finditer(r"(?<![\w'’-])" + re.escape(surname) + r"(?![\w-])", text):
            if match.start() > end and HONORIFIC.search(text, max(match.start() - 6, 0), match.start()):
                later.append(match.start())
        out.append(Introduced(given, surname, start, end, tuple(sorted(set(later)))))
    return sorted(out, key=lambda i: i.surname)


def _fresh(typo: str | None, surname: str, text: str) -> bool:
    return bool(typo) and typo != surname and not re.search(r"\b" + re.escape(typo or "") + r"\b", text)


def _replace(text: str, start: int, old: str, new: str) -> str:
    return text[:start] + new + text[start + len(old) :]


def _sentence_end(text: str, after: int) -> int:
    match = re.compile(r"[.!?][\"”’]?(?= |\n|$)").search(text, after)
    return match.end() if match else len(text)


def _mutations(article: str, text: str, people: list[Introduced], rng: random.Random) -> list[Mutation]:
    half = half_of(article)
    out: list[Mutation] = []

    def later(person: Introduced) -> list[int]:
        return list(person.references)

    def pick(placement: str, kinds: list[str], eligible: Callable[[Introduced], bool]):
        """A seeded (person, kind, typo) for a placement, or None when the story offers none."""
        options = []
        for person in people:
            if not eligible(person):
                continue
            for kind in kinds:
                typo = KINDS[kind](person.surname, random.Random(f"{rng.random()}"))
                if _fresh(typo, person.surname, text):
                    options.append((person, kind, typo))
        return rng.choice(options) if options else None

    # later mention: one per typo kind
    for kind in KINDS:
        chosen = pick("later mention", [kind], lambda p: bool(later(p)))
        if chosen:
            person, kind_, typo = chosen
            start = rng.choice(later(person))
            out.append(Mutation(article, half, kind_, "later mention", person.surname, typo, start,
                                _replace(text, start, person.surname, typo)))
    general = [k for k in KINDS if k not in ("Mc/Mac", "missing diacritics")]

    chosen = pick("honorific", general, lambda p: bool(later(p)))
    if chosen:
        person, kind, typo = chosen
        titled = [s for s in later(person) if HONORIFIC.search(text, max(s - 6, 0), s)]
        if titled:
            start = rng.choice(titled)
            mutated = _replace(text, start, person.surname, typo)
        else:
            bare = rng.choice(later(person))
            mutated = text[:bare] + "Mr " + typo + text[bare + len(person.surname) :]
            start = bare + 3
        out.append(Mutation(article, half, kind, "honorific", person.surname, typo, start, mutated))

    for placement, wanted in (("first mention", 2), (UNDECIDABLE, 1)):
        chosen = pick(placement, general, lambda p, n=wanted: len(later(p)) == n if n == 1 else len(later(p)) >= n)
        if chosen:
            person, kind, typo = chosen
            out.append(Mutation(article, half, kind, placement, person.surname, typo, person.start,
                                _replace(text, person.start, person.surname, typo)))

    chosen = pick("five-letter name", general, lambda p: len(p.surname) == 5 and bool(later(p)))
    if chosen:
        person, kind, typo = chosen
        start = rng.choice(later(person))
        out.append(Mutation(article, half, kind, "five-letter name", person.surname, typo, start,
                            _replace(text, start, person.surname, typo)))

    chosen = pick("post-nominal", general, lambda p: bool(later(p)) and text[p.end : p.end + 1] in (" ", ",", "\n"))
    if chosen:
        person, kind, typo = chosen
        suffix = " " + rng.choice(POST_NOMINALS)
        start = rng.choice(later(person))
        mutated = _replace(text, start, person.surname, typo)
        mutated = mutated[: person.end] + suffix + mutated[person.end :]
        out.append(Mutation(article, half, kind, "post-nominal", person.surname, typo, start + len(suffix), mutated))

    chosen = pick("two related people", general, lambda p: bool(later(p)))
    if chosen:
        person, kind, typo = chosen
        relatives = []
        for other_kind in general:
            related = KINDS[other_kind](person.surname, random.Random(f"{rng.random()}"))
            if _fresh(related, person.surname, text) and related != typo:
                relatives.append(related)
        given = [g for g in OTHER_GIVEN if g[0] != person.given[:1]]
        if relatives and given:
            related = rng.choice(relatives)
            start = rng.choice(later(person))
            mutated = _replace(text, start, person.surname, typo)
            insert_at = _sentence_end(mutated, person.end)
            added = f" {rng.choice(given)} {related}, a spokesperson for the group, was also there."
            mutated = mutated[:insert_at] + added + mutated[insert_at:]
            decoy_start = insert_at + added.index(related)
            shift = len(added) if start >= insert_at else 0
            out.append(Mutation(article, half, kind, "two related people", person.surname, typo, start + shift,
                                mutated, (decoy_start, decoy_start + len(related))))
    return out


def _conll_gold(corpus_dir: Path) -> dict[str, list[tuple[str, int]]]:
    """Every gold PER span of each CoNLL story as (text, end offset), headline capitals left out."""
    gold = json.loads((corpus_dir / "names" / "names.json").read_text(encoding="utf-8"))
    spans_by_story = {}
    for name, spans in gold.items():
        text = (corpus_dir / "names" / "conll" / name).read_text(encoding="utf-8")
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        spans_by_story[name] = [(s["text"], starts[s["line"] - 1] + s["end"]) for s in spans if not s["text"].isupper()]
    return spans_by_story


def _ner_people(document: Document) -> list[tuple[str, int]]:
    """Lee has no gold: spaCy's PERSON entities on the whole text (titles and possessives stripped)."""
    out = []
    for entity in document.spacy_doc.ents:
        if entity.label_ != "PERSON":
            continue
        words = entity.text.split()
        while words and _TITLE.match(words[0]):
            words.pop(0)
        if words and words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]
        if words:
            name = " ".join(words)
            end = entity.start_char + entity.text.rfind(words[-1]) + len(words[-1])
            out.append((name, end))
    return out


@dataclass
class Outcome:
    caught: bool
    flagged: bool
    wrong: bool
    decoy_flagged: bool
    extra: list[Finding]


def _judge(mutation: Mutation, findings: list[Finding]) -> Outcome:
    document = Document.from_text(mutation.article, mutation.text)
    line, column = document.position(mutation.start)
    at_typo = [f for f in findings if (f.line, f.column) == (line, column)]
    caught = any(f.suggestion == mutation.original for f in at_typo)
    conflict = [f for f in findings if f.suggestion is None and f'"{mutation.typo}"' in f.message]
    wrong = any(f.suggestion == mutation.typo for f in findings)
    decoy_flagged = False
    if mutation.decoy is not None:
        decoy = document.position(mutation.decoy[0])
        decoy_flagged = any((f.line, f.column) == decoy for f in findings)
    counted = set(at_typo) | set(conflict)
    return Outcome(caught, caught or bool(conflict), wrong, decoy_flagged, [f for f in findings if f not in counted])


def _table(title: str, rows: list[str], outcomes: dict[str, list[Outcome]], keys: list[str]) -> list[str]:
    lines = [f"| {title} | planted | recall (reported) | right suggestion | wrong suggestions |",
             "|---|---|---|---|---|"]
    for key in keys:
        group = outcomes.get(key, [])
        if not group:
            continue
        n = len(group)
        caught = sum(o.caught for o in group)
        flagged = sum(o.flagged for o in group)
        wrong = sum(o.wrong for o in group)
        lines.append(f"| {key} | {n} | {flagged / n:.3f} | {caught / n:.3f} | {wrong} ({wrong / n:.1%}) |")
    return rows + lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=corpus.CORPUS)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show-misses", action="store_true", help="print the tune half's misses")
    parser.add_argument("--show-extra", action="store_true", help="print the tune half's other findings")
    args = parser.parse_args()
    linter = corpus.linter(["name-spelling"])
    assert linter.pipeline is not None
    parse = linter.pipeline.parser()  # for the whole-text mention finder, which picks Lee's people
    began = time.perf_counter()

    articles: list[tuple[str, str, list[tuple[str, int]] | None]] = []
    for path in sorted((args.corpus / "clean" / "lee").glob("*.txt")):
        articles.append((f"lee/{path.name}", path.read_text(encoding="utf-8"), None))
    conll_gold = _conll_gold(args.corpus)
    for path in sorted((args.corpus / "names" / "conll").glob("*.txt")):
        articles.append((f"conll/{path.name}", path.read_text(encoding="utf-8"), conll_gold.get(path.name, [])))

    untouched: Counter[str] = Counter()
    stories: Counter[str] = Counter()
    mutations: list[Mutation] = []
    for article, text, gold in articles:
        half = half_of(article)
        stories[half] += 1
        untouched[half] += len(corpus.lint_text(linter, article, text))
        if gold is None:  # Lee: spaCy's PERSON entities on the whole text stand in for gold
            gold = _ner_people(Document.from_text(article, text, parse=parse))
        people = [(name, end) for name, end in gold if " " in name]
        rng = random.Random(f"{args.seed}:{article}")
        mutations.extend(_mutations(article, text, _introductions(text, people, gold), rng))

    by_kind: dict[str, dict[str, list[Outcome]]] = {h: {} for h in HALVES}
    by_placement: dict[str, dict[str, list[Outcome]]] = {h: {} for h in HALVES}
    decoys: Counter[str] = Counter()
    decoys_flagged: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    shown: list[str] = []
    for mutation in mutations:
        outcome = _judge(mutation, corpus.lint_text(linter, mutation.article, mutation.text))
        by_placement[mutation.half].setdefault(mutation.placement, []).append(outcome)
        by_kind[mutation.half].setdefault(mutation.kind, []).append(outcome)
        if mutation.decoy is not None:
            decoys[mutation.half] += 1
            decoys_flagged[mutation.half] += outcome.decoy_flagged
        extra[mutation.half] += len(outcome.extra)
        if mutation.half != "tune":
            continue
        context = mutation.text[max(mutation.start - 80, 0) : mutation.start + 40].replace("\n", " | ")
        case = f"{mutation.article} [{mutation.placement} / {mutation.kind}] {mutation.original} -> {mutation.typo}"
        if args.show_misses and not outcome.caught:
            label = "WRONG" if outcome.wrong else "CONFLICT" if outcome.flagged else "MISS"
            shown.append(f"{label} {case}: ...{context}...")
        if args.show_extra:
            for finding in outcome.extra:
                shown.append(f"EXTRA {case}: {finding.line}:{finding.column} {finding.message}")
    elapsed = time.perf_counter() - began

    lines = ["# name-spelling mutation benchmark", "",
             f"Corpus: ../shared/corpus (Lee 343 + CoNLL 300 stories), seed {args.seed}. Halves by story: "
             + ", ".join(f"{h} {stories[h]} stories" for h in HALVES) + ".", ""]
    for half in HALVES:
        pooled = [o for group in by_placement[half].values() for o in group]
        n = len(pooled)
        caught = sum(o.caught for o in pooled)
        flagged = sum(o.flagged for o in pooled)
        wrong = sum(o.wrong for o in pooled)
        lines += [f"## {half} half", "",
                  f"**Recall {flagged / n:.3f}** ({flagged} of {n} planted slips reported: at the slip, or as a"
                  f" conflict naming it); with the right suggestion {caught / n:.3f} ({caught});"
                  f" **wrong suggestions {wrong} ({wrong / n:.2%})**.",
                  ""]
        lines = _table("typo kind (every placement)", lines, by_kind[half], list(KINDS))
        lines.append("")
        lines = _table("placement (every kind)", lines, by_placement[half], [*PLACEMENTS, UNDECIDABLE])
        lines += ["",
                  "Every row counts in the totals. In the last one the story spells the name once each way, so a"
                  " conflict with no suggestion counts as reported.",
                  "",
                  f"Two related people: the added person was flagged in {decoys_flagged[half]} of {decoys[half]}"
                  f" copies (false findings).",
                  f"Findings on the untouched stories: {untouched[half]} in {stories[half]}"
                  f" ({100 * untouched[half] / stories[half]:.2f} per 100; read them with bench/name_corpus.py --show)."
                  f" Other findings in the mutated copies: {extra[half]} (mostly those same findings, repeated in"
                  f" each copy of their story).",
                  ""]
    lines += ["No corpus surname carries an accent, so missing diacritics are covered by the fixtures only;"
              " Mc/Mac applies to the few Mc/Mac surnames there are.", "",
              f"Run time: {elapsed:.0f} s", ""]
    report = "\n".join(lines)
    print(report)
    for line in shown:
        print(line)
    corpus.write_result("name_mutations", report)


if __name__ == "__main__":
    main()
