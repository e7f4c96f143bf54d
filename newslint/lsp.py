"""``newslint lsp``: a language server over stdio, so that any LSP editor shows newslint's findings.

Diagnostics are published for plain text, Markdown and HTML documents when they are opened, changed
(after a short pause in typing) and saved; each carries the check's name as its code, and a finding's
suggestion is offered as a quick fix ("Replace with 'Manger'"). The configuration is found from the
document's workspace folder, as the command line finds it from the current folder, and is read again
when a configuration file is saved.

Positions: findings count code points; LSP clients count UTF-16 code units unless they negotiate
otherwise, and pygls's position codec converts to whichever was agreed.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any, Mapping

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from newslint import __version__
from newslint.config import CONFIG_FILE, ConfigError, find_config, load_config
from newslint.engine import Linter, Source, UsageError
from newslint.finding import Finding, Severity
from newslint.readers import HTML_SUFFIXES, MARKDOWN_SUFFIXES, kind_of
from newslint.registry import Check, RegistryError, load_checks
from newslint.server.textunits import ClientText

DEBOUNCE_SECONDS = 0.3  # lint once typing pauses, not on every keystroke
SOURCE = "newslint"
_READERS = {"plaintext": "text", "text": "text", "markdown": "markdown", "html": "html"}
_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES)
_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def reader_for(document: TextDocument) -> str | None:
    """The reader for a document, from its language id (else its file suffix); None: not copy, skip it."""
    if document.language_id in _READERS:
        return _READERS[document.language_id]
    if document.path and document.path.lower().endswith(_SUFFIXES):
        return kind_of(document.path)
    return None


class NewslintLanguageServer(LanguageServer):
    """Linters per configuration file, one lint at a time, and what was last published per document."""

    def __init__(self, installed: Mapping[str, Check] | None = None) -> None:
        super().__init__("newslint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.installed = installed if installed is not None else load_checks()
        self._linters: dict[Path | None, Linter | str] = {}  # a string: the configuration's error
        self._lint_lock = threading.Lock()  # a Linter and its spaCy pipeline serve one lint at a time
        self._pending: dict[str, asyncio.Task[None]] = {}
        # uri -> (the document version they were made for, [(range, check, fix)])
        self._suggestions: dict[str, tuple[int | None, list[tuple[types.Range, str, str]]]] = {}
        self._told: set[str] = set()  # configuration errors already shown, so each is shown once

    def folder_of(self, path: str | None) -> Path:
        """The workspace folder holding ``path`` (the innermost), else the file's own folder."""
        folders = [Path(p) for folder in self.workspace.folders.values() if (p := to_fs_path(folder.uri))]
        if self.workspace.root_path:
            folders.append(Path(self.workspace.root_path))
        if path:
            holding = [folder for folder in folders if Path(path).is_relative_to(folder)]
            if holding:
                return max(holding, key=lambda folder: len(folder.parts))
            return Path(path).parent
        return folders[0] if folders else Path.cwd()

    def linter(self, folder: Path) -> Linter | str:
        try:
            config_path = find_config(folder)
        except ConfigError as error:
            return str(error)
        if config_path not in self._linters:
            try:
                self._linters[config_path] = Linter(self.installed, load_config(config_path))
            except (ConfigError, UsageError, RegistryError) as error:
                self._linters[config_path] = str(error)
        return self._linters[config_path]

    def forget_configuration(self) -> None:
        self._linters.clear()
        self._told.clear()

    def lint_now(self, path: str, text: str, reader: str) -> tuple[list[Finding], list[str], str | None]:
        """(findings, notices for the log, a problem to show: a configuration error, or why the document or a
        check could not be linted); runs in a worker thread."""
        with self._lint_lock:
            linter = self.linter(self.folder_of(path))
            if isinstance(linter, str):
                return [], [], linter
            result = linter.lint(Source(path, text=text, reader=reader))
        # A document that could not be linted must not look clean: its failure is shown, not only logged.
        failure = "; ".join(f"{f.path}: {f.message}" for f in result.failures) or None
        return list(result.findings), list(result.notices), failure

    def schedule(self, uri: str, delay: float) -> None:
        previous = self._pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self._pending[uri] = asyncio.get_running_loop().create_task(self._lint(uri, delay))

    async def _lint(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        document = self.workspace.text_documents.get(uri)
        if document is None:  # closed before its turn came
            return
        reader = reader_for(document)
        if reader is None:
            return
        version, text = document.version, document.source
        findings, messages, problem = await asyncio.get_running_loop().run_in_executor(
            self.thread_pool, self.lint_now, document.path or uri, text, reader)
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:  # closed or edited meanwhile: a newer lint follows
            return
        for message in messages:
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Warning,
                                                           message=f"newslint: {message}"))
        if problem is not None and problem not in self._told:
            self._told.add(problem)
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                             message=f"newslint: {problem}"))
        self.publish(document, text, findings)

    def publish(self, document: TextDocument, text: str, findings: list[Finding]) -> None:
        client_text = ClientText(text)
        diagnostics, fixes = [], []
        for finding in findings:
            span = types.Range(self._position(document, client_text, finding.line, finding.column),
                               self._position(document, client_text, finding.end_line, finding.end_column))
            diagnostics.append(types.Diagnostic(
                range=span, message=finding.message, severity=_SEVERITIES[finding.severity],
                code=finding.check, source=SOURCE,
                data={"suggestion": finding.suggestion} if finding.suggestion else None,
            ))
            if finding.suggestion:
                fixes.append((span, finding.check, finding.suggestion))
        self._suggestions[document.uri] = (document.version, fixes)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=document.uri, version=document.version, diagnostics=diagnostics))

    @staticmethod
    def _position(document: TextDocument, text: ClientText, line: int, column: int) -> types.Position:
        prefix = text.line(line)[:max(column - 1, 0)]
        return types.Position(line=line - 1, character=document.position_codec.client_num_units(prefix))

    def clear(self, uri: str) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self._suggestions.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def forget_fixes(self, uri: str) -> None:
        """The document changed: its fixes' ranges may now cover other text, until it is linted again."""
        self._suggestions.pop(uri, None)

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        """A quick fix for each finding with a suggestion that the editor asks about, made for the document as
        it is now (never for the text before an edit, where the range would replace other words)."""
        version, fixes = self._suggestions.get(params.text_document.uri, (None, []))
        document = self.workspace.text_documents.get(params.text_document.uri)
        if document is None or document.version != version:
            return []
        asked = [d for d in params.context.diagnostics if d.source == SOURCE]
        if asked:
            wanted = [(span, check, fix) for span, check, fix in fixes
                      if any(d.range == span and d.code == check for d in asked)]
        else:
            wanted = [fix for fix in fixes if _overlaps(fix[0], params.range)]
        actions = []
        for span, check, fix in wanted:
            edit = types.WorkspaceEdit(changes={params.text_document.uri: [types.TextEdit(range=span, new_text=fix)]})
            actions.append(types.CodeAction(
                title=f"Replace with '{fix}'", kind=types.CodeActionKind.QuickFix, edit=edit, is_preferred=True,
                diagnostics=[d for d in asked if d.range == span and d.code == check] or None,
            ))
        return actions


def _overlaps(span: types.Range, other: types.Range) -> bool:
    def key(position: types.Position) -> tuple[int, int]:
        return position.line, position.character

    return key(span.start) <= key(other.end) and key(other.start) <= key(span.end)


def _is_configuration(path: str | None) -> bool:
    return path is not None and Path(path).name in (CONFIG_FILE, "pyproject.toml")


def create_server(installed: Mapping[str, Check] | None = None) -> NewslintLanguageServer:
    server = NewslintLanguageServer(installed)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.forget_fixes(params.text_document.uri)
        ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        if _is_configuration(to_fs_path(params.text_document.uri)):
            ls.forget_configuration()
            for uri in list(ls.workspace.text_documents):
                ls.schedule(uri, 0)
            return
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.clear(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: NewslintLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return ls.code_actions(params)

    return server


def run(installed: Mapping[str, Any] | None = None) -> None:
    """Serve over stdin/stdout until the editor says exit (what ``newslint lsp`` does)."""
    create_server(installed).start_io()
