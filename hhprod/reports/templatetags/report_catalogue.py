from django import template

from hhprod.reports.catalogue import REPORTS

register = template.Library()


@register.simple_tag
def report_catalogue():
    """The reports, as the catalogue lists them: for the admin index."""
    return REPORTS.values()
