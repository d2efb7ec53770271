"""The take-log import's two long steps, run by a worker: the check (every row's fate, nothing
written) and the import. The request only holds the file and its mapping (import_admin.py).

A killed worker writes nothing: the import is one transaction, which also takes the held file
out, so the file is still held and the import can be run again. Two imports into one production
run one after the other: each waits for the production's row (PostgreSQL) or the write lock (SQLite).
"""

from django.db import transaction
from django.urls import reverse
from django_tasks import task

from hhprod.jobs.models import Progress
from hhprod.productions.models import Production

from .imports import TakeImport
from .mapping import MappingRefused, applied, left_out_line, remember
from .models import TakeImportUpload
from .takefiles import FileRefused, read_take_log

# A preview lists this many refused rows and this many others, the rest counted: a 50,000-row
# file's every line made an 11 MB page, which a phone on set struggles with.
SHOWN_FATES = 1000
SHOWN_REFUSALS = 20  # an import refused names this many rows


def options(held):
    return {
        "day": held.mapping["day"],
        "skip_logged": held.mapping["skip_logged"],
        "date_order": held.mapping.get("date_order") or None,
    }


def keep_others(held):
    """Whether the columns mapped to nothing are kept aside with each take (the mapping step's box)."""
    return held.mapping.get("keep_others", True)


@task(takes_context=True)
def check_take_log(context, upload):
    """The preview of a held file with its mapping: a dry run of the import. Its result is the
    page's: whether every row passes, each row's fate (up to SHOWN_FATES of each kind), the
    columns left out, and the rows counted (kept with the file, so the import knows its size)."""
    held = TakeImportUpload.objects.select_related("production").filter(pk=upload).first()
    if held is None:
        return {"passed": False, "lines": ["That file is no longer held: upload it again."]}
    progress = Progress(context.task_result.id, "rows checked")
    try:
        log = read_take_log(bytes(held.data), held.kind, checked=False)
        mapped, left_out = applied(log, held.mapping["columns"], keep_others(held))
    except (FileRefused, MappingRefused) as refusal:
        return {"passed": False, "lines": [f"File: {refusal}"]}
    checked = TakeImport(held.production, **options(held), progress=progress, most=SHOWN_FATES)
    checked.run(mapped, dry_run=True, total=held.rows)
    if mapped.length is not None:
        TakeImportUpload.objects.filter(pk=held.pk).update(rows=mapped.length)
        progress(mapped.length, mapped.length)  # every row read: the bar ends full
    return {
        "passed": checked.passed,
        "lines": checked.lines(),
        "left_out": left_out_line(left_out, keep_others(held)) if left_out else "",
        "rows": mapped.length,
        "skipped": checked.skipped,
        "refused_as_logged": checked.refused_as_logged,
    }


@task(takes_context=True)
def import_take_log(context, upload):
    """The import of a held, checked file: every take or none, the file taken out either way."""
    progress = Progress(context.task_result.id, "rows imported")
    with transaction.atomic():
        held = TakeImportUpload.objects.select_for_update().select_related("production", "user").filter(pk=upload)
        held = held.first()
        if held is None:
            message = "Nothing imported: that file was imported already, or its preview expired."
            return {"passed": False, "message": message}
        # The production's row, locked until this import commits: the next import into it waits here.
        list(Production.objects.select_for_update().filter(pk=held.production_id).values_list("pk"))
        TakeImportUpload.objects.filter(pk=held.pk).delete()
        try:
            log = read_take_log(bytes(held.data), held.kind, checked=False)
            mapped, _ = applied(log, held.mapping["columns"], keep_others(held))
        except (FileRefused, MappingRefused) as refusal:
            return {"passed": False, "message": f"Nothing imported: {refusal}"}
        imported = TakeImport(held.production, **options(held), progress=progress, fates=False, most=SHOWN_REFUSALS)
        imported.run(mapped, file_name=held.file_name, user=held.user, total=held.rows)
        if not imported.passed:
            # The data changed between the check and the import (another import, an edit), or a
            # limit was lowered since: nothing is written, and the file must be uploaded again.
            return {"passed": False, "message": "Nothing imported: " + " ".join(imported.lines())}
        remember(held.production, list(log.headers), held.mapping["columns"])
    progress(mapped.length, mapped.length)  # committed: the bar ends full
    message = f"Imported {imported.new:,} takes into {held.production} from {held.file_name}{imported.afterword()}."
    return {
        "passed": True,
        "message": message,
        "url": reverse("admin:shooting_take_changelist"),
        "link": "The takes",
    }
