"""The code's shape the README promises: no import cycle in hhprod, short report modules, and a
report layer that knows nothing of HTTP or of the command line."""

import ast
from pathlib import Path

from django.conf import settings

from hhprod.reports.catalogue import REPORTS

PACKAGE = Path(settings.BASE_DIR) / "hhprod"
REPORTS_PACKAGE = PACKAGE / "reports"
# Where a report's refusal is turned into a 404, a message or a command error.
EDGES = {"views.py", "report.py"}


def modules():
    """{dotted name: (path, set of the hhprod modules it imports)}, migrations left out."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        imported = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(
                        [*package.split(".")[: len(package.split(".")) - node.level + 1], *filter(None, [base])]
                    )
                imported |= {base, *(f"{base}.{alias.name}" for alias in node.names)}
        found[name] = (path, imported)
    return {name: (path, {m for m in imported if m in found and m != name}) for name, (path, imported) in found.items()}


def test_no_module_imports_itself_back():
    graph = {name: deps for name, (_, deps) in modules().items()}
    done, path, cycles = set(), [], []

    def visit(name):
        path.append(name)
        for dep in graph[name]:
            if dep in path:
                cycles.append(path[path.index(dep) :] + [dep])
            elif dep not in done:
                visit(dep)
        path.pop()
        done.add(name)

    for name in graph:
        if name not in done:
            visit(name)
    assert cycles == []


def test_report_modules_read_in_one_sitting():
    long = {path.name: n for path in REPORTS_PACKAGE.rglob("*.py") if (n := len(path.read_text().splitlines())) > 300}
    assert long == {}


def test_the_report_layer_imports_no_http_or_command_classes():
    for name, (path, _) in modules().items():
        if name.startswith("hhprod.reports") and path.name not in EDGES:
            text = path.read_text()
            assert (
                "django.http" not in text.replace("django.http import QueryDict", "") and "CommandError" not in text
            ), name


def test_every_report_is_one_module_named_after_it():
    for report in REPORTS.values():
        assert report.build.__module__ == "hhprod.reports." + report.slug.replace("-", "_")
