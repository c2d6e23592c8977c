"""Strings that reach Qt's catalogue through a small wrapper, which lupdate cannot see.

Several modules translate through a helper such as::

    def _t(text: str) -> str:
        return QCoreApplication.translate("Labels", text)

    _t("Synced")

lupdate only knows Qt's own names (``tr``, ``translate``, ``QT_TRANSLATE_NOOP``...), so it
misses ``_t("Synced")`` (or files a module-level ``tr("Day")`` under an empty context). This
module finds such wrappers by reading the code, and writes their calls out as plain
``QCoreApplication.translate(context, text)`` lines for lupdate to read along with the
sources: what the app looks up at run time is then what the catalogue holds.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "wb_desktop"


@dataclass(frozen=True)
class Wrapper:
    """A function that passes its first argument to ``translate`` in a fixed context."""

    context: str
    numerus: bool  # it passes its second argument on as the count


@dataclass(frozen=True)
class WrappedString:
    context: str
    text: str
    numerus: bool
    where: str  # "wb_desktop/ui/labels.py:18"


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` assignments, to resolve a context given by name."""
    found: dict[str, str] = {}
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        value = getattr(node, "value", None)
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            for target in targets:
                if isinstance(target, ast.Name):
                    found[target.id] = value.value
    return found


def _translate_call(function: ast.FunctionDef) -> ast.Call | None:
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else None
            if name == "translate" and len(node.args) >= 2:
                return node
    return None


def find_wrappers(tree: ast.Module) -> dict[str, Wrapper]:
    """Top-level functions whose first parameter is the source text of a ``translate`` call
    with a literal (or module constant) context."""
    constants = _constants(tree)
    wrappers: dict[str, Wrapper] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        params = [arg.arg for arg in node.args.args]
        call = _translate_call(node)
        if call is None:
            continue
        context_node, text_node = call.args[0], call.args[1]
        if not (isinstance(text_node, ast.Name) and text_node.id == params[0]):
            continue
        if isinstance(context_node, ast.Constant) and isinstance(context_node.value, str):
            context = context_node.value
        elif isinstance(context_node, ast.Name) and context_node.id in constants:
            context = constants[context_node.id]
        else:
            continue
        count = call.args[3] if len(call.args) > 3 else None
        numerus = isinstance(count, ast.Name) and count.id in params[1:]
        wrappers[node.name] = Wrapper(context, numerus)
    return wrappers


def _imported(tree: ast.Module, wrappers: dict[str, dict[str, Wrapper]]) -> dict[str, Wrapper]:
    """Wrappers this module imports from another module of the package, by local name."""
    found: dict[str, Wrapper] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module in wrappers:
            for alias in node.names:
                if alias.name in wrappers[node.module]:
                    found[alias.asname or alias.name] = wrappers[node.module][alias.name]
    return found


def wrapped_strings(root: Path) -> list[WrappedString]:
    """Every ``wrapper("literal")`` call in the package under ``root``."""
    trees = {
        module_name(path, root): (path, ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted((root / PACKAGE).rglob("*.py"))
    }
    wrappers = {name: find_wrappers(tree) for name, (_, tree) in trees.items()}
    found: list[WrappedString] = []
    for name, (path, tree) in trees.items():
        usable = {**_imported(tree, wrappers), **wrappers[name]}
        if not usable:
            continue
        where = path.relative_to(root).as_posix()
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            wrapper = usable.get(node.func.id)
            if wrapper is None or not node.args:
                continue
            text = node.args[0]
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                numerus = wrapper.numerus and len(node.args) > 1
                found.append(
                    WrappedString(wrapper.context, text.value, numerus, f"{where}:{node.lineno}")
                )
    return found


def write_shim(strings: list[WrappedString], path: Path) -> None:
    """A Python file lupdate reads: one ``translate`` call per wrapped string."""
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    for item in strings:
        count = ', "", 1' if item.numerus else ""
        lines.append(f"# {item.where}")
        lines.append(f"QCoreApplication.translate({item.context!r}, {item.text!r}{count})")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
