"""The take-log import in the take admin: upload, map the columns, check, then import.

Upload: the file's size and header are checked and it is held in the database
(TakeImportUpload) under a random id that belongs to the login, rather than in one server's
temp folder under a name the browser sends back. Map: each of the file's columns beside the
take-log column it fills (guessed, remembered per production), changeable. Check and import are
a worker's jobs (tasks.py): the mapping page shows the check's progress, then every row's fate
and the import button; the import's own page shows its progress, then what it did.
"""

from itertools import islice

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST
from import_export.admin import ImportMixin
from import_export.forms import ImportForm

from hhprod.jobs.models import Job
from hhprod.productions.models import Production

from .mapping import ALL_COLUMNS, MappingRefused, applied, guess
from .models import TakeImportUpload
from .setvalues import DAY_FIRST, MONTH_FIRST
from .takefiles import FileRefused, TakeLogALE, TakeLogCSV, TakeLogXLSX, check_size, read_take_log
from .takeresource import TakeResource
from .tasks import check_take_log, import_take_log

KINDS = ["csv", "xlsx", "ale"]  # in the order of import_formats: the form's format is an index
SAMPLES = 3  # values shown beside each column on the mapping page
OPTIONS = ("day", "skip_logged", "date_order", "keep_others")  # the mapping form's choices besides the columns


class TakeImportForm(ImportForm):
    production = forms.ModelChoiceField(Production.objects.all(), help_text="The production the take log is for.")
    field_order = ["production", "resource", "import_file", "format"]

    def clean_import_file(self):
        file = self.cleaned_data["import_file"]
        try:
            check_size(file.size)
        except FileRefused as refusal:
            raise forms.ValidationError(str(refusal)) from None
        return file


class MappingForm(forms.Form):
    """One choice per column of the file: the take-log column it fills, or none (left out)."""

    day = forms.IntegerField(
        required=False, min_value=1, label="Shoot day", help_text="For a file with no Day or Date column."
    )
    skip_logged = forms.BooleanField(required=False, label="Add only the takes not yet logged")
    date_order = forms.ChoiceField(
        required=False,
        label="Date order",
        choices=[
            ("", "From the file's dates (13/09/13 is day first, 09/13/13 month first)"),
            (DAY_FIRST, "Day first: 10/09/13 is 10 September"),
            (MONTH_FIRST, "Month first: 10/09/13 is 9 October"),
        ],
        help_text="Asked when every date in the file reads both ways; ISO dates (2013-09-10) read alone.",
    )
    keep_others = forms.BooleanField(
        required=False,
        label="Keep the columns left out with each take",
        help_text="Shown on the take's page and written back into its ALE; unticked, they are not read.",
    )

    def __init__(self, headers, samples, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.headers = headers
        choices = [("", "— left out —"), *((column, column) for column in ALL_COLUMNS)]
        for position, header in enumerate(headers):
            self.fields[f"column_{position}"] = forms.ChoiceField(
                choices=choices, required=False, label=header or f"Column {position + 1}", help_text=samples[position]
            )

    def options(self):
        return {name: self.cleaned_data[name] for name in OPTIONS}

    def columns(self):
        return [self.cleaned_data[f"column_{position}"] for position in range(len(self.headers))]

    def column_fields(self):
        return [self[f"column_{position}"] for position in range(len(self.headers))]


class TakeConfirmImportForm(forms.Form):
    """Names the held file by its id, and nothing else: the rest is in the held record."""

    upload = forms.UUIDField(widget=forms.HiddenInput)


class UploadInMemory:
    """The upload read where Django put it (memory, or its own temporary file)."""

    name = None

    def __init__(self, import_file):
        self.import_file = import_file

    def read(self):
        return b"".join(self.import_file.chunks())


class TakeImportAdmin(ImportMixin):
    """Takes' import: a dry run shows every row's fate; one bad row and nothing is written."""

    resource_classes = [TakeResource]
    import_formats = [TakeLogCSV, TakeLogXLSX, TakeLogALE]
    import_form_class = TakeImportForm
    confirm_form_class = TakeConfirmImportForm
    import_template_name = "admin/shooting/take/import.html"

    def has_import_permission(self, request):
        # An import logs takes and adds the scenes it names.
        return request.user.has_perms(["shooting.add_take", "planning.add_scene"])

    def get_urls(self):
        mapping = path(
            "import/<uuid:upload>/",
            self.admin_site.admin_view(self.mapping_view),
            name="shooting_take_import_map",
        )
        return [mapping, *super().get_urls()]

    def add_data_read_fail_error_to_form(self, form, error):
        if isinstance(error, FileRefused):
            form.add_error("import_file", str(error))
        else:
            super().add_data_read_fail_error_to_form(form, error)

    def get_import_resource_kwargs(self, request, form=None, **kwargs):
        return {"production": getattr(form, "cleaned_data", {}).get("production")}

    def write_to_tmp_storage(self, import_file, input_format):
        return UploadInMemory(import_file)

    def import_action(self, request, **kwargs):
        """The upload: a file within the size limit whose header reads is held, and its columns go
        to be mapped; a file refused is shown again with its reason (by the library's form). Its
        rows are read by the check, in a worker."""
        TakeImportUpload.objects.expired().delete()
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = self.create_import_form(request)
        if request.method == "POST" and form.is_valid():
            cleaned = form.cleaned_data
            data = UploadInMemory(cleaned["import_file"]).read()
            kind = KINDS[int(cleaned["format"])]
            try:
                read_take_log(data, kind, checked=False)
            except FileRefused:
                pass  # the library's own reading of the file (create_dataset) shows the reason
            else:
                upload = TakeImportUpload.objects.create(
                    user=request.user,
                    production=cleaned["production"],
                    file_name=cleaned["import_file"].name,
                    kind=kind,
                    data=data,
                )
                return redirect("admin:shooting_take_import_map", upload.pk)
        return super().import_action(request, **kwargs)

    def held(self, request, upload):
        if not self.has_import_permission(request):
            raise PermissionDenied
        held = TakeImportUpload.objects.held_for(request.user).filter(pk=upload).select_related("production").first()
        if held is None:
            raise Http404("That file is not held for you: upload it again.")
        return held

    def mapping_view(self, request, upload):
        """Each column beside the take-log column it fills; sent, the check is queued and this page
        shows its progress, then every row's fate and, when all pass, the import button."""
        held = self.held(request, upload)
        log = read_take_log(bytes(held.data), held.kind, checked=False)
        headers = [str(header or "") for header in log.headers]
        try:
            first = list(islice(log, SAMPLES))
        except FileRefused:
            first = []  # a bad row among the first: the check names it
        samples = [", ".join(str(row[p]) for row in first if row[p] not in (None, "")) for p in range(len(headers))]
        if held.mapping:
            initial = {f"column_{p}": column for p, column in enumerate(held.mapping["columns"])}
            initial.update({name: held.mapping.get(name) for name in OPTIONS})
        else:
            initial = {f"column_{p}": column for p, column in enumerate(guess(headers, held.production))}
            initial["keep_others"] = True
        form = MappingForm(headers, samples, request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                applied(log, form.columns(), form.cleaned_data["keep_others"])
            except MappingRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                # Saved before the check is queued: a worker may start it at once, and reads the mapping.
                held.mapping = {"columns": form.columns(), **form.options()}
                held.save(update_fields=["mapping"])
                job = Job.objects.start(check_take_log, request.user, f"Checking {held.file_name}", upload=str(held.pk))
                TakeImportUpload.objects.filter(pk=held.pk).update(check_job=job.pk)
                # To the check's progress, below the mapping: a long mapping hides it from a phone.
                return redirect(reverse("admin:shooting_take_import_map", args=[held.pk]) + "#check")
        context = {
            **self.admin_site.each_context(request),
            "title": f"Import {held.file_name}: map its columns",
            "opts": self.model._meta,
            "held": held,
            "form": form,
            **self.check_of(request, held),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/shooting/take/import_map.html", context)

    def check_of(self, request, held):
        """The held file's latest check, for the page: its job and progress while it runs, then its outcome."""
        job = held.check_job and Job.objects.of(request.user).defer("file").filter(pk=held.check_job).first()
        if not job:
            return {}
        result = job.task_result()
        checked = job.outcome(result)
        rows = checked.get("rows")
        return {
            "job": job,
            "progress": job.progress(result),
            "row_fates": checked.get("lines"),
            "left_out": checked.get("left_out"),
            "passed": checked.get("passed"),
            "skipped": checked.get("skipped"),
            "refused_as_logged": f"{checked['refused_as_logged']:,}" if checked.get("refused_as_logged") else "",
            "rows_shown": f"{rows:,}" if rows is not None else "",
            "confirm_form": TakeConfirmImportForm(initial={"upload": held.pk}) if checked.get("passed") else None,
        }

    @method_decorator(require_POST)
    def process_import(self, request, **kwargs):
        """The import button: the import queued (once: pressed again, its job's page), then its page."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = self.create_confirm_form(request)
        held = (
            form.is_valid()
            and TakeImportUpload.objects.held_for(request.user).filter(pk=form.cleaned_data["upload"]).first()
        )
        check = held and held.check_job and Job.objects.of(request.user).filter(pk=held.check_job).first()
        result = check and check.task_result()
        if not result or check.state(result) != "done" or not result.return_value.get("passed"):
            messages.error(
                request,
                f"Nothing imported: that file is not held for you with a check that passed (a file is kept "
                f"{settings.TAKE_IMPORT_PREVIEW_HOURS} hours and imported once). Upload the file again.",
            )
            return redirect("admin:shooting_take_import")
        running = held.import_job and Job.objects.of(request.user).filter(pk=held.import_job).first()
        if running and running.state(running.task_result()) in ("waiting", "running"):
            return redirect("jobs:job", running.pk)
        job = Job.objects.start(import_take_log, request.user, f"Importing {held.file_name}", upload=str(held.pk))
        TakeImportUpload.objects.filter(pk=held.pk).update(import_job=job.pk)
        return redirect("jobs:job", job.pk)
