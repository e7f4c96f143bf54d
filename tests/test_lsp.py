"""``newslint lsp`` driven over stdio by pygls's own language client, as an editor would drive it."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any, Awaitable, Callable

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

from newslint.lsp import NewslintLanguageServer, reader_for
from newslint.registry import load_checks

pytestmark = pytest.mark.e2e  # each test starts the server as a subprocess, which loads the model

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_a3a39f2484b01051.txt"
TIMEOUT = 60


class Editor:
    """A pygls client that records the diagnostics the server publishes."""

    def __init__(self) -> None:
        self.client = LanguageClient("newslint-test-editor", "1")
        self.published: dict[str, list[types.PublishDiagnosticsParams]] = {}
        self.messages: list[str] = []
        self.shown: list[str] = []  # window/showMessage only: what the editor puts in front of the user

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published.setdefault(params.uri, []).append(params)

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def show(params: types.ShowMessageParams) -> None:
            self.messages.append(params.message)
            self.shown.append(params.message)

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def log(params: types.LogMessageParams) -> None:
            self.messages.append(params.message)

    async def start(self, folders: list[Path]) -> None:
        await self.client.start_io(sys.executable, "-m", "newslint", "lsp")
        await asyncio.wait_for(self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(),  # offers no position encoding: UTF-16, the LSP default
            root_uri=from_fs_path(str(folders[0])),
            workspace_folders=[types.WorkspaceFolder(uri=from_fs_path(str(folder)), name=folder.name)
                               for folder in folders],
        )), TIMEOUT)
        self.client.initialized(types.InitializedParams())

    async def stop(self) -> None:
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        await asyncio.wait_for(self.client.stop(), TIMEOUT)

    def open(self, path: Path, text: str, language: str = "plaintext") -> str:
        uri = from_fs_path(str(path))
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
        return uri

    async def wait_for(self, uri: str, ready: Callable[[types.PublishDiagnosticsParams], bool]
                       ) -> types.PublishDiagnosticsParams:
        """The first publication for ``uri`` that ``ready`` accepts, within TIMEOUT seconds."""
        deadline = asyncio.get_running_loop().time() + TIMEOUT
        while asyncio.get_running_loop().time() < deadline:
            for params in self.published.get(uri, []):
                if ready(params):
                    return params
            await asyncio.sleep(0.05)
        raise AssertionError(f"no matching diagnostics for {uri}: {self.published.get(uri)} {self.messages}")


def drive(folders: Path | list[Path], scenario: Callable[[Editor], Awaitable[Any]]) -> Any:
    async def main() -> Any:
        editor = Editor()
        await editor.start(folders if isinstance(folders, list) else [folders])
        try:
            return await scenario(editor)
        finally:
            await editor.stop()

    return asyncio.run(asyncio.wait_for(main(), 4 * TIMEOUT))


def covered(text: str, diagnostic: types.Diagnostic) -> str:
    """The text a diagnostic's range covers, reading its characters as UTF-16 units (the LSP default)."""
    lines = text.split("\n")
    start, end = diagnostic.range.start, diagnostic.range.end
    assert start.line == end.line
    units = lines[start.line].encode("utf-16-le")
    return units[2 * start.character:2 * end.character].decode("utf-16-le")


def test_the_reference_article_gets_six_diagnostics_and_a_quick_fix(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "story.txt"

    async def scenario(editor: Editor) -> None:
        uri = editor.open(path, text)
        published = await editor.wait_for(uri, lambda p: bool(p.diagnostics))
        diagnostics = published.diagnostics
        assert [d.code for d in diagnostics] == ["promo-text", "orphan-caption", "orphan-caption", "promo-text",
                                                 "count-claim", "name-spelling"]
        assert {d.source for d in diagnostics} == {"newslint"}
        assert covered(text, diagnostics[0]) == "Discuss as:"
        assert covered(text, diagnostics[4]) == "13 officials"
        assert diagnostics[4].severity == types.DiagnosticSeverity.Information
        menger = diagnostics[5]
        assert covered(text, menger) == "Menger" and menger.severity == types.DiagnosticSeverity.Warning
        assert (menger.range.start.line, menger.range.start.character) == (27, 157)

        actions = await asyncio.wait_for(editor.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=menger.range,
            context=types.CodeActionContext(diagnostics=[menger]))), TIMEOUT)
        assert actions is not None
        (action,) = actions
        assert isinstance(action, types.CodeAction)
        assert action.title == "Replace with 'Manger'" and action.kind == types.CodeActionKind.QuickFix
        assert action.edit is not None and action.edit.changes is not None
        (edit,) = action.edit.changes[uri]
        assert edit.range == menger.range and edit.new_text == "Manger"

    drive(tmp_path, scenario)


def test_positions_are_utf16_and_edits_are_relinted_after_a_pause(tmp_path):
    first = "Party organiser 🎉🎉 Renée Lefèvre opened the fair.\n\n“We waited all year,” said Lefevre.\n"
    second = first.replace("Lefevre.", "Lefèvre.") + "\nShare this article\n"

    async def scenario(editor: Editor) -> None:
        uri = editor.open(tmp_path / "fair.md", first, language="markdown")
        published = await editor.wait_for(uri, lambda p: bool(p.diagnostics))
        (diagnostic,) = published.diagnostics
        assert diagnostic.code == "name-spelling" and covered(first, diagnostic) == "Lefevre"
        # Typing: three quick changes, then a pause; the lint follows the last one.
        for version, text in ((2, first + "x"), (3, first + "xy"), (4, second)):
            editor.client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
        published = await editor.wait_for(uri, lambda p: p.version == 4)
        assert [d.code for d in published.diagnostics] == ["promo-text"]
        assert not any(p.version in (2, 3) for p in editor.published[uri])  # debounced: never linted
        editor.client.text_document_did_close(types.DidCloseTextDocumentParams(
            types.TextDocumentIdentifier(uri=uri)))
        await editor.wait_for(uri, lambda p: p.version is None and not p.diagnostics)

    drive(tmp_path, scenario)


def test_the_configuration_comes_from_the_workspace_folder(tmp_path):
    good, broken = tmp_path / "news", tmp_path / "features"
    (good / "desk").mkdir(parents=True)
    broken.mkdir()
    (good / ".newslint.toml").write_text('ignore = ["count-claim", "promo-text"]\n')
    (broken / ".newslint.toml").write_text('select = ["promo-txt"]\n')
    text = SEED.read_text(encoding="utf-8")

    async def scenario(editor: Editor) -> None:
        uri = editor.open(good / "desk" / "story.txt", text)
        published = await editor.wait_for(uri, lambda p: bool(p.diagnostics))
        assert [d.code for d in published.diagnostics] == ["orphan-caption", "orphan-caption", "name-spelling"]
        # A folder whose configuration is broken: no diagnostics there, and the editor is told why.
        other = editor.open(broken / "story.txt", text)
        await editor.wait_for(other, lambda p: True)
        assert not any(p.diagnostics for p in editor.published[other])
        assert any("did you mean promo-text?" in message for message in editor.messages), editor.messages
        # Fixed and saved: the configuration is read again and the open documents are linted again.
        (broken / ".newslint.toml").write_text('select = ["promo-text"]\n')
        editor.client.text_document_did_save(types.DidSaveTextDocumentParams(
            types.TextDocumentIdentifier(uri=from_fs_path(str(broken / ".newslint.toml")))))
        published = await editor.wait_for(other, lambda p: bool(p.diagnostics))
        assert [d.code for d in published.diagnostics] == ["promo-text", "promo-text"]

    drive([good, broken], scenario)


def test_documents_that_are_not_copy_are_left_alone():
    server = NewslintLanguageServer(load_checks())
    from pygls.workspace import TextDocument

    assert reader_for(TextDocument("file:///a/story.md", "", language_id="markdown")) == "markdown"
    assert reader_for(TextDocument("file:///a/page.htm", "", language_id="unknown")) == "html"
    assert reader_for(TextDocument("file:///a/notes", "", language_id="text")) == "text"
    assert reader_for(TextDocument("file:///a/app.py", "", language_id="python")) is None
    assert server.name == "newslint"


def test_no_quick_fix_is_offered_for_text_an_edit_has_moved(tmp_path):
    """Asked right after an edit, before the re-lint, the old range would replace other words."""
    text = 'Council member Tomas Kovac spoke.\n\n"Yes," said Kovak.\n'

    async def scenario(editor: Editor) -> None:
        uri = editor.open(tmp_path / "story.txt", text)
        (diagnostic,) = (await editor.wait_for(uri, lambda p: bool(p.diagnostics))).diagnostics
        ask = types.CodeActionParams(text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
                                     context=types.CodeActionContext(diagnostics=[diagnostic]))
        assert await asyncio.wait_for(editor.client.text_document_code_action_async(ask), TIMEOUT)
        edited = text.replace('"Yes,"', '"Yes, we will,"')
        editor.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=edited)]))
        assert not await asyncio.wait_for(editor.client.text_document_code_action_async(ask), TIMEOUT)
        (moved,) = (await editor.wait_for(uri, lambda p: p.version == 2)).diagnostics
        assert covered(edited, moved) == "Kovak"
        ask.range, ask.context.diagnostics = moved.range, [moved]
        (action,) = await asyncio.wait_for(editor.client.text_document_code_action_async(ask), TIMEOUT)
        assert action.edit.changes[uri][0].range == moved.range

    drive(tmp_path, scenario)


def test_a_document_too_large_to_lint_says_so_instead_of_looking_clean(tmp_path):
    (tmp_path / ".newslint.toml").write_text('max-file-size = "1 KB"\n', encoding="utf-8")

    async def scenario(editor: Editor) -> None:
        uri = editor.open(tmp_path / "long.txt", "The council met. " * 200)
        await editor.wait_for(uri, lambda p: not p.diagnostics)
        deadline = asyncio.get_running_loop().time() + TIMEOUT
        while not any("over the 1 KB limit" in m for m in editor.shown):
            assert asyncio.get_running_loop().time() < deadline, editor.messages
            await asyncio.sleep(0.05)

    drive(tmp_path, scenario)
