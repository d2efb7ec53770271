from django import template

register = template.Library()


@register.filter
def as_recorded(record):
    """The object as a history entry recorded it, holding the related rows the entry was read with.

    The History page's one query selects each entry's foreign keys (and HistoryAdmin's
    `history_select_related`); set on the object, they name it ("Scene 12 take 3") without a
    query an entry. A related row since deleted is left for the object to look up.
    """
    obj = record.history_object
    for field in obj._meta.concrete_fields:
        if field.many_to_one and (related := getattr(record, field.name)) is not None:
            setattr(obj, field.name, related)
    return obj
