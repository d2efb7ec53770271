"""The floor each export is measured against: the least work that writes the same rows.

A CSV's floor is one SQL query of its rows streamed through Python's csv writer; an XLSX's
is the same query's rows written by XlsxWriter in constant-memory mode. Both read the rows
a chunk at a time and keep no output, as a streamed download keeps none.
"""

import csv
import tempfile

import xlsxwriter
from django.db import connection

CHUNK = 2000


class Discard:
    def write(self, value):
        return value


def rows_of(sql, context):
    with connection.cursor() as cursor:
        cursor.execute(sql[connection.vendor] if isinstance(sql, dict) else sql, context)
        while chunk := cursor.fetchmany(CHUNK):
            yield from chunk


def csv_floor(sql):
    def run(context):
        writer = csv.writer(Discard())
        for row in rows_of(sql, context):
            writer.writerow(row)

    return run


def xlsx_floor(sql):
    def run(context):
        with tempfile.TemporaryFile() as out:
            book = xlsxwriter.Workbook(out, {"constant_memory": True, "default_date_format": "yyyy-mm-dd"})
            sheet = book.add_worksheet()
            for index, row in enumerate(rows_of(sql, context)):
                sheet.write_row(index, 0, row)
            book.close()

    return run
