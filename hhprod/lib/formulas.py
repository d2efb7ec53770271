"""Spreadsheet formula injection: how exports quote a cell, and how imports undo it.

A text cell starting with one of FORMULA_STARTS would run as a formula in a spreadsheet,
so exports prefix it with a quote (OWASP's advice). Text that already starts with quotes
before such a character gets one more, so importing strips exactly one and every text
survives the round trip.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE_OR_FORMULA = frozenset(["'", *FORMULA_STARTS])


def neutralise(value):
    # The first character decides for almost every cell; only a leading quote needs the strip.
    if isinstance(value, str) and value[:1] in QUOTE_OR_FORMULA and value.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unquote(text):
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS):
        return text[1:]
    return text
