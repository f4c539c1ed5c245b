"""The package's layout rules (docs/architecture.md, "Where things are"), checked on the source itself:

- no import cycles among diplograph's modules, counting imports inside functions (a lazy import still ties two
  modules together; only `if TYPE_CHECKING:` blocks are left out);
- no package imports another package's private names (each package exports what others use);
- library code never imports the CLI;
- each class name of the read side means one thing: it is defined once;
- no module binds an upper-case constant twice at its top level (the second silently replaces the first for every
  function of the module, the first's among them).
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "diplograph"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    name = ".".join(parts)
    return name.removesuffix(".__init__")


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for n in ast.walk(node))
    return skipped


def imports(path: Path) -> Iterator[tuple[str, str]]:
    """(module, name) for every `from diplograph... import name` and (module, '') for `import diplograph...`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_nodes(tree)
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            yield from ((a.name, "") for a in node.names if a.name.startswith("diplograph"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("diplograph"):
            yield from ((node.module, a.name) for a in node.names)


def _known(name: str) -> str | None:
    """The module of the package that `name` (a module or module.attribute) lives in."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for module, path in MODULES.items():
        for target, name in imports(path):
            found = _known(f"{target}.{name}" if name else target)
            if found and found != module:
                graph[module].add(found)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles() -> None:
    assert cycles(import_graph()) == []


def _top_package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _private(module: str, name: str) -> bool:
    segments = [*module.split("."), name] if name else module.split(".")
    return any(s.startswith("_") and not (s.startswith("__") and s.endswith("__")) for s in segments)


def test_no_package_imports_another_packages_private_names() -> None:
    offenders = [
        f"{module} imports {target}{'.' + name if name else ''}"
        for module, path in MODULES.items()
        for target, name in imports(path)
        if _private(target, name) and _top_package(target) != _top_package(module)
    ]
    assert offenders == []


def test_library_code_never_imports_the_cli() -> None:
    offenders = [
        f"{module} imports {target}"
        for module, path in MODULES.items()
        if not (module == "diplograph.cli" or module.startswith("diplograph.cli."))
        for target, _ in imports(path)
        if target == "diplograph.cli" or target.startswith(("diplograph.cli.", "diplograph.cli_"))
    ]
    assert offenders == []


READ_SIDE_NAMES = ("Fact", "Timeline", "Partner", "Bucket", "Contact", "Source", "Reading", "Page", "Link")


def test_each_read_side_class_name_is_defined_once() -> None:
    defined: Counter[str] = Counter()
    where: dict[str, list[str]] = {}
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name in READ_SIDE_NAMES:
                defined[node.name] += 1
                where.setdefault(node.name, []).append(module)
    assert {name: where[name] for name, n in defined.items() if n > 1} == {}


def _constants_bound_twice(tree: ast.Module) -> list[str]:
    bound: Counter[str] = Counter()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, ast.AnnAssign) else []
        for target in targets:
            if isinstance(target, ast.Name) and target.id.isupper():
                bound[target.id] += 1
    return sorted(name for name, n in bound.items() if n > 1)


def test_the_twice_bound_finder_finds_one() -> None:
    assert _constants_bound_twice(ast.parse("A = 1\nB = 2\nA = 3\n")) == ["A"]


def test_no_module_binds_a_constant_twice() -> None:
    # regression: events.py bound OFFERING twice, so 'pledged help' stopped being read as help offered
    twice = {module: names for module, path in MODULES.items()
             if (names := _constants_bound_twice(ast.parse(path.read_text(encoding="utf-8"))))}
    assert twice == {}
