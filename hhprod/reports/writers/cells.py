"""The cells every writer writes: a table's export rows, formula-like text quoted."""

from hhprod.lib.formulas import neutralise

from ..tables2_export import export_rows


def table_rows(table):
    """Header then rows, each cell neutralised; long querysets are read in chunks."""
    for row in export_rows(table):
        yield ["" if cell is None else neutralise(cell) for cell in row]
