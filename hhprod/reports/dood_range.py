"""The dates a Day Out of Days shows: `?from=` and `?to=` (YYYY-MM-DD), by default the production's
whole span, from its first date to its last. A long quiet stretch inside is one column
(dood_rules.calendar_columns), so a day dated years ahead never makes the span too long to show."""

from datetime import datetime

from hhprod.lib.params import QUOTED, BadParameter, text_param


def _date_param(params, name):
    text = text_param(params, name)
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        shown = text if len(text) <= QUOTED else text[:QUOTED] + "…"
        raise BadParameter(
            name, f"?{name}= takes a date as YYYY-MM-DD, such as 2013-09-02; {shown!r} is not one."
        ) from None


def chosen_range(params, dates):
    """(first, last) the grid shows: the asked range, else the first and last of `dates`; None when
    nothing is dated and nothing was asked. A range that ends before it starts is refused (a 400)."""
    first, last = _date_param(params, "from"), _date_param(params, "to")
    if first and last and first > last:
        raise BadParameter("to", f"?to={last:%Y-%m-%d} is before ?from={first:%Y-%m-%d}: the range would be empty.")
    if not dates and not (first and last):
        return None
    return first or min(dates, default=last), last or max(dates, default=first)
