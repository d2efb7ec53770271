"""hhprod uses Django and the libraries it builds on through their documented API only.

A private name (one leading underscore) of Django, django-tables2, django-filter,
simple-history, import-export or tablib changes without notice: reaching for one, importing
one, or overriding a private hook of their classes fails here. hhprod's own private helpers
are fine: an attribute is flagged only when hhprod defines no such name itself.
"""

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import hhprod

LIBRARIES = ("django", "django_tables2", "django_filters", "simple_history", "import_export", "tablib")
ROOT = Path(hhprod.__file__).parent

# Names with a leading underscore that the libraries document as public.
DOCUMENTED = {
    "_meta": "Django's Model _meta API (docs: ref/models/meta)",
    "_state": "Model._state.adding and .db (docs: ref/models/instances, 'Model._state')",
    "_default_manager": "Model._default_manager (docs: topics/db/managers, 'Default managers')",
    "_history_user": "simple-history's user tracking: instance._history_user (docs: user_tracking)",
}
# Undocumented hooks and internals without the underscore: the same risk, named here.
UNDOCUMENTED = {
    "set_history_delta_changes",  # SimpleHistoryAdmin's, undocumented
    "is_cached",  # Django's related-field cache (FieldCacheMixin), undocumented
    "get_cached_value",
    "set_cached_value",
    "delete_cached_value",
    "TableQuerysetData",  # django-tables2's data containers: its docs list them as internal
}


def is_private(name):
    """One leading underscore: not a dunder, an enum's documented _sunder_ name, nor gettext's _."""
    return name.startswith("_") and not name.startswith("__") and not name.endswith("_")


def modules():
    for info in pkgutil.walk_packages([str(ROOT)], prefix="hhprod."):
        if ".migrations" not in info.name:
            yield info.name


def source_files():
    return [path for path in ROOT.rglob("*.py") if "migrations" not in path.parts]


def names_hhprod_defines(trees):
    """Every private name hhprod gives a function, class, variable or its own attribute (self._x = ...)."""
    defined = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                defined.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                defined.add(node.id)
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.ctx, ast.Store)
                and isinstance(node.value, ast.Name)
                and node.value.id in ("self", "cls")
                and not is_library_hook(node.attr)
            ):
                defined.add(node.attr)
    return {name for name in defined if is_private(name)}


def is_library_hook(name):
    """A private name the libraries use themselves: setting it on self is reaching into them, not defining it."""
    return name in LIBRARY_NAMES


def library_names():
    names = set()
    for library in LIBRARIES:
        package = importlib.import_module(library)
        for path in Path(package.__file__).parent.rglob("*.py"):
            if "tests" in path.parts or "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Attribute) and is_private(node.attr):
                    names.add(node.attr)
                elif isinstance(node, ast.FunctionDef) and is_private(node.name):
                    names.add(node.name)
    return names


LIBRARY_NAMES = library_names()


def from_library(module):
    return module is not None and module.split(".")[0] in LIBRARIES


def private_uses(tree, where, own):
    """(where:line, name) for each private name of a library a module imports or reads."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and from_library(node.module):
            names = [*node.module.split("."), *(alias.name for alias in node.names)]
            found += [(node.lineno, name) for name in names if is_private(name) or name in UNDOCUMENTED]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if from_library(alias.name):
                    found += [(node.lineno, part) for part in alias.name.split(".") if is_private(part)]
        elif isinstance(node, ast.Attribute):
            if node.attr in UNDOCUMENTED or (is_private(node.attr) and node.attr not in own | DOCUMENTED.keys()):
                found.append((node.lineno, node.attr))
        elif isinstance(node, ast.FunctionDef) and node.name in UNDOCUMENTED:
            found.append((node.lineno, node.name))
    return [(f"{where}:{line}", name) for line, name in found]


def uses_in_source():
    trees = {path.relative_to(ROOT.parent): ast.parse(path.read_text(encoding="utf-8")) for path in source_files()}
    own = names_hhprod_defines(trees.values())
    return [use for where, tree in trees.items() for use in private_uses(tree, where, own)]


def overridden_hooks():
    """(class, method) for each private method an hhprod class defines over one of a library class."""
    found = []
    for name in modules():
        module = importlib.import_module(name)
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != name:
                continue
            library_bases = [base for base in cls.__mro__[1:] if from_library(base.__module__)]
            for attr, value in vars(cls).items():
                if is_private(attr) and inspect.isfunction(value):
                    if any(attr in vars(base) for base in library_bases):
                        found.append((f"{name}.{cls.__qualname__}", attr))
    return found


def test_no_private_name_of_a_library_is_imported_or_read():
    assert uses_in_source() == []


def test_no_private_hook_of_a_library_class_is_overridden():
    assert overridden_hooks() == []


def test_the_check_sees_what_it_is_meant_to():
    """The rules on a sample: a library's private names are caught, hhprod's own and documented ones are not."""
    sample = ast.parse(
        "from django.db.models.query import _Helper\n"
        "from django_tables2.data import TableQuerysetData\n"
        "import django.utils._os\n"
        "row._call_value(column)\n"
        "field.set_cached_value(obj, value)\n"
        "def _own(): pass\n"
        "self.x._own\n"
        "obj._meta.pk\n"
    )
    own = names_hhprod_defines([sample])
    assert own == {"_own"}
    assert private_uses(sample, "sample.py", own) == [
        ("sample.py:1", "_Helper"),
        ("sample.py:2", "TableQuerysetData"),
        ("sample.py:3", "_os"),
        ("sample.py:4", "_call_value"),
        ("sample.py:5", "set_cached_value"),
    ]
