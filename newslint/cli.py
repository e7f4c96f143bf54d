"""The command line: ``newslint [OPTIONS] PATH...``."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Mapping

import click

from newslint import __version__
from newslint.batch import ClusterUnavailable, lint_all, with_progress
from newslint.config import CONFIG_FILE, FAIL_ON_CHOICES, Config, ConfigError, find_config, load_config
from newslint.engine import Linter, Source, UsageError, with_engine_checks
from newslint.finding import Severity
from newslint.formatters import FORMATTERS, FormatOptions, get_formatter, summary
from newslint.formatters.text import statistics as format_statistics
from newslint.reading import InputError, Skipped, check_encoding, discover
from newslint.registry import CheckInfo, RegistryError, load_checks, unknown_check
from newslint.report import Failure, Report, printable

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _names(values: tuple[str, ...], option: str, known: Mapping[str, CheckInfo]) -> tuple[str, ...] | None:
    """--select a,b --select c → ('a', 'b', 'c'); nothing given → None (use the configuration)."""
    if not values:
        return None
    names = tuple(name.strip() for value in values for name in value.split(",") if name.strip())
    if not names:  # `--select ""` from a script whose variable was empty must not silently run nothing
        raise click.BadParameter("names no check", param_hint=option)
    for name in names:
        if name not in known:
            raise click.BadParameter(unknown_check(name, known), param_hint=option)
    return names


def _notify(message: str) -> None:
    click.echo(printable(f"newslint: {message}"), err=True)


def _list_checks(installed: Mapping[str, CheckInfo]) -> int:
    """Every name --select accepts: the installed checks and the engine's own unused-suppression.

    A check pack that cannot be loaded is one error line naming its entry point; the others are listed.
    """
    known = with_engine_checks(installed)
    every: dict[str, CheckInfo] = {}
    broken = []
    for name in sorted(known):
        try:
            every[name] = known[name]
        except RegistryError as error:
            broken.append(str(error))
    width = max((len(name) for name in every), default=0)
    for name, check in every.items():
        origin = " (engine)" if name not in installed else " (nlp)" if check.needs_nlp else ""
        click.echo(f"{name:<{width}}  {check.severity.label:<7}  {check.summary}{origin}")
    for message in broken:
        _notify(f"error: {message}")
    return EXIT_ERROR if broken else EXIT_CLEAN


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    # https://no-color.org: set and not empty means no colour.
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _load_configuration(config_file: str | None) -> Config:
    if not config_file:
        return load_config(find_config())
    if not Path(config_file).is_file():
        raise ConfigError(f"{config_file}: no such configuration file")
    return load_config(Path(config_file))


def _exit_status(report: Report, fail_on: str) -> int:
    if report.errors:
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = Severity.parse(fail_on)
    failing = any(count and severity >= threshold for severity, count in report.severities.items())
    return EXIT_FINDINGS if failing else EXIT_CLEAN


class _AsTyped(click.Context):
    @property
    def command_path(self) -> str:  # "Try 'newslint --help'", not the hidden "newslint lint --help"
        return self.find_root().info_name or "newslint"


class _LintCommand(click.Command):
    """The lint command's usage reads as users type it: ``newslint [OPTIONS] PATH...``."""

    context_class = _AsTyped

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.find_root().info_name or "newslint", " ".join(self.collect_usage_pieces(ctx)))


class _Commands(click.Group):
    """``newslint PATH...`` lints; ``newslint COMMAND ...`` runs one of the other commands.

    Linting is the default so that the contract ``newslint [OPTIONS] PATH...`` holds: anything that is not
    a command name is a lint run (a file named like a command is linted as ``./init``).
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] not in self.commands or args[0] == "lint":
            args = ["lint", *(args[1:] if args[:1] == ["lint"] else args)]
        return super().parse_args(ctx, args)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """newslint: a fact-check and consistency linter for news copy."""


@main.command("init")
@click.option("--pyproject", is_flag=True, help="Add a [tool.newslint] table to pyproject.toml instead.")
def init(pyproject: bool) -> None:
    """Write a commented starter .newslint.toml listing every installed check and its options.

    Refuses to overwrite an existing configuration. (To lint a file named init: newslint ./init.)
    """
    from newslint.starter import starter_configuration

    try:
        installed = load_checks()
        known = with_engine_checks(installed)
        checks = [known[name] for name in known]
    except RegistryError as error:
        _notify(f"error: {error}")
        sys.exit(EXIT_ERROR)
    if pyproject:
        target = Path("pyproject.toml")
        existing = target.read_text(encoding="utf-8") if target.is_file() else ""
        if "[tool.newslint" in existing:
            _notify(f"error: {target} already has a [tool.newslint] table; not changed")
            sys.exit(EXIT_ERROR)
        text = existing + ("\n" if existing and not existing.endswith("\n\n") else "")
        text += starter_configuration(checks, table_prefix="tool.newslint.")
    else:
        target = Path(CONFIG_FILE)
        if target.exists():
            _notify(f"error: {target} already exists; not overwritten")
            sys.exit(EXIT_ERROR)
        text = starter_configuration(checks)
    from newslint.writing import write_atomically

    write_atomically(target, text)
    click.echo(f"wrote {target}: every check and option, commented out at its default")


@main.command("lint", cls=_LintCommand, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option("--select", multiple=True, metavar="CHECKS", help="Run only these checks (comma-separated).")
@click.option("--ignore", multiple=True, metavar="CHECKS", help="Do not run these checks (comma-separated).")
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True,
              help="text for people, json for tools, sarif for code scanning, github for Actions annotations.")
@click.option("--output", "output_file", metavar="FILE", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to FILE; a one-line summary still goes to the terminal.")
@click.option("--show-source", is_flag=True, help="Show each finding's source line with a caret under it (text).")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary, notices or progress bar.")
@click.option("--statistics", is_flag=True, help="Print how many findings each check has instead of the findings.")
@click.option("--min-severity", type=click.Choice(["info", "warning", "error"]), default=None,
              help="Hide findings below this severity from the output (--fail-on still sees them).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text output: on a terminal without NO_COLOR (auto), always, or never.")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=None,
              help="Exit 1 when a finding is at or above this severity.  [default: warning]")
@click.option("--diff", "diff_ref", metavar="REF",
              help="Report only findings on lines added or changed since the git revision REF.")
@click.option("--baseline", "baseline_file", metavar="FILE",
              help="Report only findings that FILE (written by --write-baseline) does not record.")
@click.option("--write-baseline", "write_baseline_file", metavar="FILE",
              help="Record today's findings in FILE, report nothing, and exit 0.")
@click.option("--config", "config_file", metavar="FILE", help="Configuration file (default: nearest .newslint.toml "
              "or pyproject.toml with [tool.newslint]).")
@click.option("--encoding", default=None, help="Read inputs in this encoding instead of detecting it.")
@click.option("--date", "publication_date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              metavar="YYYY-MM-DD", help="Publication date of stories that carry none (date-weekday reads the year).")
@click.option("--stdin-filename", default=None, metavar="NAME", help="Name to report for input read from '-'.")
@click.option("--html-scope", type=click.Choice(["article", "page"]), default=None,
              help="HTML pages: lint the story only, or the whole page (menus, footers).  [default: article]")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Lint in N processes (default: one per core for 8 files and 64 KB of text or more, else 1).")
@click.option("--dask-scheduler", metavar="ADDRESS", default=None,
              help="Lint on the Dask cluster at ADDRESS (needs newslint[dask]); output as a local run's.")
@click.option("--list-checks", is_flag=True, help="List the installed checks and exit.")
@click.option("--explain", metavar="CHECK", help="Print a check's documentation and exit.")
@click.version_option(__version__, prog_name="newslint")
def lint(paths, select, ignore, output_format, output_file, show_source, quiet, statistics, min_severity, color,
         fail_on, diff_ref, baseline_file,
         write_baseline_file, config_file, encoding, publication_date, stdin_filename, jobs, dask_scheduler,
         list_checks, explain, html_scope):
    """Lint news copy for editorial problems: names spelled two ways, counts to verify,
    orphaned photo captions, stray promo text.

    PATH may be a file, a directory (searched for .txt, .md and .html files) or - for stdin.
    Markdown and HTML are reduced to their prose; <!-- newslint: ignore CHECK --> comments suppress,
    and the engine reports a suppression that suppresses nothing as unused-suppression (info; see
    --explain unused-suppression).
    Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error or unreadable input.

    Other commands (each with --help): newslint init (a starter configuration), newslint serve (an HTTP
    server), newslint lsp (a language server for editors).
    """
    try:
        installed = load_checks()
    except RegistryError as error:
        _notify(f"error: {error}")
        sys.exit(EXIT_ERROR)
    known = with_engine_checks(installed)
    if list_checks:
        sys.exit(_list_checks(installed))
    if explain:
        if explain not in known:
            raise click.BadParameter(unknown_check(explain, known), param_hint="--explain")
        try:
            click.echo(known[explain].documentation)
        except RegistryError as error:
            _notify(f"error: {error}")
            sys.exit(EXIT_ERROR)
        return
    if not paths:
        raise click.UsageError("give at least one PATH (a file, a directory, or - for stdin)")
    if baseline_file and write_baseline_file:
        raise click.UsageError("--baseline and --write-baseline cannot be combined (writing records every finding)")
    if statistics and (output_format != "text" or show_source):
        raise click.UsageError("--statistics prints a table of counts: it goes with --format text and no --show-source")
    if stdin_filename and "-" not in paths:
        raise click.UsageError("--stdin-filename names the input read from '-', and no '-' was given")
    if encoding:
        try:
            check_encoding(encoding)
        except LookupError:
            raise click.BadParameter(f"unknown text encoding {encoding!r}", param_hint="--encoding") from None

    # Baselines and git diffs are imported only when asked for: an editor's plain run stays quick.
    workflow_errors: tuple[type[Exception], ...] = ()  # the errors of the optional steps asked for
    baseline = changed_lines = None
    writing = write_baseline_file is not None
    try:
        config = _load_configuration(config_file).with_overrides(
            select=_names(select, "--select", known), fail_on=fail_on, encoding=encoding,
            date=publication_date.date() if publication_date else None,
        )
        extra_ignores = _names(ignore, "--ignore", known) or ()
        config = config.with_overrides(ignore=tuple(config.ignore) + tuple(extra_ignores))
        config = config.with_overrides(html_scope=html_scope)
        if baseline_file or writing:
            from newslint.baseline import BaselineError, load_baseline

            workflow_errors += (BaselineError,)
            baseline = load_baseline(Path(baseline_file)) if baseline_file else None
        if diff_ref and not writing:
            from newslint.gitdiff import ChangedLines, DiffError

            workflow_errors += (DiffError,)
            changed_lines = ChangedLines(diff_ref)
        linter = Linter(installed, config, baseline=baseline, changed_lines=changed_lines)
    except (ConfigError, UsageError) + workflow_errors as error:
        _notify(f"error: {error}")
        sys.exit(EXIT_ERROR)

    items = list(discover(paths))
    _refuse_to_overwrite_an_input(items, output_file, write_baseline_file)
    report = Report()
    notify = _notify_quietly if quiet else _notify
    sources: list[Source] = []
    for item in items:
        if isinstance(item, Skipped):
            notify(f"{item.path}: skipped: {item.reason}")
        elif isinstance(item, InputError):
            report.errors.append(Failure(item.path, item.message))
            _notify(f"error: {item.path}: {item.message}")
        elif item == "-":  # read at most one byte past the limit: the engine refuses what is over it
            sources.append(Source(stdin_filename or "-", data=sys.stdin.buffer.read(config.max_file_size + 1)))
        else:
            sources.append(Source(item))
    stream = None
    if output_format == "jsonl" and not writing:  # written as results arrive (formatters are imported when used)
        from newslint.formatters.jsonl import JsonLinesStream

        stream = JsonLinesStream(output_file, report.errors)
    said: set[str] = set()  # a notice every worker would repeat (no model installed) is said once
    try:
        results = lint_all(sources, linter, jobs, dask_scheduler)
        for result in with_progress(results, len(sources), enabled=not quiet):
            for notice in result.notices:
                if notice not in said:
                    said.add(notice)
                    notify(notice)
            for failure in result.failures:
                _notify(f"error: {failure.path}: {failure.message}")
            if stream is not None:  # written as it comes: millions of stories need not fit in memory
                stream.write(result, Severity.parse(min_severity) if min_severity else Severity.INFO)
            report.add(result, keep=stream is None)
    except workflow_errors + (ClusterUnavailable,) as error:
        _notify(f"error: {error}")
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        _notify("interrupted; no report written")
        sys.exit(130)
    if stream is not None:
        stream.close()
        if output_file and not quiet:
            written = dataclasses.replace(report, severities=Counter(  # what --min-severity let into the file
                {severity: n for severity, n in report.severities.items()
                 if not min_severity or severity >= Severity.parse(min_severity)}))
            click.echo(f"{summary(written, streamed=True)}; jsonl report written to {output_file}")
        sys.exit(_exit_status(report, config.fail_on))

    report.sort()
    report = report.printable()
    if writing:
        sys.exit(_write_baseline(Path(write_baseline_file), report))
    shown = report.at_least(Severity.parse(min_severity)) if min_severity else report
    options = FormatOptions(
        color=output_format == "text" and not output_file and _use_color(color),
        show_source=show_source,
        summary=not quiet and (show_source or sys.stdout.isatty()),
        checks={check.name: check for check in linter.selected},
    )
    if statistics:
        click.echo(format_statistics(shown), nl=False)
    else:
        _emit(shown, output_format, output_file, options, quiet)
    sys.exit(_exit_status(report, config.fail_on))  # the whole report: --min-severity only hides


def _notify_quietly(message: str) -> None:
    """--quiet: notices are dropped; errors are still said."""
    if message.startswith("error:"):
        _notify(message)


def _refuse_to_overwrite_an_input(items: list, output_file: str | None, baseline_file: str | None) -> None:
    """--output or --write-baseline naming a file being linted would destroy the copy: a usage error."""
    from newslint.writing import same_file

    inputs = [Path(item) for item in items if isinstance(item, str) and item != "-"]
    for option, target in (("--output", output_file), ("--write-baseline", baseline_file)):
        if target and any(same_file(Path(target), path) for path in inputs):
            raise click.BadParameter(f"{target} is one of the files being linted; choose another file",
                                     param_hint=option)


def _write_baseline(location: Path, report: Report) -> int:
    from newslint.baseline import BaselineError, write_baseline

    try:
        recorded = write_baseline(location, report.findings)
    except BaselineError as error:
        _notify(f"error: {error}")
        return EXIT_ERROR
    _notify(f"recorded {recorded} finding{'s' if recorded != 1 else ''} in {location}")
    return EXIT_ERROR if report.errors else EXIT_CLEAN


def _emit(report: Report, output_format: str, output_file: str | None, options: FormatOptions,
          quiet: bool = False) -> None:
    rendered = get_formatter(output_format)(report, options)
    if not output_file:
        click.echo(rendered, nl=False, color=options.color)  # click strips colour off a pipe unless told
        return
    from newslint.writing import write_atomically

    try:
        write_atomically(Path(output_file), rendered)
    except OSError as error:
        _notify(f"error: {output_file}: cannot be written: {error.strerror or error}")
        sys.exit(EXIT_ERROR)
    if not quiet:
        click.echo(f"{summary(report)}; {output_format} report written to {output_file}")


def _extra_missing(command: str, extra: str, error: ImportError) -> None:
    _notify(f"error: newslint {command} needs the {extra} extra ({error.name} is not installed): "
            f"pip install '.[{extra}]' in newslint's folder")
    sys.exit(EXIT_ERROR)


@main.command("serve", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8081, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (8081 is LanguageTool's usual local port).")
@click.option("--config", "config_file", metavar="FILE", help="Configuration file, read once at startup "
              "(default: nearest .newslint.toml or pyproject.toml with [tool.newslint]).")
@click.option("--max-body-size", default=5 * 1024 * 1024, show_default=True, type=click.IntRange(1),
              metavar="BYTES", help="Refuse larger requests with 413.")
def serve(host: str, port: int, config_file: str | None, max_body_size: int) -> None:
    """Serve the LanguageTool HTTP API (/v2), newslint's JSON API (/v1/lint) and a copy-desk page (/)."""
    try:
        from newslint.server.app import ServeError
        from newslint.server.app import serve as run_server
    except ImportError as error:
        _extra_missing("serve", "serve", error)
    try:
        config = _load_configuration(config_file)
        run_server(config, host, port, max_body=max_body_size)
    except (ConfigError, UsageError, RegistryError, ServeError) as error:
        _notify(f"error: {error}")
        sys.exit(EXIT_ERROR)


@main.command("lsp", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--stdio", is_flag=True, hidden=True, help="Accepted for editors that pass it; stdio is the transport.")
def lsp(stdio: bool) -> None:
    """Run the language server over stdin and stdout (configuration from each workspace folder)."""
    try:
        from newslint.lsp import run
    except ImportError as error:
        _extra_missing("lsp", "lsp", error)
    run()
