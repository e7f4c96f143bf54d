"""Shared helpers for benchmarks: where the measuring corpus lives and how to lint text in-process."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from newslint.config import Config
from newslint.engine import Linter, Source
from newslint.registry import load_checks

# The corpus is for measuring only and is never copied into the project.
CORPUS = Path(os.environ.get("NEWSLINT_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))
SEED = CORPUS.parent / "seed" / "000_a3a39f2484b01051.txt"


def require_corpus() -> None:
    if not CORPUS.is_dir():
        sys.exit(f"corpus not found at {CORPUS} (set NEWSLINT_CORPUS)")


def linter(select: list[str]) -> Linter:
    return Linter(load_checks(), Config(select=tuple(select)))


def lint_text(linter_: Linter, path: str, text: str):
    """The findings for one text, through the engine's one lint call; notices and failures go to stderr."""
    result = linter_.lint(Source(path, text=text))
    for message in (*result.notices, *(f"error: {f.path}: {f.message}" for f in result.failures)):
        print(message, file=sys.stderr)
    return list(result.findings)


def command_line() -> str:
    return "python " + " ".join([os.path.relpath(sys.argv[0]), *sys.argv[1:]])


def write_result(name: str, body: str) -> Path:
    target = Path(__file__).resolve().parent / "results" / f"{name}.md"
    target.parent.mkdir(exist_ok=True)
    target.write_text(f"Command: `{command_line()}`\n\n{body}", encoding="utf-8")
    return target
