import re

from ..tables2_export import file_rows

# Characters that start Markdown syntax anywhere in a line (emphasis, code, links, a table's cell break).
INLINE = re.compile(r"([\\`*_\[\]|~])")
# ...and at the start of a line only (a heading, a quote, a list item, a rule): the subtitle's line.
LINE_START = re.compile(r"^([#+=-])")
NUMBERED = re.compile(r"^(\d+)([.)])")
HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def text(value):
    """A value as inert Markdown: HTML escaped, syntax characters backslashed, line breaks as spaces."""
    value = " ".join(str(value).split())
    return "".join(HTML.get(char, char) for char in INLINE.sub(r"\\\1", value))


def line(value):
    """Text that opens a line of its own: also kept from reading as a heading, quote or list."""
    return LINE_START.sub(r"\\\1", NUMBERED.sub(r"\1\\\2", text(value)))


def row(cells):
    return "| " + " | ".join(text(cell) for cell in cells) + " |"


def write(report, production, content):
    lines = [f"# {text(report.title)}: {text(production)}", ""]
    if content.subtitle:
        lines += [line(content.subtitle), ""]
    lines += [f"- {text(label)}: {text(value)}" for label, value in content.summary]
    for heading, table in content.tables:
        rows = file_rows(table)
        header = next(rows)
        lines += ["", f"## {text(heading)}", "", row(header), "|" + " --- |" * len(header)]
        lines += [row(cells) for cells in rows]
    yield ("\n".join(lines) + "\n").encode()
