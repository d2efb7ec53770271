from django.conf import settings
from django.db import models

from hhprod.shooting.models import Take


class LoggedTake(models.Model):
    """The key the take-logging page gave a row, kept with the take it saved.

    On a set's network the answer to a save can be lost after the take was written; the page
    then sends the row again with the same key, and finds this take instead of logging it twice.
    """

    key = models.UUIDField(primary_key=True, editable=False)
    take = models.OneToOneField(Take, on_delete=models.CASCADE, related_name="logged_row")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    logged_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.take} (row {self.key})"
