from django import template

from hhprod.today.links import can_read_reports

register = template.Library()


@register.simple_tag(takes_context=True)
def reports_readable(context):
    """Whether this login may open the day's page and the reports: a link to them is shown only then."""
    return can_read_reports(context["request"].user)
