"""No import cycle between the packages of ``pipeline/``.

Each subpackage (``pipeline/text/``, ``pipeline/feed/``…) and each top-level module
(``pipeline/config.py``…) is one node; every import in its files is an edge, those inside a
function or under ``TYPE_CHECKING`` included: hiding an import in a function hides the cycle, it
does not remove it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pipeline

ROOT = Path(pipeline.__file__).parent


def _unit(module: str) -> str:
    """The node of a module: ``pipeline.text.segment`` → ``text``; ``pipeline`` → ``pipeline``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def import_graph(root: Path) -> dict[str, set[str]]:
    """Package-level edges of the package at ``root``: node → the nodes it imports."""
    name = root.name
    edges: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*.py")):
        parts = [name, *path.relative_to(root).with_suffix("").parts]
        package = parts[:-1]
        here = _unit(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from the file's package, up level - 1
                    base = ".".join(package[: len(package) - node.level + 1] + [base]).strip(".")
                # `from pipeline import text` imports the package text; `import __version__` not.
                where = root.joinpath(*base.split(".")[1:])
                targets = [base] + [
                    f"{base}.{alias.name}"
                    for alias in node.names
                    if (where / alias.name).is_dir() or (where / f"{alias.name}.py").is_file()
                ]
            else:
                continue
            for target in targets:
                if target.split(".")[0] == name and _unit(target) != here:
                    edges.setdefault(here, set()).add(_unit(target))
    return edges


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle (``[a, b, …, a]``) in the graph, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state and (found := visit(start)):
            return found
    return None


def test_no_import_cycle_between_the_packages_of_pipeline() -> None:
    cycle = find_cycle(import_graph(ROOT))
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_a_cycle_hidden_in_a_function_is_found(tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    for folder in ("a", "b"):
        (root / folder).mkdir(parents=True)
        (root / folder / "__init__.py").write_text("")
    (root / "__init__.py").write_text("")
    (root / "a" / "x.py").write_text("from pkg.b.y import f\n")
    (root / "b" / "y.py").write_text("def f():\n    from ..a import x\n    return x\n")
    assert find_cycle(import_graph(root)) == ["a", "b", "a"]
    (root / "b" / "y.py").write_text("def f():\n    return 1\n")
    assert find_cycle(import_graph(root)) is None
