"""The cells every writer writes: a table's export rows, formula-like text quoted."""

from hhprod.lib.formulas import neutralise

from ..tables2_export import export_rows, exported_columns, is_typed, kind_of


def table_rows(table):
    """Header then rows, each text cell neutralised (a signed slip, +3, is a number and stays as it is);
    long querysets are read in chunks."""
    rows = export_rows(table)
    yield next(rows)
    quoted = [not is_typed(kind_of(column)) for column in exported_columns(table)]
    for row in rows:
        yield [
            "" if cell is None else neutralise(cell) if quote else cell for cell, quote in zip(row, quoted, strict=True)
        ]
