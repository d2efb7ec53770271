from django import template

from hhprod.lib.formatting import minutes_seconds as m_ss
from hhprod.planning.models import pages_and_eighths

register = template.Library()


@register.filter
def pages(eighths):
    """11 -> "1 3/8"; a scene part with no length yet -> "—"."""
    return pages_and_eighths(eighths)


@register.filter
def minutes_seconds(seconds):
    return m_ss(seconds or 0)
