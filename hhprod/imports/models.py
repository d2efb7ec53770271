"""Take logs on their way in: an upload held from preview to confirm, and the columns each production's files map to."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from hhprod.productions.models import Production


class TakeImportUploadQuerySet(models.QuerySet):
    def held_for(self, user):
        """The previews this login may confirm: its own, not yet expired."""
        return self.filter(user=user, created__gte=expiry_time())

    def expired(self):
        return self.filter(created__lt=expiry_time())


def expiry_time():
    return timezone.now() - timedelta(hours=settings.TAKE_IMPORT_PREVIEW_HOURS)


class TakeImportUpload(models.Model):
    """A take log uploaded for import, held in the database while its login maps its columns, has
    it checked and imports it (each check and the import are a worker's jobs: imports/tasks.py).

    Held here rather than on one server's disk so that any app server and any worker can read it,
    and named by a random id: a client never names a file. The import takes it out whether or
    not it succeeds, in its own transaction; an abandoned one expires.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=4, choices=[("csv", "CSV"), ("xlsx", "XLSX"), ("ale", "Avid ALE")])
    data = models.BinaryField()
    mapping = models.JSONField(default=dict, help_text="The file's column headers -> the take-log columns they fill.")
    # Counted once, when the upload is read within the limits: each later step reads the file once.
    rows = models.PositiveIntegerField(null=True, help_text="The rows under the header, once a check has counted them.")
    # The jobs (hhprod.jobs) of its latest check and of its import, once asked for.
    check_job = models.UUIDField(null=True, editable=False)
    import_job = models.UUIDField(null=True, editable=False)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = TakeImportUploadQuerySet.as_manager()

    class Meta:
        # The table keeps the name it was created with in the "shooting" app: renaming a table an office
        # has used for months buys nothing.
        db_table = "shooting_takeimportupload"

    def __str__(self):
        return f"{self.file_name} for {self.production}, previewed by {self.user}"


class ImportColumnMapping(models.Model):
    """Which take-log column a file's column fills, as last chosen for the production: the next
    file from the same set tool maps itself. An empty column means "left out"."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="import_columns")
    header = models.CharField(max_length=200, help_text="The file's column header, lower-cased.")
    column = models.CharField(max_length=20, blank=True, help_text="The take-log column; empty: left out.")

    class Meta:
        # The table keeps the name it was created with in the "shooting" app.
        db_table = "shooting_importcolumnmapping"
        ordering = ["production", "header"]
        constraints = [
            models.UniqueConstraint(fields=["production", "header"], name="import_column_once_per_production"),
        ]

    def __str__(self):
        return f"{self.header} -> {self.column or 'left out'}"
