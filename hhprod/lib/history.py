"""New rows and their history rows written in bulk, through simple-history's own bulk write."""

from django.utils import timezone
from django.utils.text import Truncator
from simple_history.utils import bulk_create_with_history as create_with_history


def bulk_create_with_history(objs, model, user=None, reason="", batch_size=None):
    """Insert `objs` (new instances of `model`) and a "+" history row for each, by `user`, with
    `reason` as the change reason, at one time, in one transaction. The reason is cut to its
    column (a file name may be longer: PostgreSQL would refuse it)."""
    longest = model.history.model._meta.get_field("history_change_reason").max_length
    return create_with_history(
        objs,
        model,
        batch_size=batch_size,
        default_user=user,
        default_change_reason=Truncator(reason).chars(longest),
        default_date=timezone.now(),
    )
