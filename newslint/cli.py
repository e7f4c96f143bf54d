"""The command line: ``newslint [OPTIONS] PATH...``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

import click

from newslint import __version__
from newslint.config import FAIL_ON_CHOICES, Config, ConfigError, find_config, load_config
from newslint.document import Document
from newslint.engine import Linter, Report, UsageError
from newslint.finding import Severity
from newslint.formatters import FORMATTERS, TextOptions
from newslint.reading import InputError, SourceText, discover, read_file, read_stream
from newslint.registry import RegistryError, load_checks

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _names(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """--select a,b --select c → ('a', 'b', 'c'); nothing given → None (use the configuration)."""
    if not values:
        return None
    return tuple(name.strip() for value in values for name in value.split(",") if name.strip())


def _notify(message: str) -> None:
    click.echo(f"newslint: {message}", err=True)


def build_document(source: SourceText, parse: Callable | None) -> Document:
    return Document.from_text(source.path, source.text, parse=parse)


def _list_checks(installed) -> None:
    width = max((len(name) for name in installed), default=0)
    for name, check in installed.items():
        nlp = " (nlp)" if check.needs_nlp else ""
        click.echo(f"{name:<{width}}  {check.severity.label:<7}  {check.summary}{nlp}")


def _load_configuration(config_file: str | None) -> Config:
    path = Path(config_file) if config_file else find_config()
    if config_file and not path.is_file():
        raise ConfigError(f"{config_file}: no such configuration file")
    return load_config(path)


def _exit_status(report: Report, fail_on: str) -> int:
    if report.errors:
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = Severity.parse(fail_on)
    return EXIT_FINDINGS if any(f.severity >= threshold for f in report.findings) else EXIT_CLEAN


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option("--select", multiple=True, metavar="CHECKS", help="Run only these checks (comma-separated).")
@click.option("--ignore", multiple=True, metavar="CHECKS", help="Do not run these checks (comma-separated).")
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=None,
              help="Exit 1 when a finding is at or above this severity.  [default: warning]")
@click.option("--config", "config_file", metavar="FILE", help="Configuration file (default: nearest .newslint.toml "
              "or pyproject.toml with [tool.newslint]).")
@click.option("--encoding", default=None, help="Read inputs in this encoding instead of detecting it.")
@click.option("--stdin-filename", default=None, metavar="NAME", help="Name to report for input read from '-'.")
@click.option("--list-checks", is_flag=True, help="List the installed checks and exit.")
@click.option("--explain", metavar="CHECK", help="Print a check's documentation and exit.")
@click.version_option(__version__, prog_name="newslint")
def main(paths, select, ignore, output_format, fail_on, config_file, encoding, stdin_filename, list_checks, explain):
    """Lint news copy for editorial problems: names spelled two ways, counts to verify,
    orphaned photo captions, stray promo text.

    PATH may be a file, a directory (searched for .txt, .md and .html files) or - for stdin.
    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable input.
    """
    try:
        installed = load_checks()
    except RegistryError as error:
        raise click.ClickException(str(error)) from None
    if list_checks:
        _list_checks(installed)
        return
    if explain:
        if explain not in installed:
            raise click.BadParameter(f"unknown check {explain!r} (see --list-checks)", param_hint="--explain")
        click.echo(installed[explain].documentation)
        return
    if not paths:
        raise click.UsageError("give at least one PATH (a file, a directory, or - for stdin)")

    try:
        config = _load_configuration(config_file).with_overrides(
            select=_names(select), fail_on=fail_on, encoding=encoding
        )
        extra_ignores = _names(ignore) or ()
        config = config.with_overrides(ignore=tuple(config.ignore) + tuple(extra_ignores))
        linter = Linter(installed, config, notify=_notify)
    except (ConfigError, UsageError) as error:
        _notify(f"error: {error}")
        sys.exit(EXIT_ERROR)

    report = Report()
    parse = linter.parse_function()
    for item in discover(paths):
        try:
            if isinstance(item, InputError):
                raise item
            if item == "-":
                source = read_stream(stdin_filename or "-", sys.stdin.buffer, config.encoding)
            else:
                source = read_file(item, config.encoding)
        except InputError as error:
            report.errors.append((error.path, error.message))
            _notify(f"error: {error.path}: {error.message}")
            continue
        if source.notice:
            _notify(source.notice)
        report.files += 1
        report.findings.extend(linter.lint(build_document(source, parse)))

    report.findings.sort()
    color = output_format == "text" and sys.stdout.isatty()
    click.echo(FORMATTERS[output_format](report, TextOptions(color=color)), nl=False)
    sys.exit(_exit_status(report, config.fail_on))
