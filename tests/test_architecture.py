"""The shape of the code: no import cycles, and the engine's seams where DESIGN.md puts them."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Source folders and the import names they install under (checks/ is newslint.checks).
PACKAGES = {ROOT / "newslint": "newslint", ROOT / "checks": "newslint.checks"}


def _modules() -> dict[str, Path]:
    modules = {}
    for folder, package in PACKAGES.items():
        for path in folder.rglob("*.py"):
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join([package, *parts])] = path
    return modules


def _is_type_checking_block(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _run_time_imports(tree: ast.AST) -> list[tuple[str | None, list[str], int]]:
    """(module, names, level) of every import that runs, at module level or inside a function."""
    found = []
    pending = [tree]
    while pending:
        node = pending.pop()
        for child in ast.iter_child_nodes(node):
            if _is_type_checking_block(child):
                pending.extend(child.orelse)  # only the else branch runs
                continue
            if isinstance(child, ast.Import):
                found.extend((alias.name, [], 0) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                found.append((child.module, [alias.name for alias in child.names], child.level))
            pending.append(child)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        for module, names, level in _run_time_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (level - 1)]
                module = ".".join([*base, *([module] if module else [])])
            assert module is not None
            targets = [f"{module}.{n}" for n in names if f"{module}.{n}" in modules] or [module]
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                cycles.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target, [*stack, target])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return cycles


def test_the_graph_sees_real_imports() -> None:
    graph = import_graph()
    assert "newslint.engine" in graph["newslint.cli"]
    assert "newslint.checks._phrases" in graph["newslint.checks.promo_text"]  # a relative import
    assert "newslint.readers.markdown" in graph["newslint.readers"]  # an import inside a function


def test_no_import_cycles_among_run_time_imports() -> None:
    assert _cycles(import_graph()) == []


def test_formatters_depend_on_the_finding_model_not_on_the_engine() -> None:
    graph = import_graph()
    for name in (n for n in graph if n.startswith("newslint.formatters")):
        assert not graph[name] & {"newslint.engine", "newslint.cli", "newslint.registry"}, name


def test_checks_see_the_document_and_the_registry_not_the_engine() -> None:
    graph = import_graph()
    for name in (n for n in graph if n.startswith("newslint.checks")):
        assert not graph[name] & {"newslint.engine", "newslint.cli", "newslint.config"}, name


def test_no_check_caches_analyses_keyed_on_a_whole_text() -> None:
    """Shared analyses go through Document.memo; a module-level cache keyed on the text outlives the run."""
    for path in (ROOT / "checks").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
            cached = any("cache" in ast.unparse(decorator) for decorator in function.decorator_list)
            arguments = [a.arg for a in function.args.args]
            assert not (cached and {"text", "document"} & set(arguments)), f"{path.name}: {function.name}"
