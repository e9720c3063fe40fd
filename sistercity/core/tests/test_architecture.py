"""The shape of the code base, checked: the results framework imports no sector, no two apps
import each other in a circle, and the engines import no Django."""

import ast
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]  # the sistercity package
SECTORS = {"exchange", "environment", "trade", "investment", "emergency", "irrigation", "culture"}
ENGINES = [
    "exchange/allocation.py",
    "environment/wastemodel",
    "emergency/coverage.py",
    "irrigation/waterneeds.py",
    "trade/export_rules.py",
]


def _modules(path: Path):
    files = [path] if path.is_file() else sorted(path.rglob("*.py"))
    for file in files:
        parts = file.relative_to(ROOT).parts
        if "tests" in parts or "migrations" in parts:
            continue
        yield file


def _imports(file: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(file.read_text(), str(file))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _app_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for file in _modules(ROOT):
        parts = file.relative_to(ROOT).parts
        if len(parts) < 2:
            continue  # conftest.py, testing.py
        app = parts[0]
        for name in _imports(file):
            if name.startswith("sistercity."):
                target = name.split(".")[1]
                if target != app:
                    graph[app].add(target)
    return graph


def test_the_results_framework_imports_no_sector_app():
    offenders = sorted(
        f"{file.relative_to(ROOT)} imports {name}"
        for file in _modules(ROOT / "programs")
        for name in _imports(file)
        if name.startswith("sistercity.") and name.split(".")[1] in SECTORS
    )
    assert offenders == []


def test_no_sector_app_is_imported_by_the_platform_apps():
    platform = {"core", "accounts", "partnerships", "programs", "reports", "portal", "api"}
    graph = _app_graph()
    offenders = sorted(f"{app} → {t}" for app in platform for t in graph[app] & SECTORS)
    assert offenders == []


def test_apps_do_not_import_each_other_in_a_circle():
    graph = _app_graph()
    # Wiring modules are allowed to know every app: settings/urls (config), the API root,
    # and the demo that loads every app's part.
    wiring = {"config", "api", "demo"}
    edges = {a: {t for t in ts if t not in wiring} for a, ts in graph.items() if a not in wiring}
    cycles = []

    def visit(app, path):
        for target in sorted(edges.get(app, ())):
            if target in path:
                cycles.append(" → ".join([*path[path.index(target) :], target]))
            elif len(path) < 8:
                visit(target, [*path, target])

    for app in sorted(edges):
        visit(app, [app])
    assert cycles == []


@pytest.mark.parametrize("engine", [e for e in ENGINES if (ROOT / e).exists()])
def test_engines_import_no_django(engine):
    path = ROOT / engine
    own_package = "sistercity." + engine.removesuffix(".py").replace("/", ".")
    offenders = sorted(
        f"{file.relative_to(ROOT)} imports {name}"
        for file in _modules(path)
        for name in _imports(file)
        if name == "django"
        or name.startswith("django.")
        or (name.startswith("sistercity.") and not name.startswith(own_package))
    )
    assert offenders == []


def test_accounts_models_point_at_no_partnerships_model():
    """Organisations and memberships sit below partnerships: their relations (an agency
    officer's pillars) point at core or accounts, never at an app built on them."""
    from django.apps import apps

    targets = {
        f"{field.name} → {field.related_model._meta.label}"
        for model in apps.get_app_config("accounts").get_models()
        for field in model._meta.get_fields()
        if field.is_relation
        and field.related_model is not None
        and field.related_model._meta.app_label not in {"accounts", "core", "auth", "contenttypes"}
        and not field.auto_created
    }
    assert targets == set()
