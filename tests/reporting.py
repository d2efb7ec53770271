"""Helpers for the report tests: a report's address and its file, as the page and the command make them."""

from django.http import QueryDict
from django.urls import reverse
from django.utils.http import urlencode

from hhprod.reports.catalogue import REPORTS
from hhprod.reports.content import Figure
from hhprod.reports.exports import build_file


def report_url(production, slug, **params):
    query = {name: value for name, value in params.items() if value is not None}
    return reverse("reports:report", args=[production.pk, slug]) + (f"?{urlencode(query)}" if query else "")


def report_file(production, slug, fmt, **params):
    """The report's bytes in `fmt`, built from `params` (None values left out)."""
    query = {name: value for name, value in params.items() if value is not None}
    return build_file(REPORTS[slug], production, QueryDict(urlencode(query)), fmt)


def shown_summary(content):
    """A report's summary as its page shows it, {label: value}: a figure in words as its words."""
    return {label: str(value) if isinstance(value, Figure) else value for label, value in content.summary}
