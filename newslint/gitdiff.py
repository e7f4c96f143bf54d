"""``--diff REF``: which lines of a file were added or changed since a git revision.

One ``git diff --unified=0 -M REF`` per repository (not one per file: rename detection needs both
names in view), run without a shell. A file git does not track is new: every line counts as changed.
"""

from __future__ import annotations

import re
import subprocess
from functools import cached_property
from pathlib import Path

ALL_LINES = None  # every line of the file is new
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


class DiffError(Exception):
    """--diff cannot work here (no git, not a repository, unknown revision): a usage error."""


def _git(cwd: Path, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    # A new story an editor has not saved yet ("drafts/new/story.txt" read from stdin) may name a folder that
    # does not exist: git runs in the nearest one that does.
    while not cwd.is_dir() and cwd.parent != cwd:
        cwd = cwd.parent
    try:
        return subprocess.run(["git", "-c", "core.quotePath=false", *arguments], cwd=cwd, capture_output=True)
    except FileNotFoundError:
        raise DiffError("--diff needs git, and git is not installed") from None


class _Repository:
    def __init__(self, root: Path, ref: str) -> None:
        self.root = root
        self.ref = ref

    @cached_property
    def changed(self) -> dict[str, set[int] | None]:
        """Changed line numbers by path (relative to the root, POSIX); ALL_LINES for a binary change."""
        result = _git(self.root, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", "-M",
                      "--src-prefix=a/", "--dst-prefix=b/", self.ref, "--")
        if result.returncode != 0:
            raise DiffError(f"git diff {self.ref} failed: {_first_line(result.stderr)}")
        return _parse_diff(result.stdout.decode("utf-8", "surrogateescape"))

    @cached_property
    def tracked(self) -> set[str]:
        result = _git(self.root, "ls-files", "-z")
        return set(result.stdout.decode("utf-8", "surrogateescape").split("\0")) - {""}


def _parse_diff(diff: str) -> dict[str, set[int] | None]:
    changed: dict[str, set[int] | None] = {}
    current: str | None = None
    for line in diff.split("\n"):
        if line.startswith("diff --git "):
            current = None
        elif line.startswith("+++ "):
            target = line[4:]
            current = None if target == "/dev/null" else _unquote(target)[2:]  # drop "b/"
            if current is not None:
                changed.setdefault(current, set())
        elif line.startswith("rename to ") or line.startswith("copy to "):
            current = _unquote(line.split(" to ", 1)[1])
            changed.setdefault(current, set())  # a pure rename has no hunks: nothing changed
        elif line.startswith("Binary files ") and " and b/" in line:
            path = line.rsplit(" and b/", 1)[1].removesuffix(" differ")
            changed[path] = ALL_LINES
        elif current is not None and (match := _HUNK.match(line)):
            first, count = int(match[1]), int(match[2]) if match[2] is not None else 1
            lines = changed[current]
            if lines is not None:
                lines.update(range(first, first + count))
    return changed


def _unquote(path: str) -> str:
    """Git C-quotes a path with unusual characters: ``"b/caf\\303\\251.txt"``."""
    if not (path.startswith('"') and path.endswith('"')):
        return path
    body, out, index = path[1:-1], bytearray(), 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            following = body[index + 1]
            if following in "01234567":
                out.append(int(body[index + 1:index + 4], 8))
                index += 4
                continue
            out.extend(_ESCAPES.get(following, following).encode())
            index += 2
            continue
        out.extend(char.encode("utf-8", "surrogateescape"))
        index += 1
    return out.decode("utf-8", "surrogateescape")


def _first_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace").strip()
    return text.splitlines()[0] if text else "unknown error"


class ChangedLines:
    """Answers "which lines of this file changed since REF?" for files in any number of repositories."""

    def __init__(self, ref: str) -> None:
        self.ref = ref
        self._repositories: dict[Path, _Repository] = {}
        self._roots: dict[Path, Path] = {}  # folder -> its repository's root

    def for_path(self, path: str) -> set[int] | None:
        """Changed 1-based line numbers, or ALL_LINES when the whole file is new (or is stdin)."""
        if path == "-":
            return ALL_LINES
        file = Path(path).resolve()
        repository = self._repository(file.parent)
        relative = file.relative_to(repository.root).as_posix()
        if relative in repository.changed:
            return repository.changed[relative]
        if relative not in repository.tracked:
            return ALL_LINES  # untracked: git knows nothing of it, so every line is new
        return set()

    def _repository(self, folder: Path) -> _Repository:
        if folder not in self._roots:
            result = _git(folder, "rev-parse", "--show-toplevel")
            if result.returncode != 0:
                raise DiffError(f"--diff {self.ref}: {folder} is not in a git repository")
            self._roots[folder] = Path(result.stdout.decode("utf-8", "surrogateescape").strip()).resolve()
        root = self._roots[folder]
        if root not in self._repositories:
            verify = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{self.ref}^{{commit}}")
            if verify.returncode != 0:
                raise DiffError(f"--diff {self.ref}: unknown revision in the git repository {root}")
            self._repositories[root] = _Repository(root, self.ref)
        return self._repositories[root]
