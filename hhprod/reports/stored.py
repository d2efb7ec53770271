"""A built report frozen as plain data (JSON), and thawed back into content every writer prints unchanged.

An issued call sheet is kept this way: what went out is reprinted as it was, whatever the plan does after.
"""

import django_tables2 as tables

from .columns import ReportTable
from .content import ReportContent
from .tables2_export import export_rows


def freeze(content):
    """Subtitle, summary and each table's header and rows as they print: strings and numbers only."""
    frozen_tables = []
    for heading, table in content.tables:
        header, *rows = [["" if cell is None else cell for cell in row] for row in export_rows(table)]
        frozen_tables.append({"heading": heading, "header": header, "rows": rows, "empty": str(table.empty_text)})
    return {
        "subtitle": content.subtitle,
        "summary": [[str(label), str(value)] for label, value in content.summary],
        "tables": frozen_tables,
    }


def stored_table(frozen):
    names = [f"column_{i}" for i in range(len(frozen["header"]))]
    columns = [(name, tables.Column(label)) for name, label in zip(names, frozen["header"], strict=True)]
    rows = [dict(zip(names, row, strict=True)) for row in frozen["rows"]]
    return ReportTable(rows, extra_columns=columns, empty_text=frozen["empty"])


def thaw(frozen, **fields):
    return ReportContent(
        subtitle=frozen["subtitle"],
        summary=[tuple(pair) for pair in frozen["summary"]],
        tables=[(table["heading"], stored_table(table)) for table in frozen["tables"]],
        **fields,
    )
