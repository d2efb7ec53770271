"""Numbers and ids read from a request: one reader, so no view trusts str.isdigit() again.

str.isdigit() says yes to "²" and "①", which int() cannot read; a number past 64 bits fits
no id column. Every query or form value that names an id or a number is read here.
"""

from django.core.exceptions import BadRequest
from django.http import HttpResponseBadRequest
from django.views import defaults

LARGEST_ID = 2**63 - 1  # a 64-bit signed column, the widest id a database here keeps
# Longer than any number up to LARGEST_ID, leading zeros allowed; int() never reads more.
MOST_DIGITS = 32
QUOTED = 20  # how much of a refused value its message shows


class BadParameter(BadRequest):
    """A query parameter that cannot be read: a 400 whose message says which and why."""

    def __init__(self, name, message):
        super().__init__(message)
        self.name = name


class NotANumber(BadParameter):
    """A query parameter that names no number."""


def whole_number(text):
    """The whole number `text` spells in decimal digits, or None when it spells none.

    Any script's decimal digits count ("١٢" is 12, as int() reads it); a sign, a superscript,
    a circled digit, a fraction, a NUL or a number beyond a 64-bit id does not.
    """
    text = (text or "").strip()
    if not text.isdecimal() or len(text) > MOST_DIGITS:
        return None
    number = int(text)
    return number if number <= LARGEST_ID else None


def number_param(params, name):
    """The number query parameter `name` names; None when it is absent or empty.

    Anything else is refused with NotANumber, a 400, rather than read as no choice."""
    text = params.get(name, "")
    if not text.strip():
        return None
    number = whole_number(text)
    if number is None:
        shown = text if len(text) <= QUOTED else text[:QUOTED] + "…"
        raise NotANumber(name, f"?{name}= takes a number; {shown!r} is not one.")
    return number


def text_param(params, name):
    """The text query parameter `name` holds, stripped; "" when it is absent.

    A NUL is refused with BadParameter, a 400: no text column keeps one (PostgreSQL refuses the
    query), and no one types it."""
    text = params.get(name, "").strip()
    if "\x00" in text:
        raise BadParameter(name, f"?{name}= holds a NUL character, which no text here may hold.")
    return text


def bad_request(request, exception):
    """The site's 400: a refused number says why in plain text; anything else gets Django's page."""
    if isinstance(exception, BadParameter):
        return HttpResponseBadRequest(str(exception), content_type="text/plain; charset=utf-8")
    return defaults.bad_request(request, exception)
