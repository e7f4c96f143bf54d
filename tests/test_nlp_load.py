"""Loading the pipeline the quick way gives exactly the pipeline spaCy's own load gives."""

from __future__ import annotations

from newslint.nlp import _KNOWN_COMPONENTS, DEFAULT_MODELS, _installed, _load, import_spacy_without_its_cli

# Invented copy that exercises every kind of tokenizer rule: abbreviations and titles, contractions,
# possessives, hyphens and dashes, quotes and brackets, money, times, ordinals, e-mail, URLs, emoticons.
COPY = """\
Mr. O'Halloran-Vasquez didn't say whether the U.S. Senate's vote (52-48) would stand.
"We're done," said Dr. Imelda Kwarteng, 61, of St. Albans, Vt., at 4:30 p.m. on Jan. 5th.
The fund -- worth $4.5bn, or 3.2% of G.D.P. -- was set up in '98; see https://example.org/a?b=1.
Write to desk@example.com :) or call 555-0142. She's the town's 2nd mayor; it's "its" not "it's".
Ms. Brandvold and Sen. Achterberg met in Washington, D.C., before the E.U.'s summit in Brussels.
"""

def test_the_quick_load_tokenizes_and_tags_exactly_as_spacy_load_does() -> None:
    model = next(name for name in DEFAULT_MODELS if _installed(name))  # a dependency of the package
    spacy = import_spacy_without_its_cli()
    components = frozenset({"ner"})
    excluded = sorted(_KNOWN_COMPONENTS - components)
    reference = spacy.load(model, exclude=excluded)
    quick = _load(model, components)
    assert quick is not reference
    for line in COPY.splitlines():
        expected, got = reference(line), quick(line)
        assert [(t.text, t.idx, t.whitespace_) for t in got] == [(t.text, t.idx, t.whitespace_) for t in expected]
        assert [(e.start_char, e.end_char, e.label_) for e in got.ents] == \
            [(e.start_char, e.end_char, e.label_) for e in expected.ents]
    # The quick tokenizer carries the pipeline's saved rules, not an empty set.
    assert quick.tokenizer.rules == reference.tokenizer.rules
    assert len(quick.tokenizer.rules) > 1000


def test_a_long_running_linter_does_not_keep_every_story_s_new_words() -> None:
    """A server lints for days: the pipeline's vocabulary must not grow with each story's new names."""
    from newslint.config import Config
    from newslint.engine import Linter, Source
    from newslint.registry import load_checks

    linter = Linter(load_checks(), Config(select=("name-spelling",)))

    def story(number: int) -> str:
        surname = f"Vandermolen{chr(97 + number % 26)}{chr(97 + number // 26 % 26)}q"
        slip = surname[:4] + surname[5] + surname[4] + surname[6:]
        return f"Vote\n\nIlse {surname} spoke on Monday.\n\n\"We will see,\" said {slip}.\n"

    assert linter.lint(Source("first.txt", text=story(0))).findings  # the model ran
    model = next(name for name in DEFAULT_MODELS if _installed(name))
    strings = len(_load(model, frozenset({"ner"})).vocab.strings)
    for number in range(1, 40):
        assert linter.lint(Source(f"s{number}.txt", text=story(number))).findings
    assert len(_load(model, frozenset({"ner"})).vocab.strings) == strings
